"""Polish claims: one group of cases per rule family of issue 5, on sentences written for these
tests (never taken from the dev or data texts). The offline backend is used so that the tests
do not depend on downloaded models."""
from __future__ import annotations

import pytest
from claims_helpers import claims_in, make_helpers, traced

from readouts.load import load_bytes
from readouts.pipeline import extract_loaded

LANG = "pl"
DATE = "2022-02-13"     # a Sunday: "w czwartek" is 2022-02-10; Biden is the US president


claims, only, check, xfail = make_helpers(LANG, DATE)


# ---------------------------------------------------------------- verb triggers by lemma
@pytest.mark.parametrize("text, fragment, actor, act", [
    ("Prezydent Biden ostrzegł Władimira Putina, że Zachód odpowie stanowczo.", "ostrzegł", "Joe Biden", "warn"),
    ("Putin zapewniał rozmówcę, że Moskwa nie planuje inwazji.", "zapewniał", "Vladimir Putin", "assure"),
    ("Donald Tusk zaapelował do sojuszników o jedność.", "zaapelował", "Donald Tusk", "demand"),
    ("Kanclerz Niemiec poparł nowe sankcje.", "poparł", "Olaf Scholz", "support"),
    ("Biden podziękował Scholzowi za wsparcie.", "podziękował", "Joe Biden", "support"),
    ("Putin odrzucił zarzuty o przygotowania do ataku.", "odrzucił", "Vladimir Putin", "reject"),
    ("Biden odmówił wycofania wojsk z Europy Wschodniej.", "odmówił", "Joe Biden", "reject"),
    ("Putin zażądał od NATO gwarancji bezpieczeństwa.", "zażądał", "Vladimir Putin", "demand"),
    ("Macron zaproponował zorganizowanie szczytu w Genewie.", "zaproponował", "Emmanuel Macron", "propose"),
    ("Zełenski skrytykował decyzję Kremla.", "skrytykował", "Volodymyr Zelensky", "concern"),
    ("Scholz pogratulował Bidenowi udanej rozmowy.", "pogratulował", "Olaf Scholz", "support"),
    ("Prezydent Rosji podkreślił, że jego kraj chce pokoju.", "podkreślił", "Vladimir Putin", "state"),
])
def test_verb_triggers_by_lemma(text, fragment, actor, act):
    check(only(text, fragment), actor=actor, act=act)


# ---------------------------------------------------------------- light verbs
@pytest.mark.parametrize("text, actor, act, trigger", [
    ("Biden wyraził zaniepokojenie koncentracją wojsk rosyjskich.", "Joe Biden", "concern", "wyraził zaniepokojenie"),
    ("Biden wyraził poparcie dla suwerenności Ukrainy.", "Joe Biden", "support", "wyraził poparcie"),
    ("Macron złożył propozycję nowego spotkania.", "Emmanuel Macron", "propose", "złożył propozycję"),
    ("Zełenski przekazał podziękowania za pomoc wojskową.", "Volodymyr Zelensky", "support", "przekazał podziękowania"),
])
def test_light_verbs_take_the_act_of_their_noun(text, actor, act, trigger):
    c = only(text, text[:10])
    check(c, actor=actor, act=act, rule="light_verb.object:mention")
    traced(c, trigger="light_verb.object", actor="mention", via="name")
    assert c.trigger == trigger


# ---------------------------------------------------------------- impersonal forms
@pytest.mark.parametrize("text, fragment, act", [
    ("Podkreślono znaczenie dialogu. Uzgodniono, że rozmowy będą kontynuowane.", "Podkreślono", "state"),
    ("Podkreślono znaczenie dialogu. Uzgodniono, że rozmowy będą kontynuowane.", "Uzgodniono", "agree"),
    ("Omówiono sytuację na granicy z Ukrainą.", "Omówiono", "discuss"),
])
def test_impersonal_forms_take_the_actor_of_the_account(text, fragment, act):
    c = only(text, fragment)
    check(c, actor="both", act=act)
    traced(c, trigger="verb.act", actor="impersonal")


# ---------------------------------------------------------------- nominal and phrase triggers
@pytest.mark.parametrize("text, actor, act", [
    ("Rosja wystąpiła z propozycją nowego traktatu.", "Russia", "propose"),
    ("Przywódcy wymienili poglądy na temat bezpieczeństwa w Europie.", "both", "discuss"),
    ("Scholz opowiedział się za kontynuowaniem rozmów.", "Olaf Scholz", "support"),
    ("Putin dał jasno do zrozumienia, że nie ustąpi.", "Vladimir Putin", "state"),
])
def test_phrase_triggers(text, actor, act):
    c = only(text, text[:10])
    check(c, actor=actor, act=act)
    traced(c, trigger="phrase")


