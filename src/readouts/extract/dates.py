"""Every calendar reference in the analysed sentences, resolved to ISO.

One parser and one resolver for all languages: the words come from `lang/<xx>/dates.yaml`
(compiled by `readouts.extract.date_grammar` into language-neutral keys), the code only knows the
shapes of a reference:

- absolute and partial dates: "7 grudnia 2021 r.", "December 7, 2021", "12 stycznia", "7 grudnia br.",
  numeric "07.12.2021"; ranges "w dniach 9-10 stycznia 2022 roku", "Jan. 30-Feb. 2", "с 18 по 19 ноября";
- months and years: "w styczniu", "в июне 2021 года", "z początkiem 2022 roku", "late 2023", "April
  of 2023", "by 2030 or 2035", month adjectives ("lipcowego szczytu", "к июньскому", "the November
  summit");
- weekdays in any case form, adjectives included ("w czwartek wieczorem", "czwartkowej"): the most
  recent such day up to the anchor, or the next one when the clause looks ahead (tense, aspect:
  "договорились провести в понедельник", or a scheduling preposition: "na piątek");
- phrases relative to the anchor ("today", "w przyszłym tygodniu", "в этом году", "пять лет назад");
- phrases relative to the text ("dzień później", "Tego samego dnia", "накануне", "a day later"):
  from the day the sentence, or the one just before it, names, else from the day of the event the
  lede tells (usually the call) — see `_base`;
- vague spans ("w najbliższym czasie", "in the coming days") are recognised and left out.

A day or month whose year nothing gives keeps its known parts (`--03-12`, `--07`, ISO 8601's
forms). `find_publication` reads the publication date from metadata, --date, or the text itself: a
dateline ("WASHINGTON, March 4 (Reuters) -") or a page's date line ("3 апреля 2025 года 14:10"),
its year inferred from the text when it has none.

The word features of the NLP layer (Tense, VerbForm, Aspect) are an extra signal only; without
them the resolver works from the sentence text and the data.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import MAXYEAR, MINYEAR, date, timedelta
from typing import Iterator

from readouts.boundary import skip_sentence
from readouts.extract.date_grammar import (
    DAY_OFFSETS,
    MONTH_OFFSETS,
    MONTHS,
    OTHER_DATE_OFFSETS,
    WEEK_OFFSETS,
    WEEKDAYS,
    YEAR_OFFSETS,
    DateGrammar,
    grammar,
    tokenize,
)
from readouts.model import Analysis, DateRef, LoadedText, Sentence

DASHES = {"-", "–", "—", "‒", "−"}          # range marks: punctuation, the same in every language
CLAUSE_MARKS = {",", ";", ":", "(", ")", "–", "—"}   # bound the clause whose tense a weekday takes
NUMERIC_SEPARATORS = {".", "/", "-"}
BARE_YEARS = (1900, 2100)                   # a year without a year word, after a year preposition
YEARS = (1000, 2199)                        # a year with a year word ("988 года" is not likely here)
DATELINE_PARAGRAPHS = 3                     # where find_anchor looks for a dateline or lede date
OPENING_PARAGRAPHS = 2                      # a title and the lede: where the text's own day is told
PRECEDING_TOKENS = 3                        # how far back a form before a reference may start
DATELINE_PLACE_ENDS = ",.:"                 # "WASHINGTON, March 4", "Москва. 2 декабря"
DATELINE_PLACE_WORDS = 4                    # capitalised words: "KYIV, Ukraine", "NEW YORK"
DATELINE_OPENERS = "(/["                    # "(Reuters)", "/ТАСС/", "[PAP]"
TIME_OF_DAY = re.compile(r"\d{1,2}[:.]\d{2}")  # "3 апреля 2025 года 14:10" on a page's date line
WEEKDAY_CYCLE = 11                          # a day of the year falls on each weekday within 11 years
WIRE_LAG_DAYS = (0, 1)                      # a wire tells of its dateline's day or the day before
REVERSED_OFFSETS = {"later": "earlier", "earlier": "later"}   # "a day after X" dates X
EVENT_KINDS = ("date", "weekday", "relative")   # what may date the lede's event (not "the day before")
# A perfective infinitive names an act still to be done after a verb in the present ("ma
# przedstawić") or one that schedules (`schedule_cues`: "договорились провести в понедельник")
# (UD features, the same in every language that marks aspect).
PERFECTIVE_INFINITIVE = (("VerbForm", "Inf"), ("Aspect", "Perf"))


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
    ahead: bool = False          # weekday: scheduled ("na piątek", "на понедельник"), so ahead
    anaphoric: bool = False      # other: "Dzień po tej rozmowie" counts from the last dated event
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
        starts += [j for j, _, _ in self._lex(k, "year_link")]          # "April of 2023"
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

    def _after(self, k: int, cat: str) -> bool:
        """Does a form of category `cat` end right before token k ("na" before "piątek")?"""
        return any(j == k for p in range(max(0, k - PRECEDING_TOKENS), k) for j, _, _ in self._lex(p, cat))

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
            yield _Ref(k, j, "weekday", weekday=WEEKDAYS.index(key), direction=direction,
                       ahead=self._after(k, "weekday_ahead"))

    def _month_refs(self, k: int, prefixed: bool) -> Iterator[_Ref]:
        """A month with its year ("czerwca 2021 r."), or after a preposition or a modifier ("w styczniu",
        "в начале марта", "in May"): alone, "Марта", "Maja" and "May" are names or verbs."""
        for j, m, _bound in self._months(k):
            tails = self._year_tail(j)
            for jj, y, yrel in tails:
                yield _Ref(k, jj, "month", _DM(None, m, y, yrel))
            if prefixed:                 # "в марте", "in May"; a bare "Марта" is a name
                yield _Ref(k, j, "month", _DM(None, m))
        for j, key, _ in self._lex(k, "month_adjectives"):    # "lipcowego szczytu", "июньских ударов"
            yield _Ref(k, j, "month", _DM(None, MONTHS.index(key) + 1))
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

    def _listed_year(self, r: _Ref) -> _Ref | None:
        """The bare year that follows a year reference after "or" / "and": "by 2030 or 2035"."""
        link = self.g.first(self.toks, r.j, "and_or")
        y = self._year(link[0], *BARE_YEARS) if link else None
        if y is None or self._months(y[0]):
            return None
        w = self.g.first(self.toks, y[0], "year_word")
        return _Ref(link[0], w[0] if w else y[0], "year", _DM(None, None, y[1]))

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
            yield _Ref(k, s + 1, "other", key=key, anaphoric=bool(self._lex(j, "demonstratives")))

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
        if self._after(k, "durations"):
            return                                           # "for 30 days": a span of time
        for j, n, unit in quantity(k):                       # N unit cue
            for e, key, _ in self._lex(j, "offsets"):
                if any(end == e for end, _, _ in self._lex(j, "event_links")) and self._word_at(e):
                    yield self._offset_with_object(k, e, key, n, unit)
                else:
                    yield _Ref(k, e, "offset", key=key, n=n, unit=unit)
        for s, key, _ in self._lex(k, "offsets"):            # cue N unit
            for j, n, unit in quantity(s):
                yield _Ref(k, j, "offset", key=key, n=n, unit=unit)

    def _word_at(self, k: int) -> bool:
        return k < len(self.toks) and self.toks[k].kind == "word"

    def _offset_with_object(self, k: int, e: int, key: str, n: int, unit: str) -> _Ref:
        """"dwa dni po tej rozmowie", "two days after that call": N units on from the event the
        text dated last. "a day after his call with Putin", "a day after Trump paused aid": the
        clause's own day is N units on from that event, so the reference dates the event, N units
        back from the clause's day (as the annotators of held-out texts read it)."""
        det = self.g.first(self.toks, e, "event_determiners")
        s = det[0] if det else e
        if self._lex(e, "demonstratives") and self._word_at(s) and self.toks[s].text == self.toks[s].text.lower():
            return _Ref(k, s + 1, "offset", key=key, n=n, unit=unit, anaphoric=True)
        return _Ref(k, e, "offset", key=REVERSED_OFFSETS[key], n=n, unit=unit)

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
        for k, _, _ in list(starts):
            # "early 2022", "late 2023": a modifier makes a bare year a year
            starts += [(j, True, True) for j, _, _ in self._lex(k, "modifiers")]
        for k, pre, ypre in starts:
            for r in (*self._dates(k), *self._weekdays(k, pre), *self._month_refs(k, pre),
                      *self._year_refs(k, ypre), *self._relatives(k), *self._offsets(k)):
                r.i = i
                cands.append(r)
        # "the November summit", "the Monday talks"; "the December 7 call" stays a date
        for k, _, _ in self._lex(i, "attributive"):
            if not any(True for _ in self._dates(k)):
                for r in (*self._weekdays(k, True), *self._month_refs(k, True)):
                    r.i = i
                    cands.append(r)
        if not cands:
            return None
        best = max(cands, key=lambda r: r.j)          # max keeps the first of equal length
        if best.kind in ("date", "weekday", "other") or (best.kind == "relative" and best.key in DAY_OFFSETS):
            pod = self.g.first(self.toks, best.j, "part_of_day")   # "w czwartek wieczorem"
            if pod:
                best.j = pod[0]
        own = self.g.first(self.toks, best.j, "possessive")      # "today's call", "Thursday's talks"
        if own and self.toks[best.j].glued:
            best.j = own[0]
        return best

    def parse(self) -> list[_Ref]:
        out, i = [], 0
        while i < len(self.toks):
            r = self.parse_at(i)
            if r is None:
                i += 1
                continue
            out.append(r)
            while r.kind == "year" and (listed := self._listed_year(r)):
                out.append(listed)
                r = listed
            i = r.j
        return out

    def span(self, r: _Ref) -> tuple[int, int]:
        return self.toks[r.i].start, self.toks[r.j - 1].stop

    def is_future(self, r: _Ref, words: list, offset: int) -> bool:
        """Does the clause around the reference speak of what is ahead? No signal means past (the
        contract's default); see `tense`."""
        return self.tense(r, words, offset) > 0

    def tense(self, r: _Ref, words: list, offset: int) -> int:
        """+1 when the clause around the reference speaks of what is ahead, -1 of what is past, 0
        when nothing says. A future cue from the data, a word the NLP layer marks Tense=Fut or a
        scheduled perfective infinitive ("договорились провести") say ahead; a past cue or a word
        marked Tense=Past say past. The verb that governs a time adverbial mostly comes before it,
        so the nearest signal before the reference wins, else the nearest after it ("agreed to
        exchange prisoners on Wednesday and said …": "agreed to", not "said")."""
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
        signals = self._tense_signals(r, a, b, words, offset)
        if not signals and b < len(toks):
            # a clause without a verb borrows the tense of the next one: "W poniedziałek do Kijowa,
            # a we wtorek do Moskwy poleci kanclerz"
            c = b + 1
            while c < len(toks) and toks[c].text not in CLAUSE_MARKS:
                c += 1
            signals = self._tense_signals(r, b, c, words, offset)
        if not signals:
            return 0
        before = [(here - at, ahead) for at, ahead in signals if at < here]
        return 1 if min(before or [(at - here, ahead) for at, ahead in signals])[1] else -1

    def _tense_signals(self, r: _Ref, a: int, b: int, words: list, offset: int) -> list[tuple[int, bool]]:
        """(offset, future?) of every tense cue in tokens a..b, outside the reference itself."""
        if a >= b:
            return []
        signals, cued = self._cue_signals(r, a, b)
        return signals + self._word_signals(r, a, b, words, offset, signals, cued)

    def _cue_signals(self, r: _Ref, a: int, b: int) -> tuple[list[tuple[int, bool]], set[int]]:
        """The data's tense cues in tokens a..b; the longer cue wins where two start at one word:
        "agreed to" (ahead) over "agreed"."""
        toks = self.toks
        signals: list[tuple[int, bool]] = []
        cued: set[int] = set()
        for k in range(a, b):
            if r.i <= k < r.j:
                continue
            ends = [(max(j for j, _, _ in found), cat == "future_cues")
                    for cat in ("future_cues", "past_cues") if (found := self._lex(k, cat))]
            if ends:
                signals.append((toks[k].start, max(ends)[1]))
                cued.add(toks[k].start)
        return signals, cued

    def _word_signals(self, r: _Ref, a: int, b: int, words: list, offset: int,
                      signals: list[tuple[int, bool]], cued: set[int]) -> list[tuple[int, bool]]:
        """The words' own tense: Tense=Fut or Past, and a perfective infinitive that is ahead after
        a verb in the present ("ma przedstawić w środę") or one that schedules ("договорились
        провести"), not after another past form ("ćwiczenia miały się zakończyć w niedzielę"). A
        word the data names as a cue speaks as the data says ("zaplanowano" schedules ahead)."""
        toks = self.toks
        lo, hi = toks[a].start, toks[b - 1].stop
        scheduled = {toks[k].start for k in range(a, b) if self._lex(k, "schedule_cues")}
        # the finite verbs (by their features or as cues of the data): what governs an infinitive
        finite = sorted({(w.start - offset, w.feats["Tense"] == "Past") for w in words
                         if w.feats and w.feats.get("VerbForm") == "Fin" and w.feats.get("Tense")}
                        | {(at, not ahead) for at, ahead in signals})
        out: list[tuple[int, bool]] = []
        for w in words:
            s = w.start - offset
            if not lo <= s < hi or s in cued or toks[r.i].start <= s < toks[r.j - 1].stop:
                continue
            feats = w.feats or {}
            governor = max(((at, past) for at, past in finite if at < s), default=None)
            ahead = all(feats.get(k) == v for k, v in PERFECTIVE_INFINITIVE) and (
                governor is None or not governor[1] or governor[0] in scheduled)
            if feats.get("Tense") in ("Fut", "Past"):
                out.append((s, feats["Tense"] == "Fut"))
            elif ahead:
                out.append((s, True))
        return out


