"""The full text of an account with its claims marked: paragraphs, the stretches of text that carry
claims, and the markup put around spans of text, for the HTML and Markdown pages.

Everything works on the offsets of the decoded input (`text[start:stop]`), as the claims and dates
give them; the markup is chosen by the caller.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from readouts.model import Claim, DateRef, Extraction

PARAGRAPH_BREAK = re.compile(r"(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)\s*")
STAND_IN_BREAK = "\n\n"


@dataclass(frozen=True, slots=True)
class Mark:
    """Markup around `text[start:stop]`."""
    start: int
    stop: int
    open: str
    close: str


@dataclass(frozen=True, slots=True)
class Unit:
    """A stretch of text carrying one claim or several (claims of one sentence, overlapping ones)."""
    start: int
    stop: int
    claims: tuple[int, ...]     # indices into the extraction's claims


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, stop) of each paragraph: the text between blank lines, without blank ones."""
    found, at = [], 0
    for brk in PARAGRAPH_BREAK.finditer(text):
        if text[at:brk.start()].strip():
            found.append((at, brk.start()))
        at = brk.end()
    if text[at:].strip():
        found.append((at, len(text.rstrip())))
    return found


def claim_units(claims: list[Claim]) -> list[Unit]:
    """The claims' sentences merged where they overlap, in text order."""
    units: list[Unit] = []
    for i in sorted(range(len(claims)), key=lambda k: (claims[k].start, claims[k].stop)):
        c = claims[i]
        if units and c.start < units[-1].stop:
            last = units[-1]
            units[-1] = Unit(last.start, max(last.stop, c.stop), (*last.claims, i))
        else:
            units.append(Unit(c.start, c.stop, (i,)))
    return units


def shown_text(ex: Extraction) -> tuple[str, list[Claim], list[DateRef]]:
    """The text a page shows, with the claims and dates placed in it: the account's text; without
    it (an extraction made elsewhere), the claims' sentences one paragraph each."""
    if ex.text is not None:
        return ex.text, ex.claims, ex.dates
    starts = [0]
    for c in ex.claims:
        starts.append(starts[-1] + len(c.sentence) + len(STAND_IN_BREAK))
    claims = [replace(c, start=at, stop=at + len(c.sentence)) for c, at in zip(ex.claims, starts)]
    return STAND_IN_BREAK.join(c.sentence for c in ex.claims), claims, []


def units_of(ex: Extraction) -> list[Unit]:
    return claim_units(shown_text(ex)[1])


def unit_of_claims(units: list[Unit]) -> dict[int, int]:
    """Claim index → index of the unit that carries it."""
    return {claim: u for u, unit in enumerate(units) for claim in unit.claims}


def claim_index(extraction: Extraction) -> Callable[[Claim], int]:
    """A lookup of a claim's position in the extraction: by identity, else by equal value (a claim
    that went through a copy)."""
    by_id = {id(c): i for i, c in enumerate(extraction.claims)}

    def index(claim: Claim) -> int:
        found = by_id.get(id(claim))
        return found if found is not None else extraction.claims.index(claim)

    return index


def render_marked(text: str, start: int, stop: int, marks: list[Mark], escape: Callable[[str], str]) -> str:
    """`text[start:stop]` escaped, with the marks' markup around their spans. A mark nests in a
    longer one that contains it; one that crosses another's edge, or falls outside the range,
    is left out (markup must nest)."""
    out: list[str] = []
    pos = start
    open_marks: list[Mark] = []

    def close_to(limit: int) -> None:
        nonlocal pos
        while open_marks and open_marks[-1].stop <= limit:
            mark = open_marks.pop()
            out.append(escape(text[pos:mark.stop]))
            out.append(mark.close)
            pos = mark.stop

    for mark in sorted(marks, key=lambda m: (m.start, -m.stop)):
        if mark.start < start or mark.stop > stop or mark.stop <= mark.start:
            continue
        close_to(mark.start)
        if mark.start < pos or (open_marks and mark.stop > open_marks[-1].stop):
            continue
        out.append(escape(text[pos:mark.start]))
        out.append(mark.open)
        pos = mark.start
        open_marks.append(mark)
    close_to(stop)
    out.append(escape(text[pos:stop]))
    return "".join(out)
