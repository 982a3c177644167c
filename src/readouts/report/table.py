"""The terminal report: per document a header naming the document, then its claims, actors and
dates, laid out for the width of the terminal.

From `CARD_BELOW` columns up each kind is a table whose first and widest column is what a reader
reads (the sentence, the date's text, the actor's mentions) and whose other columns are compact;
below it each item is a card: a bold head line, then the text on lines of its own. Hard line
breaks inside a sentence are shown as spaces (the data keeps them).
"""
from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from readouts.model import Actor, Claim, DateRef, Extraction
from readouts.report.display import (
    FLAG_SEPARATOR,
    act_line,
    context_parts,
    document_facts,
    one_line,
    polarity_label,
    trace_parts,
    trigger_spans,
    who_line,
)

CARD_BELOW = 100        # columns: narrower terminals get one card per item
CARD_INDENT = 4         # the text of a card under its head line
TRIGGER_STYLE = "bold"
NEGATED_STYLE = "red"
# the compact columns of a claims table: (share of the width, fewest and most columns); the
# sentence takes the rest
ACTOR_WIDTH = (0.15, 18, 32)
ACT_WIDTH = (0.18, 14, 36)
DATES_WIDTH = 10        # an ISO date


def plain(*cells: str | Text) -> list[Text]:
    """Cells as Text: a str cell would be read as Rich markup ("[/x]" in a name crashes the table,
    "[link=…]" makes a hyperlink) and emoji codes; the text of an input is never markup."""
    return [Text(c) if isinstance(c, str) else c for c in cells]


def highlighted(claim: Claim) -> Text:
    """The sentence on one line with the trigger words in bold."""
    sentence = one_line(claim.sentence)
    text = Text(sentence)
    for start, stop in trigger_spans(sentence, one_line(claim.trigger)):
        text.stylize(TRIGGER_STYLE, start, stop)
    return text


def act_text(claim: Claim) -> Text:
    """`warn · if · alleged · content negated`, the negation in red."""
    line = act_line(claim)
    text = Text(line)
    negated = polarity_label(claim)
    if negated:
        at = line.rindex(negated)
        text.stylize(NEGATED_STYLE, at, at + len(negated))
    return text


def header(ex: Extraction) -> Text:
    d = ex.document
    text = Text(d.path, style="bold")
    if d.title:
        text.append(f" — {one_line(d.title)}", style="italic")
    text.append("\n")
    text.append(FLAG_SEPARATOR.join(document_facts(d)), style="dim")
    return text


# --------------------------------------------------------------------------- cards (narrow)

@dataclass(frozen=True, slots=True)
class Card:
    head: Text
    body: Text | None = None
    foot: str = ""


def cards(title: str, items: list[Card]) -> Group:
    """A numbered card per item: the head line, then the body and the foot indented under it."""
    parts: list[RenderableType] = [Text(title, style="bold")]
    for n, card in enumerate(items, 1):
        head = Text(f"{n:>{CARD_INDENT - 2}}. ", style="dim")
        head.append_text(card.head)
        parts.append(head)
        lines = [card.body] if card.body is not None else []
        if card.foot:
            lines.append(Text(card.foot, style="dim"))
        if lines:
            parts.append(Padding(Group(*lines), (0, 0, 0, CARD_INDENT), expand=False))
    return Group(*parts)


def claim_card(claim: Claim, explain: bool) -> Card:
    head = Text(who_line(claim), style="bold")
    head.append(FLAG_SEPARATOR)
    head.append_text(act_text(claim))
    foot = context_parts(claim) + (trace_parts(claim) if explain else [])
    return Card(head, highlighted(claim), FLAG_SEPARATOR.join(foot))


def date_card(d: DateRef) -> Card:
    head = Text(d.value + (f" – {d.end}" if d.end else ""), style="bold")
    head.append(FLAG_SEPARATOR + d.grain + (" (vague)" if d.vague else ""))
    return Card(head, Text(one_line(d.text)), f"characters {d.start}–{d.stop}")


