"""The matter of each claim: what it is about, apart from how it is told.

Two accounts of one call frame one point differently ("the leaders discussed restoring air links" /
"Президент России предложил возобновить прямое авиасообщение"), so a claim's matter is read from its
reported content, not from its frame ("stressed that", "according to the Kremlin"): the content
clause the extractor separated (`Claim.content`, with the trigger for the nouns a light verb
carries: "expressed concern about the troop build-up"), or the sentence where there is none. Of that
text the matter keeps:

- the concepts of lang/matters.yaml (readouts.compare.concepts) and the broad topics;
- canonical entities: the actors the extractor found named in it, less those named all over the
  side's claims (the two principals say nothing of a matter), and the claim's own actor and addressee;
- quantities ("30-day", "1 000", "тридцать дней") and the claim's dates.

A claim that points back ("Putin responded positively to this initiative") or names no matter of its
own takes the matter of the claim just before it (within `inherit_within` characters), marked
`inherited`. Each claim also gets its place among its side's claims (two accounts tell a call in a
similar order).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from readouts.compare.concepts import concepts_in, numbers_in, rebuts, text_words, vocabulary
from readouts.compare.config import CompareConfig
from readouts.compare.topics import cues_in
from readouts.model import Claim, Extraction

MIN_CONTENT_WORDS = 3       # a shorter content ("это", "so") is no clause of its own: the sentence is read
COUNTRY = "country"         # the actors a place names (a capital is one of its country's names)
MIN_MENTION = 3             # shorter actor mentions ("US", "ЕС") are too ambiguous to find in a text


@dataclass(frozen=True)
class Matter:
    claim: Claim
    lang: str
    text: str                               # the content clause (trigger + content), or the sentence
    concepts: frozenset[str]
    topics: tuple[str, ...]
    numbers: frozenset[str]
    dates: frozenset[str]
    entities: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()    # countries named as where something happens ("in Minsk", "в Астане")
    back: bool = False                      # points back at the matter before it
    inherited: bool = False                 # its concepts and topics come (only) from the claim before it
    position: float | None = None           # its place among its side's claims, 0 (first) to 1 (last)
    rebuts: bool = False                    # disputes what it reports ("the so-called genocide is a lie")


def content_clause(claim: Claim) -> str:
    """The reported content with its trigger, where the extractor separated a content of a few
    words; else the sentence."""
    content = (claim.content or "").strip(" .,;:")
    if len(re.findall(r"[^\W_]+", content)) < MIN_CONTENT_WORDS:
        return claim.sentence
    return f"{claim.trigger} {content}"


def distinct(claims: list[Claim]) -> list[Claim]:
    """The claims less repeats: two claims of one span with the same actor, act and polarity are one
    speech act found twice (by two triggers of one sentence), and would be one match, or one
    one-sided claim, counted twice."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for c in claims:
        key = (c.start, c.stop, c.actor, c.act, c.polarity)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def matter_of(claim: Claim, lang: str) -> Matter:
    """One claim's matter, on its own (no context)."""
    text = content_clause(claim)
    words = text_words(text)
    concepts = concepts_in(words, lang)
    topics, back = cues_in(text, lang)
    if text != claim.sentence and not (concepts or topics):
        # the content names nothing we know: the sentence may (a matter named before the trigger)
        words = text_words(claim.sentence)
        concepts = concepts_in(words, lang)
        topics, back_too = cues_in(claim.sentence, lang)
        back = back or back_too
    return Matter(claim, lang, text, concepts, topics, numbers_in(text, words, lang), frozenset(claim.dates), back=back,
                  rebuts=rebuts(text_words(claim.sentence), lang))


def matters(extraction: Extraction, cfg: CompareConfig) -> list[Matter]:
    """The matters of an extraction's distinct claims, in the order of its claims."""
    lang = extraction.document.lang
    found = [matter_of(c, lang) for c in distinct(extraction.claims)]
    return _with_positions(_with_entities(_inherited(found, cfg), extraction, cfg), cfg)


def _inherited(found: list[Matter], cfg: CompareConfig) -> list[Matter]:
    """A claim that points back, or names no concept and no topic, takes the matter of a claim that
    ends closely before it."""
    out = list(found)
    order = sorted(range(len(found)), key=lambda k: (found[k].claim.start, found[k].claim.stop))
    for prev, k in zip(order, order[1:]):
        before, here = out[prev], out[k]
        gap = here.claim.start - before.claim.stop
        bare = not (here.concepts or here.topics)
        if (before.concepts or before.topics) and 0 <= gap <= cfg.inherit_within and (here.back or bare):
            topics = tuple(t for t in cfg.topic_order if t in here.topics or t in before.topics)
            out[k] = replace(here, concepts=here.concepts | before.concepts, topics=topics,
                             numbers=here.numbers | before.numbers, inherited=bare)
    return out


def _with_entities(found: list[Matter], extraction: Extraction, cfg: CompareConfig) -> list[Matter]:
    """Each matter with the actors its text names (by the surface forms the extractor found:
    "Syria" and "Сирию" both give Syria), less those named in too many of the side's claims; and
    with the countries it names as a place ("in Minsk", "в Астане"), common or not."""
    forms = [(a, sorted({m for m in a.mentions if len(m) >= MIN_MENTION}, key=len, reverse=True))
             for a in extraction.actors]
    patterns = [(a.name, re.compile("|".join(rf"(?<!\w){re.escape(m)}(?!\w)" for m in ms))) for a, ms in forms if ms]
    prepositions = vocabulary(extraction.document.lang).place_prepositions
    places = [(a.name, re.compile("|".join(rf"(?<!\w)(?i:{'|'.join(map(re.escape, prepositions))})\s+{re.escape(m)}(?!\w)"
                                            for m in ms)))
              for a, ms in forms if ms and a.kind == COUNTRY and prepositions]
    named = [frozenset(name for name, rx in patterns if rx.search(m.text)) for m in found]
    counts: dict[str, int] = {}
    for names in named:
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    common = {n for n, k in counts.items() if k > max(1.0, cfg.entity_share * len(found))}
    return [replace(m, entities=names - common - {m.claim.actor, m.claim.addressee},
                    places=frozenset(name for name, rx in places if rx.search(m.text)))
            for m, names in zip(found, named)]


def _with_positions(found: list[Matter], cfg: CompareConfig) -> list[Matter]:
    """Each matter with its claim's place among the side's claims (0 first, 1 last)."""
    if len(found) < cfg.min_ordered:
        return found           # too few claims for an order to say anything
    order = sorted(range(len(found)), key=lambda k: (found[k].claim.start, found[k].claim.stop))
    last = len(found) - 1
    rank = {k: n / last for n, k in enumerate(order)}
    return [replace(m, position=rank[k]) for k, m in enumerate(found)]
