"""Speed of `readouts extract`, per language, all figures from one run (so their ratios hold).

    python bench/bench_speed.py            # everything below (a few minutes on a 2-core machine)
    BENCH_MAX_KB=100 python bench/bench_speed.py   # sizes up to 100 KB only

Per language (pl, en, ru), on the project's own texts (corpora/ and corpora/blind/extract):
- warm: words/s of the offline analysis alone, of the extraction alone, and of both, measured on
  texts the process has not seen (the analyser and the data are loaded first, on another text),
  and both / analysis, the share extraction adds;
- cold: `readouts extract --format json` of one readout in a fresh process (the user cache
  filled by an earlier run, as for every run after a user's first), and `readouts --help`;
  wall time (best and median of RUNS) and CPU time;
- peak RSS of each process;
- size: the texts repeated to 10 KB, 100 KB and 1 MB, with their line breaks and as one line;
  the analysis alone in-process, and the whole `readouts extract` command, which is stopped
  after BENCH_TIMEOUT seconds (default 60; the larger sizes of that shape are then skipped).

Wall times on a shared machine vary with its load; CPU time varies much less.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGS = ("pl", "en", "ru")
COLD_TEXTS = {"pl": "corpora/pl-pap-trump-putin-2025-03-18.txt",
              "en": "corpora/en-wh-biden-xi-2022-03-18.txt",
              "ru": "corpora/ru-kremlin-scholz-putin-2024-11-15.txt"}
RUNS = 5
SIZES_KB = (10, 100, 1000)
MAX_KB = int(os.environ.get("BENCH_MAX_KB", SIZES_KB[-1]))
TIMEOUT_S = float(os.environ.get("BENCH_TIMEOUT", 60))
READOUTS = [sys.executable, "-m", "readouts"]
POLL_S = 0.005


# --------------------------------------------------------------------------- child processes

def texts_of(lang: str) -> list[str]:
    from readouts.load import iter_inputs, load_path

    paths = iter_inputs([ROOT / "corpora" / "blind" / "extract", *sorted((ROOT / "corpora").glob("*.txt"))])
    return [p for p in paths if load_path(p).lang == lang]


def child_warm(lang: str) -> dict:
    """Words/s of analysis and extraction on unseen texts, with everything loaded first."""
    from readouts.analyse import analyse
    from readouts.extract.claims import extract_all
    from readouts.load import load_path

    loaded = [load_path(p) for p in texts_of(lang)]
    warm_up, loaded = loaded[0], loaded[1:]
    extract_all(warm_up, analyse(warm_up, "offline"))
    t, c = time.perf_counter(), time.process_time()
    analyses = [analyse(doc, "offline") for doc in loaded]
    analysis = time.perf_counter() - t, time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    for doc, a in zip(loaded, analyses):
        extract_all(doc, a)
    extraction = time.perf_counter() - t, time.process_time() - c
    words = sum(len(s.words) for a in analyses for s in a.sentences)
    return {"texts": len(loaded), "words": words, "analysis": analysis, "extraction": extraction}


def child_analyse(lang: str, path: str) -> dict:
    """The analysis alone of one (large) file, the analyser loaded first on a short text."""
    from readouts.analyse import analyse
    from readouts.load import load_path

    analyse(load_path(texts_of(lang)[0]), "offline")
    doc = load_path(path, lang=lang)
    t, c = time.perf_counter(), time.process_time()
    a = analyse(doc, "offline")
    return {"words": sum(len(s.words) for s in a.sentences), "seconds": (time.perf_counter() - t, time.process_time() - c)}


# --------------------------------------------------------------------------- measuring

def measured(args: list[str], timeout: float | None = None) -> tuple[float, float, float, str]:
    """(wall s, CPU s, peak RSS MB, stdout) of one process, CPU and RSS its own (os.wait4); wall is
    inf when it ran past `timeout` and was stopped. A process that fails stops the benchmark."""
    with tempfile.TemporaryFile() as out:
        started = time.perf_counter()
        proc = subprocess.Popen(args, stdout=out, stderr=subprocess.DEVNULL, cwd=ROOT)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if timeout is not None and time.perf_counter() - started > timeout:
                proc.kill()
                os.wait4(proc.pid, 0)
                return float("inf"), float("nan"), float("nan"), ""
            time.sleep(POLL_S)
        if os.waitstatus_to_exitcode(status):
            raise SystemExit(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(map(str, args))}")
        wall = time.perf_counter() - started
        out.seek(0)
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read().decode()


def child(mode: str, *args: str, timeout: float | None = None) -> tuple[dict, float, float]:
    wall, cpu, rss, out = measured([sys.executable, __file__, "--child", mode, *args], timeout)
    if wall == float("inf") or not out.strip():
        return {}, rss, wall
    return json.loads(out.splitlines()[-1]), rss, wall


def repeated(args: list[str]) -> dict:
    runs = [measured(args) for _ in range(RUNS)]
    walls = [r[0] for r in runs]
    return {"best": min(walls), "median": statistics.median(walls), "cpu": min(r[1] for r in runs),
            "rss": max(r[2] for r in runs)}


def sized_inputs(lang: str, folder: Path) -> list[tuple[int, str, Path]]:
    """(KB, shape, path): the content paragraphs of the language's texts (no front matter, date
    line or end marker, which would end the text early), repeated to each size, with line breaks
    and as one line. Each copy of a paragraph ends with its copy number: the loader drops lines
    repeated in a text as boilerplate."""
    from readouts.load import load_path

    paragraphs = [doc.text[r.start:r.stop] for doc in map(load_path, texts_of(lang)) for r in doc.paragraphs]
    out = []
    for kb in (k for k in SIZES_KB if k <= MAX_KB):
        copies, size, copy = [], 0, 0
        while size < kb * 1024:
            copy += 1
            for paragraph in paragraphs:
                copies.append(f"{paragraph} [{copy}]")
                size += len(copies[-1].encode()) + 2
        text = "\n\n".join(copies).encode()[: kb * 1024].decode(errors="ignore")
        for shape, body in (("lines", text), ("one line", " ".join(text.split()))):
            path = folder / f"{lang}-{kb}kb-{shape.replace(' ', '')}.txt"
            path.write_text(body, encoding="utf-8")
            out.append((kb, shape, path))
    return out


# --------------------------------------------------------------------------- report

def per_s(words: int, seconds: float) -> str:
    return f"{words / seconds:8.0f}" if seconds > 0 else "       -"


def main() -> None:
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; "
          f"cold runs: best / median of {RUNS}, CPU = user + system")
    help_ = repeated(READOUTS + ["--help"])
    print(f"--help: best {help_['best']:.3f} s, median {help_['median']:.3f} s, CPU {help_['cpu']:.3f} s, "
          f"peak RSS {help_['rss']:.0f} MB (goal 0.25 s)")
    goals = {"pl": 0.5, "en": 0.5, "ru": 1.0}
    with tempfile.TemporaryDirectory() as tmp:
        for lang in LANGS:
            print(f"\n== {lang}")
            warm, rss, _ = child("warm", lang)
            words = warm["words"]
            (aw, ac), (ew, ec) = warm["analysis"], warm["extraction"]
            print(f"warm, {warm['texts']} texts, {words} words (words/s; wall, CPU):")
            print(f"  analysis alone        {per_s(words, aw)} {per_s(words, ac)}")
            print(f"  extraction alone      {per_s(words, ew)} {per_s(words, ec)}")
            print(f"  analysis + extraction {per_s(words, aw + ew)} {per_s(words, ac + ec)}"
                  f"   both / analysis: {(aw + ew) / aw:.2f} (CPU {(ac + ec) / ac:.2f}); peak RSS {rss:.0f} MB")
            cold_run = READOUTS + ["extract", "--format", "json", COLD_TEXTS[lang]]
            measured(cold_run)                      # the user cache is filled by a first run
            cold = repeated(cold_run)
            print(f"cold extract of {Path(COLD_TEXTS[lang]).name}: best {cold['best']:.3f} s, median "
                  f"{cold['median']:.3f} s, CPU {cold['cpu']:.3f} s, peak RSS {cold['rss']:.0f} MB "
                  f"(goal {goals[lang]} s)")
            print("size (analysis alone: words/s wall; extract command: wall s, peak RSS):")
            stopped: set[str] = set()
            results: dict[tuple[int, str], float] = {}
            for kb, shape, path in sized_inputs(lang, Path(tmp)):
                alone, _, _ = child("analyse", lang, str(path))
                line = f"  {kb:5d} KB {shape:9}"
                line += f" analysis {per_s(alone['words'], alone['seconds'][0])} w/s" if alone else " analysis -"
                if shape in stopped:
                    print(line + "   extract: skipped")
                    continue
                wall, _, rss_mb, _ = measured(READOUTS + ["extract", "--format", "json", "--lang", lang, str(path)],
                                              timeout=TIMEOUT_S)
                results[(kb, shape)] = wall
                if wall == float("inf"):
                    stopped.add(shape)
                    print(line + f"   extract: over {TIMEOUT_S:.0f} s")
                else:
                    print(line + f"   extract {wall:7.2f} s, {rss_mb:5.0f} MB")
            both = [kb for kb, _ in results if all(results.get((kb, s), float("inf")) < float("inf")
                                                  for s in ("lines", "one line"))]
            if both:
                top = max(both)
                ratio = results[(top, "one line")] / results[(top, "lines")]
                print(f"  one line / line breaks at {top} KB (the largest size where both ran): {ratio:.2f} "
                      f"(goal at most 1.5)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        mode, args = sys.argv[2], sys.argv[3:]
        result = child_warm(*args) if mode == "warm" else child_analyse(*args)
        print(json.dumps(result))
    else:
        main()
