"""compare() on gold claims: the dev pair in shared/ and the project's own pairs in corpora/pairs.

The claims come from the gold files (tests/compare_gold.py), so these tests measure the alignment
alone, not the extractor. "sentence" mode gives each claim its whole carrying sentence, as the
extractor reports it; "gold" mode only the annotated substring (less context, harder).
"""
from __future__ import annotations

import pytest
import yaml

from compare_gold import (CORPORA, CORPORA_PAIRS, DEV_CASES, DEV_PAIRS, find_raw, load_case,
                          pair_files, read_text, run_pair)

DEV = pair_files(DEV_PAIRS)
OWN = pair_files(CORPORA_PAIRS)


@pytest.mark.skipif(not DEV, reason="shared/dev pairs not present")
@pytest.mark.parametrize("path", DEV, ids=lambda p: p.stem)
def test_dev_pair_match_f1(path):
    _, score = run_pair(path, DEV_CASES, "sentence")
    assert score.f1 >= 0.85, (score.missed, score.wrong)
    assert score.only_f1 >= 0.8
    _, narrow = run_pair(path, DEV_CASES, "gold")
    assert narrow.f1 >= 0.7, (narrow.missed, narrow.wrong)


@pytest.mark.skipif(not OWN, reason="corpora/pairs not written yet")
@pytest.mark.parametrize("path", OWN, ids=lambda p: p.stem)
def test_corpora_pair_conflicts_and_one_sided(path):
    pair = yaml.safe_load(path.read_text(encoding="utf-8"))
    lp, rp = CORPORA / pair["left"], CORPORA / pair["right"]
    comparison, score = run_pair(path, CORPORA, "sentence")
    ltext, rtext = read_text(lp), read_text(rp)

    def inside(claim, text, sub):
        a, b = find_raw(text, sub)
        return claim.start <= a and b <= claim.stop

    for left_sub, right_sub in pair.get("conflicts") or []:
        rel = [m.relation for m in comparison.matches
               if inside(m.left, ltext, left_sub) and inside(m.right, rtext, right_sub)]
        assert rel and rel[0] == "conflict", (left_sub, right_sub, rel)
    for side, text, subs in (("only_left", ltext, pair.get("only_left") or []),
                             ("only_right", rtext, pair.get("only_right") or [])):
        unpaired = getattr(comparison, side)
        found = [s for s in subs if any(inside(c, text, s) for c in unpaired)]
        assert len(found) >= 0.8 * len(subs), (side, sorted(set(subs) - set(found)))
    assert score.f1 >= 0.85, (score.missed, score.wrong)


@pytest.mark.skipif(not (DEV or OWN), reason="no gold pairs present")
def test_all_pairs_together():
    totals = [run_pair(p, root, "sentence")[1] for p, root in [(p, DEV_CASES) for p in DEV] + [(p, CORPORA) for p in OWN]]
    total = sum(totals[1:], totals[0])
    assert total.f1 >= 0.85 and total.only_f1 >= 0.8
    if total.conf_gold:
        assert total.conflict_f1 >= 0.8
