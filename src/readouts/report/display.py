"""How a claim reads to a person, whatever the medium: one line of text for a sentence, the trigger's
place in it, the act with its flags, and counts of a comparison.

The terminal table, Markdown and HTML all take their wording from here, so that a claim reads the
same everywhere. Nothing here changes the data: `one_line` is for display only.
"""
from __future__ import annotations

import re
from typing import Iterator

from readouts.model import Claim, Comparison, DocumentInfo

FLAG_SEPARATOR = " · "
LINE_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")
# rule-id prefixes of the polarity rule (Claim.explain["polarity"]): what the negation is on
NEGATED_LABELS = (("negation.content", "content negated"), ("negation.act", "act negated"))
NEGATED = "negated"


def document_facts(doc: DocumentInfo) -> list[str]:
    """`language pl`, `published 2021-12`, `source press`, `backend offline`: a document's header."""
    return [f"language {doc.lang}", f"published {doc.published or 'unknown'}",
            f"source {doc.source or 'unknown'}", f"backend {doc.backend or '-'}"]


def one_line(text: str) -> str:
    """The text with its hard line breaks shown as single spaces (a sentence wraps in the file)."""
    return LINE_BREAK.sub(" ", text)


def trigger_spans(sentence: str, trigger: str) -> list[tuple[int, int]]:
    """Where the trigger sits in the sentence, as (start, stop) indices, found case-insensitively:
    the whole trigger when it is a substring, else each of its words (a discontinuous "miał …
    zapewnić"); empty when nothing is found. Indices are those of `sentence` as given."""
    if not trigger:
        return []
    lowered = sentence.lower()
    at = lowered.find(trigger.lower())
    if at >= 0:
        return [(at, at + len(trigger))]
    spans = []
    searched_from = 0
    for word in trigger.split():
        at = lowered.find(word.lower(), searched_from)
        if at < 0:
            at = lowered.find(word.lower())
        if at >= 0:
            spans.append((at, at + len(word)))
            searched_from = at + len(word)
    return sorted(set(spans))


def polarity_label(claim: Claim) -> str | None:
    """None for an affirmed claim; for a negated one what is negated, when the extractor's
    explanation says so ("content negated": "said that it would not"; "act negated": "did not
    say"), else plain "negated"."""
    if claim.polarity != NEGATED:
        return None
    rule = (getattr(claim, "explain", None) or {}).get("polarity") or ""
    for prefix, label in NEGATED_LABELS:
        if rule.startswith(prefix):
            return label
    return NEGATED


# an attribute's rule that only says nothing was found is left out of the explanation
SILENT_RULES = frozenset({"act.lexicon", "polarity.affirmed", "hedge.none", "condition.none", "addressee.none",
                          "account.none", "account.official"})
ATTRIBUTE_RULES = ("act", "polarity", "hedged", "conditional", "addressee", "reported_by")


def trace_parts(claim: Claim) -> list[str]:
    """Why the claim exists, from its trace: the trigger's pattern (`light_verb.object
    (concern)`), the quote and content rules, the actor strategy (`actor mention/name`), then
    each attribute's rule that set something (`negation.content`, `addressee.counterpart`)."""
    trace = getattr(claim, "explain", None) or {}
    if not trace:
        return [f"rule {claim.rule}"] if claim.rule else []
    parts = [str(trace.get("trigger")) + (f" ({trace['entry']})" if trace.get("entry") else "")]
    parts += [str(trace[key]) for key in ("quote", "content") if trace.get(key)]
    if trace.get("absorbed"):
        parts.append(f"act of {trace['absorbed']}")
    parts.append(f"actor {trace.get('actor')}" + (f"/{trace['via']}" if trace.get("via") else ""))
    parts += [str(trace[key]) for key in ATTRIBUTE_RULES if trace.get(key) and trace[key] not in SILENT_RULES]
    return parts


def flags(claim: Claim) -> list[str]:
    """The claim's marks after its act, short: `if`, `alleged`, what is negated."""
    found = []
    if claim.conditional:
        found.append("if")
    if claim.hedged:
        found.append("alleged")
    negated = polarity_label(claim)
    if negated:
        found.append(negated)
    return found


def act_line(claim: Claim) -> str:
    """The act and its flags in one line: `warn · if · alleged · content negated`."""
    return FLAG_SEPARATOR.join([claim.act, *flags(claim)])


def who_line(claim: Claim) -> str:
    """`Joe Biden → Vladimir Putin`: the actor and the addressee, when there is one."""
    return f"{claim.actor} → {claim.addressee}" if claim.addressee else claim.actor


def context_parts(claim: Claim) -> list[str]:
    """What is said about the account and time: `reported by kremlin`, `dates 2021-12-30`."""
    parts = []
    if claim.reported_by:
        parts.append(f"reported by {claim.reported_by}")
    if claim.dates:
        parts.append("dates " + ", ".join(claim.dates))
    return parts


# --------------------------------------------------------------------------- comparisons

SUMMARY_KEYS = ("same", "conflict", "only_left", "only_right")


def summary(comparison: Comparison) -> dict[str, int]:
    """The counts of a comparison: matches by relation, one-sided claims, and each side's claims."""
    counts = {key: 0 for key in SUMMARY_KEYS}
    for match in comparison.matches:
        counts[match.relation] = counts.get(match.relation, 0) + 1
    counts["only_left"] = len(comparison.only_left)
    counts["only_right"] = len(comparison.only_right)
    counts["left_claims"] = len(comparison.left.claims)
    counts["right_claims"] = len(comparison.right.claims)
    return counts


def summary_line(comparison: Comparison) -> str:
    counts = summary(comparison)
    conflicts = counts["conflict"]
    return (f"{counts['same']} same, {conflicts} conflict{'s' if conflicts != 1 else ''}, "
            f"{counts['only_left']} only left, {counts['only_right']} only right "
            f"({counts['left_claims']} left claims, {counts['right_claims']} right claims)")


def segments(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[str, bool]]:
    """The text cut at the spans (sorted, not overlapping): (piece, inside a span)."""
    at = 0
    for start, stop in spans:
        if start < at:
            continue
        if start > at:
            yield text[at:start], False
        yield text[start:stop], True
        at = stop
    if at < len(text):
        yield text[at:], False
