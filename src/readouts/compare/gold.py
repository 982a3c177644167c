"""Gold pairs of accounts (the contract's `pairs/NAME.yaml`) and the contract scorer's compare rule,
in this process: for fitting compare's weights (tools/fit_compare.py) and for the tests.

A tool match is credited to a gold pair when each side stands for the gold substring (covers half
of it, or lies mostly inside it, and is not much longer than its sentence: readouts.evaluate's
rule); each gold pair is credited once (duplicates are false positives); a match that stands for an
ignored claim costs nothing; conflicts are the credited matches whose relation is "conflict"; the
one-sided figure counts the tool's one-sided claims against `only_left` + `only_right`.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from readouts.evaluate import Folded, Span, carrying_sentence, find, place, prf, read_text, stands_for
from readouts.model import Claim, Comparison


@dataclass(frozen=True)
class GoldPair:
    name: str
    left: Path
    right: Path
    matches: tuple[tuple[str, str], ...]
    conflicts: frozenset[tuple[str, str]]
    only_left: tuple[str, ...]
    only_right: tuple[str, ...]
    ignore_left: tuple[str, ...]
    ignore_right: tuple[str, ...]


def read_pairs(pairs_dir: Path, cases_root: Path) -> list[GoldPair]:
    """Every `pairs_dir/*.yaml`, its texts under `cases_root`."""
    return [_pair(path, Path(cases_root)) for path in sorted(Path(pairs_dir).glob("*.yaml"))]


def _pair(path: Path, cases_root: Path) -> GoldPair:
    raw: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))

    def subs(key: str) -> tuple[str, ...]:
        return tuple(raw.get(key) or ())

    def pairs(key: str) -> list[tuple[str, str]]:
        return [(a, b) for a, b in raw.get(key) or ()]

    return GoldPair(path.stem, cases_root / raw["left"], cases_root / raw["right"], tuple(pairs("matches")),
                    frozenset(pairs("conflicts")), subs("only_left"), subs("only_right"), subs("ignore_left"),
                    subs("ignore_right"))


@dataclass
class Counts:
    """What the scorer counts for a comparison; counts of several pairs add up."""
    gold: int = 0
    tool: int = 0
    ok: int = 0
    conf_gold: int = 0
    conf_tool: int = 0
    conf_ok: int = 0
    only_gold: int = 0
    only_tool: int = 0
    only_ok: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def match_f1(self) -> float:
        return prf(self.ok, self.tool, self.gold)[2]

    @property
    def conflict_f1(self) -> float:
        return prf(self.conf_ok, self.conf_tool, self.conf_gold)[2]

    @property
    def one_sided_f1(self) -> float:
        return prf(self.only_ok, self.only_tool, self.only_gold)[2]

    def figures(self) -> dict[str, float]:
        return {"match_f1": round(self.match_f1, 3), "conflict_f1": round(self.conflict_f1, 3),
                "one_sided_f1": round(self.one_sided_f1, 3)}


@dataclass
class _Side:
    raw: str
    text: Folded
    cache: dict[tuple[int, int, str], Span | None] = field(default_factory=dict)

    def span(self, claim: Claim) -> Span | None:
        key = (claim.start, claim.stop, claim.sentence)
        if key not in self.cache:
            self.cache[key] = place(self.text, self.raw, {"start": claim.start, "stop": claim.stop,
                                                          "sentence": claim.sentence})
        return self.cache[key]

    def golds(self, subs: tuple[str, ...]) -> list[tuple[Span, Span]]:
        out = []
        for s in subs:
            sp = find(self.text, s)
            if sp is None:
                raise ValueError(f"gold substring not in the text: {s!r}")
            out.append((sp, carrying_sentence(self.text, sp)))
        return out


class Key:
    """A gold pair ready to judge tool claims: which gold match a (left, right) pair stands for."""

    def __init__(self, pair: GoldPair):
        self.pair = pair
        self.left = _Side(read_text(pair.left), Folded(read_text(pair.left)))
        self.right = _Side(read_text(pair.right), Folded(read_text(pair.right)))
        self.matches = [(self.left.golds((a,))[0], self.right.golds((b,))[0]) for a, b in pair.matches]
        self.is_conflict = [(a, b) in pair.conflicts for a, b in pair.matches]
        self.ignore_left = self.left.golds(pair.ignore_left)
        self.ignore_right = self.right.golds(pair.ignore_right)
        self.only_left = self.left.golds(pair.only_left)
        self.only_right = self.right.golds(pair.only_right)

    def stands_for(self, left: Claim, right: Claim) -> list[int]:
        """The gold matches the tool pair (left, right) stands for."""
        ls, rs = self.left.span(left), self.right.span(right)
        if ls is None or rs is None:
            return []
        return [k for k, ((gl, sl), (gr, sr)) in enumerate(self.matches)
                if stands_for(ls, gl, sl) and stands_for(rs, gr, sr)]

    def ignored(self, left: Claim, right: Claim) -> bool:
        """Whether one side of the pair stands for an ignored claim (such a match costs nothing)."""
        ls, rs = self.left.span(left), self.right.span(right)
        return ls is not None and rs is not None and (
            any(stands_for(ls, g, s) for g, s in self.ignore_left) or any(stands_for(rs, g, s) for g, s in self.ignore_right))

    def score(self, comparison: Comparison) -> Counts:
        """The scorer's counts for a comparison of this pair's two texts."""
        c = Counts(gold=len(self.matches), conf_gold=len(self.pair.conflicts))
        credited: set[int] = set()
        for m in comparison.matches:
            hits = self.stands_for(m.left, m.right)
            fresh = [k for k in hits if k not in credited]
            said = m.relation == "conflict"
            if fresh:
                credited.add(fresh[0])
                c.tool, c.ok = c.tool + 1, c.ok + 1
                c.conf_tool += said
                c.conf_ok += said and self.is_conflict[fresh[0]]
            elif not hits and self.ignored(m.left, m.right):
                continue
            else:
                c.tool += 1
                c.conf_tool += said
        for side, claims, golds in ((self.left, comparison.only_left, self.only_left),
                                    (self.right, comparison.only_right, self.only_right)):
            got: set[int] = set()
            for claim in claims:
                sp = side.span(claim)
                hit = None if sp is None else next(
                    (k for k, (g, s) in enumerate(golds) if k not in got and stands_for(sp, g, s)), None)
                if hit is not None:
                    got.add(hit)
                    c.only_ok += 1
                c.only_tool += 1
            c.only_gold += len(golds)
        return c
