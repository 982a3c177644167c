"""Every language data file loads through its validator, in every language; the validator rejects
misspelt keys, wrong types, empty lists and a surface form mapped to two keys, and its errors name
the file and the key path (STYLE.md point 3)."""
from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pytest
import yaml

from readouts.analyse import data as analyse_data
from readouts.compare import concepts as compare_concepts
from readouts.compare.config import COMPARE_SPEC, load_config
from readouts.compare.fitted import FIT_SPEC, load_model
from readouts.compare.topics import TOPICS_SPEC, load_topic_cues
from readouts.errors import DataError
from readouts.extract import date_grammar, source
from readouts.extract import lexicon as lexicon_module
from readouts.extract.claims import data as claims_data
from readouts.extract.lexicon import (
    ACTORS_SCHEMA,
    CUES_SCHEMA,
    OFFICES_SCHEMA,
    REPORTING_SCHEMA,
    TITLES_SCHEMA,
    WordClass,
    fold,
    lexicon,
    shared_actors,
    shared_offices,
)
from readouts.lang import LANG_ROOT, SUPPORTED, data_path, load_data
from readouts.lang.schema import Choice, Either, check_unique, load_yaml, validate
from readouts.load import LOADER_SPEC, loader_data
from readouts.model import ACTS

# name -> (schema, the public loader that also runs the consumer's own checks)
PER_LANGUAGE = {
    "reporting": (REPORTING_SCHEMA, lexicon),
    "concepts": (lexicon_module.CONCEPT_WORDS_SCHEMA, lexicon),
    "cues": (CUES_SCHEMA, lexicon),
    "titles": (TITLES_SCHEMA, lexicon),
    "source": (source.SOURCE_SCHEMA, lambda lang: load_data("source", lang, source.SOURCE_SCHEMA)),
    "dates": (date_grammar.SPEC, date_grammar.grammar),
    "loader": (LOADER_SPEC, loader_data),
    "analysis": (analyse_data.SPEC, analyse_data.analysis_data),
    "topics": (TOPICS_SPEC, load_topic_cues),
    "matters": (compare_concepts.LANG_MATTERS_SPEC, compare_concepts.vocabulary),
}
SHARED = {
    "actors": (ACTORS_SCHEMA, shared_actors),
    "offices": (OFFICES_SCHEMA, shared_offices),
    "compare": (COMPARE_SPEC, load_config),
    "matters": (compare_concepts.MATTERS_SPEC, compare_concepts.concept_table),
    "compare_fit": (FIT_SPEC, load_model),
    "sources": (source.SHARED_SCHEMA, lambda: load_data("sources", None, source.SHARED_SCHEMA)),
    "extraction": (claims_data.EXTRACTION_SCHEMA, claims_data.engine_settings),
    "roles": (lexicon_module.ROLES_SCHEMA, lambda: lexicon("en").roles),
    "letters": (lexicon_module.LETTERS_SCHEMA, lambda: fold("Ёлка’s")),
    "plain_letters": (lexicon_module.LETTERS_SCHEMA, lambda: lexicon_module.plain("Błaszczak Støre")),
    "act_concepts": (lexicon_module.CONCEPTS_SCHEMA, lambda: lexicon("en").concept_of),
    # the patterns compile against each language's word classes
    "patterns": (claims_data.PATTERNS_SCHEMA, lambda: all(claims_data.claim_data(lang) for lang in SUPPORTED)),
}


# ---------------------------------------------------------------- every file, every language
@pytest.mark.parametrize("lang", SUPPORTED)
@pytest.mark.parametrize("name", sorted(PER_LANGUAGE))
def test_language_file_loads_through_its_validator(name, lang):
    spec, loader = PER_LANGUAGE[name]
    data = load_yaml(data_path(name, lang), spec)     # uncached: validated here and now
    assert data
    assert loader(lang)                               # and through its consumer's checks


@pytest.mark.parametrize("name", sorted(SHARED))
def test_shared_file_loads_through_its_validator(name):
    spec, loader = SHARED[name]
    assert load_yaml(data_path(name), spec)
    assert loader()


