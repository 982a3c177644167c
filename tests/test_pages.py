"""The HTML and Markdown pages as files: valid HTML (a strict HTML5 parser), self-contained (nothing
loaded from elsewhere), every claim present and linked to its place in the text, the counts, the
conflicts and the one-sided claims marked; the formats chosen by --format or the --output suffix."""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from report_helpers import READOUT_EN, WRAPPED_PL, extracted, hand_comparison, rendered, squeeze
from typer.testing import CliRunner

from readouts.cli import app
from readouts.report import COMPARE_RENDERERS, RENDERERS, Format
from readouts.report.display import one_line, summary
from readouts.report.html import comparison_page, extractions_page
from readouts.report.markdown import comparison_markdown, md, md_paragraph
from readouts.report.marks import Mark, paragraphs, render_marked

runner = CliRunner()


class Page(HTMLParser):
    """What a page is made of: ids, links, the attributes that could load something, and text."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []
        self.loads: list[str] = []
        self.classes: list[tuple[str, str]] = []
        self.text: list[str] = []
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.links.append(attrs["href"])
        for name in ("src", "srcset", "data", "action", "poster"):
            if name in attrs:
                self.loads.append(f"{tag} {name}={attrs[name]}")
        if tag in ("link", "script", "iframe", "img", "object", "embed", "base"):
            self.loads.append(tag)
        self.classes.append((tag, attrs.get("class") or ""))

    def handle_data(self, data):
        self.text.append(data)


def strictly_valid(source: str) -> None:
    import html5lib

    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    parser.parse(source)        # raises on the first parse error
    assert source.startswith("<!DOCTYPE html>")


def self_contained(source: str, page: Page) -> None:
    assert page.loads == []
    assert all(link.startswith("#") for link in page.links), [x for x in page.links if not x.startswith("#")]
    style = re.search(r"<style>(.*?)</style>", source, re.S).group(1)
    assert "url(" not in style and "@import" not in style and "http" not in style


def links_resolve(page: Page) -> None:
    assert len(page.ids) == len(set(page.ids)), "duplicate ids"
    missing = {link for link in page.links if link[1:] not in page.ids}
    assert not missing


# --------------------------------------------------------------------------- extract --format html

def test_extract_page_is_valid_self_contained_and_linked():
    ex = extracted(WRAPPED_PL)
    source = extractions_page([ex])
    page = Page(source)
    strictly_valid(source)
    self_contained(source, page)
    links_resolve(page)


def test_extract_page_shows_the_text_with_every_claim_marked():
    ex = extracted(WRAPPED_PL)
    source = extractions_page([ex])
    text_part = source[source.index("<section class=\"text\""):source.index("<section class=\"claims\"")]
    shown = squeeze(html.unescape(re.sub(r"<span class=\"card\">.*?</span></a>", "", text_part)))
    shown = squeeze(re.sub(r"<[^>]+>", "", shown))
    for c in ex.claims:
        assert squeeze(c.sentence) in shown
    units = re.findall(r"<a class=\"unit act-(\w+)", text_part)
    assert len(units) == len(ex.claims) and set(units) == {c.act for c in ex.claims}
    assert text_part.count("<b class=\"trigger\">") >= len(ex.claims)
    assert "<span class=\"actor\">" in text_part
    # each claim's row in the table below, its details in the hover card
    assert source.count("<tr id=\"d1-c") == len(ex.claims)
    assert "assure · alleged · <span class=\"negated\">content negated</span>" in source
    for act in ("assure", "warn", "demand", "agree", "discuss"):
        assert f"<span class=\"chip act-{act}\">{act}</span>" in source     # the legend


def test_extract_page_marks_dates_and_shows_several_documents():
    ex = extracted(READOUT_EN)
    source = extractions_page([extracted(WRAPPED_PL), ex])
    strictly_valid(source)
    links_resolve(Page(source))
    assert "<article class=\"document\" id=\"d1\">" in source and "<article class=\"document\" id=\"d2\">" in source
    assert "<time class=\"date\" datetime=\"2022-01\"" in source     # "in January" of the readout


def test_a_page_escapes_markup_in_the_text():
    from readouts.model import Claim, DocumentInfo, Extraction

    text = "<script>alert(1)</script> Biden said that A & B <b>agreed</b>."
    claim = Claim("Joe Biden", "state", text, 0, len(text), "said")
    ex = Extraction(DocumentInfo("x<y>.txt", "en", None, None, title="<i>t</i>"), claims=[claim], text=text)
    source = extractions_page([ex])
    strictly_valid(source)
    assert "<script>" not in source and "&lt;script&gt;" in source and "A &amp; B" in source


# --------------------------------------------------------------------------- compare --format html

def test_compare_page_is_valid_self_contained_and_linked():
    source = comparison_page(hand_comparison())
    page = Page(source)
    strictly_valid(source)
    self_contained(source, page)
    links_resolve(page)


def test_compare_page_rows_counts_and_marks():
    comparison = hand_comparison()
    source = comparison_page(comparison)
    rows = re.findall(r"<div class=\"row (\w+)\" id=\"row-\d+\" data-relation=\"(\w+)\">", source)
    expected = len(comparison.matches) + len(comparison.only_left) + len(comparison.only_right)
    assert len(rows) == expected and all(a == b for a, b in rows)
    assert [r for r, _ in rows].count("conflict") == 1
    counts = summary(comparison)
    for key, label in (("same", "same"), ("conflict", "conflict"), ("only_left", "only left")):
        assert f"<li class=\"{key}\"><strong>{counts[key]}</strong> {label}</li>" in source
    # every claim of both sides is in a row, and its sentence in its full text below
    body = squeeze(html.unescape(re.sub(r"<[^>]+>", "", source)))
    for c in comparison.left.claims + comparison.right.claims:
        assert squeeze(one_line(c.sentence))[:60] in body
    assert "<h2>Security guarantees</h2>" in source and "<h2>Sanctions and economic measures</h2>" in source
    # score and reasons folded; --explain unfolds them
    assert "<details><summary>score 2.05</summary><ul><li>same act state (+0.50)</li><li>opposite polarity" in source
    assert "<details open><summary>score 2.05</summary>" in comparison_page(comparison, explain=True)


def test_compare_page_links_each_sentence_to_its_place_in_the_text():
    source = comparison_page(hand_comparison())
    for side in ("left", "right"):
        targets = set(re.findall(rf"href=\"#({side}-u\d+)\"", source))
        assert targets, side
        for target in targets:
            assert f"id=\"{target}\"" in source
        assert f"<div class=\"text {side}\" id=\"{side}-text\"" in source


# --------------------------------------------------------------------------- markdown

def test_compare_markdown():
    comparison = hand_comparison()
    text = comparison_markdown(comparison)
    counts = summary(comparison)
    assert f"**{counts['same']} same · {counts['conflict']} conflict · {counts['only_left']} only left" in text
    assert "## Security guarantees" in text and "**≠ conflict**" in text and "◀ only left" in text
    assert "<details><summary>score 2.67</summary>similarity 0.63 (+1.05); same act warn (+0.50)</details>" in text
    anchors = set(re.findall(r"<a id=\"([\w-]+)\"></a>", text))
    links = set(re.findall(r"\]\(#([\w-]+)\)", text))
    assert links and links <= anchors
    for line in text.splitlines():
        if line.startswith("| **") or line.startswith("| —"):
            assert len(re.findall(r"(?<!\\)\|", line)) == 4, line     # three cells, escaped pipes inside


def test_markdown_escapes_and_full_text_paragraphs():
    assert md("a|b *c* [d](e) <x>\nnext") == r"a\|b \*c\* \[d\](e) \<x\> next"
    text = "12. stycznia\nrozmowa.\n\n# nie nagłówek"
    marks = [Mark(0, 12, "<a id=\"u\"></a>**", "**")]
    assert [render_marked(text, a, b, marks, md) for a, b in paragraphs(text)] == [
        "<a id=\"u\"></a>**12. stycznia** rozmowa.", "# nie nagłówek"]
    assert [md_paragraph(p) for p in ("# nie", "12. stycznia", "- a", "> b", "zwykły")] == [
        "\\# nie", "12\\. stycznia", "\\- a", "\\> b", "zwykły"]
    full = comparison_markdown(hand_comparison())
    assert "## Left: " in full and "## Right: " in full


def test_extract_markdown_tables():
    ex = extracted(WRAPPED_PL)
    text = rendered(RENDERERS[Format.md], [ex])
    assert text.startswith(f"# {md(ex.document.path)}")
    assert f"## Claims ({len(ex.claims)})" in text and "## Actors (" in text and "## Dates (" in text
    assert "| assure · alleged · content negated |" in text
    rows = [line for line in text.splitlines() if re.match(r"\| \d+ \|", line)]
    assert len(rows) == len(ex.claims)
    only_dates = rendered(RENDERERS[Format.md], [ex], what="dates")
    assert "## Claims" not in only_dates and "## Dates" in only_dates


# --------------------------------------------------------------------------- the command line

def test_output_suffix_picks_the_page_and_an_unknown_one_fails_before_the_work(tmp_path, monkeypatch):
    from readouts import pipeline

    page = tmp_path / "claims.html"
    result = runner.invoke(app, ["extract", str(WRAPPED_PL), "-o", str(page)])
    assert result.exit_code == 0, result.output
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    notes = tmp_path / "claims.md"
    assert runner.invoke(app, ["extract", str(WRAPPED_PL), "-o", str(notes)]).exit_code == 0
    assert notes.read_text(encoding="utf-8").startswith("# ")
    chosen = tmp_path / "x.out"
    assert runner.invoke(app, ["extract", str(WRAPPED_PL), "--format", "table", "-o", str(chosen)]).exit_code == 0
    assert "claims (" in chosen.read_text(encoding="utf-8")

    def no_work(*args, **kwargs):
        raise AssertionError("the work started")

    monkeypatch.setattr(pipeline, "extract_loaded", no_work)
    monkeypatch.setattr(pipeline, "compare_loaded", no_work)
    for args in (["extract", str(WRAPPED_PL)], ["compare", str(WRAPPED_PL), str(READOUT_EN)]):
        result = runner.invoke(app, [*args, "-o", str(tmp_path / "report.pdf")])
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and "report.pdf" in result.stderr and "--format" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.html", "claims.md", "x.out"]


def test_compare_options_per_side_and_explain(monkeypatch):
    from readouts import pipeline

    seen = {}

    def fake_compare(left, right, backend="auto", models_dir=None):
        seen.update(left=(left.lang, left.published), right=(right.lang, right.published))
        return hand_comparison()

    monkeypatch.setattr(pipeline, "compare_loaded", fake_compare)
    args = ["compare", str(WRAPPED_PL), str(READOUT_EN)]
    result = runner.invoke(app, [*args, "--lang", "pl", "--lang", "en", "--date", "2022-02-13",
                                 "--date", "2022-02-12", "--format", "md"])
    assert result.exit_code == 0, result.output
    assert seen == {"left": ("pl", "2022-02-13"), "right": ("en", "2022-02-12")}
    assert result.stdout.startswith("# Two accounts compared")
    runner.invoke(app, [*args, "--lang", "pl", "--date", "2022-03-01"])
    assert seen == {"left": ("pl", "2022-03-01"), "right": ("pl", "2022-03-01")}
    for option, values in (("--lang", ["pl", "en", "ru"]), ("--date", ["2022-01-01"] * 3)):
        result = runner.invoke(app, [*args, *[x for v in values for x in (option, v)]])
        assert result.exit_code == 2 and "twice" in result.output
    plain = runner.invoke(app, [*args]).stdout
    explained = runner.invoke(app, [*args, "--explain"]).stdout
    assert "opposite polarity" in explained and "opposite polarity" not in plain
    assert "score 2.05" in plain


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_compare_formats_are_wired(fmt, monkeypatch):
    from readouts import pipeline

    monkeypatch.setattr(pipeline, "compare_loaded", lambda *a, **k: hand_comparison())
    result = runner.invoke(app, ["compare", str(WRAPPED_PL), str(READOUT_EN), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert result.stdout == rendered(COMPARE_RENDERERS[Format(fmt)], hand_comparison())
