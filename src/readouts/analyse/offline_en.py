"""English offline analyser: our segmenter, simplemma lemmas and a light rule-based UPOS.

No trustworthy English tagger or parser ships offline, so UPOS comes from data and a few rules,
in this order:
1. punctuation and numbers;
2. closed classes from the data (determiners, pronouns, prepositions, auxiliaries and modals,
   conjunctions, "not"/"n't" with Polarity=Neg);
3. a capitalised word inside the sentence (or one simplemma does not know at its start) is PROPN;
4. a word whose simplemma lemma differs: -ed or an irregular form -> VERB Tense=Past
   (VerbForm=Part after be/have; else Fin for an irregular form, and no VerbForm for a regular
   -ed form, which may be a past tense or a participle; Voice=Pass a few words after "be");
   -ing -> VERB (Part after be, else Ger); -s -> VERB
   3rd singular present after a pronoun or noun, else a plural NOUN;
5. a bare form after "to", a modal or "not" (adverbs may come between) is VERB VerbForm=Inf; suffixes in the data give ADV/ADJ;
   everything else is NOUN.
Clitics ("n't", "'s") are separate words of the same token, as in UD English. Names are runs of
capitalised proper nouns (with connectors such as "of" inside), labelled by hint words in the
data, the data's default (PER) after a title ("President Emmanuel Macron"), MISC when every word is
in simplemma's dictionary ("Dialogue on Strategic Stability"), else the default (an unknown word
is most often a surname). No dependencies: `provides` has no "deps".
"""
from __future__ import annotations

from typing import Any

from readouts.analyse.base import make_sentence, require
from readouts.analyse.data import analysis_data
from readouts.analyse.segment import Span, segmenter
from readouts.analyse.simplemma_store import Lemmas
from readouts.lang.schema import check_unique
from readouts.model import NameSpan, Region, Sentence, Token, Word

BE_HAVE = frozenset({"be", "have", "get"})
BE = frozenset({"be"})
REGULAR_PAST = "ed"
ASIDE_WORDS = 3                 # the most words of an aside between commas (", for their part,")
PASSIVE_AUXILIARY_REACH = 3     # "was also formally agreed": words between "be" and the participle
SUBJECT_UPOS = frozenset({"PRON", "PROPN", "NOUN"})
ADVERB_SUFFIX = "ly"
OBJECT_OPENING_UPOS = frozenset({"PRON", "DET"})   # "thank [him]", "emphasize [our] commitment"
COORDINATION_REACH = 12         # words back to the infinitive an "and …" coordinate shares its "to" with
PLURAL = "s"                    # a title's plural ("Presidents", "Ministers") is no name
NOUN_SUFFIXES = ("tion", "ment", "ness", "ity")     # never a verb's bare form
CLAUSE_OPENERS = frozenset({"SCONJ", "DET", "PRON"})   # what follows a verb, never a noun's bare form
MIN_ADVERB_STEM = 4             # "personal-ly", not "app-ly", "rep-ly"