# --------------------------------------------------------------------------- resolution

# A year the text does not give is carried as this one: a leap year (so that "29 lutego" exists)
# far below any year the parser reads. Values in it print as ISO 8601's forms without a year
# ("--12-30", "--12"); what needs the year (a weekday, a week, "this year") is not resolved.
UNKNOWN_YEAR = 400
PARTIAL_DAY = re.compile(r"--(\d{2})-(\d{2})")


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


def _partial_day(value) -> date | None:
    """A day without its year (--MM-DD), in UNKNOWN_YEAR."""
    m = PARTIAL_DAY.fullmatch(str(value or "").strip())
    try:
        return date(UNKNOWN_YEAR, int(m[1]), int(m[2])) if m else None
    except ValueError:
        return None


def _known_year(y: int) -> bool:
    return abs(y - UNKNOWN_YEAR) > 1          # arithmetic near 1 January may step into the next


def _day_iso(d: date) -> str:
    return d.isoformat() if _known_year(d.year) else f"--{d.month:02d}-{d.day:02d}"


def _month_iso(y: int, m: int) -> str:
    return f"{_iso_year(y)}-{m:02d}" if _known_year(y) else f"--{m:02d}"


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
    prev_at: tuple[int, int] = (-2, -1)     # (sentence, paragraph) of `prev`
    event: date | None = None    # the day of the event the lede tells (usually the call)
    event_told: bool = False     # the lede has named that day (resolved or not)

    @property
    def year_pivot(self) -> date:
        """The pivot, or a day of UNKNOWN_YEAR when nothing gives a year."""
        return self.pivot or date(UNKNOWN_YEAR, 7, 1)


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
    pivot = ctx.year_pivot
    pivot_iso = _day_iso(ctx.pivot) if ctx.pivot else None
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
                    anchor = pivot_iso
            elif y1 is not None:
                start = date(y1, m1, first.day)
                end = date(y1 + (1 if (m2, last.day) < (m1, first.day) else 0), m2, last.day)
            else:
                start = _closest(first.day, m1, pivot)
                if start is None:
                    return None
                end = date(start.year + (1 if (m2, last.day) < (m1, first.day) else 0), m2, last.day)
                anchor = pivot_iso
        except ValueError:
            return None
        if end < start:
            return None
        return _day_iso(start), _day_iso(end), "day", anchor
    y = _year_of(first, ctx)
    try:
        if y is not None:
            d = date(y, first.month, first.day)
            return _day_iso(d), None, "day", pivot_iso if first.year is None else None
    except ValueError:
        return None
    d = _closest(first.day, first.month, pivot)
    return (_day_iso(d), None, "day", pivot_iso) if d else None


