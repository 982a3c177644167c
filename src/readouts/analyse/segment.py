"""Rule-based tokens and sentences with exact offsets, driven by each language's abbreviation data.

Why our own splitter: `sentence-splitter` returns strings (offsets lost, whitespace normalised)
and razdel splits Russian abbreviations ("т.е.", "дек.") into sentences. The rules here:
- a token is a known abbreviation (with its dot), a number (7.12.2021, 10:30), a word (with inner
  hyphens and apostrophes), a run of . ! ? … or one other non-space character;
- a sentence ends at a run of . ! ? … (or an abbreviation listed as possibly final), plus any
  closing quotes/brackets, when whitespace and then a capital letter, an opening quote, or (after
  a plain full stop) a digit follows. So „…” – poinformowano. stays one sentence, "2021 r. w"
  does not split, and a single capital letter with a dot ("Joseph R. Biden") is an initial;
- sentences never cross the given paragraph regions;
- a sentence longer than MAX_SENTENCE_TOKENS (a list, a paragraph without punctuation) is cut
  into pieces for analysis, after a clause mark where there is one: every later stage is linear
  in the pieces' number, and offsets are those of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Iterator

from readouts.analyse.data import analysis_data
from readouts.model import Region

END_PUNCT = re.compile(r"[.!?…]+\Z")
DIALOGUE_DASHES = "–—"      # a quote's dash after a full stop, not after a closing quote ("„…” – napisał")
SECTION_MARKS = "*"       # "… форума. * * * Начало переговоров": a scraped page's section separator
BULLETS = "•→▪►·"       # "… dwie godziny. • Biden zapowiedział …": a list's items run on in one line
# Longer than any sentence of prose (press sentences run to 60–80 words): the bound on what one
# analysed sentence costs the stages that scan a sentence per word.
MAX_SENTENCE_TOKENS = 250
CLAUSE_MARKS = frozenset(",;:–—")
# A footnote mark glued to a sentence's end ("…respond.¹ Next") belongs to that sentence.
FOOTNOTE_MARK = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079*†‡]+")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    stop: int
    text: str


@dataclass(frozen=True)
class Segmenter:
    token_re: re.Pattern[str]
    final_abbrs: frozenset[str]
    open_quotes: str
    close_quotes: str

    def tokens(self, text: str, start: int = 0, stop: int | None = None) -> list[Span]:
        stop = len(text) if stop is None else stop
        toks = [Span(m.start(), m.end(), m.group()) for m in self.token_re.finditer(text, start, stop)]
        # an initial keeps its dot when a capitalised word follows: "Joseph R. Biden", "В. Путин"
        out: list[Span] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            if (len(t.text) == 1 and t.text.isupper() and i + 2 < len(toks) and toks[i + 1].text == "."
                    and toks[i + 1].start == t.stop and toks[i + 2].start > toks[i + 1].stop
                    and toks[i + 2].text[:1].isupper()):
                out.append(Span(t.start, toks[i + 1].stop, t.text + "."))
                i += 2
                continue
            out.append(t)
            i += 1
        return out

    def sentences(self, text: str, paragraphs: list[Region]) -> Iterator[tuple[int, list[Span]]]:
        """(paragraph index, tokens) for each sentence, in text order; one paragraph's tokens at a
        time, so that an analyser that consumes them as they come holds no more."""
        for index, region in enumerate(paragraphs):
            toks = self.tokens(text, region.start, region.stop)
            begin = 0
            i = 0
            while i < len(toks):
                end = self._sentence_end(text, toks, i)
                if end is not None:
                    yield from ((index, piece) for piece in bounded(toks[begin:end + 1]))
                    begin = i = end + 1
                    continue
                i += 1
            if begin < len(toks):
                yield from ((index, piece) for piece in bounded(toks[begin:]))

    def _sentence_end(self, text: str, toks: list[Span], i: int) -> int | None:
        """Index of the last token of a sentence ending at token i, or None."""
        tok = toks[i]
        plain = bool(END_PUNCT.match(tok.text))
        if not plain and tok.text.lower() not in self.final_abbrs:
            return None
        if len(tok.text) == 2 and tok.text[0].isupper():    # an initial that looks like "r."
            return None
        if tok.text == "." and i > 0 and toks[i - 1].stop == tok.start:
            prev = toks[i - 1].text
            if len(prev) == 1 and prev.isupper():      # an initial: "R. Biden"
                return None
        j = i
        while j + 1 < len(toks) and toks[j + 1].start == toks[j].stop and (
                toks[j + 1].text in self.close_quotes or FOOTNOTE_MARK.fullmatch(toks[j + 1].text)):
            j += 1
        if j + 1 == len(toks):
            return j
        nxt = toks[j + 1]
        if nxt.start == toks[j].stop:                  # no whitespace: "U.S.-Russia", "3.5"
            return None
        first = nxt.text[0]
        if first.isupper() or first in self.open_quotes or first in SECTION_MARKS or first in BULLETS:
            return j
        if j == i and first in DIALOGUE_DASHES and j + 2 < len(toks) and toks[j + 2].text[0].isupper():
            return j        # "… ponownie. – Wang Yi zaprosił …": a dash opens the next sentence's quote
        if first.isdigit() and tok.text == ".":
            return j
        return None


def bounded(toks: list[Span], limit: int = MAX_SENTENCE_TOKENS) -> list[list[Span]]:
    """The tokens of one sentence in pieces of at most `limit`: each cut after the last clause mark
    of the piece's second half, else at the limit."""
    pieces, begin = [], 0
    while len(toks) - begin > limit:
        cut = next((k + 1 for k in range(begin + limit - 1, begin + limit // 2, -1) if toks[k].text in CLAUSE_MARKS),
                   begin + limit)
        pieces.append(toks[begin:cut])
        begin = cut
    pieces.append(toks[begin:] if begin else toks)
    return pieces


@cache
def segmenter(lang: str) -> Segmenter:
    seg = analysis_data(lang)["segment"]
    abbrs = list(seg["abbreviations"]) + list(seg.get("abbreviations_final", []))
    abbr_alt = "|".join(re.escape(a) for a in sorted(set(abbrs), key=len, reverse=True))
    pattern = (
        rf"(?<![\w.])(?:{abbr_alt})"                    # known abbreviation with its dot(s)
        r"|\d+(?:[.,:/]\d+)*"                           # numbers, dates, times
        r"|\w+(?:[-‐'’]\w+)*"                           # words, hyphenated words, don't
        r"|[.!?…]+"                                     # sentence punctuation runs
        r"|\S"
    )
    return Segmenter(
        token_re=re.compile(pattern, re.IGNORECASE),
        final_abbrs=frozenset(a.lower() for a in seg.get("abbreviations_final", [])),
        open_quotes=seg["open_quotes"],
        close_quotes=seg["close_quotes"],
    )