@xfail("the light verb 'zwrócił się' (state) and the phrase 'z prośbą' (demand) both fire: two claims "
       "for one request, and the request's addressee becomes 'United States' instead of Joe Biden")
def test_request_with_addressee_between_verb_and_noun():
    c = only("Zełenski zwrócił się do Bidena z prośbą o dodatkowe wsparcie.", "Zełenski")
    check(c, actor="Volodymyr Zelensky", act="demand", addressee="Joe Biden")


# ---------------------------------------------------------------- joint acts
@pytest.mark.parametrize("text, act", [
    ("Obaj prezydenci uzgodnili, że zespoły pozostaną w kontakcie.", "agree"),
    ("Obie strony zgodziły się kontynuować rozmowy.", "agree"),
    ("Biden i Putin uzgodnili, że rozmowy będą kontynuowane.", "agree"),
    ("Przywódcy omówili sytuację na Bałkanach.", "discuss"),
])
def test_joint_acts_are_both(text, act):
    check(only(text, text[:10]), actor="both", act=act)


# ---------------------------------------------------------------- pronouns and subjectless verbs
def test_subjectless_verb_takes_the_last_subject_of_its_gender():
    text = ("Biden rozmawiał z Putinem. Prezydent USA ostrzegł, że sankcje będą dotkliwe. "
            "Zapowiedział też nowe dostawy broni dla Kijowa.")
    c = only(text, "Zapowiedział")
    check(c, actor="Joe Biden", act="assure")
    traced(c, trigger="verb.act", actor="subjectless.gender")


def test_subjectless_verb_after_a_title():
    text = "Gospodarz Kremla rozmawiał z Macronem. Zapewnił, że Rosja nie zamierza atakować sąsiadów."
    check(only(text, "Zapewnił"), actor="Vladimir Putin", act="assure", polarity="negated")


def test_pronoun_subject():
    text = "Putin długo rozmawiał z Bidenem. On sam zaproponował kolejne spotkanie w styczniu."
    check(only(text, "On sam"), actor="Vladimir Putin", act="propose")


# ---------------------------------------------------------------- office titles by date
@pytest.mark.parametrize("date, actor", [("2022-02-13", "Joe Biden"), ("2025-03-19", "Donald Trump")])
def test_us_president_title_by_publication_date(date, actor):
    text = "Lokator Białego Domu wezwał Moskwę do zawieszenia broni. Prezydent USA zaproponował rozejm."
    found = claims(text, date=date)
    assert [(c.actor, c.act) for c in found] == [(actor, "demand"), (actor, "propose")]
    assert found[0].addressee == "Russia"


@pytest.mark.parametrize("text, actor", [
    ("Gospodarz Kremla zapowiedział, że odpowie na sankcje.", "Vladimir Putin"),
    ("Rosyjski przywódca dodał, że oczekuje od Zachodu pisemnych gwarancji.", "Vladimir Putin"),
    ("Prezydent Francji zaproponował zorganizowanie szczytu.", "Emmanuel Macron"),
    ("Szef rosyjskiej dyplomacji odrzucił amerykańskie propozycje.", "Sergey Lavrov"),
])
def test_office_titles(text, actor):
    assert only(text, text[:10]).actor == actor


# ---------------------------------------------------------------- inflected names
def test_inflected_names_become_canonical_english():
    text = "Biden przekazał Putinowi, że Waszyngton jest gotowy do rozmów. Zełenskiemu obiecał wsparcie."
    c = only(text, "Putinowi")
    assert c.actor == "Joe Biden" and c.addressee == "Vladimir Putin"
    loaded = load_bytes(text.encode(), "t.pl.txt", lang=LANG, date=DATE)
    actors = {a.name: a.mentions for a in extract_loaded(loaded, backend="offline").actors}
    assert "Putinowi" in actors["Vladimir Putin"]
    assert "Zełenskiemu" in actors["Volodymyr Zelensky"]


