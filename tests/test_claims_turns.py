"""Speaker turns of transcripts ("В.Путин: …", "MR. KIRBY: …", "Q: …"), acts performed in the
first person ("хочу Вас поблагодарить"), and the agent of a passive ("С российской стороны была
выражена …"), in the three languages."""
from __future__ import annotations

import pytest
from claims_helpers import make_helpers, traced

from readouts.load import load_bytes
from readouts.pipeline import extract_loaded

DATE = "2025-03-04"
ru_claims, ru_only, _, _ = make_helpers("ru", DATE)
en_claims, en_only, _, _ = make_helpers("en", DATE)
pl_claims, pl_only, _, _ = make_helpers("pl", DATE)

KREMLIN_TALKS = (
    "Москва, Кремль Начало российско-мьянманских переговоров В.Путин: Уважаемый господин Председатель! "
    "Дорогие друзья! Сердечно приветствую вас в Москве. Мы очень рады Вас видеть. "
    "Отношения между нашими странами действительно развиваются поступательно. "
    "Мы сотрудничаем на международной арене, и я хочу Вас поблагодарить за то, что Вы являетесь "
    "организатором нашей работы с АСЕАН. Очень приятно, что Вы решили приехать в Москву. "
    "Добро пожаловать! Вопрос: Как Вы оцениваете переговоры? Реплика: Россия предложила перемирие."
)


def claims_of(lang, text, date=DATE):
    loaded = load_bytes(text.encode(), f"t.{lang}.txt", lang=lang, date=date)
    return extract_loaded(loaded, backend="offline").claims


def claim_with(lang, text, fragment):
    """The first claim of `text` whose sentence holds `fragment`."""
    return next(c for c in make_helpers(lang, DATE)[0](text) if fragment in c.sentence)


def by_sentence(claims, fragment):
    return [(c.actor, c.act) for c in claims if fragment in c.sentence]


def test_a_labelled_turn_is_the_speakers_speech():
    found = ru_claims(KREMLIN_TALKS)
    assert by_sentence(found, "я хочу Вас поблагодарить") == [("Vladimir Putin", "support")]
    assert by_sentence(found, "Отношения между нашими странами") == [("Vladimir Putin", "state")]
    # what the one spoken to did is part of what the speaker says
    assert by_sentence(found, "Вы решили приехать") == [("Vladimir Putin", "state")]


def test_addresses_and_headings_are_no_statements():
    found = ru_claims(KREMLIN_TALKS)
    for fragment in ("Уважаемый господин Председатель", "Дорогие друзья"):
        assert by_sentence(found, fragment) == [], fragment


def test_a_welcome_of_the_guest_is_the_speakers_support_and_a_greeting_is_nothing():
    found = ru_claims(KREMLIN_TALKS)
    for fragment in ("рады Вас видеть", "Добро пожаловать"):
        assert by_sentence(found, fragment) == [("Vladimir Putin", "support")], fragment
    traced(next(c for c in found if "рады Вас видеть" in c.sentence), trigger="speech.welcome", actor="speaker")
    assert by_sentence(ru_claims("В.Путин: Добрый день, уважаемые коллеги!"), "Добрый день") == []


def test_a_questions_turn_and_an_audience_remark_report_no_claim():
    found = ru_claims(KREMLIN_TALKS)
    assert by_sentence(found, "предложила перемирие") == []


def test_the_statement_and_the_first_person_act_name_their_rules():
    found = ru_claims(KREMLIN_TALKS)
    thanks = next(c for c in found if "поблагодарить" in c.sentence)
    traced(thanks, trigger="verb.act", actor="speech.first_person", licence="predicate.performative")
    relations = next(c for c in found if "Отношения" in c.sentence)
    traced(relations, trigger="speech.statement", actor="speaker", content="content.turn")


def test_a_quotes_attribution_with_a_colon_is_no_turn_label():
    text = "Путин заявил журналистам: «Мы готовы к переговорам». Отношения развиваются поступательно."
    assert by_sentence(ru_claims(text), "Отношения развиваются") == []


def test_english_transcript_turns():
    text = ("Q: Did the President raise Sweden?\n\n"
            "PRESIDENT BIDEN: I would like to thank the Prime Minister for coming. "
            "Our two countries have a strong and growing partnership.\n\n"
            "MODERATOR: We have time for one more question.")
    found = en_claims(text)
    assert by_sentence(found, "would like to thank") == [("Joe Biden", "support")]
    assert by_sentence(found, "strong and growing partnership") == [("Joe Biden", "state")]
    assert by_sentence(found, "raise Sweden") == []
    assert by_sentence(found, "one more question") == []      # an unnamed label's turn


def test_polish_first_person_thanks_in_a_turn():
    text = "Andrzej Duda: Chcę podziękować panu prezydentowi za wizytę. Nasze relacje są bardzo dobre."
    found = pl_claims(text)
    assert by_sentence(found, "Chcę podziękować") == [("Andrzej Duda", "support")]
    assert by_sentence(found, "Nasze relacje") == [("Andrzej Duda", "state")]


def test_a_list_of_names_with_descriptions_is_no_transcript():
    text = ("The participants included:\n\n- Cheryl Brown Henderson: Daughter of the plaintiff\n\n"
            "- Joe Biden: President of the United States")
    assert en_claims(text) == []


def test_the_first_person_outside_a_turn_is_still_the_narrators():
    text = "Напомним, Путин и Байден провели переговоры в Женеве."
    assert by_sentence(ru_claims(text), "Напомним") in ([], [("both", "discuss")])
    assert all(c.trigger != "Напомним" for c in ru_claims(text))


def test_a_spokesmans_turn_relays_his_sides_account():
    text = ("This is an excerpt from the briefing by John Kirby on the call of President Biden with President "
            "Erdogan.\n\nQ: What did Erdogan say?\n\nMR. KIRBY: What I can tell you is that President Erdogan "
            "raised the F-16s.\n\nQ: Anything else?\n\nMR. KIRBY: There is no link between those two issues.")
    found = en_claims(text, date="2023-05-30")
    raised = next(c for c in found if "raised the F-16s" in c.sentence)
    assert (raised.actor, raised.reported_by) == ("Recep Tayyip Erdogan", "whitehouse")
    assert by_sentence(found, "no link between") == [("John Kirby", "state")]


# ---------------------------------------------------------------- passive agents
@pytest.mark.parametrize("lang, text, actor, act", [
    ("ru", "С российской стороны была выражена признательность за посредничество.", "Russia", "support"),
    ("ru", "Со стороны Москвы было предложено продолжить контакты.", "Russia", "propose"),
    ("pl", "Ze strony Polski zaproponowano kolejne spotkanie.", "Poland", "propose"),
    ("en", "The proposal was rejected by Moscow.", "Russia", "reject"),
])
def test_a_passive_acts_agent_is_its_actor(lang, text, actor, act):
    (claim,) = claims_of(lang, text)
    assert (claim.actor, claim.act) == (actor, act)
    traced(claim, actor="passive.agent")


def test_with_in_the_instrumental_is_no_agent():
    # "с Президентом" (instrumental) is the partner, not the agent: the impersonal rule decides
    text = "Была выражена солидарность с Президентом Сербии Александром Вучичем."
    (claim,) = ru_claims(text)
    assert claim.explain["actor"] != "passive.agent"


