"""Fit the weights of `readouts compare` on the annotated pairs, and say how well they generalise.

    python tools/fit_compare.py                 # fit, cross-validate by pair, write lang/compare_fit.yaml
    python tools/fit_compare.py --dry-run       # the figures only
    python tools/fit_compare.py --folds 0       # leave one pair out

Every candidate pair of claims of every annotated pair of accounts (the real extractor's claims, as
`readouts compare` sees them) is a row of features (readouts.compare.features) with a label: 1 when
it stands for a gold match (the contract scorer's rule, readouts.compare.gold). A logistic regression
with an L2 penalty (numpy, Newton's method, features standardised) gives the pair weights. Then, for
each `match` threshold, the claims left free by the one-to-one alignment and the groups they could
join are rows of group features (readouts.compare.align), labelled the same way, and a second
regression gives the group weights; the thresholds (`match`, `join`) are the ones that give the best
sum of match, conflict and one-sided F1 on the pairs the weights were fitted on.

Generalisation is estimated by cross-validation BY PAIR: the pairs are split into folds, and each
fold is scored with weights and thresholds fitted on the other folds only, so that no text of a
scored pair was seen in fitting. Those figures are printed (and kept in the data file) next to the
in-sample ones, per set of pairs. The sets: ../shared/dev/pairs, corpora/pairs, and
corpora/blind/compare/pairs split by corpora/blind/compare/sets.yaml (missing ones are skipped).
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PAIR_SETS = [("dev", SHARED / "dev" / "pairs", SHARED / "dev"),
             ("own", ROOT / "corpora" / "pairs", ROOT / "corpora"),
             ("blind", ROOT / "corpora" / "blind" / "compare" / "pairs", ROOT / "corpora" / "blind" / "compare")]
SET_NAMES = ROOT / "corpora" / "blind" / "compare" / "sets.yaml"
OUT = ROOT / "src" / "readouts" / "lang" / "compare_fit.yaml"
L2 = 100.0                  # the penalty on the standardised pair weights (the intercept is free)
L2_GROUP = 10.0             # the penalty on the group weights (far fewer rows, so a lighter one)
FOLDS = 8
SEED = 13
MATCH_GRID = [round(float(x), 2) for x in np.arange(0.15, 0.76, 0.05)]
JOIN_GRID = [round(float(x), 2) for x in np.arange(0.1, 0.91, 0.1)] + [1.0]    # 1.0: no groups
NEWTON_STEPS = 100


@dataclass
class Case:
    """One annotated pair, prepared: its candidate rows and what scoring needs."""
    name: str
    set: str
    left: object            # Extraction
    right: object
    prepared: object        # readouts.compare.Prepared
    key: object             # readouts.compare.gold.Key
    pairs: list             # candidate (i, j), in the order of the rows
    X: np.ndarray
    y: np.ndarray           # 1: stands for a gold match
    used: np.ndarray        # False: stands for an ignored claim (left out of fitting)

    @property
    def id(self) -> str:
        return f"{self.set}/{self.name}"     # one pair name may be in two sets


def load_cases() -> list[Case]:
    import readouts
    from readouts.compare import load_config, prepare
    from readouts.compare.features import feature_row
    from readouts.compare.gold import Key, read_pairs

    sets = yaml.safe_load(SET_NAMES.read_text(encoding="utf-8")) if SET_NAMES.exists() else {}
    set_of = {name: label for label, names in sets.items() for name in names}
    cfg = load_config()
    cases = []
    extracted: dict[Path, object] = {}
    for label, pairs_dir, root in PAIR_SETS:
        if not pairs_dir.is_dir():
            print(f"skipped {label}: no {pairs_dir}", file=sys.stderr)
            continue
        for pair in read_pairs(pairs_dir, root):
            for path in (pair.left, pair.right):
                if path not in extracted:
                    extracted[path] = readouts.extract(path)
            left, right = extracted[pair.left], extracted[pair.right]
            prepared = prepare(left, right, cfg)
            key = Key(pair)
            pairs = sorted(prepared.signals)
            X = np.array([feature_row(prepared.signals[ij]) for ij in pairs]).reshape(len(pairs), -1)
            y = np.array([bool(key.stands_for(prepared.left[i].claim, prepared.right[j].claim)) for i, j in pairs], float)
            used = np.array([y[k] == 1 or not key.ignored(prepared.left[i].claim, prepared.right[j].claim)
                             for k, (i, j) in enumerate(pairs)], bool)
            named = set_of.get(pair.name, label) if pairs_dir == SET_NAMES.parent / "pairs" else label
            cases.append(Case(pair.name, named, left, right, prepared, key, pairs, X, y, used))
    return cases


def fit_logistic(X: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[float, np.ndarray]:
    """(intercept, weights) on the features' own scale, of an L2-penalised logistic regression
    fitted on standardised features."""
    mean, scale = X.mean(axis=0), X.std(axis=0)
    scale[scale == 0] = 1.0
    Z = np.hstack([np.ones((len(X), 1)), (X - mean) / scale])
    w = np.zeros(Z.shape[1])
    penalty = np.full(Z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(NEWTON_STEPS):
        p = 1.0 / (1.0 + np.exp(-(Z @ w)))
        grad = Z.T @ (p - y) + penalty * w
        hess = Z.T @ (Z * (p * (1 - p))[:, None]) + np.diag(penalty) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    weights = w[1:] / scale
    return float(w[0] - weights @ mean), weights


@dataclass(frozen=True)
class Fit:
    pair: tuple[float, np.ndarray]      # (intercept, weights) of the pair model
    group: tuple[float, np.ndarray]     # of the group model
    match: float
    join: float

    def model(self):
        from readouts.compare.align import GROUP_FEATURES
        from readouts.compare.features import FEATURES
        from readouts.compare.fitted import Model, Weights

        def weights(fitted: tuple[float, np.ndarray], names: tuple[str, ...]) -> Weights:
            return Weights(fitted[0], dict(zip(names, map(float, fitted[1]))))

        return Model(weights(self.pair, FEATURES), weights(self.group, GROUP_FEATURES), self.match, self.join)


def probabilities(case: Case, pair: tuple[float, np.ndarray]) -> dict[tuple[int, int], float]:
    logits = pair[0] + case.X @ pair[1] if len(case.pairs) else np.zeros(0)
    return dict(zip(case.pairs, map(float, 1.0 / (1.0 + np.exp(-logits)))))


def score(cases: list[Case], fit: Fit, probs: dict | None = None):
    """The scorer's counts over `cases` with this model."""
    from readouts.compare import assemble, load_config
    from readouts.compare.gold import Counts

    cfg = load_config()
    model = fit.model()
    total = Counts()
    for case in cases:
        prob = probs[case.id] if probs else probabilities(case, fit.pair)
        total += case.key.score(assemble(case.left, case.right, case.prepared, prob, model, cfg))
    return total