class EnglishAnalyser:
    provides = frozenset({"lemma", "feats", "ner"})
    load_seconds = 0.3   # simplemma's dictionary (0.05 once in the user's cache)

    def __init__(self) -> None:
        # simplemma's dictionary from the user's cache (decoding it is most of a cold start)
        self._lemmas = Lemmas(require("simplemma", "pip install simplemma"), "en")
        data: dict[str, Any] = analysis_data("en")
        self._seg = segmenter("en")
        closed = data["closed_class"]
        check_unique(((w, upos) for upos, words in closed.items() for w in words), "lang/en/analysis.yaml closed_class")
        self._closed = {w: upos for upos, words in closed.items() for w in words}
        self._word_feats: dict[str, dict[str, str]] = data.get("word_feats", {})
        self._word_lemmas: dict[str, str] = data.get("word_lemmas", {})
        self._clitics = sorted(data.get("clitics", []), key=len, reverse=True)
        self._clitic_endings = tuple(self._clitics)     # one test for the common word without any
        self._suffixes = data.get("suffixes", [])
        self._suffix_exceptions = frozenset(data.get("suffix_exceptions", []))
        self._verb_gap = frozenset(data.get("verb_gap", []))
        names = data["names"]
        self._connectors = frozenset(names.get("connectors", []))
        self._hints = {w: label for label, words in names.get("hints", {}).items() for w in words
                       if label != "TITLE"}
        self._unknown_label = names["unknown_label"]
        self._titles = frozenset(names.get("hints", {}).get("TITLE", []))

    def analyse(self, text: str, paragraphs: list[Region]) -> list[Sentence]:
        out = []
        for paragraph, spans in self._seg.sentences(text, paragraphs):
            tokens = [self._split(span) for span in spans]
            self._tag(tokens)
            out.append(make_sentence(text, tokens, paragraph, self._names(text, tokens)))
        return out

    def _split(self, span: Span) -> Token:
        lower = span.text.lower()
        for clitic in self._clitics if lower.endswith(self._clitic_endings) else ():
            if lower.endswith(clitic) and len(lower) > len(clitic):
                cut = len(span.text) - len(clitic)
                parts = [span.text[:cut], span.text[cut:]]
                break
        else:
            parts = [span.text]
        words = [Word(0, p, p, "X", {}, None, None, span.start, span.stop) for p in parts]
        return Token(span.start, span.stop, span.text, words)

    def _lemma(self, form: str) -> str:
        lower = form.lower()
        if lower in self._word_lemmas:
            return self._word_lemmas[lower]
        return self._lemmas.lemmatize(form)

    def _tag(self, tokens: list[Token]) -> None:
        words = [w for t in tokens for w in t.words]
        first_word = next((i for i, w in enumerate(words) if any(c.isalnum() for c in w.text)), 0)
        governor: Word | None = None     # the last word before this one that is no adverb
        for i, w in enumerate(words):
            prev = words[i - 1] if i else None
            w.upos, w.lemma, w.feats = self._classify(w.text, i == first_word, prev, governor)
            if w.upos != "ADV" and w.text.lower() not in self._verb_gap:
                governor = w
        # "Chinese officials stressed", "Saudi officials, for their part, stressed": an -s form
        # right before a past verb, or before a short aside set off by commas and then a past verb,
        # is a plural noun, not a present-tense verb
        for i, w in enumerate(words):
            nxt = _after_aside(words, i + 1)
            if w.upos == "VERB" and w.feats.get("Tense") == "Pres" and w.feats.get("Person") == "3" \
                    and nxt is not None and nxt.upos == "VERB" and nxt.feats.get("Tense") == "Past":
                w.upos, w.feats = "NOUN", {"Number": "Plur"}
        for i, w in enumerate(words):
            subject = _plural_before_present(words, i)
            if subject is not None:
                w.upos, w.feats = "VERB", {"Mood": "Ind", "Tense": "Pres", "VerbForm": "Fin"}
                subject.upos, subject.feats = "NOUN", {"Number": "Plur"}
        _coordinated_infinitives(words)
        self._mark_passives(words)

    @staticmethod
    def _mark_passives(words: list[Word]) -> None:
        """A regular past participle a few words after a form of "be" is passive ("was agreed",
        "were also discussed")."""
        for i, w in enumerate(words):
            if w.upos == "VERB" and w.text.lower().endswith(REGULAR_PAST) and w.lemma != w.text.lower() and \
                    any(x.lemma in BE for x in words[max(0, i - PASSIVE_AUXILIARY_REACH):i]):
                w.feats = {**w.feats, "Voice": "Pass"}

    def _classify(self, form: str, initial: bool, prev: Word | None,
                  governor: Word | None) -> tuple[str, str, dict[str, str]]:
        lower = form.lower().replace("’", "'")      # "Biden’s": the clitic as "'s"
        feats = dict(self._word_feats.get(lower, {}))
        if not any(c.isalnum() for c in form):
            return "PUNCT", form, {}
        if form[0].isdigit():
            return "NUM", form, {"NumForm": "Digit"}
        if lower in self._closed:
            upos = self._closed[lower]
            lemma = self._word_lemmas.get(lower, self._lemmas.lemmatize(lower))
            if lower == "'s" and prev is not None and prev.upos in ("PROPN", "NOUN"):
                upos, lemma = "PART", "'s"
                feats["Poss"] = "Yes"       # UD's possessive clitic ("Chile's President")
            if upos == "DET" and lower in ("a", "an", "the"):
                feats.setdefault("PronType", "Art")
            return upos, lemma, feats
        if form.endswith(".") and len(form) > 1:       # an abbreviation or an initial: Mr., U.S., R.
            return ("PROPN" if form[0].isupper() else "X"), form, {"Abbr": "Yes"}
        if form.endswith(PLURAL) and form[:-len(PLURAL)] in self._titles:
            return "NOUN", form[:-len(PLURAL)].lower(), {"Number": "Plur"}     # "The Vice Presidents discussed"
        if form[0].isupper() and (not initial or not self._lemmas.is_known(lower)
                                  or self._lemma(form)[:1].isupper()):
            return "PROPN", form, feats
        lemma = self._lemma(lower)
        prev_lemma = prev.lemma if prev is not None else ""
        if lemma != lower:
            if lower.endswith("ing"):
                if prev_lemma in BE:
                    return "VERB", lemma, {"Tense": "Pres", "VerbForm": "Part"}
                return "VERB", lemma, {"VerbForm": "Ger"}
            if lower.endswith("s") and not lower.endswith("ss"):
                if prev is not None and prev.upos in SUBJECT_UPOS and "Poss" not in prev.feats:
                    return "VERB", lemma, {"Mood": "Ind", "Number": "Sing", "Person": "3", "Tense": "Pres",
                                           "VerbForm": "Fin"}
                return "NOUN", lemma, {"Number": "Plur"}
            # an irregular plural follows a determiner or numeral ("the two men"); after an
            # adjective or adverb it is an irregular past ("later told", "also said")
            if prev is not None and (prev.upos in ("DET", "NUM") or "Poss" in prev.feats) \
                    and not lower.endswith("ed"):
                return "NOUN", lemma, {"Number": "Plur"}
            if lower.endswith(("er", "est")) and not lower.endswith("ed"):
                return "ADJ", lemma, {"Degree": "Cmp" if lower.endswith("er") else "Sup"}
            if prev_lemma in BE_HAVE:
                return "VERB", lemma, {"Tense": "Past", "VerbForm": "Part"}
            if lower.endswith(REGULAR_PAST):
                # past tense or participle ("reaffirmed" / "their shared commitment"): no way to
                # tell without a parser, so no VerbForm
                return "VERB", lemma, {"Tense": "Past"}
            return "VERB", lemma, {"Mood": "Ind", "Tense": "Past", "VerbForm": "Fin"}
        if self._adverb_of_known_word(lower):
            return "ADV", lemma, feats
        # a bare form after "to", an auxiliary or "not", adverbs allowed between ("to personally
        # congratulate", "did not yet agree")
        if governor is not None and (governor.lemma == "to" or governor.upos == "AUX" or
                                     governor.feats.get("Polarity") == "Neg" and governor.upos == "PART"):
            if governor.lemma != "to" or self._lemmas.is_known(lower):
                if not lower.endswith(NOUN_SUFFIXES):
                    return "VERB", lemma, {"VerbForm": "Inf"}
        # a bare form after a subject pronoun, adverbs allowed between, is its present tense
        # ("I congratulate you", "we strongly condemn")
        if governor is not None and governor.feats.get("Case") == "Nom" and not lower.endswith(NOUN_SUFFIXES):
            return "VERB", lemma, {"Mood": "Ind", "Person": governor.feats.get("Person", ""), "Tense": "Pres",
                                   "VerbForm": "Fin"}
        for rule in self._suffixes if lower not in self._suffix_exceptions else ():
            if lower.endswith(rule["suffix"]) and len(lower) >= rule.get("min_length", 0):
                return rule["upos"], lemma, feats
        return "NOUN", lemma, {"Number": "Sing"}

    def _adverb_of_known_word(self, lower: str) -> bool:
        """"personally", "jointly": a known word plus -ly is an adverb even where a verb is due
        ("to personally congratulate"); "apply", "reply", "rely" have no such stem."""
        stem = lower[:-len(ADVERB_SUFFIX)]
        return lower.endswith(ADVERB_SUFFIX) and len(stem) >= MIN_ADVERB_STEM and self._lemmas.is_known(stem)

    def _names(self, text: str, tokens: list[Token]) -> list[NameSpan]:
        """Runs of capitalised proper nouns. Leading titles ("President") are left out; a connector
        ("of") joins only into an organisation-like name ("Ministry of Foreign Affairs", not
        "Putin of Russia"); a clitic ("Ukraine's") is cut off the name."""
        names: list[NameSpan] = []
        run: list[Token] = []
        pending: list[Token] = []      # connectors waiting for a following proper noun

        def flush() -> None:
            titled = bool(run) and run[0].text in self._titles
            while run and run[0].text in self._titles:
                run.pop(0)
            if run:
                a, b = run[0].start, run[-1].start + len(run[-1].words[0].text)
                words = [t.words[0].text for t in run]
                label = next((self._hints[w] for w in words if w in self._hints), None)
                if label is None:
                    # words all in the dictionary ("Dialogue on Strategic Stability", "European Allies")
                    # make a titled thing, not a person; an unknown word is most often a surname
                    known = all(self._lemmas.is_known(w.lower()) for w in words if w[:1].isupper())
                    label = self._unknown_label if titled or not known else "MISC"
                names.append(NameSpan(a, b, text[a:b], label, text[a:b]))
            run.clear()
            pending.clear()

        for tok in tokens:
            w = tok.words[0]
            proper = w.upos == "PROPN" or (tok.text[:1].isupper() and run and w.upos not in ("DET", "PUNCT"))
            organisation = any(self._hints.get(t.text) == "ORG" for t in run)
            # a connector joins into an organisation's name ("Ministry of Foreign Affairs"); a
            # conjunction between two people's names ends the first ("Sullivan and Crown Prince Salman")
            joins_names = all(t.words[0].upos != "CCONJ" for t in pending) or organisation
            if proper and pending and (self._hints.get(w.text) == "LOC" and not organisation or not joins_names):
                flush()
            if proper:
                run.extend(pending)
                pending.clear()
                run.append(tok)
                if len(tok.words) > 1:       # "Ukraine's": the name ends inside this token
                    flush()
            elif run and tok.text in self._connectors:
                pending.append(tok)
            else:
                flush()
        flush()
        return names