# ---------------------------------------------------------------- what a call was made for
@pytest.mark.parametrize("lang, text, actor", [
    ("en", "President Biden called President Erdogan to congratulate him on his reelection.", "Joe Biden"),
    ("pl", "Prezydent Duda zadzwonił do prezydenta Erdogana, aby pogratulować mu zwycięstwa.", "Andrzej Duda"),
    ("ru", "Путин позвонил Эрдогану, чтобы поздравить его с победой.", "Vladimir Putin"),
])
def test_the_purpose_of_a_call_is_the_callers_act(lang, text, actor):
    (claim,) = claims_of(lang, text, "2023-05-30")
    assert (claim.actor, claim.act) == (actor, "support")
    traced(claim, actor="purpose.caller", licence="predicate.purpose")


def test_a_call_made_to_discuss_describes_the_call():
    assert en_claims("President Biden spoke with President Erdogan to discuss the war.", date="2023-05-30") == []


@pytest.mark.parametrize("lang, text", [
    ("ru", "Дмитрий Песков в пятницу прокомментировал журналистам телефонный разговор Путина с Пашиняном."),
    ("en", "Dmitry Peskov commented on the call on Friday."),
])
def test_a_verb_whose_object_is_the_call_reports_the_event(lang, text):
    assert claims_of(lang, text) == []


def test_what_is_said_of_the_call_is_still_a_claim():
    (claim,) = en_claims("Dmitry Peskov said the call was constructive.")
    assert (claim.actor, claim.act) == ("Dmitry Peskov", "state")


def test_a_coordinated_clause_in_another_tense_is_part_of_the_content():
    text = ("Российский президент предупредил, что, если Южная Корея начнет поставлять оружие Украине, "
            "это будет большой ошибкой, и Россия примет решения.")
    assert [(c.actor, c.act) for c in ru_claims(text, date="2024-06-20")] == [("Vladimir Putin", "warn")]


def test_a_bare_title_in_the_press_is_the_home_sides_holder_once_named():
    text = ("Владимир Путин провел переговоры с Ким Чен Ыном. Ким Чен Ын назвал договор самым сильным. "
            "Глава государства подчеркнул, что Россия не исключает сотрудничества.")
    c = ru_only(text, "Глава государства", date="2024-06-20")
    assert c.actor == "Vladimir Putin"


@pytest.mark.parametrize("lang, text, actor", [
    ("pl", "Tusk zadzwonił do Zełenskiego, aby mu pogratulować.", "Donald Tusk"),
    ("ru", "Путин позвонил Эрдогану, чтобы лично поздравить его с победой.", "Vladimir Putin"),
])
def test_a_clitic_may_stand_between_the_purpose_marker_and_its_verb(lang, text, actor):
    (claim,) = claims_of(lang, text)
    assert (claim.actor, claim.act) == (actor, "support")
    traced(claim, actor="purpose.caller")


@pytest.mark.parametrize("lang, text, actor", [
    # the title's own sentence names the other president after it: the title is the home side's
    ("en", "Q: Did he speak with Erdogan? MR. KIRBY: Yes. The President called President Erdogan "
           "to congratulate him on his reelection.", "Joe Biden"),
    ("pl", "Erdogan wygrał wybory. Prezydent zadzwonił do prezydenta Erdogana, aby mu pogratulować.",
     "Andrzej Duda"),
    # named before it in the sentence, the title may stand for him
    ("en", "Vladimir Putin spoke with Xi Jinping, and the president thanked him for the invitation.",
     "Vladimir Putin"),
])
def test_a_bare_title_is_not_the_person_its_sentence_names_after_it(lang, text, actor):
    assert [c.actor for c in claims_of(lang, text, date="2023-05-30")][-1] == actor


@pytest.mark.parametrize("lang, text, act", [
    ("pl", "Donald Tusk skarżył się na brak postępów w rozmowach.", "concern"),
    ("ru", "Юрий Ушаков уверял журналистов, что договор не направлен против третьих стран.", "assure"),
    ("en", "Keir Starmer complained about the lack of progress.", "concern"),
])
def test_complaints_and_reassurances(lang, text, act):
    (claim,) = claims_of(lang, text)
    assert claim.act == act


def test_the_purpose_belongs_to_the_clauses_own_verb_however_far():
    text = ("President Joe Biden called President Claudia Sheinbaum of Mexico today to congratulate "
            "her on her inauguration.")
    (claim,) = claims_of("en", text, date="2024-10-04")
    assert (claim.actor, claim.act) == ("Joe Biden", "support")
    traced(claim, actor="purpose.caller")


def test_a_surname_after_another_first_name_is_someone_else():
    # "Jill Biden" does not rule Joe Biden out as "The President" of a White House readout
    text = ("Readout of President Biden's Call with President Sheinbaum of Mexico\n\n"
            "President Joe Biden called President Claudia Sheinbaum of Mexico today. The President "
            "thanked President Sheinbaum for warmly welcoming First Lady Jill Biden to her inauguration.")
    found = claims_of("en", text, date="2024-10-04")
    assert [(c.actor, c.act, c.addressee) for c in found] == [("Joe Biden", "support", "Claudia Sheinbaum")]


def test_a_joint_commitment_is_an_assurance():
    text = "President Biden and President Sisi affirmed their commitment to work together."
    (claim,) = claims_of("en", text, date="2023-10-29")
    assert (claim.actor, claim.act) == ("both", "assure")


KREMLIN_OPENING = ("Телефонный разговор с Наследным принцем Саудовской Аравии Мухаммедом бен Сальманом\n\n"
                   "Владимир Путин провёл телефонный разговор с Наследным принцем Саудовской Аравии "
                   "Мухаммедом бен Сальманом. ")


@pytest.mark.parametrize("sentence, actor", [
    # an agentless passive of a readout sums up both sides …
    ("Отмечено, что отношения двух стран развиваются успешно.", "both"),
    # … but a concern stays the readout's own side's
    ("Выражена серьёзная обеспокоенность поставками оружия.", "Vladimir Putin"),
])
def test_a_readouts_own_passive_is_joint_unless_one_sided(sentence, actor):
    loaded = load_bytes((KREMLIN_OPENING + sentence).encode(), "t.ru.txt", lang="ru", date="2025-03-12",
                        source="kremlin")
    (claim,) = extract_loaded(loaded, backend="offline").claims
    assert claim.actor == actor


def test_an_act_nouns_own_genitive_agent_does_an_agentless_act():
    claim = ru_only("Владимир Путин провёл переговоры с Масудом Пезешкианом. Подтверждена готовность "
                    "российской стороны содействовать продвижению этого диалога.", "готовность")
    assert (claim.actor, claim.act) == ("Russia", "assure")
    traced(claim, actor="nominal.agent")
    # without an agent of its own, the readout's agentless act stays joint
    joint = ru_only("Владимир Путин провёл переговоры с Масудом Пезешкианом. Подтверждена готовность "
                    "содействовать продвижению этого диалога.", "готовность")
    assert joint.actor == "both"


