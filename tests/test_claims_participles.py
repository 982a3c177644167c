"""Participial and converb clauses as acts of their own (", rejecting the proposal", "Выразив
удовлетворение …, стороны обсудили", ", reminding his host that …"), but not the items of a list
of activities; an invitation accepted in object-first order; the two sides committing themselves."""
from __future__ import annotations

import pytest
from claims_helpers import make_helpers, traced

HELPERS = {lang: make_helpers(lang, "2025-03-18") for lang in ("en", "pl", "ru")}


def acts(lang: str, text: str) -> list[tuple[str, str, str]]:
    claims, _, _, _ = HELPERS[lang]
    return [(c.actor, c.act, c.trigger) for c in claims(text)]


def test_a_participle_of_another_act_carries_it_without_a_content_clause():
    found = acts("en", "President Putin spoke with President Trump. Putin agreed to a pause in strikes on energy "
                       "infrastructure, rejecting the broader proposal of a full ceasefire.")
    assert found == [("Vladimir Putin", "agree", "agreed"), ("Vladimir Putin", "reject", "rejecting")]


def test_a_participle_of_saying_still_needs_what_it_says():
    found = acts("en", "President Biden spoke with President Xi. Biden met Xi in Woodside, noting the weather.")
    assert [t for _, _, t in found] == []


def test_participles_in_a_list_of_activities_are_no_acts():
    found = acts("en", "President Biden spoke with President Lula. The leaders discussed shared interests in "
                       "combatting corruption, supporting civilian security, and increasing economic opportunity.")
    assert found == [("both", "discuss", "discussed")]


def test_a_converb_opening_the_sentence_is_the_main_subjects_act():
    claims, _, _, _ = HELPERS["ru"]
    found = claims("Владимир Путин провёл переговоры с Эмомали Рахмоном. Выразив удовлетворение достигнутым "
                   "уровнем сотрудничества, стороны обсудили торговлю.")
    opening = next(c for c in found if c.trigger.startswith("Выразив"))
    assert (opening.actor, opening.act) == ("both", "support")
    traced(opening, actor="adverbial.main_subject")


@pytest.mark.parametrize("lang, text, actor", [
    ("pl", "Premier Tusk spotkał się z Davidem Lammym. Lammy zaproszenie przyjął.", "David Lammy"),
    ("en", "President Trump met President Zelensky. The invitation was accepted with thanks.", "both"),
])
def test_an_invitation_accepted_in_object_first_order(lang, text, actor):
    assert acts(lang, text)[-1][:2] == (actor, "agree")


@pytest.mark.parametrize("lang, text", [
    ("ru", "Владимир Путин провёл телефонный разговор с Мохаммедом бен Сальманом. Стороны продолжат тесно "
           "взаимодействовать в рамках «ОПЕК плюс»."),
    ("en", "President Biden spoke with Prime Minister Kishida. The two sides will continue to consult closely."),
])
def test_the_two_sides_committing_themselves(lang, text):
    assert acts(lang, text)[-1][:2] == ("both", "assure")
