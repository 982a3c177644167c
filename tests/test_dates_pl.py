"""Polish dates: every form of issue 6, with fixed anchors (no NLP layer needed)."""
from __future__ import annotations

from datetime import date

import pytest
from dates_helpers import make_helpers

from readouts.extract.dates import extract_dates, find_anchor
from readouts.model import LoadedText, Token, Word

analysis, found = make_helpers("pl", r"[A-ZĄĆĘŁŃÓŚŹŻ„]")


@pytest.mark.parametrize("text, anchor, expected", [
    ("Spotkanie odbyło się 7 grudnia 2021 r. w Moskwie.", "2021-12-31", [("7 grudnia 2021 r.", "2021-12-07")]),
    ("Rozmowa z 7 grudnia 2021 roku była długa.", None, [("z 7 grudnia 2021 roku", "2021-12-07")]),
    # day-month without a year: the year closest to the anchor, across the year boundary
    ("Rada zbierze się 12 stycznia w Brukseli.", "2021-12-31", [("12 stycznia", "2022-01-12")]),
    ("Rada zebrała się 28 grudnia w Brukseli.", "2022-01-03", [("28 grudnia", "2021-12-28")]),
    ("Do rozmowy doszło 7 grudnia br. wieczorem.", "2021-12-31", [("7 grudnia br. wieczorem", "2021-12-07")]),
    ("Umowę podpisano dnia 3 maja 2020 r.", None, [("dnia 3 maja 2020 r.", "2020-05-03")]),
    ("Termin minął 07.12.2021 o północy.", None, [("07.12.2021", "2021-12-07")]),
    ("Notatka z 12 sie. 2021 trafiła do prasy.", None, [("z 12 sie. 2021", "2021-08-12")]),
])
def test_full_and_partial_dates(text, anchor, expected):
    assert found(text, anchor) == expected


@pytest.mark.parametrize("text, expected", [
    ("Rozmowy odbędą się w dniach 9-10 stycznia 2022 roku w Genewie.",
     [("w dniach 9-10 stycznia 2022 roku", "2022-01-09", "2022-01-10")]),
    ("Rozmowy odbędą się 9–10 stycznia w Genewie.", [("9–10 stycznia", "2022-01-09", "2022-01-10")]),
    ("Szczyt potrwa od 9 do 10 stycznia.", [("od 9 do 10 stycznia", "2022-01-09", "2022-01-10")]),
    ("Urlop trwa 30 grudnia – 2 stycznia 2022 r.", [("30 grudnia – 2 stycznia 2022 r.", "2021-12-30", "2022-01-02")]),
    ("Sikorski był ministrem od 2007 do 2014 roku.", [("od 2007 do 2014 roku", "2007", "2014")]),
])
def test_ranges(text, expected):
    assert found(text, "2021-12-31") == expected


@pytest.mark.parametrize("text, anchor, expected", [
    ("Rozmowy dyplomatyczne w styczniu będą trudne.", "2021-12-31", [("w styczniu", "2022-01")]),
    ("Szczyt w czerwcu 2021 r. nic nie dał.", "2021-12-31", [("w czerwcu 2021 r.", "2021-06")]),
    ("To druga rozmowa w tym miesiącu.", "2021-12-31", [("w tym miesiącu", "2021-12")]),
    ("To druga rozmowa w bieżącym miesiącu.", "2021-12-31", [("w bieżącym miesiącu", "2021-12")]),
    ("Rozmowy rozpoczną się z początkiem 2022 roku.", "2021-12-31", [("z początkiem 2022 roku", "2022")]),
    ("Rozmowy rozpoczną się w przyszłym roku.", "2021-12-31", [("w przyszłym roku", "2022")]),
    ("Wybory odbyły się w 2019 r. jesienią.", None, [("w 2019 r.", "2019")]),
    ("Wojna zaczęła się dwa lata temu.", "2021-12-07", [("dwa lata temu", "2019")]),
    ("Było to rok temu.", "2021-12-07", [("rok temu", "2020")]),
])
def test_months_and_years(text, anchor, expected):
    assert found(text, anchor) == expected