@pytest.mark.parametrize("lang, text, actor", [
    ("pl", "Premier Modi spotkał się z Władimirem Putinem. Rzecznik Departamentu Stanu Matthew Miller wezwał "
           "Indie, by wykorzystały swoje relacje z Moskwą.", "Matthew Miller"),
    ("en", "President Biden spoke with President Xi. Deputy National Security Advisor Pyle reiterated the "
           "United States' commitment to support Ukraine.", "Pyle"),
])
def test_an_officials_title_before_a_name_is_that_named_person(lang, text, actor):
    found = {"pl": pl_claims, "en": en_claims}[lang](text)
    assert found[-1].actor == actor


@pytest.mark.parametrize("text", [
    "President Biden met President Xi. The Chinese readout quoted Xi as saying that Beijing was ready.",
    "President Biden met President Xi. Xi was quoted as saying that Beijing was ready.",
])
def test_the_one_quoted_as_saying_is_the_speaker(text):
    claim = en_only(text, "as saying")
    assert claim.actor == "Xi Jinping"
    traced(claim, actor="quoted")


@pytest.mark.parametrize("make, text, fragment, expected", [
    # a newsletter's section heads in capitals name no speaker: what follows is the text's own
    (en_claims, "WHAT THEY SAID: According to the German government, the two leaders agreed to coordinate "
                "closely on air defence.\n\nMIDDLE EAST: The leaders also discussed the situation in Gaza.",
     "agreed to coordinate", [("both", "agree")]),
    # a head ending in a question word is no question's turn
    (en_claims, "THE TAURUS QUESTION: Chancellor Scholz once again ruled out sending cruise missiles.",
     "ruled out", [("Olaf Scholz", "reject")]),
    (pl_claims, "CO POWIEDZIELI: Według Kancelarii Prezydenta Andrzej Duda zapewnił Zełenskiego o dalszym wsparciu.",
     "zapewnił", [("Andrzej Duda", "assure")]),
    (ru_claims, "ГЛАВНОЕ ЗА ДЕНЬ: Владимир Путин поблагодарил Эрдогана за посредничество.",
     "поблагодарил", [("Vladimir Putin", "support")]),
])
def test_a_section_head_in_capitals_opens_no_turn(make, text, fragment, expected):
    assert by_sentence(make(text), fragment) == expected


def test_a_role_in_capitals_still_opens_a_turn_of_no_claim():
    text = ("MR. KIRBY: President Biden thanked the Chancellor for his leadership.\n\n"
            "MODERATOR: We thank everyone who made this visit possible.")
    found = en_claims(text)
    assert by_sentence(found, "made this visit possible") == []
    assert by_sentence(found, "thanked the Chancellor") == [("Joe Biden", "support")]


def test_the_label_is_not_the_subject_of_the_turns_sentence():
    text = ("Q: Can you tell us about the call with Canada?\n\n"
            "MS. LEAVITT: President Trump spoke with Prime Minister Carney yesterday.\n\n"
            "Q: And the summit?\n\n"
            "MS. LEAVITT: The Prime Minister invited the President to the G7 summit in Kananaskis.")
    assert by_sentence(en_claims(text, date="2025-05-07"), "invited the President") == [("Mark Carney", "propose")]


def test_leave_asked_before_an_infinitive_is_the_speakers_act():
    text = ("В.Путин: Уважаемый господин Президент! Позвольте мне сердечно вас поприветствовать в Москве. "
            "Позвольте прежде всего поблагодарить вас за визит.")
    found = ru_claims(text)
    assert by_sentence(found, "поприветствовать") == [("Vladimir Putin", "support")]
    assert by_sentence(found, "поблагодарить вас") == [("Vladimir Putin", "support")]
    pl = pl_claims("Andrzej Duda: Pozwolę sobie podziękować panu prezydentowi za wizytę.")
    assert by_sentence(pl, "podziękować") == [("Andrzej Duda", "support")]


SPEECH_COURTESIES = {
    "ru": ("В.Путин: Уважаемый господин Президент! Спасибо, брат, за эти слова. "
           "Также был бы рад видеть Вас в Москве на торжествах в мае. "
           "Мы со своей стороны будем делать всё, чтобы укрепить наши отношения. "
           "Я не буду комментировать эти слухи сегодня. (Как переведено.)"),
    "en": ("PRESIDENT BIDEN: Mr. President, thank you very much for your hospitality today. "
           "I would be glad to welcome you in Washington later this year. "
           "We will continue to work together on the energy corridor. "
           "I'm not going to characterize private conversations."),
    "pl": ("Andrzej Duda: Panie Prezydencie, dziękuję za serdeczne przyjęcie w Kijowie. "
           "Byłbym rad gościć Pana w Warszawie jesienią tego roku. "
           "Będziemy nadal budować nasze relacje gospodarcze. "
           "Nie będę komentował tych doniesień prasowych."),
}
SPEAKERS = {"ru": "Vladimir Putin", "en": "Joe Biden", "pl": "Andrzej Duda"}
# (fragment, act, rule) per language: thanks with no verb of thanking, a welcome in the
# conditional (an invitation), a first-person pledge and a first-person refusal
COURTESY_CASES = {
    "ru": [("Спасибо, брат", "support", "speech.thanks"), ("был бы рад видеть", "propose", "speech.invitation"),
           ("будем делать всё", "assure", "speech.pledge"), ("не буду комментировать", None, None)],
    "en": [("thank you very much", "support", "speech.thanks"), ("would be glad", "propose", "speech.invitation"),
           ("We will continue", "assure", "speech.pledge"), ("not going to characterize", "reject", "speech.refusal")],
    "pl": [("dziękuję za serdeczne", "support", None), ("Byłbym rad gościć", "propose", "speech.invitation"),
           ("Będziemy nadal budować", "assure", "speech.pledge"), ("Nie będę komentował", None, None)],
}


@pytest.mark.parametrize("lang", ["ru", "en", "pl"])
def test_thanks_invitations_pledges_and_refusals_in_a_turn(lang):
    found = make_helpers(lang, "2025-04-01")[0](SPEECH_COURTESIES[lang], date="2025-04-01")
    for fragment, act, rule in COURTESY_CASES[lang]:
        here = [c for c in found if fragment in c.sentence]
        assert here, (fragment, [(c.act, c.sentence) for c in found])
        if act is None:       # a verb of its own decides ("комментировать": a statement, negated)
            assert here[0].polarity == "negated", fragment
            continue
        assert [(c.actor, c.act) for c in here] == [(SPEAKERS[lang], act)], fragment
        if rule:
            traced(here[0], trigger=rule, actor="speaker")


def test_a_transcripts_note_in_parentheses_is_no_statement():
    found = ru_claims(SPEECH_COURTESIES["ru"])
    assert by_sentence(found, "Как переведено") == []
    assert by_sentence(ru_claims("У.Эмбало: (Говорит по-русски.) Спасибо, дорогой друг."), "Говорит") == []


