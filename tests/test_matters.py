"""Matter concepts of `readouts compare` (lang/matters.yaml and lang/<xx>/matters.yaml): every
concept has words in every language, one matter told in English, Polish and Russian gets the same
concepts whatever the inflection, compounds need all their parts, and quantities are read alike.

The sentences are our own, written the way readouts and news reports put these matters."""
from __future__ import annotations

import pytest
import yaml

from readouts.compare import concepts as cc
from readouts.compare.concepts import concept_table, concepts_in, numbers_in, rebuts, text_words, vocabulary
from readouts.errors import DataError
from readouts.lang import SUPPORTED, data_path

LANGS = ("en", "pl", "ru")


def concepts(text: str, lang: str) -> frozenset[str]:
    return concepts_in(text_words(text), lang)


# concept -> parallel (en, pl, ru) sentences, each told with other words and inflections
TRIPLES: dict[str, tuple[str, str, str]] = {
    "ceasefire": ("The sides discussed a thirty-day truce.",
                  "Strony omówiły trzydziestodniowe zawieszenie broni.",
                  "Стороны обсудили тридцатидневное перемирие."),
    "energy_strikes": ("Putin agreed to halt strikes on energy facilities.",
                       "Putin zgodził się wstrzymać uderzenia w obiekty energetyczne.",
                       "Путин согласился прекратить удары по объектам энергетики."),
    "prisoner_exchange": ("They agreed on an exchange of prisoners of war.",
                          "Uzgodnili wymianę jeńców.",
                          "Договорились об обмене военнопленными."),
    "security_guarantees": ("Russia insisted on legally binding security guarantees.",
                            "Rosja nalegała na prawnie wiążące gwarancje bezpieczeństwa.",
                            "Россия настаивала на юридически обязывающих гарантиях безопасности."),
    "nato_enlargement": ("Putin demanded an end to NATO enlargement.",
                         "Putin zażądał wstrzymania rozszerzenia NATO.",
                         "Путин потребовал прекратить расширение НАТО."),
    "sanctions_relief": ("Moscow asked for the lifting of sanctions.",
                         "Moskwa domagała się zniesienia sankcji.",
                         "Москва добивалась снятия санкций."),
    "black_sea": ("They spoke of safe shipping in the Black Sea.",
                  "Rozmawiali o bezpiecznej żegludze na Morzu Czarnym.",
                  "Говорили о безопасности судоходства в Черном море."),
    "summit": ("The leaders discussed a possible summit.",
               "Przywódcy omówili możliwy szczyt.",
               "Лидеры обсудили возможный саммит."),
    "visit": ("He invited his counterpart to visit Warsaw.",
              "Zaprosił rozmówcę do złożenia wizyty w Warszawie.",
              "Он пригласил собеседника посетить Варшаву с визитом."),
    "invitation": ("President Tokayev accepted the invitation.",
                   "Zaproszenie zostało przyjęte z wdzięcznością.",
                   "Приглашение было принято с благодарностью."),
    "weapons_supplies": ("Putin warned against deliveries of long-range missiles.",
                         "Putin ostrzegł przed dostawami rakiet dalekiego zasięgu.",
                         "Путин предостерёг от поставок дальнобойных ракет."),
    "contacts": ("The two presidents agreed to stay in close touch.",
                 "Prezydenci uzgodnili, że pozostaną w stałym kontakcie.",
                 "Президенты договорились поддерживать контакты."),
    "grain_exports": ("Macron stressed that grain exports must continue.",
                      "Macron podkreślił, że eksport zboża musi być kontynuowany.",
                      "Макрон подчеркнул, что экспорт зерна должен продолжаться."),
}


@pytest.mark.parametrize("key", sorted(TRIPLES))
@pytest.mark.parametrize("k, lang", list(enumerate(LANGS)))
def test_one_matter_gets_its_concept_in_each_language(key, k, lang):
    assert key in concepts(TRIPLES[key][k], lang), concepts(TRIPLES[key][k], lang)


def test_every_concept_has_words_in_every_language():
    """A concept (without parts) no language may lack; a language lists no other key."""
    table = load_shared()
    simple = {k for k, v in table.items() if not v.get("all")}
    for lang in SUPPORTED:
        listed = load_language(lang)["concepts"]
        assert set(listed) == simple, (lang, sorted(set(listed) ^ simple))
        assert all(listed[k] for k in simple), lang


def _vocabulary_from(monkeypatch, lang, raw):
    """Build a language's matter vocabulary from `raw` in place of its lang/<xx>/matters.yaml."""
    real = cc.load_data
    monkeypatch.setattr(cc, "load_data", lambda name, lang_=None, spec=None:
                        raw if (name, lang_) == ("matters", lang) else real(name, lang_, spec))
    return vocabulary.__wrapped__(lang)


