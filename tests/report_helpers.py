"""Inputs of the report tests: real extractions of two texts in tests/data/report (a Polish press
report whose sentences wrap over hard line breaks, and an English readout of the same call), and a
comparison of the two whose relations are set by hand, so that every kind of row is there whatever
the aligner decides."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from readouts.model import Claim, Comparison, Extraction, Match

DATA = Path(__file__).parent / "data"
WRAPPED_PL = DATA / "report" / "pl_wrapped.txt"
READOUT_EN = DATA / "report" / "en_readout.txt"
SHARED = Path(__file__).parents[2] / "shared"
SEED = SHARED / "dev" / "kresy-biden-putin-2021-12.pl.txt"
READABLE = 40           # characters of a sentence that must appear for it to count as readable


@dataclass(slots=True)
class ExplainedClaim(Claim):
    """A claim with the extractor's per-attribute explanation (attribute → rule id)."""
    explain: dict[str, str] = field(default_factory=dict)


@cache
def extracted(path: Path) -> Extraction:
    """The real extraction of a text (offline backend), with its text."""
    from readouts import pipeline
    from readouts.load import load_path

    return pipeline.extract_loaded(load_path(str(path)), "offline")


def squeeze(text: str) -> str:
    """Whitespace runs as one space: how a reader sees text that was re-wrapped."""
    return re.sub(r"\s+", " ", text).strip()


def claim_starting(ex: Extraction, prefix: str) -> Claim:
    [claim] = [c for c in ex.claims if squeeze(c.sentence).startswith(prefix)]
    return claim


@cache
def hand_comparison() -> Comparison:
    """Both texts, one `same` pair, one `conflict`, the rest one-sided on each side."""
    left, right = extracted(WRAPPED_PL), extracted(READOUT_EN)
    warn_l, warn_r = claim_starting(left, "Biały Dom podał"), claim_starting(right, "President Biden made plain")
    concern_l, concern_r = claim_starting(left, "Według Kremla Putin"), claim_starting(right, "The President noted")
    matched = {id(c) for c in (warn_l, warn_r, concern_l, concern_r)}
    return Comparison(
        left, right,
        matches=[Match(warn_l, warn_r, "same", 2.671, ["similarity 0.63 (+1.05)", "same act warn (+0.50)"],
                       "sanctions"),
                 Match(concern_l, concern_r, "conflict", 2.05, ["same act state (+0.50)", "opposite polarity"],
                       "security_guarantees")],
        only_left=[c for c in left.claims if id(c) not in matched],
        only_right=[c for c in right.claims if id(c) not in matched])


def rendered(renderer, subject, **options) -> str:
    from readouts.report import ReportOptions

    out = io.StringIO()
    renderer(subject, out, ReportOptions(**options))
    return out.getvalue()
