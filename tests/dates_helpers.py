"""What the date tests share: a text split into sentences by a regex (the date extractor needs no
tokens) and the dates found in it, with the offset rule checked; a text split into blank-line
paragraphs too (datelines and ledes are told by their paragraphs); date P/R as the scorer counts."""
from __future__ import annotations

import re
import unicodedata
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


# ----------------------------------------------------------------------------- paragraphs and scoring

FOLD = {"„": '"', "”": '"', "“": '"', "«": '"', "»": '"', "’": "'", "‘": "'", "–": "-", "—": "-"}
SPLIT = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+(?=[\"'„“«(]?[A-ZĄĆĘŁŃÓŚŹŻА-ЯЁ0-9])")


def norm(s: str) -> str:
    """As the scorer: quotes and dashes folded, case folded, whitespace collapsed."""
    s = "".join(FOLD.get(c, c) for c in unicodedata.normalize("NFC", s or "")).casefold()
    return re.sub(r"\s+", " ", s).strip()


def text_matches(t: str, g: str) -> bool:
    return bool(t) and ((t in g and len(t) >= 0.4 * len(g)) or (g in t and len(t) <= len(g) + 30))


def dev_analysis(text: str, lang: str, skip: set[str]) -> Analysis:
    """Blank-line paragraphs, then a simple sentence split: independent of the NLP layer."""
    m = re.match(r"\s*date \S+[ \t]*", text)
    pos = m.end() if m else 0
    sents = []
    for paragraph, pm in enumerate(re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text[pos:])):
        ps, pe = pm.start() + pos, pm.end() + pos
        if text[ps:pe].strip() in skip:
            continue
        s = ps
        for sm in SPLIT.finditer(text, ps, pe):
            sents.append(Sentence(s, sm.start(), text[s:sm.start()], [], paragraph))
            s = sm.end()
        sents.append(Sentence(s, pe, text[s:pe], [], paragraph))
    return Analysis(text, lang, "test", sents)


def score(tool: list, gold: dict) -> tuple[int, int, int]:
    """(right, tool count, gold count), matching as the scorer does."""
    golds = gold.get("dates") or []
    optional = [norm(d if isinstance(d, str) else d.get("text", "")) for d in gold.get("dates_optional") or []]
    used: set[int] = set()
    ok = counted = 0
    for d in tool:
        if d.vague:
            continue
        t = norm(d.text)
        right = wrong = None
        for gi, g in enumerate(golds):
            if gi in used or not text_matches(t, norm(g["text"])):
                continue
            if str(d.value) == str(g["value"]) and str(d.end or "") == str(g.get("end") or ""):
                right = gi
                break
            wrong = gi if wrong is None else wrong
        if right is not None:
            used.add(right)
            ok += 1
            counted += 1
        elif wrong is not None:
            used.add(wrong)
            counted += 1
        elif any(text_matches(t, o) or text_matches(o, t) for o in optional):
            continue
        else:
            counted += 1
    return ok, counted, len(golds)
