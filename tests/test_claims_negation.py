"""Acts reported as not done, whatever carries the negation — a determiner on the act's noun
("made no commitment"), a negated light verb or decision ("nie podjęli ustaleń", "не высказывал
угроз", "nie zapadły decyzje"), a genitive of negation before its passive ("Договорённости …
достигнуто не было"), adverbs between auxiliary and verb ("did not yet agree") — and a second
content clause of one verb ("said A, and that B") as a proposition of its own."""
from __future__ import annotations

import pytest
from claims_helpers import check, extracted_in, make_helpers, traced

DATE = "2025-03-04"
HELPERS = {lang: make_helpers(lang, DATE) for lang in ("en", "pl", "ru")}
CALL = {
    "en": "President Biden spoke with President Putin. ",
    "pl": "Prezydent Duda rozmawiał z prezydentem Zełenskim. ",
    "ru": "Владимир Путин провёл телефонный разговор с Джозефом Байденом. ",
}


@pytest.mark.parametrize("lang, sentence, fragment, actor, act", [
    ("en", "President Putin made no commitment to a ceasefire.", "no commitment", "Vladimir Putin", "assure"),
    ("en", "The two sides did not yet agree on a date for the next round.", "did not yet agree", "both", "agree"),
    ("pl", "W tej sprawie prezydenci nie podjęli wiążących ustaleń.", "wiążących ustaleń", "both", "agree"),
    ("pl", "W trakcie rozmowy nie zapadły żadne decyzje w sprawie zakazu.", "zapadły", "both", "agree"),
    ("ru", "Джозеф Байден в ходе разговора не высказывал угроз в адрес России.", "угроз", "Joe Biden", "warn"),
    ("ru", "Договорённости о начале такого диалога на данном этапе достигнуто не было.", "Договорённости",
     "both", "agree"),
    ("ru", "Никаких подобных обещаний Владимир Путин не давал.", "обещаний", "Vladimir Putin", "assure"),
    ("pl", "Żadnych obietnic prezydent Duda nie składał.", "obietnic", "Andrzej Duda", "assure"),
])
def test_an_act_reported_as_not_done_is_negated(lang, sentence, fragment, actor, act):
    _, only, _, _ = HELPERS[lang]
    check(only(CALL[lang] + sentence, fragment), actor=actor, act=act, polarity="negated")


def test_the_determiner_on_the_acts_noun_names_its_rule():
    _, only, _, _ = HELPERS["en"]
    traced(only(CALL["en"] + "President Putin made no commitment to a ceasefire.", "no commitment"),
           polarity="negation.act_object")


def test_the_same_noun_without_the_determiner_is_affirmed():
    _, only, _, _ = HELPERS["en"]
    check(only(CALL["en"] + "President Putin made a commitment to a ceasefire.", "commitment"),
          act="assure", polarity="affirmed")


@pytest.mark.parametrize("lang, text, second", [
    ("en", "Zelenskyy said Ukraine would never recognize occupied land as Russian, and that the question "
           "of territory had not been discussed during the call.", "discussed"),
    ("pl", "Prezydent Duda zaznaczył, że Polska wspiera Ukrainę, i że nie zgodzi się na żadne ustępstwa.", "zgodzi"),
])
def test_a_second_content_clause_is_a_proposition_of_its_own(lang, text, second):
    claims, _, _, _ = HELPERS[lang]
    found = claims(text)
    assert len(found) == 2 and found[1].trigger.startswith(second), [(c.actor, c.act, c.trigger) for c in found]
    assert found[1].polarity == "negated"


def test_one_content_clause_stays_one_claim():
    claims, _, _, _ = HELPERS["en"]
    found = claims("Zelenskyy said Ukraine would never recognize occupied land as Russian.")
    assert [(c.actor, c.trigger) for c in found] == [("Volodymyr Zelensky", "said")]


def test_a_coordinated_clause_with_its_own_subject_is_a_claim_of_its_own():
    claims, _, _, _ = HELPERS["en"]
    found = claims("Vladimir Putin told Donald Trump that Moscow was ready to work on a memorandum, according "
                   "to the Kremlin, but he did not agree to the unconditional ceasefire.")
    assert [(c.actor, c.act, c.polarity) for c in found][1:] == [("Vladimir Putin", "agree", "negated")]


def test_a_second_perfect_after_and_is_the_same_subjects_act():
    claims, _, _, _ = HELPERS["en"]
    found = claims("The White House said Trump had stressed that the bloodshed must end and had urged Putin "
                   "to move quickly toward a settlement.")
    assert [(c.trigger, c.act) for c in found][-1] == ("urged", "demand")
    assert len(found) == 2


def test_a_modal_after_and_stays_in_the_content():
    claims, _, _, _ = HELPERS["en"]
    found = claims("President Biden warned that the sanctions would be severe, and he would not hesitate to "
                   "impose them.")
    assert [c.trigger for c in found] == ["warned"]


