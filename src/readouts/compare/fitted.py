"""The fitted model of compare: how much each signal weighs in the odds that two claims report one
matter (readouts.compare.features), how much each group signal weighs in the odds that a free claim
belongs to a matched claim's group (readouts.compare.align), and the probabilities at which pairs
are matched and claims join groups.

The weights are data, `lang/compare_fit.yaml`, written by `tools/fit_compare.py`: logistic
regressions fitted on every annotated pair we have, with the thresholds that gave the best
alignment; the file also records the figures of the fit, cross-validated by pair next to in-sample.
Never edit the weights by hand: refit them.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any, Sequence

from readouts.compare.align import GROUP_FEATURES
from readouts.compare.features import FEATURES, Signal
from readouts.errors import DataError
from readouts.lang import load_data

FIGURES_SPEC = {"match_f1": float, "conflict_f1": float, "one_sided_f1": float}
WEIGHTS_SPEC = {"intercept": float, "weights": {str: float}}
FIT_SPEC = {
    "pair": WEIGHTS_SPEC,
    "group": WEIGHTS_SPEC,
    "thresholds": {"match": float, "join": float},
    "fitted_on": {"pairs": int, "candidates": int, "matched": int, "regularisation": float},
    "figures": {"in_sample": FIGURES_SPEC, "cross_validated": FIGURES_SPEC, "folds": int},
}
WHERE = "lang/compare_fit.yaml"


@dataclass(frozen=True)
class Weights:
    """One logistic regression: the log-odds are the intercept plus the sum of weight × signal."""
    intercept: float
    weights: dict[str, float]           # per feature, on the feature's own scale

    def logit(self, found: list[Signal]) -> float:
        return self.intercept + sum(self.weights[s.feature] * s.value for s in found)

    def probability(self, found: list[Signal]) -> float:
        return sigmoid(self.logit(found))

    def reasons(self, found: list[Signal]) -> list[str]:
        """Each signal with what it adds to the log-odds, strongest first (signals the model gives
        no weight are left out)."""
        parts = [(self.weights[s.feature] * s.value, s.why) for s in found]
        return [f"{why} ({v:+.2f})" for v, why in sorted(parts, key=lambda p: -abs(p[0])) if round(v, 2)]


@dataclass(frozen=True)
class Model:
    pair: Weights                       # two claims report one matter
    group: Weights                      # a free claim belongs to a matched claim's group
    match: float                        # probability at which two free claims are matched
    join: float                         # probability at which a free claim joins a group


def sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def weights_from(raw: dict[str, Any], names: Sequence[str], where: str) -> Weights:
    missing = [f for f in names if f not in raw["weights"]]
    unknown = [f for f in raw["weights"] if f not in names]
    if missing or unknown:
        raise DataError(f"{where}.weights: " + "; ".join(
            p for p in (f"missing {', '.join(missing)}" if missing else "",
                        f"not features: {', '.join(unknown)}" if unknown else "") if p)
            + " (refit: python tools/fit_compare.py)")
    return Weights(float(raw["intercept"]), {f: float(raw["weights"][f]) for f in names})


def model_from(raw: dict[str, Any], where: str = WHERE) -> Model:
    t = raw["thresholds"]
    if not (0 < t["match"] < 1 and 0 < t["join"] <= 1):
        raise DataError(f"{where}: thresholds: probabilities in (0, 1]")
    return Model(weights_from(raw["pair"], FEATURES, f"{where}: pair"),
                 weights_from(raw["group"], GROUP_FEATURES, f"{where}: group"), t["match"], t["join"])


@cache
def load_model() -> Model:
    """lang/compare_fit.yaml, checked against the features of this version (cached)."""
    return model_from(load_data("compare_fit", None, FIT_SPEC))
