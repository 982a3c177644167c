"""Corpus mode: `readouts.corpus.run` (order, laziness, failures and crashes as values) and
`readouts extract` over several inputs (--jobs, streamed JSONL/CSV, flat claim lines, the summary
line, Ctrl-C). Extraction is a stand-in (corpus_helpers.staged_extract); worker processes are
forked, so they run it too.
"""
from __future__ import annotations

import io
import json
import os
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpus_helpers import cli_script, staged_extract, write_texts
from rich.console import Console
from typer.testing import CliRunner

from readouts import corpus, pipeline
from readouts.cli import app
from readouts.model import Extraction
from readouts.report import rows as rowmod
from readouts.report.progress import Tally, progress

runner = CliRunner()
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="worker processes are forked here")


@pytest.fixture(autouse=True)
def stand_in(monkeypatch):
    monkeypatch.setattr(pipeline, "extract_loaded", staged_extract)
    monkeypatch.setenv("READOUTS_FORCE_WORKERS", "1")      # workers even on a one-core machine


def tasks(paths: list[str]) -> list[corpus.Task]:
    return [corpus.task(Path(p)) for p in paths]


def names(results) -> list[str]:
    return [Path(r.document.path).name if isinstance(r, Extraction) else f"FAILED {Path(r.path).name}"
            for r in results]


# --------------------------------------------------------------------------- the runner

@needs_fork
def test_results_come_in_input_order_and_a_failure_is_a_value(tmp_path):
    paths = write_texts(tmp_path, ["slow-a.txt", "b.txt", "slow-c.txt", "d.txt", "e.txt"])
    paths.insert(2, str(tmp_path / "missing.txt"))
    results = list(corpus.run(tasks(paths), jobs=2))
    assert names(results) == ["slow-a.txt", "b.txt", "FAILED missing.txt", "slow-c.txt", "d.txt", "e.txt"]
    failure = results[2]
    assert failure.error == "InputError" and failure.message.endswith("missing.txt: no such file")
    assert [r.to_dict() for r in results if isinstance(r, Extraction)] == \
        [r.to_dict() for r in corpus.run(tasks(paths), jobs=1) if isinstance(r, Extraction)]


@needs_fork
def test_tasks_are_taken_lazily_a_bounded_window_ahead(tmp_path):
    paths = write_texts(tmp_path, ["a.txt", "b.txt"])
    taken = 0

    def endless():
        nonlocal taken
        while True:
            taken += 1
            yield corpus.task(Path(paths[taken % 2]))

    results = corpus.run(endless(), jobs=2)
    next(results)
    first_taken = taken
    for _ in range(20):
        next(results)
    results.close()
    assert first_taken <= 2 * corpus.AHEAD + 1
    assert taken <= 21 + 2 * corpus.AHEAD + 1


@needs_fork
def test_a_crashing_worker_fails_its_input_only(tmp_path):
    paths = write_texts(tmp_path, ["a.txt", "crash.txt", "c.txt", "d.txt"])
    results = list(corpus.run(tasks(paths), jobs=2))
    assert names(results) == ["a.txt", "FAILED crash.txt", "c.txt", "d.txt"]
    assert "worker process died" in results[1].message


def test_a_str_is_a_path_or_a_text(tmp_path):
    path = write_texts(tmp_path, ["a.txt"])[0]
    assert corpus.task(path).path == path
    assert corpus.task(str(tmp_path / "missing.md")).path is not None      # a missing file is an error later
    text = corpus.task("The minister said so.\n\nAnd more.")
    assert text.path is None and text.name == "<text>"
    assert corpus.task(b"bytes", index=3).name == "<bytes 3>"
    with pytest.raises(TypeError):
        corpus.task(42)


# --------------------------------------------------------------------------- the command

def run(*args: str):
    return runner.invoke(app, list(args))


@needs_fork
def test_jobs_give_the_same_stream_as_one_process(tmp_path):
    paths = write_texts(tmp_path, ["slow-a.txt", "b.txt", "c.txt", "slow-d.txt"])
    one = run("extract", *paths, "--format", "jsonl", "--jobs", "1")
    two = run("extract", *paths, "--format", "jsonl", "--jobs", "2")
    assert one.exit_code == two.exit_code == 0, two.stderr
    assert one.stdout == two.stdout
    assert [json.loads(line)["document"]["path"] for line in two.stdout.splitlines()] == paths
    csv_two = run("extract", *paths, "--format", "csv", "--jobs", "2").stdout.splitlines()
    assert csv_two[0].startswith("path,lang") and sum(line.startswith("path,") for line in csv_two) == 1
    assert len(csv_two) == 1 + 2 * len(paths)