def test_a_label_in_capitals_naming_a_person_of_the_text_opens_that_persons_turn():
    text = ("PROWADZĄCY: Premier Donald Tusk rozmawiał z premierem Estonii. Briefing rozpoczyna "
            "rzecznik rządu Adam Szłapka.\n\n"
            "ADAM SZŁAPKA: Premier zapewnił estońskiego partnera, że Polska jest gotowa wysłać okręty.\n\n"
            "DZIENNIKARKA RMF FM: Czy premierzy rozmawiali o chińskim statku?\n\n"
            "ADAM SZŁAPKA: Tak, premier podkreślił, że odpowiedź Unii musi być stanowcza.")
    found = pl_claims(text)
    assert [c.act for c in found if "zapewnił estońskiego" in c.sentence] == ["assure"]
    assert [c.act for c in found if "odpowiedź Unii" in c.sentence] == ["state"]
    # a section head in capitals names no one the text mentions: its paragraph stays silent
    heads = "WHAT THEY SAID: The leaders agreed to meet again.\n\nQ: Did they agree?\n\nMR. KIRBY: They did."
    assert by_sentence(en_claims(heads), "agreed to meet again") == [("both", "agree")]


@pytest.mark.parametrize("lang, text, fragment, actor, rule", [
    # an English text names the body in English already
    ("en", "Prime Minister Modi met President von der Leyen. French farm unions warned on Tuesday that they "
           "would take to the streets if the deal weakened tariffs.", "farm unions", "French farm unions",
     "unnamed_body"),
    # elsewhere it is named as the English press names a body of its side: adjective and noun
    ("pl", "Donald Trump rozmawiał z Xi Jinpingiem. Chińskie ministerstwo handlu potwierdziło zawieszenie "
           "kontroli eksportowych.", "ministerstwo handlu", "Chinese Ministry", "unnamed_body.side"),
    ("ru", "Владимир Путин провёл разговор с Си Цзиньпином. Министерство торговли КНР подтвердило "
           "приостановку экспортного контроля.", "Министерство торговли", "Chinese Ministry", "unnamed_body.side"),
    # a date between it and its verb does not hide it
    ("ru", "Путин провёл разговор с Си Цзиньпином. Министерство коммерции КНР в субботу сообщило лишь о "
           "готовности к диалогу.", "Министерство коммерции", "Chinese Ministry", "unnamed_body.side"),
    # a body's own name after its noun is its name
    ("pl", "Macron rozmawiał z Xi. Chińska agencja Xinhua opisała to samo spotkanie zupełnie inaczej.",
     "Xinhua", "Chinese government", "unnamed_body.named"),
    # with no side it keeps the text's words
    ("pl", "Tusk rozmawiał z Merzem. Federacja przewoźników ostrzegła, że blokada wróci.", "Federacja",
     "Federacja przewoźników", "unnamed_body"),
])
def test_a_body_the_gazetteer_lacks_speaks_under_its_own_name_not_the_last_actors(lang, text, fragment, actor, rule):
    claim = claim_with(lang, text, fragment)
    assert claim.actor == actor
    traced(claim, actor=rule)


def test_the_parties_of_a_call_are_no_body():
    claim = en_only("Joe Biden spoke with Andrzej Duda. The parties discussed energy security in Europe.", "parties")
    assert claim.actor != "Parties"


@pytest.mark.parametrize("lang, text, actor, act", [
    ("pl", "Radosław Sikorski rozmawiał z Marco Rubio. Jeśli rozmowy zakończą się fiaskiem, Polska – jak "
           "zapowiedział – będzie naciskać w Unii na kolejny pakiet sankcji.", "Radoslaw Sikorski", "assure"),
    ("en", "Radoslaw Sikorski spoke with Marco Rubio. Poland, as he warned, will push for another sanctions "
           "package if the talks fail.", "Radoslaw Sikorski", "warn"),
    ("ru", "Владимир Путин провёл переговоры с Реджепом Эрдоганом. Россия, как он подчеркнул, готова "
           "продолжать диалог.", "Vladimir Putin", "assure"),     # (his side's readiness: a commitment)
])
def test_a_speaker_aside_after_a_comparison_marker_is_the_narratives_subject_not_the_speechs(lang, text, actor, act):
    found = make_helpers(lang, DATE)[0](text)
    assert [(c.actor, c.act) for c in found] == [(actor, act)]
    traced(found[-1], actor="quote.marker_aside")


@pytest.mark.parametrize("lang, text, fragment, act", [
    ("en", "Merz met Erdogan in Ankara. Merz called Turkey \"a strategic partner\" for Europe.", "strategic partner", "support"),
    ("en", "Biden spoke with Putin. Johnson called the plan reckless.", "reckless", "concern"),
    ("en", "Biden spoke with Putin. Peskov called the reports a complete fabrication.", "fabrication", "reject"),
    ("pl", "Tusk spotkał się ze Scholzem. Arkadiusz Mularczyk nazwał wynik rozmów „upokorzeniem”.", "upokorzeniem", "concern"),
    ("pl", "Putin rozmawiał z Trumpem. Dmitrij Pieskow nazwał te doniesienia kłamstwem.", "kłamstwem", "reject"),
    ("ru", "Путин провёл разговор с Трампом. Ким Чен Ын назвал Россию надёжным партнёром.", "партнёром", "support"),
    ("ru", "Путин провёл разговор с Трампом. В Киеве эти утверждения назвали ложью.", "ложью", "reject"),
])
def test_naming_by_an_evaluation_is_an_act_of_that_evaluation(lang, text, fragment, act):
    claim = claim_with(lang, text, fragment)
    assert claim.act == act
    traced(claim, trigger="naming.evaluation")


def test_a_call_to_someone_is_no_naming():
    found = en_claims("Biden called Erdogan on Tuesday to congratulate him on his victory.")
    assert [c.act for c in found] == ["support"] and found[0].trigger == "congratulate"


@pytest.mark.parametrize("lang, text, fragment, actor", [
    ("ru", "Начало переговоров. В.Путин: Рад Вас видеть. Р.Эрдоган (как переведено): Господин Президент, большое "
           "спасибо за приём. Мы глубоко обеспокоены ситуацией в Газе.", "обеспокоены", "Recep Tayyip Erdogan"),
    ("en", "Start of talks. PRESIDENT BIDEN: Welcome. President Erdogan (through interpreter): Thank you. We are deeply "
           "concerned about the situation in Gaza.", "concerned", "Recep Tayyip Erdogan"),
])
def test_a_note_in_parentheses_between_the_speakers_name_and_the_colon_keeps_the_turn(lang, text, fragment, actor):
    claim = claim_with(lang, text, fragment)
    assert claim.actor == actor


@pytest.mark.parametrize("lang, text, fragment", [
    ("ru", "Путин провёл разговор с Эрдоганом. «Нет, это невозможно», — ответил Дмитрий Песков на вопрос.", "невозможно"),
    ("en", "Biden spoke with Putin. \"No, that is simply not true,\" Peskov said.", "not true"),
    ("ru", "Брифинг. Вопрос: Правда ли это? Песков: Нет, это не соответствует действительности.", "соответствует"),
])
def test_a_reply_opening_with_a_bare_no_is_a_rejection(lang, text, fragment):
    claim = claim_with(lang, text, fragment)
    assert (claim.actor, claim.act) == ("Dmitry Peskov", "reject")
    traced(claim, act="act.negative_answer")