@pytest.mark.parametrize("lang, text, fragment", [
    ("ru", "Президент Сербии Александр Вучич провёл телефонный разговор с Владимиром Путиным. Вучич заявил, "
           "что стороны договорились продлить контракт на поставки газа.", "договорились"),
    ("en", "President Trump spoke with President Putin. Trump said the two leaders agreed to meet in Budapest.",
     "agreed"),
])
def test_an_agreement_of_the_sides_told_by_one_of_them_is_theirs(lang, text, fragment):
    claims, _, _, _ = HELPERS[lang]
    assert [(c.actor, c.act, c.trigger) for c in claims(text)][-1] == ("both", "agree", fragment)


def test_what_the_sides_discussed_told_by_one_stays_his_statement():
    claims, _, _, _ = HELPERS["en"]
    found = claims("President Trump spoke with President Zelensky. He later told Fox News that the two had not "
                   "discussed U.S. aid to Ukraine.")
    assert [(c.actor, c.trigger) for c in found][-1] == ("Donald Trump", "told")


def test_a_phase_verb_and_its_infinitive_are_one_predicate_past_a_parenthetical_adverb():
    claims, _, _, _ = HELPERS["ru"]
    found = claims("Владимир Путин провёл переговоры с Касым-Жомартом Токаевым. Господин Токаев, однако, не стал "
                   "давать никаких обещаний.")
    assert [(c.actor, c.act, c.polarity) for c in found] == [("Kassym-Jomart Tokayev", "assure", "negated")]


def test_a_coordinated_verb_keeps_its_subject_past_a_country_before_the_conjunction():
    claims, _, _, _ = HELPERS["en"]
    found = claims("Jake Sullivan spoke with Muhammad Yunus. Mr. Sullivan reiterated the United States' support for "
                   "a prosperous and democratic Bangladesh, and offered the United States' continued support.")
    assert [c.actor for c in found] == ["Jake Sullivan", "Jake Sullivan"]


@pytest.mark.parametrize("lang, sentence, fragment, actor", [
    ("en", "President Putin did not rule out further phone calls.", "rule out", "Vladimir Putin"),
    ("en", "President Putin did not deny that the talks had taken place.", "deny", "Vladimir Putin"),
    ("pl", "Prezydent Duda nie wykluczył, że ministrowie spotkają się ponownie.", "wykluczył", "Andrzej Duda"),
    ("ru", "Владимир Путин не исключил, что контакты будут продолжены.", "исключил", "Vladimir Putin"),
])
def test_not_ruling_something_out_is_a_negated_statement_not_a_rejection(lang, sentence, fragment, actor):
    _, only, _, _ = HELPERS[lang]
    claim = only(CALL[lang] + sentence, fragment)
    check(claim, actor=actor, act="state", polarity="negated")
    traced(claim, act="act.negated_concept")


@pytest.mark.parametrize("lang, sentence, fragment", [
    ("en", "President Putin ruled out further phone calls.", "ruled out"),
    ("pl", "Prezydent Duda wykluczył, że ministrowie spotkają się ponownie.", "wykluczył"),
    ("ru", "Владимир Путин исключил, что контакты будут продолжены.", "исключил"),
])
def test_ruling_something_out_is_a_rejection(lang, sentence, fragment):
    _, only, _, _ = HELPERS[lang]
    check(only(CALL[lang] + sentence, fragment), act="reject", polarity="affirmed")


# ---------------------------------------------------------------- an outlet's correction
@pytest.mark.parametrize("lang, text, fragment", [
    ("en", "CORRECTION: An earlier version of this story said that Prime Minister Sanae Takaichi had pledged to "
           "raise Japan's defence spending. The story also wrongly said that President Donald Trump had invited "
           "Takaichi to the White House.", "invited"),
    ("pl", "Sprostowanie. W artykule o rozmowie ministrów błędnie podaliśmy, że minister Rau zaproponował "
           "spotkanie wiceministrów.", "zaproponował"),
    ("ru", "Поправка. В заметке о переговорах мы ошибочно указали, что Виктор Орбан пообещал поддержать "
           "китайский мирный план.", "пообещал"),
])
def test_what_a_correction_says_was_wrongly_reported_is_no_ones_claim(lang, text, fragment):
    # the retracted report is the outlet's error, not a claim of the person it named (nor its denial)
    extraction = extracted_in(lang, text, "2025-05-10")
    assert not [c for c in extraction.claims if fragment in c.trigger]
    assert [d.reason for d in extraction.dropped if fragment in d.trigger] == ["claim.retracted"]


def test_a_journalists_wrongly_judges_a_claim_and_retracts_none():
    text = ("CORRECTION: An earlier version of this story misspelled a name. President Trump wrongly said that "
            "Japan had agreed to buy more American rice.")
    claim = next(c for c in HELPERS["en"][0](text, date="2025-10-29") if c.trigger == "said")
    check(claim, actor="Donald Trump", polarity="affirmed")


@pytest.mark.parametrize("lang, text, fragment", [
    ("ru", "Путин встретился с Алиевым. Алиев сказал: «Не могу не выразить обеспокоенность ситуацией»." , "выразить"),
    ("pl", "Duda spotkał się z Nausėdą. Duda powiedział: „Nie mogę nie wyrazić zaniepokojenia sytuacją”.", "wyrazić"),
])
def test_cannot_but_express_is_an_affirmation(lang, text, fragment):
    claim = next(c for c in HELPERS[lang][0](text, date="2025-10-09") if fragment in c.trigger or fragment in c.sentence)
    assert claim.polarity == "affirmed"
