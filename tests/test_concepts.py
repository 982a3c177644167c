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
    ("pl", "Premier Węgier jest zainteresowany dalszym importem gazu.", "zainteresowany", "Viktor Orban", "demand"),
    ("pl", "Kanclerz Scholz przyjmie zaproszenie do Warszawy.", "przyjmie", "Olaf Scholz", "agree"),
    ("pl", "Putin obarczał Zachód odpowiedzialnością za eskalację.", "obarczał", "Vladimir Putin", "concern"),
    ("ru", "Путин высказывается в поддержку переговоров.", "высказывается", "Vladimir Putin", "support"),
    ("ru", "Путин открыт к диалогу с Вашингтоном.", "открыт", "Vladimir Putin", "propose"),
    ("ru", "Путин положительно воспринял идею обмена пленными.", "воспринял", "Vladimir Putin", "agree"),
    ("en", "The United States stands ready to help Ukraine.", "stands ready", "United States", "propose"),
    ("en", "President Biden has been clear that sanctions will follow.", "clear", "Joe Biden", "state"),
    ("en", "President Biden takes note of the proposal.", "takes note", "Joe Biden", "state"),
])
def test_phrases_match_in_any_inflection(lang, text, fragment, actor, act):
    check(claim(lang, text, fragment), actor=actor, act=act)
