"""Extractions as flat rows with stable column names: the one conversion CSV and tables share.

The claim columns are the contract's CSV columns, in the contract's order (`path` first).
"""
from __future__ import annotations

from typing import Any

from readouts.model import Extraction

DOC_COLUMNS = ("path", "lang", "published", "source")
CLAIM_COLUMNS = DOC_COLUMNS + ("actor", "act", "polarity", "hedged", "conditional", "addressee",
                               "reported_by", "dates", "trigger", "sentence", "start", "stop")
DATE_COLUMNS = DOC_COLUMNS + ("text", "value", "end", "grain", "vague", "start", "stop")
ACTOR_COLUMNS = DOC_COLUMNS + ("name", "kind", "mentions")
EXPLAIN_COLUMNS = ("rule", "trace")
TRACE_SEPARATOR = "; "
LIST_SEPARATOR = ";"
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection); a leading
# quote makes it text. Tab and CR are in OWASP's list too, and the full-width signs, which some
# spreadsheets read as the ASCII ones. Every column goes through `cell`.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")

WHATS = ("claims", "dates", "actors")


def columns(what: str, explain: bool = False) -> tuple[str, ...]:
    base = {"claims": CLAIM_COLUMNS, "dates": DATE_COLUMNS, "actors": ACTOR_COLUMNS}[what]
    return base + EXPLAIN_COLUMNS if explain and what == "claims" else base


def rows(extraction: Extraction, what: str = "claims", explain: bool = False) -> list[dict[str, Any]]:
    """One dict per claim (or date, or actor) with the values as they are (lists, bools, None)."""
    doc = extraction.document
    head = {"path": doc.path, "lang": doc.lang, "published": doc.published, "source": doc.source}
    if what == "dates":
        return [{**head, "text": d.text, "value": d.value, "end": d.end, "grain": d.grain,
                 "vague": d.vague, "start": d.start, "stop": d.stop} for d in extraction.dates]
    if what == "actors":
        return [{**head, "name": a.name, "kind": a.kind, "mentions": a.mentions} for a in extraction.actors]
    out = []
    for c in extraction.claims:
        row = {**head, "actor": c.actor, "act": c.act, "polarity": c.polarity, "hedged": c.hedged,
               "conditional": c.conditional, "addressee": c.addressee, "reported_by": c.reported_by,
               "dates": c.dates, "trigger": c.trigger, "sentence": c.sentence, "start": c.start,
               "stop": c.stop}
        if explain:
            row["rule"] = c.rule
            row["trace"] = TRACE_SEPARATOR.join(f"{k}={v}" for k, v in (c.explain or {}).items())
        out.append(row)
    return out


def cell(value: Any) -> Any:
    """A value as a CSV cell: booleans true/false, lists joined with `;`, None empty, formulas
    defused. Numbers stay numbers."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = LIST_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
