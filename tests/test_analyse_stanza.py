"""The Stanza backend without models: conversion from hand-written CoNLL-U, the clear error, lazy imports."""
from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest
from test_analyse_helpers import DATA, loaded

from readouts.analyse import BACKENDS, analyse, choose_backend, clear_analysers
from readouts.analyse.convert import from_stanza
from readouts.analyse.models import installed_models, stanza_ready
from readouts.errors import BackendError


def stanza_doc(lang: str):
    conll = pytest.importorskip("stanza.utils.conll")
    return conll.CoNLL.conll2doc(input_str=(DATA / f"stanza_{lang}.conllu").read_text(encoding="utf-8"))


def test_backends_table_is_explicit():
    assert set(BACKENDS) == {"offline", "stanza"}


def test_polish_multiword_token_and_names():
    text = "Przyszedłem do Bidena z Putinem."
    [sent] = from_stanza(stanza_doc("pl"), text=text)
    first = sent.tokens[0]
    assert (first.text, first.start, first.stop) == ("Przyszedłem", 0, 11)
    assert [(w.id, w.text, w.lemma, w.upos, w.head, w.deprel) for w in first.words] == [
        (1, "Przyszedł", "przyjść", "VERB", 0, "root"), (2, "em", "być", "AUX", 1, "aux:clitic")]
    assert first.words[0].feats["Tense"] == "Past" and first.words[1].feats == {"Aspect": "Imp", "Number": "Sing",
                                                                                 "Person": "1"}
    assert all((w.start, w.stop) == (0, 11) for w in first.words)
    bidena = sent.words[3]
    assert (bidena.lemma, bidena.feats["Case"], bidena.head, bidena.deprel) == ("Biden", "Gen", 1, "obl")
    assert [(n.text, n.label, n.lemma) for n in sent.names] == [("Bidena", "PER", "Biden"),
                                                                 ("Putinem", "PER", "Putin")]
    assert sent.text == text


def test_english_contraction_offsets_shifted():
    text = "Intro paragraph.\n\nJoe Biden didn't agree."
    [sent] = from_stanza(stanza_doc("en"), text=text, offset=18, paragraph=1)
    assert sent.paragraph == 1 and sent.text == "Joe Biden didn't agree."
    tok = sent.tokens[2]
    assert (tok.text, text[tok.start:tok.stop]) == ("didn't", "didn't")
    assert [(w.text, w.lemma, w.upos, w.head) for w in tok.words] == [("did", "do", "AUX", 5),
                                                                      ("n't", "not", "PART", 5)]
    assert tok.words[1].feats == {"Polarity": "Neg"}
    assert [(n.text, n.label) for n in sent.names] == [("Joe Biden", "PER")]      # PERSON -> PER


def test_russian_conversion():
    text = "Путин поговорил с Джозефом Байденом."
    [sent] = from_stanza(stanza_doc("ru"), text=text)
    assert [w.lemma for w in sent.words] == ["Путин", "поговорить", "с", "Джозеф", "Байден", "."]
    assert sent.words[1].feats["Aspect"] == "Perf" and sent.words[1].head == 0
    assert sent.words[2].feats == {}
    assert [(n.text, n.lemma) for n in sent.names] == [("Путин", "Путин"), ("Джозефом Байденом", "Джозеф Байден")]
    for t in sent.tokens:
        assert text[t.start:t.stop] == t.text


def test_clear_error_without_models(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    clear_analysers()
    assert installed_models() == {} and not stanza_ready("pl")
    assert choose_backend("pl") == "offline"
    with pytest.raises(BackendError) as err:
        analyse(loaded("Ala ma kota.", "pl"), backend="stanza")
    message = str(err.value)
    assert "\n" not in message
    if importlib.util.find_spec("stanza") is None:      # a light install, without the stanza extra
        assert "pip install 'readouts[stanza]'" in message
    else:
        assert "readouts models download pl" in message and "STANZA_RESOURCES_DIR" in message


def test_installed_models_reads_the_folder(tmp_path):
    for proc in ("tokenize", "pos", "lemma", "depparse"):
        (tmp_path / "ru" / proc).mkdir(parents=True)
        (tmp_path / "ru" / proc / "syntagrus.pt").write_bytes(b"")
    assert installed_models(str(tmp_path)) == {"ru": ["depparse/syntagrus", "lemma/syntagrus", "pos/syntagrus",
                                                      "tokenize/syntagrus"]}
    assert stanza_ready("ru", str(tmp_path)) == (pytest.importorskip("importlib.util").find_spec("stanza") is not None)
    assert not stanza_ready("pl", str(tmp_path))


def test_import_is_light():
    code = ("import sys, readouts.analyse, readouts.analyse.models, readouts.analyse.convert; "
            "heavy = [m for m in ('torch', 'stanza', 'natasha', 'morfeusz2', 'simplemma', 'pymorphy3', 'slovnet') "
            "if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
