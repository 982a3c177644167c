"""An issue raised in a talk is a matter discussed ("raised the drills", "poruszył kwestię",
"поднял вопрос"), unless what is raised is a point's importance or need — then it is stressed."""
from __future__ import annotations

import pytest
from claims_helpers import check, make_helpers, traced

HELPERS = {lang: make_helpers(lang, "2024-06-26") for lang in ("en", "pl", "ru")}
CALL = {
    "en": "President Biden spoke with President Xi. ",
    "pl": "Prezydent Duda rozmawiał z prezydentem Xi. ",
    "ru": "Владимир Путин провёл телефонный разговор с Си Цзиньпином. ",
}


@pytest.mark.parametrize("lang, sentence, fragment, act", [
    ("en", "President Biden raised the naval drills in the Tasman Sea.", "drills", "discuss"),
    ("en", "President Biden raised the importance of de-escalating tensions.", "importance", "state"),
    ("pl", "Prezydent Duda poruszył kwestię ćwiczeń wojskowych.", "ćwiczeń", "discuss"),
    ("pl", "Prezydent Duda poruszył znaczenie deeskalacji napięć.", "znaczenie", "state"),
    ("ru", "Владимир Путин поднял вопрос о военных учениях.", "учениях", "discuss"),
])
def test_raising_an_issue(lang, sentence, fragment, act):
    _, only, _, _ = HELPERS[lang]
    check(only(CALL[lang] + sentence, fragment), act=act)


def test_the_importance_rule_is_traced():
    _, only, _, _ = HELPERS["en"]
    claim = only(CALL["en"] + "President Biden raised the importance of de-escalating tensions.", "importance")
    traced(claim, act="act.emphasis_object")
