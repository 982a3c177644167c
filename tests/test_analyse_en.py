"""The English offline analyser (simplemma + rules) on sentences written for these tests."""
from __future__ import annotations

import pytest
from test_analyse_helpers import check_offsets, loaded, sample, word

from readouts.analyse import analyse


@pytest.fixture(scope="module")
def doc():
    return analyse(sample("en"), backend="offline")


def test_offsets(doc):
    assert doc.backend == "offline" and "deps" not in doc.provides
    check_offsets(doc)


def test_sentences_keep_titles_initials_and_abbreviations(doc):
    texts = [s.text for s in doc.sentences]
    assert texts[0] == ("President Joseph R. Biden, Jr. held a video call today with President Vladimir Putin "
                        "of Russia.")
    assert texts[3] == "He made clear that the U.S. would respond with strong economic measures."
    assert texts[4] == "Mr. Putin didn't agree."
    assert len(texts) == 5 and [s.paragraph for s in doc.sentences] == [0, 0, 1, 1, 1]


def test_upos_lemmas_and_features(doc):
    held = word(doc, "held")
    assert (held.lemma, held.upos, held.feats["Tense"]) == ("hold", "VERB", "Past")
    assert word(doc, "leaders").lemma == "leader" and word(doc, "leaders").upos == "NOUN"
    assert word(doc, "discussed").upos == "VERB"
    assert word(doc, "would").upos == "AUX"
    assert word(doc, "respond").feats.get("VerbForm") == "Inf"
    assert word(doc, "the").upos == "DET"
    assert word(doc, "Putin").upos == "PROPN"
    assert word(doc, "including").feats.get("VerbForm") in ("Ger", None)


def test_clitic_is_a_word_of_its_token(doc):
    tok = next(t for s in doc.sentences for t in s.tokens if t.text == "didn't")
    assert [(w.text, w.lemma, w.upos) for w in tok.words] == [("did", "do", "AUX"), ("n't", "not", "PART")]
    assert tok.words[1].feats["Polarity"] == "Neg"


def test_names(doc):
    names = {(n.text, n.label) for s in doc.sentences for n in s.names}
    assert ("Joseph R. Biden", "PER") in names
    assert ("Vladimir Putin", "PER") in names
    assert ("Russia", "LOC") in names
    assert ("Dialogue on Strategic Stability", "MISC") in names
    assert ("Ukraine", "LOC") in names                    # "Ukraine." – no clitic, no title


def test_possessive_clitic_is_cut_from_the_name():
    doc = analyse(loaded("The leaders discussed Russia's troops.", "en"), backend="offline")
    assert [n.text for n in doc.sentences[0].names] == ["Russia"]


@pytest.mark.parametrize("text, verb", [
    ("The two sides did not yet agree on a date.", "agree"),
    ("He called to personally congratulate her.", "congratulate"),
    ("They vowed to fully restore the ties.", "restore"),
])
def test_an_adverb_between_to_or_an_auxiliary_and_its_verb(text, verb):
    found = analyse(loaded(text, "en"), backend="offline")
    assert word(found, verb).upos == "VERB"
    adverb = next(w for s in found.sentences for w in s.words if w.text in ("yet", "personally", "fully"))
    assert adverb.upos != "VERB"


def test_verbs_ending_in_ly_stay_verbs():
    found = analyse(loaded("They agreed to reply soon and to apply pressure.", "en"), backend="offline")
    assert word(found, "reply").upos == "VERB" and word(found, "apply").upos == "VERB"


def test_nouns_the_suffixes_would_read_as_adjectives_are_nouns():
    doc = analyse(loaded("A senior official later told reporters that the secretary made a proposal.", "en"),
                  backend="offline")
    assert [word(doc, w).upos for w in ("official", "secretary", "proposal")] == ["NOUN"] * 3
    assert word(doc, "later").upos == "ADV"


@pytest.mark.parametrize("text, form", [
    # a bare form after a subject pronoun, adverbs allowed between, is a present-tense verb
    ("I congratulate you on your election.", "congratulate"),
    ("We strongly condemn the attack on the embassy.", "condemn"),
])
def test_a_bare_form_after_a_subject_pronoun_is_its_verb(text, form):
    got = word(analyse(loaded(text, "en"), backend="offline"), form)
    assert (got.upos, got.feats.get("Tense"), got.feats.get("VerbForm")) == ("VERB", "Pres", "Fin")


@pytest.mark.parametrize("text, form, plural", [
    # a bare form between a plural subject and an object or "that" is the plural's verb, and a
    # plural taken for a verb's -s form is the noun
    ("Officials in Canberra say the legal text could be finalised.", "say", "Officials"),
    ("Japanese officials privately concede that the deal could take a year.", "concede", "officials"),
])
def test_a_bare_form_after_a_plural_subject_is_its_verb(text, form, plural):
    doc = analyse(loaded(text, "en"), backend="offline")
    assert (word(doc, form).upos, word(doc, plural).upos) == ("VERB", "NOUN")


def test_a_noun_after_a_plural_stays_a_noun_before_a_verb():
    doc = analyse(loaded("The leaders' trade talks ended without a deal.", "en"), backend="offline")
    assert word(doc, "trade").upos == "NOUN"


def test_a_bare_word_after_and_with_an_object_shares_the_infinitive_before_it():
    doc = analyse(loaded("Biden called Mulino to congratulate him on his inauguration and thank him for his "
                         "partnership. He wants peace and security for the region.", "en"), backend="offline")
    words = {w.text: w for s in doc.sentences for w in s.words}
    assert (words["thank"].upos, words["thank"].feat("VerbForm")) == ("VERB", "Inf")
    assert words["security"].upos == "NOUN"         # no infinitive before it