def test_a_topic_opener_is_no_act_and_a_participle_before_a_label_no_attribution():
    text = ("Форум. * * * Начало переговоров в расширенном составе В.Путин: Рад Вас видеть. Что касается "
            "двусторонних отношений, то они развиваются поступательно.")
    found = ru_claims(text)
    assert by_sentence(found, "Рад Вас видеть") == [("Vladimir Putin", "support")]
    assert by_sentence(found, "Что касается") == [("Vladimir Putin", "state")]
    assert by_sentence(en_claims("Biden met Xi. As for trade, the leaders agreed to keep talking."), "As for") == \
        [("both", "agree")]


@pytest.mark.parametrize("lang, text, fragment, rule", [
    ("ru", "В.Путин: Ваше предложение о расширении торговли очень интересное. Обязательно его рассмотрим.",
     "рассмотрим", "act.first_person_future"),
    ("ru", "В.Путин: Мы подпишем соглашение о сотрудничестве в следующем году.", "подпишем", "act.first_person_future"),
    ("pl", "Donald Tusk: To bardzo ciekawa propozycja. Zajmiemy się tą sprawą w przyszłym tygodniu.", "Zajmiemy",
     "speech.pledge"),
])
def test_what_the_speaker_will_do_in_the_first_person_future_is_a_pledge(lang, text, fragment, rule):
    claim = claim_with(lang, text, fragment)
    assert (claim.act, claim.polarity) == ("assure", "affirmed"), claim.explain
    assert rule in (claim.explain or {}).values(), claim.explain


def test_the_first_person_present_stays_a_statement():
    claim = claim_with("ru", "В.Путин: Ваше предложение очень интересное. Мы рассматриваем его очень внимательно.",
                       "рассматриваем")
    assert claim.act != "assure", claim.explain


@pytest.mark.parametrize("lang, text, fragment", [
    ("ru", "В.Орбан: Спасибо. Нужно как можно скорее садиться за стол переговоров.", "Нужно"),
    ("pl", "Donald Tusk: Dziękuję. Trzeba jak najszybciej wrócić do stołu rozmów.", "Trzeba"),
    ("en", "PRESIDENT BIDEN: Thank you. We need to get back to the negotiating table as soon as possible.", "We need"),
])
def test_a_turns_sentence_opening_with_what_must_be_done_urges_it(lang, text, fragment):
    claim = claim_with(lang, text, fragment)
    assert claim.act == "demand", claim.explain
    assert claim.explain["trigger"] == "speech.obligation", claim.explain


@pytest.mark.parametrize("lang, text, fragment, act", [
    ("ru", "В.Путин: Мы не будем уходить от ответственности, это наша позиция.", "уходить", "assure"),
    ("ru", "В.Путин: Мы никогда не забудем жертв, которые понесли ваши военнослужащие.", "забудем", "assure"),
    ("en", "MR. KIRBY: I'm not going to get ahead of the President on the schedule for next week.", "get ahead",
     "reject"),
])
def test_what_the_side_will_not_do_is_a_negated_pledge_and_what_the_speaker_will_not_say_a_refusal(
        lang, text, fragment, act):
    claim = claim_with(lang, text, fragment)
    assert (claim.act, claim.polarity) == (act, "negated"), claim.explain


def test_the_speakers_agreement_and_worry_in_a_turn():
    found = ru_claims("Э.Рахмон: Для нас это важно. В.Путин: Согласен с Вами, давайте так и сделаем.")
    assert ("Vladimir Putin", "agree") in by_sentence(found, "Согласен")
    assert by_sentence(found, "Для нас")[0][0] == "Emomali Rahmon"


def test_a_spokesmans_third_person_past_in_his_turn_is_the_ministers_act():
    text = ("Minister Radosław Sikorski rozmawiał z ministrem Johannem Wadephulem, przekazał rzecznik MSZ Paweł "
            "Wroński.\n\n"
            "PAWEŁ WROŃSKI: Minister Sikorski wyjaśnił, że kontrole pozostaną. Podkreślił, że Polska będzie je "
            "utrzymywać tak długo, jak Niemcy utrzymują swoje. Podkreśliłem to także wczoraj.")
    found = pl_claims(text)
    assert [actor for actor, _ in by_sentence(found, "Podkreślił, że Polska")] == ["Radoslaw Sikorski"]
    assert by_sentence(found, "Podkreśliłem")[0][0] == "Paweł Wroński"


def test_a_live_blogs_headline_quoting_someone_opens_no_turn():
    text = ("19:52\nTrump: Zełenski może wrócić, „gdy będzie gotowy na pokój”\n\n"
            "Spotkanie przed kamerami przerodziło się w kłótnię. Zaplanowana wspólna konferencja została odwołana.")
    assert not any(c.actor == "Donald Trump" for c in pl_claims(text) if "konferencja" in c.sentence)


@pytest.mark.parametrize("lang, text, fragment, polarity", [
    # what the speaker's country will do, in his turn, is his pledge
    ("ru", "В.Путин: Уважаемый Александр Григорьевич! Российская сторона выплатит все положенные компенсации.",
     "выплатит", "affirmed"),
    ("ru", "А.Лукашенко: Спасибо. Белоруссия всегда будет рядом с Россией, что бы ни происходило.",
     "будет рядом", "affirmed"),
    ("pl", "D.Tusk: Dziękuję. Nasz kraj będzie nadal wspierał Ukrainę w każdej sytuacji.", "Nasz kraj", "affirmed"),
    ("en", "PRESIDENT BIDEN: Thank you. Our country will stand with Ukraine for as long as it takes.",
     "Our country", "affirmed"),
])
def test_what_the_speakers_side_will_do_is_his_pledge(lang, text, fragment, polarity):
    claim = next(c for c in claims_of(lang, text) if fragment in c.sentence)
    assert (claim.act, claim.polarity) == ("assure", polarity)


def test_a_concessive_ni_negates_nothing():
    claim = next(c for c in claims_of("ru", "Лавров заявил, что Россия выполнит договор, что бы ни говорили на Западе.")
                 if "выполнит" in c.sentence)
    assert claim.polarity == "affirmed"


def test_an_honorific_label_in_capitals_opens_a_turn_of_that_surname():
    text = ("Department Press Briefing, December 3, 2021\nState Department spokesperson Ned Price on Secretary "
            "Antony Blinken's meeting with Russian Foreign Minister Sergey Lavrov in Stockholm.\n\n"
            "QUESTION: Can you tell us more about the Secretary's meeting with Foreign Minister Lavrov?\n\n"
            "MR PRICE: The Secretary was very direct. He conveyed our deep concern about Russia's plans. "
            "NATO's open-door policy is not up for negotiation.\n\n"
            "QUESTION: How did Lavrov respond?\n\n"
            "MR. PRICE: Foreign Minister Lavrov repeated some of Moscow's familiar grievances about NATO.")
    found = claims_of("en", text, "2021-12-03")
    # the question's turn ends at the label; the turn's "he" is the Secretary, not the speaker
    assert by_sentence(found, "deep concern") == [("Antony Blinken", "concern")]
    assert by_sentence(found, "open-door policy") == [("Ned Price", "state")]      # named in full before
    assert by_sentence(found, "grievances") == [("Sergey Lavrov", "state")]
    assert not by_sentence(found, "How did Lavrov respond")