def test_jsonl_what_claims_is_one_flat_line_per_claim(tmp_path):
    paths = write_texts(tmp_path, ["a.txt", "b.txt"])
    result = run("extract", *paths, "--format", "jsonl", "--what", "claims", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 4 and all(tuple(obj) == rowmod.CLAIM_COLUMNS for obj in lines)
    assert lines[0]["hedged"] is True and lines[1]["hedged"] is False
    assert lines[0]["dates"] == ["2021-12-07"] and isinstance(lines[0]["start"], int)
    assert [obj["path"] for obj in lines] == [paths[0], paths[0], paths[1], paths[1]]
    dates = run("extract", *paths, "-f", "jsonl", "-w", "dates", "--jobs", "1")
    assert [tuple(json.loads(line)) for line in dates.stdout.splitlines()] == [rowmod.DATE_COLUMNS] * 2


def test_summary_line_and_jobs_validation(tmp_path):
    paths = write_texts(tmp_path, ["a.txt", "b.txt", "c.txt"])
    result = run("extract", *paths, "--format", "json", "--jobs", "1")
    assert result.exit_code == 0
    assert re.fullmatch(r"readouts: 3 files, 6 claims, 0 failed, [\d.]+ s \([\d.]+ files/s\)\n", result.stderr)
    single = run("extract", paths[0], "--format", "json")
    assert single.exit_code == 0 and single.stderr == ""
    bad = run("extract", *paths, "--jobs", "0")
    assert bad.exit_code == 2 and "--jobs" in bad.stderr


def test_progress_bar_counts_and_logs_above_itself():
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=120)
    with progress(console, 3, show=True) as bar:
        for name in ("a.txt", "b.txt", "c.txt"):
            time.sleep(0.05)
            bar.advance(name)
        bar.log("readouts: error: b.txt: no such file")
    shown = out.getvalue()
    assert "/3" in shown and "ETA" in shown and "readouts: error: b.txt: no such file" in shown
    tally = Tally(3)
    tally.count(object())
    assert tally.summary(interrupted=True).startswith("readouts: interrupted after 1 of 3 files, 0 claims, 1 failed")


# --------------------------------------------------------------------------- as a user runs it

def _first_line(proc: subprocess.Popen, timeout: float = 30) -> bytes:
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    assert ready, "no output line in time"
    return proc.stdout.readline()


@needs_fork
def test_lines_are_written_as_files_are_done(tmp_path):
    """The last file waits until the test has read the first line: with output held back to the
    end, the first line would never come."""
    paths = write_texts(tmp_path, ["a.txt", "b.txt", "wait.txt"])
    proc = subprocess.Popen([sys.executable, "-c", cli_script(["extract", *paths, "-f", "jsonl", "-j", "2"])],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0)   # reads no line ahead
    try:
        assert json.loads(_first_line(proc))["document"]["path"] == paths[0]
        (tmp_path / "go").touch()
        rest, stderr = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0, stderr.decode()[-800:]
    assert len(rest.splitlines()) == 2 and b"readouts: 3 files, 6 claims, 0 failed" in stderr


def _session_processes(sid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.getsid(int(entry.name)) == sid:
                    found.append(int(entry.name))
            except OSError:
                pass
    return found


@needs_fork
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("to_file", [False, True])
def test_ctrl_c_exits_130_keeps_what_was_streamed_and_leaves_no_worker(tmp_path, to_file):
    paths = write_texts(tmp_path, [f"slow-{i:02}.txt" for i in range(30)])
    out = tmp_path / "out" / "claims.jsonl"
    out.parent.mkdir()
    args = ["extract", *paths, "-f", "jsonl", "-j", "2"] + (["-o", str(out)] if to_file else [])
    proc = subprocess.Popen([sys.executable, "-c", cli_script(args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        if to_file:
            time.sleep(2)
        else:
            _first_line(proc)
        os.killpg(proc.pid, signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=30)
    finally:
        proc.kill()
    assert proc.returncode == 130, stderr.decode()[-800:]
    assert stderr.decode().splitlines()[-1].startswith("readouts: interrupted after ")
    assert "Traceback" not in stderr.decode()
    if to_file:
        assert list(out.parent.iterdir()) == []        # neither half a file nor a temporary one
    else:
        assert all(json.loads(line)["document"]["path"] in paths for line in stdout.decode().splitlines())
    time.sleep(0.5)
    assert _session_processes(proc.pid) == []