@pytest.mark.parametrize("text, anchor, expected", [
    # past by default: the most recent such day up to the anchor
    ("Zgodnie z zapowiedziami, w czwartek wieczorem odbyła się rozmowa.", "2021-12-31",
     [("w czwartek wieczorem", "2021-12-30")]),
    ("W czwartek prezydenci rozmawiali przez telefon.", "2022-01-03", [("W czwartek", "2021-12-30")]),
    ("Rozmowa odbyła się we wtorek.", "2021-12-07", [("we wtorek", "2021-12-07")]),
    ("Po czwartkowej rozmowie Kreml milczał.", "2021-12-31", [("Po czwartkowej", "2021-12-30")]),
    ("Spotkali się w sobotę.", "2021-12-07", [("w sobotę", "2021-12-04")]),
    # future when the clause says so
    ("Biden zadzwoni do Zełenskiego w czwartek.", "2021-12-07", [("w czwartek", "2021-12-09")]),
    ("Rozmowa będzie kontynuowana w przyszły piątek.", "2021-12-07", [("w przyszły piątek", "2021-12-10")]),
    ("Rozmawiali w zeszły wtorek.", "2021-12-07", [("w zeszły wtorek", "2021-11-30")]),
    # a weekday followed by its date takes the date
    ("Prezydenci rozmawiali we wtorek, 15 listopada 2022 r. przez telefon.", "2022-12-01",
     [("we wtorek, 15 listopada 2022 r.", "2022-11-15")]),
])
def test_weekdays(text, anchor, expected):
    assert found(text, anchor) == expected


def test_future_from_word_features():
    """A perfective verb the data does not list: only the NLP layer's Tense=Fut says future."""
    text = "Biden przyleci do Kijowa w czwartek."
    a = analysis(text)
    verb = Word(1, "przyleci", "przylecieć", "VERB", {"Tense": "Fut", "Aspect": "Perf"}, start=6, stop=14)
    a.sentences[0].tokens = [Token(6, 14, "przyleci", [verb])]
    assert [(r.text, r.value) for r in extract_dates(a, date(2021, 12, 7))] == [("w czwartek", "2021-12-09")]
    verb.feats = {"Tense": "Past"}
    assert [r.value for r in extract_dates(a, date(2021, 12, 7))] == ["2021-12-02"]
    assert [r.value for r in extract_dates(analysis(text), date(2021, 12, 7))] == ["2021-12-02"]


@pytest.mark.parametrize("text, expected", [
    ("Dziś prezydent rozmawiał z Putinem.", [("Dziś", "2021-12-07")]),
    ("Wczoraj wieczorem doszło do rozmowy.", [("Wczoraj wieczorem", "2021-12-06")]),
    ("Jutro prezydent poleci do Kijowa.", [("Jutro", "2021-12-08")]),
    ("Rozmowy ruszą w przyszłym tygodniu.", [("w przyszłym tygodniu", "2021-12-13", "2021-12-19")]),
    ("Na początku przyszłego tygodnia ruszą rozmowy.", [("Na początku przyszłego tygodnia", "2021-12-13", "2021-12-19")]),
])
def test_relative_to_anchor(text, expected):
    assert found(text, "2021-12-07") == expected


def test_relative_to_previous_date():
    text = ("Najpierw, w dniach 9-10 stycznia 2022 roku, odbędą się rozmowy w Genewie, 12 stycznia w formacie "
            "Rady NATO-Rosja, a dzień później na forum OBWE. 7 grudnia Biden i Putin odbyli rozmowę. "
            "Dzień po tej rozmowie Biden powiedział, że USA nie wystąpią zbrojnie. "
            "Tego samego dnia Kreml wydał oświadczenie. Dwa dni później przyszła odpowiedź.")
    assert found(text, "2021-12-31") == [
        ("w dniach 9-10 stycznia 2022 roku", "2022-01-09", "2022-01-10"),
        ("12 stycznia", "2022-01-12"), ("dzień później", "2022-01-13"),
        ("7 grudnia", "2021-12-07"), ("Dzień po tej rozmowie", "2021-12-08"),
        ("Tego samego dnia", "2021-12-08"), ("Dwa dni później", "2021-12-10")]


