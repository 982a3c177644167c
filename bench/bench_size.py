"""Time and peak memory of `readouts extract` as the input grows: one big text against ten texts of a
tenth of its size (issue 17's goal: 10 MB within 2x the time of ten 1 MB texts, under 500 MB).

    python bench/bench_size.py                  # 10 MB vs 10 x 1 MB, English prose with paragraphs
    python bench/bench_size.py --mb 1 --shape line      # 1 MB as one line (no line breaks)
    python bench/bench_size.py --mb 1 --shape bare      # no line breaks and no punctuation
    python bench/bench_size.py --mb 0.1 --compare       # compare two texts of 100 kB
    READOUTS_COMMAND=path/to/readouts python bench/bench_size.py    # another build

The text is the English texts of corpora/ repeated, each copy's lines marked "Part N." (lines
repeated verbatim would be boilerplate, left out of the analysis). Each
run is a fresh `readouts extract --format jsonl` process; its peak resident memory comes from the
kernel (wait4). Prints one JSON line per measurement.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
READOUTS = Path(os.environ.get("READOUTS_COMMAND") or ROOT / ".venv" / "bin" / "readouts")   # another build to compare
MB = 1_000_000


def sample(size: int, shape: str) -> str:
    """English prose of `size` bytes in the given shape."""
    base = "\n\n".join(p.read_text(encoding="utf-8").strip() for p in sorted((ROOT / "corpora").glob("*en*.txt"))
                       if not p.name.endswith(".gold.yaml"))
    if shape == "line":
        base = " ".join(base.split())
    elif shape == "bare":
        base = " ".join("".join(c for c in base if c.isalnum() or c.isspace()).split())
    sep = "\n\n" if shape == "paragraphs" else " "
    copies, total, k = [], 0, 0
    while total < size:
        # every copy's lines differ ("Part 7." in front), or repeated lines would be boilerplate
        copy = "\n".join(f"Part {k}. {line}" if line.strip() else line for line in base.split("\n"))
        copies.append(copy)
        total += len(copy.encode("utf-8")) + len(sep)
        k += 1
    return sep.join(copies).encode("utf-8")[:size].decode("utf-8", "ignore")


def run(paths: list[Path], out: Path, command: str = "extract") -> dict:
    """One process over `paths`: wall seconds and peak memory (MB; with compare, of the process
    that aligns, the larger one)."""
    t0 = time.perf_counter()
    limit = ["--max-bytes", str(100 * MB)] if max(p.stat().st_size for p in paths) > 20 * MB else []
    proc = subprocess.Popen([str(READOUTS), command, *map(str, paths), "--format", "json", "--lang", "en",
                             "--backend", "offline", "--output", str(out), *limit], stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    if status:
        sys.exit(f"readouts failed: {proc.stderr.read().decode()[-500:]}")
    return {"seconds": round(seconds, 1), "peak_mb": round(usage.ru_maxrss / 1024)}


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of the big text in MB")
    parser.add_argument("--shape", choices=("paragraphs", "line", "bare"), default="paragraphs")
    parser.add_argument("--parts", type=int, default=10, help="how many small texts make the big one")
    parser.add_argument("--compare", action="store_true",
                        help="time `readouts compare` of two texts of --mb MB each instead")
    args = parser.parse_args(argv)
    size = int(args.mb * MB)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.compare:
            sides = [folder / "left.txt", folder / "right.txt"]
            for k, path in enumerate(sides):
                text = sample(size + k * 1000, args.shape)[k * 1000:]      # two different cuts
                path.write_text(text, encoding="utf-8")
            found = run(sides, folder / "pair.json", "compare")
            print(json.dumps({"input": f"compare two texts of {args.mb:g} MB", "shape": args.shape, **found}))
            return
        big = folder / "big.txt"
        big.write_text(sample(size, args.shape), encoding="utf-8")
        small = []
        for k in range(args.parts):
            path = folder / f"part{k}.txt"
            path.write_text(sample(size // args.parts, args.shape), encoding="utf-8")
            small.append(path)
        one = run([big], folder / "big.jsonl")
        print(json.dumps({"input": f"one text of {args.mb:g} MB", "shape": args.shape, **one}), flush=True)
        parts = run(small, folder / "parts.jsonl")
        print(json.dumps({"input": f"{args.parts} texts of {args.mb / args.parts:g} MB", "shape": args.shape,
                          **parts}), flush=True)
        print(json.dumps({"ratio": round(one["seconds"] / max(parts["seconds"], 0.1), 2),
                          "goal": "ratio <= 2 and peak_mb < 500"}))


if __name__ == "__main__":
    main(sys.argv[1:])
