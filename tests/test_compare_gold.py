"""compare() on gold claims: the dev pair in shared/ and the project's own pairs in corpora/pairs.

The claims come from the gold files (tests/compare_gold.py), so these tests measure the alignment
alone, not the extractor. "sentence" mode gives each claim its whole carrying sentence, as the
extractor reports it; "gold" mode only the annotated substring (less context, harder).
Figures on 2026-11-25, before issue 13 (sentence mode): dev pair match F1 1.00; corpora pairs
together with the dev pair: match 0.87, conflict 1.00, one-sided 0.92. Since issue 13 the weights
are fitted on all 32 annotated pairs, most of them blind pairs whose authors group loosely (one
sentence against several claims), and cross-validated by pair: held-out match F1 rose from 0.65 to
0.76, and these four pairs fell to dev 0.73 (gold mode 0.50), all together match 0.76, one-sided
0.87, conflict 1.00 — the model joins a second claim to a partner where this gold pairs one. The
floors below guard against regressions from there. The end-to-end tests at the bottom run the
real pipeline (extractor and all) over corpora/pairs and corpora/blind/compare, as the project's
scorer does.
"""
from __future__ import annotations

from functools import cache

import compare_gold
import pytest
import yaml
from compare_gold import CORPORA, CORPORA_PAIRS, DEV_CASES, DEV_PAIRS, find_raw, pair_files, read_text

run_pair = cache(compare_gold.run_pair)   # each pair is compared once per test session

DEV = pair_files(DEV_PAIRS)
OWN = pair_files(CORPORA_PAIRS)

# Gold conflicts that compare() does not find yet, and why (strict xfail: fixing one fails the test).
KNOWN_MISSES: dict[tuple[str, str], str] = {}


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
    assert score.f1 >= 0.7, (score.missed, score.wrong)
    assert score.only_f1 >= 0.8
    _, narrow = run_pair(path, DEV_CASES, "gold")
    assert narrow.f1 >= 0.5, (narrow.missed, narrow.wrong)


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
    assert total.f1 >= 0.75 and total.only_f1 >= 0.85
    if total.conf_gold:
        assert total.conflict_f1 >= 0.95


# --------------------------------------------------------------------------- end to end

@cache
def _pipeline_comparison(path):
    """compare_loaded() on the two texts of a pair: load, analyse, extract, align (once per session)."""
    from readouts.load import load_path
    from readouts.pipeline import compare_loaded

    pair = yaml.safe_load(path.read_text(encoding="utf-8"))
    return pair, compare_loaded(load_path(CORPORA / pair["left"]), load_path(CORPORA / pair["right"]))


def _covers(claim, span) -> bool:
    return claim.start <= span[0] and span[1] <= claim.stop


# Gold conflicts the pipeline cannot show yet because the extractor misses one side's claim.
E2E_KNOWN_MISSES: dict[tuple[str, str], str] = {}


def _e2e_conflicts():
    for path in OWN:
        pair = yaml.safe_load(path.read_text(encoding="utf-8"))
        for left, right in pair.get("conflicts") or []:
            why = next((w for (stem, start), w in E2E_KNOWN_MISSES.items()
                        if stem == path.stem and left.startswith(start)), None)
            marks = [pytest.mark.xfail(strict=True, reason=why)] if why else []
            yield pytest.param(path, left, right, marks=marks, id=f"{path.stem}:{left[:30]}")


@pytest.mark.skipif(not OWN, reason="corpora/pairs not present")
@pytest.mark.parametrize("path, left_sub, right_sub", list(_e2e_conflicts()))
def test_pipeline_gold_conflicts_are_conflicts(path, left_sub, right_sub):
    pair, comparison = _pipeline_comparison(path)
    ls = find_raw(read_text(CORPORA / pair["left"]), left_sub)
    rs = find_raw(read_text(CORPORA / pair["right"]), right_sub)
    relations = [m.relation for m in comparison.matches if _covers(m.left, ls) and _covers(m.right, rs)]
    assert relations == ["conflict"], [(m.left.sentence[:60], m.relation, m.right.sentence[:60])
                                       for m in comparison.matches if _covers(m.left, ls) or _covers(m.right, rs)]


@pytest.mark.skipif(not OWN, reason="corpora/pairs not present")
@pytest.mark.parametrize("path", OWN, ids=lambda p: p.stem)
def test_pipeline_one_sided_claims(path):
    """Most gold one-sided claims come out one-sided, none of them in a match, and every claim the
    extractor found is either matched or one-sided."""
    pair, comparison = _pipeline_comparison(path)
    matched_l = {id(m.left) for m in comparison.matches}
    matched_r = {id(m.right) for m in comparison.matches}
    for side, key, matched in (("only_left", "left", matched_l), ("only_right", "right", matched_r)):
        text = read_text(CORPORA / pair[key])
        subs = pair.get(side) or []
        spans = [find_raw(text, s) for s in subs]
        found = [s for s, sp in zip(subs, spans) if any(_covers(c, sp) for c in getattr(comparison, side))]
        assert len(found) >= 0.7 * len(subs), (side, sorted(set(subs) - set(found)))
        listed = matched | {id(c) for c in getattr(comparison, side)}
        claims = getattr(comparison, key).claims
        assert all(id(c) in listed or any(d is not c and (d.start, d.stop, d.actor, d.act, d.polarity)
                                           == (c.start, c.stop, c.actor, c.act, c.polarity) for d in claims)
                   for c in claims)


BLIND_ROOT = CORPORA / "blind" / "compare"
BLIND = pair_files(BLIND_ROOT / "pairs")
# Pooled floors on the blind pairs (corpora/blind/README.md): written by authors who never saw the
# code, with looser annotation choices than ours; the first run scored match F1 0.53-0.67.
MIN_BLIND_MATCH_F1 = 0.6
MIN_BLIND_ONLY_F1 = 0.55


@pytest.mark.skipif(not BLIND, reason="no corpora/blind/compare pairs")
def test_pipeline_on_blind_pairs():
    from readouts.load import load_path
    from readouts.pipeline import compare_loaded

    total = None
    for path in BLIND:
        pair = yaml.safe_load(path.read_text(encoding="utf-8"))
        left, right = BLIND_ROOT / pair["left"], BLIND_ROOT / pair["right"]
        comparison = compare_loaded(load_path(left), load_path(right))
        score = compare_gold.score_pair(comparison, pair, read_text(left), read_text(right))
        total = score if total is None else total + score
    print(f"blind pairs: match F1 {total.f1:.3f}, conflict F1 {total.conflict_f1:.3f}, one-sided F1 {total.only_f1:.3f}")
    assert total.f1 >= MIN_BLIND_MATCH_F1, (round(total.f1, 3), total.missed[:5])
    assert total.only_f1 >= MIN_BLIND_ONLY_F1, round(total.only_f1, 3)
