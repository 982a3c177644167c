"""The data the claims engine reads, compiled once per language: the lexicon's word classes, the
trigger phrases as patterns, the rule shapes of `lang/patterns.yaml` and the engine settings of
`lang/extraction.yaml` (windows, quotation marks, leader roles)."""
from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from typing import Any, Mapping

from readouts.errors import DataError
from readouts.extract.claims.patterns import Env, Item, Pattern, Predicate, compile_pattern, compile_spec
from readouts.extract.lexicon import Lexicon, WordClass, lexicon
from readouts.lang import load_data

GAP = "…"
PHRASE_GAP = 3      # "made … clear": up to this many words where a phrase has "…"

PATTERNS_SCHEMA = {"define": {str: dict}, "patterns": {str: dict}}


@dataclass(frozen=True)
class Windows:
    """Named word windows: how far a rule looks (`lang/extraction.yaml`, documented there)."""
    periphrastic_aux_before: int
    performative_aux_before: int
    purpose_call_before: int
    purpose_marker_gap: int
    alleging_aux_before: int
    adverbial_complementizer_after: int
    noun_determiner_before: int
    dropped_that_gap: int
    aside_comma_before: int
    trailing_aside_comma_before: int
    absorb_negation_before: int
    coordination_before: int
    conjunction_before: int
    coordination_subject_gap: int
    quote_speaker_before: int
    commitment_trigger_overlap: int
    commitment_words: int
    inverted_subject_after: int
    content_subject_after: int
    colon_content_after: int
    pronoun_before: int
    obligation_subject_before: int
    commitment_negation_words: int
    emphasis_object_after: int
    act_negation_before: int
    content_negation_after_verb: int
    hedge_adverb_before: int
    addressee_after: int
    demand_addressee_after: int
    counterpart_word_after: int
    background_opening_words: int
    attribution_pronoun_after: int
    attribution_before_mention: int
    attributed_speaker_after: int
    official_side_after: int
    official_title_before: int
    turn_label_verb_before: int
    speech_statement_words: int
    transcript_labels: int
    call_object_after: int
    naming_evaluation_after: int
    passive_agent_reach: int


@dataclass(frozen=True)
class QuoteMarks:
    opening: frozenset[str]
    closing: frozenset[str]
    low_opening: frozenset[str]
    other_opening: frozenset[str]
    ambiguous: frozenset[str]
    closing_only: frozenset[str]
    straight: frozenset[str]
    sentence_ends: frozenset[str]
    inverted_attribution: frozenset[str]


EXTRACTION_SCHEMA = {
    "windows": {f.name: int for f in fields(Windows)},
    "weights": {"leader_mention": float},
    "quotes": {"opening": [str], "closing": [str], "low_opening": [str], "other_opening": [str],
               "ambiguous": [str], "closing_only": [str], "straight": [str], "sentence_ends": [str],
               "inverted_attribution": [str]},
}

@dataclass(frozen=True)
class Phrase:
    """A multi-word trigger of the lexicon ("made … clear") as a sequence pattern."""
    entry: str
    act: str
    items: tuple[Item, ...]
    rank: int               # longer phrases first, then the order of the data


@dataclass(frozen=True)
class ClaimData:
    lex: Lexicon
    classes: Mapping[str, WordClass]
    patterns: Mapping[str, Pattern]
    phrases_by_key: Mapping[str, tuple[Phrase, ...]]   # by the match keys of their first word
    windows: Windows
    leader_mention_weight: float
    quotes: QuoteMarks
    predicates: Mapping[str, Predicate]                # the named specs of `define`, for the engine's own tests

    def cls(self, name: str) -> WordClass:
        return self.classes[name]

    def pattern(self, pattern_id: str) -> Pattern:
        return self.patterns[pattern_id]

    def holds(self, name: str, view: Any, i: int) -> bool:
        """Whether word i of a sentence view matches the named spec `name` of `define`."""
        return self.predicates[name](view, i)


@cache
def engine_settings() -> Mapping[str, Any]:
    return load_data("extraction", None, EXTRACTION_SCHEMA)


@cache
def claim_data(lang: str) -> ClaimData:
    """Load, validate and compile everything the engine reads for one language (cached)."""
    lex = lexicon(lang)
    settings = engine_settings()
    classes = word_classes(lex, settings)
    raw = load_data("patterns", None, PATTERNS_SCHEMA)
    env = Env(classes, raw["define"], "lang/patterns.yaml")
    patterns = {pid: compile_pattern(pid, spec, env) for pid, spec in raw["patterns"].items()}
    quotes = QuoteMarks(**{k: frozenset(v) for k, v in settings["quotes"].items()})
    predicates = {name: compile_spec(spec, env, f"lang/patterns.yaml: define.{name}")
                  for name, spec in raw["define"].items()}
    return ClaimData(lex, classes, patterns, _phrases(lex, env), Windows(**settings["windows"]),
                     float(settings["weights"]["leader_mention"]), quotes, predicates)


def word_classes(lex: Lexicon, settings: Mapping[str, Any]) -> dict[str, WordClass]:
    """Every word class a pattern may name: the cues, the trigger vocabulary, the quote marks."""
    classes = dict(lex.cues.classes)
    classes.update({
        "light_verbs": WordClass.of(lex.light_verbs),
        "light_nouns": WordClass.of(lex.light_nouns),
        "frames": WordClass.of(lex.frames),
        "counterparts": WordClass.of(lex.counterparts),
        "official_nouns": WordClass.of(lex.official_nouns),
        "body_nouns": WordClass.of(lex.body_nouns),
        "opening_quotes": WordClass.of(settings["quotes"]["opening"]),
        "closing_quotes": WordClass.of(settings["quotes"]["closing"]),
    })
    return classes


def _phrases(lex: Lexicon, env: Env) -> dict[str, tuple[Phrase, ...]]:
    """The lexicon's phrases as key sequences with gaps, indexed by their first word's keys,
    longest first."""
    from readouts.extract.actors import data_keys

    by_key: dict[str, list[Phrase]] = {}
    for rank, (words, act) in enumerate(sorted(lex.phrases, key=lambda p: -len(p[0]))):
        if words[0] == GAP or words[-1] == GAP:
            raise DataError(f"lang/{lex.lang}/reporting.yaml: phrases: {' '.join(words)!r} starts or ends with a gap")
        items = tuple(Item(gap=PHRASE_GAP) if w == GAP else Item(_keys_test(data_keys(w, lex.name_endings)))
                      for w in words)
        phrase = Phrase(" ".join(words), act, items, rank)
        for key in data_keys(words[0], lex.name_endings):
            by_key.setdefault(key, []).append(phrase)
    return {k: tuple(v) for k, v in by_key.items()}


def _keys_test(keys: set[str]) -> Predicate:
    wanted = frozenset(keys)
    return lambda view, i: not wanted.isdisjoint(view.keys[i])
