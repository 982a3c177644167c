"""`readouts evaluate`: the contract scorer's figures on the user's own gold files, the act
confusion table, and the command's errors.

Where ../shared is present, the figures are compared with ../shared/eval/score.py itself: on the
same tool outputs (gold claims altered in every way the scorer distinguishes), and end to end on
the dev cases.
"""
from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import readouts
from readouts import evaluate as ev
from readouts.cli import app

ROOT = Path(__file__).parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
GOLD_SETS = [ROOT / "corpora", ROOT / "corpora" / "blind" / "extract", SHARED / "dev"]
EN = ROOT / "corpora" / "en-wh-biden-xi-2022-03-18.txt"
runner = CliRunner()
needs_scorer = pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval/score.py absent")


@pytest.fixture(scope="module")
def scorer():
    spec = importlib.util.spec_from_file_location("contract_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def altered_output(raw: str, gold: dict) -> dict:
    """A tool output made from the gold: claims missed, acts and actors wrong, polarity flipped,
    offsets off or absent, a spurious and an unlocatable claim; dates right, wrong, vague, extra."""
    claims = []
    for i, g in enumerate(gold.get("claims") or []):
        if i % 7 == 3:
            continue
        act = (g["act"] if isinstance(g["act"], str) else g["act"][0])
        start = raw.find(g["sentence"])
        claim = {"actor": "Bidena" if i % 4 == 2 else g["actor"],
                 "act": ("discuss" if act == "state" else "state") if i % 5 == 1 else act,
                 "polarity": ("affirmed" if g.get("polarity") == "negated" else "negated") if i % 9 == 4
                 else g.get("polarity", "affirmed"),
                 "hedged": bool(g.get("hedged")), "conditional": bool(g.get("conditional")) != (i % 8 == 6),
                 "addressee": g.get("addressee"), "reported_by": g.get("reported_by") if i % 3 else None,
                 "sentence": g["sentence"], "start": None, "stop": None}
        if start >= 0 and i % 6 != 5:
            claim["start"], claim["stop"] = start, start + len(g["sentence"])
        elif start >= 0:
            claim["start"], claim["stop"] = start + 1, start + 1 + len(g["sentence"])   # offsets off
        claims.append(claim)
    first_line = raw.strip().splitlines()[0][:60]
    claims.append({"actor": "Joe Biden", "act": "warn", "sentence": first_line, "start": None, "stop": None})
    claims.append({"actor": "Joe Biden", "act": "warn", "sentence": "not in the text at all", "start": 0, "stop": 5})
    dates = []
    for i, d in enumerate(gold.get("dates") or []):
        value = "1999-01-01" if i % 4 == 1 else d["value"]
        dates.append({"text": d["text"], "value": value, "end": d.get("end"), "vague": i % 5 == 3})
    dates.append({"text": "a date that is not there", "value": "2020-01-01"})
    return {"claims": claims, "dates": dates}


@needs_scorer
def test_figures_are_the_contract_scorers_on_the_same_outputs(scorer):
    compared = 0
    for folder in GOLD_SETS:
        for case in ev.find_cases(folder) if folder.exists() else []:
            raw = ev.read_text(case.text, case.gold.get("lang", ""))
            out = altered_output(raw, case.gold)
            theirs = scorer.score_claims(raw, case.gold, out)
            for key, value in scorer.score_dates(raw, case.gold, out).items():
                theirs[key] += value
            ours = ev.score_claims(raw, case.gold, out).counts + ev.score_dates(case.gold, out)
            assert ev.figures(ours) == pytest.approx(scorer.summarize(theirs)), case.name
            compared += 1
    assert compared >= 19


@needs_scorer
@pytest.mark.skipif(not (SHARED / "dev").exists(), reason="../shared/dev absent")
def test_evaluate_gives_the_scorers_figures_end_to_end():
    command = f"{sys.executable} -m readouts"
    done = subprocess.run([sys.executable, str(SCORER), "extract", str(SHARED / "dev"), "--cmd", command, "--json"],
                          capture_output=True, text=True, timeout=600)
    theirs = json.loads(done.stdout)
    ours = ev.evaluate(SHARED / "dev", jobs=1)
    assert ours["failures"] == theirs["failures"] == 0
    for part in ("cases", "by_lang"):
        assert set(ours[part]) == set(theirs[part])
        for name, figures in theirs[part].items():
            assert {k: ours[part][name][k] for k in figures} == pytest.approx(figures), (part, name)


# --------------------------------------------------------------------------- on a gold set made here

def own_gold(folder: Path) -> tuple[Path, dict]:
    """A copy of a corpus text with a gold file written from readouts' own output on it."""
    text = folder / EN.name
    shutil.copyfile(EN, text)
    ex = readouts.extract(text)
    gold = {"lang": ex.document.lang, "published": ex.document.published,
            "claims": [{"actor": c.actor, "act": c.act, "polarity": c.polarity, "hedged": c.hedged,
                        "conditional": c.conditional, "sentence": c.sentence} for c in ex.claims],
            "dates": [{"text": d.text, "value": d.value, **({"end": d.end} if d.end else {})}
                      for d in ex.dates if not d.vague]}
    gold_path = folder / (EN.stem + ".gold.yaml")
    gold_path.write_text(yaml.safe_dump(gold, allow_unicode=True), encoding="utf-8")
    return gold_path, gold


def test_own_output_as_gold_scores_one_and_a_changed_act_shows_in_the_confusion(tmp_path):
    gold_path, gold = own_gold(tmp_path)
    assert len(gold["claims"]) >= 3
    perfect = ev.evaluate(tmp_path, jobs=1)
    assert perfect["by_lang"]["all"]["strict_f1"] == 1.0 and perfect["by_lang"]["all"]["dates_p"] == 1.0
    assert perfect["acts"] == {act: {act: n} for act, n in Counter(c["act"] for c in gold["claims"]).items()}
    changed, dropped = gold["claims"][0], gold["claims"][1]
    other = "reject" if changed["act"] != "reject" else "warn"
    tool_act = changed["act"]
    changed["act"] = other
    gold["claims"] = [c for c in gold["claims"] if c is not dropped]
    gold_path.write_text(yaml.safe_dump(gold, allow_unicode=True), encoding="utf-8")
    report = ev.evaluate(tmp_path, jobs=1)
    figures = report["by_lang"]["all"]
    n = len(gold["claims"])
    assert figures["claims_gold"] == n and figures["claims_tool"] == n + 1
    assert figures["strict_p"] == pytest.approx((n - 1) / (n + 1)) and figures["act_acc"] == pytest.approx((n - 1) / n)
    assert report["acts"][other][tool_act] == 1 and report["acts"]["-"][dropped["act"]] == 1


def run(*args: str):
    return runner.invoke(app, list(args))


def test_evaluate_command_tables_json_and_errors(tmp_path):
    own_gold(tmp_path)
    table = run("evaluate", str(tmp_path))
    assert table.exit_code == 0, table.stderr
    assert "strict F1" in table.stdout and "Acts" in table.stdout and "1 cases, 0 failed" in table.stdout
    as_json = run("evaluate", str(tmp_path), "--format", "json", "--cases")
    report = json.loads(as_json.stdout)
    assert report["by_lang"]["en"]["cases"] == 1 and list(report["cases"]) == [EN.stem]
    (tmp_path / "broken.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "broken.gold.yaml").write_text("lang: en\nclaims: []\n", encoding="utf-8")
    failing = run("evaluate", str(tmp_path), "-f", "json")
    assert failing.exit_code == 1 and json.loads(failing.stdout)["failures"] == 1
    assert "readouts: error: " in failing.stderr and "broken.txt: binary file" in failing.stderr
    shutil.copyfile(EN, tmp_path / "broken.txt")
    (tmp_path / "broken.gold.yaml").write_text("lang: en\nclaims:\n- {actor: X, act: state, sentence: nowhere}\n",
                                               encoding="utf-8")
    bad_gold = run("evaluate", str(tmp_path))
    assert bad_gold.exit_code == 2 and bad_gold.stderr.count("\n") == 1
    assert "broken.gold.yaml: gold sentence not in the text: 'nowhere'" in bad_gold.stderr
    (tmp_path / "empty").mkdir()
    empty = run("evaluate", str(tmp_path / "empty"))
    assert empty.exit_code == 2 and "no NAME.gold.yaml" in empty.stderr and empty.stderr.count("\n") == 1
