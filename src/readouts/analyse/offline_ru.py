"""Russian offline analyser: our segmenter, natasha's slovnet models (morphology, UD syntax, NER)
and pymorphy3 lemmas.

natasha bundles the navec embedding and slovnet's morphology tagger, syntax parser and NER
tagger; we run those slovnet models directly, rebuilt from the user's cache (natasha_store), and
never import natasha itself. We split sentences and tokens ourselves (razdel breaks on "т.е." and
"дек.") and feed the token lists to slovnet, so offsets stay ours. natasha's MorphVocab is never used: it imports pymorphy2, which
breaks on Python 3.11. Lemmas come from the pymorphy3 parse that agrees best with slovnet's UPOS
and features; NameSpan.lemma puts each name in the nominative ("Джозефом Байденом" -> "Джозеф
Байден").
"""
from __future__ import annotations

import itertools
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from itertools import islice
from typing import Any

from readouts.analyse.base import make_sentence, match_case, name_lemma, require
from readouts.analyse.data import analysis_data
from readouts.analyse.natasha_store import load_models, one_blas_thread
from readouts.analyse.segment import segmenter
from readouts.model import NameSpan, Region, Sentence, Token, Word

# pymorphy3 grammemes of proper names: such a word stays a name even at a sentence's start
NAME_GRAMMEMES = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad")
# slovnet's tags of a capitalised sentence-initial word that pymorphy3 may correct (_initial_word)
MISREAD_INITIAL = ("PROPN", "X", "ADJ")
VERB_POS = ("VERB", "INFN", "PRTF", "PRTS", "GRND")   # pymorphy3's verb forms
SLOVNET_BATCHES = 128     # slovnet batches per group of sentences analysed together


def by_length(model: Any, items: list) -> list:
    """`model.map(items)` in order, run on the items sorted by length: slovnet pads each batch to
    its longest item, so batches of like lengths do less work. A padded position is a zero vector
    and is masked after every layer, so an item's result does not depend on its batch."""
    order = sorted(range(len(items)), key=lambda k: len(items[k]))
    results: list = [None] * len(items)
    for k, result in zip(order, model.map([items[k] for k in order])):
        results[k] = result
    return results


