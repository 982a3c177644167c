"""Acts from a content's condition: a consequence held over a condition is a warning, whichever
language the condition is stated in; a condition that only limits how long something holds is not."""
from __future__ import annotations

import pytest
from claims_helpers import claims_in

DATE = "2025-03-01"


def act_of(lang: str, text: str, fragment: str) -> tuple[str, str]:
    found = [c for c in claims_in(lang, text, DATE) if fragment in c.sentence]
    assert len(found) == 1, found
    return found[0].act, found[0].explain["act"]


@pytest.mark.parametrize("lang, text, fragment", [
    # a condition the other side fails to meet
    ("en", "Trump spoke with Zelensky. Trump said that if Kyiv does not sign the deal, Washington will "
           "reconsider its aid.", "Kyiv"),
    ("pl", "Nawrocki rozmawiał z Zełenskim. Zapowiedział, że jeśli do 30 września nie będzie postępów, "
           "poruszy ten temat na forum NATO.", "postępów"),
    ("ru", "Путин провёл разговор с Абдаллой II. Король подчеркнул, что если там не будет обеспечена "
           "стабильность, угроза контрабанды оружия возрастёт.", "стабильность"),
    # a condition the other side persists in
    ("en", "Blinken met Wang Yi. He made clear that, if this support continues, the United States will "
           "take further steps to address it.", "continues"),
    ("pl", "Sikorski rozmawiał z Ławrowem. Dodał, że jeżeli ostrzały będą trwać, Polska zamknie kolejne "
           "konsulaty.", "ostrzały"),
    ("ru", "Лавров провёл переговоры с Фиданом. Он заявил, что если обстрелы продолжатся, Россия закроет "
           "воздушное пространство.", "обстрелы"),
    # a condition that fails, after the consequence, under a frame with no "that"
    ("en", "Albanese met Xi. Mr Albanese said Australia would revive its complaint at the World Trade "
           "Organization if the review failed.", "review"),
    ("ru", "Путин провёл переговоры с Эрдоганом. Он заявил, что если переговоры провалятся, Россия "
           "пересмотрит поставки газа.", "провалятся"),
])
def test_a_consequence_of_an_adverse_condition_warns(lang, text, fragment):
    assert act_of(lang, text, fragment) == ("warn", "act.adverse_condition")


@pytest.mark.parametrize("lang, text, fragment", [
    # a condition that is met gladly is an offer or a pledge, not a threat
    ("en", "Erdogan spoke with Zelensky. Erdogan said he would raise the grain corridor with Putin if the "
           "Russian leader visited Turkey.", "grain"),
    # "until … not": a limit in time
    ("pl", "Tusk rozmawiał z von der Leyen. Tusk zaznaczył, że rząd nie zmieni stanowiska, dopóki Komisja "
           "nie umorzy kar.", "dopóki"),
])
def test_other_conditions_do_not_warn(lang, text, fragment):
    assert act_of(lang, text, fragment)[0] != "warn"


def test_consequence_words_count_outside_the_condition_only():
    # "tariffs" is in the condition; what follows is an offer
    text = ("Leavitt briefed reporters. She said that if Canada lowers its dairy tariffs, the President "
            "is prepared to look at relief in other sectors.")
    assert act_of("en", text, "dairy")[0] != "warn"


@pytest.mark.parametrize("lang, text, fragment", [
    ("ru", "Путин провёл переговоры с Гоитой. Мали никогда не откажется от сотрудничества с Россией.", "Мали"),
    ("ru", "Путин встретился с Бердымухамедовым. Туркменистан никогда не допустит использования своей "
           "территории против соседей.", "Туркменистан"),
    ("pl", "Tusk rozmawiał z Zełenskim. Polska nigdy nie odmówi pomocy Ukrainie.", "Polska"),
])
def test_a_countrys_own_future_is_its_pledge(lang, text, fragment):
    # never refusing, or not taking part, is a commitment of that side, not a rejection
    found = [c for c in claims_in(lang, text, DATE) if fragment in c.sentence]
    assert [(c.act, c.polarity, c.explain["act"]) for c in found] == [("assure", "negated", "act.side_future")]


def test_what_a_country_will_not_accept_stays_a_rejection():
    found = [c for c in claims_in("en", "Sheinbaum spoke with Trump. Mexico will not accept any US military "
                                        "operations on its soil.", DATE) if "Mexico" in c.sentence]
    assert [c.act for c in found] == ["reject"]