def _coordinated_infinitives(words: list[Word]) -> None:
    """"to congratulate him on his inauguration and thank him", "… and emphasize our commitment":
    a bare singular noun right after "and", with an object pronoun or determiner after it, where
    the last verb before is an infinitive with no finite verb between, is that infinitive's
    coordinate."""
    for i in range(2, len(words) - 1):
        w, nxt = words[i], words[i + 1]
        if w.upos != "NOUN" or w.feats.get("Number") != "Sing" or words[i - 1].upos != "CCONJ" or \
                nxt.upos not in OBJECT_OPENING_UPOS:
            continue
        verb = next((x for x in reversed(words[max(0, i - COORDINATION_REACH):i - 1]) if x.upos in ("VERB", "AUX")), None)
        if verb is not None and verb.feats.get("VerbForm") == "Inf":
            w.upos, w.feats = "VERB", {"VerbForm": "Inf"}


def _plural_before_present(words: list[Word], i: int) -> Word | None:
    """"Officials in Canberra say the …", "Japanese officials privately concede that …": a bare
    form read as a noun, after a plural noun (adverbs, or a place after "in", between) and before
    what opens a clause or an object ("that", a determiner, a pronoun), is that noun's verb; the
    plural, if read as a verb's -s form, is the noun. Returns the plural, or None."""
    w = words[i]
    if w.upos != "NOUN" or w.feats.get("Number") != "Sing" or w.lemma != w.text.lower() or \
            w.text.lower().endswith(NOUN_SUFFIXES) or i + 1 >= len(words) or \
            words[i + 1].upos not in CLAUSE_OPENERS:
        return None
    j = i - 1
    while j >= 0 and words[j].upos == "ADV":
        j -= 1
    if j >= 0 and words[j].upos == "PROPN":         # "[officials in] Canberra"
        while j >= 0 and words[j].upos == "PROPN":
            j -= 1
        j = j - 1 if j >= 0 and words[j].upos == "ADP" else -1
    if j < 0:
        return None
    plural = words[j]
    if plural.upos == "NOUN" and plural.feats.get("Number") == "Plur" or \
            plural.upos == "VERB" and plural.feats.get("Person") == "3" and plural.feats.get("Tense") == "Pres":
        return plural
    return None


def _after_aside(words: list[Word], i: int) -> Word | None:
    """The word at i, or, where a short aside between commas opens there (", however,", ", for
    their part,"), the word after it."""
    if i >= len(words) or words[i].text != ",":
        return words[i] if i < len(words) else None
    close = next((k for k in range(i + 1, min(len(words), i + 2 + ASIDE_WORDS)) if words[k].text == ","), None)
    return words[close + 1] if close is not None and close + 1 < len(words) else None