def _resolve_month(r: _Ref, ctx: _Context) -> tuple[str, str | None, str, str | None] | None:
    dm = r.first
    p = ctx.year_pivot
    pivot_iso = _day_iso(ctx.pivot) if ctx.pivot else None
    y = _year_of(dm, ctx)
    if y is not None:
        return _month_iso(y, dm.month), None, "month", pivot_iso if dm.year is None else None
    if ctx.pivot_grain == "year":
        return None
    if r.direction:
        # "last October": the latest October before the pivot's month; "next March": the first after
        step = 1 if r.direction > 0 else -1
        y, m = p.year, p.month
        while True:
            y, m = _add_months(y, m, step)
            if m == dm.month:
                return _month_iso(y, m), None, "month", pivot_iso
    # the year that puts the month closest to the pivot; a tie keeps the earlier one
    best = min((abs((yy * 12 + dm.month) - (p.year * 12 + p.month)), yy) for yy in (p.year - 1, p.year, p.year + 1))
    return _month_iso(best[1], dm.month), None, "month", pivot_iso


Resolved = tuple[str, str | None, str, str | None]      # (value, end, grain, anchor)


def _resolve(r: _Ref, ctx: _Context, future: bool, base: tuple[date, date] | None) -> Resolved | None:
    """(value, end, grain, anchor) or None when the reference cannot be resolved here. `base` is
    the day a phrase relative to the text counts from (see `_base`)."""
    if r.kind == "date":
        return _resolve_date(r, ctx)
    if r.kind == "month":
        return _resolve_month(r, ctx)
    if r.kind == "year":
        return _resolve_year(r, ctx)
    if r.kind == "weekday":
        return _resolve_weekday(r, ctx, future)
    if r.kind == "relative":
        return _resolve_relative(r, ctx)
    if r.kind == "other":
        return _resolve_other(r, base)
    if r.kind == "offset":
        return _resolve_offset(r, ctx.anchor, base)
    return None


