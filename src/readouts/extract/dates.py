"""Every calendar reference in the analysed sentences, resolved to ISO.

One parser and one resolver for all languages: the words come from `lang/<xx>/dates.yaml`
(compiled by `readouts.extract.date_grammar` into language-neutral keys), the code only knows the
shapes of a reference:

- absolute and partial dates: "7 grudnia 2021 r.", "December 7, 2021", "12 stycznia", "7 grudnia br.",
  numeric "07.12.2021"; ranges "w dniach 9-10 stycznia 2022 roku", "Jan. 9-10", "с 18 по 19 ноября";
- months and years: "w styczniu", "в июне 2021 года", "z początkiem 2022 roku", "2015 года";
- weekdays in any case form, adjectives included ("w czwartek wieczorem", "czwartkowej"): the most
  recent such day up to the anchor, or the next one when the clause is in the future tense;
- phrases relative to the anchor ("today", "w przyszłym tygodniu", "в этом году", "пять лет назад");
- phrases relative to the date the text was just talking about ("dzień później", "Tego samego dnia",
  "Dzień po tej rozmowie", "через два дня");
- vague spans ("w najbliższym czasie", "in the coming days") are recognised and left out.

The word features of the NLP layer (Tense=Fut) are an extra signal only; without them the
resolver works from the sentence text and the data.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import MAXYEAR, MINYEAR, date, timedelta
from typing import Iterator

from readouts.extract.date_grammar import (DAY_OFFSETS, MONTH_OFFSETS, MONTHS, OTHER_DATE_OFFSETS,
                                           WEEK_OFFSETS, WEEKDAYS, YEAR_OFFSETS, DateGrammar,
                                           grammar, tokenize)
from readouts.boundary import skip_sentence
from readouts.model import Analysis, DateRef, LoadedText, Sentence

DASHES = {"-", "–", "—", "‒", "−"}          # range marks: punctuation, the same in every language
CLAUSE_MARKS = {",", ";", ":", "(", ")", "–", "—"}   # bound the clause whose tense a weekday takes
NUMERIC_SEPARATORS = {".", "/", "-"}
BARE_YEARS = (1900, 2100)                   # a year without a year word, after a year preposition
YEARS = (1000, 2199)                        # a year with a year word ("988 года" is not likely here)
DATELINE_PARAGRAPHS = 3                     # where find_anchor looks for a dateline or lede date


# --------------------------------------------------------------------------- parsed references

@dataclass(frozen=True, slots=True)
class _DM:
    """Day, month and year as written; missing parts are None, `yrel` is "this/next/last year"."""
    day: int | None
    month: int | None
    year: int | None = None
    yrel: int | None = None


@dataclass(slots=True)
class _Ref:
    i: int                       # token range in the sentence
    j: int
    kind: str                    # date | month | year | weekday | relative | other | offset | vague
    first: _DM | None = None     # date, month (day None), year (day and month None)
    last: _DM | None = None      # the end of a range
    weekday: int | None = None
    direction: int = 0           # weekday or month: +1 "next", -1 "last", 0 from the tense / nearest
    key: str | None = None       # relative / other / offset key
    n: int = 0                   # offset: how many units
    unit: str | None = None


# --------------------------------------------------------------------------- the parser

class _Parser:
    """Finds references in one sentence, left to right, longest match at each token."""

    def __init__(self, g: DateGrammar, text: str):
        self.g = g
        self.text = text
        self.toks = tokenize(text)

    # -- small pieces -----------------------------------------------------------------------

    def _lex(self, k: int, cat: str) -> list[tuple[int, str, str]]:
        return self.g.match(self.toks, k, cat)

    def _skip_suffix(self, k: int, pos: int) -> int:
        """Skip an ordinal suffix glued to a number ("7th", "2021-м", "7-го")."""
        low = self.text.lower()
        for suf in self.g.number_suffixes:
            end = pos + len(suf)
            if low.startswith(suf.lower(), pos) and (end == len(low) or not low[end].isalnum()):
                while k < len(self.toks) and self.toks[k].start < end:
                    k += 1
                return k
        return k

    def _day(self, k: int) -> tuple[int, int] | None:
        if k >= len(self.toks):
            return None
        t = self.toks[k]
        if t.kind != "num" or len(t.text) > 2 or not 1 <= int(t.text) <= 31:
            return None
        if k > 0 and self.toks[k - 1].glued and self.toks[k].glued and self.toks[k - 1].text in {".", ",", "/", ":", "+"}:
            return None              # "1.5", "2+2", "15:30": part of a number, a sum or a time
        return self._skip_suffix(k + 1, t.stop), int(t.text)

    def _year(self, k: int, lo: int = YEARS[0], hi: int = YEARS[1]) -> tuple[int, int] | None:
        if k >= len(self.toks):
            return None
        t = self.toks[k]
        if t.kind != "num" or len(t.text) not in (3, 4) or not lo <= int(t.text) <= hi:
            return None
        j = k + 1
        if j < len(self.toks) and self.toks[j].glued and self.toks[j].kind in ("num", "word"):
            return None              # "2021abc"
        return self._skip_suffix(j, t.stop), int(t.text)

    def _months(self, k: int) -> list[tuple[int, int, bool]]:
        """(end, month number, whether the form is bound) for every month form at k."""
        return [(j, MONTHS.index(key) + 1, form in self.g.bound) for j, key, form in self._lex(k, "months")]

    def _number(self, k: int) -> tuple[int, int] | None:
        if k >= len(self.toks):
            return None
        t = self.toks[k]
        if t.kind == "num" and len(t.text) <= 3:
            return k + 1, int(t.text)
        m = self.g.first(self.toks, k, "numbers")
        return (m[0], int(m[1])) if m else None

    def _year_tail(self, k: int) -> list[tuple[int, int | None, int | None]]:
        """What may follow a day-month or a month: a year (with its word), or "this/next/last year"."""
        out: list[tuple[int, int | None, int | None]] = []
        starts = [k]
        if k < len(self.toks) and self.toks[k].text == ",":
            starts.append(k + 1)
        for s in starts:
            y = self._year(s)
            if y:
                j = y[0]
                w = self.g.first(self.toks, j, "year_word")
                out.append((w[0] if w else j, y[1], None))
        for j, key, _ in self._lex(k, "relative"):
            if key in YEAR_OFFSETS:
                out.append((j, None, YEAR_OFFSETS[key]))
        return sorted(out, key=lambda x: -x[0])

    def _day_month(self, k: int) -> list[tuple[int, int, int]]:
        """(end, day, month): "7 grudnia", "7th of December", and "December 7" where the language
        writes the month first (numeric_order mdy)."""
        out = []
        d = self._day(k)
        if d:
            j = d[0]
            link = self.g.first(self.toks, j, "day_month_link")
            for jj in ([j, link[0]] if link else [j]):
                out += [(e, d[1], m) for e, m, _ in self._months(jj)]
        if self.g.numeric_order == "mdy":
            for e, m, _ in self._months(k):
                d = self._day(e)
                if d:
                    out.append((d[0], d[1], m))
        return out

    def _atoms(self, k: int) -> list[tuple[int, _DM]]:
        """A day-month with or without its year."""
        out = []
        for j, d, m in self._day_month(k):
            out.append((j, _DM(d, m)))
            for jj, y, yrel in self._year_tail(j):
                out.append((jj, _DM(d, m, y, yrel)))
        return out

    def _numeric(self, k: int) -> list[tuple[int, _DM]]:
        """07.12.2021, 12/7/2021 (mdy languages), 2021-12-07: three glued numbers, one separator."""
        t = self.toks
        if k + 4 >= len(t) or not all(t[k + n].kind == "num" for n in (0, 2, 4)):
            return []
        sep = t[k + 1].text
        if sep not in NUMERIC_SEPARATORS or t[k + 3].text != sep or not all(t[k + n].glued for n in (1, 2, 3, 4)):
            return []
        a, b, c = (t[k + n].text for n in (0, 2, 4))
        if len(a) == 4:
            order = "ymd"
        elif len(c) == 4:
            order = self.g.numeric_order if self.g.numeric_order != "ymd" else "dmy"
        else:
            return []
        parts = dict(zip(order, (int(a), int(b), int(c))))
        if not YEARS[0] <= parts["y"] <= YEARS[1]:
            return []
        return [(k + 5, _DM(parts["d"], parts["m"], parts["y"]))]

    # -- reference shapes --------------------------------------------------------------------

    def _dates(self, k: int) -> Iterator[_Ref]:
        """Single dates and dash ranges starting at k."""
        for j, dm in self._numeric(k):
            yield _Ref(k, j, "date", dm)
        atoms = self._atoms(k)
        for j, dm in atoms:
            yield _Ref(k, j, "date", dm)
        firsts = [(j, dm) for j, dm in atoms]
        d = self._day(k)
        if d:
            firsts.append((d[0], _DM(d[1], None)))
        for j, first in firsts:
            if j < len(self.toks) and self.toks[j].text in DASHES:
                yield from self._range_ends(k, j + 1, first)

    def _range_ends(self, k: int, s: int, first: _DM) -> Iterator[_Ref]:
        """The second half of a range whose first half `first` ends before token s."""
        for j, last in self._atoms(s):
            if first.year is None or last.year is not None or last.yrel is not None:
                yield _Ref(k, j, "date", first, last)
        if first.month is not None and first.year is None:
            d = self._day(s)                     # "Jan. 9-10", "Jan. 9-10, 2022"
            if d:
                last = _DM(d[1], None)
                yield _Ref(k, d[0], "date", first, last)
                for jj, y, yrel in self._year_tail(d[0]):
                    yield _Ref(k, jj, "date", first, _DM(d[1], None, y, yrel))

    def _paired_ranges(self, i: int) -> Iterator[_Ref]:
        """"od 9 do 10 stycznia", "from Jan. 9 to Jan. 10", "между 9 и 10 ноября"."""
        for k, pair, _ in self._lex(i, "range_open"):
            heads = [(j, dm) for j, dm in self._atoms(k)]
            d = self._day(k)
            if d:
                heads.append((d[0], _DM(d[1], None)))
            for j, first in heads:
                for s, key, _ in self._lex(j, "range_close"):
                    if key == pair:
                        for r in self._range_ends(i, s, first):
                            r.i = i
                            yield r
            # "from 2009 to 2019", "od 2014 do 2022 roku", "с 2014 по 2022 год"
            y1 = self._year(k, *BARE_YEARS)
            if y1 and not self._months(y1[0]):
                for s, key, _ in self._lex(y1[0], "range_close"):
                    y2 = self._year(s, *BARE_YEARS) if key == pair else None
                    if y2 and y2[1] > y1[1] and not self._months(y2[0]):
                        w = self.g.first(self.toks, y2[0], "year_word")
                        yield _Ref(i, w[0] if w else y2[0], "year", _DM(None, None, y1[1]), _DM(None, None, y2[1]))

    def _weekdays(self, k: int, prefixed: bool) -> Iterator[_Ref]:
        direction, s = 0, k
        for cat, sign in (("weekday_next", 1), ("weekday_last", -1)):
            m = self.g.first(self.toks, k, cat)
            if m and self._lex(m[0], "weekdays"):
                direction, s = sign, m[0]
        for j, key, form in self._lex(s, "weekdays"):
            dated = False
            jj = j + 1 if j < len(self.toks) and self.toks[j].text == "," else j
            for e, dm in self._atoms(jj):          # "we wtorek, 15 listopada 2022 r."
                dated = True
                yield _Ref(k, e, "date", dm)
            if form in self.g.bound and not (prefixed or direction or dated):
                continue                           # "окружающую среду" is not Wednesday
            yield _Ref(k, j, "weekday", weekday=WEEKDAYS.index(key), direction=direction)

    def _month_refs(self, k: int, prefixed: bool) -> Iterator[_Ref]:
        """A month with its year ("czerwca 2021 r."), or after a preposition or a modifier ("w styczniu",
        "в начале марта", "in May"): alone, "Марта", "Maja" and "May" are names or verbs."""
        for j, m, _bound in self._months(k):
            tails = self._year_tail(j)
            for jj, y, yrel in tails:
                yield _Ref(k, jj, "month", _DM(None, m, y, yrel))
            if prefixed:                 # "в марте", "in May"; a bare "Марта" is a name
                yield _Ref(k, j, "month", _DM(None, m))
        # "last October", "next March": the same cues as for weekdays
        for cat, sign in (("weekday_next", 1), ("weekday_last", -1)):
            cue = self.g.first(self.toks, k, cat)
            if cue:
                for j, m, _bound in self._months(cue[0]):
                    if not self._year_tail(j):
                        yield _Ref(k, j, "month", _DM(None, m), direction=sign)

    def _year_refs(self, k: int, year_prefixed: bool) -> Iterator[_Ref]:
        y = self._year(k)
        if y:
            w = self.g.first(self.toks, y[0], "year_word")
            if w:
                yield _Ref(k, w[0], "year", _DM(None, None, y[1]))
            elif year_prefixed and BARE_YEARS[0] <= y[1] <= BARE_YEARS[1] and not self._months(y[0]):
                yield _Ref(k, y[0], "year", _DM(None, None, y[1]))

    def _relatives(self, k: int) -> Iterator[_Ref]:
        for j, key, _ in self._lex(k, "relative"):
            if key in OTHER_DATE_OFFSETS:
                yield _Ref(k, j, "other", key=key)
                if self.g.first(self.toks, j - 1, "event_links"):
                    yield from self._with_object(k, j, key)
            elif key in YEAR_OFFSETS:
                yield _Ref(k, j, "year", _DM(None, None, None, YEAR_OFFSETS[key]))
            else:
                yield _Ref(k, j, "relative", key=key)

    def _with_object(self, k: int, j: int, key: str) -> Iterator[_Ref]:
        """"Dzień po tej rozmowie", "the day before the call": the event is part of the text."""
        det = self.g.first(self.toks, j, "event_determiners")
        s = det[0] if det else j
        if s < len(self.toks) and self.toks[s].kind == "word" and self.toks[s].text == self.toks[s].text.lower():
            yield _Ref(k, s + 1, "other", key=key)

    def _offsets(self, k: int) -> Iterator[_Ref]:
        """"пять лет назад", "dwa dni później", "через два дня", "a year ago", "rok temu"."""
        def quantity(s: int) -> Iterator[tuple[int, int, str]]:
            num = self._number(s)
            if num:
                for cat in ("unit_many", "unit_one"):
                    for j, unit, _ in self._lex(num[0], cat):
                        yield j, num[1], unit
            for j, unit, _ in self._lex(s, "unit_one"):
                yield j, 1, unit
        for j, n, unit in quantity(k):                       # N unit cue
            for e, key, _ in self._lex(j, "offsets"):
                yield _Ref(k, e, "offset", key=key, n=n, unit=unit)
        for s, key, _ in self._lex(k, "offsets"):            # cue N unit
            for j, n, unit in quantity(s):
                yield _Ref(k, j, "offset", key=key, n=n, unit=unit)

    # -- one position --------------------------------------------------------------------------

    def parse_at(self, i: int) -> _Ref | None:
        cands: list[_Ref] = []
        for j, _, _ in self._lex(i, "vague"):
            cands.append(_Ref(i, j, "vague"))
        cands += self._paired_ranges(i)
        starts: list[tuple[int, bool, bool]] = [(i, False, False)]     # (token, prefixed, year prefix)
        starts += [(j, True, False) for j, _, _ in self._lex(i, "range_prefix")]
        starts += [(j, True, False) for j, _, _ in self._lex(i, "prepositions")]
        starts += [(j, True, True) for j, _, _ in self._lex(i, "year_prefix")]
        for k, pre, ypre in list(starts):
            starts += [(j, True, ypre) for j, _, _ in self._lex(k, "modifiers")]
        for k, pre, ypre in starts:
            for r in (*self._dates(k), *self._weekdays(k, pre), *self._month_refs(k, pre),
                      *self._year_refs(k, ypre), *self._relatives(k), *self._offsets(k)):
                r.i = i
                cands.append(r)
        if not cands:
            return None
        best = max(cands, key=lambda r: r.j)          # max keeps the first of equal length
        if best.kind in ("date", "weekday", "other") or (best.kind == "relative" and best.key in DAY_OFFSETS):
            pod = self.g.first(self.toks, best.j, "part_of_day")   # "w czwartek wieczorem"
            if pod:
                best.j = pod[0]
        return best

    def parse(self) -> list[_Ref]:
        out, i = [], 0
        while i < len(self.toks):
            r = self.parse_at(i)
            if r is None:
                i += 1
                continue
            out.append(r)
            i = r.j
        return out

    def span(self, r: _Ref) -> tuple[int, int]:
        return self.toks[r.i].start, self.toks[r.j - 1].stop

    def is_future(self, r: _Ref, words: list, offset: int) -> bool:
        """Does the clause around the reference speak of what is ahead? The nearest signal wins:
        a future cue from the data or a word the NLP layer marks Tense=Fut says yes, a past cue
        or a word marked Tense=Past says no; no signal means past (the contract's default)."""
        toks = self.toks
        a = r.i
        while a > 0 and toks[a - 1].text not in CLAUSE_MARKS:
            a -= 1
        b = r.j
        while b < len(toks) and toks[b].text not in CLAUSE_MARKS:
            b += 1
        if sum(t.kind == "word" for t in toks[a:r.i] + toks[r.j:b]) < 2 and b < len(toks):
            b += 1                                 # "On Thursday, he will …": take the next clause
            while b < len(toks) and toks[b].text not in CLAUSE_MARKS:
                b += 1
        here = toks[r.i].start
        signals = self._tense_signals(r, a, b, words, offset, here)
        if not signals and b < len(toks):
            # a clause without a verb borrows the tense of the next one: "W poniedziałek do Kijowa,
            # a we wtorek do Moskwy poleci kanclerz"
            c = b + 1
            while c < len(toks) and toks[c].text not in CLAUSE_MARKS:
                c += 1
            signals = self._tense_signals(r, b, c, words, offset, here)
        return min(signals)[1] if signals else False

    def _tense_signals(self, r: _Ref, a: int, b: int, words: list, offset: int, here: int) -> list[tuple[int, bool]]:
        """(distance, future?) of every tense cue in tokens a..b, outside the reference itself."""
        toks = self.toks
        if a >= b:
            return []
        lo, hi = toks[a].start, toks[b - 1].stop
        signals: list[tuple[int, bool]] = []
        cued: set[int] = set()
        for k in range(a, b):
            if r.i <= k < r.j:
                continue
            # the longer cue wins where two start at one word: "agreed to" (ahead) over "agreed"
            ends = [(max(j for j, _, _ in found), cat == "future_cues")
                    for cat in ("future_cues", "past_cues") if (found := self._lex(k, cat))]
            if ends:
                signals.append((abs(toks[k].start - here), max(ends)[1]))
                cued.add(toks[k].start)
        for w in words:
            s = w.start - offset
            # a word the data names as a cue speaks as the data says: "zaplanowano" is a past form
            # that schedules what is ahead
            if lo <= s < hi and s not in cued and not (toks[r.i].start <= s < toks[r.j - 1].stop):
                tense = w.feats.get("Tense") if w.feats else None
                if tense in ("Fut", "Past"):
                    signals.append((abs(s - here), tense == "Fut"))
        return signals


# --------------------------------------------------------------------------- resolution

def _parse_iso(value) -> tuple[date | None, str | None]:
    """(day, None) for YYYY-MM-DD, (None, 'YYYY-MM' | 'YYYY') for coarser values."""
    if value is None:
        return None, None
    if isinstance(value, date):
        return value, None
    s = str(value).strip()
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", s):
        try:
            return date.fromisoformat(s), None
        except ValueError:
            return None, None
    if re.fullmatch(r"[0-9]{4}(-[0-9]{2})?", s):
        return None, s
    return None, None


def _add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


class _OutOfCalendar(Exception):
    """A reference that resolves outside the years 1–9999 ("next year" in a text of 9999): left
    out, as no ISO value can say it."""


def _plus(d: date, days: int) -> date:
    try:
        return d + timedelta(days=days)
    except OverflowError:
        raise _OutOfCalendar from None


def _iso_year(y: int) -> str:
    if not MINYEAR <= y <= MAXYEAR:
        raise _OutOfCalendar
    return f"{y:04d}"


def _iso_month(y: int, m: int) -> str:
    return f"{_iso_year(y)}-{m:02d}"


@dataclass(slots=True)
class _Context:
    anchor: date | None          # the day relative references are resolved from
    pivot: date | None           # what a missing year is chosen around (anchor, or mid-published)
    pivot_grain: str | None      # day | month | year
    prev: tuple[date, date] | None = None   # the last day-grain reference (value, end)


def _closest(d: int, m: int, pivot: date) -> date | None:
    best = None
    for y in (pivot.year - 1, pivot.year, pivot.year + 1):
        try:
            cand = date(y, m, d)
        except ValueError:
            continue
        if best is None or abs((cand - pivot).days) < abs((best - pivot).days):
            best = cand
    return best


def _year_of(dm: _DM, ctx: _Context) -> int | None:
    if dm.year is not None:
        return dm.year
    if dm.yrel is not None and ctx.pivot is not None:
        return ctx.pivot.year + dm.yrel
    return None


def _resolve_date(r: _Ref, ctx: _Context) -> tuple[str, str | None, str, str | None] | None:
    first, last = r.first, r.last
    if last is not None:
        m1 = first.month or last.month
        m2 = last.month or first.month
        y2 = _year_of(last, ctx)
        y1 = _year_of(first, ctx)
        anchor = None
        try:
            if y2 is not None:
                y1 = y1 if y1 is not None else (y2 - 1 if (m1, first.day) > (m2, last.day) else y2)
                start, end = date(y1, m1, first.day), date(y2, m2, last.day)
                if last.year is None:
                    anchor = ctx.pivot
            elif y1 is not None:
                start = date(y1, m1, first.day)
                end = date(y1 + (1 if (m2, last.day) < (m1, first.day) else 0), m2, last.day)
            else:
                if ctx.pivot is None:
                    return None
                start = _closest(first.day, m1, ctx.pivot)
                if start is None:
                    return None
                end = date(start.year + (1 if (m2, last.day) < (m1, first.day) else 0), m2, last.day)
                anchor = ctx.pivot
        except ValueError:
            return None
        if end < start:
            return None
        return start.isoformat(), end.isoformat(), "day", anchor.isoformat() if anchor else None
    y = _year_of(first, ctx)
    try:
        if y is not None:
            d = date(y, first.month, first.day)
            return d.isoformat(), None, "day", ctx.pivot.isoformat() if first.year is None and ctx.pivot else None
    except ValueError:
        return None
    if ctx.pivot is None:
        return None
    d = _closest(first.day, first.month, ctx.pivot)
    return (d.isoformat(), None, "day", ctx.pivot.isoformat()) if d else None


def _resolve(r: _Ref, ctx: _Context, future: bool) -> tuple[str, str | None, str, str | None] | None:
    """(value, end, grain, anchor) or None when the reference cannot be resolved here."""
    a, p = ctx.anchor, ctx.pivot
    if r.kind == "date":
        return _resolve_date(r, ctx)
    if r.kind == "month":
        dm = r.first
        y = _year_of(dm, ctx)
        if y is not None:
            return _iso_month(y, dm.month), None, "month", p.isoformat() if dm.year is None else None
        if p is None or ctx.pivot_grain == "year":
            return None
        if r.direction:
            # "last October": the latest October before the pivot's month; "next March": the first after
            step = 1 if r.direction > 0 else -1
            y, m = p.year, p.month
            while True:
                y, m = _add_months(y, m, step)
                if m == dm.month:
                    return _iso_month(y, m), None, "month", p.isoformat()
        # the year that puts the month closest to the pivot; a tie keeps the earlier one
        best = min((abs((yy * 12 + dm.month) - (p.year * 12 + p.month)), yy) for yy in (p.year - 1, p.year, p.year + 1))
        return _iso_month(best[1], dm.month), None, "month", p.isoformat()
    if r.kind == "year":
        y = _year_of(r.first, ctx)
        if y is None:
            return None
        end = _iso_year(r.last.year) if r.last is not None and r.last.year is not None else None
        return _iso_year(y), end, "year", p.isoformat() if r.first.year is None else None
    if r.kind == "weekday":
        if a is None:
            return None
        diff = (r.weekday - a.weekday()) % 7
        if r.direction > 0:
            d = _plus(a, diff or 7)
        elif r.direction < 0:
            d = _plus(a, -(((a.weekday() - r.weekday) % 7) or 7))
        elif future:
            d = _plus(a, diff)
        else:
            d = _plus(a, -((a.weekday() - r.weekday) % 7))
        return d.isoformat(), None, "day", a.isoformat()
    if r.kind == "relative":
        if r.key in MONTH_OFFSETS:
            if p is None or ctx.pivot_grain == "year":
                return None
            y, m = _add_months(p.year, p.month, MONTH_OFFSETS[r.key])
            return _iso_month(y, m), None, "month", p.isoformat()
        if a is None:
            return None
        if r.key in DAY_OFFSETS:
            return _plus(a, DAY_OFFSETS[r.key]).isoformat(), None, "day", a.isoformat()
        if r.key in WEEK_OFFSETS:
            monday = _plus(a, 7 * WEEK_OFFSETS[r.key] - a.weekday())
            return monday.isoformat(), _plus(monday, 6).isoformat(), "week", a.isoformat()
        return None
    if r.kind == "other":
        if ctx.prev is None and a is None:
            return None
        start, end = ctx.prev if ctx.prev else (a, a)
        step = OTHER_DATE_OFFSETS[r.key]
        base = end if step > 0 else start
        return _plus(base, step).isoformat(), None, "day", base.isoformat()
    if r.kind == "offset":
        sign = -1 if r.key in ("ago", "earlier") else 1
        if r.key in ("later", "earlier") and ctx.prev is not None:
            base = ctx.prev[1] if sign > 0 else ctx.prev[0]
            relative_to_text = True
        elif a is not None:
            base, relative_to_text = a, False
        else:
            return None
        n = sign * r.n
        if r.unit == "day":
            return _plus(base, n).isoformat(), None, "day", base.isoformat()
        if r.unit == "week":
            if relative_to_text:
                return _plus(base, 7 * n).isoformat(), None, "day", base.isoformat()
            monday = _plus(base, 7 * n - base.weekday())
            return monday.isoformat(), _plus(monday, 6).isoformat(), "week", base.isoformat()
        if r.unit == "month":
            y, m = _add_months(base.year, base.month, n)
            return _iso_month(y, m), None, "month", base.isoformat()
        return _iso_year(base.year + n), None, "year", base.isoformat()
    return None


def _context(anchor, published) -> _Context:
    a, _ = _parse_iso(anchor)
    if a is not None:
        return _Context(a, a, "day")
    day, coarse = _parse_iso(published)
    if day is not None:
        return _Context(None, day, "day")
    if coarse and len(coarse) == 7:
        y, m = int(coarse[:4]), int(coarse[5:])
        if 1 <= m <= 12 and y >= MINYEAR:
            return _Context(None, date(y, m, 15), "month")
    if coarse and len(coarse) == 4 and int(coarse) >= MINYEAR:
        return _Context(None, date(int(coarse), 7, 1), "year")
    return _Context(None, None, None)


def _extract(analysis: Analysis, anchor, published) -> list[tuple[DateRef, str]]:
    g = grammar(analysis.lang)
    ctx = _context(anchor, published)
    out: list[tuple[DateRef, str]] = []
    for sent in analysis.sentences:
        try:
            out.extend(_sentence_dates(analysis, sent, g, ctx))
        except Exception as e:  # noqa: BLE001 - one sentence's dates, never the document's
            skip_sentence("dates", sent.start, sent.stop, e)
    return out


def _sentence_dates(analysis: Analysis, sent: Sentence, g: DateGrammar, ctx: _Context) -> list[tuple[DateRef, str]]:
    stext = analysis.text[sent.start:sent.stop]
    parser = _Parser(g, stext)
    words = sent.words if sent.tokens else []
    out: list[tuple[DateRef, str]] = []
    for r in parser.parse():
        if r.kind == "vague":
            continue
        future = r.kind == "weekday" and not r.direction and parser.is_future(r, words, sent.start)
        try:
            res = _resolve(r, ctx, future)
        except _OutOfCalendar:
            continue
        if res is None:
            continue
        value, end, grain, anchor_iso = res
        s, e = parser.span(r)
        start, stop = sent.start + s, sent.start + e
        ref = DateRef(text=analysis.text[start:stop], value=value, start=start, stop=stop, end=end,
                      grain=grain, anchor=anchor_iso)
        out.append((ref, r.kind))
        if grain == "day":
            ctx.prev = (date.fromisoformat(value), date.fromisoformat(end or value))
    return out


# --------------------------------------------------------------------------- public

def extract_dates(analysis: Analysis, anchor: date | None, published: str | None = None) -> list[DateRef]:
    """Every calendar reference in `analysis.sentences`, in text order, resolved to ISO.

    `anchor` is the day relative references are resolved from (see `find_anchor`). Without it only
    what is absolute is resolved; a month-grain or year-grain `published` still gives missing
    years and "this month" / "this year".
    """
    return [ref for ref, _ in _extract(analysis, anchor, published)]


def find_anchor(loaded: LoadedText, analysis: Analysis) -> date | None:
    """The day the text's dates are resolved from.

    --date (`published_assumed`), else a full-day `published`, else a dateline or a full date in the
    first paragraphs ("WASHINGTON, Jan 2 (Reuters) -", "ВАШИНГТОН, 18 марта. /ТАСС/." with the year
    from a month-grain `published`), else the last day of a month-grain `published`.
    """
    for value in (loaded.published_assumed, loaded.published):
        day, _ = _parse_iso(value)
        if day is not None:
            return day
    _, coarse = _parse_iso(loaded.published)
    month = coarse if coarse and len(coarse) == 7 else None
    paragraphs: list[int] = []
    lede: list[Sentence] = []
    for s in analysis.sentences:
        if s.paragraph not in paragraphs:
            paragraphs.append(s.paragraph)
        if len(paragraphs) > DATELINE_PARAGRAPHS:
            break
        lede.append(s)
    head = replace(analysis, sentences=lede)
    for ref, kind in _extract(head, None, coarse):
        if kind == "date" and ref.grain == "day" and ref.end is None:
            if month and not ref.value.startswith(month):
                continue                     # a date in another month is news, not the dateline
            return date.fromisoformat(ref.value)
    if month:
        y, m = int(month[:4]), int(month[5:])
        if 1 <= m <= 12 and y >= MINYEAR:
            return date(y, m, calendar.monthrange(y, m)[1])
    return None
