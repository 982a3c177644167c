"""Every rule shape of lang/patterns.yaml fires on every example sentence it gives, in every
language it gives one for: the pattern's id appears in the trace of a claim found in it. And the
pattern compiler rejects what it does not know."""
from __future__ import annotations

import pytest

from readouts.errors import DataError
from readouts.extract.claims.data import PATTERNS_SCHEMA, claim_data, word_classes
from readouts.extract.claims.patterns import Env, compile_pattern
from readouts.extract.lexicon import lexicon
from readouts.lang import load_data
from readouts.load import load_bytes
from readouts.pipeline import extract_loaded

DATE = "2022-02-13"
RAW = load_data("patterns", None, PATTERNS_SCHEMA)
EXAMPLES = [(pid, lang, sentence) for pid, spec in RAW["patterns"].items()
            for lang, sentences in spec["examples"].items() for sentence in sentences]


@pytest.mark.parametrize("pattern_id, lang, sentence", EXAMPLES,
                         ids=[f"{p}-{lang}-{n}" for n, (p, lang, _) in enumerate(EXAMPLES)])
def test_every_example_fires_its_pattern(pattern_id, lang, sentence):
    loaded = load_bytes(sentence.encode("utf-8"), f"example.{lang}.txt", lang=lang, date=DATE,
                        source="whitehouse" if pattern_id.startswith("commitment") else None)
    claims = extract_loaded(loaded, backend="offline").claims
    traced = {v for c in claims for v in (c.explain or {}).values()}
    assert pattern_id in traced, [(c.trigger, c.explain) for c in claims]


def test_every_pattern_has_an_example_and_compiles_in_every_language():
    for lang in ("pl", "en", "ru"):
        assert set(claim_data(lang).patterns) == set(RAW["patterns"])
    assert all(spec["examples"] for spec in RAW["patterns"].values())


@pytest.mark.parametrize("spec, message", [
    ({"doc": "x", "examples": {"en": ["x"]}, "after": [{"lema": "say"}]}, "unknown key 'lema'"),
    ({"doc": "x", "examples": {"en": ["x"]}, "after": [{"text": {"in": "no_such_class"}}]}, "no word class"),
    ({"doc": "x", "examples": {"en": ["x"]}, "after": [{"upos": "VERB", "op": "{3,1}"}]}, "is not one of"),
    ({"doc": "x", "examples": {"en": ["x"]}, "after": [{"is": "undefined"}]}, "no spec named"),
    ({"doc": "x", "after": [{"upos": "VERB"}]}, "examples"),
    ({"examples": {"en": ["x"]}, "after": [{"upos": "VERB"}]}, "doc"),
    ({"doc": "x", "examples": {"en": ["x"]}, "after": [{"gap": -1}]}, "number of words"),
])
def test_the_compiler_rejects_what_it_does_not_know(spec, message):
    lex = lexicon("en")
    env = Env(word_classes(lex, load_data("extraction")), RAW["define"], "test")
    with pytest.raises(DataError, match=message):
        compile_pattern("broken", spec, env)


def test_a_compiled_pattern_matches_around_its_anchor():
    """The light verb's object: a gap that never crosses a clause end, then the act noun."""
    data = claim_data("en")
    sentence = "Biden expressed deep concern about the buildup."
    loaded = load_bytes(sentence.encode(), "x.en.txt", lang="en", date=DATE)
    ex = extract_loaded(loaded, backend="offline")
    c = next(c for c in ex.claims if c.act == "concern")
    assert c.trigger == "expressed deep concern" and c.explain["entry"] == "concern"
    blocked = load_bytes(b"Biden expressed that the concern grew.", "y.en.txt", lang="en", date=DATE)
    assert not any(c.explain["trigger"] == "light_verb.object" for c in extract_loaded(blocked, backend="offline").claims)
    assert "light_verb.object" in data.patterns