@pytest.mark.parametrize("label, surname", [
    # a transcript's label of a name no analysis finds: with an interpreter's note, or an initial
    ("Хим Сопхон (как переведено):", "Sopkhon"),
    ("С.Чанда:", "Chanda"),
])
def test_a_transcripts_label_of_an_unknown_name_opens_that_persons_turn(label, surname):
    text = ("Переговоры с Председателем Сената Камбоджи. В.Путин: Уважаемый господин Председатель! "
            "Рады Вас видеть в Москве. " + label + " Благодарю Вас за приглашение. Мы предлагаем "
            "открыть прямое авиасообщение между нашими странами.")
    found = claims_of("ru", text)
    # named by the surname last, as the scorer and a reader match a person ("S. Chanda")
    assert [(c.actor.split()[-1], c.act) for c in found if "авиасообщение" in c.sentence] == [(surname, "propose")]
    assert by_sentence(found, "Рады Вас видеть") == [("Vladimir Putin", "support")]


def test_a_labels_initial_and_surname_are_the_listed_person_of_that_name():
    # the gazetteer lists "Азали Ассумани" in full only; the label gives his initial and surname
    text = ("В Кремле состоялись переговоры с Президентом Союза Коморских Островов. В.Путин: Рады Вас видеть. "
            "А.Ассумани (как переведено): Мы просим Россию рассмотреть возможность поставок пшеницы.")
    assert by_sentence(claims_of("ru", text), "Мы просим") == [("Azali Assoumani", "demand")]


def test_an_initial_and_surname_are_the_person_named_in_full_before():
    text = ("Переговоры с Премьер-министром Непала Пушпой Камалом Дахалом Прачандой. Сону Кхадка: "
            "Благодарю Вас за приглашение. С.Кхадка: Мы предлагаем открыть прямое авиасообщение.")
    speakers = {c.actor for c in claims_of("ru", text) if "Благодарю" in c.sentence or "авиасообщение" in c.sentence}
    assert len(speakers) == 1 and not speakers.pop().startswith("S. ")


def test_a_name_card_run_into_a_name_is_no_part_of_it():
    # a flattened kremlin.ru page: "Оксана Лут Лут Оксана НиколаевнаМинистр сельского хозяйства …"
    text = ("С российской стороны в переговорах приняла участие Министр сельского хозяйства Оксана Лут "
            "Лут Оксана Николаевна. Оксана Лут заявила, что поставки зерна будут увеличены.")
    assert {c.actor for c in claims_of("ru", text)} == {"Oksana Lut"}


@pytest.mark.parametrize("lang, text, act", [
    # the leave asked governs an infinitive a few words on: the speaker performs it
    ("ru", "В.Путин: Позвольте от имени председательства в АСЕАН пригласить Вас принять участие в саммите.", "propose"),
    ("ru", "В.Путин: Уважаемый друг, позвольте сердечно поздравить Вас с годовщиной революции.", "support"),
    ("pl", "D.Tusk: Pozwolę sobie w imieniu całego rządu serdecznie podziękować panu premierowi.", "support"),
    ("en", "PRESIDENT BIDEN: And I would like, on behalf of my country, to thank you.", "support"),
])
def test_a_leave_asked_performs_an_infinitive_some_words_on(lang, text, act):
    assert [c.act for c in claims_of(lang, text)] == [act]


@pytest.mark.parametrize("lang, text", [
    # a speaker's own pledge under a condition with consequences threatens them
    ("ru", "Д.Ортега (как переведено): Если давление продолжится, мы будем вынуждены пересмотреть все соглашения."),
    ("pl", "D.Tusk: Jeśli blokada potrwa dłużej, będziemy zmuszeni zamknąć przejście graniczne."),
])
def test_a_conditional_pledge_with_consequences_in_a_turn_warns(lang, text):
    assert [c.act for c in claims_of(lang, text)] == ["warn"]


def test_a_colon_after_a_verb_of_saying_opens_its_content():
    # what the speaker's country will do, said after "Хочу сказать прямо:", is his pledge
    text = ("В Кремле состоялись переговоры с Президентом Белоруссии. В.Путин: Рады Вас видеть. "
            "А.Лукашенко: Хочу сказать прямо: Белоруссия всегда будет рядом с Россией.")
    assert by_sentence(claims_of("ru", text), "Белоруссия всегда") == [("Alexander Lukashenko", "assure")]


def test_an_outlets_label_asks_a_question_and_a_headings_note_opens_no_turn():
    text = ("Transcript (excerpt): Foreign Ministry Spokesperson Mao Ning's regular press conference.\n\n"
            "Bloomberg: The EU side says Ms. Kallas demanded that China stop supporting Russia. How do you respond?\n\n"
            "Mao Ning: We firmly oppose the decision.")
    found = claims_of("en", text)
    assert by_sentence(found, "demanded") == []
    assert by_sentence(found, "firmly oppose") == [("Mao Ning", "reject")]


# ---------------------------------------------------------------- interviews and briefings (round 9)
RADIO_INTERVIEW = (
    "Gość: Władysław Kosiniak-Kamysz. Rozmawia Beata Lubecka.\n\n"
    "Beata Lubecka: Panie premierze, wczoraj był w Warszawie premier Sunak. Co Polska z tej wizyty ma?\n\n"
    "Kosiniak-Kamysz: Premier Tusk zaproponował, żeby Polska i Wielka Brytania co roku organizowały konsultacje.\n\n"
    "Lubecka: Premier Tusk mówił o nowym otwarciu. Na czym ono polega?\n\n"
    "Kosiniak-Kamysz: Nie zgadzam się z tą oceną, to jest zwyczajnie złośliwa ocena.\n\n"
    "Lubecka: Opozycja twierdzi, że porozumienie to podpis dla kamer.\n\n"
    "Kosiniak-Kamysz: Umowa jest konkretna, a jej szczegóły przedstawimy w przyszłym tygodniu.\n"
)


def test_an_interviewers_turns_report_no_claim():
    # the host asks in most of her turns and the gazetteer does not know her; "Lubecka:" is her
    # surname's label; what she puts to the guest is no claim
    found = pl_claims(RADIO_INTERVIEW)
    assert "Beata Lubecka" not in {c.actor for c in found}
    assert not [c for c in found if "Opozycja" in c.sentence or "nowym otwarciu" in c.sentence]
    assert ("Donald Tusk", "propose") in [(c.actor, c.act) for c in found]


def test_disagreeing_in_the_first_person_is_a_rejection():
    found = [c for c in pl_claims(RADIO_INTERVIEW) if "Nie zgadzam" in c.sentence]
    assert [(c.actor, c.act) for c in found] == [("Wladyslaw Kosiniak-Kamysz", "reject")]


