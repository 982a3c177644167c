"""Reporters: rows, CSV (column order, escaping), JSON/JSONL/YAML shapes, the Rich table, output."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from readouts.model import Actor, Claim, DateRef, DocumentInfo, Extraction
from readouts.report import COMPARE_RENDERERS, RENDERERS, Format, ReportOptions, open_output, resolve_format
from readouts.report import rows as rowmod
from readouts.report.table import highlighted, render_extractions

CONTRACT_CSV = ["path", "lang", "published", "source", "actor", "act", "polarity", "hedged",
                "conditional", "addressee", "reported_by", "dates", "trigger", "sentence", "start", "stop"]


def extraction(path: str = "a.txt", claims: list[Claim] | None = None) -> Extraction:
    doc = DocumentInfo(path=path, lang="ru", published="2021-12-07", source="kremlin", title="Заголовок",
                       backend="offline")
    default = [
        Claim(actor="Vladimir Putin", act="warn", sentence="Путин предупредил о последствиях.", start=10,
              stop=43, trigger="предупредил", polarity="negated", hedged=True, conditional=False,
              addressee="Joe Biden", reported_by=None, dates=["2021-12-07", "2021-12"], rule="ru.verb.warn"),
        Claim(actor="=HYPERLINK(\"x\")", act="state", sentence="-1 dollar said @home", start=50, stop=70,
              trigger="+said", addressee="@evil", rule=None),
    ]
    return Extraction(doc,
                      actors=[Actor("Vladimir Putin", "person", ["Путин", "Владимир Путин"])],
                      dates=[DateRef("7 декабря", "2021-12-07", 3, 12), DateRef("в июне", "2021-06", 20, 26,
                                                                                grain="month")],
                      claims=default if claims is None else claims)


def render(fmt: Format, exs: list[Extraction], **opts) -> str:
    out = io.StringIO()
    RENDERERS[fmt](exs, out, ReportOptions(**opts))
    return out.getvalue()


def test_every_format_has_a_renderer():
    assert set(RENDERERS) == set(Format) == set(COMPARE_RENDERERS)


@pytest.mark.parametrize("fmt,output,expected", [
    (None, None, Format.table), (Format.csv, Path("x.json"), Format.csv), (None, Path("x.json"), Format.json),
    (None, Path("x.JSONL"), Format.jsonl), (None, Path("x.yml"), Format.yaml), (None, Path("x.csv"), Format.csv),
    (None, Path("x.txt"), Format.table), (None, Path("report.md"), Format.md), (None, Path("r.HTML"), Format.html),
    (None, Path("r.htm"), Format.html), (Format.table, Path("x.out"), Format.table),
])
def test_format_falls_back_to_the_output_suffix(fmt, output, expected):
    assert resolve_format(fmt, output) is expected


@pytest.mark.parametrize("name", ["report.pdf", "claims", "x.out"])
def test_an_output_suffix_that_names_no_format_is_an_error(name):
    from readouts.errors import FormatError

    with pytest.raises(FormatError, match="--format"):
        resolve_format(None, Path(name))


def test_csv_columns_in_contract_order_and_cells():
    text = render(Format.csv, [extraction()])
    lines = text.splitlines()
    assert lines[0] == ",".join(CONTRACT_CSV)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2
    first = rows[0]
    assert first["path"] == "a.txt" and first["lang"] == "ru" and first["published"] == "2021-12-07"
    assert first["hedged"] == "true" and first["conditional"] == "false" and first["polarity"] == "negated"
    assert first["dates"] == "2021-12-07;2021-12"
    assert first["reported_by"] == "" and first["start"] == "10" and first["stop"] == "43"


def test_csv_formula_cells_are_escaped():
    rows = list(csv.DictReader(io.StringIO(render(Format.csv, [extraction()]))))
    second = rows[1]
    assert second["actor"] == "'=HYPERLINK(\"x\")"
    assert second["sentence"] == "'-1 dollar said @home"
    assert second["trigger"] == "'+said"
    assert second["addressee"] == "'@evil"
    assert second["act"] == "state"          # ordinary cells untouched
    assert rowmod.cell(-3) == -3             # numbers are not text formulas
    assert rowmod.cell("\tx") == "'\tx"


def test_csv_header_once_for_several_documents_and_header_only_when_empty():
    text = render(Format.csv, [extraction("a.txt"), extraction("b.txt", claims=[])])
    lines = text.splitlines()
    assert lines[0].startswith("path,lang") and sum(line.startswith("path,") for line in lines) == 1
    assert len(lines) == 3
    assert render(Format.csv, [extraction(claims=[])]).splitlines() == [",".join(CONTRACT_CSV)]


def test_csv_what_dates_and_actors_and_explain():
    dates = list(csv.reader(io.StringIO(render(Format.csv, [extraction()], what="dates"))))
    assert dates[0] == ["path", "lang", "published", "source", "text", "value", "end", "grain", "vague",
                        "start", "stop"]
    assert dates[1][4:] == ["7 декабря", "2021-12-07", "", "day", "false", "3", "12"]
    assert dates[2][5] == "2021-06" and dates[2][7] == "month"
    actors = list(csv.reader(io.StringIO(render(Format.csv, [extraction()], what="actors"))))
    assert actors[0] == ["path", "lang", "published", "source", "name", "kind", "mentions"]
    assert actors[1][4:] == ["Vladimir Putin", "person", "Путин;Владимир Путин"]
    explained = list(csv.reader(io.StringIO(render(Format.csv, [extraction()], explain=True))))
    assert explained[0] == CONTRACT_CSV + ["rule", "trace"]
    assert explained[1][-2:] == ["ru.verb.warn", ""]


def test_json_object_for_one_array_for_several():
    one = json.loads(render(Format.json, [extraction()]))
    assert one == extraction().to_dict()
    assert "Путин" in render(Format.json, [extraction()])        # not \u-escaped
    many = json.loads(render(Format.json, [extraction("a.txt"), extraction("b.txt")]))
    assert [d["document"]["path"] for d in many] == ["a.txt", "b.txt"]
    forced = json.loads(render(Format.json, [extraction()], several=True))
    assert isinstance(forced, list) and len(forced) == 1


def test_jsonl_one_object_per_line():
    lines = render(Format.jsonl, [extraction("a.txt"), extraction("b.txt")]).splitlines()
    assert len(lines) == 2
    assert [json.loads(line)["document"]["path"] for line in lines] == ["a.txt", "b.txt"]


def test_yaml_is_the_same_shape_and_readable_unicode():
    text = render(Format.yaml, [extraction()])
    assert "Путин" in text
    assert yaml.safe_load(text) == extraction().to_dict()
    assert isinstance(yaml.safe_load(render(Format.yaml, [extraction(), extraction()])), list)


def plain_table(exs: list[Extraction], **kw) -> str:
    console = Console(file=io.StringIO(), width=200, no_color=True)
    render_extractions(exs, console, kw.get("what"), kw.get("explain", False))
    return console.file.getvalue()


def test_table_header_names_document_and_tables_follow():
    text = plain_table([extraction()])
    for part in ("a.txt", "Заголовок", "language ru", "published 2021-12-07", "source kremlin",
                 "backend offline", "claims (2)", "actors (1)", "dates (2)", "Путин предупредил",
                 "negated", "Joe Biden", "2021-12-07"):
        assert part in text, part
    assert text.index("claims (2)") < text.index("actors (1)") < text.index("dates (2)")
    assert "ru.verb.warn" not in text and "rule" not in text


def test_table_explain_and_what():
    assert "ru.verb.warn" in plain_table([extraction()], explain=True)
    only_dates = plain_table([extraction()], what="dates")
    assert "dates (2)" in only_dates and "claims (" not in only_dates and "actors (" not in only_dates
    assert "no claims found" in plain_table([extraction(claims=[])])


def test_trigger_is_highlighted_in_the_sentence():
    claim = extraction().claims[0]
    text = highlighted(claim)
    spans = [(s.start, s.end, str(s.style)) for s in text.spans]
    at = claim.sentence.index("предупредил")
    assert spans == [(at, at + len("предупредил"), "bold")]


def test_open_output_is_atomic(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with open_output(target) as out:
            out.write("half")
            raise RuntimeError("boom")
    assert target.read_text() == "old"
    assert list(tmp_path.iterdir()) == [target]
    with open_output(target) as out:
        out.write("new\n")
    assert target.read_text() == "new\n" and list(tmp_path.iterdir()) == [target]
