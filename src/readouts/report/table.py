"""The terminal report: per document a claims table under a header naming the document, then the
actors and the dates."""
from __future__ import annotations

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from readouts.model import Claim, Extraction


def _flag(value: bool) -> str:
    return "yes" if value else ""


def plain(*cells: str | Text) -> list[Text]:
    """Cells as Text: a str cell would be read as Rich markup ("[/x]" in a name crashes the table,
    "[link=…]" makes a hyperlink) and emoji codes; the text of an input is never markup."""
    return [Text(c) if isinstance(c, str) else c for c in cells]


def highlighted(claim: Claim) -> Text:
    """The sentence with the trigger words in bold (found case-insensitively; left plain when the
    trigger is not a substring, e.g. a discontinuous "miał … zapewnić")."""
    text = Text(claim.sentence)
    if claim.trigger:
        at = claim.sentence.lower().find(claim.trigger.lower())
        if at >= 0:
            text.stylize("bold yellow", at, at + len(claim.trigger))
        else:
            for word in claim.trigger.split():
                at = claim.sentence.lower().find(word.lower())
                if at >= 0:
                    text.stylize("bold yellow", at, at + len(word))
    return text


def header(ex: Extraction) -> Text:
    d = ex.document
    parts = [("language ", d.lang), ("published ", d.published or "unknown"),
             ("source ", d.source or "unknown"), ("backend ", d.backend or "-")]
    text = Text(d.path, style="bold")
    if d.title:
        text.append(f" — {d.title}", style="italic")
    text.append("\n")
    text.append(" · ".join(f"{k}{v}" for k, v in parts), style="dim")
    return text


def claims_table(ex: Extraction, explain: bool) -> Table:
    table = Table(title=f"claims ({len(ex.claims)})", title_justify="left", show_lines=True,
                  expand=True)
    for name in ("actor", "act", "polarity", "hedged", "conditional", "addressee", "reported_by", "dates"):
        table.add_column(name, no_wrap=name in ("act", "polarity"))
    table.add_column("sentence", ratio=3)
    if explain:
        table.add_column("rule")
    for c in ex.claims:
        row = [c.actor, c.act, Text(c.polarity, style="red" if c.polarity == "negated" else ""),
               _flag(c.hedged), _flag(c.conditional), c.addressee or "", c.reported_by or "",
               "\n".join(c.dates), highlighted(c)]
        if explain:
            row.append(c.rule or "")
        table.add_row(*plain(*row))
    return table


def actors_table(ex: Extraction) -> Table:
    table = Table(title=f"actors ({len(ex.actors)})", title_justify="left", expand=True)
    table.add_column("name")
    table.add_column("kind")
    table.add_column("mentions", ratio=3)
    for a in ex.actors:
        table.add_row(*plain(a.name, a.kind, ", ".join(a.mentions)))
    return table


def dates_table(ex: Extraction) -> Table:
    table = Table(title=f"dates ({len(ex.dates)})", title_justify="left", expand=True)
    for name in ("text", "value", "end", "grain", "offsets"):
        table.add_column(name, ratio=3 if name == "text" else None)
    for d in ex.dates:
        table.add_row(*plain(d.text, d.value, d.end or "", d.grain + (" (vague)" if d.vague else ""),
                             f"{d.start}–{d.stop}"))
    return table


def render_extractions(extractions: list[Extraction], console: Console, what: str | None,
                       explain: bool) -> None:
    """`what` None shows claims, actors and dates; otherwise only that table."""
    for i, ex in enumerate(extractions):
        if i:
            console.rule()
        parts: list = [header(ex)]
        if what in (None, "claims"):
            parts.append(claims_table(ex, explain) if ex.claims else Text("no claims found", style="dim"))
        if what in (None, "actors"):
            parts.append(actors_table(ex))
        if what in (None, "dates"):
            parts.append(dates_table(ex))
        console.print(Group(*parts))
