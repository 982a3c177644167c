"""Whose text is this: an official readout (and of which side) or a press article.

`--source` wins. Otherwise the front matter's address, the title and the opening of an official
readout, or the marks of a press article (a dateline agency, a sources line, a byline) decide;
see `lang/<xx>/source.yaml`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from readouts.extract.lexicon import fold
from readouts.lang import load_data
from readouts.model import LoadedText

SOURCE_SCHEMA = {
    "official_openers": [str],    # phrases that open an official readout in its own voice
    "press_marks": [str],         # datelines, agency marks, bylines of a press article
    # title formulas that only one side's office uses ("PM call with …": Downing Street); its
    # bare titles ("The Prime Minister") then mean that side's principal, even when the text
    # names only the counterpart
    "publisher_sides?": {str: str},
}
SHARED_SCHEMA = {
    "url_sources": {str: str},    # domain fragment -> source
    "side_sources": {str: str},   # the side an official readout speaks for -> source
}


@dataclass(frozen=True)
class SourceGuess:
    source: str                   # whitehouse | kremlin | press | ministry
    official: bool
    side: str | None = None       # the side an official readout speaks for, when its title tells
    by_title: bool = False        # that side is told by a title formula only one office uses ("PM call with")


def detect_source(loaded: LoadedText, first_person_side: str | None) -> SourceGuess:
    """`first_person_side` is the side (country) of the first person acting in the body."""
    shared = load_data("sources", None, SHARED_SCHEMA)
    if loaded.source:
        return SourceGuess(loaded.source, loaded.source != "press")
    url = fold(loaded.source_url or "")
    for fragment, source in shared["url_sources"].items():
        if fragment in url:
            return SourceGuess(source, source != "press")
    data = load_data("source", loaded.lang, SOURCE_SCHEMA)
    head = fold(" ".join(filter(None, [loaded.title or "", _opening(loaded)])))
    body = fold(loaded.text)
    if any(fold(mark) in body for mark in data["press_marks"]):
        return SourceGuess("press", False)
    title = fold(loaded.title or _first_line(loaded))
    side = next((s for phrase, s in (data.get("publisher_sides") or {}).items()
                 if _has_phrase(title, fold(phrase))), None)
    if side is not None or any(_has_phrase(head, fold(op)) for op in data["official_openers"]):
        by_title = side is not None
        side = side or first_person_side
        source = shared["side_sources"].get(side or "", "ministry")
        return SourceGuess(source, True, side, by_title)
    return SourceGuess("press", False)


def _has_phrase(text: str, phrase: str) -> bool:
    """A whole-word occurrence: the opener "komunikat" is not the plural in "oficjalne
    komunikaty", which a press article uses to speak of the readouts it compares."""
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text) is not None


def _first_line(loaded: LoadedText) -> str:
    return loaded.text[loaded.paragraphs[0].start:loaded.paragraphs[0].stop] if loaded.paragraphs else ""


def _opening(loaded: LoadedText) -> str:
    """The first two paragraphs: where an official readout says who held the call."""
    return " ".join(loaded.text[p.start:p.stop] for p in loaded.paragraphs[:2])
