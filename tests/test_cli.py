"""The command line: exit codes, exact outputs, the contract's JSON shape, errors, --output.

Extraction itself is other modules' work: these tests replace `pipeline.extract_loaded` with a
stand-in that makes one claim per content paragraph, so that what is checked here is the CLI.
"""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from readouts import __version__, pipeline
from readouts.cli import app
from readouts.model import ACTS, LANGS, SOURCES, Actor, Claim, Comparison, DateRef, DocumentInfo, Extraction, Match

DATA = Path(__file__).parent / "data" / "load"
ROOT = Path(__file__).parents[1]
SHARED = Path(__file__).parents[2] / "shared"
CONTRACT_CSV = ("path,lang,published,source,actor,act,polarity,hedged,conditional,addressee,"
                "reported_by,dates,trigger,sentence,start,stop")
runner = CliRunner()


def fake_extract(loaded, backend="auto", models_dir=None, analysis=None) -> Extraction:
    """One claim per content paragraph, the paragraph as its sentence (no analysis needed)."""
    claims = []
    for r in loaded.paragraphs:
        sentence = loaded.text[r.start:r.stop]
        claims.append(Claim(actor="Joe Biden", act="state", sentence=sentence, start=r.start, stop=r.stop,
                            trigger=sentence.split()[0], hedged=len(claims) == 0, dates=["2021-12-07"],
                            rule="test.paragraph"))
    first = loaded.paragraphs[0]
    return Extraction(
        DocumentInfo(loaded.path, loaded.lang, loaded.published, loaded.source or "press", loaded.title,
                     backend if backend != "auto" else "offline", published_from=loaded.published_from),
        actors=[Actor("Joe Biden", "person", ["Biden"])],
        dates=[DateRef(loaded.text[first.start:first.start + 5], "2021-12-07", first.start, first.start + 5)],
        claims=claims)


@pytest.fixture(autouse=True)
def stand_in(monkeypatch):
    monkeypatch.setattr(pipeline, "extract_loaded", fake_extract)
    monkeypatch.setattr(pipeline, "analyse_loaded", lambda loaded, backend="auto", models_dir=None: None)


def run(*args: str, input: bytes | None = None):
    return runner.invoke(app, list(args), input=input)


# --------------------------------------------------------------------------- the contract's shape

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _type(obj: dict, key: str, *types) -> None:
    assert key in obj, f"missing {key}"
    assert isinstance(obj[key], types) and not (bool not in types and isinstance(obj[key], bool)), \
        f"{key}: {obj[key]!r} is not {types}"


def check_extract_shape(obj: dict, text: str | None = None) -> None:
    """The required fields and types of `extract --format json` (contract README); with the input
    text, also that every offset points at its surface."""
    doc = obj["document"]
    _type(doc, "path", str)
    assert doc["lang"] in LANGS
    _type(doc, "published", str, type(None))
    assert doc["published"] is None or ISO.match(doc["published"])
    assert doc["source"] is None or doc["source"] in SOURCES
    _type(doc, "title", str, type(None))
    for actor in obj["actors"]:
        _type(actor, "name", str)
        _type(actor, "kind", str)
        _type(actor, "mentions", list)
        assert all(isinstance(m, str) for m in actor["mentions"])
    for d in obj["dates"]:
        _type(d, "text", str)
        assert ISO.match(d["value"]) and (d.get("end") is None or ISO.match(d["end"]))
        _type(d, "start", int)
        _type(d, "stop", int)
        assert 0 <= d["start"] <= d["stop"]
        if text is not None:
            assert text[d["start"]:d["stop"]] == d["text"]
    for c in obj["claims"]:
        for key in ("actor", "trigger", "sentence"):
            _type(c, key, str)
        assert c["act"] in ACTS and c["polarity"] in ("affirmed", "negated")
        _type(c, "hedged", bool)
        _type(c, "conditional", bool)
        _type(c, "addressee", str, type(None))
        _type(c, "reported_by", str, type(None))
        _type(c, "start", int)
        _type(c, "stop", int)
        _type(c, "dates", list)
        assert all(ISO.match(v) for v in c["dates"])
        if text is not None:
            assert text[c["start"]:c["stop"]] == c["sentence"]


