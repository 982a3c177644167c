"""The date data of every language: schema, one form one key, no collisions with frequent words,
and the extractor against the dev gold (skipped where /work/shared/dev is absent)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from dates_helpers import dev_analysis, score

import readouts.lang as lang_pkg
from readouts.errors import DataError, ReadoutsError
from readouts.extract.date_grammar import SPEC, grammar, tokenize
from readouts.extract.dates import extract_dates
from readouts.lang import SUPPORTED
from readouts.model import Analysis, Sentence

DATA = Path(__file__).parent / "data" / "dates"
DEV = Path("/work/shared/dev")


def _shape(value):
    """The key structure of a data file (values ignored)."""
    if isinstance(value, dict):
        return {k: _shape(v) for k, v in value.items()}
    return None


@pytest.mark.parametrize("lang", SUPPORTED)
def test_every_language_loads(lang):
    g = grammar(lang)
    # each month and weekday key is reachable from its first form
    raw = yaml.safe_load((lang_pkg.LANG_ROOT / lang / "dates.yaml").read_text(encoding="utf-8"))
    for cat in ("months", "weekdays"):
        for key, forms in raw[cat].items():
            toks = tokenize("x " + forms[0])
            assert any(k == key for _, k, _ in g.match(toks, 1, cat)), (lang, key)


def test_same_keys_in_every_language():
    shapes = {lang: _shape(yaml.safe_load((lang_pkg.LANG_ROOT / lang / "dates.yaml").read_text(encoding="utf-8")))
              for lang in SUPPORTED}
    # `numbers` keys are digits and may differ; everything else is the same everywhere
    for s in shapes.values():
        s.pop("numbers")
    first = shapes[SUPPORTED[0]]
    assert all(s == first for s in shapes.values())
    assert set(first) == {k for k in SPEC if k != "numbers"}


@pytest.fixture
def fake_lang(tmp_path, monkeypatch):
    """A copy of the Polish data under a fake language code, to be broken by a test."""
    monkeypatch.setattr(lang_pkg, "LANG_ROOT", tmp_path)
    (tmp_path / "xx").mkdir()
    shutil.copy(Path(lang_pkg.__file__).parent / "pl" / "dates.yaml", tmp_path / "xx" / "dates.yaml")
    yield tmp_path / "xx" / "dates.yaml"
    lang_pkg._load_cached.cache_clear()
    grammar.cache_clear()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_form_mapped_to_two_keys_is_rejected(fake_lang):
    _edit(fake_lang, "friday: [piątek,", "friday: [czwartek, piątek,")
    with pytest.raises(DataError, match="czwartek"):
        grammar("xx")


def test_misspelt_key_is_rejected(fake_lang):
    _edit(fake_lang, "  december:", "  decembr:")
    with pytest.raises(DataError, match="decembr"):
        grammar("xx")


def test_bound_form_must_exist(fake_lang):
    _edit(fake_lang, "bound: [maja,", "bound: [sie,")
    with pytest.raises(DataError, match="sie"):
        grammar("xx")


@pytest.mark.parametrize("lang", SUPPORTED)
def test_no_collision_with_frequent_words(lang):
    """No frequent word is a free month or weekday form ("się" is never August), and a
    sentence made of frequent words has no date."""
    g = grammar(lang)
    words = [w for w in (DATA / f"frequent_{lang}.txt").read_text(encoding="utf-8").split() if w]
    for w in words:
        toks = tokenize("x " + w)
        for cat in ("months", "weekdays", "relative"):
            hits = [form for _, _, form in g.match(toks, 1, cat) if form not in g.bound]
            assert not hits, (lang, w, hits)
    text = " ".join(words) + "."
    a = Analysis(text, lang, "test", [Sentence(0, len(text), text, [])])
    assert extract_dates(a, None) == []


# ----------------------------------------------------------------------------- dev gold

@pytest.mark.skipif(not DEV.exists(), reason="no dev texts here")
def test_dev_gold_precision_recall():
    cases = sorted(DEV.glob("*.gold.yaml"))
    assert cases
    report = []
    for gold_path in cases:
        gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        if not gold.get("dates"):
            continue
        txt_path = gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt"))
        text = txt_path.read_bytes().decode("utf-8-sig")
        skip = set(gold.get("boilerplate") or []) | {gold.get("sources_line") or ""}
        anchor = gold.get("published_assumed") or gold.get("published")
        refs = extract_dates(dev_analysis(text, gold["lang"], skip), str(anchor),
                             str(gold.get("published")))
        ok, tool, n = score(refs, gold)
        p, r = (ok / tool if tool else 1.0), (ok / n if n else 1.0)
        report.append((gold_path.name, p, r))
        assert p >= 0.95 and r >= 0.95, (gold_path.name, p, r, [(d.text, d.value, d.end) for d in refs])
    print(report)


# ----------------------------------------------------------------------------- through the NLP layer

@pytest.mark.parametrize("lang, text, expected", [
    # perfective verbs the data does not list: only the analyser's Tense=Fut makes them future
    ("pl", "Prezydent przyleci do Kijowa w czwartek. Premier odleciał w czwartek.",
     [("w czwartek", "2021-12-09"), ("w czwartek", "2021-12-02")]),
    ("ru", "Путин прилетит в Пекин в пятницу. Си прилетел в Москву в пятницу.",
     [("в пятницу", "2021-12-10"), ("в пятницу", "2021-12-03")]),
    # a perfective infinitive after a verb that schedules, or one in the present, is ahead (issue 18)
    ("ru", "Договорились провести в понедельник заседание комиссии.", [("в понедельник", "2021-12-13")]),
    ("pl", "Komisja ma przedstawić plan w środę.", [("w środę", "2021-12-08")]),
    # not after another past form: "were to end on Sunday"
    ("pl", "Ćwiczenia miały się zakończyć w niedzielę.", [("w niedzielę", "2021-12-05")]),
])
def test_through_offline_analyser(lang, text, expected):
    try:
        from readouts.analyse import analyse
        from readouts.model import LoadedText, Region
        analysis = analyse(LoadedText("x", text, lang, paragraphs=[Region(0, len(text))]), backend="offline")
    except (ImportError, ReadoutsError) as e:  # another stage; its absence is not a date bug
        pytest.skip(f"offline analyser unavailable: {e}")
    from datetime import date
    assert [(d.text, d.value) for d in extract_dates(analysis, date(2021, 12, 7))] == expected
