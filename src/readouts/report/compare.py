"""Render a Comparison: its JSON with the counts, CSV rows (one per aligned pair or unpaired claim),
and the terminal report (a side-by-side table, one card per row below `CARD_BELOW` columns).

Markdown and HTML pages are in `report.markdown` and `report.html`; all of them take their rows from
`items()`: every match and one-sided claim with its matter, grouped in the matters' order.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from readouts.model import Claim, Comparison, DocumentInfo
from readouts.report.display import FLAG_SEPARATOR, summary, summary_line, who_line

if TYPE_CHECKING:
    from rich.console import Console

ONLY_LEFT, ONLY_RIGHT = "only_left", "only_right"
SIDE_FIELDS = ("actor", "act", "polarity", "hedged", "conditional", "addressee", "reported_by", "dates",
               "trigger", "sentence", "start", "stop")
CSV_COLUMNS = ("relation", "score", "topic", "concepts", *(f"left_{f}" for f in SIDE_FIELDS),
               *(f"right_{f}" for f in SIDE_FIELDS), "reasons")
RELATION_LABEL = {"same": "= same", "conflict": "≠ conflict", ONLY_LEFT: "◀ only left",
                  ONLY_RIGHT: "only right ▶"}
RELATION_STYLE = {"same": "green", "conflict": "bold red", ONLY_LEFT: "yellow", ONLY_RIGHT: "cyan"}
SCORE_LABEL = "score"
MATTER_LABEL = "matter"
RELATION_WIDTH = max(map(len, RELATION_LABEL.values()))
EXPLAIN_RATIO = 3       # the relation column's share (of 13) when it lists the reasons
SIDES = ("left", "right")
COUNT_LABELS = (("same", "same"), ("conflict", "conflict"), (ONLY_LEFT, "only left"), (ONLY_RIGHT, "only right"))


@dataclass(frozen=True, slots=True)
class Item:
    """One row of a comparison report: a match, or a claim that only one side reports."""
    topic: str | None
    relation: str               # same | conflict | only_left | only_right
    score: float | None
    left: Claim | None
    right: Claim | None
    reasons: list[str] = field(default_factory=list)
    concepts: list[str] = field(default_factory=list)     # the matter's concept keys (lang/matters.yaml)


def items(comparison: Comparison) -> list[Item]:
    """Every match and one-sided claim: matches first (in left text order), then the one-sided
    claims of the left and of the right, each one-sided claim under the first matter of its words."""
    from readouts.compare import claim_concepts, claim_topics

    found = [Item(m.topic, m.relation, m.score, m.left, m.right, m.reasons, m.concepts) for m in comparison.matches]
    for relation, claims, lang in ((ONLY_LEFT, comparison.only_left, comparison.left.document.lang),
                                   (ONLY_RIGHT, comparison.only_right, comparison.right.document.lang)):
        for c in claims:
            left, right = (c, None) if relation == ONLY_LEFT else (None, c)
            found.append(Item((claim_topics(c, lang) or [None])[0], relation, None, left, right,
                              concepts=claim_concepts(c, lang)))
    return found


def grouped(comparison: Comparison) -> list[tuple[str | None, list[Item]]]:
    """The items by matter, in the matters' order (lang/compare.yaml), those without one last."""
    from readouts.compare import load_config

    order = {t: i for i, t in enumerate(load_config().topic_order)}
    groups: dict[str | None, list[Item]] = {}
    for item in items(comparison):
        groups.setdefault(item.topic, []).append(item)
    return sorted(groups.items(), key=lambda kv: order.get(kv[0], len(order)) if kv[0] else len(order) + 1)


def score_text(score: float | None) -> str:
    return "" if score is None else f"{SCORE_LABEL} {score:.2f}"


def matter_text(item: Item) -> str:
    """`matter: ceasefire · strikes on energy infrastructure`: the concepts' labels, or ""."""
    from readouts.compare.concepts import labels

    shown = labels(item.concepts)
    return f"{MATTER_LABEL}: " + FLAG_SEPARATOR.join(shown) if shown else ""


def side_label(doc: DocumentInfo) -> str:
    """`path (lang, source)`: how a report names one account."""
    return f"{doc.path} ({doc.lang}{', ' + doc.source if doc.source else ''})"


# --------------------------------------------------------------------------- JSON and CSV

def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """The contract's compare JSON with `summary` counts after the two documents."""
    data = comparison.to_dict()
    return {"left": data.pop("left"), "right": data.pop("right"), "summary": summary(comparison), **data}


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