def objective(counts) -> float:
    return counts.match_f1 + counts.conflict_f1 + counts.one_sided_f1


def group_rows(cases: list[Case], probs: dict, match: float) -> tuple[np.ndarray, np.ndarray]:
    """The candidate joins after a one-to-one alignment at `match`, as rows of group features, and
    whether each stands for a gold match."""
    from readouts.compare import load_config, relation, sides
    from readouts.compare.align import FLOOR, GROUP_FEATURES, joins, one_to_one

    cfg = load_config()
    index = {f: k for k, f in enumerate(GROUP_FEATURES)}
    rows, labels = [], []
    for case in cases:
        if case.prepared.sims is None:
            continue
        prob = probs[case.id]
        ls, rs = sides(case.prepared)
        for join in joins(one_to_one(prob, match), prob, ls, rs, FLOOR, lambda a, b: relation(a, b, cfg)[0]):
            row = np.zeros(len(GROUP_FEATURES))
            for s in join.signals:
                row[index[s.feature]] = s.value
            i, j = (join.newcomer, join.partner) if join.left else (join.partner, join.newcomer)
            rows.append(row)
            labels.append(bool(case.key.stands_for(case.prepared.left[i].claim, case.prepared.right[j].claim)))
    return np.array(rows).reshape(len(rows), len(GROUP_FEATURES)), np.array(labels, float)


def fit(cases: list[Case], l2: float = L2) -> Fit:
    """The pair model fitted on `cases`; for each match threshold, the group model fitted on the
    joins it leaves; and the thresholds best on `cases`."""
    X = np.vstack([c.X[c.used] for c in cases])
    y = np.concatenate([c.y[c.used] for c in cases])
    pair = fit_logistic(X, y, l2)
    probs = {c.id: probabilities(c, pair) for c in cases}
    best: tuple[float, Fit] | None = None
    for match in MATCH_GRID:
        G, g = group_rows(cases, probs, match)
        group = fit_logistic(G, g, L2_GROUP) if g.sum() else (-10.0, np.zeros(G.shape[1]))
        for join in JOIN_GRID:
            candidate = Fit(pair, group, match, join)
            value = objective(score(cases, candidate, probs))
            if best is None or value > best[0] + 1e-9:
                best = (value, candidate)
    assert best is not None
    return best[1]


def folds_of(cases: list[Case], k: int) -> list[list[Case]]:
    """The pairs in k folds (k = 0: one pair per fold), shuffled with a fixed seed."""
    order = sorted(cases, key=lambda c: c.id)
    random.Random(SEED).shuffle(order)
    k = len(order) if k <= 0 else min(k, len(order))
    return [order[n::k] for n in range(k)]


