"""Dates in texts without metadata (issue 18), per language: datelines and page date lines give
the publication date, a dateline's year is inferred from the text, dates without a year keep their
known parts, phrases relative to the text count from the call, scheduled weekdays lie ahead, and
the grammar gaps of the issue. First without the NLP layer (paragraphs and sentences split by
regex), then the texts of corpora/dates through the whole pipeline."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
import yaml
from dates_helpers import dev_analysis, score

from readouts.errors import ReadoutsError
from readouts.extract.dates import Publication, extract_dates, find_publication, unanchored_dates
from readouts.model import LoadedText

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "dates"
MIN_PR = 0.95          # the target for date P and R in each language


def publication(text: str, lang: str) -> Publication:
    return find_publication(LoadedText("x", text, lang), dev_analysis(text, lang, set()))


def found(text: str, lang: str, anchor: str | None = None) -> list[tuple]:
    """The dates of a text without metadata, anchored as the pipeline anchors them (or on `anchor`)."""
    a = dev_analysis(text, lang, set())
    if anchor:
        refs = extract_dates(a, date.fromisoformat(anchor), anchor)
    else:
        pub = find_publication(LoadedText("x", text, lang), a)
        refs = extract_dates(a, pub.anchor, pub.published)
    for r in refs:
        assert text[r.start:r.stop] == r.text
    return [(r.text, r.value, r.end) if r.end else (r.text, r.value) for r in refs]


# ----------------------------------------------------------------------------- publication

@pytest.mark.parametrize("lang, text, published, origin", [
    # wire datelines without a year: the latest past year the text names, then the weekday of the
    # lede (the dateline's day or the day before)
    ("en", "WASHINGTON, March 4 (Reuters) - Trump said on Tuesday he spoke with Zelenskiy. Aid has "
           "flowed since the invasion in February 2022.", "2025-03-04", "inferred"),
    ("en", "MOSCOW, December 30. /TASS/. Putin held a call with Aliyev on Sunday. Trade grew by a "
           "fifth in 2023.", "2024-12-30", "inferred"),
    ("pl", "Warszawa, 8 maja (PAP) – Prezydent rozmawiał w poniedziałek z Zełenskim. Polska przyjęła "
           "od lutego 2022 r. uchodźców.", "2023-05-08", "inferred"),
    ("ru", "МОСКВА, 17 июня. /ТАСС/. Путин в понедельник провел разговор с Токаевым. Товарооборот в "
           "2023 году вырос.", "2024-06-17", "inferred"),
    ("ru", "МОСКВА, 5 ноя — РИА Новости. Лавров во вторник провел разговор с Ван И. Россия "
           "председательствует в БРИКС с 1 января 2024 года.", "2024-11-05", "inferred"),
    # an event dated after the dateline's day in the year it names pushes the year on
    ("pl", "Moskwa, 17 lipca (PAP) – Erdogan rozmawiał w niedzielę z Putinem. Porozumienie zawarte "
           "22 lipca 2022 r. wygasa w poniedziałek.", "2023-07-17", "inferred"),
    # a year the text looks ahead to is no evidence ("aiming … by 2040")
    ("en", "BRUSSELS, Nov 14 (Reuters) - Von der Leyen spoke with Li on Thursday. The investigation "
           "was launched in late 2023. The EU is aiming for a cut by 2040.", "2024-11-14", "inferred"),
    # no past year named: the dateline keeps its day and month
    ("en", "WASHINGTON, March 4 (Reuters) - Trump said on Tuesday he spoke with Zelenskiy.", "--03-04", "dateline"),
    ("ru", "Москва. 2 декабря. INTERFAX.RU - Путин в пятницу провел разговор с Шольцем.", "--12-02", "dateline"),
    # page date lines and datelines with their year
    ("en", "Readout of the call\n\nMarch 3, 2025\n\nThe President spoke today with the Chancellor.",
     "2025-03-03", "dateline"),
    ("pl", "Premier rozmawiał z Macronem\n\n15.01.2025\n\nPremier odbył w środę rozmowę.", "2025-01-15", "dateline"),
    ("pl", "Komunikat MSZ\n\nWarszawa, 11 marca 2024 r.\n\nMinister rozmawiał dziś z Blinkenem.",
     "2024-03-11", "dateline"),
    ("ru", "Телефонный разговор с Пашиняном\n\nСостоялся телефонный разговор.\n\n3 апреля 2025 года 14:10\n\n"
           "Никол Пашинян проинформировал о переговорах.", "2025-04-03", "dateline"),
])
def test_dateline_gives_the_publication_date(lang, text, published, origin):
    pub = publication(text, lang)
    assert (pub.published, pub.origin) == (published, origin)
    assert pub.anchor == (date.fromisoformat(published) if not published.startswith("--") else None)


@pytest.mark.parametrize("lang, text", [
    ("en", "On Tuesday, March 4, Trump said he had spoken with Zelenskiy."),
    ("en", "The Prime Minister spoke to President Zelenskyy this evening."),
    ("pl", "7 grudnia Biden i Putin odbyli rozmowę. Rozmowa trwała dwie godziny."),
    ("ru", "Президент России 18 марта провел разговор с Макроном."),
])
def test_a_date_in_the_lede_is_no_dateline(lang, text):
    assert publication(text, lang) == Publication(None, None, None)


def test_a_full_date_in_the_opening_sentence_anchors_but_is_no_publication_date():
    text = "Kanclerz rozmawiał w piątek, 15 listopada 2024 r., przez telefon z Putinem. Dzień wcześniej uprzedził Kijów."
    assert publication(text, "pl") == Publication(None, None, date(2024, 11, 15))
    # a background date further on anchors nothing ("the first call since 2 December 2022")
    later = "Scholz rozmawiał w piątek z Putinem. To pierwsza rozmowa od 2 grudnia 2022 r."
    assert publication(later, "pl").anchor is None


def test_metadata_and_the_option_win_over_the_dateline():
    text = "WASHINGTON, March 4 (Reuters) - Trump said on Tuesday he spoke with Zelenskiy."
    a = dev_analysis(text, "en", set())
    given = LoadedText("x", text, "en", published="2025-03-05", published_assumed="2025-03-05", published_from="option")
    assert find_publication(given, a) == Publication("2025-03-05", "option", date(2025, 3, 5))
    # a month-grain date (`--date 2025-03`, ` date 2025-03`) gives the dateline its year
    month = LoadedText("x", text, "en", published="2025-03", published_from="metadata")
    assert find_publication(month, a) == Publication("2025-03", "metadata", date(2025, 3, 4))


# ----------------------------------------------------------------------------- without a year

@pytest.mark.parametrize("lang, text, expected, unanchored", [
    ("en", "The Prime Minister spoke to President Zelenskyy this evening. They will meet in Paris on 12 "
           "March, and in London three days later. Talks resume in July.",
     [("on 12 March", "--03-12"), ("three days later", "--03-15"), ("in July", "--07")], ["this evening"]),
    ("pl", "Premier rozmawiał dziś z premierem Starmerem. Przywódcy umówili się na spotkanie 17 stycznia. "
           "Dzień wcześniej Starmer odwiedzi Kijów.",
     [("17 stycznia", "--01-17"), ("Dzień wcześniej", "--01-16")], ["dziś"]),
    ("ru", "Сегодня Путин провел разговор с Лукашенко. Заседание намечено на 15 мая. Встреча пройдет "
           "на следующей неделе.", [("на 15 мая", "--05-15")], ["Сегодня", "на следующей неделе"]),
    # a dateline without a year anchors what counts in days; the weekday cannot be placed
    ("ru", "Москва. 2 декабря. INTERFAX.RU - Путин в пятницу провел разговор с Шольцем.\n\n"
           "Предыдущий разговор состоялся 13 сентября. В тот же день Шольц говорил с Зеленским.",
     [("2 декабря", "--12-02"), ("13 сентября", "--09-13"), ("В тот же день", "--09-13")], ["в пятницу"]),
])
def test_dates_without_a_year_keep_their_known_parts(lang, text, expected, unanchored):
    assert found(text, lang) == expected
    a = dev_analysis(text, lang, set())
    pub = find_publication(LoadedText("x", text, lang), a)
    assert unanchored_dates(a, pub.anchor, pub.published) == unanchored


def test_nothing_is_unanchored_with_an_anchor():
    text = "The Prime Minister spoke to President Zelenskyy this evening."
    assert unanchored_dates(dev_analysis(text, "en", set()), date(2025, 3, 2)) == []


def test_a_day_that_could_not_be_resolved_anchors_nothing_after_it():
    # without a year "W piątek" is unknown: "Dzień później" is not the day after an earlier date
    text = "Rozmowy trwały 10-20 lutego. W piątek prezydent rozmawiał z NATO. Dzień później Biden zadzwonił."
    assert found(text, "pl") == [("10-20 lutego", "--02-10", "--02-20")]


# ----------------------------------------------------------------------------- anchors on the call

@pytest.mark.parametrize("lang, text, anchor, expected", [
    # the day named in passing two paragraphs up is not what "the day before" counts from
    ("en", "On Tuesday, February 27, 2024, the Prime Minister held a telephone talk with Zelenskyy.\n\n"
           "He said the conference held in Tokyo on February 19 was a success.\n\n"
           "Zelenskyy thanked Japan for the sanctions it had announced the day before.", None,
     [("On Tuesday, February 27, 2024", "2024-02-27"), ("on February 19", "2024-02-19"),
      ("the day before", "2024-02-26")]),
    ("pl", "15.01.2025\n\nPremier odbył w środę rozmowę z Macronem. Tematem była prezydencja, która "
           "rozpoczęła się 1 stycznia.\n\nTego samego dnia premier rozmawiał ze Scholzem.", None,
     [("15.01.2025", "2025-01-15"), ("w środę", "2025-01-15"), ("1 stycznia", "2025-01-01"),
      ("Tego samego dnia", "2025-01-15")]),
    ("ru", "3 апреля 2025 года 14:10\n\nПашинян рассказал о договоре, о котором стороны объявили накануне.",
     None, [("3 апреля 2025 года", "2025-04-03"), ("накануне", "2025-04-02")]),
    # the call of the lede, not the dateline's day
    ("en", "MOSCOW, December 30. /TASS/. Putin spoke with Aliyev on Sunday, the Kremlin said.\n\n"
           "They discussed the crash near Aktau on December 25. Putin had apologised the day before, on Saturday.",
     "2024-12-30", [("December 30", "2024-12-30"), ("on Sunday", "2024-12-29"), ("on December 25", "2024-12-25"),
                    ("the day before", "2024-12-28"), ("on Saturday", "2024-12-28")]),
    # "a day after <an event>" dates that event: a day before the clause's own day
    ("en", "Zelenskyy spoke with Trump on Wednesday, a day after his call with Putin.", "2025-03-19",
     [("on Wednesday", "2025-03-19"), ("a day after", "2025-03-18")]),
    ("ru", "Разговор прошел в среду. Днем позже Лавров встретился с Ван И.", "2024-11-06",
     [("в среду", "2024-11-06"), ("Днем позже", "2024-11-07")]),
])
def test_relative_phrases_count_from_the_event_the_sentence_is_about(lang, text, anchor, expected):
    assert found(text, lang, anchor) == expected


# ----------------------------------------------------------------------------- weekdays ahead

@pytest.mark.parametrize("lang, text, anchor, expected", [
    ("pl", "Przywódcy umówili się na kolejną rozmowę na piątek.", "2023-05-08", [("na piątek", "2023-05-12")]),
    ("ru", "Заседание комиссии назначено на понедельник.", "2025-04-03", [("на понедельник", "2025-04-07")]),
    # the governing verb before the weekday decides, not a later one ("and said")
    ("en", "The Russian leader agreed to exchange prisoners on Wednesday and said Moscow would hand over "
           "soldiers.", "2025-03-18", [("on Wednesday", "2025-03-19")]),
])
def test_scheduled_weekdays_lie_ahead(lang, text, anchor, expected):
    assert found(text, lang, anchor) == expected


# ----------------------------------------------------------------------------- grammar gaps

@pytest.mark.parametrize("lang, text, anchor, expected", [
    ("en", "They met ahead of the November summit.", "2024-11-14", [("the November", "2024-11")]),
    ("en", "The probe began in late 2023 and early 2022 saw the war.", "2024-11-14",
     [("in late 2023", "2023"), ("early 2022", "2022")]),
    ("en", "They last spoke in April of 2023, after the crisis of 2022.", "2024-11-14",
     [("in April of 2023", "2023-04"), ("of 2022", "2022")]),
    ("en", "China will peak emissions by 2030 or 2035.", "2024-11-14", [("by 2030", "2030"), ("2035", "2035")]),
    ("en", "Today's call was short; Thursday's talks were long.", "2024-11-15",
     [("Today's", "2024-11-15"), ("Thursday's", "2024-11-14")]),
    # a range across months (the regex split of these tests would cut "Jan. 30": corpora/dates has it)
    ("en", "Talks will be held Jan 30-Feb 2 in Beijing.", "2024-11-14", [("Jan 30-Feb 2", "2025-01-30", "2025-02-02")]),
    ("en", "Strikes stop for 30 days after the call.", "2025-03-18", []),
    ("pl", "Rozmowa odbyła się przed listopadowym szczytem G20. Listopadowy szczyt był trudny.", "2024-11-15",
     [("przed listopadowym", "2024-11"), ("Listopadowy", "2024-11")]),
    ("pl", "Cel ma być osiągnięty do 2030 lub 2035 r.", "2024-11-15", [("do 2030", "2030"), ("2035 r.", "2035")]),
    ("ru", "Обсуждена подготовка к июньскому заседанию. Ноябрьский саммит прошел в Казани.", "2025-04-03",
     [("к июньскому", "2025-06"), ("Ноябрьский", "2024-11")]),
    ("ru", "Цели будут достигнуты к 2030 или 2035 году.", "2025-04-03", [("к 2030", "2030"), ("2035 году", "2035")]),
    ("ru", "МОСКВА, 5 ноя — РИА Новости. Годовщина Октябрьской революции прошла тихо.", "2024-11-05",
     [("5 ноя", "2024-11-05")]),
])
def test_grammar_gaps(lang, text, anchor, expected):
    assert found(text, lang, anchor) == expected


# ----------------------------------------------------------------------------- corpora/dates

GOLDS = sorted(CORPUS.glob("*.gold.yaml"))


@pytest.fixture(scope="module")
def corpus_results() -> dict:
    """Each text of corpora/dates through the whole pipeline (offline analysers), no --date."""
    try:
        from readouts.load import load_path
        from readouts.pipeline import extract_loaded
        results = {}
        for gold_path in GOLDS:
            text = gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt"))
            results[gold_path.name] = extract_loaded(load_path(text), backend="offline")
    except (ImportError, ReadoutsError) as e:
        pytest.skip(f"offline analysers unavailable: {e}")
    return results


def test_corpus_is_there():
    langs = [yaml.safe_load(p.read_text(encoding="utf-8"))["lang"] for p in GOLDS]
    assert all(langs.count(lang) >= 6 for lang in ("pl", "en", "ru"))


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.name.replace(".gold.yaml", ""))
def test_corpus_publication(gold_path, corpus_results):
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    doc = corpus_results[gold_path.name].document
    expected = gold.get("published")
    assert (doc.published, doc.published_from) == (str(expected) if expected else None, gold.get("published_from"))


def test_corpus_date_precision_and_recall_per_language(corpus_results):
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for gold_path in GOLDS:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        for k, v in enumerate(score(corpus_results[gold_path.name].dates, gold)):
            counts[gold["lang"]][k] += v
    assert set(counts) == {"pl", "en", "ru"}
    for lang, (ok, tool, n) in counts.items():
        assert ok / tool >= MIN_PR and ok / n >= MIN_PR, (lang, ok, tool, n)
