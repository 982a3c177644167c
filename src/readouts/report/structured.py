"""Machine-readable renderers: JSON, JSONL and YAML in the contract's shape, and CSV.

Each takes the list of plain dicts to write (`Extraction.to_dict()` or `Comparison.to_dict()`, or
rows from `report.rows`) and a text stream.
"""
from __future__ import annotations

import json
import re
from typing import Any, Sequence, TextIO

from readouts.report.rows import cell


def write_json(objs: Sequence[dict[str, Any]], out: TextIO, several: bool) -> None:
    """One object for one input; an array for several (the contract)."""
    data: Any = list(objs) if several else objs[0]
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_jsonl(objs: Sequence[dict[str, Any]], out: TextIO, several: bool = True) -> None:
    for obj in objs:
        out.write(json.dumps(obj, ensure_ascii=False))
        out.write("\n")


def write_yaml(objs: Sequence[dict[str, Any]], out: TextIO, several: bool) -> None:
    import yaml

    data: Any = list(objs) if several else objs[0]
    yaml.safe_dump(data, out, allow_unicode=True, sort_keys=False, width=100)


def write_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: TextIO, header: bool = True) -> None:
    """The header (unless `header` is false: a later part of a stream), then one line per row,
    cells through `rows.cell` (formulas defused), streamed."""
    if header:
        out.write(",".join(csv_field(c) for c in columns) + "\n")
    for row in rows:
        out.write(",".join(csv_field(cell(row.get(k))) for k in columns) + "\n")


# A field is quoted when it holds the delimiter, a quote or any control or line-separating
# character: a bare CR (or VT, FF, U+2028 …) in an unquoted field starts a new record in some
# spreadsheets, whose next cell could then begin with "=". The csv module quotes only the characters
# of its line terminator.
NEEDS_QUOTES = re.compile(r'[",\x00-\x1f\x7f-\x9f\u2028\u2029]')


def csv_field(value: Any) -> str:
    """One CSV field (RFC 4180 quoting, extended to every control character)."""
    text = str(value)
    return '"' + text.replace('"', '""') + '"' if NEEDS_QUOTES.search(text) else text