def _resolve_year(r: _Ref, ctx: _Context) -> Resolved | None:
    y = _year_of(r.first, ctx)
    if y is None or not _known_year(y):
        return None
    end = _iso_year(r.last.year) if r.last is not None and r.last.year is not None else None
    return _iso_year(y), end, "year", ctx.pivot.isoformat() if r.first.year is None and ctx.pivot else None


def _resolve_weekday(r: _Ref, ctx: _Context, future: bool) -> Resolved | None:
    """The weekday's day around the anchor: its stated direction, else ahead when the tense is,
    else the most recent one."""
    a = ctx.anchor
    if a is None or not _known_year(a.year):       # weekdays need the year
        return None
    diff = (r.weekday - a.weekday()) % 7
    if r.direction > 0:
        d = a + timedelta(days=diff or 7)
    elif r.direction < 0:
        d = a - timedelta(days=((a.weekday() - r.weekday) % 7) or 7)
    elif future or r.ahead:
        d = a + timedelta(days=diff)
    else:
        d = a - timedelta(days=(a.weekday() - r.weekday) % 7)
    return d.isoformat(), None, "day", a.isoformat()


def _resolve_relative(r: _Ref, ctx: _Context) -> Resolved | None:
    """"today", "next week", "last month": from the anchor (months from the pivot)."""
    a, p = ctx.anchor, ctx.pivot
    if r.key in MONTH_OFFSETS:
        if p is None or ctx.pivot_grain == "year":
            return None
        y, m = _add_months(p.year, p.month, MONTH_OFFSETS[r.key])
        return _month_iso(y, m), None, "month", _day_iso(p)
    if a is None:
        return None
    if r.key in DAY_OFFSETS:
        return _day_iso(a + timedelta(days=DAY_OFFSETS[r.key])), None, "day", _day_iso(a)
    if r.key in WEEK_OFFSETS and _known_year(a.year):
        monday = a - timedelta(days=a.weekday()) + timedelta(weeks=WEEK_OFFSETS[r.key])
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week", a.isoformat()
    return None