# ---------------------------------------------------------------- negation
@pytest.mark.parametrize("text, fragment, act, polarity", [
    ("Putin zapewnił, że Rosja nie zamierza atakować Ukrainy.", "zapewnił", "assure", "negated"),
    ("Putin nie zgodził się na wycofanie wojsk.", "zgodził", "agree", "negated"),
    ("Biden nie złożył żadnych zobowiązań w sprawie NATO.", "złożył", "assure", "negated"),
    ("Putin odrzucił zarzuty o przygotowania do ataku.", "odrzucił", "reject", "affirmed"),
    ("Biden oświadczył, że USA nie tylko wspierają Ukrainę, ale też Polskę.", "oświadczył", "state", "affirmed"),
])
def test_negation(text, fragment, act, polarity):
    check(only(text, fragment), act=act, polarity=polarity)


# ---------------------------------------------------------------- hedging
@pytest.mark.parametrize("text, fragment, hedged", [
    ("Biden miał zapewnić Putina, że USA nie rozmieszczą rakiet na Ukrainie.", "zapewnić", True),
    ("Putin rzekomo zagroził zerwaniem stosunków.", "zagroził", True),
    ("Według Kremla Putin zapewnił, że Rosja nie planuje ataku.", "zapewnił", False),
])
def test_hedging(text, fragment, hedged):
    assert only(text, fragment).hedged is hedged


def test_alleged_act_keeps_its_act_and_actor():
    c = only("Biden miał zapewnić Putina, że USA nie rozmieszczą rakiet na Ukrainie.", "Biden")
    check(c, actor="Joe Biden", act="assure", polarity="negated", hedged=True, addressee="Vladimir Putin",
          trigger="miał zapewnić")   # the contract's example: the auxiliary belongs to the trigger


# ---------------------------------------------------------------- conditions
@pytest.mark.parametrize("text, act, conditional", [
    ("Biden przekazał Putinowi, że w razie eskalacji Stany Zjednoczone nałożą surowe sankcje.", "warn", True),
    ("Biden ostrzegł, że jeśli Rosja zaatakuje Ukrainę, zapłaci wysoką cenę.", "warn", True),
    ("Putin zapewnił, że Rosja wycofa wojska, o ile NATO wstrzyma ćwiczenia.", "assure", True),
    ("Biden ostrzegł Putina przed poważnymi konsekwencjami.", "warn", False),
])
def test_conditions(text, act, conditional):
    check(only(text, text[:10]), act=act, conditional=conditional)


# ---------------------------------------------------------------- addressee
@pytest.mark.parametrize("text, addressee", [
    ("Amerykański prezydent wezwał Rosję do deeskalacji.", "Russia"),
    ("Biden ostrzegł Putina przed inwazją na Ukrainę.", "Vladimir Putin"),
    ("Putin zażądał od NATO gwarancji bezpieczeństwa.", "NATO"),
    ("Biden rozmawiał z Putinem. Prezydent Rosji zapewniał rozmówcę, że Moskwa nie planuje inwazji.",
     "Joe Biden"),
])
def test_addressee(text, addressee):
    assert claims(text)[-1].addressee == addressee


# ---------------------------------------------------------------- reported_by
def test_reported_by_carries_over_and_stops_at_background():
    text = ("Według Kremla Putin zaproponował nowe rozmowy. Zapewnił też, że Rosja nie planuje ataku.\n\n"
            "Wcześniej Biden zapowiadał twarde sankcje wobec Moskwy.")
    found = claims(text)
    assert [(c.actor, c.reported_by) for c in found] == [
        ("Vladimir Putin", "kremlin"), ("Vladimir Putin", "kremlin"), ("Joe Biden", None)]


def test_reported_by_changes_when_another_source_takes_over():
    text = "Według Białego Domu Biden ostrzegł Putina. Kreml podał natomiast, że Putin odrzucił te oskarżenia."
    found = claims(text)
    assert [(c.actor, c.act, c.reported_by) for c in found] == [
        ("Joe Biden", "warn", "whitehouse"), ("Vladimir Putin", "reject", "kremlin")]


def test_attribution_clause_names_the_source():
    text = "Jak poinformował Kreml, Putin zaproponował spotkanie. Prezydent Rosji zaznaczył też, że sankcje szkodzą."
    assert [(c.actor, c.reported_by) for c in claims(text)] == [
        ("Vladimir Putin", "kremlin"), ("Vladimir Putin", "kremlin")]


