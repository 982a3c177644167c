"""Corpus mode and the Python API, timed (issue 14's targets, on a 2-core machine):

- `readouts extract --jobs 2` over ../shared/data/real/whitehouse-corpus at least 1.7x faster than
  `--jobs 1`, and its first JSONL line within 2 s of the start;
- peak memory (all processes of the run together) the same for 100 and for 1,000 files;
- `readouts.extract(text)` warm within 1.2x of the CLI's time per document (English readouts of
  the same corpus, and Russian kremlin.ru texts, where natasha computes through BLAS);
- `readouts.compare` in a loop: the first call loads everything, the next ones reuse the worker.

    python bench/bench_corpus.py            # prints one JSON line per figure
    python bench/bench_corpus.py api speed  # only these (speed, memory, api, compare)
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "real"
WHITEHOUSE = SHARED / "whitehouse-corpus"
KREMLIN = SHARED / "kremlin-2025"
PAIR = (ROOT / "corpora" / "pair-trump-putin-2025-03-18-wh.en.txt",
        ROOT / "corpora" / "pair-trump-putin-2025-03-18-kremlin.ru.txt")
READOUTS = [sys.executable, "-m", "readouts"]
RUNS = 2                # best of, for the corpus timings (the machine is shared)
POLL_SECONDS = 0.1
API_FILES = 100


def texts(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*") if p.suffix in (".md", ".txt") and p.is_file()
                  and not p.name.lower().startswith(("license", "readme")))


def tree_rss(root: int) -> int:
    """Resident bytes of `root` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        rss[int(entry.name)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    members, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in members]
        members.update(children)
        frontier.extend(children)
    return sum(rss.get(pid, 0) for pid in members)


def run_cli(args: list[str], watch_memory: bool = False) -> dict:
    """Wall time, time to the first stdout line and (optionally) peak tree RSS of one command."""
    started = time.perf_counter()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.Popen(READOUTS + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = 0
    if watch_memory:
        def watch() -> None:
            nonlocal peak
            while proc.poll() is None:
                peak = max(peak, tree_rss(proc.pid))
                time.sleep(POLL_SECONDS)
        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
    first = proc.stdout.readline()
    first_s = time.perf_counter() - started if first else None
    lines = 1 + sum(1 for _ in proc.stdout) if first else 0
    stderr = proc.stderr.read().decode()
    proc.wait()
    wall = time.perf_counter() - started
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = sum(getattr(cpu_after, f) - getattr(cpu_before, f) for f in ("ru_utime", "ru_stime"))
    if watch_memory:
        watcher.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"readouts {' '.join(args[:3])}… exited {proc.returncode}: {stderr[-500:]}")
    return {"wall_s": round(wall, 2), "cpu_s": round(cpu, 2), "first_line_s": round(first_s, 2) if first_s else None,
            "lines": lines, "peak_mb": round(peak / 2**20) if watch_memory else None,
            "summary": stderr.strip().splitlines()[-1] if stderr.strip() else ""}


def corpus_speed() -> None:
    results: dict[int, list[dict]] = {1: [], 2: []}
    for _ in range(RUNS):
        for jobs in (1, 2):
            results[jobs].append(run_cli(["extract", str(WHITEHOUSE), "-f", "jsonl", "--jobs", str(jobs)]))
    best = {jobs: min(runs, key=lambda r: r["wall_s"]) for jobs, runs in results.items()}
    print(json.dumps({"figure": "extract whitehouse-corpus", "files": best[1]["lines"],
                      "jobs1_s": best[1]["wall_s"], "jobs2_s": best[2]["wall_s"],
                      "jobs1_cpu_s": best[1]["cpu_s"], "jobs2_cpu_s": best[2]["cpu_s"],
                      "speedup": round(best[1]["wall_s"] / best[2]["wall_s"], 2), "goal_speedup": 1.7,
                      "jobs2_first_line_s": best[2]["first_line_s"], "goal_first_line_s": 2.0,
                      "all_runs_s": {j: [r["wall_s"] for r in rs] for j, rs in results.items()}}))


