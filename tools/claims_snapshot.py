"""Regression snapshots of the claims: what every text of some folders yields now, and how that
differs from an earlier snapshot, claim by claim (for a change of the language data or the engine:
every changed claim should be one you can name as an improvement).

    python -m tools.claims_snapshot take before.jsonl                 # the default folders
    python -m tools.claims_snapshot take after.jsonl corpora --jobs 2 --exclude LIST.txt
    python -m tools.claims_snapshot diff before.jsonl after.jsonl     # the changed claims, by file

A snapshot is JSON lines, one per text: its path and its claims (sentence offset, trigger,
actor, act and attributes). `--exclude` names a file listing paths (one a line) to leave out;
a listed path excludes every text whose path ends with it.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):       # run as a script: the project's root on the path, like -m
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools.mine_vocabulary import texts  # noqa: E402

DEFAULT_FOLDERS = ("../shared/dev", "corpora", "../shared/data/real")   # corpora holds corpora/blind
# what tells one claim from another, and what a change of it shows
CLAIM_KEY = ("start", "trigger")
CLAIM_VALUE = ("actor", "act", "polarity", "hedged", "conditional", "addressee", "reported_by")


def take(folders: list[str], out: Path, jobs: int, exclude: Path | None) -> None:
    import readouts

    paths = texts([f for f in folders if Path(f).exists()], exclude)
    counts: Counter[str] = Counter()
    with out.open("w", encoding="utf-8") as f:
        for path, result in zip(paths, readouts.extract_many(paths, jobs=jobs, backend="offline")):
            claims = [] if isinstance(result, readouts.Failure) else [
                {k: getattr(c, k) for k in ("sentence",) + CLAIM_KEY + CLAIM_VALUE} for c in result.claims]
            counts["texts"] += 1
            counts["claims"] += len(claims)
            f.write(json.dumps({"path": path, "claims": claims}, ensure_ascii=False) + "\n")
    print(f"{out}: {counts['texts']} texts, {counts['claims']} claims", file=sys.stderr)


def _read(path: Path) -> dict[str, list[dict]]:
    with path.open(encoding="utf-8") as f:
        return {r["path"]: r["claims"] for r in map(json.loads, f)}


def _keyed(claims: list[dict]) -> dict[tuple, dict]:
    return {tuple(c[k] for k in CLAIM_KEY): c for c in claims}


def _show(c: dict) -> str:
    flags = [c["polarity"]] * (c["polarity"] != "affirmed") + ["hedged"] * c["hedged"] + ["if"] * c["conditional"]
    to = f" → {c['addressee']}" if c["addressee"] else ""
    by = f" (by {c['reported_by']})" if c["reported_by"] else ""
    return f"{c['actor']}{to} {c['act']}{' ' + ' '.join(flags) if flags else ''}{by} [{c['trigger']}]"


def diff(before: Path, after: Path) -> Counter[str]:
    """Print each text's added, removed and changed claims; return the counts."""
    old, new = _read(before), _read(after)
    counts: Counter[str] = Counter()
    for path in sorted(set(old) | set(new)):
        a, b = _keyed(old.get(path, [])), _keyed(new.get(path, []))
        lines = []
        for key in sorted(set(a) | set(b), key=lambda k: (k[0], k[1])):
            was, now = a.get(key), b.get(key)
            if was is not None and now is not None and all(was[k] == now[k] for k in CLAIM_VALUE):
                continue
            kind = "added" if was is None else "removed" if now is None else "changed"
            counts[kind] += 1
            sentence = (now or was or {})["sentence"].replace("\n", " ")
            what = _show(now) if was is None else _show(was) if now is None else f"{_show(was)}  ⇒  {_show(now)}"
            lines.append(f"  {kind}: {what}\n      {sentence[:300]}")
        if lines:
            print(f"== {path}\n" + "\n".join(lines))
    print(f"{counts['added']} added, {counts['removed']} removed, {counts['changed']} changed")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.claims_snapshot", description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    t = sub.add_parser("take", help="extract the claims of every text of the folders into a snapshot")
    t.add_argument("out", type=Path)
    t.add_argument("folders", nargs="*", default=list(DEFAULT_FOLDERS))
    t.add_argument("--jobs", type=int, default=2)
    t.add_argument("--exclude", type=Path, help="a file listing paths (one a line) to leave out")
    d = sub.add_parser("diff", help="the claims that differ between two snapshots")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "take":
        take(args.folders, args.out, args.jobs, args.exclude)
    else:
        diff(args.before, args.after)
    return 0


if __name__ == "__main__":
    sys.exit(main())