def test_official_readout_leaves_reported_by_empty():
    text = ("Prezydent Andrzej Duda odbył rozmowę telefoniczną z prezydentem Ukrainy.\n\n"
            "Prezydent Duda zapewnił o wsparciu Polski dla Ukrainy.")
    c = only(text, "zapewnił", source="ministry")
    check(c, actor="Andrzej Duda", reported_by=None)
    assert c.act in ("assure", "support")     # "zapewnił o wsparciu": either is defensible


# ---------------------------------------------------------------- not claims
@pytest.mark.parametrize("text", [
    "Rozmowa trwała godzinę. Prezydenci rozmawiali przez telefon w sobotę.",
    "Czy Rosja zaatakuje Ukrainę?",
    "Rozmowa odbyła się z inicjatywy strony amerykańskiej.",
    "Przypomnijmy, że Rosja zgromadziła wojska przy granicy.",
    "Atmosfera rozmowy była napięta, ale rzeczowa.",
    "Czytaj także: Jak wyglądały poprzednie rozmowy?",
])
def test_not_claims(text):
    assert claims(text) == []


def test_media_attribution_of_the_event_is_no_claim():
    assert claims("Jak podaje PAP, Biden i Putin rozmawiali przez telefon w sobotę.") == []


# ---------------------------------------------------------------- two claims in one sentence
def test_two_claims_in_one_sentence():
    text = "Biden wyraził poparcie dla suwerenności Ukrainy i wezwał Rosję do wycofania wojsk."
    found = claims(text)
    assert [(c.actor, c.act) for c in found] == [("Joe Biden", "support"), ("Joe Biden", "demand")]
    assert found[0].sentence == found[1].sentence == text
    assert found[1].addressee == "Russia"


def test_two_claims_of_two_actors_in_one_sentence():
    found = claims("Biden ostrzegł Putina przed inwazją, a Putin odrzucił te zarzuty.")
    assert [(c.actor, c.act) for c in found] == [("Joe Biden", "warn"), ("Vladimir Putin", "reject")]


def test_second_verb_after_content_clause():
    found = claims("Putin podkreślił, że Rosja chce pokoju, i zaproponował nowe spotkanie.")
    assert [(c.actor, c.act) for c in found] == [("Vladimir Putin", "state"), ("Vladimir Putin", "propose")]


# ---------------------------------------------------------------- quotes
def test_quote_attributed_after_a_dash():
    # what the speaker's side will not allow is where it stands, not a pledge
    c = only("„Nie pozwolimy na agresję” – powiedział Biden.", "powiedział")
    check(c, actor="Joe Biden", act="state", polarity="negated")
    traced(c, quote="quote.closing_mark", actor="quote.speaker_after", via="name")


def test_quote_speaker_after_the_verb_wins_over_a_name_inside_the_quote():
    c = only("„Rosja nie zaatakuje Ukrainy” – zapewnił rosyjski przywódca.", "zapewnił")
    check(c, actor="Vladimir Putin", act="assure", polarity="negated")


# ---------------------------------------------------------------- offsets and dates
def test_offsets_and_sentence_dates():
    text = ("Rozmowa trwała godzinę.\n\nW czwartek Putin zapewnił Macrona, że Rosja nie eskaluje konfliktu.\n"
            "Biden dodał, że decyzja zapadnie 20 lutego.")
    found = claims(text)
    assert [(c.actor, c.dates) for c in found] == [("Vladimir Putin", ["2022-02-10"]), ("Joe Biden", ["2022-02-20"])]
    for c in found:
        assert text[c.start:c.stop] == c.sentence
    assert found[0].sentence.startswith("W czwartek") and found[0].sentence.endswith("konfliktu.")


def test_offsets_with_crlf_line_ends():
    text = "Biden rozmawiał z Putinem.\r\n\r\nPutin zaproponował\r\nnowe rozmowy w Genewie."
    c = only(text, "zaproponował")
    assert text[c.start:c.stop] == c.sentence == "Putin zaproponował\r\nnowe rozmowy w Genewie."


def test_press_article_citing_official_readouts_in_the_plural_is_no_readout():
    text = ("Rozmowa przebiegła nerwowo, niż sugerują oficjalne komunikaty. Biden zapewnił Zełenskiego o wsparciu.\n\n"
            "Według komunikatu Białego Domu Biden potwierdził, że USA odpowiedzą.")
    loaded = load_bytes(text.encode(), "claims-test.pl.txt", lang="pl", date="2022-01-28")
    extraction = extract_loaded(loaded, backend="offline")
    assert extraction.document.source == "press"
    assert [c.reported_by for c in extraction.claims if "potwierdził" in c.sentence] == ["whitehouse"]


