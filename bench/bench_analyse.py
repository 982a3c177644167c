"""Time the offline analysers on a ~6000-character text per language, cold and warm.

    python bench/bench_analyse.py                 # the test samples, repeated to ~6000 characters
    python bench/bench_analyse.py pl:FILE en:FILE # your own texts (first 6000 characters)

cold = a fresh interpreter: import, build the analyser (dictionaries, models) and analyse once;
warm = a second text in the same process (the analyser is cached per backend and language).
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "analyse"
SIZE = 6000

CHILD = r"""
import json, re, sys, time
t0 = time.perf_counter()
from readouts.analyse import analyse
from readouts.model import LoadedText, Region
lang, text, backend = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()[:%d], sys.argv[3]
def paragraphs(t):
    out, pos = [], 0
    for m in re.finditer(r"\n\s*\n", t):
        if t[pos:m.start()].strip(): out.append(Region(pos, m.start()))
        pos = m.end()
    if t[pos:].strip(): out.append(Region(pos, len(t)))
    return out
doc = LoadedText(path="x", text=text, lang=lang, paragraphs=paragraphs(text))
a = analyse(doc, backend=backend)
cold = time.perf_counter() - t0
t1 = time.perf_counter()
analyse(LoadedText(path="y", text=text + " ", lang=lang, paragraphs=paragraphs(text)), backend=backend)
warm = time.perf_counter() - t1
print(json.dumps({"lang": lang, "chars": len(text), "sentences": len(a.sentences),
                  "words": sum(len(s.words) for s in a.sentences), "backend": a.backend,
                  "cold_s": round(cold, 2), "warm_s": round(warm, 3)}))
""" % SIZE


def sample_file(lang: str, tmp: Path) -> Path:
    base = (SAMPLES / f"{lang}.txt").read_text(encoding="utf-8").strip()
    text = base
    while len(text) < SIZE:
        text += "\n\n" + base
    path = tmp / f"bench_{lang}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str]) -> None:
    import tempfile
    backend = "offline"
    with tempfile.TemporaryDirectory() as tmp:
        jobs = [a.split(":", 1) for a in argv] or [[lang, str(sample_file(lang, Path(tmp)))] for lang in ("pl", "en", "ru")]
        for lang, path in jobs:
            out = subprocess.run([sys.executable, "-c", CHILD, lang, path, backend], capture_output=True, text=True)
            if out.returncode:
                print(out.stderr.strip().splitlines()[-1])
                continue
            print(out.stdout.strip())


if __name__ == "__main__":
    main(sys.argv[1:])
