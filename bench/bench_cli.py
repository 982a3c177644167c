"""Wall time of whole `readouts` commands, each in a fresh process (cold), on the project's corpora.

Issue 7's goal: `readouts compare` of two ordinary readouts under 3 s cold on a 2-core machine.
Prints one JSON line per measurement (median of three runs).
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "corpora"
READOUTS = [sys.executable, "-m", "readouts"]
RUNS = 3


def wall(args: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        subprocess.run(READOUTS + args, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    pairs = sorted((CORPORA / "pairs").glob("*.yaml"))
    import yaml

    for pair_path in pairs[:2]:
        pair = yaml.safe_load(pair_path.read_text(encoding="utf-8"))
        left, right = CORPORA / pair["left"], CORPORA / pair["right"]
        seconds = wall(["compare", "--format", "json", str(left), str(right)])
        print(json.dumps({"command": "compare", "pair": pair_path.stem, "cold_s": round(seconds, 2),
                          "goal_s": 3.0}))
    for lang in ("pl", "en", "ru"):
        texts = sorted(p for p in CORPORA.glob(f"{lang}-*.txt"))
        if not texts:
            continue
        chars = sum(len(p.read_text(encoding="utf-8")) for p in texts)
        seconds = wall(["extract", "--format", "json", *map(str, texts)])
        print(json.dumps({"command": "extract", "lang": lang, "files": len(texts), "chars": chars,
                          "cold_s": round(seconds, 2)}))


if __name__ == "__main__":
    main()
