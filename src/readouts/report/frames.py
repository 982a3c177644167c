"""pandas DataFrames of extractions and comparisons, for notebooks (`Extraction.to_frame()`,
`Comparison.to_frame()`, `readouts.to_frame(results)`).

The rows are `report.rows`' (the contract's CSV columns, plus `rule`), with the values as they are:
booleans, ints, lists of ISO dates, None; a compare frame has a row per match and per one-sided
claim. pandas is imported here only, when a frame is asked for.
"""
from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any, Iterable

from readouts.model import Claim, Comparison, Extraction
from readouts.report import rows as rowmod
from readouts.report.compare import CSV_COLUMNS as COMPARE_COLUMNS
from readouts.report.compare import ONLY_LEFT, ONLY_RIGHT, SIDE_FIELDS

if TYPE_CHECKING:
    import pandas as pd

# column dtypes: text is pandas' "string" (None is <NA>); lists stay Python lists
DTYPES = {"start": "int64", "stop": "int64", "hedged": "bool", "conditional": "bool", "vague": "bool",
          "dates": "object", "mentions": "object"}
TEXT = "string"
# in a compare frame one side may be empty: nullable types
SIDE_DTYPES = {"start": "Int64", "stop": "Int64", "hedged": "boolean", "conditional": "boolean", "dates": "object"}
COMPARE_DTYPES = {"score": "float64", "reasons": "object",
                  **{f"{side}_{f}": SIDE_DTYPES.get(f, TEXT) for side in ("left", "right") for f in SIDE_FIELDS}}


def extraction_frame(extraction: Extraction, what: str = "claims") -> "pd.DataFrame":
    """One row per claim, date or actor of one extraction."""
    return extractions_frame([extraction], what)


def extractions_frame(results: Iterable[Any], what: str = "claims") -> "pd.DataFrame":
    """One frame for many extractions, `path` first; anything that is not an Extraction (a
    `Failure` from `extract_many`) is left out. The results may be a generator: rows are taken
    as it yields."""
    import pandas as pd

    if what not in rowmod.WHATS:
        raise ValueError(f"what must be one of {', '.join(rowmod.WHATS)}, not {what!r}")
    columns = rowmod.columns(what, explain=True)
    found = [row for ex in results if isinstance(ex, Extraction) for row in rowmod.rows(ex, what, explain=True)]
    return pd.DataFrame(found, columns=list(columns)).astype({c: DTYPES.get(c, TEXT) for c in columns})


def _side(prefix: str, claim: Claim | None) -> dict[str, Any]:
    values = asdict(claim) if claim is not None else {}
    return {f"{prefix}_{f}": values.get(f) for f in SIDE_FIELDS}


def comparison_frame(comparison: Comparison) -> "pd.DataFrame":
    """One row per match (relation same or conflict, with its score) and per one-sided claim
    (relation only_left or only_right): the compare CSV's columns, with plain values."""
    import pandas as pd

    found = [{"relation": m.relation, "score": m.score, "topic": m.topic, **_side("left", m.left),
              **_side("right", m.right), "reasons": list(m.reasons)} for m in comparison.matches]
    for relation, claims, side in ((ONLY_LEFT, comparison.only_left, "left"),
                                   (ONLY_RIGHT, comparison.only_right, "right")):
        for claim in claims:
            found.append({"relation": relation, "score": None, "topic": None,
                          **_side("left", claim if side == "left" else None),
                          **_side("right", claim if side == "right" else None), "reasons": []})
    return pd.DataFrame(found, columns=list(COMPARE_COLUMNS)).astype(
        {c: COMPARE_DTYPES.get(c, TEXT) for c in COMPARE_COLUMNS})
