"""Shared helpers for the analyse tests (no tests here): build a LoadedText with blank-line paragraphs."""
from __future__ import annotations

import re
from pathlib import Path

from readouts.model import LoadedText, Region

DATA = Path(__file__).parent / "data" / "analyse"


def paragraphs(text: str) -> list[Region]:
    out, pos = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        if text[pos:m.start()].strip():
            out.append(Region(pos, m.start()))
        pos = m.end()
    end = len(text.rstrip())
    if text[pos:end].strip():
        out.append(Region(pos, end))
    return out


def loaded(text: str, lang: str) -> LoadedText:
    return LoadedText(path="x", text=text, lang=lang, paragraphs=paragraphs(text))


def sample(lang: str) -> LoadedText:
    return loaded((DATA / f"{lang}.txt").read_text(encoding="utf-8"), lang)


def word(analysis, text: str):
    return next(w for s in analysis.sentences for w in s.words if w.text == text)


def check_offsets(analysis) -> None:
    text = analysis.text
    for s in analysis.sentences:
        assert text[s.start:s.stop] == s.text
        for t in s.tokens:
            assert text[t.start:t.stop] == t.text
            for w in t.words:
                assert (w.start, w.stop) == (t.start, t.stop)
        for n in s.names:
            assert text[n.start:n.stop] == n.text
            assert s.start <= n.start < n.stop <= s.stop
