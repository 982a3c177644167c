"""The terminal report for the terminal one has: tables with the sentence first and wide from
CARD_BELOW columns, one card per item below; triggers in bold, compact flags, line breaks shown as
spaces; the same for dates and actors, and for compare. Checked at 80, 120 and 200 columns."""
from __future__ import annotations

import io

import pytest
from report_helpers import READABLE, SEED, WRAPPED_PL, ExplainedClaim, extracted, hand_comparison, rendered, squeeze
from rich.console import Console

from readouts.model import Actor, Comparison, DateRef, DocumentInfo, Extraction
from readouts.report import COMPARE_RENDERERS, PLAIN_WIDTH, RENDERERS, Format, plain_width
from readouts.report.display import act_line, one_line, polarity_label, summary
from readouts.report.table import CARD_BELOW, highlighted

WIDTHS = (80, 120, 200)


@pytest.fixture
def columns(monkeypatch):
    """Set the width a table written to a file or pipe takes ($COLUMNS)."""
    def set_width(width: int) -> None:
        monkeypatch.setenv("COLUMNS", str(width))
    return set_width


def table_at(width: int, columns, exs: list[Extraction], **options) -> str:
    columns(width)
    return rendered(RENDERERS[Format.table], exs, **options)


def assert_fits(text: str, width: int) -> None:
    too_long = [line for line in text.splitlines() if len(line) > width]
    assert not too_long, too_long[:3]


# --------------------------------------------------------------------------- claims

@pytest.mark.parametrize("width", WIDTHS)
def test_every_sentence_is_readable_at_each_width(width, columns):
    ex = extracted(WRAPPED_PL)
    assert len(ex.claims) >= 5 and any("\n" in c.sentence for c in ex.claims)
    out = table_at(width, columns, [ex])
    assert_fits(out, width)
    for c in ex.claims:
        assert one_line(c.sentence)[:READABLE] in out, c.sentence
    assert all(" \n" not in out and not line.endswith(" ") for line in out.splitlines())


def test_cards_below_the_card_width_and_a_table_from_it(columns):
    ex = extracted(WRAPPED_PL)
    narrow = table_at(CARD_BELOW - 1, columns, [ex])
    assert "┃" not in narrow and "│" not in narrow
    assert f"claims ({len(ex.claims)})" in narrow and "\n 1. " in narrow
    # a card's text is the sentence whole, re-wrapped: line breaks of the file are gone
    assert all(squeeze(c.sentence) in squeeze(narrow) for c in ex.claims)
    wide = table_at(CARD_BELOW, columns, [ex])
    head = next(line for line in wide.splitlines() if "sentence" in line)
    assert head.index("sentence") < head.index("actor → addressee") < head.index("act · flags")


def test_wide_table_gives_the_sentence_most_of_the_width(columns):
    ex = extracted(WRAPPED_PL)
    for width in (120, 200):
        head = next(line for line in table_at(width, columns, [ex]).splitlines() if line.startswith("┏"))
        sentence_column = head.index("┳")
        assert sentence_column > width // 2, (width, sentence_column)


def test_flags_are_compact_and_the_act_first(columns):
    ex = extracted(WRAPPED_PL)
    out = table_at(200, columns, [ex])
    assert "assure · alleged · content negated" in out and "warn · if" in out
    assert "yes" not in out and "affirmed" not in out


def test_line_breaks_are_shown_as_spaces_but_kept_in_the_data():
    ex = extracted(WRAPPED_PL)
    wrapped = [c for c in ex.claims if "\n" in c.sentence]
    for c in wrapped:
        shown = highlighted(c)
        assert "\n" not in shown.plain and shown.plain == one_line(c.sentence)
        assert ex.text[c.start:c.stop] == c.sentence     # the data keeps the file's line breaks


def test_trigger_is_bold_in_the_sentence_shown():
    ex = extracted(WRAPPED_PL)
    for c in ex.claims:
        shown = highlighted(c)
        bold = [shown.plain[s.start:s.end] for s in shown.spans if "bold" in str(s.style)]
        assert bold, c.trigger
        assert all(part.lower() in one_line(c.trigger).lower() for part in bold)


@pytest.mark.skipif(not SEED.exists(), reason="../shared (the seed article) is absent")
def test_seed_article_is_readable_at_80_columns(columns):
    ex = extracted(SEED)
    out = table_at(80, columns, [ex], what="claims")
    assert_fits(out, 80)
    missing = [c.sentence[:READABLE] for c in ex.claims if one_line(c.sentence)[:READABLE] not in out]
    assert not missing


# --------------------------------------------------------------------------- polarity