def decoded(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


# --------------------------------------------------------------------------- extract

def test_json_single_file_has_the_contract_shape_and_offsets():
    path = DATA / "en_crlf.txt"
    result = run("extract", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    obj = json.loads(result.stdout)
    check_extract_shape(obj, decoded(path))
    assert obj["document"] == {"path": str(path), "lang": "en", "published": "2021-11-30", "source": "press",
                               "title": None, "backend": "offline", "published_from": "metadata",
                               "unanchored": []}
    assert "\r\n" in obj["claims"][1]["sentence"]


@pytest.mark.parametrize("name,encoding", [("pl_press.txt", "cp1250"), ("ru_kremlin.txt", "koi8_r"),
                                           ("ru_kremlin.txt", "cp1251")])
def test_json_offsets_in_legacy_encodings(tmp_path, name, encoding):
    text = (DATA / name).read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    result = run("extract", str(path), "--format", "json")
    assert result.exit_code == 0, result.stderr
    check_extract_shape(json.loads(result.stdout), text)


def test_json_array_for_several_and_date_lang_source_options():
    files = [str(DATA / "en_bom.txt"), str(DATA / "readout.md")]
    result = run("extract", *files, "--format", "json", "--date", "2022-06-01", "--source", "whitehouse",
                 "--lang", "en")
    assert result.exit_code == 0, result.stderr
    objs = json.loads(result.stdout)
    assert [o["document"]["path"] for o in objs] == files
    for obj, path in zip(objs, files):
        check_extract_shape(obj, decoded(Path(path)))
        assert obj["document"]["published"] == "2022-06-01" and obj["document"]["source"] == "whitehouse"
    assert objs[1]["document"]["title"] == "Readout of the President's Call with the Prime Minister of Sweden"


def test_jsonl_and_yaml():
    files = [str(DATA / "pl_press.txt"), str(DATA / "ru_kremlin.txt")]
    lines = run("extract", *files, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["document"]["lang"] for line in lines] == ["pl", "ru"]
    result = run("extract", files[1], "--format", "yaml")
    assert result.exit_code == 0
    obj = yaml.safe_load(result.stdout)
    check_extract_shape(obj, decoded(Path(files[1])))
    assert "Состоялся телефонный разговор" in result.stdout


def test_csv_exact_output():
    path = DATA / "en_bom.txt"
    result = run("extract", str(path), "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout == (
        CONTRACT_CSV + "\n"
        f"{path},en,,press,Joe Biden,state,affirmed,true,false,,,2021-12-07,The,The minister said that the "
        "government would not change its position on the talks and that it was ready for a new round.,0,119\n"
        f"{path},en,,press,Joe Biden,state,affirmed,false,false,,,2021-12-07,He,He also thanked the partners "
        "for their support.,121,168\n")


def test_csv_header_once_for_several_files_and_formula_escape(tmp_path):
    evil = tmp_path / "evil.txt"
    evil.write_text("=cmd|' /C calc'!A0 said the minister that the talks would go on and that it was good.\n\n"
                    "@SUM(1) he also said that the partners were thanked for their support.\n", encoding="utf-8")
    result = run("extract", str(DATA / "en_bom.txt"), str(evil), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == CONTRACT_CSV and sum(line == CONTRACT_CSV for line in lines) == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 4
    assert rows[2]["sentence"].startswith("'=cmd|") and rows[2]["trigger"] == "'=cmd|'"
    assert rows[3]["sentence"].startswith("'@SUM(1)")


def test_csv_what_and_explain():
    path = str(DATA / "en_readout.txt")
    dates = run("extract", path, "--format", "csv", "--what", "dates").stdout.splitlines()
    assert dates == ["path,lang,published,source,text,value,end,grain,vague,start,stop",
                     f"{path},en,2022-03-04,press,Reado,2021-12-07,,day,false,17,22"]
    actors = run("extract", path, "-f", "csv", "-w", "actors").stdout.splitlines()
    assert actors == ["path,lang,published,source,name,kind,mentions", f"{path},en,2022-03-04,press,Joe Biden,person,Biden"]
    explained = run("extract", path, "--format", "csv", "--explain").stdout.splitlines()
    assert explained[0] == CONTRACT_CSV + ",rule,trace" and explained[1].endswith(",test.paragraph,")


def test_table_is_the_default():
    result = run("extract", str(DATA / "ru_kremlin.txt"), "--explain")
    assert result.exit_code == 0
    for part in (str(DATA / "ru_kremlin.txt"), "Телефонный разговор с Президентом Финляндии", "language ru",
                 "published 2022-02-15", "source press", "backend offline", "claims (3)", "actors (1)",
                 "dates (1)", "test.paragraph"):
        assert part in result.stdout, part


def test_stdin_dash():
    raw = (DATA / "pl_press.txt").read_bytes()
    result = run("extract", "-", "--format", "json", input=raw)
    assert result.exit_code == 0, result.stderr
    obj = json.loads(result.stdout)
    assert obj["document"]["path"] == "<stdin>" and obj["document"]["lang"] == "pl"
    check_extract_shape(obj, raw.decode("utf-8"))
    assert len(obj["claims"]) == 4


def test_directory_is_expanded_and_gives_an_array(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "sub" / "b.md").write_bytes((DATA / "readout.md").read_bytes())
    (corpus / "a.txt").write_bytes((DATA / "en_bom.txt").read_bytes())
    (corpus / "a.gold.yaml").write_text("lang: en\n")
    (corpus / "LICENSE.txt").write_text("Permission is hereby granted to the public.")
    result = run("extract", str(corpus), "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert [o["document"]["path"] for o in json.loads(result.stdout)] == [str(corpus / "a.txt"),
                                                                          str(corpus / "sub" / "b.md")]


# --------------------------------------------------------------------------- errors and exit codes

def one_line_error(result, code: int, *parts: str) -> None:
    assert result.exit_code == code, (result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("readouts: error: "), result.stderr
    assert "Traceback" not in result.stderr
    for part in parts:
        assert part in lines[0]


@pytest.mark.parametrize("content,message", [
    (b"", "empty file"), (b"\x00\x01\x02binary\x00", "binary file"),
    (bytes(range(128, 256)) * 4, "undecodable"),
    ("Der Kanzler sagte, dass die Gespräche weitergehen würden und dass er für die Unterstützung dankbar sei."
     .encode(), "Polish (pl), English (en), Russian (ru)"),
])
def test_bad_single_input_exits_2_with_one_line(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    out = tmp_path / "out.json"
    result = run("extract", str(path), "--format", "json", "--output", str(out))
    one_line_error(result, 2, str(path), message)
    assert result.stdout == "" and not out.exists() and list(tmp_path.iterdir()) == [path]


def test_missing_file_and_empty_directory_exit_2(tmp_path):
    one_line_error(run("extract", str(tmp_path / "nope.txt")), 2, "no such file")
    (tmp_path / "empty").mkdir()
    one_line_error(run("extract", str(tmp_path / "empty")), 2, "directory has no .txt or .md texts")


def test_several_inputs_some_bad_exit_1_and_output_the_good(tmp_path):
    result = run("extract", str(DATA / "en_bom.txt"), str(tmp_path / "nope.txt"), str(DATA / "de_article.txt"),
                 "--format", "jsonl")
    assert result.exit_code == 1
    assert [json.loads(line)["document"]["path"] for line in result.stdout.splitlines()] == [str(DATA / "en_bom.txt")]
    errors = result.stderr.splitlines()
    assert len(errors) == 3 and "nope.txt: no such file" in errors[0] and "de_article.txt: not a language" in errors[1]
    assert re.fullmatch(r"readouts: 3 files, 2 claims, 2 failed, [\d.]+ s \([\d.]+ files/s\)", errors[2]), errors[2]


def test_several_inputs_all_bad_exit_2(tmp_path):
    result = run("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "csv")
    assert result.exit_code == 2 and result.stdout == ""
    assert [line.split(": ")[-1] for line in result.stderr.splitlines()[:2]] == ["no such file"] * 2
    assert result.stderr.splitlines()[2].startswith("readouts: 2 files, 0 claims, 2 failed, ")


@pytest.mark.parametrize("args,message", [
    (["--date", "2021-13-01"], "is not a date YYYY-MM-DD"),
    (["--date", "2021-13"], "is not a date YYYY-MM-DD"),
    (["--date", "2021-12-7"], "is not a date YYYY-MM-DD"),
    (["--lang", "de"], "'de' is not one of"),
    (["--format", "xml"], "'xml' is not one of"),
    (["--source", "pap"], "'pap' is not one of"),
])
def test_usage_errors_exit_2(args, message):
    result = run("extract", str(DATA / "en_bom.txt"), *args)
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""


def test_unexpected_exception_is_one_line_and_debug_shows_it(monkeypatch):
    def broken(loaded, backend="auto", models_dir=None):
        raise KeyError("oops")

    monkeypatch.setattr(pipeline, "extract_loaded", broken)
    result = run("extract", str(DATA / "en_bom.txt"))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["readouts: internal error: KeyError: 'oops' (run with --debug for the traceback)"]
    debug = run("extract", str(DATA / "en_bom.txt"), "--debug")
    assert isinstance(debug.exception, KeyError)


def test_library_error_from_the_pipeline_keeps_its_exit_code(monkeypatch):
    from readouts.errors import BackendError

    def no_models(loaded, backend="auto", models_dir=None):
        raise BackendError("Stanza models for 'pl' are not installed")

    monkeypatch.setattr(pipeline, "extract_loaded", no_models)
    one_line_error(run("extract", str(DATA / "pl_press.txt"), "--backend", "stanza"), 2, "Stanza models")


# --------------------------------------------------------------------------- --output

def test_output_file_and_suffix_format(tmp_path):
    out = tmp_path / "claims.csv"
    result = run("extract", str(DATA / "en_bom.txt"), "--output", str(out))
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8").splitlines()[0] == CONTRACT_CSV
    assert list(tmp_path.iterdir()) == [out]
    as_json = tmp_path / "x.json"
    run("extract", str(DATA / "en_bom.txt"), "-o", str(as_json))
    check_extract_shape(json.loads(as_json.read_text(encoding="utf-8")))


def test_output_is_never_half_written(tmp_path, monkeypatch):
    from readouts.report import RENDERERS, Format

    def breaks_midway(exs, out, opts):
        out.write('{"document": ')
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(RENDERERS, Format.json, breaks_midway)
    out = tmp_path / "out.json"
    out.write_text("previous", encoding="utf-8")
    result = run("extract", str(DATA / "en_bom.txt"), "--format", "json", "--output", str(out))
    assert result.exit_code == 2 and "disk on fire" in result.stderr
    assert out.read_text(encoding="utf-8") == "previous" and list(tmp_path.iterdir()) == [out]


# --------------------------------------------------------------------------- compare, models, version, help

def test_date_of_month_grain_is_accepted():
    result = run("extract", str(DATA / "en_bom.txt"), "--format", "json", "--date", "2022-06")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)["document"]
    assert (document["published"], document["published_from"]) == ("2022-06", "option")


def test_unanchored_relative_dates_warn_naming_date(monkeypatch):
    def unanchored(loaded, backend="auto", models_dir=None, analysis=None):
        extraction = fake_extract(loaded, backend, models_dir)
        extraction.document.unanchored = ["today", "on Sunday", "next week", "tomorrow"]
        return extraction

    monkeypatch.setattr(pipeline, "extract_loaded", unanchored)
    result = run("extract", str(DATA / "en_bom.txt"), "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)
    assert result.stderr.count("\n") == 1
    assert "4 relative dates could not be anchored ('today', 'on Sunday', 'next week', …)" in result.stderr
    assert "--date YYYY-MM-DD" in result.stderr


def test_compare_is_wired_to_the_comparison(monkeypatch):
    import types

    def fake_compare(left, right):
        return Comparison(left, right, matches=[Match(left.claims[0], right.claims[0], "conflict", 0.8312)],
                          only_left=left.claims[1:], only_right=right.claims[1:])

    monkeypatch.setitem(sys.modules, "readouts.compare",
                        types.SimpleNamespace(compare=fake_compare, warm_up=lambda *langs: None))
    result = run("compare", str(DATA / "en_readout.txt"), str(DATA / "ru_kremlin.txt"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    obj = json.loads(result.stdout)
    assert obj["left"]["document"]["lang"] == "en" and obj["right"]["document"]["lang"] == "ru"
    assert obj["matches"][0]["relation"] == "conflict" and obj["matches"][0]["score"] == 0.831
    assert len(obj["only_left"]) == 2 and len(obj["only_right"]) == 2
    one_line_error(run("compare", "-", "-"), 2, "only one of LEFT and RIGHT")
    one_line_error(run("compare", str(DATA / "en_bom.txt"), "missing.txt"), 2, "missing.txt: no such file")


def test_models_list(tmp_path):
    (tmp_path / "pl" / "pos").mkdir(parents=True)
    (tmp_path / "pl" / "pos" / "pdb.pt").write_bytes(b"x")
    result = run("models", "--models", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    assert f"Stanza models in {tmp_path}:" in result.stdout and "pl: pos/pdb" in result.stdout
    assert "ru: none" in result.stdout


def test_version_and_help():
    assert run("--version").stdout == f"readouts {__version__}\n"
    for command in ("extract", "compare", "models"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "Example" in result.stdout or "readouts models download" in result.stdout
    assert "--what" in run("extract", "--help").stdout


HEAVY = ("stanza", "torch", "natasha", "morfeusz2", "pandas", "pymorphy3", "charset_normalizer")


def test_help_imports_no_heavy_package():
    code = textwrap.dedent(f"""
        import sys
        sys.argv = ["readouts", "extract", "--help"]
        from readouts.cli import main
        try:
            main()
        except SystemExit:
            pass
        print("HEAVY", [m for m in {HEAVY!r} if m in sys.modules])
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in out.stdout, out.stdout[-500:] + out.stderr[-500:]


def test_sigpipe_ends_quietly(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(f"The minister said that point {i} was agreed by the two sides." for i in range(3000)),
                   encoding="utf-8")
    code = textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(Path(__file__).parent)!r})
        import test_cli
        from readouts import pipeline
        pipeline.extract_loaded = test_cli.fake_extract
        sys.argv = ["readouts", "extract", {str(big)!r}, "--format", "csv"]
        from readouts.cli import main
        main()
    """)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().decode().startswith("path,lang")
    proc.stdout.close()
    _, stderr = proc.communicate(timeout=60)
    assert stderr == b"", stderr.decode()[-800:]
    assert proc.returncode in (0, -13)      # -13: ended by SIGPIPE, as `head` expects


@pytest.mark.skipif(not (SHARED / "dev").exists(), reason="shared dev cases absent")
def test_dev_cases_run_with_the_stand_in():
    files = sorted(str(p) for p in (SHARED / "dev").glob("*.txt"))
    result = run("extract", *files, "--format", "json")
    assert result.exit_code == 0, result.stderr
    for obj, path in zip(json.loads(result.stdout), files):
        check_extract_shape(obj, decoded(Path(path)))
