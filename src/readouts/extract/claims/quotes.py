"""Quotations and the verbs that attribute them. The attribution's shape is a pattern of
`lang/patterns.yaml` (`quote.*`); this module finds where the quoted words run, which may be in
earlier sentences of the paragraph."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from readouts.extract.claims.data import ClaimData
from readouts.extract.claims.triggers import Trigger, find_triggers
from readouts.extract.claims.view import SentenceView
from readouts.model import Word

SPEAKER_COMMA_SHAPES = ("quote.speaker_comma_aside", "quote.marker_aside", "quote.speaker_comma_end")
ASIDE_SHAPES = frozenset(SPEAKER_COMMA_SHAPES[:2])     # the speech goes on after the aside


@dataclass(frozen=True)
class Quote:
    """A quotation, the trigger that attributes it and the pattern of the attribution."""
    attribution: Trigger
    pattern: str
    carrier: SentenceView           # where the quote opens: the claim's carrying sentence
    words: tuple[Word, ...]         # the quoted words
    first_word: int                 # index of the first quoted word in the carrier
    has_triggers: bool = False      # the earlier sentences it spans hold triggers of their own

    def covers(self, view: SentenceView, i: int) -> bool:
        """Whether word i of `view` is quoted (only words of the sentence the quote opens in)."""
        return self.carrier is view and any(w is view.words[i] for w in self.words)


class _Unattributed(Exception):
    """A closing mark whose opening mark is nowhere in the paragraph: no quote in this sentence."""


def find_quote(view: SentenceView, earlier: tuple[SentenceView, ...], triggers: tuple[Trigger, ...],
               data: ClaimData) -> Quote | None:
    """The first trigger that attributes a quotation (`„…” – powiedział X.`, `"…," he said.`,
    `…, he added.`, `… – powiedział`), with the quotation it attributes."""
    try:
        return next((q for t in triggers if (q := _quote_of(view, earlier, t, data)) is not None), None)
    except _Unattributed:
        return None


def _quote_of(view: SentenceView, earlier: tuple[SentenceView, ...], t: Trigger, data: ClaimData) -> Quote | None:
    comma = _speaker_comma(view, t, data)
    if comma is not None:
        return comma
    dash = data.pattern("quote.dash").match(view, t.first, t.last)
    if dash is not None:
        opening = _dash_opening(view, t, data)
        return Quote(t, dash.pattern, view, view.words[opening:t.first - 1], opening)
    mark = data.pattern("quote.closing_mark").match(view, t.first, t.last)
    if mark is None or mark.slot("quote_end")[0] == t.first - 1:
        return None         # nothing between the mark and the verb: the mark is not this verb's
    return _closed_quote(view, earlier, t, mark.slot("quote_end")[0], data)


def _speaker_comma(view: SentenceView, t: Trigger, data: ClaimData) -> Quote | None:
    """'…, he added.' and '…, he warned, China will …': the speech around the speaker and verb."""
    for pattern_id in SPEAKER_COMMA_SHAPES:
        pattern = data.pattern(pattern_id)
        if not _trigger_fits(pattern.trigger, t):
            continue
        match = pattern.match(view, t.first, t.last)
        if match is not None:
            comma = match.slot("quote_end")[0]
            after = view.words[t.last + 1:] if pattern_id in ASIDE_SHAPES else ()
            return Quote(t, pattern_id, view, view.words[:comma] + tuple(after), 0)
    return None


def _trigger_fits(conditions: Mapping[str, object], t: Trigger) -> bool:
    return all(getattr(t, "family" if key == "family" else key) == value and
               (key != "family" or t.plain_verb) for key, value in conditions.items())


def _dash_opening(view: SentenceView, t: Trigger, data: ClaimData) -> int:
    """Where reported speech set off by a dash alone opens: at its opening dash when the splitter
    kept a sentence before it ("… Europy. – Ten traktat … – powiedział"), else the sentence start."""
    dashes, ends = data.cls("quote_attribution_dashes").raw, data.quotes.sentence_ends
    return next((k + 1 for k in range(t.first - 3, 0, -1)
                 if view.words[k].text in dashes and view.words[k - 1].text in ends), 0)


def _closed_quote(view: SentenceView, earlier: tuple[SentenceView, ...], t: Trigger, end: int,
                  data: ClaimData) -> Quote | None:
    if view.words[end].text[-1] in data.quotes.straight and not view.quoted[end]:
        return None         # a straight quote that opens, not one that closes
    opening = data.cls("opening_quotes").raw
    for k in range(end - 1, -1, -1):
        if _opens(view.words, k, opening):
            return Quote(t, "quote.closing_mark", view, view.words[k + 1:end], k + 1)
    return _opened_earlier(earlier, t, view.words[:end], data)


def _opens(words: tuple[Word, ...], k: int, opening: frozenset[str]) -> bool:
    """Word k starts with an opening mark, and is no clitic glued to the word before it ("the
    UK's": an apostrophe, not a single quote)."""
    text = words[k].text
    glued = k > 0 and words[k].start <= words[k - 1].stop and words[k - 1].text[-1:].isalnum()     # or one token
    return bool(text) and text[0] in opening and not glued


def _opened_earlier(earlier: tuple[SentenceView, ...], t: Trigger, tail: tuple[Word, ...],
                    data: ClaimData) -> Quote:
    """The quote opened in an earlier sentence of the paragraph."""
    opening = data.cls("opening_quotes").raw
    for prev in reversed(earlier):
        for k in range(len(prev) - 1, -1, -1):
            if _opens(prev.words, k, opening):
                inner = find_triggers(prev, data).triggers
                return Quote(t, "quote.closing_mark", prev, prev.words[k + 1:] + tail, k + 1,
                             has_triggers=any(x.first > k for x in inner))
        tail = prev.words + tail
    raise _Unattributed
