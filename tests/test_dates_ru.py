"""Russian dates: every form of issue 6, with fixed anchors (no NLP layer needed)."""
from __future__ import annotations

import re
from datetime import date

import pytest

from readouts.extract.dates import extract_dates, find_anchor
from readouts.model import Analysis, LoadedText, Sentence, Token, Word

SPLIT = re.compile(r"(?<=[.!?])\s+(?=[А-ЯЁ«])")


def analysis(text: str, lang: str = "ru") -> Analysis:
    sents, s = [], 0
    for m in SPLIT.finditer(text):
        sents.append(Sentence(s, m.start(), text[s:m.start()], []))
        s = m.end()
    sents.append(Sentence(s, len(text), text[s:], []))
    return Analysis(text, lang, "test", sents)


def found(text: str, anchor: str | None, published: str | None = None) -> list[tuple]:
    refs = extract_dates(analysis(text), date.fromisoformat(anchor) if anchor else None, published)
    for r in refs:
        assert text[r.start:r.stop] == r.text
    return [(r.text, r.value, r.end) if r.end else (r.text, r.value) for r in refs]


@pytest.mark.parametrize("text, anchor, expected", [
    ("Переговоры прошли 7 декабря 2021 года в режиме видеоконференции.", None,
     [("7 декабря 2021 года", "2021-12-07")]),
    ("Саммит состоится 12 января в Брюсселе.", "2021-12-31", [("12 января", "2022-01-12")]),
    ("Встреча прошла 28 декабря в Женеве.", "2022-01-03", [("28 декабря", "2021-12-28")]),
    ("Документ подписан 7-го декабря 2021 г.", None, [("7-го декабря 2021 г.", "2021-12-07")]),
    ("Указ от 07.12.2021 вступил в силу.", None, [("от 07.12.2021", "2021-12-07")]),
])
def test_full_and_partial_dates(text, anchor, expected):
    assert found(text, anchor) == expected


@pytest.mark.parametrize("text, expected", [
    ("Саммит прошёл 18–19 ноября в Пекине.", [("18–19 ноября", "2021-11-18", "2021-11-19")]),
    ("Саммит прошёл 18-19 ноября 2021 года.", [("18-19 ноября 2021 года", "2021-11-18", "2021-11-19")]),
    ("Учения шли с 18 по 19 ноября.", [("с 18 по 19 ноября", "2021-11-18", "2021-11-19")]),
])
def test_ranges(text, expected):
    assert found(text, "2021-12-07") == expected


@pytest.mark.parametrize("text, anchor, expected", [
    ("Саммит состоялся в Женеве в июне 2021 года.", "2021-12-07", [("в июне 2021 года", "2021-06")]),
    ("Переговоры в январе будут трудными.", "2021-12-31", [("в январе", "2022-01")]),
    ("Минские соглашения 2015 года не выполняются.", "2021-12-07", [("2015 года", "2015")]),
    ("Диалог начнётся в начале 2022 года.", "2021-12-07", [("в начале 2022 года", "2022")]),
    ("Консультации пройдут в 2022 году.", "2021-12-07", [("в 2022 году", "2022")]),
    ("Это уже вторая беседа в этом месяце.", "2021-12-30", [("в этом месяце", "2021-12")]),
    ("В следующем году диалог продолжится.", "2021-12-30", [("В следующем году", "2022")]),
    ("Администрация ещё пять лет назад стала прибегать к ограничениям.", "2021-12-07",
     [("пять лет назад", "2016")]),
    ("Это было год назад.", "2021-12-07", [("год назад", "2020")]),
])
def test_months_and_years(text, anchor, expected):
    assert found(text, anchor) == expected


@pytest.mark.parametrize("text, anchor, expected", [
    ("Президенты говорили по телефону в пятницу.", "2021-12-07", [("в пятницу", "2021-12-03")]),
    ("Президенты поговорили в четверг вечером.", "2022-01-03", [("в четверг вечером", "2021-12-30")]),
    ("Разговор состоится в пятницу.", "2021-12-07", [("в пятницу", "2021-12-10")]),
    ("После четверговой беседы Кремль молчал.", "2021-12-31", [("После четверговой", "2021-12-30")]),
    ("Встреча прошла во вторник.", "2021-12-07", [("во вторник", "2021-12-07")]),
    ("Встреча прошла в среду.", "2021-12-07", [("в среду", "2021-12-01")]),
    ("Они встретятся в следующий понедельник.", "2021-12-07", [("в следующий понедельник", "2021-12-13")]),
])
def test_weekdays(text, anchor, expected):
    assert found(text, anchor) == expected


def test_future_from_word_features():
    text = "Путин прилетит в Пекин в пятницу."
    a = analysis(text)
    verb = Word(1, "прилетит", "прилететь", "VERB", {"Tense": "Fut", "Aspect": "Perf"}, start=6, stop=14)
    a.sentences[0].tokens = [Token(6, 14, "прилетит", [verb])]
    assert [r.value for r in extract_dates(a, date(2021, 12, 7))] == ["2021-12-10"]
    assert [r.value for r in extract_dates(analysis(text), date(2021, 12, 7))] == ["2021-12-03"]


@pytest.mark.parametrize("text, expected", [
    ("Сегодня президенты провели переговоры.", [("Сегодня", "2021-12-07")]),
    ("Вчера вечером Кремль сообщил о звонке.", [("Вчера вечером", "2021-12-06")]),
    ("Завтра он вылетит в Киев.", [("Завтра", "2021-12-08")]),
    ("Консультации начнутся на следующей неделе.", [("на следующей неделе", "2021-12-13", "2021-12-19")]),
    ("На прошлой неделе было тихо.", [("На прошлой неделе", "2021-11-29", "2021-12-05")]),
])
def test_relative_to_anchor(text, expected):
    assert found(text, "2021-12-07") == expected


def test_relative_to_previous_date():
    text = ("Переговоры прошли 7 декабря. На следующий день Байден сделал заявление. "
            "Через два дня ответил Кремль. Накануне визита министр молчал. В тот же день прошли консультации.")
    assert found(text, "2021-12-31") == [
        ("7 декабря", "2021-12-07"), ("На следующий день", "2021-12-08"), ("Через два дня", "2021-12-10"),
        ("Накануне визита", "2021-12-09"), ("В тот же день", "2021-12-09")]


@pytest.mark.parametrize("text", [
    "Марта Иванова заявила о загрязнении.",
    "Нужно беречь окружающую среду.",
    "Разговор длился два часа и 50 минут.",
    "Саммит G20 прошёл без России.",
    "В 90-х годах счёт был 2:1, а 2+2 было 4.",
    "Стороны проведут консультации в ближайшее время.",
    "До сих пор ответа нет.",
    "В годы Второй мировой войны две страны были союзниками.",
])
def test_not_dates(text):
    assert found(text, "2021-12-07") == []


def test_find_anchor_dateline():
    text = "ВАШИНГТОН, 18 марта. /ТАСС/. Президенты провели разговор в пятницу."
    a = analysis(text)
    assert find_anchor(LoadedText("x", text, "ru", published="2022-03"), a) == date(2022, 3, 18)
    # without a published month the dateline has no year: no anchor
    assert find_anchor(LoadedText("x", text, "ru"), a) is None
    # a date from another month than the published one is news, not the dateline
    old = "Соглашения от 12 февраля 2015 года не выполняются."
    assert find_anchor(LoadedText("x", old, "ru", published="2021-12"), analysis(old)) == date(2021, 12, 31)