def compare_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """CSV rows with the columns of CSV_COLUMNS: matches first (left text order), then one-sided claims."""
    rows = []
    for item in items(comparison):
        row: dict[str, Any] = {"relation": item.relation,
                               "score": "" if item.score is None else f"{item.score:.3f}",
                               "topic": item.topic or "", "concepts": ";".join(item.concepts)}
        row.update(_side("left", item.left))
        row.update(_side("right", item.right))
        row["reasons"] = "; ".join(item.reasons)
        rows.append(row)
    return rows


# --------------------------------------------------------------------------- the terminal

def _claim_head(claim: Claim) -> Any:
    """Who in bold, then the act with its flags."""
    from rich.text import Text

    from readouts.report.table import act_text

    text = Text(who_line(claim), style="bold")
    text.append(FLAG_SEPARATOR)
    text.append_text(act_text(claim))
    return text


def _claim_text(claim: Claim | None) -> Any:
    """The head line, then the sentence with its trigger."""
    from rich.text import Text

    from readouts.report.table import highlighted

    if claim is None:
        return Text("—", style="dim")
    return _claim_head(claim) + Text("\n") + highlighted(claim)


def _reasons_text(item: Item) -> Any:
    from rich.text import Text

    return Text("\n".join(f"· {r}" for r in item.reasons), style="dim", justify="left")


def _relation_text(item: Item, explain: bool) -> Any:
    from rich.console import Group
    from rich.text import Text

    text = Text(RELATION_LABEL[item.relation], style=RELATION_STYLE[item.relation])
    if item.score is not None:
        text.append(f"\n{score_text(item.score)}", style="dim")
    if matter_text(item):
        text.append(f"\n{matter_text(item)}", style="magenta")
    return Group(text, _reasons_text(item)) if explain and item.reasons else text


def compare_table(comparison: Comparison, explain: bool) -> Any:
    """Left claim | relation and score | right claim, a heading row per matter."""
    from rich.table import Table
    from rich.text import Text

    from readouts.compare import topic_label

    table = Table(title="Two accounts compared", show_lines=True, expand=True)
    # paths are Text: a str header would be read as Rich markup ("a[/x]/m.txt" crashes the table)
    table.add_column(Text(side_label(comparison.left.document)), ratio=5)
    table.add_column("relation", justify="center", ratio=EXPLAIN_RATIO if explain else None,
                     width=RELATION_WIDTH)
    table.add_column(Text(side_label(comparison.right.document)), ratio=5)
    for topic, group in grouped(comparison):
        table.add_row(Text(topic_label(topic), style="bold magenta"), "", "")
        for item in group:
            table.add_row(_claim_text(item.left), _relation_text(item, explain), _claim_text(item.right))
    return table


def compare_cards(comparison: Comparison, explain: bool) -> Any:
    """For a narrow terminal: per matter, one card per row, the left claim above the right one."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    from readouts.compare import topic_label
    from readouts.report.table import CARD_INDENT, highlighted

    ldoc, rdoc = comparison.left.document, comparison.right.document
    parts: list[Any] = [Text("Two accounts compared", style="bold"),
                        Text(f"◀ left:  {side_label(ldoc)}\n▶ right: {side_label(rdoc)}", style="dim")]
    for topic, group in grouped(comparison):
        parts.append(Text("\n" + topic_label(topic), style="bold magenta"))
        for n, item in enumerate(group):
            head = Text(RELATION_LABEL[item.relation], style=RELATION_STYLE[item.relation])
            if item.score is not None:
                head.append(FLAG_SEPARATOR + score_text(item.score), style="dim")
            if matter_text(item):
                head.append(FLAG_SEPARATOR + matter_text(item), style="magenta")
            body: list[Any] = [head]
            for arrow, claim in (("◀ ", item.left), ("▶ ", item.right)):
                if claim is not None:
                    body.append(Text(arrow, style="dim") + _claim_head(claim))
                    body.append(Padding(highlighted(claim), (0, 0, 0, len(arrow)), expand=False))
            if explain and item.reasons:
                body.append(_reasons_text(item))
            parts.append(Padding(Group(*body), (1 if n else 0, 0, 0, CARD_INDENT // 2), expand=False))
    return Group(*parts)


def render_compare_table(comparison: Comparison, console: "Console", explain: bool = False) -> None:
    """The side-by-side table (cards on a narrow console), then the counts in one line."""
    from readouts.report.table import CARD_BELOW

    narrow = console.width < CARD_BELOW
    console.print(compare_cards(comparison, explain) if narrow else compare_table(comparison, explain))
    console.print(summary_line(comparison))
