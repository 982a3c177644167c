"""The Polish offline analyser (morfeusz2 + rules) on sentences written for these tests."""
from __future__ import annotations

import pytest
from test_analyse_helpers import check_offsets, loaded, sample, word

from readouts.analyse import analyse


@pytest.fixture(scope="module")
def doc():
    return analyse(sample("pl"), backend="offline")


def test_backend_and_offsets(doc):
    assert doc.backend == "offline" and doc.lang == "pl"
    assert "deps" not in doc.provides and {"lemma", "feats", "ner"} <= doc.provides
    check_offsets(doc)


def test_sentence_splits_keep_abbreviations_dates_and_quotes(doc):
    texts = [s.text for s in doc.sentences]
    assert texts[0].endswith("7 grudnia 2021 r. w formie wideokonferencji z prezydentem Rosji Władimirem Putinem.")
    assert "Rozmowa trwała ok. dwóch godzin." in texts
    assert "„Nie zamierzamy wysyłać wojsk na Ukrainę” – poinformowano po rozmowie." in texts
    assert "Podkreślono m.in., że sankcje będą dotkliwe." in texts
    assert texts[-1].startswith("Przyszedłem do Zełenskiego") and texts[-1].endswith("z ul. Długiej w Warszawie.")
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1, 1, 2, 2]


def test_lemmas_and_features(doc):
    podkreslono = word(doc, "Podkreślono")
    assert (podkreslono.lemma, podkreslono.upos) == ("podkreślić", "VERB")
    assert podkreslono.feats["Person"] == "0" and podkreslono.feats["Aspect"] == "Perf"
    nie = word(doc, "Nie")
    assert (nie.lemma, nie.upos, nie.feats) == ("nie", "PART", {"Polarity": "Neg"})
    miał = word(doc, "miał")
    assert miał.lemma == "mieć" and miał.feats["Tense"] == "Past" and miał.feats["VerbForm"] == "Fin"
    assert word(doc, "zapewnić").feats["VerbForm"] == "Inf"
    planuje = word(doc, "planuje")
    assert planuje.feats["Tense"] == "Pres" and planuje.feats["Person"] == "3"
    assert word(doc, "będą").upos == "AUX" and word(doc, "będą").feats["Tense"] == "Fut"
    assert word(doc, "r.").lemma == "rok"


def test_preposition_case(doc):
    assert word(doc, "Warszawie").feats["Case"] == "Loc"
    assert word(doc, "Władimirem").feats["Case"] == "Ins"
    assert word(doc, "godzin").feats["Case"] == "Gen"


def test_a_name_in_the_governed_case_ends_the_prepositional_phrase():
    doc = analyse(loaded("We wtorek do Moskwy poleci kanclerz Niemiec.", "pl"), backend="offline")
    poleci = word(doc, "poleci")
    assert poleci.upos == "VERB" and poleci.feats["Tense"] == "Fut"


def test_multiword_token():
    doc = analyse(loaded("Przyszedłem wczoraj.", "pl"), backend="offline")
    tok = doc.sentences[0].tokens[0]
    assert tok.text == "Przyszedłem"
    assert [(w.text, w.lemma, w.upos) for w in tok.words] == [("Przyszedł", "przyjść", "VERB"), ("em", "być", "AUX")]
    assert tok.words[1].feats["Person"] == "1"


def test_names_and_nominative_lemmas(doc):
    names = {(n.text, n.label, n.lemma) for s in doc.sentences for n in s.names}
    assert ("Joe Biden", "PER", "Joe Biden") in names
    assert ("Władimirem Putinem", "PER", "Władimir Putin") in names
    assert ("Rosji", "LOC", "Rosja") in names
    assert ("Bidena", "PER", "Biden") in names            # unknown to morfeusz (ign): ending stripped
    assert ("Zełenskiego", "PER", "Zełenski") in names
    assert ("Scholza", "PER", "Scholz") in names
    assert ("Warszawie", "LOC", "Warszawa") in names
    assert word(doc, "Bidena").upos == "PROPN"


