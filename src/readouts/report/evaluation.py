"""Render an evaluation (readouts.evaluate): per-language tables of claims and attributes, the act
confusion table and, on request, one row per case; or the report as JSON."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

# (report key, column title) of each table
CLAIM_COLUMNS = (("claims_gold", "gold"), ("claims_tool", "found"), ("detect_p", "detect P"),
                 ("detect_r", "detect R"), ("detect_f1", "detect F1"), ("strict_p", "strict P"),
                 ("strict_r", "strict R"), ("strict_f1", "strict F1"), ("full_f1", "full F1"))
ATTRIBUTE_COLUMNS = (("actor_acc", "actor"), ("act_acc", "act"), ("polarity_acc", "polarity"),
                     ("hedged_acc", "hedged"), ("conditional_acc", "conditional"),
                     ("addressee_acc", "addressee"), ("reported_by_acc", "reported_by"),
                     ("dates_p", "dates P"), ("dates_r", "dates R"), ("dates_f1", "dates F1"))
CASE_COLUMNS = (("claims_gold", "gold"), ("claims_tool", "found"), ("strict_f1", "strict F1"),
                ("full_f1", "full F1"), ("dates_p", "dates P"), ("dates_r", "dates R"), ("offset_bad", "offset bad"))


def cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def _figures_table(title: str, first: str, rows: dict[str, dict], columns: tuple, extra: tuple = ()) -> "Table":
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    table.add_column(first)
    for _, heading in (*extra, *columns):
        table.add_column(heading, justify="right")
    for name, figures in rows.items():
        table.add_row(name, *(cell(figures.get(key)) for key, _ in (*extra, *columns)),
                      style="bold" if name == "all" else "")
    return table


def _acts_table(acts: dict[str, dict[str, int]]) -> "Table":
    from rich.table import Table

    from readouts.evaluate import NONE_ACT

    columns = list(dict.fromkeys(tool for row in acts.values() for tool in row))
    columns.sort(key=lambda a: a == NONE_ACT)
    table = Table(title="Acts: gold (rows) against readouts (columns); - = missed / not in the gold",
                  title_justify="left")
    table.add_column("gold")
    for act in columns:
        table.add_column(act, justify="right")
    for gold_act, row in acts.items():
        table.add_row(gold_act, *(str(row.get(act, "")) for act in columns))
    return table


def render_evaluation(report: dict[str, Any], console: "Console", cases: bool = False) -> None:
    console.print(_figures_table("Claims (strict = span + actor + act; full adds polarity, hedged, conditional)",
                                 "language", report["by_lang"], CLAIM_COLUMNS, (("cases", "cases"),)))
    console.print(_figures_table("Attributes (accuracy on matched claims) and dates", "language",
                                 report["by_lang"], ATTRIBUTE_COLUMNS))
    console.print(_acts_table(report["acts"]))
    if cases:
        console.print(_figures_table("Cases", "case", report["cases"], CASE_COLUMNS))
    console.print(f"{report['by_lang']['all']['cases']} cases, {report['failures']} failed, "
                  f"{report['seconds']:.1f} s")


def write_evaluation_json(report: dict[str, Any], out: TextIO) -> None:
    from readouts.report.structured import write_json

    write_json([report], out, several=False)
