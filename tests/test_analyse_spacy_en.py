"""The spaCy English analyser: its conversion to our UD model on hand-checked sentences (skipped
where spaCy or its model is not installed), the choice of the offline English analyser, and the
fallback to the rule-based analyser where spaCy is absent."""
from __future__ import annotations

import subprocess
import sys

import pytest
from test_analyse_helpers import check_offsets, loaded, sample

from readouts.analyse import OFFLINE_ANALYSERS, OFFLINE_DEFAULTS, analyse, clear_analysers, offline_analyser, spacy_en
from readouts.analyse.base import make_sentence
from readouts.analyse.spacy_en import SpacyEnglishAnalyser, one_person_per_name
from readouts.errors import BackendError
from readouts.model import NameSpan, Sentence, Token, Word

CHOICE = "READOUTS_EN_ANALYSER"
needs_spacy = pytest.mark.skipif(not SpacyEnglishAnalyser.installed(),
                                 reason="spaCy or en_core_web_sm 3.8 is not installed (make spacy)")


@pytest.fixture
def chosen(monkeypatch):
    """Choose the English analyser by name for one test; the analysers built are forgotten after."""
    def choose(name: str | None) -> None:
        if name is None:
            monkeypatch.delenv(CHOICE, raising=False)
        else:
            monkeypatch.setenv(CHOICE, name)
    yield choose
    clear_analysers()


@pytest.fixture(scope="module")
def parse():
    """Sentences of a text through the spaCy analyser, by sentence."""
    if not SpacyEnglishAnalyser.installed():
        pytest.skip("spaCy or en_core_web_sm 3.8 is not installed (make spacy)")
    analyser = SpacyEnglishAnalyser()

    def run(text: str):
        doc = loaded(text, "en")
        return analyser.analyse(doc.text, doc.paragraphs)
    return run


def words_of(sentence) -> dict[str, object]:
    return {w.text: w for w in sentence.words}


def head_of(sentence, word):
    return sentence.words[word.head - 1].text if word.head else None


# --------------------------------------------------------------------------- conversion (spaCy installed)

@needs_spacy
def test_relative_clause_keeps_the_subject_of_the_main_verb(parse):
    [s] = parse("President Biden, who spoke with President Putin on Tuesday, didn't say that the U.S. "
                "would withdraw its troops.")
    w = words_of(s)
    assert (w["Biden"].deprel, head_of(s, w["Biden"])) == ("nsubj", "say")
    assert (w["spoke"].deprel, head_of(s, w["spoke"])) == ("acl:relcl", "Biden")
    assert (w["Putin"].deprel, head_of(s, w["Putin"]), w["with"].deprel, head_of(s, w["with"])) == \
        ("obl", "spoke", "case", "Putin")
    assert (w["withdraw"].deprel, head_of(s, w["withdraw"])) == ("ccomp", "say")
    assert (w["n't"].lemma, w["n't"].upos, w["n't"].feats["Polarity"]) == ("not", "PART", "Neg")
    assert (w["did"].upos, w["did"].feats["Tense"], w["did"].feats["VerbForm"]) == ("AUX", "Past", "Fin")
    assert w["its"].feats["Poss"] == "Yes" and w["its"].feats["PronType"] == "Prs"
    assert (w["troops"].lemma, w["troops"].upos, w["troops"].feats["Number"], w["troops"].deprel) == \
        ("troop", "NOUN", "Plur", "obj")
    assert [w.id for w in s.words] == list(range(1, len(s.words) + 1))
    assert [w.deprel for w in s.words].count("root") == 1 and w["say"].head == 0


@needs_spacy
def test_copula_predicate_heads_its_clause(parse):
    [s] = parse("He is ready to meet Zelensky.")
    w = words_of(s)
    assert (w["ready"].deprel, w["ready"].head) == ("root", 0)
    assert (w["He"].deprel, head_of(s, w["He"])) == ("nsubj", "ready")
    assert (w["is"].deprel, head_of(s, w["is"])) == ("cop", "ready")
    assert w["He"].feats["Person"] == "3" and w["is"].feats["Number"] == "Sing"
    assert (w["to"].deprel, w["meet"].deprel, head_of(s, w["meet"])) == ("mark", "xcomp", "ready")


