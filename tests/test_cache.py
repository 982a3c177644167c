"""The user cache: plain-data entries written once, read back equal, and ignored when damaged."""
from __future__ import annotations

import datetime as dt

import pytest

from readouts import cache
from readouts.errors import DataError
from readouts.lang.schema import load_yaml


@pytest.fixture
def user_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("READOUTS_NO_CACHE", raising=False)
    return tmp_path / "xdg" / "readouts"


# --------------------------------------------------------------------------- entries

def test_store_replaces_older_entries_of_the_same_name(user_cache):
    cache.write_text("thing", "v1", "one")
    cache.write_text("other", "v1", "kept")
    assert cache.read_text("thing", "v1") == "one"
    cache.write_text("thing", "v2", "two")
    assert cache.read_text("thing", "v2") == "two" and cache.read_text("thing", "v1") is None
    assert cache.read_text("other", "v1") == "kept"
    assert not list(user_cache.glob(".*tmp"))


def test_no_cache_when_disabled(user_cache, monkeypatch):
    monkeypatch.setenv("READOUTS_NO_CACHE", "1")
    cache.write_text("thing", "v1", "one")
    assert cache.read_text("thing", "v1") is None and not user_cache.exists()


# --------------------------------------------------------------------------- language data

SPEC = {"holders": [{"name": str, "from": dt.date}], "words": [str]}
DATA = "holders:\n  - {name: Joe Biden, from: 2021-01-20}\nwords: [a, b]\n"


def test_data_file_is_parsed_once_and_read_back_equal(user_cache, tmp_path):
    path = tmp_path / "xx" / "thing.yaml"
    path.parent.mkdir()
    path.write_text(DATA, encoding="utf-8")
    first = load_yaml(path, SPEC)
    entries = list(user_cache.glob("data-xx-thing-*.json"))
    assert len(entries) == 1
    assert load_yaml(path, SPEC) == first == {"holders": [{"name": "Joe Biden", "from": dt.date(2021, 1, 20)}],
                                               "words": ["a", "b"]}
    entries[0].write_text("{not json", encoding="utf-8")          # damaged: parsed again, rewritten
    assert load_yaml(path, SPEC) == first
    assert entries[0].read_text(encoding="utf-8").startswith("{")


def test_data_cache_keeps_validation_and_follows_edits(user_cache, tmp_path):
    path = tmp_path / "xx" / "thing.yaml"
    path.parent.mkdir()
    path.write_text(DATA, encoding="utf-8")
    load_yaml(path, SPEC)
    path.write_text(DATA.replace("words: [a, b]", "words: []"), encoding="utf-8")
    with pytest.raises(DataError, match="words: expected a non-empty list"):
        load_yaml(path, SPEC)
    path.write_text(DATA.replace("[a, b]", "[a, b"), encoding="utf-8")
    with pytest.raises(DataError, match="not valid YAML"):
        load_yaml(path, SPEC)


def test_data_that_is_not_plain_json_is_not_cached(user_cache, tmp_path):
    path = tmp_path / "xx" / "thing.yaml"
    path.parent.mkdir()
    path.write_text("1: one\n", encoding="utf-8")             # an int key would come back a str
    with pytest.raises(DataError, match="key 1 is not a string"):
        load_yaml(path, {str: str})
    assert not list(user_cache.glob("data-xx-thing-*"))


# --------------------------------------------------------------------------- simplemma

WORDS = ["said", "Said", "talks", "leaders", "underscored", "reaffirmed", "Ukraine's", "don't", "well-being",
         "xyzzyq", "Kyiv", "were", "better", "ran", "mice", "écoles", "NATO", "counter-terrorism"]


def test_simplemma_store_gives_simplemma_lemmas(user_cache):
    simplemma = pytest.importorskip("simplemma")
    from readouts.analyse.simplemma_store import Lemmas

    built = Lemmas(simplemma, "en")
    built.lemmatize("said")                     # the first look-up decodes simplemma's dictionary, stores it
    assert len(list(user_cache.glob("simplemma-en-*.txt"))) == 1
    stored = Lemmas(simplemma, "en")                           # reads the stored shards
    for word in WORDS:
        assert built.lemmatize(word) == stored.lemmatize(word) == simplemma.lemmatize(word, lang="en"), word
        assert built.is_known(word) == stored.is_known(word) == simplemma.is_known(word, lang="en"), word


def test_damaged_simplemma_store_falls_back_to_simplemma(user_cache):
    simplemma = pytest.importorskip("simplemma")
    from readouts.analyse.simplemma_store import SHARD_SEP, Lemmas

    Lemmas(simplemma, "en").lemmatize("said")
    entry = next(user_cache.glob("simplemma-en-*.txt"))
    entry.write_text(entry.read_text(encoding="utf-8").replace("\t", "\n\n"), encoding="utf-8")
    damaged = Lemmas(simplemma, "en")
    assert [damaged.lemmatize(w) for w in WORDS] == [simplemma.lemmatize(w, lang="en") for w in WORDS]
    entry.write_text(SHARD_SEP.join(["x"] * 3), encoding="utf-8")   # wrong shape: decoded again
    assert Lemmas(simplemma, "en").lemmatize("talks") == "talk"


# --------------------------------------------------------------------------- natasha

RU_TEXT = ("Президент России Владимир Путин провёл телефонный разговор с Федеральным канцлером Германии "
           "Олафом Шольцем. Стороны обсудили ситуацию на Украине.")


def _outputs(models):
    words = [RU_TEXT.split()]
    morph = [(t.pos, t.feats) for t in next(models["morph"].map(words)).tokens]
    syntax = [(t.head_id, t.rel) for t in next(models["syntax"].map(words)).tokens]
    names = [(s.start, s.stop, s.type) for s in models["ner"](RU_TEXT).spans]
    return morph, syntax, names


def test_natasha_models_are_stored_as_plain_data_and_read_back_the_same(user_cache):
    pytest.importorskip("slovnet")
    from readouts.analyse import natasha_store

    built = natasha_store.load_models()
    folders = list(user_cache.glob("natasha-models-*"))
    assert len(folders) == 1 and folders[0].is_dir()
    assert {p.suffix for p in folders[0].iterdir()} == {".json", ".npy"}      # no pickle
    stored = natasha_store.load_models()
    assert stored["morph"] is not built["morph"]
    assert _outputs(stored) == _outputs(built)
    names = _outputs(built)[2]
    assert ("PER" in {t for *_, t in names}) and ("LOC" in {t for *_, t in names})
    (folders[0] / "store.json").write_text("{}", encoding="utf-8")            # damaged: built again
    assert _outputs(natasha_store.load_models()) == _outputs(built)
    assert (folders[0] / "store.json").stat().st_size > 1000                  # and stored again
    assert not list(user_cache.glob(".*"))