def test_every_data_file_is_covered_and_every_language_has_the_same_files():
    shared = {p.stem for p in LANG_ROOT.glob("*.yaml")}
    assert shared == set(SHARED)
    for lang in SUPPORTED:
        assert {p.stem for p in (LANG_ROOT / lang).glob("*.yaml")} == set(PER_LANGUAGE), lang


@pytest.mark.parametrize("name", ["reporting", "cues", "titles", "source", "topics"])
def test_every_language_has_the_same_keys(name):
    """Same file names and the same top-level keys: adding a language is copying a folder."""
    keys = {lang: set(load_yaml(data_path(name, lang), PER_LANGUAGE[name][0])) for lang in SUPPORTED}
    assert keys["pl"] == keys["en"] == keys["ru"]


def test_every_language_titles_the_same_offices():
    offices = {lang: set(load_yaml(data_path("titles", lang), TITLES_SCHEMA)["offices"]) for lang in SUPPORTED}
    assert offices["pl"] == offices["en"] == offices["ru"]
    assert offices["pl"] <= set(shared_offices())


def test_acts_in_the_data_are_the_contract_acts():
    concepts = load_yaml(data_path("act_concepts"), lexicon_module.CONCEPTS_SCHEMA)
    assert {c["act"] for c in concepts.values()} == set(ACTS)      # every act has its words
    for lang in SUPPORTED:
        rep = load_yaml(data_path("reporting", lang), REPORTING_SCHEMA)
        assert set(rep["joint_acts"].values()) <= set(ACTS)


def test_names_are_unique_across_actors_in_each_language():
    data = load_yaml(data_path("actors"), ACTORS_SCHEMA)
    for lang in SUPPORTED:
        check_unique(((fold(n), name) for name, e in data.items() for n in e["names"][lang]),
                     f"lang/actors.yaml ({lang})", "name")


@pytest.mark.xfail(strict=True, reason="en: 'Kremlin spokesman', 'Kremlin spokesperson', 'Kremlin aide', "
                   "'German government spokesman' and pl: 'rzecznik rządu Niemiec', 'rzecznik niemieckiego rządu' "
                   "are both an actors.yaml name of an unnamed official and a titles.yaml office title")
def test_no_phrase_is_both_a_gazetteer_name_and_an_office_title():
    clashes = []
    for lang in SUPPORTED:
        lex = lexicon(lang)
        names = {words for words, _ in lex.names}
        clashes += [(lang, " ".join(words)) for words, _ in lex.offices_by_title if words in names]
    assert clashes == []


def test_office_holders_are_in_order_and_do_not_overlap():
    for key, office in shared_offices().items():
        for (_, start, end), (_, nxt, _) in zip(office.holders, office.holders[1:]):
            assert end is not None and start < end <= nxt, key


# ---------------------------------------------------------------- the validator
REPORTING_PL = load_yaml(data_path("reporting", "pl"), REPORTING_SCHEMA)
WHERE = "lang/pl/reporting.yaml"
CONCEPTS_PL = load_yaml(data_path("concepts", "pl"), lexicon_module.CONCEPT_WORDS_SCHEMA)
CONCEPTS_WHERE = "lang/pl/concepts.yaml"


def rejected(data, spec=REPORTING_SCHEMA, where=WHERE) -> str:
    with pytest.raises(DataError) as err:
        validate(data, spec, where)
    return str(err.value)


def test_misspelt_key_is_rejected_with_its_path():
    data = copy.deepcopy(CONCEPTS_PL)
    data["warning"]["verb"] = data["warning"].pop("verbs")
    msg = rejected(data, lexicon_module.CONCEPT_WORDS_SCHEMA, CONCEPTS_WHERE)
    assert msg.startswith(f"{CONCEPTS_WHERE}: warning: unknown key 'verb'")


def test_reporting_lists_words_by_concept_only():
    """The verbs, nouns and phrases that carry an act are concepts; reporting.yaml lists none."""
    data = copy.deepcopy(REPORTING_PL)
    data["verbs"] = {"warn": ["ostrzec"]}
    assert rejected(data).startswith(f"{WHERE}: <top>: unknown key 'verbs'")


def test_misspelt_top_level_key_is_rejected():
    data = copy.deepcopy(REPORTING_PL)
    data["light_verb"] = data.pop("light_verbs")
    assert rejected(data).startswith(f"{WHERE}: <top>: unknown key 'light_verb'")


