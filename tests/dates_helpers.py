"""What the per-language date tests share: a text split into sentences by a regex (the date
extractor needs no tokens) and the dates found in it, with the offset rule checked."""
from __future__ import annotations

import re
from datetime import date

from readouts.extract.dates import extract_dates
from readouts.model import Analysis, Sentence


def make_helpers(lang: str, sentence_start: str):
    """(analysis, found) for one language; `sentence_start` is a character class of the letters
    that may open a sentence."""
    split = re.compile(rf"(?<=[.!?])\s+(?={sentence_start})")

    def analysis(text: str) -> Analysis:
        """One sentence per regex split, no tokens."""
        sents, s = [], 0
        for m in split.finditer(text):
            sents.append(Sentence(s, m.start(), text[s:m.start()], []))
            s = m.end()
        sents.append(Sentence(s, len(text), text[s:], []))
        return Analysis(text, lang, "test", sents)

    def found(text: str, anchor: str | None, published: str | None = None) -> list[tuple]:
        refs = extract_dates(analysis(text), date.fromisoformat(anchor) if anchor else None, published)
        for r in refs:
            assert text[r.start:r.stop] == r.text
        return [(r.text, r.value, r.end) if r.end else (r.text, r.value) for r in refs]

    return analysis, found