@needs_spacy
def test_passive_voice_subject_and_agent(parse):
    [s] = parse("The talks were continued by their advisers.")
    w = words_of(s)
    assert w["continued"].feats["Voice"] == "Pass" and w["continued"].feats["VerbForm"] == "Part"
    assert (w["talks"].deprel, w["were"].deprel) == ("nsubj:pass", "aux:pass")
    assert (w["advisers"].deprel, head_of(s, w["advisers"]), w["by"].deprel) == ("obl:agent", "continued", "case")
    assert "Voice" not in w["were"].feats


@needs_spacy
def test_coordination_and_existential(parse):
    agreed, risk = parse("The Chancellor and the Russian President agreed.\n\nThere is a risk.")
    w = words_of(agreed)
    assert (w["Chancellor"].deprel, head_of(agreed, w["Chancellor"])) == ("nsubj", "agreed")
    assert (w["President"].deprel, head_of(agreed, w["President"])) == ("conj", "Chancellor")
    assert (w["and"].deprel, head_of(agreed, w["and"])) == ("cc", "President")
    w = words_of(risk)
    assert (w["is"].deprel, w["risk"].deprel, head_of(risk, w["risk"]), w["There"].deprel) == \
        ("root", "nsubj", "is", "expl")
    assert risk.paragraph == 1


@needs_spacy
def test_names_without_titles_articles_or_clitics(parse):
    sentences = parse("President Vladimir Putin spoke with the White House's team. Foreign Secretary Vikram Misri "
                      "briefed reporters on the call with Donald Trump. Trump, Misri said, listened.")
    names = [[(n.text, n.label) for n in s.names] for s in sentences]
    assert ("Vladimir Putin", "PER") in names[0] and ("White House", "ORG") in names[0]
    assert ("Vikram Misri", "PER") in names[1] and ("Donald Trump", "PER") in names[1]
    # one person per name: alone, the model makes both organisations here, and "Trump" an adjective
    assert names[2] == [("Trump", "PER"), ("Misri", "PER")]
    assert sentences[2].words[0].upos == "PROPN" and sentences[2].words[0].lemma == "Trump"


@needs_spacy
def test_our_sentences_and_offsets(parse, chosen):
    chosen("spacy")
    doc = analyse(sample("en"), backend="offline")
    assert doc.backend == "offline" and "deps" in doc.provides
    check_offsets(doc)
    chosen("rules")
    rules = analyse(sample("en"), backend="offline")
    assert [(s.start, s.stop, s.paragraph) for s in doc.sentences] == \
        [(s.start, s.stop, s.paragraph) for s in rules.sentences]
    for s in doc.sentences:
        assert all(0 <= w.head <= len(s.words) for w in s.words)


@needs_spacy
def test_a_line_break_inside_a_sentence_is_no_word(parse):
    text = "The President noted that the proposals\nrespond directly to Russia."
    [s] = parse(text)
    assert all(w.text.strip() for w in s.words)
    assert all(text[w.start:w.stop] == w.text for w in s.words)
    assert all(0 <= w.head <= len(s.words) for w in s.words)
    assert s.words[[w.text for w in s.words].index("respond")].head != 0