@pytest.mark.parametrize("text, act", [
    ("Rozmowa dotyczyła przede wszystkim sytuacji na Ukrainie.", "discuss"),
    ("Rozmowa trwała godzinę i była poświęcona bezpieczeństwu w regionie.", "discuss"),
])
def test_what_the_conversation_was_about_is_discussed_by_both(text, act):
    check(only(text, text[:12]), actor="both", act=act)


@pytest.mark.parametrize("text, act", [
    ("Putin przystał na tę propozycję.", "agree"),
    ("Putin obarczył odpowiedzialnością za eskalację władze w Kijowie.", "concern"),
])
def test_agreeing_and_blaming_verbs(text, act):
    check(only(text, "Putin"), actor="Vladimir Putin", act=act)


# ---------------------------------------------------------------- relayed speech
def test_unknown_spokesman_relays_the_inner_claim():
    text = "Rzecznik rządu Jan Kowalczyk przekazał, że premier Donald Tusk zapewnił Meloni, że Polska poprze plan."
    found = claims(text, date="2025-03-04")
    assert len(found) == 1, [(c.actor, c.act, c.trigger) for c in found]
    check(found[0], actor="Donald Tusk", act="assure")


def test_jak_dodal_is_attribution_and_title_continues_the_subject():
    text = ("Mieszko Pawlak przekazał, że Andrzej Duda zapewnił tureckiego przywódcę, że Polska pomoże. "
            "Jak dodał, prezydent podkreślił również, że Turcja jest ważnym sojusznikiem.")
    check(only(text, "Jak dodał", date="2024-10-08"), actor="Andrzej Duda", act="state")


# ---------------------------------------------------------------- extraction fixes (round 6)
def test_dash_quote_after_a_joined_sentence_keeps_both_claims():
    # the splitter keeps ". –" together: the dash quote is the second sentence's, not the first's
    text = ("Donald Tusk rozmawiał w piątek z Emmanuelem Macronem. "
            "Premier podkreślił, że umowa otwiera nowy rozdział we wzajemnych relacjach. "
            "– To realne zobowiązanie do pomocy – powiedział szef polskiego rządu.")
    found = [c for c in claims(text, date="2025-05-09") if "rozmawiał" not in c.sentence]
    assert [(c.actor, c.trigger) for c in found] == [("Donald Tusk", "podkreślił"), ("Donald Tusk", "powiedział")]


def test_account_of_the_call_itself_is_no_claim():
    text = "Macron rozmawiał z Putinem. Kreml przedstawił przebieg rozmowy inaczej."
    assert [c for c in claims(text) if "Kreml" in c.sentence] == []


@pytest.mark.parametrize("lang, text, actor, act", [
    # a frame whose content clause drops its subject: the speaker's own act, not his statement
    ("pl", "Zełenski napisał na Twitterze, że podziękował Bidenowi za nieustające wsparcie.",
     "Volodymyr Zelensky", "support"),
    ("ru", "Зеленский написал, что поблагодарил Байдена за поддержку.", "Volodymyr Zelensky", "support"),
    # a plural verb is not the singular speaker's: the sides agreed, he told of it
    ("ru", "Путин сообщил, что договорились о продолжении контактов.", "both", "agree"),
])
def test_a_frames_subjectless_content_verb_is_the_speakers_act(lang, text, actor, act):
    assert [(c.actor, c.act) for c in claims_in(lang, text, "2023-02-21")] == [(actor, act)]


@pytest.mark.parametrize("text, actor, act", [
    # a condition inside the quote does not make the attribution's verb conditional clause
    ("„Niemcy nie zostawią Polski samej, jeśli Rosja posunie się dalej” – zapewnił Merz.", "Friedrich Merz", "assure"),
    # a foreign name right after the verb is its subject whatever case the tagger guessed
    ("Zwiększymy je – powiedział Trump dziennikarzom.", "Donald Trump", "assure"),
])
def test_a_dash_attribution_after_a_quote(text, actor, act):
    assert [(c.actor, c.act) for c in claims_in("pl", text, "2025-09-04")] == [(actor, act)]


