"""English dates: every form of issue 6, with fixed anchors (no NLP layer needed)."""
from __future__ import annotations

from datetime import date

import pytest
from dates_helpers import make_helpers

from readouts.extract.dates import extract_dates, find_anchor
from readouts.model import LoadedText

analysis, found = make_helpers("en", r"[A-Z\"“]")


@pytest.mark.parametrize("text, anchor, expected", [
    ("The leaders spoke on December 7, 2021 by video.", None, [("on December 7, 2021", "2021-12-07")]),
    ("They met on 7 December 2021 in Geneva.", None, [("on 7 December 2021", "2021-12-07")]),
    ("They met on the 7th of December.", "2021-12-31", [("7th of December", "2021-12-07")]),
    ("Talks begin on January 12 in Brussels.", "2021-12-31", [("on January 12", "2022-01-12")]),
    ("Talks began Dec. 28 in Brussels.", "2022-01-03", [("Dec. 28", "2021-12-28")]),
    ("The order was signed 12/7/2021 at noon.", None, [("12/7/2021", "2021-12-07")]),
    ("The file is dated 2021-12-07.", None, [("2021-12-07", "2021-12-07")]),
])
def test_full_and_partial_dates(text, anchor, expected):
    assert found(text, anchor) == expected


@pytest.mark.parametrize("text, expected", [
    ("Talks will be held Jan. 9-10 in Geneva.", [("Jan. 9-10", "2022-01-09", "2022-01-10")]),
    ("Talks will be held Jan. 9–10, 2022 in Geneva.", [("Jan. 9–10, 2022", "2022-01-09", "2022-01-10")]),
    ("Talks run from January 9 to January 10.", [("from January 9 to January 10", "2022-01-09", "2022-01-10")]),
    ("Talks run between 9 and 10 January.", [("between 9 and 10 January", "2022-01-09", "2022-01-10")]),
    ("He served as minister from 2009 to 2019.", [("from 2009 to 2019", "2009", "2019")]),
])
def test_ranges(text, expected):
    assert found(text, "2021-12-31") == expected


@pytest.mark.parametrize("text, anchor, expected", [
    ("The summit in June 2021 set the tone.", "2021-12-07", [("in June 2021", "2021-06")]),
    ("Talks in January will be hard.", "2021-12-31", [("in January", "2022-01")]),
    ("Diplomacy will start early next year.", "2021-12-30", [("early next year", "2022")]),
    ("This year has been hard.", "2021-12-07", [("This year", "2021")]),
    ("Sanctions were imposed in 2014 by the EU.", None, [("in 2014", "2014")]),
    ("He took office five years ago.", "2021-12-07", [("five years ago", "2016")]),
    ("They met a year ago.", "2021-12-07", [("a year ago", "2020")]),
    ("It was the second call this month.", "2021-12-30", [("this month", "2021-12")]),
])
def test_months_and_years(text, anchor, expected):
    assert found(text, anchor) == expected


@pytest.mark.parametrize("text, anchor, expected", [
    ("He plans to speak with President Zelenskyy of Ukraine on Thursday.", "2021-12-07",
     [("on Thursday", "2021-12-09")]),
    ("He will speak with Zelenskyy on Thursday.", "2021-12-07", [("on Thursday", "2021-12-09")]),
    ("On Thursday, he will brief the allies.", "2021-12-07", [("On Thursday", "2021-12-09")]),
    ("He spoke with Zelenskyy on Thursday.", "2021-12-07", [("on Thursday", "2021-12-02")]),
    # the nearest tense cue decides, without the NLP layer too
    ("Biden said on Thursday that he will send troops.", "2021-12-07", [("on Thursday", "2021-12-02")]),
    ("Biden said he would call Zelenskyy on Thursday.", "2021-12-07", [("on Thursday", "2021-12-09")]),
    ("The leaders spoke Thursday evening.", "2022-01-03", [("Thursday evening", "2021-12-30")]),
    ("Thursday's call was tense.", "2021-12-31", [("Thursday's", "2021-12-30")]),
    ("They met last Tuesday.", "2021-12-07", [("last Tuesday", "2021-11-30")]),
    ("They meet next Friday.", "2021-12-07", [("next Friday", "2021-12-10")]),
    # the longer cue wins where a future and a past cue start at one word
    ("The leaders agreed to meet on Friday.", "2021-12-07", [("on Friday", "2021-12-10")]),
])
def test_weekdays(text, anchor, expected):
    assert found(text, anchor) == expected


@pytest.mark.parametrize("text, expected", [
    ("President Biden held a call today with President Putin.", [("today", "2021-12-07")]),
    ("Yesterday the Kremlin said nothing.", [("Yesterday", "2021-12-06")]),
    ("He travels tomorrow.", [("tomorrow", "2021-12-08")]),
    ("Talks will follow next week.", [("next week", "2021-12-13", "2021-12-19")]),
    ("Talks were held last week.", [("last week", "2021-11-29", "2021-12-05")]),
])
def test_relative_to_anchor(text, expected):
    assert found(text, "2021-12-07") == expected


def test_relative_to_previous_date():
    text = ("The council meets on January 12. The day before, ministers will gather. "
            "The same day, the OSCE meets. Two days later, the talks end.")
    assert found(text, "2021-12-31") == [
        ("on January 12", "2022-01-12"), ("The day before", "2022-01-11"),
        ("The same day", "2022-01-11"), ("Two days later", "2022-01-13")]
    assert found("The day after the call, Biden spoke to reporters. He spoke on December 7.", "2021-12-31") == [
        ("The day after the call", "2022-01-01"), ("on December 7", "2021-12-07")]


@pytest.mark.parametrize("text", [
    "Russia may invade Ukraine.",
    "Troops march toward the border.",
    "Jan Kowalski met the G20 leaders.",
    "The call lasted two hours and 50 minutes.",
    "In the 1990s the score was 3-1 and 2+2 was 4.",
    "He was the 7th speaker among 12 delegates.",
    "They will consult allies in the coming days.",
    "Nothing was agreed so far, late at night.",
    "The plan sat in a drawer for years.",
])
def test_not_dates(text):
    assert found(text, "2021-12-07") == []


def test_capitalised_may_is_a_month():
    # the year that puts May closest to the anchor (5 months ahead, not 7 back)
    assert found("The summit in May will be short.", "2021-12-07") == [("in May", "2022-05")]
    assert found("May I ask a question?", "2021-12-07") == []


def test_find_anchor_dateline():
    text = "WASHINGTON, Jan 2 (Reuters) - President Biden spoke with Ukraine's president on Sunday."
    a = analysis(text)
    assert find_anchor(LoadedText("x", text, "en", published="2022-01"), a) == date(2022, 1, 2)
    refs = extract_dates(a, find_anchor(LoadedText("x", text, "en", published="2022-01"), a))
    assert [(r.text, r.value) for r in refs] == [("Jan 2", "2022-01-02"), ("on Sunday", "2022-01-02")]


@pytest.mark.parametrize("text, anchor, expected", [
    ("Since the attack last October, they have spoken often.", "2024-04-05", [("last October", "2023-10")]),
    ("They will meet next March in Rome.", "2024-04-05", [("next March", "2025-03")]),
])
def test_month_with_last_or_next(text, anchor, expected):
    assert found(text, anchor) == expected