def _resolve_other(r: _Ref, base: tuple[date, date] | None) -> Resolved | None:
    """"the day before", "dzień później": from the day of the event the sentence talks about."""
    if base is None:
        return None
    start, end = base
    step = OTHER_DATE_OFFSETS[r.key]
    day = end if step > 0 else start
    return _day_iso(day + timedelta(days=step)), None, "day", _day_iso(day)


def _resolve_offset(r: _Ref, a: date | None,
                    base: tuple[date, date] | None) -> tuple[str, str | None, str, str | None] | None:
    """"пять лет назад" and "in two weeks" from the anchor; "dwa dni później" from `base`."""
    sign = -1 if r.key in ("ago", "earlier") else 1
    if r.key in ("later", "earlier") and base is not None:
        day = base[1] if sign > 0 else base[0]
        relative_to_text = True
    elif a is not None:
        day, relative_to_text = a, False
    else:
        return None
    n = sign * r.n
    if r.unit == "day":
        return _day_iso(day + timedelta(days=n)), None, "day", _day_iso(day)
    if r.unit == "week":
        if relative_to_text:
            return _day_iso(day + timedelta(weeks=n)), None, "day", _day_iso(day)
        if not _known_year(day.year):
            return None
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=n)
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat(), "week", day.isoformat()
    if r.unit == "month":
        y, m = _add_months(day.year, day.month, n)
        return _month_iso(y, m), None, "month", _day_iso(day)
    if not _known_year(day.year):
        return None
    return _iso_year(day.year + n), None, "year", day.isoformat()


def _context(anchor, published) -> _Context:
    """Where references are resolved from: the anchor, else a publication day (with or without its
    year) or the middle of a publication month or year."""
    a, _ = _parse_iso(anchor)
    if a is not None:
        return _Context(a, a, "day")
    day, coarse = _parse_iso(published)
    day = day or _partial_day(published)
    if day is not None:
        return _Context(day, day, "day")
    if coarse and len(coarse) == 7:
        y, m = int(coarse[:4]), int(coarse[5:])
        if 1 <= m <= 12 and y >= MINYEAR:
            return _Context(None, date(y, m, 15), "month")
    if coarse and len(coarse) == 4 and int(coarse) >= MINYEAR:
        return _Context(None, date(int(coarse), 7, 1), "year")
    return _Context(None, None, None)


def _base(ctx: _Context, sentence: int, paragraph: int) -> tuple[date, date] | None:
    """The day a phrase relative to the text ("the day before", "Tego samego dnia", "накануне",
    "two days later") counts from: the last day named in the same sentence or in the one just
    before it (a story going on: "W piątek … . Dzień później …"); else the day of the event the
    lede tells, usually the call ("Zelenskyy thanked Japan for the sanctions announced the day
    before"), not a day named in passing further back; else the anchor. None when the day the
    phrase follows could not be resolved ("W piątek … . Dzień później" without an anchor)."""
    s, p = ctx.prev_at
    if s == sentence or (s == sentence - 1 and p == paragraph):
        return ctx.prev                      # None when that day could not be resolved
    day = ctx.event or ctx.anchor
    return (day, day) if day is not None else None


# --------------------------------------------------------------------------- mentions