@pytest.mark.parametrize("lang, text, found", [
    ("pl", "Obaj przywódcy podpisali wspólny plan działań na rzecz partnerstwa.", [("both", "agree")]),
    ("pl", "Przywódcy podpisali wspólne oświadczenie o pogłębieniu partnerstwa.", [("both", "agree")]),
    ("ru", "Путин и Си Цзиньпин подписали дорожную карту сотрудничества.", [("both", "agree")]),
    ("en", "The two leaders signed a joint statement on the partnership.", [("both", "agree")]),
    # a verbal noun shares its verb's lemma but is no predicate
    ("pl", "Podpisanie traktatu zbiegło się z obchodzonym 9 maja Dniem Europy.", []),
])
def test_signing_a_joint_document_is_an_agreement(lang, text, found):
    assert [(c.actor, c.act) for c in claims_in(lang, text, "2024-06-26")] == found


def test_a_negated_light_verb_reaches_its_noun_over_two_adjectives():
    text = "Putin rozmawiał z Xi. Prezydent Xi nie złożył Putinowi żadnych nowych zobowiązań."
    found = [(c.actor, c.act, c.polarity) for c in claims_in("pl", text, "2024-06-26")]
    assert found == [("Xi Jinping", "assure", "negated")]


@pytest.mark.parametrize("text, actor, addressee", [
    # a gazetteer name with an ending its listed form lacks is an object, not the subject after
    # the verb: "Xi Jinpinga", "Wołodymyra Zełenskiego"
    ("Emmanuel Macron – jak sam relacjonował po rozmowach – wezwał Xi Jinpinga, by Chiny ograniczyły eksport.",
     "Emmanuel Macron", "Xi Jinping"),
    ("Nehammer przyjechał do Kijowa. W sobotę, podczas wizyty, zapewnił Wołodymyra Zełenskiego o pełnym poparciu.",
     "Karl Nehammer", "Volodymyr Zelensky"),
])
def test_an_inflected_name_after_the_verb_is_its_object(text, actor, addressee):
    found = [(c.actor, c.addressee) for c in claims_in("pl", text, "2024-05-07")][-1:]
    assert found == [(actor, addressee)]


def test_kim_alone_is_the_north_korean_leader_not_the_pronoun():
    text = ("Kim Dzong Un spotkał się z Putinem. Agencja KCNA podała, że Kim zaprosił rosyjskiego przywódcę "
            "do Pjongjangu. Według agencji Kyodo Kim podobno prosił też o technologie.")
    assert [c.actor for c in claims_in("pl", text, "2023-09-14")] == ["Kim Jong Un", "Kim Jong Un"]


@pytest.mark.parametrize("lang, text", [
    ("pl", "Kim Dzong Un zaprosił Putina do Pjongjangu, a ten przyjął zaproszenie z wdzięcznością."),
    ("ru", "Ким Чен Ын пригласил Путина в Пхеньян, и тот принял приглашение."),
    ("en", "Kim Jong Un invited Putin to Pyongyang, and the latter accepted the invitation."),
])
def test_the_latter_is_the_person_named_who_is_no_subject(lang, text):
    found = [(c.actor, c.act) for c in claims_in(lang, text, "2023-09-14")]
    assert found == [("Kim Jong Un", "propose"), ("Vladimir Putin", "agree")]


@pytest.mark.parametrize("lang, text, attribution", [
    ("pl", "Zełenski rozmawiał z Macronem. „Podziękowałem Emmanuelowi za niezachwiane wsparcie” – napisał na Telegramie.",
     "napisał"),
    ("en", "Zelensky spoke with Macron. \"I thanked Emmanuel for his unwavering support,\" Zelensky wrote.", "wrote"),
    ("ru", "Зеленский поговорил с Макроном. «Я поблагодарил Эммануэля за поддержку», — написал Зеленский.", "написал"),
])
def test_a_principals_quote_takes_the_act_of_his_own_first_person_verb(lang, text, attribution):
    claim = claims_in(lang, text, "2026-02-24")[-1]
    assert (claim.actor, claim.act, claim.trigger) == ("Volodymyr Zelensky", "support", attribution)


def test_a_negated_first_person_verb_in_the_quote_gives_no_act():
    text = "Zełenski rozmawiał z Macronem. „Nie prosiłem o nic więcej” – napisał Zełenski."
    assert claims_in("pl", text, "2026-02-24")[-1].act != "demand"


