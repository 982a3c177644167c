"""Polish offline analyser: morfeusz2 (SGJP dictionary) plus documented disambiguation rules.

morfeusz2 gives every reading of a form and no disambiguation. We tokenise with our segmenter,
ask morfeusz2 for each token (a token it splits, like "przyszedłem" = przyszedł + em, becomes one
Token with several Words), expand each reading's ambiguous tag values (`sg:gen.acc:m1` -> one
variant per case) and pick one variant per token, left to right, by a score:

- a prior per tag class from the data (function words and verbs beat rare noun homographs:
  "do" is a preposition, "nie" the negation particle);
- after a preposition, nouns/adjectives/numerals in the case it governs (the preposition's case
  carries over adjectives and name sequences: "do prezydenta Joe Bidena");
- otherwise nominative before the clause's first verb (the subject), accusative after it, and
  genitive after a negated verb (Polish genitive of negation); vocative is a last resort;
- post-prepositional pronoun forms ("niego", "nie" = them) only right after a preposition;
- a capitalised word inside a sentence prefers readings with a name label or a proper lemma;
- an adjective prefers the variant that agrees with a noun reading of the next token, and a noun
  the variant that agrees with the adjective before it.
Capitalised words morfeusz does not know (`ign`, e.g. "Bidena") become PROPN with a nominative
guessed by stripping case endings listed in the data. Runs of capitalised proper nouns become
NameSpans (label from morfeusz name labels; lemma = the words' nominative lemmas).
No dependencies: `provides` has no "deps".
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from readouts.analyse.base import make_sentence, name_lemma, nominative_guess, require
from readouts.analyse.data import analysis_data
from readouts.analyse.segment import Span, segmenter
from readouts.model import NameSpan, Region, Sentence, Token, Word

VERB_CLASSES = frozenset({"fin", "praet", "imps", "inf", "bedzie", "impt", "winien", "pred"})
NOMINAL_CLASSES = frozenset({"subst", "depr", "ign", "ger", "ppron3", "ppron12"})
AGREEING_CLASSES = frozenset({"adj", "ppas", "pact", "num"})
CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
VOCATIVE = "voc"
NUMBERS = ("sg", "pl")
GENDERS = ("m1", "m2", "m3", "f", "n")
NOMINAL_OR_AGREEING = NOMINAL_CLASSES | AGREEING_CLASSES
FINITE_CLASSES = VERB_CLASSES - {"inf"}
CATEGORY_OF = {v: category for category, values in (("case", CASES), ("number", NUMBERS), ("gender", GENDERS))
               for v in values}
MAX_VARIANTS = 400
PREFERRED_BONUS = 2             # what a preferred reading gains in a close call, and a rare one loses
NAME_AGREEMENT = 2.5    # a first name agreeing with the surname next to it, over other readings
UNREADABLE = "\ufffd"     # the replacement character of an undecodable byte
MAX_FORM = 100            # characters: no Polish word is longer; a longer token is not asked of morfeusz


@dataclass(frozen=True, slots=True)
class Seg:
    """One morfeusz segment with a fully specified tag (one value per category)."""
    orth: str
    lemma: str
    cls: str
    values: tuple[str, ...]
    labels: tuple[str, ...]
    indeclinable: bool = False   # one tag for (almost) every case: "prezydent:Sf", foreign nouns
    # the values the scoring asks for at every turn, read once from `values`
    case: str | None = field(default=None, init=False, compare=False)
    number: str | None = field(default=None, init=False, compare=False)
    gender: str | None = field(default=None, init=False, compare=False)

    def __post_init__(self) -> None:
        # as value_in(CASES), value_in(NUMBERS), value_in(GENDERS), in one pass (the sets are disjoint)
        found: dict[str, str] = {}
        for v in self.values:
            category = CATEGORY_OF.get(v)
            if category is not None and category not in found:
                found[category] = v
        for category, value in found.items():
            object.__setattr__(self, category, value)

    def value_in(self, options: tuple[str, ...]) -> str | None:
        return next((v for v in self.values if v in options), None)


Reading = tuple[Seg, ...]
Option = tuple[Reading, float, bool, float]    # a reading, its static score, is-a-name, name label prior


def clean_lemma(lemma: str) -> str:
    """morfeusz marks homonyms as "że:M", "prezydent:Sm1": keep the lemma itself."""
    head = lemma.split(":", 1)[0]
    return head or lemma


class PolishAnalyser:
    provides = frozenset({"lemma", "feats", "ner"})
    load_seconds = 0.4   # morfeusz2's dictionary

    def __init__(self) -> None:
        morfeusz2 = require("morfeusz2", "pip install morfeusz2")
        self._morf = morfeusz2.Morfeusz(expand_tags=False, generate=False)   # analysis only: a faster start
        data = analysis_data("pl")
        self._seg = segmenter("pl")
        self._m: dict[str, Any] = data["morfeusz"]
        self._names: dict[str, Any] = data["names"]
        self._labels: dict[str, str] = self._names.get("labels", {})
        self._preferred = frozenset(self._m["preferred"])
        self._rare = frozenset(self._m["rare"])
        self._passive_auxiliaries = frozenset(self._m["passive_auxiliaries"])
        self._label_prior: dict[str, float] = self._names.get("label_prior", {})
        self._first_name, self._surname = self._names.get("first_name_label"), self._names.get("surname_label")
        self._word_lemmas: dict[str, str] = data.get("word_lemmas", {})
        self._abbreviations = frozenset(a.lower() for a in data["segment"]["abbreviations"]
                                        + data["segment"].get("abbreviations_final", []))
        self._readings = lru_cache(maxsize=50_000)(self._readings_uncached)
        self._options = lru_cache(maxsize=50_000)(self._options_uncached)

    # ------------------------------------------------------------------ readings

    def _readings_uncached(self, form: str) -> tuple[Reading, ...]:
        """Every reading of `form` (none for a form morfeusz does not segment, such as a lone
        zero-width space or word joiner: the caller then takes it as unknown)."""
        if UNREADABLE in form or len(form) > MAX_FORM:
            # libmorfeusz2 prints noise to stderr for U+FFFD, and overflows its stack (a segfault,
            # the whole process gone) on a run of thousands of digits; it can only call either unknown
            return ((Seg(form, form, "ign", (), ()),),)
        edges: dict[int, list[tuple[int, tuple]]] = {}
        end = 0
        for i, j, interp in self._morf.analyse(form):
            edges.setdefault(i, []).append((j, interp))
            end = max(end, j)
        readings: list[Reading] = []

        def walk(node: int, acc: list[list[Seg]]) -> None:
            if node == end:
                for combo in itertools.product(*acc):
                    readings.append(tuple(combo))
                    if len(readings) >= MAX_VARIANTS:
                        return
                return
            by_target: dict[int, list[Seg]] = {}
            for j, (orth, lemma, tag, labels, _quals) in edges.get(node, []):
                by_target.setdefault(j, []).extend(self._expand(orth, lemma, tag, labels))
            for j, segs in by_target.items():
                walk(j, acc + [segs])

        walk(0, [])
        return tuple(r for r in readings if r)

    @staticmethod
    def _expand(orth: str, lemma: str, tag: str, labels: list[str]) -> list[Seg]:
        cls, *fields = tag.split(":")
        indeclinable = any(sum(v in CASES for v in f.split(".")) >= 6 for f in fields)
        return [Seg(orth, lemma, cls, tuple(vals), tuple(labels), indeclinable)
                for vals in itertools.product(*(f.split(".") for f in fields))]

    # ------------------------------------------------------------------ analysis

    def analyse(self, text: str, paragraphs: list[Region]) -> list[Sentence]:
        out = []
        for paragraph, spans in self._seg.sentences(text, paragraphs):
            tokens, chosen = self._tag_sentence(spans)
            out.append(make_sentence(text, tokens, paragraph, self._name_spans(tokens, chosen, text)))
        return out

    def _tag_sentence(self, spans: list[Span]) -> tuple[list[Token], list[Reading]]:
        state = {"gov_case": None, "seen_verb": False, "negated": False, "prev": None, "initial": True}
        tokens: list[Token] = []
        chosen: list[Reading] = []
        for k, span in enumerate(spans):
            form = span.text
            options = self._options(form)
            if span.text.lower() in self._abbreviations:
                # one word with its dot: morfeusz's one-segment brev reading, else a bare X
                lemma = self._word_lemmas.get(span.text.lower(), span.text)
                options = self._with_static([(Seg(span.text, lemma, "brev", (), ()),)])
            options = options or self._with_static([(Seg(form, form, "ign", (), ()),)])
            if form[:1].isupper() and all(option[0][0].case == VOCATIVE for option in options):
                # a foreign surname morfeusz knows only as a vocative ("Fico" of "Fica"): in running
                # text a name is seldom an address: read it as the unknown name it is, as written
                options = self._with_static([(Seg(form, form, "ign", (), ()),)])
            nxt = self._readings(spans[k + 1].text) if k + 1 < len(spans) else ()
            # an infinitive next, or after one particle or adverb ("mieli też zgodzić")
            state["inf_next"] = any(r[0].cls == "inf" for r in nxt) or (
                k + 2 < len(spans) and nxt and all(r[0].cls in ("qub", "adv") for r in nxt)
                and any(r[0].cls == "inf" for r in self._readings(spans[k + 2].text)))
            cap = span.text[:1].isupper()
            reading = max(options, key=lambda option: self._score(option, cap, state, nxt))[0]
            chosen.append(reading)
            tokens.append(self._token(span, reading, state["initial"]))
            self._advance(state, reading, span.text)
        return tokens, chosen

    def _options_uncached(self, form: str) -> tuple[Option, ...]:
        return self._with_static(self._readings(form))

    def _with_static(self, readings) -> tuple[Option, ...]:
        """Each reading with the parts of its score that depend on nothing around it (computed
        once per form): the prior, whether it is a name, its best name label."""
        prior = self._m["prior"]
        options = []
        for reading in readings:
            main = reading[0]
            base = float(prior.get(main.cls, 1)) - 0.5 * (len(reading) - 1)
            if main.lemma in self._preferred:
                base += PREFERRED_BONUS
            if main.lemma in self._rare:
                base -= PREFERRED_BONUS
            base += sum(prior.get(s.cls, 1) for s in reading[1:]) * 0.1
            proper = any(lab in self._labels for lab in main.labels) or clean_lemma(main.lemma)[:1].isupper()
            label = max(self._label_prior.get(lab, 0.0) for lab in main.labels) if main.labels else 0.0
            options.append((reading, base, proper, label))
        return tuple(options)

    def _score(self, option: Option, cap: bool, st: dict, nxt: tuple[Reading, ...]) -> float:
        """The reading's fit here; the additions keep one order (the float sum decides ties)."""
        reading, score, proper, label = option
        main = reading[0]
        if cap and not st["initial"] and main.cls in NOMINAL_OR_AGREEING:
            score += 3 if proper else -2
        if cap and main.labels:
            score += label
        elif not cap and proper:
            score -= 3
        if main.indeclinable:
            score -= 1
        # a finite verb before an infinitive ("miał zapewnić", "chce rozmawiać") outranks the
        # nominal homograph ("miał" = coal dust)
        if main.cls in FINITE_CLASSES and st.get("inf_next"):
            score += 3
        # right after the particle "nie" a verb outranks its adjectival homograph ("nie zapadły
        # decyzje"): Polish writes "nie" together with adjectives ("niezapadły")
        prev = st["prev"]
        # after a passive auxiliary the passive participle outranks the adjective of the same
        # form ("zaproszenie zostało przyjęte": "przyjąć", not "przyjęty")
        if main.cls == "ppas" and prev is not None and clean_lemma(prev[0].lemma) in self._passive_auxiliaries:
            score += 3
        if main.cls in VERB_CLASSES and prev is not None and prev[0].cls in ("part", "qub") and \
                clean_lemma(prev[0].lemma) == "nie":
            score += 3
        case = main.case
        if case and main.cls == "prep":
            # the case the preposition governs must be one the next word can have
            if any(r[0].cls in NOMINAL_OR_AGREEING and r[0].case == case for r in nxt):
                score += 2
        elif case and main.cls in NOMINAL_OR_AGREEING:
            if st["gov_case"] and not (st.get("gov_filled") and not cap):
                score += 4 if case == st["gov_case"] else -3
            else:
                if not st["seen_verb"]:
                    score += 2 if case == "nom" else 0
                elif st["negated"]:
                    score += 2 if case == "gen" else 0
                else:
                    score += 1.5 if case == "acc" else 0
            if case == "voc":
                score -= 3
        after_prep = prev is not None and prev[0].cls == "prep"
        if "praep" in main.values:
            score += 3 if after_prep else -4
        # an agreeing word after an agreeing word: a noun, or another adjective of the same noun
        # ("żadnych nowych zobowiązań": "nowych" has the noun reading "nowy" too)
        if case and main.cls in NOMINAL_OR_AGREEING and prev is not None and prev[0].cls in AGREEING_CLASSES:
            if self._agree(prev[0], main):
                score += 1.5
        # a first name agrees with the surname after it ("Adam Szłapka": not "Ada" in the
        # genitive plural)
        if case and cap and self._first_name in main.labels and \
                any(self._surname in r[0].labels and self._agree(main, r[0]) for r in nxt):
            score += NAME_AGREEMENT
        # …and the surname with the first name before it ("Tomasz Wróbel": not the place in the accusative)
        if case and cap and self._surname in main.labels and prev is not None and \
                self._first_name in prev[0].labels and self._agree(prev[0], main):
            score += NAME_AGREEMENT
        if case and main.cls in AGREEING_CLASSES and nxt:
            # the noun it precedes tells an adjective's form more surely than the word before
            if any(r[0].cls in NOMINAL_CLASSES and self._agree(main, r[0]) for r in nxt):
                score += 2
        return score

    @staticmethod
    def _agree(a: Seg, b: Seg) -> bool:
        for va, vb in ((a.case, b.case), (a.number, b.number), (a.gender, b.gender)):
            if va and vb and va != vb:
                return False
        return True

    def _advance(self, st: dict, reading: Reading, surface: str) -> None:
        main = reading[0]
        if main.cls == "interp":
            if surface in ",;:–—-()":
                st["gov_case"] = None
                st["negated"] = st["neg_pending"] = False
                st["seen_verb"] = st["seen_verb"] and surface not in ",;"
            st["initial"] = surface in self._seg.open_quotes and st["initial"]
            st["prev"] = reading
            return
        st["initial"] = False
        # a name in the governed case has filled the phrase: a lowercase word after it is not
        # governed ("do Moskwy poleci": the verb), a capitalised one may go on ("z Januszem Kowalskim")
        st["gov_filled"] = bool(st["gov_case"]) and surface[:1].isupper() and \
            main.cls in NOMINAL_CLASSES and main.case == st["gov_case"]
        if main.cls == "prep":
            st["gov_case"] = main.case
        elif main.cls in NOMINAL_CLASSES and not surface[:1].isupper():
            st["gov_case"] = None
        elif main.cls in VERB_CLASSES or main.cls in ("conj", "comp"):
            st["gov_case"] = None
        if main.cls in VERB_CLASSES:
            st["seen_verb"] = True
        if main.cls in ("conj", "comp") and main.cls == "comp":
            st["seen_verb"] = False
        # "nie" negates the next verb, whose objects then take the genitive ("nie złożył żadnych
        # nowych zobowiązań") up to the next verb, conjunction or clause mark
        if clean_lemma(main.lemma) == "nie" and main.cls in ("part", "qub"):
            st["negated"], st["neg_pending"] = True, True
        elif main.cls in VERB_CLASSES:
            st["negated"], st["neg_pending"] = st.get("neg_pending", False), False
        elif main.cls in ("conj", "comp"):
            st["negated"] = st["neg_pending"] = False
        st["prev"] = reading

    # ------------------------------------------------------------------ conversion

    def _word(self, seg: Seg, idx: int, span: Span, text: str, initial: bool) -> Word:
        m = self._m
        lemma = clean_lemma(seg.lemma)
        upos = m["upos"].get(seg.cls, "X")
        feats: dict[str, str] = dict(m["class_feats"].get(seg.cls, {}))
        for v in seg.values:
            feats.update(m["value_feats"].get(v, {}))
        if seg.cls == "fin":
            aspect = seg.value_in(tuple(m["aspect_tense"]))
            if aspect:
                feats["Tense"] = m["aspect_tense"][aspect]
        override = m["lemma_overrides"].get(lemma)
        if override and not (lemma == "nie" and seg.cls not in ("part", "qub")):
            upos = override.get("upos", upos)
            feats.update(override.get("feats", {}))
        cap = seg.orth[:1].isupper()
        if seg.cls in m["proper_classes"] and cap:
            named = any(label in self._labels for label in seg.labels)
            if seg.cls == "ign":
                upos = "PROPN"
                lemma = nominative_guess(seg.orth, self._names.get("endings", []), self._names.get("min_stem", 3))
            elif named and (lemma[:1].isupper() or not initial):
                upos = "PROPN"
        elif seg.cls == "ign" and not any(c.isalpha() for c in text):
            upos = "PUNCT" if not text.isdigit() else "NUM"
        return Word(idx, text, lemma, upos, feats, None, None, span.start, span.stop)

    def _token(self, span: Span, reading: Reading, initial: bool) -> Token:
        if len(reading) == 1:
            return Token(span.start, span.stop, span.text, [self._word(reading[0], 0, span, span.text, initial)])
        return Token(span.start, span.stop, span.text,
                     [self._word(seg, 0, span, seg.orth, initial) for seg in reading])

    def _label(self, seg: Seg) -> str | None:
        """The word's first name label (morfeusz lists the main one first: Warszawa is a place)."""
        return next((self._labels[label] for label in seg.labels if label in self._labels), None)

    def _same_name(self, a: Seg, b: Seg) -> bool:
        """Two adjacent proper nouns belong to one name unless their case or label kind differ
        ("Rosji Władimirem Putinem" is a place then a person)."""
        ca, cb = a.case, b.case
        la, lb = self._label(a), self._label(b)
        return not (ca and cb and ca != cb) and not (la and lb and la != lb)

    def _name_spans(self, tokens: list[Token], chosen: list[Reading], text: str) -> list[NameSpan]:
        names: list[NameSpan] = []
        run: list[int] = []

        def flush() -> None:
            if run and any(tokens[k].words[0].upos == "PROPN" for k in run):
                first, last = tokens[run[0]], tokens[run[-1]]
                labels = [self._label(chosen[k][0]) for k in run]
                known = [label for label in labels if label]
                unknown = self._names["unknown_label"]
                if len(run) == 1 and first.text.isupper() and len(first.text) > 1:
                    unknown = self._names.get("acronym_label", unknown)
                label = "PER" if "PER" in known else (known[0] if known else unknown)
                lemma = name_lemma(text, [tokens[k].words[0] for k in run], label, lambda w: w.lemma)
                names.append(NameSpan(first.start, last.stop, text[first.start:last.stop], label, lemma))
            run.clear()

        initial = True
        for k, tok in enumerate(tokens):
            # Polish capitalises only names: inside a sentence a capitalised noun or adjective next
            # to a proper noun belongs to the name ("Stany Zjednoczone", "Rady NATO-Rosja")
            namey = tok.words[0].upos == "PROPN" or (
                not initial and tok.text[:1].isupper() and tok.words[0].upos in ("NOUN", "ADJ"))
            adjacent = run and text[tokens[run[-1]].stop:tok.start].strip() == "" and \
                self._same_name(chosen[run[-1]][0], chosen[k][0])
            if namey and (not run or adjacent):
                run.append(k)
            else:
                flush()
                if namey:
                    run.append(k)
            if any(c.isalnum() for c in tok.text):
                initial = False
        flush()
        return names
