"""Assemble the gold cases of real texts for the scorer: each gold file of a folder such as
corpora/blind/real beside a link to its text in ../shared/data/real (the texts are public but are
not copied into the project; `sources.yaml` says where each is).

    python tools/real_cases.py corpora/blind/real OUT_DIR     # then: score.py extract OUT_DIR

Exits 1 with one line when ../shared is absent, so that callers can skip.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT.parent / "shared" / "data" / "real"


def assemble(gold_dir: Path, out: Path) -> int:
    """Link every text listed in gold_dir/sources.yaml into `out`, beside a copy of its gold."""
    sources = yaml.safe_load((gold_dir / "sources.yaml").read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    for name, relative in sources.items():
        text, gold = REAL / relative, gold_dir / f"{name}.gold.yaml"
        if not text.exists() or not gold.exists():
            raise SystemExit(f"real_cases: {name}: missing {text if not text.exists() else gold}")
        link = out / f"{name}{text.suffix}"
        link.unlink(missing_ok=True)
        link.symlink_to(text)
        (out / gold.name).write_bytes(gold.read_bytes())
    return len(sources)


def main(argv: list[str]) -> None:
    if len(argv) != 2:
        raise SystemExit(__doc__)
    if not REAL.is_dir():
        print(f"real_cases: {REAL} is absent: no real texts to score", file=sys.stderr)
        raise SystemExit(1)
    print(f"{assemble(Path(argv[0]), Path(argv[1]))} cases in {argv[1]}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