def corpus_memory() -> None:
    paths = texts(WHITEHOUSE)
    for count in (100, 1000):
        r = run_cli(["extract", *paths[:count], "-f", "jsonl", "--jobs", "2"], watch_memory=True)
        print(json.dumps({"figure": "peak memory, extract --jobs 2", "files": count, "peak_mb": r["peak_mb"],
                          "wall_s": r["wall_s"]}))


# argv: "api" (readouts.extract) or "before" (the pipeline's functions, BLAS at numpy's default
# threads: what a library user had before readouts.extract), then the paths
API_CHILD = r"""
import json, sys, time
import readouts
from readouts import pipeline
from readouts.load import load_path
extract = readouts.extract if sys.argv[1] == "api" else lambda p: pipeline.extract_loaded(load_path(p))
paths = sys.argv[2:]
extract(paths[0])                           # loads the analyser and the extraction data
times = []
for p in paths:
    t = time.perf_counter()
    extract(p)
    times.append(time.perf_counter() - t)
print(json.dumps({"mean_s": sum(times) / len(times)}))
"""


def api_against_cli(label: str, paths: list[str]) -> None:
    """The API's warm time per document against the CLI's (a run over the files less a run over
    one, per further file: the CLI's own start-up left out)."""
    one = min(run_cli(["extract", paths[0], "-f", "jsonl", "--jobs", "1"])["wall_s"] for _ in range(RUNS))
    many = min(run_cli(["extract", *paths, "-f", "jsonl", "--jobs", "1"])["wall_s"] for _ in range(RUNS))
    cli = (many - one) / (len(paths) - 1)
    api, before = (min(json.loads(subprocess.run([sys.executable, "-c", API_CHILD, mode, *paths], capture_output=True,
                                                 text=True, check=True).stdout)["mean_s"] for _ in range(RUNS))
                   for mode in ("api", "before"))
    print(json.dumps({"figure": f"warm per document, {label}", "files": len(paths), "cli_s": round(cli, 4),
                      "api_s": round(api, 4), "ratio": round(api / cli, 2), "goal_ratio": 1.2,
                      "before_api_s": round(before, 4)}))


COMPARE_CHILD = r"""
import json, sys, time
import readouts
times = []
for _ in range(3):
    t = time.perf_counter()
    readouts.compare(sys.argv[1], sys.argv[2])
    times.append(round(time.perf_counter() - t, 2))
print(json.dumps({"figure": "readouts.compare in a loop", "calls_s": times}))
"""


# what a library user had before readouts.compare: the pipeline's compare, a worker forked per call
# and BLAS at numpy's default threads
BEFORE_CHILD = r"""
import json, sys, time
from readouts import pipeline
from readouts.load import load_path
times = []
for _ in range(3):
    t = time.perf_counter()
    pipeline.compare_loaded(load_path(sys.argv[1]), load_path(sys.argv[2]))
    times.append(round(time.perf_counter() - t, 2))
print(json.dumps({"figure": "before: pipeline.compare_loaded in a loop", "calls_s": times}))
"""


def compare_loop() -> None:
    for child in (BEFORE_CHILD, COMPARE_CHILD):
        done = subprocess.run([sys.executable, "-c", child, *map(str, PAIR)], capture_output=True, text=True,
                              check=True)
        print(done.stdout.strip())


def api_figures() -> None:
    api_against_cli("whitehouse (en)", texts(WHITEHOUSE)[:API_FILES])
    if KREMLIN.is_dir():
        api_against_cli("kremlin-2025 (ru)", texts(KREMLIN))


FIGURES = {"speed": corpus_speed, "memory": corpus_memory, "api": api_figures, "compare": compare_loop}


def main(names: list[str]) -> None:
    """All the figures, or those named (speed, memory, api, compare)."""
    if not WHITEHOUSE.is_dir():
        print(f"no {WHITEHOUSE}: the corpus timings need ../shared")
        compare_loop()
        return
    print(json.dumps({"figure": "machine", "cores": os.cpu_count(), "loadavg": os.getloadavg()}))
    for name in names or FIGURES:
        FIGURES[name]()
    print(json.dumps({"figure": "machine after", "loadavg": os.getloadavg()}))


if __name__ == "__main__":
    main(sys.argv[1:])