def test_a_concept_missing_in_a_language_is_rejected(monkeypatch):
    raw = load_language("ru")
    del raw["concepts"]["ceasefire"]
    with pytest.raises(DataError, match=r"lang/ru/matters.yaml: concepts: missing ceasefire"):
        _vocabulary_from(monkeypatch, "ru", raw)


def test_a_compound_or_unknown_concept_in_a_language_is_rejected(monkeypatch):
    raw = load_language("en")
    raw["concepts"]["energy_strikes"] = ["energy strike"]
    raw["concepts"]["weather"] = ["rain"]
    with pytest.raises(DataError, match=r"not simple concepts of lang/matters.yaml: energy_strikes, weather"):
        _vocabulary_from(monkeypatch, "en", raw)


def test_a_cue_under_two_concepts_is_rejected(monkeypatch):
    raw = load_language("pl")
    raw["concepts"]["summit"] = [*raw["concepts"]["summit"], "rozejm"]
    with pytest.raises(DataError, match=r"lang/pl/matters.yaml: cue \(as stems\) 'rozejm' is mapped to both"):
        _vocabulary_from(monkeypatch, "pl", raw)


def test_every_concept_names_a_topic_and_every_modifier_builds_a_compound():
    table = concept_table()
    parts = {p for c in table.values() for p in c.parts}
    assert all(c.key in parts for c in table.values() if c.modifier)
    assert all(not table[p].parts for p in parts)


@pytest.mark.parametrize("lang", LANGS)
def test_every_cue_finds_its_own_words(lang):
    """A cue that a longer cue of another concept always covers never fires: its own words must
    give its concept (a modifier's, the compound it builds)."""
    table = concept_table()
    dead = []
    for key, forms in load_language(lang)["concepts"].items():
        for form in forms:
            words = [w.rstrip("*=") for w in form.split() if w != "…"]
            found = concepts(" ".join(words), lang)
            if table[key].modifier:
                continue
            if key not in found:
                dead.append((key, form, sorted(found)))
    assert not dead


def test_a_compound_needs_all_its_parts_and_hides_its_modifiers():
    assert "energy_strikes" not in concepts("Strikes continued across the front.", "en")
    assert "energy_strikes" not in concepts("Energy prices were discussed.", "en")
    # "deliveries" alone is no matter of its own
    assert concepts("He spoke of deliveries.", "en") == frozenset()
    assert "weapons_supplies" in concepts("He spoke of deliveries of weapons.", "en")


def test_longer_cues_win_and_false_friends_stay_apart():
    # the line of contact is no "contact"; the United States are no "unity"; Gaza is no gas
    assert concepts("Обеспечение режима прекращения огня на линии соприкосновения.", "ru") >= {"ceasefire", "contact_line"}
    assert "contacts" not in concepts("Ostrzał na linii kontaktu trwał.", "pl")
    assert "unity" not in concepts("The United States will respond.", "en")
    assert concepts("Omówili sytuację w Strefie Gazy.", "pl") == {"middle_east"}
    assert "middle_east" not in concepts("Omówili dostawy gazu.", "pl") and "gas" in concepts("Omówili dostawy gazu.", "pl")


@pytest.mark.parametrize("text, lang, expected", [
    ("Trump insisted on an unconditional 30-day ceasefire.", "en", {"30"}),
    ("Trump nalegał na trzydziestodniowe zawieszenie broni.", "pl", {"30"}),
    ("Трамп настаивал на тридцатидневном прекращении огня.", "ru", {"30"}),
    ("Россия и Украина обменяются пленными в формате 175 на 175.", "ru", {"175"}),
    ("The sides will exchange 1,000 prisoners each.", "en", {"1000"}),
    ("Strony wymienią po 1 000 jeńców.", "pl", {"1000"}),
    ("In 2022 the leaders met twice.", "en", set()),          # a bare year is a date's
])
def test_quantities_are_read_alike(text, lang, expected):
    assert numbers_in(text, text_words(text), lang) == frozenset(expected)


@pytest.mark.parametrize("text, lang, disputes", [
    ("Yang said the so-called genocide is a lie.", "en", True),
    ("Путин назвал необоснованными попытки возложить ответственность на Россию.", "ru", True),
    ("Rzecznik nazwał te doniesienia bezpodstawnymi.", "pl", True),
    ("Biden raised concern over the situation in Xinjiang.", "en", False),
])
def test_rebuttal_words(text, lang, disputes):
    assert rebuts(text_words(text), lang) is disputes


def load_shared() -> dict:
    return yaml.safe_load(data_path("matters").read_text(encoding="utf-8"))["concepts"]


def load_language(lang: str) -> dict:
    return yaml.safe_load(data_path("matters", lang).read_text(encoding="utf-8"))
