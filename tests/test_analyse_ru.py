"""The Russian offline analyser (natasha/slovnet + pymorphy3) on sentences written for these tests."""
from __future__ import annotations

import pytest
from test_analyse_helpers import check_offsets, loaded, sample, word

from readouts.analyse import analyse


@pytest.fixture(scope="module")
def doc():
    return analyse(sample("ru"), backend="offline")


def test_backend_offsets_and_provides(doc):
    assert doc.backend == "offline" and doc.provides == frozenset({"lemma", "feats", "deps", "ner"})
    check_offsets(doc)


def test_sentences_keep_abbreviations_and_quotes(doc):
    texts = [s.text for s in doc.sentences]
    assert texts == [
        "Состоялась беседа Владимира Путина с Президентом США Джозефом Байденом в режиме видеоконференции.",
        "Т.е. 7 дек. 2021 г. стороны обсудили ситуацию на Украине.",
        "Президент России подчеркнул, что «Россия не намерена ни на кого нападать».",
        "Представитель Министерства иностранных дел Российской Федерации не стал комментировать.",
    ]
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1, 1]


def test_lemmas_features_and_syntax(doc):
    obsudili = word(doc, "обсудили")
    assert obsudili.lemma == "обсудить" and obsudili.upos == "VERB"
    assert obsudili.feats["Tense"] == "Past" and obsudili.head == 0 and obsudili.deprel == "root"
    storony = word(doc, "стороны")
    assert storony.lemma == "сторона" and storony.deprel == "nsubj"
    assert word(doc, "Украине").lemma == "Украина"
    assert word(doc, "не").feats.get("Polarity") == "Neg"
    assert word(doc, "г.").lemma == "год"
    sent = doc.sentences[1]
    heads = [w.head for w in sent.words]
    assert all(h is not None and 0 <= h <= len(sent.words) for h in heads) and heads.count(0) == 1


def test_names_in_nominative(doc):
    names = {(n.text, n.label, n.lemma) for s in doc.sentences for n in s.names}
    assert ("Владимира Путина", "PER", "Владимир Путин") in names
    assert ("Джозефом Байденом", "PER", "Джозеф Байден") in names
    assert ("Украине", "LOC", "Украина") in names
    assert ("Российской Федерации", "LOC", "Российская Федерация") in names
    org = next(n for s in doc.sentences for n in s.names if n.label == "ORG")
    assert org.lemma == "Министерство иностранных дел"


@pytest.mark.parametrize("text, lemma, upos", [
    ("Договорённости о начале диалога достигнуто не было.", "договорённость", "NOUN"),
    ("Подтверждён настрой на продолжение контактов.", "подтвердить", "VERB"),
    ("Подчёркнута значимость взаимодействия в рамках ООН.", "подчеркнуть", "VERB"),
    # read as a noun: pymorphy3 knows it only as a verb
    ("Договорились согласовать сроки визита.", "договориться", "VERB"),
])
def test_a_capitalised_first_word_is_read_by_its_dictionary_entry(text, lemma, upos):
    # slovnet takes these for a name, a foreign word or an adjective
    first = analyse(loaded(text, "ru"), backend="offline").sentences[0].words[0]
    assert (first.lemma, first.upos) == (lemma, upos)


def test_a_short_participle_read_as_an_adjective_inside_a_sentence_is_a_participle():
    # slovnet reads "подчёркнута" after "В ходе беседы" as a full adjective
    words = analyse(loaded("В ходе беседы подчёркнута готовность обеих стран содействовать деэскалации.", "ru"),
                    backend="offline").sentences[0].words
    word = next(w for w in words if w.text == "подчёркнута")
    assert (word.lemma, word.upos, word.feats.get("Variant"), word.feats.get("Voice")) == \
        ("подчеркнуть", "VERB", "Short", "Pass")


def test_a_short_adjective_stays_an_adjective():
    words = analyse(loaded("Россия готова к диалогу с Вашингтоном.", "ru"), backend="offline").sentences[0].words
    assert next(w for w in words if w.text == "готова").upos == "ADJ"


def test_a_capitalised_first_name_stays_a_name():
    first = analyse(loaded("Россия выступает за продолжение диалога.", "ru"), backend="offline").sentences[0].words[0]
    assert (first.lemma, first.upos) == ("Россия", "PROPN")


def test_a_section_separator_after_a_sentence_ends_it():
    # scraped kremlin.ru pages run "… форума. * * * Начало переговоров В.Путин: …" together
    text = "Президент примет участие в форуме. * * * Начало переговоров В.Путин: Уважаемый господин Президент!"
    sentences = [s.text for s in analyse(loaded(text, "ru"), backend="offline").sentences]
    assert sentences[0] == "Президент примет участие в форуме."
    assert sentences[1].startswith("* * * Начало")


@pytest.mark.parametrize("form, aspect, tense", [
    # the dictionary knows a verb's aspect: a perfective's present form is its future
    ("займёмся", "Perf", "Fut"),
    ("подпишем", "Perf", "Fut"),
    ("занимаемся", "Imp", "Pres"),
])
def test_a_verbs_aspect_is_its_lemmas(form, aspect, tense):
    doc = analyse(loaded(f"Мы {form} этим вопросом.", "ru"), backend="offline")
    got = word(doc, form)
    assert (got.feats.get("Aspect"), got.feats.get("Tense")) == (aspect, tense)


@pytest.mark.parametrize("text, form, upos, mood", [
    # slovnet reads a lower-case imperative as a comparative adverb, and an adverb as a verb;
    # the dictionary knows neither reading
    ("Прежде всего позвольте поблагодарить Вас за приглашение.", "позвольте", "VERB", "Imp"),
    ("Позвольте мне сердечно вас поприветствовать в Москве.", "сердечно", "ADV", None),
])
def test_a_reading_the_dictionary_lacks_yields_to_the_dictionarys(text, form, upos, mood):
    got = word(analyse(loaded(text, "ru"), backend="offline"), form)
    assert (got.upos, got.feats.get("Mood")) == (upos, mood)


def test_a_real_comparative_stays_one():
    got = word(analyse(loaded("Он сказал больше, чем обычно.", "ru"), backend="offline"), "больше")
    assert got.feats.get("Degree") == "Cmp"