@dataclass(slots=True)
class _Mention:
    """One reference in the text, with where it sits and, once resolved, its DateRef."""
    ref: _Ref
    start: int                   # offsets in the analysed text
    stop: int
    sentence: int                # index in analysis.sentences
    paragraph: int
    tense: int                   # +1 ahead, -1 past, 0 nothing says or not asked (see _Parser.tense)
    found: DateRef | None = None


def _mentions(analysis: Analysis, sentences: list[int] | None = None) -> list[_Mention]:
    """Every reference in the given sentences (all by default), in text order, unresolved."""
    g = grammar(analysis.lang)
    out: list[_Mention] = []
    for n in range(len(analysis.sentences)) if sentences is None else sentences:
        sent = analysis.sentences[n]
        try:
            out.extend(_sentence_mentions(analysis, g, n, sent))
        except Exception as e:  # noqa: BLE001 - one sentence's dates, never the document's
            skip_sentence("dates", sent.start, sent.stop, e)
    return out


def _sentence_mentions(analysis: Analysis, g: DateGrammar, n: int, sent: Sentence) -> Iterator[_Mention]:
    parser = _Parser(g, analysis.text[sent.start:sent.stop])
    words = sent.words if sent.tokens else []
    for r in parser.parse():
        s, e = parser.span(r)
        # the tense decides a weekday's direction and whether a dated event is past (for a
        # dateline's year); nothing else needs it
        dated = any(dm is not None and dm.year is not None for dm in (r.first, r.last))
        tense = parser.tense(r, words, sent.start) if r.kind == "weekday" or dated else 0
        yield _Mention(r, sent.start + s, sent.start + e, n, sent.paragraph, tense)


def _lede(analysis: Analysis) -> list[int]:
    """The sentences of the first DATELINE_PARAGRAPHS paragraphs (a title, a dateline, the lede)."""
    paragraphs: list[int] = []
    out = []
    for n, s in enumerate(analysis.sentences):
        if s.paragraph not in paragraphs:
            paragraphs.append(s.paragraph)
        if len(paragraphs) > DATELINE_PARAGRAPHS:
            break
        out.append(n)
    return out


def _opening_sentences(analysis: Analysis) -> set[int]:
    """The first sentence of each of the first OPENING_PARAGRAPHS paragraphs (the title, the lede)."""
    out: dict[int, int] = {}
    for n, s in enumerate(analysis.sentences):
        if s.paragraph not in out:
            if len(out) == OPENING_PARAGRAPHS:
                break
            out[s.paragraph] = n
    return set(out.values())


def _resolve_all(analysis: Analysis, mentions: list[_Mention], anchor, published) -> list[_Mention]:
    """Resolve the mentions in text order (each relative phrase from what came before it)."""
    ctx = _context(anchor, published)
    lede = set(_lede(analysis))
    dateline = _dateline(analysis, mentions)
    for m in mentions:
        r = m.ref
        if r.kind == "vague":
            continue
        future = r.kind == "weekday" and not r.direction and m.tense > 0
        base = ctx.prev if r.anaphoric and ctx.prev else _base(ctx, m.sentence, m.paragraph)
        try:
            res = _resolve(r, ctx, future, base)
        except (_OutOfCalendar, OverflowError, ValueError):
            res = None          # beyond the years 1-9999 ("next year" in a text of 9999): no ISO value says it
        # the lede's first day (not the dateline's, nor one counted from another) is its event's
        if not ctx.event_told and m.sentence in lede and m is not dateline and r.kind in EVENT_KINDS \
                and _names_a_day(r) and r.last is None:
            ctx.event_told = True
            ctx.event = _day_of(res[0]) if res is not None and res[2] == "day" else None
        if res is None:
            if _names_a_day(r):
                ctx.prev, ctx.prev_at = None, (m.sentence, m.paragraph)
            continue
        value, end, grain, anchor_iso = res
        m.found = DateRef(text=analysis.text[m.start:m.stop], value=value, start=m.start, stop=m.stop,
                          end=end, grain=grain, anchor=anchor_iso)
        if grain != "day":
            continue
        ctx.prev, ctx.prev_at = (_day_of(value), _day_of(end or value)), (m.sentence, m.paragraph)
    _restated(analysis.text, mentions)
    return mentions


def _restated(text: str, mentions: list[_Mention]) -> None:
    """A phrase relative to the text that a day restates right after it, after a comma ("the day
    before, on Saturday", "накануне, в субботу") takes that day's value: the weekday is resolved
    from the anchor, the phrase only from a guess at the event it counts from."""
    for m, nxt in zip(mentions, mentions[1:]):
        if m.found is None or nxt.found is None or m.ref.kind not in ("other", "offset") \
                or nxt.ref.kind not in EVENT_KINDS or nxt.found.grain != "day" or nxt.found.end \
                or m.found.grain != "day" or text[m.stop:nxt.start].strip() != ",":
            continue
        m.found.value, m.found.anchor = nxt.found.value, nxt.found.anchor


