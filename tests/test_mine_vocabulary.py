"""tools/mine_vocabulary.py: what the vocabulary mining lists on a small text."""
from pathlib import Path

from tools.mine_vocabulary import CLAUSE, NOUN, VERB, main, mine_text, report

SAMPLE = Path(__file__).parent / "data" / "mining" / "sample.en.txt"


def _lemmas(findings, section):
    return {f.lemma for f in findings if f.section == section}


def test_verbs_next_to_an_actor_that_no_trigger_covers_are_listed():
    findings = mine_text(str(SAMPLE))
    verbs = _lemmas(findings, VERB)
    assert {"speak", "visit", "dream"} <= verbs
    assert "say" not in verbs                       # the trigger of a claim
    assert "keep" not in verbs                      # inside that claim's reported content


def test_a_content_clause_without_a_claim_is_listed_by_its_verb():
    findings = mine_text(str(SAMPLE))
    clauses = [f for f in findings if f.section == CLAUSE]
    assert [f.lemma for f in clauses] == ["dream"]
    assert clauses[0].sentence == "President Biden dreamt that the war would end this year."
    assert not _lemmas(findings, NOUN)


def test_the_report_ranks_by_frequency_with_examples(capsys):
    findings = mine_text(str(SAMPLE)) * 3
    text = report(findings, top=1, examples=1)
    assert "    3  dream\n         - President Biden dreamt that" in text
    assert main([str(SAMPLE), "--top", "5"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# 1 texts")
    assert "visit" in out
