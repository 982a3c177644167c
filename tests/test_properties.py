"""Property-based tests (hypothesis): any text or bytes gives an extraction or a one-line error,
offsets and ISO values are valid, the output is deterministic, and every renderer writes any
extraction or comparison. The inputs and properties are those of `tests/properties.py`; the fuzz
campaign (`make fuzz`) runs the same ones on as many inputs as asked. The example counts here keep
`make test` quick; set READOUTS_PROPERTY_EXAMPLES to run more.
"""
from __future__ import annotations

import csv
import io
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from properties import HOSTILE, check_iso, inputs, render_all, run_input, same_again

from readouts.model import ACTS, Actor, Claim, Comparison, DateRef, DocumentInfo, Extraction, Match

EXAMPLES = int(os.environ.get("READOUTS_PROPERTY_EXAMPLES", "0") or 0)
BOUNDED = dict(deadline=None, database=None, suppress_health_check=list(HealthCheck), derandomize=not EXAMPLES)


def examples(n: int) -> int:
    return EXAMPLES or n


@settings(max_examples=examples(300), **BOUNDED)
@given(inputs())
def test_any_input_gives_an_extraction_or_a_one_line_error(case):
    run_input(*case)


@settings(max_examples=examples(30), **BOUNDED)
@given(inputs())
def test_the_same_input_gives_the_same_output(case):
    same_again(*case, run_input(*case))


# --------------------------------------------------------------------------- renderers

hostile_text = st.one_of(st.text(max_size=40), st.lists(st.sampled_from(HOSTILE), max_size=8).map("".join))
iso = st.dates().map(lambda d: d.isoformat())


@st.composite
def extractions(draw) -> Extraction:
    claims = draw(st.lists(st.builds(
        Claim, actor=hostile_text, act=st.sampled_from(ACTS), sentence=hostile_text, start=st.integers(0, 10**6),
        stop=st.integers(0, 10**6), trigger=hostile_text, polarity=st.sampled_from(("affirmed", "negated")),
        hedged=st.booleans(), conditional=st.booleans(), addressee=st.none() | hostile_text,
        reported_by=st.none() | hostile_text, dates=st.lists(iso, max_size=3), rule=st.none() | hostile_text,
        content=st.none() | hostile_text), max_size=4))
    dates = draw(st.lists(st.builds(DateRef, text=hostile_text, value=iso, start=st.integers(0, 10**6),
                                    stop=st.integers(0, 10**6), end=st.none() | iso), max_size=3))
    actors = draw(st.lists(st.builds(Actor, name=hostile_text, kind=hostile_text,
                                     mentions=st.lists(hostile_text, max_size=3)), max_size=3))
    document = DocumentInfo(draw(hostile_text), "en", draw(st.none() | iso), "press", draw(st.none() | hostile_text),
                            "offline")
    return Extraction(document, actors, dates, claims)


@settings(max_examples=examples(60), **BOUNDED)
@given(extractions())
def test_every_renderer_writes_any_extraction(extraction):
    render_all(extraction)


@settings(max_examples=examples(40), **BOUNDED)
@given(extractions(), extractions())
def test_every_compare_renderer_writes_any_comparison(left, right):
    from readouts.report import COMPARE_RENDERERS, ReportOptions

    comparison = Comparison(left, right, only_left=left.claims, only_right=right.claims)
    if left.claims and right.claims:
        comparison.matches.append(Match(left.claims[0], right.claims[0], "conflict", -0.5, ["x [bold]"], None))
    for renderer in COMPARE_RENDERERS.values():
        out = io.StringIO()
        renderer(comparison, out, ReportOptions(explain=True))
        out.getvalue().encode("utf-8")


@settings(max_examples=examples(150), **BOUNDED)
@given(st.lists(st.lists(hostile_text, min_size=3, max_size=3), max_size=4))
def test_csv_reads_back_cell_for_cell_and_defuses_formulas(table):
    from readouts.report.rows import FORMULA_STARTS, cell
    from readouts.report.structured import write_csv

    out = io.StringIO()
    write_csv([dict(zip("abc", row)) for row in table], ["a", "b", "c"], out)
    back = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert back == [["a", "b", "c"]] + [[str(cell(v)) for v in row] for row in table]
    for row in back[1:]:
        assert not any(v.startswith(FORMULA_STARTS) for v in row)


@given(st.dates().map(lambda d: d.isoformat()) | st.dates().map(lambda d: d.isoformat()[:7]))
@settings(max_examples=examples(50), **BOUNDED)
def test_iso_check_takes_every_calendar_date(value):
    check_iso(value, "value")
