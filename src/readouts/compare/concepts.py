"""Matter concepts: what a claim is about, whatever the language and the wording.

`lang/matters.yaml` lists the concepts, language-neutral keys finer than the topics (a ceasefire,
strikes on energy infrastructure, a prisoner exchange, NATO enlargement, shipping in the Black Sea,
a summit …), each with its label and broad topic; a concept with `all:` is present where all its
parts are (strikes + energy infrastructure = strikes on energy infrastructure), and one with `is:`
brings the concept it is a kind of (long-range missiles are weapons). Every language lists
the words of every other concept in `lang/<xx>/matters.yaml` (tests/test_lang_data.py fails when one
lacks a language), with the inflectional endings its stems drop and its number words.

A cue is one or more words in a row, written as lemmas: a text word matches a cue word when their
folded forms are equal or their stems are (the longest listed ending dropped, at least MIN_STEM
letters left), so "перемирие" finds "перемирия" and "zawieszenie broni" finds "zawieszenia broni".
A cue word ending in "*" matches every word it begins ("trzydziest*"), one ending in "=" only its own
form ("talks=" is not "talked"); "…" lets up to GAP words stand between two cue words. Where cues
overlap, the longer one wins. Number words match their own forms (or beginnings, with "*").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Iterable, Mapping

from readouts.compare.config import load_config
from readouts.errors import DataError
from readouts.extract.lexicon import fold
from readouts.lang import SUPPORTED, load_data
from readouts.lang.schema import check_unique

MATTERS_SPEC = {"concepts": {str: {"label": str, "topic": str, "doc": str, "all?": [str], "is?": str,
                                   "entity?": bool, "modifier?": bool}}}
LANG_MATTERS_SPEC = {"endings": [str], "finals?": {str: str}, "numerals": {str: int}, "rebuttal": [str],
                     "place_prepositions": [str], "concepts": {str: [str]}}
TEXT_WORD = re.compile(r"[^\W_]+", re.UNICODE)     # hyphens split words: "30-day" is "30" "day"
PREFIX = "*"
EXACT = "="
GAP = "…"
GAP_WORDS = 3       # words that may stand where a cue has "…"
MIN_STEM = 3        # letters a stem keeps
MIN_PREFIX = 3      # letters a "*" cue word must have
REBUTTAL = "<rebuttal>"     # the pseudo-concept of a rebuttal cue (never a key of lang/matters.yaml)


@dataclass(frozen=True)
class Concept:
    key: str
    label: str
    topic: str
    entity: bool                    # a named place, body or event (the Black Sea, the IAEA)
    modifier: bool                  # only builds compounds ("supplies"): no matter of its own
    parts: tuple[str, ...] = ()     # a compound: present where all its parts are
    kind_of: str | None = None      # a kind of that concept ("long-range missiles" are weapons)


@cache
def concept_table() -> dict[str, Concept]:
    """lang/matters.yaml, checked: topics are topic keys of lang/compare.yaml, parts are concepts."""
    raw = load_data("matters", None, MATTERS_SPEC)["concepts"]
    topics = load_config().topic_weight
    table = {}
    for key, entry in raw.items():
        where = f"lang/matters.yaml: concepts.{key}"
        if entry["topic"] not in topics:
            raise DataError(f"{where}: topic {entry['topic']!r} is not a topic key of lang/compare.yaml")
        parts = tuple(entry.get("all") or ())
        unknown = [p for p in parts if p not in raw or raw[p].get("all")]
        if unknown or len(parts) == 1 or (parts and entry.get("modifier")):
            raise DataError(f"{where}: all: expected two or more concepts without parts, not {unknown or parts}")
        kind_of = entry.get("is")
        if kind_of is not None and (kind_of not in raw or raw[kind_of].get("all") or raw[kind_of].get("is") or parts):
            raise DataError(f"{where}: is: {kind_of!r} is not a simple concept (or a compound has a kind)")
        table[key] = Concept(key, entry["label"], entry["topic"], bool(entry.get("entity")),
                             bool(entry.get("modifier")), parts, kind_of)
    unused = sorted(k for k, c in table.items() if c.modifier and not any(k in o.parts for o in table.values()))
    if unused:
        raise DataError(f"lang/matters.yaml: modifiers that build no compound: {', '.join(unused)}")
    return table


@dataclass(frozen=True)
class Cue:
    concept: str
    words: tuple[str, ...]          # folded cue words, GAP between some


@dataclass(frozen=True)
class Vocabulary:
    """One language's matters.yaml, folded and indexed."""
    endings: tuple[str, ...]                          # longest first
    finals: Mapping[str, str]                         # a word's last letter, as stems write it ("ń" -> "n")
    by_key: Mapping[str, tuple[Cue, ...]]             # first word's form and stem -> cues
    by_prefix: Mapping[str, tuple[Cue, ...]]          # first word's "*" prefix -> cues
    numerals: Mapping[str, int]                       # folded number word -> value
    numeral_prefixes: tuple[tuple[str, int], ...]     # a "*" number word's prefix -> value
    place_prepositions: frozenset[str] = frozenset()  # "in", "w", "в": a country or capital after it is a place

    def stem(self, word: str) -> str:
        if word and word[-1] in self.finals:
            word = word[:-1] + self.finals[word[-1]]
        for ending in self.endings:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
                return word[: -len(ending)]
        return word

    def closeness(self, cue_word: str, word: str) -> int:
        """How closely a text word matches a cue word: 2 its own form, 1 its stem, 0 its beginning
        ("*"), -1 not at all."""
        if cue_word.endswith(PREFIX):
            return 0 if word.startswith(cue_word[:-1]) else -1
        if cue_word.endswith(EXACT):
            return 2 if word == cue_word[:-1] else -1
        if cue_word == word:
            return 2
        return 1 if self.stem(cue_word) == self.stem(word) else -1


