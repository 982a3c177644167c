"""Reporters: one `Format` enum and one renderer table per kind of result.

`RENDERERS[fmt](extractions, out, options)` writes extractions; `COMPARE_RENDERERS[fmt](comparison,
out, options)` writes a comparison. There is no per-command format ladder: the CLI picks the
format (`resolve_format`, before any work), opens the output (`open_output`, atomic for files) and
calls the table. Markdown and HTML pages are self-contained: no network, no external assets.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, TextIO

from readouts.errors import FormatError
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
    md = "md"
    html = "html"


SUFFIX_FORMATS = {".json": Format.json, ".jsonl": Format.jsonl, ".ndjson": Format.jsonl,
                  ".csv": Format.csv, ".yaml": Format.yaml, ".yml": Format.yaml,
                  ".txt": Format.table, ".md": Format.md, ".markdown": Format.md,
                  ".html": Format.html, ".htm": Format.html}


def resolve_format(fmt: Format | None, output: Path | None) -> Format:
    """--format, else the --output file's suffix, else the table. A file whose suffix names no
    format is an error rather than a guess (`-o report.pdf` must not get a box-drawing table)."""
    if fmt is not None:
        return fmt
    if output is None:
        return Format.table
    found = SUFFIX_FORMATS.get(output.suffix.lower())
    if found is None:
        known = ", ".join(SUFFIX_FORMATS)
        raise FormatError(f"{output}: cannot tell the format from the suffix "
                          f"{output.suffix or '(none)'}; give --format, or one of {known}")
    return found


@dataclass(frozen=True, slots=True)
class ReportOptions:
    what: str | None = None     # claims | dates | actors; None = the format's default
    explain: bool = False       # add each claim's rule
    several: bool = False       # JSON/YAML: an array even for one document


# --------------------------------------------------------------------------- output

PLAIN_WIDTH = 120       # columns of a table written where no terminal tells its width


def plain_width() -> int:
    """The width for a table written to a file or a pipe: $COLUMNS, else the width of the terminal
    the command runs in (its reader usually shares it: `readouts extract x | less`), else
    PLAIN_WIDTH."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isascii() and columns.isdigit() and int(columns) > 0:
        return int(columns)
    for stream in (sys.__stderr__, sys.__stdin__):
        try:
            return os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, ValueError, OSError):
            continue
    return PLAIN_WIDTH


def console_for(out: TextIO) -> "Console":
    """A Rich console on `out`: colours on a terminal; plain text in a file or a pipe, as wide as
    `plain_width()`."""
    from rich.console import Console

    if out is sys.stdout:
        console = Console()
        if console.is_terminal:
            return console
    return Console(file=out, width=plain_width(), no_color=True, force_terminal=False, highlight=False)


def draw(out: TextIO, render: Callable[["Console"], None]) -> None:
    """Run `render` on a console for `out`. Plain text (a file, a pipe) is written without the
    spaces Rich pads its lines with."""
    console = console_for(out)
    if console.is_terminal:
        render(console)
        return
    with console.capture() as captured:
        render(console)
    out.write("\n".join(line.rstrip() for line in captured.get().split("\n")))


# --------------------------------------------------------------------------- extractions
# The renderers take any iterable of extractions. JSONL and CSV write each one as it comes and
# flush it (corpus mode streams); the others gather them first.

STREAMED = frozenset({Format.jsonl, Format.csv})


def _table(extractions: Iterable[Extraction], out: TextIO, opts: ReportOptions) -> None:
    from readouts.report.table import render_extractions

    draw(out, lambda console: render_extractions(list(extractions), console, opts.what, opts.explain))


def _markdown(extractions: list[Extraction], out: TextIO, opts: ReportOptions) -> None:
    from readouts.report.markdown import extractions_markdown

    out.write(extractions_markdown(list(extractions), opts.what, opts.explain))


def _html(extractions: list[Extraction], out: TextIO, opts: ReportOptions) -> None:
    from readouts.report.html import extractions_page

    out.write(extractions_page(list(extractions), opts.explain))


def _csv(extractions: Iterable[Extraction], out: TextIO, opts: ReportOptions) -> None:
    """Header once, then each extraction's rows as it comes."""
    what = opts.what or "claims"
    columns = rowmod.columns(what, opts.explain)
    for n, ex in enumerate(extractions):
        write_csv(rowmod.rows(ex, what, opts.explain), columns, out, header=n == 0)
        out.flush()


def _jsonl(extractions: Iterable[Extraction], out: TextIO, opts: ReportOptions) -> None:
    """One extract object per document per line; with --what, one flat object per claim (date,
    actor): the CSV row with JSON types, for jq and `sqlite-utils insert --nl`."""
    for ex in extractions:
        write_jsonl(rowmod.rows(ex, opts.what, opts.explain) if opts.what else [ex.to_dict()], out)
        out.flush()


def _gathered(write: Callable[[list[dict], TextIO, bool], None]) -> "Renderer":
    def render(extractions: Iterable[Extraction], out: TextIO, opts: ReportOptions) -> None:
        dicts = [ex.to_dict() for ex in extractions]
        write(dicts, out, opts.several or len(dicts) > 1)
    return render


Renderer = Callable[[Iterable[Extraction], TextIO, ReportOptions], None]
RENDERERS: dict[Format, Renderer] = {
    Format.table: _table,
    Format.json: _gathered(write_json),
    Format.jsonl: _jsonl,
    Format.yaml: _gathered(write_yaml),
    Format.csv: _csv,
    Format.md: _markdown,
    Format.html: _html,
}


# --------------------------------------------------------------------------- comparisons

def _compare_table(comparison: Comparison, out: TextIO, opts: ReportOptions) -> None:
    from readouts.report.compare import render_compare_table

    draw(out, lambda console: render_compare_table(comparison, console, opts.explain))


def _compare_dict(comparison: Comparison) -> dict:
    from readouts.report.compare import comparison_dict

    return comparison_dict(comparison)


def _compare_markdown(comparison: Comparison, out: TextIO, opts: ReportOptions) -> None:
    from readouts.report.markdown import comparison_markdown

    out.write(comparison_markdown(comparison, opts.explain))


def _compare_html(comparison: Comparison, out: TextIO, opts: ReportOptions) -> None:
    from readouts.report.html import comparison_page

    out.write(comparison_page(comparison, opts.explain))


def _compare_csv(comparison: Comparison, out: TextIO, opts: ReportOptions) -> None:
    from readouts.report import compare as compare_report

    found = compare_report.compare_rows(comparison)
    # the compare module's own column order when it declares one, else the rows' keys in order
    columns = list(getattr(compare_report, "CSV_COLUMNS", ()) or dict.fromkeys(k for row in found for k in row))
    write_csv(found, columns, out)


CompareRenderer = Callable[[Comparison, TextIO, ReportOptions], None]
COMPARE_RENDERERS: dict[Format, CompareRenderer] = {
    Format.table: _compare_table,
    Format.json: lambda c, out, o: write_json([_compare_dict(c)], out, several=False),
    Format.jsonl: lambda c, out, o: write_jsonl([_compare_dict(c)], out),
    Format.yaml: lambda c, out, o: write_yaml([_compare_dict(c)], out, several=False),
    Format.csv: _compare_csv,
    Format.md: _compare_markdown,
    Format.html: _compare_html,
}