def _names_a_day(r: _Ref) -> bool:
    """Does the reference name one day ("w piątek", "dziś", "the day before", "two days later")?"""
    return r.kind in ("date", "weekday", "other") or (r.kind == "relative" and r.key in DAY_OFFSETS) \
        or (r.kind == "offset" and r.unit == "day")


def _day_of(value: str) -> date:
    return _partial_day(value) or date.fromisoformat(value)


# --------------------------------------------------------------------------- datelines

def _place(prefix: str) -> bool:
    """Is this what stands before a dateline's date: nothing, or a place in capitalised words
    closed by a comma, full stop or colon ("WASHINGTON,", "Москва.", "Warszawa,", "KYIV, Ukraine,")?"""
    prefix = prefix.strip()
    if not prefix:
        return True
    if prefix[-1] not in DATELINE_PLACE_ENDS:
        return False
    words = [w for w in re.split(r"[\s,]+", prefix[:-1]) if w]
    return 0 < len(words) <= DATELINE_PLACE_WORDS and all(w[0].isupper() and w.replace("-", "").isalpha()
                                                          for w in words)


def _dateline_tail(rest: str) -> bool:
    """Does what follows a date on its line close a dateline? Nothing, a time ("14:10"), an agency
    in brackets or slashes ("(Reuters)", "/ТАСС/"), a dash, or an agency in capitals ("INTERFAX.RU")."""
    rest = rest.strip()
    if not rest or TIME_OF_DAY.fullmatch(rest):
        return True
    rest = rest.lstrip(".,").lstrip()
    if rest[:1] in DATELINE_OPENERS or rest[:1] in DASHES:
        return True
    word = rest.split(maxsplit=1)[0] if rest else ""
    return len(word) > 1 and word.isupper()


def _dateline(analysis: Analysis, mentions: list[_Mention]) -> _Mention | None:
    """The first date in the lede that stands on a line as a dateline or a page's date line:
    "WASHINGTON, March 4 (Reuters) -", "МОСКВА, 17 июня. /ТАСС/.", "Warszawa, 8 maja (PAP) –",
    "3 апреля 2025 года 14:10", "15.01.2025", "Warszawa, 11 marca 2024 r.". It is found from its
    shape on the line (punctuation and capitals, the same in every language) once the date grammar
    has found the date: the loader, which knows no month names, could not."""
    text = analysis.text
    lede = set(_lede(analysis))
    for m in mentions:
        if m.sentence not in lede:
            break
        r = m.ref
        if r.kind != "date" or r.last is not None or r.first.day is None:
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.stop)
        line_end = len(text) if line_end == -1 else line_end
        if _place(text[line_start:m.start]) and _dateline_tail(text[m.stop:line_end]):
            return m
    return None


# --------------------------------------------------------------------------- publication

@dataclass(frozen=True, slots=True)
class Publication:
    """When a text was published, as far as its metadata, the user or the text itself tells."""
    published: str | None        # YYYY-MM-DD | YYYY-MM | YYYY | --MM-DD (a dateline without a year)
    origin: str | None           # metadata | option | dateline | inferred; None when unknown
    anchor: date | None          # the day relative dates are resolved from (a day with its year)


def _latest_past(mentions: list[_Mention]) -> date | None:
    """The first day of the latest dated event the text tells as past: the publication is no
    earlier. References whose clause says nothing of tense count only when no clause says past;
    those ahead ("by 2040", "will meet in 2026") never."""
    told: dict[bool, list[date]] = {True: [], False: []}
    for m in mentions:
        r = m.ref
        dm = r.last if r.last is not None and r.last.year is not None else r.first
        if m.tense > 0 or dm is None or dm.year is None:
            continue
        try:
            told[m.tense < 0].append(date(dm.year, dm.month or 1, dm.day or 1))
        except ValueError:
            continue
    days = told[True] or told[False]
    return max(days) if days else None


def _infer_year(analysis: Analysis, line: _Mention) -> int | None:
    """The year of a dateline that has none ("WASHINGTON, March 4 (Reuters) -"): the first year
    from the latest past event the text dates on in which the dateline's day falls on, or the day
    after, the weekday the lede tells ("said on Tuesday"); without such a weekday, the first year
    in which the day is not before that event. None when the text dates nothing in the past."""
    mentions = _mentions(analysis)
    lower = _latest_past(mentions)
    if lower is None:
        return None
    lede = set(_lede(analysis))
    told = next((m.ref.weekday for m in mentions if m.sentence in lede and m.ref.kind == "weekday"
                 and not m.ref.direction and m.tense <= 0), None)
    dm = line.ref.first
    fallback = None
    for y in range(lower.year, lower.year + WEEKDAY_CYCLE + 1):
        try:
            day = date(y, dm.month, dm.day)
        except ValueError:
            continue                                  # 29 February
        if day < lower:
            continue
        if told is None:
            return y
        fallback = fallback or y
        if (day.weekday() - told) % 7 in WIRE_LAG_DAYS:
            return y
    return fallback


