"""Gold-claim harness for `readouts.compare`: build Extractions from a case's .gold.yaml, run
compare() on two of them, and score the result against a gold pair with the rule of the project's
scorer (shared/eval/score.py, section compare): a tool match is credited to a gold pair when each
side covers at least half of the gold substring and is no longer than about twice its carrying
sentence; each gold pair is credited once (duplicates are false positives); conflicts are the
credited matches whose relation is "conflict"; one-sided F1 over only_left + only_right.

`mode="gold"` gives each claim the gold substring as its sentence; `mode="sentence"` widens it to
the carrying sentence, as the extractor reports it (two claims of one sentence then share it).

Run `python tests/compare_gold.py [PAIRS_DIR CASES_ROOT ...]` for a figure per pair.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from readouts.model import Claim, Comparison, DocumentInfo, Extraction

ROOT = Path(__file__).resolve().parents[1]
SHARED = next((p for p in (ROOT.parent / "shared", Path("/work/shared")) if p.exists()), ROOT.parent / "shared")
DEV_PAIRS, DEV_CASES = SHARED / "dev" / "pairs", SHARED / "dev"
CORPORA_PAIRS, CORPORA = ROOT / "corpora" / "pairs", ROOT / "corpora"

QUOTES = "\"'„”“«»’‘"
DASHES = "-–—"
BOUNDARY = re.compile(r"[.!?…][\"')\]»”]*\s|\n[ \t]*\n")


def read_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig")


def find_raw(text: str, sub: str) -> tuple[int, int] | None:
    """The raw span of `sub` in `text`, tolerant to whitespace runs, quote and dash variants."""
    i = text.find(sub)
    if i >= 0:
        return i, i + len(sub)
    parts = []
    for ch in sub.strip():
        if ch.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif ch in QUOTES:
            parts.append(f"[{re.escape(QUOTES)}]")
        elif ch in DASHES:
            parts.append(f"[{re.escape(DASHES)}]")
        else:
            parts.append(re.escape(ch))
    m = re.search("".join(parts), text, re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def carrying(text: str, start: int, stop: int) -> tuple[int, int]:
    """The sentence around a span, by punctuation, never across a blank line."""
    left = 0
    for m in BOUNDARY.finditer(text, 0, start):
        left = m.end()
    m = BOUNDARY.search(text, stop)
    right = m.start() + (1 if text[m.start()] not in "\n" else 0) if m else len(text.rstrip())
    while left < start and text[left].isspace():
        left += 1
    return left, max(right, stop)


def as_list(v):
    return [] if v is None else (v if isinstance(v, list) else [v])


def load_case(txt: Path, mode: str = "gold", optional: bool = False) -> Extraction:
    """An Extraction whose claims are the gold claims of `txt` (NAME.gold.yaml beside it)."""
    gold = yaml.safe_load(txt.with_name(txt.name.rsplit(".", 1)[0] + ".gold.yaml").read_text(encoding="utf-8"))
    text = read_text(txt)
    date_spans = []
    for d in gold.get("dates") or []:
        sp = find_raw(text, d["text"])
        if sp:
            date_spans.append((sp, str(d["value"])))
    claims = []
    items = list(gold.get("claims") or []) + (list(gold.get("optional_claims") or []) if optional else [])
    for c in items:
        sp = find_raw(text, c["sentence"])
        assert sp, f"{txt.name}: gold sentence not in text: {c['sentence']!r}"
        if mode == "sentence":
            sp = carrying(text, *sp)
        sent = text[sp[0]:sp[1]]
        claims.append(Claim(
            actor=c["actor"], act=as_list(c["act"])[0], sentence=sent, start=sp[0], stop=sp[1],
            trigger=sent.split()[0], polarity=c.get("polarity", "affirmed"),
            hedged=bool(c.get("hedged")), conditional=bool(c.get("conditional")),
            addressee=c.get("addressee"), reported_by=c.get("reported_by"),
            dates=[v for (a, b), v in date_spans if sp[0] <= a and b <= sp[1]]))
    doc = DocumentInfo(path=str(txt), lang=gold["lang"], published=str(gold.get("published") or "") or None,
                       source=gold.get("source"))
    return Extraction(document=doc, claims=claims)


# --------------------------------------------------------------------------- scoring

def _overlap(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _span_ok(tool, gold, sentence) -> bool:
    ov = _overlap(tool, gold)
    tl = tool[1] - tool[0]
    covers = ov >= 0.5 * (gold[1] - gold[0]) or (tl > 0 and ov >= 0.8 * tl)
    cl = sentence[1] - sentence[0]
    return covers and tl <= max(2 * cl, cl + 200)


def _prf(tp, n_tool, n_gold):
    p = tp / n_tool if n_tool else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class PairScore:
    gold: int
    tool: int
    ok: int
    conf_gold: int
    conf_tool: int
    conf_ok: int
    only_gold: int
    only_tool: int
    only_ok: int
    missed: list
    wrong: list

    @property
    def f1(self):
        return _prf(self.ok, self.tool, self.gold)[2]

    @property
    def conflict_f1(self):
        return _prf(self.conf_ok, self.conf_tool, self.conf_gold)[2]

    @property
    def only_f1(self):
        return _prf(self.only_ok, self.only_tool, self.only_gold)[2]

    def __add__(self, o: "PairScore") -> "PairScore":
        return PairScore(*(getattr(self, f) + getattr(o, f) for f in self.__dataclass_fields__))


def score_pair(comparison: Comparison, pair: dict, ltext: str, rtext: str) -> PairScore:
    def side(text, subs):
        out = []
        for s in subs:
            sp = find_raw(text, s)
            assert sp, f"gold pair substring not in text: {s!r}"
            out.append((s, sp, carrying(text, *sp)))
        return out

    gm = [(side(ltext, [a])[0], side(rtext, [b])[0]) for a, b in pair.get("matches") or []]
    conflicts = {(a, b) for a, b in pair.get("conflicts") or []}
    ign_l, ign_r = side(ltext, pair.get("ignore_left") or []), side(rtext, pair.get("ignore_right") or [])
    credited, tool, ok, conf_tool, conf_ok, wrong = set(), 0, 0, 0, 0, []
    for m in comparison.matches:
        ls, rs = (m.left.start, m.left.stop), (m.right.start, m.right.stop)
        hits = [i for i, (gl, gr) in enumerate(gm) if _span_ok(ls, gl[1], gl[2]) and _span_ok(rs, gr[1], gr[2])]
        fresh = [i for i in hits if i not in credited]
        said_conf = m.relation == "conflict"
        if fresh:
            i = fresh[0]
            credited.add(i)
            tool += 1
            ok += 1
            conf_tool += said_conf
            conf_ok += said_conf and (gm[i][0][0], gm[i][1][0]) in conflicts
        elif not hits and (any(_span_ok(ls, s, c) for _, s, c in ign_l) or any(_span_ok(rs, s, c) for _, s, c in ign_r)):
            continue
        else:
            tool += 1
            conf_tool += said_conf
            wrong.append((m.left.sentence, m.relation, m.right.sentence, m.score))
    only_ok = only_tool = only_gold = 0
    for claims, text, subs in ((comparison.only_left, ltext, pair.get("only_left") or []),
                               (comparison.only_right, rtext, pair.get("only_right") or [])):
        golds = side(text, subs)
        got = set()
        for c in claims:
            hit = next((i for i, (_, gs, gsent) in enumerate(golds)
                        if i not in got and _span_ok((c.start, c.stop), gs, gsent)), None)
            if hit is not None:
                got.add(hit)
                only_ok += 1
            only_tool += 1
        only_gold += len(golds)
    missed = [(gm[i][0][0], gm[i][1][0]) for i in range(len(gm)) if i not in credited]
    return PairScore(len(gm), tool, ok, len(conflicts), conf_tool, conf_ok, only_gold, only_tool, only_ok,
                     missed, wrong)


def pair_files(pairs_dir: Path) -> list[Path]:
    return sorted(pairs_dir.glob("*.yaml")) if pairs_dir.is_dir() else []


def run_pair(pair_path: Path, cases_root: Path, mode: str = "gold", compare=None):
    """(Comparison, PairScore) for one gold pair, compare() run on the gold claims of both sides."""
    if compare is None:
        from readouts.compare import compare
    pair = yaml.safe_load(pair_path.read_text(encoding="utf-8"))
    lp, rp = cases_root / pair["left"], cases_root / pair["right"]
    comparison = compare(load_case(lp, mode), load_case(rp, mode))
    return comparison, score_pair(comparison, pair, read_text(lp), read_text(rp))


def main(argv: list[str]) -> None:
    sets = [(Path(argv[i]), Path(argv[i + 1])) for i in range(0, len(argv), 2)] or \
        [(DEV_PAIRS, DEV_CASES), (CORPORA_PAIRS, CORPORA)]
    for mode in ("gold", "sentence"):
        total = None
        for pairs_dir, root in sets:
            for p in pair_files(pairs_dir):
                _, s = run_pair(p, root, mode)
                total = s if total is None else total + s
                print(f"{mode:8} {p.stem:40} match F1 {s.f1:.2f} ({s.ok}/{s.gold} gold, {s.tool} tool)  "
                      f"conflict F1 {s.conflict_f1:.2f}  one-sided F1 {s.only_f1:.2f}")
                for m in s.missed:
                    print("    missed:", m)
                for w in s.wrong:
                    print("    wrong: ", w)
        if total:
            print(f"{mode:8} {'ALL':40} match F1 {total.f1:.2f}  conflict F1 {total.conflict_f1:.2f}  "
                  f"one-sided F1 {total.only_f1:.2f}")


if __name__ == "__main__":
    main(sys.argv[1:])
