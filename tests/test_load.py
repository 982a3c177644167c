"""Loading: encodings, offsets, metadata forms, front matter, boilerplate, language, errors, inputs."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
import yaml

from readouts.errors import InputError, LanguageError, ReadoutsError
from readouts.lang import SUPPORTED
from readouts.load import detect_language, iter_inputs, load_bytes, load_path, loader_data

DATA = Path(__file__).parent / "data" / "load"
SHARED_DEV = Path(__file__).parents[2] / "shared" / "dev"
KRESY = SHARED_DEV / "kresy-biden-putin-2021-12.pl.txt"
KRESY_GOLD = SHARED_DEV / "kresy-biden-putin-2021-12.pl.gold.yaml"


def paragraphs(loaded) -> list[str]:
    return [loaded.text[r.start:r.stop] for r in loaded.paragraphs]


def skipped(loaded) -> list[tuple[str, str]]:
    return [(why, loaded.text[r.start:r.stop]) for r, why in loaded.skipped]


@pytest.mark.parametrize("lang", SUPPORTED)
def test_loader_data_validates_for_every_language(lang):
    data = loader_data(lang)
    assert data.stopwords and data.boilerplate_cues and data.sources_cues and data.name


# --------------------------------------------------------------------------- encodings

@pytest.mark.parametrize("name,encoding,lang", [
    ("pl_press.txt", "cp1250", "pl"),
    ("ru_kremlin.txt", "cp1251", "ru"),
    ("ru_kremlin.txt", "koi8_r", "ru"),
    ("pl_press.txt", "utf-8", "pl"),
    ("ru_kremlin.txt", "utf-8", "ru"),
])
def test_encodings_are_detected(tmp_path, name, encoding, lang):
    source = (DATA / name).read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_bytes(source.encode(encoding))
    loaded = load_path(path)
    assert loaded.text == source
    assert loaded.encoding == encoding
    assert loaded.lang == lang
    assert loaded.path == str(path)


def test_short_legacy_texts_pick_the_right_cyrillic_encoding():
    text = "Президент России заявил, что не намерен отказываться от переговоров."
    for encoding in ("cp1251", "koi8_r"):
        loaded = load_bytes(text.encode(encoding), "short.txt")
        assert (loaded.text, loaded.encoding) == (text, encoding)


def test_bom_is_removed_and_offsets_count_from_after_it():
    loaded = load_path(DATA / "en_bom.txt")
    raw = (DATA / "en_bom.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert loaded.text == raw[3:].decode("utf-8") and not loaded.text.startswith("\ufeff")
    assert loaded.encoding == "utf-8-sig"
    assert paragraphs(loaded)[0].startswith("The minister said")
    assert loaded.paragraphs[0].start == 0


def test_crlf_is_kept_and_offsets_count_cr():
    loaded = load_path(DATA / "en_crlf.txt")
    raw = (DATA / "en_crlf.txt").read_bytes()
    assert loaded.text == raw.decode("utf-8") and "\r\n" in loaded.text
    paras = paragraphs(loaded)
    assert paras[1] == ("The ambassador said that the delegation had no intention of leaving the talks.\r\n"
                        "He added that the next round would take place in Vienna.")
    second = loaded.paragraphs[1]
    assert raw.decode("utf-8").index("The ambassador") == second.start
    assert not any(p.endswith(("\r", "\n", " ")) for p in paras)


# --------------------------------------------------------------------------- metadata

def test_date_line_followed_by_the_lede_on_the_same_line():
    loaded = load_path(DATA / "pl_press.txt")
    assert loaded.published == "2022-01" and loaded.published_assumed is None
    assert loaded.lang == "pl"
    first = loaded.paragraphs[0]
    assert loaded.text[first.start:].startswith("Kanclerz Niemiec miał zapewnić")
    assert first.start == len(" date 2022-01 ")
    assert skipped(loaded)[0] == ("metadata", " date 2022-01 ")


def test_date_line_of_its_own_and_title_line_stays_a_paragraph():
    loaded = load_path(DATA / "en_readout.txt")
    assert loaded.published == loaded.published_assumed == "2022-03-04"
    assert paragraphs(loaded)[0] == "Readout of the Prime Minister's Call with the President of Finland"
    assert loaded.title == "Readout of the Prime Minister's Call with the President of Finland"


def test_date_option_overrides_the_metadata():
    loaded = load_path(DATA / "pl_press.txt", date="2022-01-20")
    assert loaded.published == loaded.published_assumed == "2022-01-20"


def test_front_matter_and_markdown_structure():
    loaded = load_path(DATA / "readout.md", source="whitehouse")
    assert loaded.published == "2022-05-18" == loaded.published_assumed
    assert loaded.title == "Readout of the President's Call with the Prime Minister of Sweden"
    assert loaded.source_url == "https://example.gov/briefing-room/2022/05/18/readout/"
    assert loaded.source == "whitehouse"
    paras = paragraphs(loaded)
    assert len(paras) == 2
    assert paras[0].startswith("The President spoke today") and paras[0].endswith("application.")
    assert paras[1].endswith("in close touch.")
    reasons = [why for why, _ in skipped(loaded)]
    assert reasons == ["front_matter", "heading", "end_marker"]
    assert skipped(loaded)[2][1] == "\\###"
    assert all("---" not in p and "#" not in p for p in paras)


# --------------------------------------------------------------------------- boilerplate

def test_repeated_appeal_cue_lines_and_sources_line_are_skipped():
    loaded = load_path(DATA / "pl_press.txt")
    appeal = "Wspieraj niezależne media Wpłać dowolną kwotę Wspieram Portal.pl"
    assert skipped(loaded)[1:] == [
        ("boilerplate", appeal),
        ("boilerplate", "Czytaj także: Rozmowa przywódców w grudniu przyniosła niewiele"),
        ("boilerplate", appeal),
        ("boilerplate", appeal),
        ("sources", "Bundesregierung.de / Elysee.fr / Portal.pl"),
    ]
    paras = paragraphs(loaded)
    assert len(paras) == 4 and paras[-1].startswith("Dzień później")
    assert not any("Wspieram" in p or "Czytaj" in p or "Elysee.fr" in p for p in paras)
    # the text itself is never cut: offsets stay those of the file
    assert loaded.text == (DATA / "pl_press.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name,cue,source", [
    ("en_readout.txt", "Read also: The Prime Minister's visit to Helsinki last year", "Source: Downing Street press office"),
    ("ru_kremlin.txt", "Читайте также: Заявление по итогам переговоров в Женеве", "Источник: пресс-служба Кремля"),
])
def test_cue_lines_in_english_and_russian(name, cue, source):
    loaded = load_path(DATA / name)
    assert ("boilerplate", cue) in skipped(loaded)
    assert ("sources", source) in skipped(loaded)
    assert not any(cue in p or source in p for p in paragraphs(loaded))
    # a mention of reading inside a sentence is content
    if name == "en_readout.txt":
        assert any("Read also lines should not" in p for p in paragraphs(loaded))


def test_a_sentence_repeated_twice_stays_content():
    text = ("The president said the talks would go on.\n\nHe added more later in the day.\n\n"
            "The president said the talks would go on.\n")
    loaded = load_bytes(text.encode(), "rep.txt")
    assert paragraphs(loaded) == ["The president said the talks would go on.", "He added more later in the day.",
                                  "The president said the talks would go on."]


@pytest.mark.skipif(not (KRESY.exists() and KRESY_GOLD.exists()), reason="shared dev cases absent")
def test_dev_case_boilerplate_matches_the_gold():
    gold = yaml.safe_load(KRESY_GOLD.read_text(encoding="utf-8"))
    loaded = load_path(KRESY)
    paras = paragraphs(loaded)
    for line in gold["boilerplate"]:
        assert not any(line in p for p in paras)
    assert ("sources", gold["sources_line"]) in skipped(loaded)
    assert loaded.lang == gold["lang"] and loaded.published == gold["published"]


# --------------------------------------------------------------------------- language

@pytest.mark.parametrize("name,lang", [("pl_press.txt", "pl"), ("en_readout.txt", "en"),
                                       ("ru_kremlin.txt", "ru"), ("readout.md", "en")])
def test_language_detection(name, lang):
    assert load_path(DATA / name).lang == lang


def test_other_language_is_a_clear_error_naming_the_supported_ones():
    with pytest.raises(LanguageError) as e:
        load_path(DATA / "de_article.txt")
    message = str(e.value)
    assert "de_article.txt" in message
    for part in ("Polish (pl)", "English (en)", "Russian (ru)", "--lang"):
        assert part in message
    assert e.value.exit_code == 2


def test_lang_option_overrides_detection():
    assert load_path(DATA / "de_article.txt", lang="en").lang == "en"
    assert load_path(DATA / "pl_press.txt", lang="en").lang == "en"
    with pytest.raises(LanguageError, match="unsupported language 'de'"):
        load_path(DATA / "pl_press.txt", lang="de")


def test_detect_language_on_plain_strings():
    assert detect_language("Он сказал, что не будет участвовать в переговорах и что это его решение.") == "ru"
    assert detect_language("Powiedział, że nie będzie brał udziału w rozmowach i że to jego decyzja.") == "pl"
    assert detect_language("He said that he would not take part in the talks and that it was his decision.") == "en"
    with pytest.raises(LanguageError):
        detect_language("Il a dit qu'il ne participerait pas aux négociations et que c'était sa décision.")


# --------------------------------------------------------------------------- errors

@pytest.mark.parametrize("content,message", [
    (b"", "empty file"),
    (b"  \n\r\n\t \n", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
    (b"\xef\xbb\xbf\xff\xfe not utf-8", "undecodable"),
    (bytes(range(128, 256)) * 8, "undecodable"),
])
def test_bad_files(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as e:
        load_path(path)
    assert message in str(e.value) and str(path) in str(e.value)
    assert e.value.exit_code == 2


def test_missing_file_and_empty_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_path(tmp_path / "nope.txt")
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.pdf").write_bytes(b"%PDF")
    assert list(iter_inputs([tmp_path / "empty"])) == [str(tmp_path / "empty")]
    with pytest.raises(InputError, match="directory has no .txt or .md texts"):
        load_path(tmp_path / "empty")


def test_all_errors_are_readouts_errors():
    assert issubclass(InputError, ReadoutsError) and issubclass(LanguageError, ReadoutsError)


# --------------------------------------------------------------------------- inputs

def test_iter_inputs_expands_directories_recursively(tmp_path):
    root = tmp_path / "corpus"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for name in ("b.txt", "a.md", "sub/c.txt", "sub/deeper/d.md", "x.gold.yaml", "LICENSE.source.txt",
                 "README.md", "notes.docx", ".hidden/e.txt", "sub/f.TXT"):
        (root / name).write_text("text", encoding="utf-8")
    found = list(iter_inputs(["-", root, str(DATA / "en_bom.txt")]))
    assert found == ["-"] + [str(root / n) for n in ("a.md", "b.txt", "sub/c.txt", "sub/deeper/d.md", "sub/f.TXT")] \
        + [str(DATA / "en_bom.txt")]


def test_stdin(monkeypatch):
    raw = (DATA / "ru_kremlin.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))
    loaded = load_path("-")
    assert loaded.path == "<stdin>" and loaded.lang == "ru"
    assert loaded.text == raw.decode("utf-8")


def test_a_date_object_is_taken_as_its_iso_day():
    import datetime as dt

    loaded = load_bytes("Putin spoke with Biden on Thursday.".encode(), "t.txt", lang="en",
                        date=dt.datetime(2021, 12, 30, 15, 0))
    assert (loaded.published, loaded.published_from) == ("2021-12-30", "option")
    with pytest.raises(InputError):
        load_bytes(b"Putin spoke with Biden.", "t.txt", lang="en", date=20211230)


def test_a_lists_items_are_paragraphs_of_their_own():
    text = ("Leaders met in Aarhus on Thursday. Here are the main points:\n"
            "- Frederiksen pledged that Denmark would help.\n"
            "→ Zelensky thanked Denmark for its support.\n"
            "We are closing this live page now.\n\n"
            "The talks went on, with the\n- as agreed - leaders alone.\n")
    loaded = load_bytes(text.encode(), "t.en.txt", lang="en", date="2025-07-03")
    paragraphs = [text[p.start:p.stop] for p in loaded.paragraphs]
    assert paragraphs[:3] == ["Leaders met in Aarhus on Thursday. Here are the main points:",
                              "- Frederiksen pledged that Denmark would help.",
                              "→ Zelensky thanked Denmark for its support.\nWe are closing this live page now."]
    # a dash at the start of a line that continues a sentence opens no item
    assert paragraphs[3] == "The talks went on, with the\n- as agreed - leaders alone."