def actor_card(a: Actor) -> Card:
    head = Text(a.name, style="bold")
    head.append(FLAG_SEPARATOR + a.kind)
    return Card(head, Text(", ".join(one_line(m) for m in a.mentions)))


# --------------------------------------------------------------------------- tables (wide)

def _table(title: str) -> Table:
    return Table(title=title, title_justify="left", show_lines=True, expand=True)


def _compact(width: int, rule: tuple[float, int, int]) -> int:
    share, fewest, most = rule
    return max(fewest, min(most, round(width * share)))


def claims_table(ex: Extraction, explain: bool, width: int) -> Table:
    """The sentence first and wide; who, the act with its flags, and the dates compact."""
    table = _table(f"claims ({len(ex.claims)})")
    table.add_column("sentence (trigger in bold)", ratio=1)
    table.add_column("actor → addressee", max_width=_compact(width, ACTOR_WIDTH))
    table.add_column("act · flags", max_width=_compact(width, ACT_WIDTH))
    table.add_column("dates", max_width=DATES_WIDTH)
    for c in ex.claims:
        who = Text(who_line(c))
        if c.reported_by:
            who.append(f"\nreported by {c.reported_by}", style="dim")
        act = act_text(c)
        if explain:
            act.append("\n" + "\n".join(trace_parts(c)), style="dim")
        table.add_row(highlighted(c), who, act, Text("\n".join(c.dates)))
    return table


def dropped_table(ex: Extraction) -> Table:
    """The candidate triggers that gave no claim, and the rule that dropped each (--explain)."""
    table = _table(f"dropped candidates ({len(ex.dropped)})")
    table.add_column("trigger", ratio=1)
    table.add_column("pattern")
    table.add_column("dropped by")
    table.add_column("characters")
    for d in ex.dropped:
        table.add_row(*plain(one_line(d.trigger), d.pattern, d.reason, f"{d.start}–{d.stop}"))
    return table


def actors_table(ex: Extraction) -> Table:
    table = _table(f"actors ({len(ex.actors)})")
    table.add_column("mentions", ratio=1)
    table.add_column("name")
    table.add_column("kind")
    for a in ex.actors:
        table.add_row(*plain(", ".join(one_line(m) for m in a.mentions), a.name, a.kind))
    return table


def dates_table(ex: Extraction) -> Table:
    table = _table(f"dates ({len(ex.dates)})")
    table.add_column("text", ratio=1)
    for name in ("value", "end", "grain", "characters"):
        table.add_column(name)
    for d in ex.dates:
        table.add_row(*plain(one_line(d.text), d.value, d.end or "", d.grain + (" (vague)" if d.vague else ""),
                             f"{d.start}–{d.stop}"))
    return table


# --------------------------------------------------------------------------- the report

def _section(ex: Extraction, what: str, explain: bool, width: int) -> RenderableType:
    narrow = width < CARD_BELOW
    if what == "claims":
        if not ex.claims:
            return Text("no claims found", style="dim")
        if narrow:
            shown: RenderableType = cards(f"claims ({len(ex.claims)})", [claim_card(c, explain) for c in ex.claims])
        else:
            shown = claims_table(ex, explain, width)
        return Group(shown, dropped_table(ex)) if explain and ex.dropped else shown
    if what == "actors":
        return cards(f"actors ({len(ex.actors)})", [actor_card(a) for a in ex.actors]) if narrow \
            else actors_table(ex)
    return cards(f"dates ({len(ex.dates)})", [date_card(d) for d in ex.dates]) if narrow else dates_table(ex)


def render_extractions(extractions: list[Extraction], console: Console, what: str | None,
                       explain: bool) -> None:
    """`what` None shows claims, actors and dates; otherwise only that kind. The layout follows
    the console's width: tables from CARD_BELOW columns up, cards below."""
    kinds = ("claims", "actors", "dates") if what is None else (what,)
    for i, ex in enumerate(extractions):
        if i:
            console.rule()
        parts: list[RenderableType] = [header(ex)]
        for kind in kinds:
            if console.width < CARD_BELOW and len(parts) > 1:
                parts.append(Text(""))
            parts.append(_section(ex, kind, explain, console.width))
        console.print(Group(*parts))
