"""The schema of `lang/<xx>/analysis.yaml`: what the analysers know about a language, as data.

One schema for every language: sections a language does not need are optional (the Polish file
has `morfeusz`, the English file `closed_class` and `suffixes`, the Russian file `opencorpora`).
"""
from __future__ import annotations

from typing import Any

from readouts.lang import load_data
from readouts.lang.schema import Choice

UPOS = Choice("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
              "PUNCT", "SCONJ", "SYM", "VERB", "X")
LABEL = Choice("PER", "LOC", "ORG", "MISC")
FEATS = {str: str}

SPEC: dict[str, Any] = {
    "segment": {
        # tokens (with their dot) that never end a sentence: "prof.", "Mr.", "m.in."
        "abbreviations": [str],
        # abbreviations that may end a sentence when a capital follows: "r.", "itd."
        "abbreviations_final?": [str],
        "open_quotes": str,      # characters that may open a sentence after a boundary
        "close_quotes": str,     # characters absorbed into the sentence after . ! ?
    },
    "names": {
        # lowercase words allowed inside a run of capitalised words ("Dialogue on Strategic Stability")
        "connectors?": [str],
        # morphological name labels -> NameSpan label (Polish morfeusz labels)
        "labels?": {str: LABEL},
        "unknown_label": LABEL,        # label of a capitalised word the dictionary does not know
        "acronym_label?": LABEL,       # label of an unknown all-capitals word ("OBWE")
        # morphological labels of a first name and a surname (morfeusz: imię, nazwisko), which agree
        "first_name_label?": str,
        "surname_label?": str,
        # preference between name labels when a capitalised word has several (Waszyngton: place > surname)
        "label_prior?": {str: float},
        # case endings stripped from unknown foreign names to guess the nominative, longest first
        "endings?": [{"strip": str, "add?": str}],
        "min_stem?": int,
        # words that make a capitalised run an organisation or a place (English has no NER model);
        # the key TITLE lists titles left out of a name's span
        "hints?": {"PER?": [str], "LOC?": [str], "ORG?": [str], "MISC?": [str], "TITLE?": [str]},
    },
    "morfeusz?": {
        "upos": {str: UPOS},                 # tag class -> UPOS
        "class_feats": {str: FEATS},         # tag class -> features it implies
        "value_feats": {str: FEATS},         # tag value (sg, gen, m1, perf …) -> UD features
        "aspect_tense": {str: str},          # fin + aspect -> Tense (imperf: Pres, perf: Fut)
        "prior": {str: int},                 # tag class -> preference when nothing else decides
        "lemma_overrides": {str: {"upos?": UPOS, "feats?": FEATS}},
        "proper_classes": [str],             # classes that become PROPN with a name label
        "preferred": [str],                  # raw morfeusz lemmas ("nie:T") that win close calls
        "rare": [str],                       # raw morfeusz lemmas ("a:P") that lose them
        "passive_auxiliaries": [str],        # lemmas after which a passive participle wins ("zostać")
    },
    "opencorpora?": {
        "pos": {str: [str]},                 # UD UPOS -> pymorphy3 POS tags that agree with it
        "feats": {str: {str: str}},          # UD feature -> value -> OpenCorpora grammeme
        "reflexive_endings": [str],          # a reflexive verb's lemma ends so: Voice=Mid ("затрагиваться")
    },
    "closed_class?": {str: [str]},           # UPOS -> lowercase words (English)
    "word_feats?": {str: FEATS},
    "word_lemmas?": {str: str},              # surface (lowercase) -> lemma: "r." -> rok, "n't" -> not
    "clitics?": [str],                        # split off as separate words of one token: n't, 's
    "suffixes?": [{"suffix": str, "upos": UPOS, "min_length?": int}],
    "suffix_exceptions?": [str],             # nouns the suffixes would read as adjectives (English)
    "verb_gap?": [str],
}


def analysis_data(lang: str) -> dict[str, Any]:
    """The validated `lang/<lang>/analysis.yaml` (cached by `load_data`)."""
    return load_data("analysis", lang, SPEC)