def test_questioner_labels_open_question_turns():
    text = ("Łukasz Jasina, rzecznik MSZ: Wczoraj minister Rau rozmawiał z ministrem Kułebą.\n\n"
            "Dziennikarz TVN24: Czy to prawda, że Ławrow nie dostanie wizy? Minister Rau podobno to zapowiedział.\n\n"
            "Łukasz Jasina: Pan minister Ławrow nie otrzyma zgody na wjazd na terytorium Polski.\n")
    found = pl_claims(text)
    assert not [c for c in found if "zapowiedział" in c.sentence]
    assert [c.actor for c in found if "zgody na wjazd" in c.sentence] == ["Lukasz Jasina"]


def test_a_surname_in_capitals_after_a_title_labels_later_turns():
    # a surname the gazetteer does not know
    text = ("Kishida met Yoon.\n\nCHIEF CABINET SECRETARY NAKAGAWA: Good morning. Prime Minister Kishida and "
            "President Yoon agreed to resume shuttle diplomacy.\n\nREPORTER (Kyodo): Did he raise it?\n\n"
            "NAKAGAWA: I would like to refrain from commenting on each individual exchange.\n")
    found = [c for c in en_claims(text) if "refrain" in c.sentence]
    assert [(c.actor, c.act) for c in found] == [("Nakagawa", "reject")]


def test_a_leaders_own_country_in_his_turn_is_his_claim():
    text = ("Переговоры с Президентом Алжира Абдельмаджидом Теббуном.\n\n"
            "В.Путин: Уважаемый господин Президент! Рад Вас видеть.\n\n"
            "А.Теббун (как переведено): Спасибо, господин Президент. Алжир заинтересован в локализации "
            "производства российской техники.")
    found = [c for c in ru_claims(text, "2026-01-20") if "Алжир заинтересован" in c.sentence]
    assert [(c.actor, c.explain["actor"]) for c in found] == [("Abdelmadjid Tebboune", "speech.own_side")]


@pytest.mark.parametrize("claims_of_lang, text, fragment", [
    (ru_claims, "Путин встретился с Бердымухамедовым. В.Путин: Прошу передать самые добрые пожелания "
                "Национальному Лидеру туркменского народа.", "Прошу"),
    (en_claims, "Biden met Erdogan. Biden asked him to convey his best wishes to the people of Turkey.", "asked"),
    (pl_claims, "Duda spotkał się z Erdoganem. Duda poprosił o przekazanie serdecznych pozdrowień narodowi "
                "tureckiemu.", "poprosił"),
])
def test_asking_to_pass_on_greetings_is_support(claims_of_lang, text, fragment):
    found = [c for c in claims_of_lang(text) if fragment in c.sentence]
    assert [c.act for c in found] == ["support"]


def test_a_presenters_name_in_a_note_labels_her_later_turns_as_questions():
    # "PRESENTER (SARAH LIM):" names her; "LIM:" is her turn, a question; the correspondent's
    # turns are his reports
    text = ("PRESENTER (SARAH LIM): Albanese met Prabowo this afternoon. Our correspondent Tom Hadley is "
            "there. Tom, what came out of the talks?\n\n"
            "TOM HADLEY: Sarah, the two leaders agreed to step up defence cooperation.\n\n"
            "LIM: There were reports that Russia had asked to base aircraft in Papua. Did that come up?\n\n"
            "HADLEY: It did. President Prabowo said Indonesia would never allow any foreign power to station "
            "military assets on its territory.\n\n"
            "LIM: And on trade?\n\n"
            "HADLEY: Mr Prabowo pressed for faster access to the Australian market for Indonesian nickel.\n")
    found = en_claims(text, "2025-05-15")
    assert ("both", "agree") in [(c.actor, c.act) for c in found]
    assert ("Prabowo Subianto", "demand") in [(c.actor, c.act) for c in found]
    assert not [c for c in found if "Papua" in c.sentence]


# ---------------------------------------------------------------- a statement in the first person
FIRST_PERSON_STATEMENTS = [
    ("en", "Call with Prime Minister of Poland\n\nToday I spoke with the Prime Minister of Poland, Donald Tusk.\n\n"
           "I thanked Prime Minister Tusk for Poland's role as the hub for assistance to Ukraine. We discussed the "
           "security situation in Europe. We agreed that our Defence Ministers will meet in Canberra in June.\n\n"
           "Anthony Albanese\n\nPrime Minister of Australia",
     [("Anthony Albanese", "support"), ("both", "discuss"), ("both", "agree")]),
    ("pl", "Rozmawiałem dziś z premierem Australii Anthonym Albanese. Podziękowałem mu za wsparcie dla Ukrainy. "
           "Omówiliśmy sytuację w Europie.\n\nDonald Tusk",
     [("Donald Tusk", "support"), ("both", "discuss")]),
    ("ru", "Сегодня я провёл телефонный разговор с Президентом Казахстана Касым-Жомартом Токаевым. Я поблагодарил "
           "его за поддержку. Мы обсудили торговлю и энергетику.\n\nШавкат Мирзиёев",
     [("Shavkat Mirziyoyev", "support"), ("both", "discuss")]),
]


@pytest.mark.parametrize("lang, text, expected", FIRST_PERSON_STATEMENTS)
def test_a_statement_in_the_first_person_is_its_signatorys(lang, text, expected):
    claims = extract_loaded(load_bytes(text.encode(), f"t.{lang}.txt", lang=lang, date="2026-03-26"),
                            backend="offline").claims
    assert [(c.actor, c.act) for c in claims] == expected
    assert {c.rule.split(":")[-1] for c in claims} <= {"narrator.first_person", "narrator.we"}


def test_a_columnists_i_is_no_partys():
    text = ("Rozmawiałem wczoraj z dyplomatą. Zapytałem go o rozmowę Tuska z Albanese. Donald Tusk rozmawiał "
            "z premierem Australii Anthonym Albanese. Premierzy omówili sytuację w Europie.")
    claims = extract_loaded(load_bytes(text.encode(), "t.pl.txt", lang="pl", date="2026-03-26"),
                            backend="offline").claims
    assert not any(c.rule.endswith(("narrator.first_person", "narrator.we")) for c in claims)


@pytest.mark.parametrize("fragment, actor", [
    ("Наши компании готовы", "Vladimir Putin"),          # a body of the speaker's side, by "our"
    ("Российские компании готовы", "Vladimir Putin"),    # by its nationality
    ("Чад высоко ценит", "Mahamat Déby"),                # a guest's own country, though no office of Chad is listed
])
def test_a_speaker_speaks_for_his_sides_bodies_and_country_in_his_turn(fragment, actor):
    text = ("Владимир Путин провёл переговоры с Президентом Республики Чад Махаматом Деби.\n\n"
            "В.Путин: Уважаемый господин Президент! Российские компании готовы участвовать в разработке "
            "месторождений. Наши компании готовы принять участие в таких проектах.\n\n"
            "М.Деби (как переведено): Спасибо. Чад высоко ценит равноправный характер отношений с Россией.")
    claim = next(c for c in make_helpers("ru", DATE)[0](text) if c.sentence.startswith(fragment))
    assert claim.actor == actor
    traced(claim, actor="speech.own_side")


def test_counting_on_the_other_side_is_a_request():
    text = ("Владимир Путин провёл переговоры с Премьер-министром Малайзии Анваром Ибрагимом.\n\n"
            "В.Путин: Уважаемый господин Премьер-министр! Мы рассчитываем на вашу поддержку в продвижении "
            "совместных инициатив.")
    claim = next(c for c in make_helpers("ru", DATE)[0](text) if "рассчитываем" in c.sentence)
    assert (claim.actor, claim.act) == ("Vladimir Putin", "demand")


