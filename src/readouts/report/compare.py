"""Render a Comparison: a Rich side-by-side table, and CSV rows (one per aligned pair or unpaired claim).

JSON needs nothing here: it is `Comparison.to_dict()`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from readouts.model import Claim, Comparison

if TYPE_CHECKING:
    from rich.console import Console

ONLY_LEFT, ONLY_RIGHT = "only_left", "only_right"
SIDE_FIELDS = ("actor", "act", "polarity", "hedged", "conditional", "addressee", "reported_by", "dates",
               "trigger", "sentence", "start", "stop")
CSV_COLUMNS = ("relation", "score", "topic", *(f"left_{f}" for f in SIDE_FIELDS),
               *(f"right_{f}" for f in SIDE_FIELDS), "reasons")
RELATION_STYLE = {"same": ("=", "green"), "conflict": ("≠ conflict", "bold red"),
                  ONLY_LEFT: ("◀ only left", "yellow"), ONLY_RIGHT: ("only right ▶", "cyan")}


def _side(prefix: str, claim: Claim | None) -> dict[str, Any]:
    if claim is None:
        return {f"{prefix}_{f}": "" for f in SIDE_FIELDS}
    row: dict[str, Any] = {}
    for f in SIDE_FIELDS:
        v = getattr(claim, f)
        if isinstance(v, bool):
            v = "true" if v else "false"
        elif isinstance(v, list):
            v = ";".join(v)
        row[f"{prefix}_{f}"] = "" if v is None else v
    return row


def _items(comparison: Comparison) -> list[tuple[str | None, str, float | None, Claim | None, Claim | None, list[str]]]:
    """(topic, relation, score, left, right, reasons) for every match and one-sided claim, in text order."""
    from readouts.compare import claim_topics

    items: list[tuple[str | None, str, float | None, Claim | None, Claim | None, list[str]]] = [
        (m.topic, m.relation, m.score, m.left, m.right, m.reasons) for m in comparison.matches]
    llang, rlang = comparison.left.document.lang, comparison.right.document.lang
    for c in comparison.only_left:
        items.append(((claim_topics(c, llang) or [None])[0], ONLY_LEFT, None, c, None, []))
    for c in comparison.only_right:
        items.append(((claim_topics(c, rlang) or [None])[0], ONLY_RIGHT, None, None, c, []))
    return items


def compare_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """CSV rows with the columns of CSV_COLUMNS: matches first (left text order), then one-sided claims."""
    rows = []
    for topic, relation, score, left, right, reasons in _items(comparison):
        row: dict[str, Any] = {"relation": relation, "score": "" if score is None else f"{score:.3f}",
                               "topic": topic or ""}
        row.update(_side("left", left))
        row.update(_side("right", right))
        row["reasons"] = "; ".join(reasons)
        rows.append(row)
    return rows


def summary_line(comparison: Comparison) -> str:
    same = sum(m.relation == "same" for m in comparison.matches)
    conflicts = len(comparison.matches) - same
    return (f"{same} same, {conflicts} conflict{'s' if conflicts != 1 else ''}, "
            f"{len(comparison.only_left)} only left, {len(comparison.only_right)} only right "
            f"({len(comparison.left.claims)} left claims, {len(comparison.right.claims)} right claims)")


def _cell(claim: Claim | None) -> Any:
    from rich.text import Text

    if claim is None:
        return Text("—", style="dim")
    marks = [claim.act]
    if claim.polarity == "negated":
        marks.append("NOT")
    if claim.hedged:
        marks.append("alleged")
    if claim.conditional:
        marks.append("if")
    head = f"{claim.actor} · {' '.join(marks)}"
    if claim.addressee:
        head += f" → {claim.addressee}"
    text = Text(head, style="bold")
    text.append("\n" + claim.sentence.replace("\n", " "), style="")
    return text


def render_compare_table(comparison: Comparison, console: "Console") -> None:
    """Left claim | relation | right claim, grouped by topic, one-sided claims marked, a summary line."""
    from rich.table import Table
    from rich.text import Text

    from readouts.compare import load_config, topic_label

    order = {t: i for i, t in enumerate(load_config().topic_order)}
    items = sorted(_items(comparison), key=lambda it: (order.get(it[0], len(order)) if it[0] else len(order) + 1))
    ldoc, rdoc = comparison.left.document, comparison.right.document
    table = Table(title="Two accounts compared", show_lines=True, expand=True)
    # paths are Text: a str header would be read as Rich markup ("a[/x]/m.txt" crashes the table)
    table.add_column(Text(f"{ldoc.path} ({ldoc.lang}{', ' + ldoc.source if ldoc.source else ''})"), ratio=5)
    table.add_column("relation", justify="center", ratio=1, no_wrap=False)
    table.add_column(Text(f"{rdoc.path} ({rdoc.lang}{', ' + rdoc.source if rdoc.source else ''})"), ratio=5)
    current: object = object()
    for topic, relation, score, left, right, _ in items:
        if topic != current:
            current = topic
            table.add_row(Text(topic_label(topic), style="bold magenta"), "", "", end_section=False)
        label, style = RELATION_STYLE[relation]
        rel = Text(label, style=style)
        if score is not None:
            rel.append(f"\n{score:.2f}", style="dim")
        table.add_row(_cell(left), rel, _cell(right))
    console.print(table)
    console.print(summary_line(comparison))
