"""From the probability of every candidate pair to the matches: claims paired one to one, then
groups, where one account tells in several claims what the other tells in one (a list sentence
against several claims; a proposal and its acceptance against a joint "agreed"; one warning told
twice by a press article; a matter told and then denied in the next sentence).

Pairs are taken best first, one partner per claim, while their probability reaches `match`. Then
a claim still free may join a group: the claims already paired with one partner. The group is
scored as a whole, by a second fitted model (`GROUP_FEATURES`): the pair's own odds, and how the
newcomer stands to the group — next to one of its claims in the text, on the same matter (shared
or inherited concepts), worded alike, telling the same act by the same actor again, adding
concepts of the partner that the group did not cover yet — and how the partner sums up (a joint
act, "discussed"). A newcomer joins where that reaches the group threshold, best first, one link of
a chain per pass. Two claims of one sentence never join one partner (they would say one thing
twice).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

from readouts.compare.features import SUMMARY_ACTS, Signal
from readouts.compare.matter import Matter
from readouts.model import BOTH

GROUP_FEATURES = ("pair", "best_partner", "next_to", "same_matter", "alike", "retells", "adds_concepts",
                  "partner_sums_up", "contradicts")
MAX_GAP = 300           # characters between two claims of one passage


@dataclass
class Groups:
    """The matched pairs so far, indexed both ways."""
    pairs: list[tuple[int, int]] = field(default_factory=list)
    of_left: dict[int, list[int]] = field(default_factory=dict)
    of_right: dict[int, list[int]] = field(default_factory=dict)

    def add(self, i: int, j: int) -> None:
        self.pairs.append((i, j))
        self.of_left.setdefault(i, []).append(j)
        self.of_right.setdefault(j, []).append(i)


@dataclass(frozen=True)
class Side:
    """One account's matters as the group features see them."""
    matters: list[Matter]
    alike: Callable[[int, int], float]       # the encoder's similarity of two of its claims
    order: dict[int, int]                    # claim index -> its rank in the text

    @classmethod
    def of(cls, matters: list[Matter], alike: Callable[[int, int], float]) -> "Side":
        ranked = sorted(range(len(matters)), key=lambda k: (matters[k].claim.start, matters[k].claim.stop))
        return cls(matters, alike, {k: n for n, k in enumerate(ranked)})


@dataclass(frozen=True)
class Join:
    """A free claim that may join the group of a matched partner."""
    newcomer: int           # index on its own side
    partner: int            # index on the other side
    left: bool              # the newcomer is a left claim
    signals: list[Signal]


def one_to_one(prob: dict[tuple[int, int], float], match: float) -> Groups:
    groups = Groups()
    for i, j in sorted(prob, key=lambda ij: (-prob[ij], ij)):
        if prob[i, j] < match:
            break
        if i not in groups.of_left and j not in groups.of_right:
            groups.add(i, j)
    return groups


def joins(groups: Groups, prob: dict[tuple[int, int], float], ls: Side, rs: Side, floor: float,
          relation: Callable[[Matter, Matter], str]) -> list[Join]:
    """Every free claim's candidate joins (pairs of at least `floor`) with their group signals."""
    best_l: dict[int, float] = {}
    best_r: dict[int, float] = {}
    for (i, j), p in prob.items():
        best_l[i] = max(best_l.get(i, p), p)
        best_r[j] = max(best_r.get(j, p), p)
    out = []
    for (i, j), p in prob.items():
        if p < floor:
            continue
        free_l, free_r = i not in groups.of_left, j not in groups.of_right
        if free_l == free_r:
            continue
        if free_l:
            newcomer, partner, mine, theirs, group, best = i, j, ls, rs, groups.of_right[j], best_l[i]
        else:
            newcomer, partner, mine, theirs, group, best = j, i, rs, ls, groups.of_left[i], best_r[j]
        if _shares_sentence(mine.matters[newcomer], [mine.matters[z] for z in group]):
            continue
        pair = (mine.matters[newcomer], theirs.matters[partner]) if free_l else (theirs.matters[partner], mine.matters[newcomer])
        found = group_signals(p, p >= best, newcomer, group, mine, theirs.matters[partner], relation(*pair))
        out.append(Join(newcomer, partner, free_l, found))
    return out


def group_signals(p: float, best: bool, x: int, group: list[int], mine: Side, partner: Matter,
                  relation: str) -> list[Signal]:
    """How newcomer x (of `mine`) stands to the group of claims already paired with `partner`."""
    me = mine.matters[x]
    members = [mine.matters[z] for z in group]
    out = [Signal("pair", _logit(p), f"pair odds {p:.2f}")]
    if best:
        out.append(Signal("best_partner", 1.0, "its best partner"))
    if any(abs(mine.order[x] - mine.order[z]) == 1 and _gap(me, mine.matters[z]) <= MAX_GAP for z in group):
        out.append(Signal("next_to", 1.0, "next to a claim of the group"))
    shared = max((len(me.concepts & m.concepts) / len(me.concepts | m.concepts) for m in members
                  if me.concepts | m.concepts), default=0.0)
    if shared:
        out.append(Signal("same_matter", shared, "on the group's matter"))
    alike = max(mine.alike(x, z) for z in group)
    out.append(Signal("alike", alike, f"worded like the group ({alike:.2f})"))
    if any(m.claim.actor == me.claim.actor and m.claim.act == me.claim.act for m in members):
        out.append(Signal("retells", 1.0, "the same act of the same actor again"))
    covered = set().union(*(m.concepts for m in members)) & partner.concepts
    added = (me.concepts & partner.concepts) - covered
    if partner.concepts and added:
        out.append(Signal("adds_concepts", len(added) / len(partner.concepts), "adds to the group's matter"))
    if partner.claim.actor == BOTH or partner.claim.act in SUMMARY_ACTS:
        out.append(Signal("partner_sums_up", 1.0, "the partner sums up"))
    if relation == "conflict":
        out.append(Signal("contradicts", 1.0, "contradicts the partner"))
    return out


def align(ls: Side, rs: Side, prob: dict[tuple[int, int], float], match: float,
          score_join: Callable[[list[Signal]], float], join_at: float,
          relation: Callable[[Matter, Matter], str]) -> list[tuple[int, int]]:
    """The matched pairs (left index, right index): one to one, then groups."""
    groups = one_to_one(prob, match)
    grew = True
    while grew:        # a chain (proposal, acceptance, details) may grow one link per pass
        grew = False
        scored = sorted(((score_join(j.signals), j) for j in joins(groups, prob, ls, rs, FLOOR, relation)),
                        key=lambda t: (-t[0], t[1].newcomer, t[1].partner))
        taken: set[tuple[bool, int]] = set()
        for q, j in scored:
            if q < join_at or (j.left, j.newcomer) in taken:
                continue
            i, k = (j.newcomer, j.partner) if j.left else (j.partner, j.newcomer)
            if (j.left and i in groups.of_left) or (not j.left and k in groups.of_right):
                continue
            groups.add(i, k)
            taken.add((j.left, j.newcomer))
            grew = True
    return groups.pairs


FLOOR = 0.02            # pairs less likely than this are never a join's candidate


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))


def _gap(a: Matter, b: Matter) -> int:
    return max(a.claim.start, b.claim.start) - min(a.claim.stop, b.claim.stop)


def _shares_sentence(me: Matter, members: list[Matter]) -> bool:
    return any(min(me.claim.stop, m.claim.stop) > max(me.claim.start, m.claim.start) for m in members)