@pytest.mark.parametrize("lang, text, actor", [
    ("pl", "Szef MON zapowiedział, że Polska w przyszłym roku przeznaczy na obronność 5 proc. PKB.",
     "Wladyslaw Kosiniak-Kamysz"),
    # a longer title names another side's minister
    ("pl", "Szef MON Rosji ostrzegł Polskę przed konsekwencjami.", "Andrei Belousov"),
    ("ru", "Министр обороны Польши заявил, что Варшава увеличит расходы.", "Wladyslaw Kosiniak-Kamysz"),
])
def test_the_polish_defence_minister_by_title(lang, text, actor):
    assert claims_in(lang, text, "2026-06-10")[0].actor == actor


@pytest.mark.parametrize("lang, text, actor, act", [
    # "co" before a name is the relative pronoun, not the preposition of "co tydzień"
    ("pl", "Modi spotkał się z Putinem w lipcu, co Zełenski nazwał wówczas „ogromnym rozczarowaniem”.",
     "Volodymyr Zelensky", "concern"),
    ("pl", "Orbán przyleciał do Waszyngtonu. Trump nazwał swojego gościa „wielkim przywódcą”.", "Donald Trump",
     "support"),
    ("ru", "Моди встретился с Путиным. Зеленский назвал эту встречу огромным разочарованием.",
     "Volodymyr Zelensky", "concern"),
    # assessing as: "ocenił … jako", "оценил … как"
    ("pl", "Putin rozmawiał z Trumpem. Trump ocenił sytuację na Bliskim Wschodzie jako „bardzo alarmującą”.",
     "Donald Trump", "concern"),
    ("ru", "Путин провёл разговор с Трампом. Трамп оценил ситуацию как тревожную.", "Donald Trump", "concern"),
])
def test_naming_something_an_evaluation_is_its_act(lang, text, actor, act):
    claim = claims_in(lang, text, "2024-08-24")[-1]
    assert (claim.actor, claim.act) == (actor, act)


@pytest.mark.parametrize("lang, text", [
    ("pl", "Biden rozmawiał z Dudą. Amerykanie zadeklarowali przyjęcie do stu tysięcy uchodźców."),
    ("ru", "Байден поговорил с Дудой. Американцы пообещали принять сто тысяч беженцев."),
])
def test_a_nations_people_in_the_plural_is_its_side(lang, text):
    assert claims_in(lang, text, "2022-03-28")[-1].actor == "United States"


@pytest.mark.parametrize("lang, text, act", [
    # not accepting something rejects it, also as what a speaker says his side will not do
    ("en", "Sheinbaum spoke with Trump. Ebrard said Mexico would not accept any US military operations.", "reject"),
    ("pl", "Tusk rozmawiał z Merzem. Premier podkreślił, że Polska nie zaakceptuje paktu migracyjnego.", "reject"),
    # not giving something up says where one stands
    ("ru", "Путин, в свою очередь, заявил, что Россия никогда не отказывалась от переговоров.", "state"),
    ("ru", "Ким Чен Ын (как переведено): Наша страна не откажется от ядерного сдерживания.", "state"),
])
def test_a_negated_concept_takes_its_negated_act(lang, text, act):
    assert claims_in(lang, text, "2025-11-01")[-1].act == act


@pytest.mark.parametrize("lang, text, found", [
    # a call noun in a setting's phrase is where it was said, not what the verb is about
    ("pl", "Duda rozmawiał z Xi. Paweł Jabłoński ocenił w rozmowie z Polskim Radiem, że wizyta może być użyteczna.",
     [("Paweł Jabłoński", "state")]),
    ("ru", "Путин поговорил с Си. Песков заявил в беседе с журналистами, что визит был полезным.",
     [("Dmitry Peskov", "state")]),
    # the call as the verb's object is the event
    ("ru", "Путин поговорил с Си. Песков прокомментировал журналистам телефонный разговор.", []),
])
def test_a_call_noun_in_a_setting_is_no_call_object(lang, text, found):
    assert [(c.actor, c.act) for c in claims_in(lang, text, "2025-07-29")] == found


@pytest.mark.parametrize("lang, text, actor", [
    # a principal's quote that opens with the first-person future pledges it
    ("pl", "Tusk rozmawiał z Merzem. „Zostaniemy z naszymi partnerami do końca” – mówił premier.",
     "Donald Tusk"),
    ("ru", "Путин встретился с Си. «Мы займёмся этим вопросом», — сказал Путин.", "Vladimir Putin"),
])
def test_a_quoted_first_person_future_is_a_pledge(lang, text, actor):
    claim = claims_in(lang, text, "2025-01-01")[-1]
    assert (claim.actor, claim.act) == (actor, "assure")


