"""Time `readouts.compare.compare` on two ordinary readouts, cold: encoder load + encoding + alignment.

    python bench/bench_compare.py [LEFT.txt RIGHT.txt]

The claims come from the gold files beside the texts (default: the dev pair in shared/dev), so the
figure is compare() alone, not extraction. Each cold figure is a fresh Python process: once with
the tokenizer cache disabled (the first run on a machine), once with it (every later run).
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[1] / "tests"))

from compare_gold import DEV_CASES, load_case  # noqa: E402


def once(left: Path, right: Path) -> None:
    L, R = load_case(left, "sentence"), load_case(right, "sentence")
    t0 = time.perf_counter()
    from readouts.compare import compare
    result = compare(L, R)
    t1 = time.perf_counter()
    compare(L, R)
    t2 = time.perf_counter()
    print(f"claims {len(L.claims)} x {len(R.claims)}, {len(result.matches)} matches: "
          f"cold {t1 - t0:.2f} s, warm {t2 - t1:.3f} s")


def main(argv: list[str]) -> None:
    if argv[:1] == ["--once"]:
        once(Path(argv[1]), Path(argv[2]))
        return
    left, right = (Path(a) for a in argv) if argv else (
        DEV_CASES / "en-wh-biden-putin-2021-12-07.txt", DEV_CASES / "ru-kremlin-biden-putin-2021-12-07.txt")
    for label, env in (("no tokenizer cache", {"READOUTS_NO_CACHE": "1"}), ("tokenizer cache", {})):
        if not env:   # make sure the cache exists, then time a run that uses it
            subprocess.run([sys.executable, str(HERE), "--once", str(left), str(right)], capture_output=True)
        out = subprocess.run([sys.executable, str(HERE), "--once", str(left), str(right)],
                             env={**os.environ, **env}, capture_output=True, text=True, check=True)
        print(f"{label:20} {out.stdout.strip()}")


if __name__ == "__main__":
    main(sys.argv[1:])
