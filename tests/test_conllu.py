"""CoNLL-U out of and back into our model."""
from __future__ import annotations

from test_analyse_helpers import loaded

from readouts.analyse import analyse
from readouts.analyse.convert import format_feats, from_conllu, parse_feats, to_conllu


def test_feats_round_trip():
    assert parse_feats("Case=Nom|Number=Sing") == {"Case": "Nom", "Number": "Sing"}
    assert parse_feats("_") == {} and parse_feats(None) == {}
    assert format_feats({"Number": "Sing", "Case": "Nom"}) == "Case=Nom|Number=Sing"
    assert format_feats({}) == "_"


def test_round_trip_keeps_words_offsets_and_names():
    text = "Wstęp.\n\nPrzyszedłem do Bidena. Putin nie zamierza atakować."
    doc = analyse(loaded(text, "pl"), backend="offline")
    conllu = to_conllu(doc.sentences)
    assert "1-2\tPrzyszedłem\t" in conllu and "# paragraph = 1" in conllu
    back = from_conllu(conllu)
    assert back == doc.sentences
    assert to_conllu(back) == conllu


def test_round_trip_with_syntax():
    text = "Путин поговорил с Байденом."
    doc = analyse(loaded(text, "ru"), backend="offline")
    back = from_conllu(to_conllu(doc.sentences))
    assert [(w.head, w.deprel) for w in back[0].words] == [(w.head, w.deprel) for w in doc.sentences[0].words]
    assert back == doc.sentences
