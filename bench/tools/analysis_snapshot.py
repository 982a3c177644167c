"""A token-for-token snapshot of the offline analysers' output, to prove a speed change kept it.

    python bench/tools/analysis_snapshot.py write SNAPSHOT.jsonl [PATH …]   # before the change
    python bench/tools/analysis_snapshot.py check SNAPSHOT.jsonl [PATH …]   # after: exit 1 on any difference

Each input (files, or folders read as `readouts extract` reads them) is loaded as the CLI loads it
and analysed by the offline backend; one JSON line per input holds every sentence, token, word
(text, lemma, UPOS, features, head, relation, offsets) and name. Without paths it reads the texts
the speed issue named: ../shared/dev, corpora/, ../shared/data/real/kremlin-2025 and the first
200 files of ../shared/data/real/whitehouse-corpus (those under ../shared are skipped when it is
absent).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
WHITEHOUSE_FILES = 200


def default_inputs() -> list[str]:
    from readouts.load import iter_inputs

    paths = [str(ROOT / "corpora")]
    if SHARED.is_dir():
        paths[:0] = [str(SHARED / "dev")]
        paths.append(str(SHARED / "data" / "real" / "kremlin-2025"))
        whitehouse = list(iter_inputs([SHARED / "data" / "real" / "whitehouse-corpus"]))
        paths += whitehouse[:WHITEHOUSE_FILES]
    return list(iter_inputs(paths))


def snapshot(path: str) -> dict:
    """The analysis of one input as plain data (or the error that stopped it)."""
    from readouts.analyse import analyse
    from readouts.errors import ReadoutsError
    from readouts.load import load_path

    try:
        loaded = load_path(path)
        analysis = analyse(loaded, backend="offline")
    except ReadoutsError as e:
        return {"path": path, "error": str(e)}
    sentences = [
        {"span": [s.start, s.stop, s.paragraph],
         "tokens": [[t.start, t.stop, t.text,
                     [[w.id, w.text, w.lemma, w.upos, w.feats, w.head, w.deprel, w.start, w.stop]
                      for w in t.words]] for t in s.tokens],
         "names": [[n.start, n.stop, n.text, n.label, n.lemma] for n in s.names]}
        for s in analysis.sentences]
    words = sum(len(t[3]) for s in sentences for t in s["tokens"])
    return {"path": path, "lang": loaded.lang, "words": words, "sentences": sentences}


def first_difference(old: dict, new: dict) -> str:
    if "error" in old or "error" in new:
        return f"error {old.get('error')!r} -> {new.get('error')!r}"
    for k, (a, b) in enumerate(zip(old["sentences"], new["sentences"])):
        if a != b:
            for key in ("span", "tokens", "names"):
                for x, y in zip(a[key], b[key]) if key != "span" else [(a[key], b[key])]:
                    if x != y:
                        return f"sentence {k} {key}: {x} -> {y}"
                if len(a[key]) != len(b[key]):
                    return f"sentence {k}: {len(a[key])} -> {len(b[key])} {key}"
    return f"{len(old['sentences'])} -> {len(new['sentences'])} sentences"


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("write", "check"):
        print(__doc__.strip().splitlines()[2:4], file=sys.stderr)
        return 2
    mode, target, paths = argv[0], Path(argv[1]), argv[2:]
    from readouts.load import iter_inputs

    inputs = list(iter_inputs(paths)) if paths else default_inputs()
    started = time.perf_counter()
    if mode == "write":
        with target.open("w", encoding="utf-8") as out:
            for path in inputs:
                out.write(json.dumps(snapshot(path), ensure_ascii=False) + "\n")
        print(f"{len(inputs)} inputs written to {target} in {time.perf_counter() - started:.0f} s")
        return 0
    old = {d["path"]: d for d in map(json.loads, target.read_text(encoding="utf-8").splitlines())}
    differ = missing = words = 0
    for path in inputs:
        new = snapshot(path)
        words += new.get("words", 0)
        if path not in old:
            missing += 1
        elif old[path] != new:
            differ += 1
            print(f"DIFFERS {path}: {first_difference(old[path], new)}")
    print(f"{len(inputs)} inputs, {words} words: {differ} differ, {missing} not in the snapshot "
          f"({time.perf_counter() - started:.0f} s)")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