@pytest.mark.parametrize("form, lemma", [("Bidenowi", "Biden"), ("Bidenem", "Biden"), ("Scholzem", "Scholz")])
def test_foreign_name_endings(form, lemma):
    doc = analyse(loaded(f"Rozmawiali o tym z {form} wczoraj.", "pl"), backend="offline")
    assert [n.lemma for n in doc.sentences[0].names] == [lemma]


def test_sentence_end_before_capital_after_abbreviation():
    doc = analyse(loaded("Spotkanie odbyło się w 2021 r. Następnie rozmawiano dalej. Było to w tzw. formacie.", "pl"),
                  backend="offline")
    assert [s.text for s in doc.sentences] == ["Spotkanie odbyło się w 2021 r.", "Następnie rozmawiano dalej.",
                                               "Było to w tzw. formacie."]


def test_after_nie_a_verb_outranks_its_adjectival_homograph():
    found = analyse(loaded("W trakcie rozmowy nie zapadły żadne decyzje.", "pl"), backend="offline")
    zapadly = word(found, "zapadły")
    assert (zapadly.lemma, zapadly.upos) == ("zapaść", "VERB")


def test_an_adjective_before_its_noun_under_negation_is_an_adjective_in_the_genitive():
    # "nowych" has the noun reading "nowy" (a newcomer); under "nie złożył" the objects are genitive
    words = analyse(loaded("Xi nie złożył Putinowi żadnych nowych zobowiązań.", "pl"), backend="offline").sentences[0].words
    got = {w.text: (w.upos, w.feats.get("Case")) for w in words}
    assert got["żadnych"] == ("ADJ", "Gen")
    assert got["nowych"] == ("ADJ", "Gen")
    assert got["zobowiązań"] == ("NOUN", "Gen")


def test_a_passive_participle_after_zostac_is_the_verbs():
    # "przyjęte" is also the adjective "przyjęty" (customary)
    words = analyse(loaded("Zaproszenie zostało przyjęte.", "pl"), backend="offline").sentences[0].words
    got = next(w for w in words if w.text == "przyjęte")
    assert (got.lemma, got.feats.get("Voice")) == ("przyjąć", "Pass")


def test_a_and_jak_are_no_prepositions_before_a_nominative():
    # morfeusz's "prep:nom" readings of "a" and "jak" would make "a Trump ostrzegł" a prepositional phrase
    doc = analyse(loaded("Vance zarzucił mu brak wdzięczności, a Trump ostrzegł gościa. Jak podał rzecznik, "
                         "premier ostrzegł.", "pl"), backend="offline")
    assert word(doc, "a").upos == "CCONJ" and word(doc, "Jak").upos != "ADP"


def test_co_before_a_name_is_no_preposition_but_before_a_time_noun_it_is():
    doc = analyse(loaded("Modi spotkał się z Putinem, co Zełenski skrytykował. Rozmawiają co tydzień.", "pl"),
                  backend="offline")
    first, second = [w for s in doc.sentences for w in s.words if w.text == "co"]
    assert first.upos != "ADP" and second.upos == "ADP"


def test_a_surname_agrees_with_the_first_name_before_it():
    # "Wróbel" is a place in the accusative too; after a first name it is the surname in its case
    doc = analyse(loaded("Podobnie ocenia to sinolog prof. Tomasz Wróbel.", "pl"), backend="offline")
    assert [(n.text, n.label) for s in doc.sentences for n in s.names] == [("Tomasz Wróbel", "PER")]


def test_a_surname_known_only_as_a_vocative_is_read_as_the_name_as_written():
    # morfeusz knows "Fico" only as the vocative of "Fica": as a subject it is the name itself
    doc = analyse(loaded("Fico zapewnił Xi, że Słowacja nie poprze wojny handlowej.", "pl"), backend="offline")
    fico = doc.sentences[0].words[0]
    assert (fico.upos, fico.lemma, fico.feat("Case")) == ("PROPN", "Fico", None)
