"""The act concepts (lang/act_concepts.yaml, lang/<xx>/concepts.yaml) on sentences written for
these tests: phrases match in any inflection, and each concept gives its act in every language."""
from __future__ import annotations

import pytest
from claims_helpers import check, make_helpers

DATE = "2024-03-14"       # Biden is the US president, Tusk the Polish prime minister
HELPERS = {lang: make_helpers(lang, DATE) for lang in ("pl", "en", "ru")}


def claim(lang: str, text: str, fragment: str):
    _, only, _, _ = HELPERS[lang]
    return only(text, fragment)


# ---------------------------------------------------------------- phrases as lemmas
@pytest.mark.parametrize("lang, text, fragment, actor, act", [
    # a phrase listed as "opowiedzieć się za" matches the imperfective present too
    ("pl", "Premier Tusk opowiada się za nowymi sankcjami wobec Rosji.", "opowiada", "Donald Tusk", "support"),
    ("pl", "Prezydent Duda zwracał uwagę na zagrożenie ze strony Białorusi.", "zwracał", "Andrzej Duda", "state"),
    ("pl", "Premier Węgier jest zainteresowany dalszym importem gazu.", "zainteresowany", "Viktor Orban", "state"),
    ("pl", "Kanclerz Scholz przyjmie zaproszenie do Warszawy.", "przyjmie", "Olaf Scholz", "agree"),
    ("pl", "Putin obarczał Zachód odpowiedzialnością za eskalację.", "obarczał", "Vladimir Putin", "concern"),
    ("ru", "Путин высказывается в поддержку переговоров.", "высказывается", "Vladimir Putin", "support"),
    ("ru", "Путин открыт к диалогу с Вашингтоном.", "открыт", "Vladimir Putin", "propose"),
    ("ru", "Путин положительно воспринял идею обмена пленными.", "воспринял", "Vladimir Putin", "agree"),
    ("en", "The United States stands ready to help Ukraine.", "stands ready", "United States", "assure"),
    ("en", "President Biden has been clear that sanctions will follow.", "clear", "Joe Biden", "state"),
    ("en", "President Biden takes note of the proposal.", "takes note", "Joe Biden", "state"),
])
def test_phrases_match_in_any_inflection(lang, text, fragment, actor, act):
    check(claim(lang, text, fragment), actor=actor, act=act)