def find_publication(loaded: LoadedText, analysis: Analysis) -> Publication:
    """The publication date of a text and the day its relative dates are resolved from: --date
    or metadata (a month is narrowed by a date of that month in the lede, else its last day); a
    dateline or a page's date line (its year given, inferred, or none: `--MM-DD`); failing all
    that, a full date in the lede anchors the dates but says nothing of the publication."""
    origin = loaded.published_from or ("metadata" if loaded.published else None)
    for value in (loaded.published_assumed, loaded.published):
        day, _ = _parse_iso(value)
        if day is not None:
            return Publication(loaded.published, origin, day)
    _, coarse = _parse_iso(loaded.published)
    lede = _mentions(analysis, _lede(analysis))
    if not coarse:
        line = _dateline(analysis, lede)
        if line is not None:
            return _dateline_publication(analysis, line)
    month = coarse if coarse and len(coarse) == 7 else None
    return Publication(loaded.published, origin, _lede_day(analysis, lede, month, coarse) or _month_end(month))


def _month_end(month: str | None) -> date | None:
    """The last day of a YYYY-MM month: what a month-grain publication anchors on."""
    if not month or not 1 <= int(month[5:]) <= 12:
        return None
    y, m = int(month[:4]), int(month[5:])
    return date(y, m, calendar.monthrange(y, m)[1])


def _dateline_publication(analysis: Analysis, line) -> Publication:
    """A dateline's date, with its year, the year the text implies, or none."""
    dm = line.ref.first
    year = dm.year if dm.year is not None else _infer_year(analysis, line)
    if year is None:
        return Publication(f"--{dm.month:02d}-{dm.day:02d}", "dateline", None)
    try:
        day = date(year, dm.month, dm.day)
    except ValueError:
        return Publication(None, None, None)
    return Publication(day.isoformat(), "dateline" if dm.year is not None else "inferred", day)


def _lede_day(analysis: Analysis, lede, month: str | None, coarse: str | None) -> date | None:
    """A full date in the lede, taken for the day of the text. Without a month to check it
    against, only one in the opening sentence of the title or the lede ("On Tuesday, February 27,
    2024, the Prime Minister held …"); one further on is as often a day in the past ("the first
    call since 2 December 2022"). With a month, a date in another month is news, not the dateline."""
    opening = set(_lede(analysis)) if month else _opening_sentences(analysis)
    for m in _resolve_all(analysis, lede, None, coarse):
        ref = m.found
        if ref is None or m.ref.kind != "date" or ref.grain != "day" or ref.end is not None \
                or ref.value.startswith("--") or m.sentence not in opening:
            continue
        if not month or ref.value.startswith(month):
            return date.fromisoformat(ref.value)
    return None


# --------------------------------------------------------------------------- public

def extract_dates(analysis: Analysis, anchor: date | None, published: str | None = None) -> list[DateRef]:
    """Every calendar reference in `analysis.sentences`, in text order, resolved to ISO.

    `anchor` is the day relative references are resolved from (see `find_publication`). Without
    it a `published` day anchors, also one without its year (`--MM-DD`, from a dateline that has
    none); a month-grain or year-grain `published` still gives missing years and "this month" /
    "this year". A day or month whose year nothing gives keeps its known parts (`--03-12`, `--07`).
    """
    return [m.found for m in _resolve_all(analysis, _mentions(analysis), anchor, published) if m.found]


def unanchored_dates(analysis: Analysis, anchor: date | None, published: str | None = None) -> list[str]:
    """The references that could not be resolved for want of a publication day ("today", "w
    czwartek", "next week"), as written, so that the caller can ask for --date."""
    if anchor is not None:
        return []                            # with an anchor every reference resolves
    mentions = _resolve_all(analysis, _mentions(analysis), anchor, published)
    return [analysis.text[m.start:m.stop] for m in mentions if m.found is None and m.ref.kind != "vague"]


def find_anchor(loaded: LoadedText, analysis: Analysis) -> date | None:
    """The day the text's dates are resolved from (`find_publication(...).anchor`).

    --date (`published_assumed`), else a full-day `published`, else a dateline or a full date in the
    first paragraphs ("WASHINGTON, Jan 2 (Reuters) -", "ВАШИНГТОН, 18 марта. /ТАСС/." with the year
    from a month-grain `published` or inferred from the text), else the last day of a month-grain
    `published`.
    """
    return find_publication(loaded, analysis).anchor
