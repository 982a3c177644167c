"""Reporters: one `Format` enum and one renderer table per kind of result.

`RENDERERS[fmt](extractions, out, options)` writes extractions; `COMPARE_RENDERERS[fmt](comparison,
out, options)` writes a comparison. There is no per-command format ladder: the CLI picks the
format (`resolve_format`), opens the output (`open_output`, atomic for files) and calls the table.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Callable, TextIO

from readouts.model import Comparison, Extraction
from readouts.report import rows as rowmod
from readouts.report.output import check_output, open_output  # noqa: F401 - the CLI's entry points
from readouts.report.structured import write_csv, write_json, write_jsonl, write_yaml

if TYPE_CHECKING:       # rich is imported only when a table is drawn
    from rich.console import Console


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    yaml = "yaml"


SUFFIX_FORMATS = {".json": Format.json, ".jsonl": Format.jsonl, ".ndjson": Format.jsonl,
                  ".csv": Format.csv, ".yaml": Format.yaml, ".yml": Format.yaml,
                  ".txt": Format.table}


def resolve_format(fmt: Format | None, output: Path | None) -> Format:
    """--format, else the --output file's suffix, else the table."""
    if fmt is not None:
        return fmt
    if output is not None:
        return SUFFIX_FORMATS.get(output.suffix.lower(), Format.table)
    return Format.table


@dataclass(frozen=True, slots=True)
class ReportOptions:
    what: str | None = None     # claims | dates | actors; None = the format's default
    explain: bool = False       # add each claim's rule
    several: bool = False       # JSON/YAML: an array even for one document


# --------------------------------------------------------------------------- output

def console_for(out: TextIO) -> "Console":
    """A Rich console on `out`: colours on a terminal; plain and 140 wide in a file or a pipe."""
    from rich.console import Console

    if out is sys.stdout:
        console = Console()
        if console.is_terminal:
            return console
    columns = os.environ.get("COLUMNS", "")
    return Console(file=out, width=int(columns) if columns.isascii() and columns.isdigit() and int(columns) else 140,
                   no_color=True,
                   force_terminal=False, highlight=False)


# --------------------------------------------------------------------------- extractions

def _table(extractions: list[Extraction], out: TextIO, opts: ReportOptions) -> None:
    from readouts.report.table import render_extractions

    render_extractions(extractions, console_for(out), opts.what, opts.explain)


def _csv(extractions: list[Extraction], out: TextIO, opts: ReportOptions) -> None:
    what = opts.what or "claims"
    write_csv([r for ex in extractions for r in rowmod.rows(ex, what, opts.explain)],
              rowmod.columns(what, opts.explain), out)


def _dicts(extractions: list[Extraction]) -> list[dict]:
    return [ex.to_dict() for ex in extractions]


Renderer = Callable[[list[Extraction], TextIO, ReportOptions], None]
RENDERERS: dict[Format, Renderer] = {
    Format.table: _table,
    Format.json: lambda exs, out, o: write_json(_dicts(exs), out, o.several or len(exs) > 1),
    Format.jsonl: lambda exs, out, o: write_jsonl(_dicts(exs), out),
    Format.yaml: lambda exs, out, o: write_yaml(_dicts(exs), out, o.several or len(exs) > 1),
    Format.csv: _csv,
}


# --------------------------------------------------------------------------- comparisons

def _compare_table(comparison: Comparison, out: TextIO, opts: ReportOptions) -> None:
    from readouts.report.compare import render_compare_table

    render_compare_table(comparison, console_for(out))


def _compare_csv(comparison: Comparison, out: TextIO, opts: ReportOptions) -> None:
    from readouts.report import compare as compare_report

    found = compare_report.compare_rows(comparison)
    # the compare module's own column order when it declares one, else the rows' keys in order
    columns = list(getattr(compare_report, "CSV_COLUMNS", ()) or dict.fromkeys(k for row in found for k in row))
    write_csv(found, columns, out)


CompareRenderer = Callable[[Comparison, TextIO, ReportOptions], None]
COMPARE_RENDERERS: dict[Format, CompareRenderer] = {
    Format.table: _compare_table,
    Format.json: lambda c, out, o: write_json([c.to_dict()], out, several=False),
    Format.jsonl: lambda c, out, o: write_jsonl([c.to_dict()], out),
    Format.yaml: lambda c, out, o: write_yaml([c.to_dict()], out, several=False),
    Format.csv: _compare_csv,
}