# ---------------------------------------------------------------- concepts from the mining and the issue
@pytest.mark.parametrize("lang, text, fragment, actor, act", [
    # offer, caution, determination, mention, positive response: a word in every language
    ("pl", "Prezydent Duda zaoferował Ukrainie pomoc w ewakuacji rannych.", "zaoferował", "Andrzej Duda", "propose"),
    ("en", "President Biden offered Ukraine further help.", "offered", "Joe Biden", "propose"),
    ("pl", "Kanclerz Scholz zastrzegł, że decyzja zapadnie później.", "zastrzegł", "Olaf Scholz", "state"),
    ("pl", "Prezydent Duda wyraził determinację, by bronić granicy.", "determinację", "Andrzej Duda", "assure"),
    ("ru", "Путин упомянул о переговорах в Стамбуле.", "упомянул", "Vladimir Putin", "state"),
    ("ru", "Путин позитивно отреагировал на инициативу Эрдогана.", "отреагировал", "Vladimir Putin", "agree"),
    # dissuasion
    ("pl", "Kanclerz Scholz odradzał wysyłanie na Ukrainę rakiet dalekiego zasięgu.", "odradzał", "Olaf Scholz", "demand"),
    ("en", "President Biden advised against sending troops to Ukraine.", "advised", "Joe Biden", "demand"),
    ("ru", "Путин отговаривал Лукашенко от этого шага.", "отговаривал", "Vladimir Putin", "demand"),
    # conviction
    ("pl", "Premier Tusk wyraził przekonanie, że sankcje przyniosą efekty.", "przekonanie", "Donald Tusk", "state"),
    ("en", "President Biden expressed his confidence that the alliance would hold.", "confidence", "Joe Biden", "state"),
    ("ru", "Путин выразил уверенность, что сотрудничество продолжится.", "уверенность", "Vladimir Putin", "state"),
    # declared interest
    ("pl", "Kanclerz Scholz wyraził zainteresowanie polską propozycją.", "zainteresowanie", "Olaf Scholz", "state"),
    ("ru", "Путин выразил заинтересованность в развитии связей.", "заинтересованность", "Vladimir Putin", "state"),
    # decisions, adopted statements, signatures
    ("pl", "Premier Tusk podjął decyzję o wysłaniu pomocy.", "podjął", "Donald Tusk", "agree"),
    ("ru", "Путин принял решение о продлении перемирия.", "принял", "Vladimir Putin", "agree"),
    ("pl", "Prezydent Duda i prezydent Zełenski przyjęli wspólne oświadczenie.", "przyjęli", "both", "agree"),
    ("ru", "Путин и Лукашенко приняли совместное заявление.", "приняли", "both", "agree"),
    ("pl", "Prezydent Duda i prezydent Zełenski podpisali umowę o współpracy.", "podpisali", "both", "agree"),
    ("en", "President Biden and President Zelensky signed a bilateral security agreement.", "signed", "both", "agree"),
    # good wishes, welcome, praise, condolence, criticism
    ("ru", "Путин пожелал Эрдогану успехов.", "пожелал", "Vladimir Putin", "support"),
    ("en", "President Biden wished Chancellor Scholz a happy birthday.", "wished", "Joe Biden", "support"),
    ("pl", "Premier Tusk złożył życzenia prezydentowi Zełenskiemu.", "życzenia", "Donald Tusk", "support"),
    ("pl", "Premier Tusk wyraził zadowolenie z postępów rozmów.", "zadowolenie", "Donald Tusk", "support"),
    ("en", "President Biden lauded Canada's leadership.", "lauded", "Joe Biden", "support"),
    ("en", "President Biden singled out Poland for its generosity.", "singled", "Joe Biden", "support"),
    ("pl", "Prezydent Biden wyróżnił Polskę jako wzór dla sojuszników.", "wyróżnił", "Joe Biden", "support"),
    ("ru", "Путин похвалил Эрдогана за посредничество.", "похвалил", "Vladimir Putin", "support"),
    ("en", "President Biden expressed deep sympathy for the victims.", "sympathy", "Joe Biden", "support"),
    # intention, desire, recommendation
    ("en", "President Biden conveyed his intention to visit Warsaw.", "intention", "Joe Biden", "assure"),
    ("ru", "Путин подтвердил намерение продолжать контакты.", "намерение", "Vladimir Putin", "assure"),
    ("pl", "Premier Tusk wyraził chęć dalszej współpracy.", "chęć", "Donald Tusk", "assure"),
    ("ru", "Лавров настоятельно рекомендовал американской стороне вернуться к диалогу.", "рекомендовал",
     "Sergey Lavrov", "demand"),
    # discussion, topic, raising an issue, comment, reply
    ("en", "The leaders consulted on the situation in Gaza.", "consulted", "both", "discuss"),
    ("en", "The leaders reflected on the strength of the alliance.", "reflected", "both", "discuss"),
    ("pl", "Przywódcy poświęcili najwięcej uwagi paktowi migracyjnemu.", "poświęcili", "both", "discuss"),
    ("ru", "Лидеры уделили особое внимание энергетике.", "уделили", "both", "discuss"),
    ("ru", "Шольц поднял вопрос о гуманитарной ситуации.", "поднял", "Olaf Scholz", "discuss"),
    ("pl", "Rzecznik Pieskow zbagatelizował znaczenie porozumienia.", "zbagatelizował", "Dmitry Peskov", "state"),
    ("pl", "Sekretarz Blinken skwitował te słowa krótko.", "skwitował", "Antony Blinken", "state"),
    ("en", "President Biden relayed that he had directed his team to help.", "relayed", "Joe Biden", "state"),
    # confirmed attendance is a commitment to come
    ("en", "Prime Minister Sunak confirmed his participation in the summit.", "participation", "Rishi Sunak", "assure"),
    ("pl", "Premier Tusk potwierdził swój udział w szczycie NATO.", "udział", "Donald Tusk", "assure"),
    ("ru", "Лукашенко подтвердил своё участие в юбилейных мероприятиях.", "участие", "Alexander Lukashenko", "assure"),
    # a topic that (did not) come up, told from the topic's side
    ("pl", "Temat Tajwanu nie pojawił się w rozmowie.", "pojawił", "both", "discuss"),
    # an invitation accepted, in the imperfective
    ("ru", "Лукашенко принимает приглашение Путина.", "принимает", "Alexander Lukashenko", "agree"),
    ("pl", "Premier Tusk przyjmuje zaproszenie kanclerza.", "przyjmuje", "Donald Tusk", "agree"),
])
def test_concepts_give_their_act(lang, text, fragment, actor, act):
    check(claim(lang, text, fragment), actor=actor, act=act)


# ---------------------------------------------------------------- attribution cues with inserted words
@pytest.mark.parametrize("lang, text, fragment, actor", [
    ("ru", "Песков провёл брифинг для журналистов. По его словам, переговоры будут продолжены.", "По его словам",
     "Dmitry Peskov"),
    ("ru", "Песков провёл брифинг для журналистов. По его мнению, переговоры будут продолжены.", "По его мнению",
     "Dmitry Peskov"),
    ("pl", "Zdaniem premiera Tuska Unia Europejska powinna szybciej zwiększać produkcję amunicji.", "Zdaniem",
     "Donald Tusk"),
    ("pl", "Premier Tusk spotkał się z kanclerzem. Jego zdaniem sankcje działają.", "Jego zdaniem", "Donald Tusk"),
    ("pl", "Premier Tusk spotkał się z kanclerzem. W jego ocenie sankcje działają.", "W jego ocenie", "Donald Tusk"),
    ("en", "Chancellor Scholz met President Biden. In his view, the sanctions are working.", "In his view",
     "Olaf Scholz"),
])
def test_attribution_with_inserted_words_names_the_speaker(lang, text, fragment, actor):
    c = claim(lang, text, fragment)
    assert (c.actor, c.explain["trigger"]) == (actor, "attribution.speech"), c.explain
