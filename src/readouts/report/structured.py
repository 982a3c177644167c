"""Machine-readable renderers: JSON, JSONL and YAML in the contract's shape, CSV through pandas.

Each takes the list of plain dicts to write (`Extraction.to_dict()` or `Comparison.to_dict()`, or
rows from `report.rows`) and a text stream.
"""
from __future__ import annotations

import json
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
    cells through `rows.cell` (formulas defused)."""
    import pandas as pd  # lazy: pandas costs ~0.3 s to import and only CSV needs it

    frame = pd.DataFrame([{k: cell(r.get(k)) for k in columns} for r in rows], columns=list(columns))
    frame.to_csv(out, index=False, header=header, lineterminator="\n")