@pytest.mark.parametrize("rule,label", [
    ("negation.content.verb", "content negated"), ("negation.act.particle", "act negated"),
    ("something.else", "negated"), (None, "negated"),
])
def test_what_is_negated_follows_the_extractors_explanation(rule, label):
    claim = ExplainedClaim(actor="Joe Biden", act="assure", sentence="Biden miał zapewnić, że nie zamierza.",
                           start=0, stop=37, trigger="miał zapewnić", polarity="negated", hedged=True,
                           explain={"polarity": rule} if rule else {})
    assert polarity_label(claim) == label
    assert act_line(claim) == f"assure · alleged · {label}"


def test_a_claim_without_explanation_and_an_affirmed_one():
    ex = extracted(WRAPPED_PL)
    negated = [c for c in ex.claims if c.polarity == "negated"]
    affirmed = [c for c in ex.claims if c.polarity == "affirmed"]
    assert negated and affirmed
    assert all(polarity_label(c) == "negated" for c in negated if getattr(c, "explain", None) is None)
    assert all(polarity_label(c) is None and "negated" not in act_line(c) for c in affirmed)


# --------------------------------------------------------------------------- dates and actors

def small_extraction() -> Extraction:
    text = "W dniach 9-10\nstycznia odbędą się rozmowy. Joe Biden rozmawiał z Putinem."
    return Extraction(
        DocumentInfo("a.txt", "pl", "2021-12-31", "press", backend="offline"),
        actors=[Actor("Joe Biden", "person", ["Joe Biden"]), Actor("Vladimir Putin", "person", ["Putinem"])],
        dates=[DateRef("W dniach 9-10\nstycznia", "2022-01-09", 0, 22, end="2022-01-10")], text=text)


@pytest.mark.parametrize("width", WIDTHS)
def test_dates_and_actors_follow_the_width(width, columns):
    ex = small_extraction()
    dates = table_at(width, columns, [ex], what="dates")
    actors = table_at(width, columns, [ex], what="actors")
    assert_fits(dates, width)
    assert "W dniach 9-10 stycznia" in dates and "2022-01-09" in dates and "2022-01-10" in dates
    assert "Vladimir Putin" in actors and "Putinem" in actors and "claims (" not in actors
    if width < CARD_BELOW:
        assert "2022-01-09 – 2022-01-10 · day" in dates and "│" not in dates
        assert "Vladimir Putin · person" in actors and "│" not in actors
    else:
        assert "│" in dates and "│" in actors


# --------------------------------------------------------------------------- width of plain output

def test_plain_width_takes_columns_then_the_terminal_then_a_default(monkeypatch):
    import os

    monkeypatch.setenv("COLUMNS", "97")
    assert plain_width() == 97
    monkeypatch.delenv("COLUMNS")
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((133, 40)))
    assert plain_width() == 133

    def no_terminal(fd):
        raise OSError("not a terminal")

    monkeypatch.setattr(os, "get_terminal_size", no_terminal)
    assert plain_width() == PLAIN_WIDTH


def test_a_terminal_console_gets_its_own_width():
    from readouts.report.table import render_extractions

    console = Console(file=io.StringIO(), width=90, force_terminal=True, color_system="standard")
    render_extractions([extracted(WRAPPED_PL)], console, "claims", False)
    out = console.file.getvalue()
    assert "\x1b[1m" in out          # bold triggers on a terminal
    assert "┃" not in out            # 90 columns: cards


# --------------------------------------------------------------------------- compare

@pytest.mark.parametrize("width", WIDTHS)
def test_compare_table_labels_the_score_at_each_width(width, columns):
    comparison = hand_comparison()
    columns(width)
    out = rendered(COMPARE_RENDERERS[Format.table], comparison)
    assert_fits(out, width)
    assert "score 2.67" in out and "score 2.05" in out and "conflict" in out
    assert "opposite polarity" not in out
    for c in comparison.left.claims + comparison.right.claims:
        assert one_line(c.sentence)[:READABLE // 2] in out
    counts = summary(comparison)
    assert out.rstrip().endswith(f"({counts['left_claims']} left claims, {counts['right_claims']} right claims)")


@pytest.mark.parametrize("width", (80, 160))
def test_compare_explain_shows_the_reasons(width, columns):
    columns(width)
    out = rendered(COMPARE_RENDERERS[Format.table], hand_comparison(), explain=True)
    assert "opposite polarity" in out and "similarity 0.63 (+1.05)" in out


def test_compare_json_has_the_counts():
    import json

    comparison = hand_comparison()
    data = json.loads(rendered(COMPARE_RENDERERS[Format.json], comparison))
    assert list(data)[:3] == ["left", "right", "summary"]
    assert data["summary"] == {"same": 1, "conflict": 1, "only_left": len(comparison.only_left),
                               "only_right": len(comparison.only_right),
                               "left_claims": len(comparison.left.claims),
                               "right_claims": len(comparison.right.claims)}
    assert len(data["matches"]) == 2


def test_an_empty_comparison_renders():
    left, right = small_extraction(), small_extraction()
    for fmt in (Format.table, Format.md, Format.html, Format.json):
        out = rendered(COMPARE_RENDERERS[fmt], Comparison(left, right))
        assert "0" in out