def test_missing_key_is_rejected():
    data = copy.deepcopy(REPORTING_PL)
    del data["frames"]
    assert rejected(data) == f"{WHERE}: <top>: missing key 'frames'"


def test_wrong_type_is_rejected_with_its_path():
    data = copy.deepcopy(CONCEPTS_PL)
    data["warning"]["verbs"][1] = 7
    assert rejected(data, lexicon_module.CONCEPT_WORDS_SCHEMA, CONCEPTS_WHERE) == \
        f"{CONCEPTS_WHERE}: warning.verbs[1]: expected str, got int"
    data = copy.deepcopy(REPORTING_PL)
    data["frames"] = "powiedzieć"
    assert rejected(data) == f"{WHERE}: frames: expected a non-empty list"


def test_empty_list_and_empty_string_are_rejected():
    data = copy.deepcopy(CONCEPTS_PL)
    data["concern"]["verbs"] = []
    assert rejected(data, lexicon_module.CONCEPT_WORDS_SCHEMA, CONCEPTS_WHERE) == \
        f"{CONCEPTS_WHERE}: concern.verbs: expected a non-empty list"
    data = copy.deepcopy(REPORTING_PL)
    data["light_verbs"].append("  ")
    assert rejected(data).endswith("empty string")


def test_choice_and_either():
    data = copy.deepcopy(REPORTING_PL)
    data["joint_acts"]["potwierdzić"] = "agreed"
    assert rejected(data).startswith(f"{WHERE}: joint_acts.potwierdzić: 'agreed' is not one of")
    spec = {"x": Either([str], Choice(None)), "n?": int}
    validate({"x": None}, spec, "f.yaml")
    validate({"x": ["a"], "n": 3}, spec, "f.yaml")
    assert rejected({"x": ["a"], "n": True}, spec, "f.yaml") == "f.yaml: n: expected int, got bool"
    assert rejected({"x": 3}, spec, "f.yaml").startswith("f.yaml: x:")


def test_a_form_mapped_to_two_keys_is_rejected():
    check_unique([("ostrzec", "warn"), ("ostrzec", "warn"), ("zapewnić", "assure")], WHERE)
    with pytest.raises(DataError) as err:
        check_unique([("ostrzec", "warn"), ("zapewnić", "assure"), ("ostrzec", "state")], f"{WHERE}: verbs", "lemma")
    assert str(err.value) == f"{WHERE}: verbs: lemma 'ostrzec' is mapped to both 'warn' and 'state'"


def test_lexicon_rejects_a_word_under_two_concepts(monkeypatch):
    """The consumer's own uniqueness check, wired to the real loader."""
    bad = copy.deepcopy(CONCEPTS_PL)
    bad["statement"]["verbs"].append("ostrzec")
    real = lexicon_module.load_data
    monkeypatch.setattr(lexicon_module, "load_data",
                        lambda name, lang=None, spec=None: bad if (name, lang) == ("concepts", "pl") else real(name, lang, spec))
    with pytest.raises(DataError, match=r"lang/pl/concepts.yaml: verbs: word 'ostrzec' is mapped to both 'warning' and "):
        lexicon.__wrapped__("pl")


def test_every_concept_has_words_in_every_language():
    """The act concepts are one table across languages: a concept no language may lack."""
    concepts = load_yaml(data_path("act_concepts"), lexicon_module.CONCEPTS_SCHEMA)
    for lang in SUPPORTED:
        words = load_yaml(data_path("concepts", lang), lexicon_module.CONCEPT_WORDS_SCHEMA)
        assert set(words) == set(concepts), (lang, set(concepts) ^ set(words))
        assert all(any(entry.get(k) for k in ("verbs", "nouns", "phrases")) for entry in words.values()), lang


def test_a_concept_unknown_to_the_shared_table_is_rejected(monkeypatch):
    real = lexicon_module.load_data
    bad = {"no_such_concept": {"verbs": ["zaoferować"]}}
    monkeypatch.setattr(lexicon_module, "load_data",
                        lambda name, lang=None, spec=None: bad if (name, lang) == ("concepts", "pl") else real(name, lang, spec))
    with pytest.raises(DataError, match=r"lang/pl/concepts.yaml: no_such_concept: no such concept"):
        lexicon.__wrapped__("pl")


