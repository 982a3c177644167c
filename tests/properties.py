"""Generated inputs and the properties every run of `readouts extract` must keep.

Shared by the property tests (`tests/test_properties.py`, a few hundred inputs) and the fuzz
campaign (`make fuzz`, `tests/fuzz.py`, as many as asked). An input goes through the same path as
`readouts extract`: bytes → `load_bytes` → analysis → extraction → every renderer. The properties:

- the result is an extraction or a `ReadoutsError` (a one-line error), never another exception;
- `text[start:stop]` is the claim's sentence and the date's text;
- every date value is valid ISO (YYYY, YYYY-MM, YYYY-MM-DD) within the years 1–9999;
- the same input gives the same output;
- every renderer writes every extraction.

The inputs: random Unicode and bytes, degenerate shapes, and the texts of `corpora/` mutated with
NULs, zero-width and bidi marks, a BOM in the middle, superscript and other Unicode digits, odd
line ends, huge numbers, impossible dates and hostile front matter.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SEED_CHARS = 4000          # a seed text is cut to this many characters, so that an input runs quickly

# Characters that broke (or could break) one stage or another: control and format characters,
# zero-width and bidi marks, digits that are not ASCII, replacement and private-use characters.
HOSTILE = ("\x00", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d", "\u2066",
           "\u00ad", "\ufffd", "\ue000", "¹", "²", "³", "⁴", "½", "٣", "०", "߁", "𝟗", "\r", "\r\n",
           "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\u2029", "\t", "\u0301", "\u0327", "🇵🇱",
           "👍🏽", "ﬁ", "ß", "İ", "ǅ", "ʼ", "’", "„", "«", "»", "—", "…", "=", "@", "+", "[/x]",
           "[bold]", "[link=http://x]", ":smile:", '"', ",", "#", "---", "...", " ", "\n", "\n\n")
DATES = ("2021-12-07", "0001-01-01", "9999-12-31", "9999-12", "0001-01", "2021-13", "2021-02-31",
         "2021-00", "0000-01-01", "2021-12-07T25:00:00", "99999-01-01", "２０２１-１２-０７", "٢٠٢١-١٢-٠٧")
NUMBERS = ("99999999999999999999", "0", "00", "000", "9999", "10000", "31", "32", "29", "²⁰²¹",
           "1.5", "15:30", "7.12.2021", "31.02.2021", "0.0.0000", "9999-12-31", "12/31/9999")
DATE_PHRASES = ("next year", "last year", "tomorrow", "yesterday", "next week", "dwa lata temu",
                "через 9999 лет", "9999 years ago", "in 9999 years", "w przyszłym roku", "в следующем году",
                "on Monday", "w czwartek", "в пятницу", "December 31", "31 grudnia", "1 января",
                "Jan. 1", "the day after", "dzień później", "z początkiem 9999 roku", "od 1900 do 2100 roku")


@cache
def seeds() -> tuple[str, ...]:
    """The texts of corpora/ (cut to SEED_CHARS), the seeds of mutation."""
    paths = sorted(CORPORA.glob("*.txt")) + sorted((CORPORA / "blind" / "extract").glob("*.txt"))
    return tuple(p.read_text(encoding="utf-8")[:SEED_CHARS] for p in paths) or ("Biden warned Putin.",)


@st.composite
def mutated(draw) -> str:
    """A corpus text with a few edits: hostile characters inserted, slices cut or repeated, line
    ends changed, a date line or front matter put in front."""
    text = draw(st.sampled_from(seeds()))
    start = draw(st.integers(0, max(0, len(text) - 1)))
    text = text[start:start + draw(st.integers(1, SEED_CHARS))]
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(("insert", "insert", "cut", "repeat", "digits", "date")))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(HOSTILE)) * draw(st.integers(1, 3)) + text[at:]
        elif kind == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 200)):]
        elif kind == "repeat":
            text = text[:at] + text[at:at + draw(st.integers(1, 200))] * draw(st.integers(2, 4)) + text[at:]
        elif kind == "digits":
            text = text[:at] + " " + draw(st.sampled_from(NUMBERS)) + " " + text[at:]
        else:
            text = text[:at] + " " + draw(st.sampled_from(DATE_PHRASES)) + " " + text[at:]
    ends = draw(st.sampled_from(("\n", "\n", "\r\n", "\r", "\u2028")))
    if ends != "\n":
        text = text.replace("\n", ends)
    head = draw(st.sampled_from(("", "", "date", "front")))
    if head == "date":
        text = f" date {draw(st.sampled_from(DATES))}\n{text}"
    elif head == "front":
        text = draw(front_matter()) + text
    return text


@st.composite
def front_matter(draw) -> str:
    value = draw(st.one_of(st.sampled_from(DATES), st.text(max_size=20)))
    title = draw(st.sampled_from(("T", '"\\ud800 x"', "[x", "{a: [b", "!!python/object:os.system", "*a", "&a [*a]",
                                  "'[bold]x'", "\"\\x00\"", "[[[[[[[[[[[[[[[[[[[[")))
    return f"---\ndate: {value}\ntitle: {title}\nsource_url: x\n---\n"


def texts() -> st.SearchStrategy[str]:
    """Every kind of text input."""
    pieces = HOSTILE + tuple("abcąłżАБВжыźЖ .,;!?0123456789\n")
    hostile = st.lists(st.sampled_from(pieces), max_size=300).map("".join)
    return st.one_of(
        mutated(), mutated(), mutated(),
        st.text(max_size=400),
        hostile,
        st.builds(lambda w, n, sep: sep.join([w] * n), st.sampled_from(("słowo", "word", "слово", "a", ".", "1")),
                  st.integers(1, 3000), st.sampled_from((" ", "", ".", ". ", "\n", ", "))),
    )


ENCODINGS = ("utf-8", "utf-8", "utf-8", "utf-8-sig", "cp1250", "cp1251", "koi8_r", "utf-16")


@st.composite
def inputs(draw) -> tuple[bytes, str, str | None]:
    """(bytes, --lang, --date) as a user could give them."""
    if draw(st.integers(0, 9)) == 0:
        raw = draw(st.binary(max_size=500))
    else:
        raw = draw(texts()).encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    lang = draw(st.sampled_from(("auto", "auto", "auto", "pl", "en", "ru")))
    when = draw(st.sampled_from((None, None, None, "2021-12-07", "0001-01-01", "9999-12-31")))
    return raw, lang, when


# --------------------------------------------------------------------------- the properties

# a year, a month or a day; or, where the text gives no year, ISO 8601's forms without it
# ("--12-30", "--07")
ISO = re.compile(r"[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?|--[0-9]{2}(?:-[0-9]{2})?")


def check_iso(value: str | None, what: str) -> None:
    if value is None:
        return
    assert ISO.fullmatch(value), f"{what}: {value!r} is not ISO"
    if value.startswith("--"):
        month, _, day = value[2:].partition("-")
        assert 1 <= int(month) <= 12, f"{what}: {value!r} has no such month"
        if day:
            date.fromisoformat(f"2000-{month}-{day}")        # a leap year: "--02-29" exists
        return
    year = int(value[:4])
    assert 1 <= year <= 9999, f"{what}: {value!r} is outside the years 1–9999"
    if len(value) >= 7:
        assert 1 <= int(value[5:7]) <= 12, f"{what}: {value!r} has no such month"
    if len(value) == 10:
        date.fromisoformat(value)


def check_extraction(ex, text: str) -> None:
    """Offsets point at their surfaces; every date is valid ISO."""
    check_iso(ex.document.published, "published")
    for d in ex.dates:
        assert text[d.start:d.stop] == d.text, f"date offsets {d.start}:{d.stop} are not {d.text!r}"
        check_iso(d.value, "date value")
        check_iso(d.end, "date end")
    for c in ex.claims:
        assert text[c.start:c.stop] == c.sentence, f"claim offsets {c.start}:{c.stop} are not the sentence"
        for v in c.dates:
            check_iso(v, "claim date")


def render_all(extraction) -> None:
    """Every renderer writes the extraction (into memory)."""
    from readouts.report import RENDERERS, ReportOptions

    for fmt, renderer in RENDERERS.items():
        for what in (None, "dates", "actors") if fmt.value == "csv" else (None,):
            out = io.StringIO()
            renderer([extraction], out, ReportOptions(what=what, explain=True))
            out.getvalue().encode("utf-8")          # no lone surrogates reach the output


@dataclass
class Outcome:
    result: str                 # extracted | refused
    text: str | None = None
    extraction: object = None


def run_input(raw: bytes, lang: str = "auto", when: str | None = None) -> Outcome:
    """The path of `readouts extract` on one input, with every property checked. A ReadoutsError
    is a refusal; anything else raised is a property broken."""
    from readouts import pipeline
    from readouts.errors import ReadoutsError
    from readouts.load import load_bytes

    try:
        loaded = load_bytes(raw, "input.txt", lang=lang, date=when)
        extraction = pipeline.extract_loaded(loaded, "offline")
    except ReadoutsError as e:
        assert "\n" not in str(e), f"a multi-line error: {e!r}"
        return Outcome("refused")
    check_extraction(extraction, loaded.text)
    render_all(extraction)
    return Outcome("extracted", loaded.text, extraction)


def same_again(raw: bytes, lang: str, when: str | None, first: Outcome) -> None:
    """The same input gives the same output."""
    again = run_input(raw, lang, when)
    assert again.result == first.result
    if first.extraction is not None:
        assert again.extraction.to_dict() == first.extraction.to_dict(), "two runs differ"