def cross_validate(cases: list[Case], k: int, l2: float = L2) -> dict[str, object]:
    """Each fold scored with weights and thresholds fitted on the others: counts per case."""
    per_case = {}
    for n, fold in enumerate(folds_of(cases, k)):
        fitted = fit([c for c in cases if c not in fold], l2)
        for case in fold:
            per_case[case.id] = score([case], fitted)
        print(f"  fold {n + 1}: thresholds {fitted.match:.2f}/{fitted.join:.2f}", file=sys.stderr)
    return per_case


def by_set(cases: list[Case], per_case: dict[str, object]) -> dict[str, object]:
    from readouts.compare.gold import Counts

    sets: dict[str, object] = {}
    for case in cases:
        sets[case.set] = sets.get(case.set, Counts()) + per_case[case.id]
    sets["all"] = sum((per_case[c.id] for c in cases), Counts())
    return sets


def print_table(title: str, in_sample: dict, cross: dict) -> None:
    print(f"\n{title}")
    print(f"{'set':12} {'match F1':>17} {'conflict F1':>17} {'one-sided F1':>17}   (in-sample / cross-validated)")
    for name in in_sample:
        a, b = in_sample[name], cross[name]
        print(f"{name:12} {a.match_f1:8.3f} / {b.match_f1:.3f} {a.conflict_f1:8.3f} / {b.conflict_f1:.3f} "
              f"{a.one_sided_f1:8.3f} / {b.one_sided_f1:.3f}")


HEADER = """\
# The fitted weights of `readouts compare` (read by readouts/compare/fitted.py). WRITTEN BY
# tools/fit_compare.py: refit, never edit by hand (python tools/fit_compare.py).
#
# A logistic regression on every candidate pair of claims of the annotated pairs of accounts: the
# log-odds that two claims report one matter are `intercept` + the sum of weight × feature
# (readouts/compare/features.py says what each feature is); `group`: the log-odds that a free claim
# joins the claims already paired with a partner (readouts/compare/align.py). `thresholds`: two free
# claims are matched at probability `match` or more; a free claim joins a group at `join`.
# `figures` are the scorer's figures on those pairs in-sample, and cross-validated by pair (each
# pair scored with weights and thresholds fitted without it): the latter is the estimate for
# unseen accounts.
"""


def write(fitted: Fit, cases: list[Case], l2: float, in_sample, cross, folds: int) -> None:
    from readouts.compare.align import GROUP_FEATURES
    from readouts.compare.features import FEATURES

    def weights(part: tuple[float, np.ndarray], names: tuple[str, ...]) -> dict:
        return {"intercept": round(float(part[0]), 4), "weights": {f: round(float(w), 4) for f, w in zip(names, part[1])}}

    data = {
        "pair": weights(fitted.pair, FEATURES),
        "group": weights(fitted.group, GROUP_FEATURES),
        "thresholds": {"match": fitted.match, "join": fitted.join},
        "fitted_on": {"pairs": len(cases), "candidates": int(sum(c.used.sum() for c in cases)),
                      "matched": int(sum(c.y.sum() for c in cases)), "regularisation": l2},
        "figures": {"in_sample": in_sample.figures(), "cross_validated": cross.figures(), "folds": folds},
    }
    OUT.write_text(HEADER + yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    print(f"\nwrote {OUT.relative_to(ROOT)}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--folds", type=int, default=FOLDS, help="folds of pairs (0: leave one pair out)")
    ap.add_argument("--l2", type=float, default=L2, help="the penalty on standardised weights")
    ap.add_argument("--dry-run", action="store_true", help="print the figures, write nothing")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    cases = load_cases()
    if not cases:
        print("no annotated pairs found", file=sys.stderr)
        return 1
    rows = sum(int(c.used.sum()) for c in cases)
    print(f"{len(cases)} pairs, {rows} candidate pairs of claims, {int(sum(c.y.sum() for c in cases))} "
          f"stand for a gold match ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    fitted = fit(cases, args.l2)
    in_sample = {c.id: score([c], fitted) for c in cases}
    cross = cross_validate(cases, args.folds, args.l2)
    in_sets, cross_sets = by_set(cases, in_sample), by_set(cases, cross)
    print_table(f"weights fitted on all {len(cases)} pairs; thresholds match {fitted.match:.2f}, join {fitted.join:.2f}",
                in_sets, cross_sets)
    from readouts.compare.align import GROUP_FEATURES
    from readouts.compare.features import FEATURES

    for title, names, part in (("pair", FEATURES, fitted.pair), ("group", GROUP_FEATURES, fitted.group)):
        print(f"\n{title} weights (log-odds per unit of the feature; intercept {part[0]:+.3f}):")
        for f, w in sorted(zip(names, part[1]), key=lambda t: -abs(t[1])):
            print(f"  {f:22} {w:+.3f}")
    if not args.dry_run:
        write(fitted, cases, args.l2, in_sets["all"], cross_sets["all"], args.folds if args.folds > 0 else len(cases))
    print(f"({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