@cache
def vocabulary(lang: str) -> Vocabulary:
    """lang/<lang>/matters.yaml (cached): every concept of lang/matters.yaml that has no parts, and
    only those, each with its cues."""
    if lang not in SUPPORTED:
        raise DataError(f"no matter concepts for language {lang!r}")
    raw = load_data("matters", lang, LANG_MATTERS_SPEC)
    where = f"lang/{lang}/matters.yaml"
    table = concept_table()
    listed = set(raw["concepts"])
    missing = sorted(k for k, c in table.items() if not c.parts and k not in listed)
    extra = sorted(k for k in listed if k not in table or table[k].parts)
    if missing or extra:
        raise DataError(f"{where}: concepts: " + "; ".join(
            part for part in (f"missing {', '.join(missing)}" if missing else "",
                              f"not simple concepts of lang/matters.yaml: {', '.join(extra)}" if extra else "") if part))
    endings = tuple(sorted({fold(e) for e in raw["endings"]}, key=len, reverse=True))
    cues = [Cue(key, _cue_words(form, f"{where}: concepts.{key}")) for key, forms in raw["concepts"].items()
            for form in forms]
    cues += [Cue(REBUTTAL, _cue_words(form, f"{where}: rebuttal")) for form in raw["rebuttal"]]
    finals = {fold(k): fold(v) for k, v in (raw.get("finals") or {}).items()}
    probe = Vocabulary(endings, finals, {}, {}, {}, ())      # for its stem()
    # two cues that find the same words must not name two concepts
    check_unique(((" ".join(w if w[-1] in PREFIX + EXACT + GAP else probe.stem(w) for w in c.words), c.concept)
                  for c in cues), where, "cue (as stems)")
    by_key: dict[str, list[Cue]] = {}
    by_prefix: dict[str, list[Cue]] = {}
    for cue in sorted(cues, key=lambda c: -len(c.words)):
        first = cue.words[0]
        if first.endswith(PREFIX):
            by_prefix.setdefault(first[:-1], []).append(cue)
        elif first.endswith(EXACT):
            by_key.setdefault(first[:-1], []).append(cue)
        else:
            for key in {first, probe.stem(first)}:
                by_key.setdefault(key, []).append(cue)
    numerals: dict[str, int] = {}
    prefixes = []
    for word, value in raw["numerals"].items():
        word = fold(word)
        if word.endswith(PREFIX):
            prefixes.append((word[:-1], value))
        else:
            numerals[word] = value
    return Vocabulary(endings, finals, {k: tuple(v) for k, v in by_key.items()},
                      {k: tuple(v) for k, v in by_prefix.items()}, numerals, tuple(prefixes),
                      frozenset(fold(p) for p in raw["place_prepositions"]))


def _cue_words(form: str, where: str) -> tuple[str, ...]:
    words = tuple(w for w in re.split(r"[\s-]+", fold(form)) if w)
    for w in words:
        bare = w.rstrip(PREFIX + EXACT)
        if w == GAP:
            continue
        if not TEXT_WORD.fullmatch(bare) or (w.endswith(PREFIX) and len(bare) < MIN_PREFIX):
            raise DataError(f"{where}: cue {form!r}: words ('=' or '*' after one; a '*' word of "
                            f"{MIN_PREFIX} letters or more) and '…' only")
    if not words or GAP in (words[0], words[-1]):
        raise DataError(f"{where}: cue {form!r} must begin and end with a word")
    return words


def text_words(text: str) -> list[str]:
    """The folded words of a text as cues see them."""
    return TEXT_WORD.findall(fold(text))


