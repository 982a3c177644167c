"""Markdown reports (GitHub-flavoured: tables, and a little inline HTML for anchors and folded
reasons): an extraction as tables, a comparison as the two accounts side by side with their full
texts below.
"""
from __future__ import annotations

import re
from typing import Iterable

from readouts.model import Claim, Comparison, Extraction
from readouts.report.compare import (
    COUNT_LABELS,
    RELATION_LABEL,
    SIDES,
    Item,
    grouped,
    matter_text,
    score_text,
    side_label,
)
from readouts.report.display import (
    FLAG_SEPARATOR,
    act_line,
    context_parts,
    document_facts,
    one_line,
    segments,
    summary,
    trigger_spans,
    who_line,
)
from readouts.report.marks import Mark, claim_index, paragraphs, render_marked, shown_text, unit_of_claims, units_of

INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
# what would turn the start of a paragraph into a heading, a quote, a list or a rule
BLOCK_START = re.compile(r"^(\s*)(#|>|[-+=]|\d+[.)])")


def md(text: str) -> str:
    """Text for a Markdown line or table cell: on one line, its markup characters escaped."""
    return INLINE_SPECIAL.sub(r"\\\1", one_line(text))


def md_paragraph(text: str) -> str:
    return BLOCK_START.sub(lambda m: m.group(1) + "".join("\\" + ch if not ch.isdigit() else ch
                                                         for ch in m.group(2)), text, count=1)


def table(head: list[str], rows: Iterable[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def sentence_md(claim: Claim) -> str:
    """The sentence on one line, its trigger in bold."""
    sentence = one_line(claim.sentence)
    spans = trigger_spans(sentence, one_line(claim.trigger))
    return "".join(f"**{md(piece)}**" if inside else md(piece) for piece, inside in segments(sentence, spans))


# --------------------------------------------------------------------------- extract

def extraction_markdown(ex: Extraction, what: str | None, explain: bool) -> str:
    d = ex.document
    parts = [f"# {md(d.path)}" + (f" — {md(d.title)}" if d.title else ""),
             md(FLAG_SEPARATOR.join(document_facts(d)))]
    if what in (None, "claims"):
        head = ["#", "sentence (trigger in bold)", "actor → addressee", "act · flags", "context"]
        rows = ([str(n), sentence_md(c), md(who_line(c)), md(act_line(c)),
                 md(FLAG_SEPARATOR.join(context_parts(c) + ([f"rule {c.rule}"] if explain and c.rule else [])))]
                for n, c in enumerate(ex.claims, 1))
        parts += [f"## Claims ({len(ex.claims)})", table(head, rows) if ex.claims else "No claims found."]
    if what in (None, "actors"):
        parts += [f"## Actors ({len(ex.actors)})",
                  table(["name", "kind", "mentions"],
                        ([md(a.name), md(a.kind), md(", ".join(a.mentions))] for a in ex.actors))]
    if what in (None, "dates"):
        parts += [f"## Dates ({len(ex.dates)})",
                  table(["text", "value", "end", "grain", "characters"],
                        ([md(x.text), x.value, x.end or "", x.grain + (" (vague)" if x.vague else ""),
                          f"{x.start}–{x.stop}"] for x in ex.dates))]
    return "\n\n".join(parts) + "\n"


def extractions_markdown(extractions: list[Extraction], what: str | None = None, explain: bool = False) -> str:
    return "\n---\n\n".join(extraction_markdown(ex, what, explain) for ex in extractions)


# --------------------------------------------------------------------------- compare

def _claim_cell(claim: Claim | None, target: str | None) -> str:
    if claim is None:
        return "—"
    context = FLAG_SEPARATOR.join(context_parts(claim))
    return (f"**{md(who_line(claim))}**{FLAG_SEPARATOR}{md(act_line(claim))}<br>{sentence_md(claim)}"
            + (f"<br>*{md(context)}*" if context else "") + (f" [↧](#{target})" if target else ""))


def _relation_cell(item: Item, explain: bool) -> str:
    label = md(RELATION_LABEL[item.relation])
    label = f"**{label}**" if item.relation == "conflict" else label
    if matter_text(item):
        label += f"<br>*{md(matter_text(item))}*"
    if item.score is None:
        return label
    reasons = "; ".join(md(r) for r in item.reasons) or "no reasons recorded"
    return f"{label}<br><details{' open' if explain else ''}><summary>{score_text(item.score)}</summary>{reasons}</details>"


def _full_text(ex: Extraction, side: str) -> str:
    """The account's paragraphs, each stretch that carries claims in bold behind an anchor."""
    text = shown_text(ex)[0]
    marks = [Mark(u.start, u.stop, f"<a id=\"{side}-u{n}\"></a>**", "**") for n, u in enumerate(units_of(ex))]
    return "\n\n".join(md_paragraph(render_marked(text, a, b, marks, md)) for a, b in paragraphs(text))


def comparison_markdown(comparison: Comparison, explain: bool = False) -> str:
    """Counts, then per matter a table left | relation | right, then the two texts."""
    from readouts.compare import topic_label

    extractions = {"left": comparison.left, "right": comparison.right}
    index = {s: claim_index(ex) for s, ex in extractions.items()}
    unit = {s: unit_of_claims(units_of(ex)) for s, ex in extractions.items()}

    def target(side: str, claim: Claim | None) -> str | None:
        return None if claim is None else f"{side}-u{unit[side][index[side](claim)]}"

    counts = summary(comparison)
    accounts = [[f"[{md(ex.document.path)}](#{s}-text)", ex.document.lang, md(ex.document.source or ""),
                 ex.document.published or "", str(len(ex.claims))] for s, ex in extractions.items()]
    parts = ["# Two accounts compared",
             table(["account", "language", "source", "published", "claims"], accounts),
             "**" + FLAG_SEPARATOR.join(f"{counts[key]} {label}" for key, label in COUNT_LABELS) + "**"]
    head = [f"◀ {md(side_label(comparison.left.document))}", "relation",
            f"{md(side_label(comparison.right.document))} ▶"]
    for topic, group in grouped(comparison):
        rows = ([_claim_cell(it.left, target("left", it.left)), _relation_cell(it, explain),
                 _claim_cell(it.right, target("right", it.right))] for it in group)
        parts += [f"## {md(topic_label(topic))}", table(head, rows)]
    for s in SIDES:
        ex = extractions[s]
        parts += [f"<a id=\"{s}-text\"></a>\n\n## {s.capitalize()}: {md(side_label(ex.document))}",
                  _full_text(ex, s)]
    return "\n\n".join(parts) + "\n"
