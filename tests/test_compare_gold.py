"""compare() on gold claims: the dev pair in shared/ and the project's own pairs in corpora/pairs.

The claims come from the gold files (tests/compare_gold.py), so these tests measure the alignment
alone, not the extractor. "sentence" mode gives each claim its whole carrying sentence, as the
extractor reports it; "gold" mode only the annotated substring (less context, harder).
Figures on 2026-11-25 (sentence mode): dev pair match F1 1.00; corpora pairs together with the
dev pair: match 0.76, conflict 0.86, one-sided 0.90. The floors below guard against regressions.
"""
from __future__ import annotations

import pytest
import yaml

from functools import cache

import compare_gold
from compare_gold import CORPORA, CORPORA_PAIRS, DEV_CASES, DEV_PAIRS, find_raw, pair_files, read_text

run_pair = cache(compare_gold.run_pair)   # each pair is compared once per test session

DEV = pair_files(DEV_PAIRS)
OWN = pair_files(CORPORA_PAIRS)

# Gold conflicts that compare() does not find yet, and why (strict xfail: fixing one fails the test).
KNOWN_MISSES = {
    ("biden-putin-2022-02-12", "Putin oświadczył, że odpowiedzi"):
        "Putin's 'responses ignore our concerns' vs Biden's 'proposals answer Russia's concerns': "
        "different speakers and no topic cue in common",
}


def _conflicts():
    for path in OWN:
        pair = yaml.safe_load(path.read_text(encoding="utf-8"))
        for left, right in pair.get("conflicts") or []:
            why = next((w for (stem, start), w in KNOWN_MISSES.items()
                        if stem == path.stem and left.startswith(start)), None)
            marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
            yield pytest.param(path, left, right, marks=marks, id=f"{path.stem}:{left[:30]}")


@pytest.mark.skipif(not DEV, reason="shared/dev pairs not present")
@pytest.mark.parametrize("path", DEV, ids=lambda p: p.stem)
def test_dev_pair_match_f1(path):
    _, score = run_pair(path, DEV_CASES, "sentence")
    assert score.f1 >= 0.85, (score.missed, score.wrong)
    assert score.only_f1 >= 0.8
    _, narrow = run_pair(path, DEV_CASES, "gold")
    assert narrow.f1 >= 0.6, (narrow.missed, narrow.wrong)


@pytest.mark.skipif(not OWN, reason="corpora/pairs not written yet")
@pytest.mark.parametrize("path, left_sub, right_sub", list(_conflicts()))
def test_corpora_gold_conflicts_are_conflicts(path, left_sub, right_sub):
    pair = yaml.safe_load(path.read_text(encoding="utf-8"))
    comparison, _ = run_pair(path, CORPORA, "sentence")
    ltext, rtext = read_text(CORPORA / pair["left"]), read_text(CORPORA / pair["right"])
    (la, lb), (ra, rb) = find_raw(ltext, left_sub), find_raw(rtext, right_sub)
    relations = [m.relation for m in comparison.matches
                 if m.left.start <= la and lb <= m.left.stop and m.right.start <= ra and rb <= m.right.stop]
    assert relations == ["conflict"]


@pytest.mark.skipif(not OWN, reason="corpora/pairs not written yet")
@pytest.mark.parametrize("path", OWN, ids=lambda p: p.stem)
def test_corpora_pair_one_sided_claims(path):
    pair = yaml.safe_load(path.read_text(encoding="utf-8"))
    comparison, score = run_pair(path, CORPORA, "sentence")
    ltext, rtext = read_text(CORPORA / pair["left"]), read_text(CORPORA / pair["right"])
    for side, text, subs in (("only_left", ltext, pair.get("only_left") or []),
                             ("only_right", rtext, pair.get("only_right") or [])):
        spans = [find_raw(text, s) for s in subs]
        found = [s for s, (a, b) in zip(subs, spans)
                 if any(c.start <= a and b <= c.stop for c in getattr(comparison, side))]
        assert len(found) >= 0.75 * len(subs), (side, sorted(set(subs) - set(found)))
    assert score.f1 >= 0.6, (score.missed, score.wrong)


@pytest.mark.skipif(not (DEV or OWN), reason="no gold pairs present")
def test_all_pairs_together():
    runs = [(p, DEV_CASES) for p in DEV] + [(p, CORPORA) for p in OWN]
    scores = [run_pair(p, root, "sentence")[1] for p, root in runs]
    total = sum(scores[1:], scores[0])
    assert total.f1 >= 0.72 and total.only_f1 >= 0.85
    if total.conf_gold:
        assert total.conflict_f1 >= 0.8