def concepts_in(words: list[str], lang: str) -> frozenset[str]:
    """The concepts whose cues occur among `words` (text_words), compounds included."""
    return frozenset(c for c in _found(words, lang) if c != REBUTTAL)


def rebuts(words: list[str], lang: str) -> bool:
    """Whether `words` dispute what they report: a rebuttal cue of lang/<lang>/matters.yaml occurs
    ("so-called", "a lie", "необоснованными", "bezpodstawne")."""
    return REBUTTAL in _found(words, lang)


def _found(words: list[str], lang: str) -> frozenset[str]:
    vocab = vocabulary(lang)
    found: list[tuple[int, int, int, str]] = []      # (first word, after last word, closeness, concept)
    for i, word in enumerate(words):
        for cue in _candidates(vocab, word):
            hit = _match(vocab, cue.words, words, i)
            if hit is not None:
                found.append((i, *hit, cue.concept))
    taken = [False] * len(words)
    concepts = set()
    # longest first; of two as long, the closer (own forms before stems before beginnings)
    for i, end, _, concept in sorted(found, key=lambda f: (f[0] - f[1], -f[2], f[0])):
        if not any(taken[i:end]):
            taken[i:end] = [True] * (end - i)
            concepts.add(concept)
    table = concept_table()
    concepts.update([table[k].kind_of for k in concepts if k != REBUTTAL and table[k].kind_of])   # type: ignore[misc]
    concepts.update(k for k, c in table.items() if c.parts and all(p in concepts for p in c.parts))
    return frozenset(k for k in concepts if k == REBUTTAL or not table[k].modifier)


def _candidates(vocab: Vocabulary, word: str) -> Iterable[Cue]:
    for key in {word, vocab.stem(word)}:
        yield from vocab.by_key.get(key, ())
    for k in range(MIN_PREFIX, len(word) + 1):
        yield from vocab.by_prefix.get(word[:k], ())


def _match(vocab: Vocabulary, cue: tuple[str, ...], words: list[str], i: int) -> tuple[int, int] | None:
    """(the index after the cue's last word, the closeness of its words) matched from words[i], or None."""
    j, k, close = i, 0, 0
    while k < len(cue):
        gap = cue[k] == GAP
        k += gap
        reach = GAP_WORDS if gap else 0
        hit = next(((j + n, c) for n in range(reach + 1) if j + n < len(words)
                    for c in [vocab.closeness(cue[k], words[j + n])] if c >= 0), None)
        if hit is None:
            return None
        j, k, close = hit[0] + 1, k + 1, close + hit[1]
    return j, close


NUMBER = re.compile(r"\d+(?:[ \u00a0\u202f.,]\d{3})*(?:[.,]\d+)?")
SCALE_WORD = 1000               # a numeral this large after a figure scales it ("2 million", "1,5 млн")
YEARS = range(1900, 2101)       # a bare year is a date's, and the dates are compared apart


def numbers_in(text: str, words: list[str], lang: str) -> frozenset[str]:
    """The quantities a text names, as digits ("30-day", "thirty days" and "тридцать дней" give 30;
    "1 000" and "1,000" give 1000), less bare years."""
    values: set[float] = set()
    vocab = vocabulary(lang)
    for m in NUMBER.finditer(text):
        raw = re.sub(r"[ \u00a0\u202f]", "", m.group())
        raw = re.sub(r"[.,](?=\d{3}\b)", "", raw).replace(",", ".")
        try:
            value = float(raw)
        except ValueError:
            continue
        after = re.match(r"\s+([^\W\d_]+)", text[m.end():])
        scale = _numeral(vocab, after.group(1).lower()) if after else None
        if scale is not None and scale >= SCALE_WORD:
            value *= scale
        values.add(value)
    # a scale word counts only with the figure it scales: alone ("два миллиона", "a million") it
    # would stand for a figure the text does not give
    for word in words:
        numeral = _numeral(vocab, word)
        if numeral is not None and numeral < SCALE_WORD:
            values.add(float(numeral))
    return frozenset(_number_text(v) for v in values if not (v.is_integer() and int(v) in YEARS))


def _numeral(vocab: Vocabulary, word: str) -> float | None:
    value = vocab.numerals.get(word)
    if value is None:
        value = next((v for prefix, v in vocab.numeral_prefixes if word.startswith(prefix)), None)
    return value


def _number_text(value: float) -> str:
    return str(int(value)) if value.is_integer() else f"{value:g}"


def labels(concepts: Iterable[str]) -> list[str]:
    """Display labels of concept keys, compounds first, in the table's order."""
    table = concept_table()
    keys = [k for k in table if k in set(concepts)]
    # a compound says what its parts say: show it instead of them
    covered = {p for k in keys for p in table[k].parts}
    return [table[k].label for k in keys if k not in covered]