@pytest.mark.parametrize("turn, act", [
    ("С удовольствием.", "agree"),                        # taking up the invitation
    ("Спасибо, с удовольствием приеду.", "agree"),         # …in the first-person future: accepting, no pledge
    ("С удовольствием посещу Россию.", "agree"),
])
def test_an_invitation_taken_up_with_pleasure_is_accepted(turn, act):
    text = ("Владимир Путин провёл переговоры с Президентом Габона.\n\n"
            "В.Путин: Приглашаю Вас посетить Россию в следующем году.\n\n"
            f"Б.Олиги Нгема: {turn}")
    claim = next(c for c in make_helpers("ru", DATE)[0](text) if c.sentence.endswith(turn))
    assert claim.act == act


def test_a_reflexive_verb_of_discussing_opening_a_sentence_is_passive():
    text = ("Владимир Путин провёл телефонный разговор с Султаном Омана. Затрагивалась также ситуация "
            "вокруг Украины.")
    claim = next(c for c in make_helpers("ru", DATE)[0](text) if c.trigger == "Затрагивалась")
    assert claim.actor == "both" and claim.act == "discuss"
    traced(claim, actor="passive.joint")


@pytest.mark.parametrize("turn, act", [
    ("Давайте поручим министрам проработать Ваши предложения.", "propose"),   # "let's": a proposal
    ("Хорошо, давайте обсудим.", "agree"),                                    # after assent: agreeing
])
def test_lets_proposes_and_after_assent_agrees(turn, act):
    text = ("Владимир Путин провёл переговоры с Президентом Южной Осетии Аланом Гаглоевым.\n\n"
            f"В.Путин: {turn}")
    claim = next(c for c in make_helpers("ru", DATE)[0](text) if c.sentence.endswith(turn))
    assert claim.act == act


def test_an_unsigned_first_person_statement_is_the_other_named_countrys_leaders():
    text = ("Call with Prime Minister of Japan\n\nToday I spoke with the Prime Minister of Japan, Sanae Takaichi.\n\n"
            "I congratulated Prime Minister Takaichi on the passage of Japan's budget. I assured her that Australia "
            "will remain a reliable supplier of energy. Australia and Japan are Special Strategic Partners.")
    claims = make_helpers("en", DATE)[0](text, date="2026-04-08")
    assert {c.actor for c in claims if c.trigger in ("congratulated", "assured")} == {"Anthony Albanese"}


def test_a_reporters_turn_that_asks_nothing_narrates():
    text = ("ВЕДУЩАЯ: Главная тема — визит Путина в Узбекистан. Олег, что подписали?\n\n"
            "КОРРЕСПОНДЕНТ: Доброе утро. Путин и Мирзиёев договорились, что «Росатом» построит станцию. "
            "Отдельно обсуждались трудовые мигранты.\n\n"
            "ВЕДУЩАЯ: Что говорили сами президенты? Мирзиёев, говорят, просил о квотах.\n")
    found = ru_claims(text, date="2024-05-28")
    assert by_sentence(found, "договорились") == [("both", "agree")]
    assert by_sentence(found, "обсуждались") == [("both", "discuss")]
    assert by_sentence(found, "просил о квотах") == []      # the host's turn asks: no claim


def test_a_correspondents_turn_in_english_narrates_too():
    text = ("HOST: Our correspondent is in Warsaw. What happened?\n\n"
            "CORRESPONDENT: Prime Minister Tusk thanked President Biden for the Patriot batteries.\n")
    assert by_sentence(en_claims(text), "thanked President Biden") == [("Donald Tusk", "support")]


def test_we_who_discussed_or_agreed_in_a_leaders_turn_are_both():
    text = ("В.Путин: Уважаемый господин Президент! Обменялись мнениями по международной проблематике. "
            "Мы договорились о расширении квот. Мы обязательно рассмотрим Ваши предложения.\n\n"
            "П.Мутарика (как переведено): Спасибо.")
    found = ru_claims(text, date="2026-04-07")
    assert by_sentence(found, "Обменялись") == [("both", "discuss")]
    assert by_sentence(found, "договорились") == [("both", "agree")]
    # what "we" will do is the speaker's side's pledge, no joint act done
    assert by_sentence(found, "рассмотрим") == [("Vladimir Putin", "assure")]


def test_we_agreed_in_a_polish_ministers_turn_is_both():
    text = ("Szef MON Władysław Kosiniak-Kamysz rozmawiał z ministrem Umerowem.\n\n"
            "Władysław Kosiniak-Kamysz: Rozmawialiśmy przez godzinę. Uzgodniliśmy, że nasze "
            "zespoły przygotują harmonogram szkoleń.\n\nProwadzący: Dziękuję.")
    assert by_sentence(pl_claims(text), "Uzgodniliśmy") == [("both", "agree")]


def test_a_news_channels_label_with_where_or_to_whom_opens_a_turn_to_the_paragraphs_end():
    text = ("Путин и Алиев провели телефонный разговор.\n\n"
            "Ушаков журналистам: разговор был тёплым и обстоятельным.\n\n"
            "Президенты договорились продолжить контакты.\n\n"
            "Лавров и Ван И: «сверка часов» продолжается.")
    found = ru_claims(text, date="2025-12-26")
    assert by_sentence(found, "разговор был тёплым") == [("Yuri Ushakov", "state")]
    assert by_sentence(found, "договорились") == [("both", "agree")]     # the turn ended with its paragraph
    assert by_sentence(found, "сверка часов") == []                        # two names: a heading


def test_a_verbless_label_before_a_quote_opens_a_turn():
    text = ("Trump rozmawiał z Putinem.\n\n"
            "Szef MSZ Radosław Sikorski na platformie X: „Każda rozmowa o pokoju jest dobra”.")
    assert [c.actor for c in pl_claims(text, date="2026-01-29") if "platformie" in c.sentence] == ["Radoslaw Sikorski"]




def test_an_initial_and_a_listed_surname_no_analysis_found_label_the_listed_person():
    text = ("Владимир Путин провёл переговоры с Президентом Филиппин.\n\n"
            "Ф.Маркос-младший (как переведено): Спасибо за поздравления.")
    assert [c.actor for c in ru_claims(text, date="2026-06-02") if "поздравления" in c.sentence] == \
        ["Ferdinand Marcos Jr."]


def test_a_label_of_initials_and_a_listed_surname_is_that_person_not_a_longer_name_it_stems_to():
    # "Али" alone may read as Aliyev ("Алиев" is also the genitive plural of "Али"); the initials tell
    text = ("В Кремле прошли переговоры Владимира Путина с Президентом Гайаны Ирфааном Али.\n\n"
            "В.Путин: Уважаемый господин Президент! Рад Вас видеть.\n\n"
            "М.И.Али (как переведено): Большое спасибо, господин Президент, за тёплый приём.")
    assert by_sentence(ru_claims(text, date="2026-01-21"), "тёплый приём") == [("Irfaan Ali", "support")]