def test_sie_is_never_a_month():
    for text in ("Rozmowa odbyła się 12 razy.", "Spotkali się 7 sie nie udało.", "Nie 12 się stało.",
                 "Zdarzyło się 3 lis na polanie.", "Maja Kowalska i lis żyją 5 lat."):
        assert found(text, "2021-12-07") == [], text


@pytest.mark.parametrize("text", [
    "Rozmowa trwała około 50 minut.",
    "Szczyt G20 odbędzie się bez Rosji.",
    "Dwa plus dwa to 2+2, wynik 3-1 w meczu.",
    "Po raz 7 zebrali się w 12 osób.",
    "Dwugodzinna rozmowa w lata 90. byłaby niemożliwa.",
    "Zapowiedziano konsultacje w najbliższym czasie.",
    "Kreml opublikował komunikat późno w nocy, do tej pory nie było odpowiedzi.",
    "Dotyczy to także dwóch lat, pięciu dni i trzech tygodni.",
])
def test_not_dates(text):
    assert found(text, "2021-12-07") == []


def test_without_anchor_dates_keep_their_known_parts():
    # no anchor: "Dziś" and "w czwartek" cannot be resolved; "12 stycznia" keeps its day and month
    text = "Dziś, w czwartek, wspomniano rozmowę z 7 grudnia 2021 r. i szczyt 12 stycznia."
    assert found(text, None) == [("z 7 grudnia 2021 r.", "2021-12-07"), ("12 stycznia", "--01-12")]
    # a month-grain publication still gives the year of "12 stycznia" and "w tym miesiącu"
    assert found("Szczyt 12 stycznia, w tym miesiącu.", None, "2021-12") == [
        ("12 stycznia", "2022-01-12"), ("w tym miesiącu", "2021-12")]


def test_find_anchor():
    text = "Prezydenci rozmawiali we wtorek, 15 listopada 2022 r. przez telefon. Rozmowa trwała godzinę."
    a = analysis(text)
    assert find_anchor(LoadedText("x", text, "pl"), a) == date(2022, 11, 15)
    assert find_anchor(LoadedText("x", text, "pl", published="2022-11-20"), a) == date(2022, 11, 20)
    assert find_anchor(LoadedText("x", text, "pl", published="2022-11", published_assumed="2022-11-30"), a) \
        == date(2022, 11, 30)
    plain = "Prezydenci rozmawiali w czwartek. Rozmowa trwała godzinę."
    assert find_anchor(LoadedText("x", plain, "pl", published="2021-12"), analysis(plain)) == date(2021, 12, 31)
    assert find_anchor(LoadedText("x", plain, "pl"), analysis(plain)) is None


def test_scheduled_past_form_points_ahead():
    # "zaplanowano" is a past form, but a future cue of the data: it schedules what is ahead
    assert found("Spotkanie ministrów zaplanowano na czwartek w Genewie.", "2022-02-21") == [
        ("na czwartek", "2022-02-24")]


def test_a_clause_without_a_verb_takes_the_tense_of_the_next():
    # analysed by the offline Polish analyser: "poleci" is a future form
    from readouts.analyse import analyse
    from readouts.extract.dates import extract_dates
    from readouts.model import LoadedText, Region

    text = "W poniedziałek do Kijowa, a we wtorek do Moskwy poleci kanclerz Niemiec Olaf Scholz."
    loaded = LoadedText(path="x", text=text, lang="pl", paragraphs=[Region(0, len(text))], published="2022-02-13")
    refs = extract_dates(analyse(loaded, backend="offline"), date(2022, 2, 13), "2022-02-13")
    assert [(d.text, d.value) for d in refs] == [("W poniedziałek", "2022-02-14"), ("we wtorek", "2022-02-15")]