def test_date_grammar_rejects_a_form_under_two_months(monkeypatch):
    good = load_yaml(data_path("dates", "en"), date_grammar.SPEC)
    bad = copy.deepcopy(good)
    bad["months"]["june"] = list(bad["months"]["june"]) + [bad["months"]["july"][0]]
    monkeypatch.setattr(date_grammar, "load_data", lambda name, lang=None, spec=None: bad)
    with pytest.raises(DataError, match=r"lang/en/dates.yaml: .* is mapped to both 'months.june' and 'months.july'"
                                        r"|lang/en/dates.yaml: .* is mapped to both 'months.july' and 'months.june'"):
        date_grammar.grammar.__wrapped__("en")


# ---------------------------------------------------------------- files on disk
def copy_data(tmp_path: Path, name: str, lang: str) -> Path:
    target = tmp_path / "lang" / lang / f"{name}.yaml"
    target.parent.mkdir(parents=True)
    shutil.copy(data_path(name, lang), target)
    return target


def test_a_mistake_in_a_copied_file_names_file_and_key(tmp_path):
    path = copy_data(tmp_path, "cues", "ru")
    text = path.read_text(encoding="utf-8")
    assert "\nhedges:\n  auxiliaries:" in text
    path.write_text(text.replace("\nhedges:\n  auxiliaries:", "\nhedges:\n  auxilaries:"), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_yaml(path, CUES_SCHEMA)
    assert str(err.value).startswith("lang/ru/cues.yaml: hedges: unknown key 'auxilaries'")


def test_a_wrong_type_in_a_copied_file(tmp_path):
    path = copy_data(tmp_path, "titles", "en")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["offices"]["us_president"] = "U.S. President"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_yaml(path, TITLES_SCHEMA)
    assert str(err.value) == "lang/en/titles.yaml: offices.us_president: expected a non-empty list"


def test_invalid_yaml_and_missing_file(tmp_path):
    path = copy_data(tmp_path, "source", "pl")
    path.write_text("official_openers: [komunikat\npress_marks: ]\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^lang/pl/source.yaml: not valid YAML"):
        load_yaml(path, source.SOURCE_SCHEMA)
    with pytest.raises(DataError, match=r"missing data file"):
        load_yaml(tmp_path / "lang" / "pl" / "nothing.yaml", source.SOURCE_SCHEMA)


def test_the_copy_itself_is_valid(tmp_path):
    """The mistake tests above fail for the mistake, not for the copying."""
    for name in ("cues", "titles"):
        for lang in ("ru", "en"):
            target = tmp_path / lang / name
            target.mkdir(parents=True)
            shutil.copy(data_path(name, lang), target / f"{name}.yaml")
            assert load_yaml(target / f"{name}.yaml", PER_LANGUAGE[name][0])


def test_a_cue_with_a_gap_matches_up_to_two_inserted_words():
    cue = WordClass.of(["по … словам", "по данным"])
    assert cue.match_at(["по", "словам", "пескова"], 0) == 2
    assert cue.match_at(["по", "его", "словам"], 0) == 3
    assert cue.match_at(["по", "ее", "же", "словам"], 0) == 4
    assert cue.match_at(["по", "мнению", "его", "коллег", "словам"], 0) == 0     # three words between
    assert cue.match_at(["по", "его", "словам"], 0, stop=2) == 0
    assert cue.occurs(["и", "по", "его", "словам"], ["и", "по", "он", "слово"])
    assert "по … словам" not in WordClass.of(["словам"])


def test_a_cue_that_starts_or_ends_with_a_gap_is_rejected(monkeypatch):
    real = lexicon_module.load_data
    bad = copy.deepcopy(load_yaml(data_path("cues", "ru"), CUES_SCHEMA))
    bad["attribution"].append("… словам")
    monkeypatch.setattr(lexicon_module, "load_data",
                        lambda name, lang=None, spec=None: bad if (name, lang) == ("cues", "ru") else real(name, lang, spec))
    with pytest.raises(DataError, match=r"lang/ru/cues.yaml: attribution: '… словам': an entry starts or ends with a gap"):
        lexicon.__wrapped__("ru")