def test_one_person_per_name_on_built_sentences():
    """Without spaCy: a word of a person's name elsewhere in the text is a person's name here too,
    unless another proper noun follows it; titles are never such words."""
    def sentence(start: int, words: list[tuple[str, str]], names: list[tuple[str, str]]) -> Sentence:
        tokens, pos = [], start
        for text, upos in words:
            tokens.append(Token(pos, pos + len(text), text, [Word(0, text, text.lower(), upos, {}, 0, "dep",
                                                                  pos, pos + len(text))]))
            pos += len(text) + 1
        sent = make_sentence(" " * start + " ".join(t for t, _ in words), tokens, 0, [])
        sent.names = [NameSpan(sent.text.index(n) + start, sent.text.index(n) + start + len(n), n, label, n)
                      for n, label in names]
        return sent

    first = sentence(0, [("President", "PROPN"), ("Vikram", "PROPN"), ("Misri", "PROPN"), ("spoke", "VERB")],
                     [("President Vikram Misri", "PER")])
    second = sentence(30, [("Misri", "ADJ"), ("met", "VERB"), ("Misri", "PROPN"), ("Tower", "PROPN"),
                           ("President", "PROPN")], [("Misri", "ORG"), ("Misri Tower", "ORG")])
    one_person_per_name([first, second], frozenset({"President"}))
    assert [(n.text, n.label) for n in second.names] == [("Misri", "PER"), ("Misri Tower", "ORG")]
    assert (second.words[0].upos, second.words[0].lemma) == ("PROPN", "Misri")
    assert second.words[4].upos == "PROPN" and not any(n.text == "President" for n in second.names)


# --------------------------------------------------------------------------- the choice and the fallback

def test_rules_without_a_choice_and_no_spacy_import(monkeypatch):
    """The shipped default analyses English with the rules, and neither choosing nor running it
    imports spaCy (nor does `readouts --help`)."""
    monkeypatch.setitem(OFFLINE_DEFAULTS, "en", ("rules",))
    code = ("import sys, os; os.environ.pop('READOUTS_EN_ANALYSER', None); "
            "from readouts.analyse import analyse, offline_analyser; from readouts.model import LoadedText, Region; "
            "t = 'Biden said that he would call.'; analyse(LoadedText('x', t, 'en', paragraphs=[Region(0, len(t))]), 'offline'); "
            "print(offline_analyser('en'), [m for m in ('spacy', 'thinc') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split()[-1] == "[]"
    helped = subprocess.run([sys.executable, "-c", "import sys; sys.argv = ['readouts', '--help']\n"
                             "from readouts.cli import main\ntry: main()\nexcept SystemExit: pass\n"
                             "print('HEAVY', [m for m in ('spacy', 'thinc') if m in sys.modules])"],
                            capture_output=True, text=True)
    assert "HEAVY []" in helped.stdout, helped.stderr[-500:]


def test_preferred_but_absent_spacy_falls_back_to_rules(monkeypatch, chosen):
    """With spaCy adopted as the default but not installed, English goes to the rules, no error."""
    chosen(None)
    monkeypatch.setitem(OFFLINE_DEFAULTS, "en", ("spacy", "rules"))
    monkeypatch.setattr(spacy_en, "MODEL_PACKAGES", ("no_such_model_package",))
    assert not SpacyEnglishAnalyser.installed()
    assert offline_analyser("en") == OFFLINE_ANALYSERS["en"]["rules"]
    doc = analyse(loaded("Mr. Putin didn't agree.", "en"), backend="offline")
    assert "deps" not in doc.provides and [w.text for w in doc.sentences[0].words][:2] == ["Mr.", "Putin"]


@needs_spacy
def test_preferred_and_installed_spacy_is_used(monkeypatch, chosen):
    chosen(None)
    monkeypatch.setitem(OFFLINE_DEFAULTS, "en", ("spacy", "rules"))
    assert offline_analyser("en") == OFFLINE_ANALYSERS["en"]["spacy"]
    assert "deps" in analyse(loaded("Mr. Putin didn't agree.", "en"), backend="offline").provides


def test_chosen_but_absent_spacy_is_one_clear_error(monkeypatch, chosen):
    chosen("spacy")
    monkeypatch.setattr(spacy_en, "MODEL_PACKAGES", ("no_such_model_package",))
    with pytest.raises(BackendError) as err:
        analyse(loaded("Mr. Putin didn't agree.", "en"), backend="offline")
    assert "\n" not in str(err.value) and "make spacy" in str(err.value)


def test_unknown_choice_names_the_analysers(chosen):
    chosen("stanford")
    with pytest.raises(BackendError) as err:
        offline_analyser("en")
    assert "READOUTS_EN_ANALYSER='stanford'" in str(err.value) and "rules, spacy" in str(err.value)