class RussianAnalyser:
    provides = frozenset({"lemma", "feats", "deps", "ner"})
    load_seconds = 1.5   # natasha's embeddings and three slovnet models (0.3 once in the user's cache)

    def __init__(self) -> None:
        require("slovnet", "pip install natasha")
        pymorphy3 = require("pymorphy3", "pip install pymorphy3 pymorphy3-dicts-ru")
        models = load_models()      # natasha's models, from the user's cache after the first run
        self._morph_tagger, self._syntax, self._ner = models["morph"], models["syntax"], models["ner"]
        self._one_blas_thread = one_blas_thread()
        self._pymorphy = pymorphy3.MorphAnalyzer()
        self._seg = segmenter("ru")
        data = analysis_data("ru")
        self._oc: dict[str, Any] = data["opencorpora"]
        self._word_lemmas: dict[str, str] = data.get("word_lemmas", {})
        self._parse = lru_cache(maxsize=50_000)(self._parse_uncached)
        self._best_parse_of = lru_cache(maxsize=50_000)(self._best_parse_uncached)

    def _parse_uncached(self, form: str) -> list:
        """pymorphy3's parses of `form`; none for a form with a letter that has no Unicode name
        (Tangut, Khitan …): pymorphy3 asks every letter's name and fails on those."""
        if any(c.isalpha() and unicodedata.name(c, None) is None for c in form):
            return []
        return self._pymorphy.parse(form)

    def analyse(self, text: str, paragraphs: list[Region]) -> list[Sentence]:
        out: list[Sentence] = []
        # groups of sentences bound what is held at a time; within a group, sentences are
        # batched by length (by_length), which gives the same results as one at a time
        group = SLOVNET_BATCHES * getattr(self._morph_tagger, "batch_size", 8)
        sentences = self._seg.sentences(text, paragraphs)
        with self._one_blas_thread():
            while sents := list(islice(sentences, group)):
                out.extend(self._analyse_group(text, sents))
        return out

    def _analyse_group(self, text: str, sents: list[tuple[int, list]]) -> list[Sentence]:
        # slovnet was trained on razdel tokens, where an abbreviation's dot is a token of its own
        chunk = [[s.text.rstrip(".") if s.text.lower() in self._word_lemmas else s.text for s in spans]
                 for _, spans in sents]
        morphs = by_length(self._morph_tagger, chunk)
        syntaxes = by_length(self._syntax, chunk)
        entities = by_length(self._ner, [text[spans[0].start:spans[-1].stop] for _, spans in sents])
        out = []
        for (paragraph, spans), morph, syntax, markup in zip(sents, morphs, syntaxes, entities):
            tokens = []
            for i, (span, mt, st) in enumerate(zip(spans, morph.tokens, syntax.tokens), 1):
                upos, feats = mt.pos, dict(mt.feats)
                if upos == "ADJ" and self._finite_verb_only(span.text):
                    # a finite verb slovnet took for an adjective ("Условились активизировать …")
                    upos, feats = self._initial_word(span.text) or (upos, feats)
                elif i == 1 and upos in MISREAD_INITIAL or upos == "X" or \
                        upos in ("VERB", "ADJ") and feats.get("VerbForm") != "Part":
                    # mid-sentence, only a short participle read as a finite verb or an adjective
                    # ("В ходе беседы подчёркнута готовность …")
                    upos, feats = self._initial_word(span.text, only_participle=upos in ("VERB", "ADJ")) or (upos, feats)
                    if upos == "VERB" and feats.get("VerbForm") != "Part" and self._adverb_only(span.text):
                        # an adverb slovnet took for a verb ("позвольте [сердечно] поздравить")
                        upos, feats = "ADV", {"Degree": "Pos"}
                elif feats.get("Degree") == "Cmp" and not self._comparative(span.text):
                    # a verb slovnet took for a comparative ("позвольте": "ADV, Degree=Cmp")
                    upos, feats = self._initial_verb(span.text) or (upos, feats)
                elif i == 1 and upos == "NOUN":
                    # "Договорились согласовать …" read as a noun: a verb with no noun reading at all
                    upos, feats = self._initial_verb(span.text) or (upos, feats)
                parse = self._best_parse(span.text, upos, feats)
                feats = self._verb_aspect(upos, feats, parse)
                lemma = parse.normal_form if parse is not None else span.text.lower()
                lemma = self._word_lemmas.get(span.text.lower(), lemma)
                if upos == "PROPN":
                    lemma = match_case(lemma, span.text)
                head = int(st.head_id)
                word = Word(i, span.text, lemma, upos, feats, head, st.rel, span.start, span.stop)
                tokens.append(Token(span.start, span.stop, span.text, [word]))
            out.append(make_sentence(text, tokens, paragraph, self._names(text, tokens, markup)))
        return out

    def _initial_word(self, form: str, only_participle: bool = False) -> tuple[str, dict[str, str]] | None:
        """slovnet reads a capitalised sentence-initial word ("Договорились", "Договорённости")
        as a proper noun or a foreign word ("Подтверждён"), and a short passive participle
        ("Условлено", "Подчёркнута") as a finite verb or an adjective; when pymorphy3 knows the word only as a verb form or a
        common noun (and not as a name), its parse gives the features. `only_participle`: correct
        short participles only."""
        parses = self._parse(form)
        if not parses or any(g in p.tag.grammemes for p in parses for g in NAME_GRAMMEMES):
            return None
        top = parses[0]
        if top.tag.POS == "NOUN" and not only_participle:
            return "NOUN", self._ud_feats(top)
        if top.tag.POS not in ("VERB", "PRTS", "INFN"):
            return None
        if only_participle and (top.tag.POS != "PRTS" or any(p.tag.POS == "VERB" for p in parses)):
            return None
        feats = self._ud_feats(top)
        if top.tag.POS == "VERB":
            feats["VerbForm"] = "Fin"
            if top.normal_form.endswith(tuple(self._oc["reflexive_endings"])):
                feats["Voice"] = "Mid"      # as slovnet marks reflexive verbs ("Затрагивалась")
        elif top.tag.POS == "PRTS":
            feats.update({"VerbForm": "Part", "Variant": "Short"})
            if "pssv" in top.tag.grammemes:
                feats["Voice"] = "Pass"
        return "VERB", feats

    def _adverb_only(self, form: str) -> bool:
        """Whether pymorphy3 knows the word as an adverb and as no verb form."""
        parses = self._parse(form)
        return any(p.tag.POS == "ADVB" for p in parses) and not any(p.tag.POS in VERB_POS for p in parses)

    def _finite_verb_only(self, form: str) -> bool:
        """Whether pymorphy3 knows the word only as a finite verb or an infinitive (no adjective or
        participle reading: "условились")."""
        parses = self._parse(form)
        return bool(parses) and all(p.tag.POS in ("VERB", "INFN") for p in parses)

    def _comparative(self, form: str) -> bool:
        """Whether pymorphy3 knows the word as a comparative at all."""
        return any("COMP" in p.tag.grammemes for p in self._parse(form))

    def _initial_verb(self, form: str) -> tuple[str, dict[str, str]] | None:
        """A capitalised first word slovnet took for a noun that pymorphy3 knows only as a verb."""
        parses = self._parse(form)
        if not parses or any(p.tag.POS == "NOUN" for p in parses):
            return None
        return self._initial_word(form)

    def _verb_aspect(self, upos: str, feats: dict[str, str], parse: Any) -> dict[str, str]:
        """A verb's aspect is its lemma's, which the dictionary knows (slovnet guesses "займёмся" is
        imperfective): a perfective verb's present form is its future ("займёмся", "подпишем")."""
        if upos not in ("VERB", "AUX") or parse is None or parse.tag.POS != "VERB" or parse.tag.aspect is None:
            return feats
        aspect = next((ud for ud, oc in self._oc["feats"]["Aspect"].items() if oc == parse.tag.aspect), None)
        fixed = dict(feats, Aspect=aspect) if aspect else dict(feats)
        if fixed.get("Aspect") == "Perf" and fixed.get("Tense") == "Pres":
            fixed["Tense"] = "Fut"
        return fixed

    def _ud_feats(self, parse: Any) -> dict[str, str]:
        """UD features of a pymorphy3 parse (those lang/ru/analysis.yaml maps)."""
        return {feat: ud for feat, values in self._oc["feats"].items() for ud, oc in values.items()
                if oc in parse.tag.grammemes}

    # ------------------------------------------------------------------ lemmas

    def _best_parse(self, form: str, upos: str, feats: dict[str, str]):
        """The pymorphy3 parse that agrees best with the tagger (memoised: words recur)."""
        return self._best_parse_of(form, upos, tuple(sorted(feats.items())))

    def _best_parse_uncached(self, form: str, upos: str, feats: tuple[tuple[str, str], ...]):
        parses = self._parse(form)
        if not parses:
            return None
        wanted_pos = set(self._oc["pos"].get(upos, []))
        wanted = {self._oc["feats"][k].get(v) for k, v in feats if k in self._oc["feats"]}
        wanted.discard(None)

        def score(p) -> float:
            return 3 * (p.tag.POS in wanted_pos) + len(wanted & set(p.tag.grammemes)) + p.score

        return max(parses, key=score)

    def _nominative(self, word: Word) -> str:
        parse = self._best_parse(word.text, word.upos, word.feats)
        if parse is None:
            return word.text
        if not word.feats.get("Case"):
            return word.text
        inflected = parse.inflect({"nomn"})
        return inflected.word if inflected else parse.normal_form

    # ------------------------------------------------------------------ names

    def _names(self, text: str, tokens: list[Token], markup: Any) -> list[NameSpan]:
        """NameSpans from the NER markup of the sentence's text (offsets from its first token)."""
        start = tokens[0].start
        starts = [t.start for t in tokens]
        names = []
        for span in markup.spans:
            a, b = start + span.start, start + span.stop
            # the tokens inside [a, b): from the first starting at a or later (no scan of the sentence)
            inside = itertools.takewhile(lambda t, stop=b: t.start < stop, tokens[bisect_left(starts, a):])
            words = [t.words[0] for t in inside if t.stop <= b]
            if not words:
                continue
            names.append(NameSpan(a, b, text[a:b], span.type, self._name_lemma(text, words, span.type)))
        return names

    def _name_lemma(self, text: str, words: list[Word], label: str) -> str:
        return name_lemma(text, words, label, self._nominative)
