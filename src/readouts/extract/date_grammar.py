"""The date vocabulary of one language, compiled once from `lang/<xx>/dates.yaml`, and the tokenizer.

The YAML maps surface forms to language-neutral keys (`january`, `thursday`, `next_week`, `ago`
…); this module validates it (schema, one form never mapped to two keys, bound forms that exist),
tokenizes every form the same way as the text, and offers `DateGrammar.match(tokens, i, cat)`.
The parser and resolver in `readouts.extract.dates` work only on these keys, so there is one
mechanism for every language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from readouts.errors import DataError
from readouts.extract.lexicon import fold
from readouts.lang import load_data
from readouts.lang.schema import Choice, Either, check_unique

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Keys of `relative`, grouped by what the resolver does with them.
DAY_OFFSETS = {"today": 0, "yesterday": -1, "tomorrow": 1, "day_before_yesterday": -2,
               "day_after_tomorrow": 2}
WEEK_OFFSETS = {"this_week": 0, "next_week": 1, "last_week": -1}
MONTH_OFFSETS = {"this_month": 0, "next_month": 1, "last_month": -1}
YEAR_OFFSETS = {"this_year": 0, "next_year": 1, "last_year": -1}
OTHER_DATE_OFFSETS = {"day_after": 1, "day_before": -1, "same_day": 0}
RELATIVE_KEYS = (*DAY_OFFSETS, *WEEK_OFFSETS, *MONTH_OFFSETS, *YEAR_OFFSETS, *OTHER_DATE_OFFSETS)
MODIFIERS = ("early", "late", "mid")
OFFSET_KEYS = ("ago", "from_now", "later", "earlier")
UNITS = ("day", "week", "month", "year")

_FORMS = [str]
_OPT = Either([str], Choice(None))        # a construction the language may lack: null
SPEC = {
    "months": {m: _FORMS for m in MONTHS},
    "month_adjectives": {m: _OPT for m in MONTHS},
    "weekdays": {d: _FORMS for d in WEEKDAYS},
    "bound": _OPT,
    "relative": {k: _OPT for k in RELATIVE_KEYS},
    "vague": _OPT,
    "modifiers": {k: _OPT for k in MODIFIERS},
    "prepositions": _FORMS,
    "attributive": _OPT,
    "year_prefix": _OPT,
    "year_word": _OPT,
    "year_link": _OPT,
    "and_or": _OPT,
    "day_month_link": _OPT,
    "number_suffixes": _OPT,
    "part_of_day": _OPT,
    "range_prefix": _OPT,
    "range_pairs": Either([[str]], Choice(None)),
    "weekday_next": _OPT,
    "weekday_last": _OPT,
    "weekday_ahead": _OPT,
    "possessive": _OPT,
    "offsets": {k: _OPT for k in OFFSET_KEYS},
    "durations": _OPT,
    "numbers": {str: _FORMS},
    "units": {u: {"one": _FORMS, "many": _FORMS} for u in UNITS},
    "future_cues": _FORMS,
    "past_cues": _FORMS,
    "schedule_cues": _OPT,
    "event_links": _OPT,
    "event_determiners": _OPT,
    "demonstratives": _OPT,
    "numeric_order": Choice("dmy", "mdy", "ymd"),
}

# Numbers (ASCII digits only: int() refuses superscripts, and "٣" is no date of ours), words (a
# letter then any word characters, so "G20" stays one token) and single marks.
TOKEN_RE = re.compile(r"[0-9]+|[^\W\d_]\w*|\S")
# Only these marks may precede a capitalised form of a lower-case entry (sentence-initial use):
# a comma or hyphen before "Марта" means a name, not March.
_OPENERS = set("\"'„“”«»‚‘’([{–—:;")
ASCII_DIGITS = frozenset("0123456789")




@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    low: str          # folded
    start: int        # offsets in the string that was tokenized
    stop: int
    kind: str         # num | word | mark
    glued: bool       # no space before it


def tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    prev_stop = -1
    for m in TOKEN_RE.finditer(text):
        s = m.group()
        kind = "num" if s[0] in ASCII_DIGITS else ("word" if s[0].isalpha() else "mark")
        toks.append(Tok(s, fold(s), m.start(), m.end(), kind, m.start() == prev_stop))
        prev_stop = m.end()
    return toks


@dataclass(frozen=True, slots=True)
class _Entry:
    forms: tuple[str, ...]     # the form's tokens as written (case decides exactness)
    key: str
    exact: bool
    form: str                  # as written in the YAML


@dataclass
class DateGrammar:
    lang: str
    numeric_order: str
    number_suffixes: tuple[str, ...]
    bound: frozenset[str]
    _index: dict[tuple[str, str], list[_Entry]] = field(default_factory=dict)

    def add(self, cat: str, form: str, key: str) -> None:
        toks = tuple(t.text for t in tokenize(form))
        entry = _Entry(toks, key, form != form.lower(), form)
        bucket = self._index.setdefault((cat, fold(toks[0])), [])
        bucket.append(entry)
        bucket.sort(key=lambda e: -len(e.forms))

    def match(self, toks: list[Tok], i: int, cat: str) -> list[tuple[int, str, str]]:
        """Every entry of category `cat` that starts at token i: (end index, key, form), longest first."""
        if i >= len(toks):
            return []
        out = []
        for e in self._index.get((cat, toks[i].low), ()):
            n = len(e.forms)
            if i + n <= len(toks) and all(_tok_matches(toks, i + k, f, e.exact, k == 0)
                                          for k, f in enumerate(e.forms)):
                out.append((i + n, e.key, e.form))
        return out

    def first(self, toks: list[Tok], i: int, cat: str) -> tuple[int, str, str] | None:
        m = self.match(toks, i, cat)
        return m[0] if m else None


def _tok_matches(toks: list[Tok], i: int, form: str, exact: bool, first: bool) -> bool:
    tok = toks[i]
    if exact:
        return tok.text.replace("’", "'") == form
    if tok.low != fold(form):
        return False
    if tok.text == tok.text.lower() or tok.kind != "word":
        return True
    # A capitalised lower-case entry: only where a sentence or a quotation starts.
    if not first or tok.text[1:] != tok.text[1:].lower():
        return False
    return i == 0 or (toks[i - 1].kind == "mark" and toks[i - 1].text in _OPENERS)


def _items(mapping: dict[str, list[str] | None]):
    for key, forms in mapping.items():
        for form in forms or ():
            yield form, key


@cache
def grammar(lang: str) -> DateGrammar:
    """Load, validate and compile `lang/<lang>/dates.yaml` (cached)."""
    data = load_data("dates", lang, SPEC)
    _check(data, f"lang/{lang}/dates.yaml")
    return _compile(data, lang)


def _check(data: dict, where: str) -> None:
    """The checks that span keys. One surface form, one meaning: months, weekdays, relative
    phrases and vague spans share one namespace, because the parser tries them at the same token."""
    refs = [(fold(f), f"months.{k}") for f, k in _items(data["months"])]
    refs += [(fold(f), f"months.{k}") for f, k in _items(data["month_adjectives"])]
    refs += [(fold(f), f"weekdays.{k}") for f, k in _items(data["weekdays"])]
    refs += [(fold(f), f"relative.{k}") for f, k in _items(data["relative"])]
    refs += [(fold(f), "vague") for f in data["vague"] or ()]
    check_unique(refs, where)
    check_unique(((fold(f), k) for f, k in _items(data["numbers"])), where, "number word")
    check_unique(((fold(f), k) for f, k in _items(data["offsets"])), where, "offset cue")
    check_unique(((fold(f), k) for f, k in _items(data["modifiers"])), where, "modifier")
    units = [(fold(f), f"{u}.{n}") for u, v in data["units"].items() for n, fs in v.items() for f in fs]
    check_unique(units, where, "unit form")
    for k in data["numbers"]:
        if not (k.isascii() and k.isdigit()):
            raise DataError(f"{where}: numbers.{k}: keys are the numbers' digits")
    calendar = {f for f, _ in _items(data["months"])} | {f for f, _ in _items(data["weekdays"])}
    for f in data["bound"] or ():
        if f not in calendar:
            raise DataError(f"{where}: bound: {f!r} is not a month or weekday form")
    for pair in data["range_pairs"] or ():
        if len(pair) != 2:
            raise DataError(f"{where}: range_pairs: {pair!r} must be [opening, closing]")


# word lists whose words all stand for their list's own name
CUE_LISTS = ("vague", "prepositions", "attributive", "year_prefix", "year_word", "year_link", "and_or",
             "day_month_link", "part_of_day", "range_prefix", "weekday_next", "weekday_last", "weekday_ahead",
             "possessive", "durations", "future_cues", "past_cues", "schedule_cues", "event_links",
             "event_determiners", "demonstratives")


def _compile(data: dict, lang: str) -> DateGrammar:
    g = DateGrammar(
        lang=lang,
        numeric_order=data["numeric_order"],
        number_suffixes=tuple(sorted(data["number_suffixes"] or (), key=len, reverse=True)),
        bound=frozenset(data["bound"] or ()),
    )
    for cat in ("months", "month_adjectives", "weekdays", "relative", "modifiers", "offsets", "numbers"):
        for form, key in _items(data[cat]):
            g.add(cat, form, key)
    for u, v in data["units"].items():
        for n, forms in v.items():
            for f in forms:
                g.add(f"unit_{n}", f, u)
    for cat in CUE_LISTS:
        for f in data[cat] or ():
            g.add(cat, f, cat)
    for n, (a, b) in enumerate(data["range_pairs"] or ()):
        g.add("range_open", a, str(n))       # the key pairs an opening word with its closing one
        g.add("range_close", b, str(n))
    return g
