"""tools/claims_snapshot.py: the claim-by-claim diff of two snapshots."""
import json

from tools.claims_snapshot import diff


def _claim(trigger, act, start=0, **kw):
    c = {"sentence": "Biden warned Putin.", "start": start, "trigger": trigger, "actor": "Joe Biden", "act": act,
         "polarity": "affirmed", "hedged": False, "conditional": False, "addressee": None, "reported_by": None}
    return {**c, **kw}


def test_diff_counts_added_removed_and_changed_claims(tmp_path, capsys):
    before, after = tmp_path / "before.jsonl", tmp_path / "after.jsonl"
    before.write_text(json.dumps({"path": "a.txt", "claims": [_claim("warned", "state"), _claim("said", "state", 30)]}) + "\n")
    after.write_text(json.dumps({"path": "a.txt", "claims": [_claim("warned", "warn"), _claim("urged", "demand", 60)]}) + "\n")
    counts = diff(before, after)
    assert (counts["added"], counts["removed"], counts["changed"]) == (1, 1, 1)
    out = capsys.readouterr().out
    assert "changed: Joe Biden state [warned]  ⇒  Joe Biden warn [warned]" in out
    assert "removed: Joe Biden state [said]" in out
