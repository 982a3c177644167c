"""The HTML pages in a real browser (headless Chromium): what a reader would check on each page —
both accounts side by side at 1280 px, nothing wider than the window, every claim there, the
conflict rows marked — and a screenshot of each. Skipped, saying why, where Chromium is absent."""
from __future__ import annotations

import pytest
from browser import DESKTOP, MISSING, find_chromium, measure, png_facts, screenshot
from report_helpers import WRAPPED_PL, extracted, hand_comparison, squeeze

from readouts.report.display import one_line
from readouts.report.html import comparison_page, extractions_page

PHONE = (500, 900)         # the narrowest window headless Chromium lays out
SIDE_BY_SIDE_MIN = 400          # px: the narrowest a column of claims may be at 1280 px
FEW_BYTE_VALUES = 16            # a blank or one-colour screenshot has about this many

pytestmark = pytest.mark.skipif(find_chromium() is None, reason=MISSING)


@pytest.fixture(scope="module")
def chromium() -> str:
    return find_chromium()


def no_horizontal_overflow(figures: dict, width: int) -> None:
    assert figures["viewport"] == width
    assert figures["scroll_width"] <= width, figures["wider_than_viewport"]
    assert figures["wider_than_viewport"] == []


def real_screenshot(chromium: str, page: str, folder, name: str) -> None:
    page_file = folder / f"{name}.html"
    page_file.write_text(page, encoding="utf-8")
    width, height, byte_values = png_facts(screenshot(chromium, page_file, folder / f"{name}.png"))
    assert (width, height) == DESKTOP
    assert byte_values > FEW_BYTE_VALUES, "the screenshot is blank"


def test_compare_page_side_by_side_at_1280(chromium, tmp_path):
    comparison = hand_comparison()
    page = comparison_page(comparison)
    figures = measure(chromium, page, tmp_path)
    no_horizontal_overflow(figures, DESKTOP[0])
    rows = figures["rows"]
    assert len(rows) == len(comparison.matches) + len(comparison.only_left) + len(comparison.only_right)
    for row in rows:
        left, right = row["left"], row["right"]
        assert row["left_visible"] and row["right_visible"]
        assert 0 <= left["left"] and left["right"] <= right["left"] and right["right"] <= DESKTOP[0]
        assert left["width"] >= SIDE_BY_SIDE_MIN and right["width"] >= SIDE_BY_SIDE_MIN
        assert abs(left["top"] - right["top"]) < 1          # on one line, not stacked
    # every claim of both accounts is in a row
    shown = squeeze(" ".join(row["text"] for row in rows))
    for claim in comparison.left.claims + comparison.right.claims:
        assert squeeze(one_line(claim.sentence)) in shown
    # conflict rows look different from the others, and say so
    conflicts = [r for r in rows if r["relation"] == "conflict"]
    others = [r for r in rows if r["relation"] != "conflict"]
    assert len(conflicts) == 1 and others
    for row in conflicts:
        assert "conflict" in row["label"]
        assert row["background"] not in {r["background"] for r in others}
        assert row["label_background"] not in ("rgba(0, 0, 0, 0)", "transparent")
        assert "inset" in row["shadow"]
    # the two full texts below, side by side too
    texts = {t["id"]: t for t in figures["texts"]}
    assert texts["left-text"]["box"]["right"] <= texts["right-text"]["box"]["left"]
    assert squeeze(one_line(comparison.left.claims[0].sentence)) in squeeze(texts["left-text"]["text"])
    assert [c.split()[0] for c in figures["counts"]] == ["1", "1", str(len(comparison.only_left)),
                                                       str(len(comparison.only_right))]
    real_screenshot(chromium, page, tmp_path, "compare")


def test_extract_page_shows_the_text_with_its_claims(chromium, tmp_path):
    ex = extracted(WRAPPED_PL)
    page = extractions_page([ex])
    figures = measure(chromium, page, tmp_path, fragment="#d1-k1")    # the second claim clicked
    no_horizontal_overflow(figures, DESKTOP[0])
    [text] = figures["texts"]
    for claim in ex.claims:
        assert squeeze(claim.sentence) in squeeze(text["text"])
    assert len(figures["units"]) == len(ex.claims)
    cards = [unit["card_display"] for unit in figures["units"]]
    assert cards[1] == "block" and cards.count("none") == len(cards) - 1   # the others wait for hover
    for unit in figures["units"]:
        assert unit["visible"] and unit["background"] != "rgba(0, 0, 0, 0)"    # highlighted by act
    assert len(figures["claim_rows"]) == len(ex.claims)
    card = figures["target"]
    clicked = sorted(ex.claims, key=lambda c: c.start)[1]
    assert card["id"] == "d1-k1" and card["display"] == "block" and card["visible"]
    assert 0 <= card["box"]["left"] and card["box"]["right"] <= DESKTOP[0]     # opened inside the window
    assert clicked.actor in card["text"] and clicked.act in card["text"]
    real_screenshot(chromium, page, tmp_path, "extract")


@pytest.mark.parametrize("which", ["compare", "extract"])
def test_pages_fit_a_narrow_window(chromium, tmp_path, which):
    page = comparison_page(hand_comparison()) if which == "compare" else extractions_page([extracted(WRAPPED_PL)])
    no_horizontal_overflow(measure(chromium, page, tmp_path, PHONE), PHONE[0])