def test_a_quote_relays_the_act_of_the_subject_it_names():
    # the trailing "– dodał" is the spokesman's, not Wang Yi's whom the quote names; what Wang Yi did
    # is his claim, relayed
    found = claims("Rzecznik MSZ Paweł Wroński nie wykluczył, że ministrowie spotkają się ponownie. "
                   "– Wang Yi zaprosił ministra Sikorskiego do Pekinu – dodał.")
    assert ("Wang Yi", "propose") in [(c.actor, c.act) for c in found]
    assert ("Wang Yi", "state") not in [(c.actor, c.act) for c in found]


def test_what_the_speakers_own_side_will_do_in_his_quote_stays_his():
    found = claims("„Przekazałem przewodniczącemu Xi, że Polska nie zaakceptuje żadnego porozumienia "
                   "zawartego ponad głowami Ukraińców” – powiedział prezydent Andrzej Duda.")
    assert {c.actor for c in found} == {"Andrzej Duda"}


def test_spokesman_on_his_country_takes_its_act():
    # Peskov saying what Russia values is his claim (a relay would give "Russia")
    text = "Putin rozmawiał z Ramaphosą. Dmitrij Pieskow stwierdził, że Rosja docenia wyważone stanowisko RPA."
    check(only(text, "Pieskow"), actor="Dmitry Peskov", act="support")


@pytest.mark.parametrize("lang, text, act", [
    # an indirect object in the dative between the light verb and its act noun
    ("pl", "Nawrocki rozmawiał z Tokajewem. Polski przywódca przekazał również Prezydentowi Kazachstanu "
           "podziękowania za pomoc.", "support"),
    ("ru", "Путин провёл переговоры с Афеворком. Афеворк передал Вам и российскому народу самые добрые пожелания.",
     "support"),
])
def test_a_light_verbs_dative_object_does_not_end_its_object(lang, text, act):
    claim = claims_in(lang, text, "2026-04-21")[-1]
    assert claim.act == act and claim.explain["trigger"] == "light_verb.object", claim.explain


def test_a_subject_the_dictionary_reads_as_a_vocative_still_acts():
    found = claims("Fico zapewnił Xi, że Słowacja nie poprze „wojny handlowej” Unii.")
    assert [(c.actor, c.act, c.polarity) for c in found] == [("Robert Fico", "assure", "negated")]


def test_items_of_a_list_run_on_in_one_line_are_sentences():
    text = ("Spotkanie trwało ponad dwie godziny. • Biden zapowiedział przekazanie Ukrainie baterii Patriot. "
            "• Zełenski podziękował Amerykanom za pomoc.")
    found = claims(text, date="2022-12-22")
    assert [(c.actor, c.act, c.sentence[:6]) for c in found] == [
        ("Joe Biden", "assure", "• Bide"), ("Volodymyr Zelensky", "support", "• Zełe")]


def test_a_person_of_the_other_gender_than_the_verbs_is_no_subject():
    text = ("Rzeczniczka chińskiego MSZ Mao Ning, pytana o słowa Rubio o Rosji, zaprzeczyła, jakoby Chiny "
            "dostarczały Moskwie broń.")
    assert [(c.actor, c.act) for c in claims(text, date="2025-07-12")] == [("Mao Ning", "reject")]


def test_what_a_side_will_consider_is_said_not_discussed():
    found = claims("Nausėda powiedział jedynie, że Litwa „rozważy wszystkie opcje”.", date="2023-07-14")
    assert [c.act for c in found] == ["state"]


def test_a_listed_spokesman_relays_his_ministers_act_and_speaks_for_his_side():
    text = ("Minister Sikorski rozmawiał z ministrem Fidanem. Rzecznik MSZ Paweł Wroński przekazał, że minister "
            "Sikorski zaprosił tureckiego ministra do Warszawy. Wroński zaznaczył też, że Polska nie zabiega o udział "
            "w rozmowach.")
    found = claims(text, date="2025-06-03")
    assert [(c.actor, c.act) for c in found if "zaprosił" in c.sentence] == [("Radoslaw Sikorski", "propose")]
    assert [c.actor for c in found if "nie zabiega" in c.sentence] == ["Paweł Wroński"]
