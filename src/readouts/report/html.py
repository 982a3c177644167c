"""Self-contained HTML pages: an extraction as its text with the claims marked, and a comparison
as the two accounts side by side.

The pages load nothing from elsewhere (the stylesheet is inlined, there is no script), so a page
can be mailed or opened offline. Without a script, details appear through CSS alone: a claim's card
on hover or focus, and kept open by a click (its link targets the card); a comparison's reasons
folded in <details>; each sentence of a comparison linked to its place in the full text and back.
"""
from __future__ import annotations

import html
from functools import cache
from importlib import resources
from typing import Iterable

from readouts.model import ACTS, Claim, Comparison, DateRef, Extraction
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
    context_parts,
    document_facts,
    flags,
    one_line,
    polarity_label,
    segments,
    summary,
    trigger_spans,
    who_line,
)
from readouts.report.marks import (
    Mark,
    Unit,
    claim_index,
    claim_units,
    paragraphs,
    render_marked,
    shown_text,
    unit_of_claims,
    units_of,
)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def text_html(text: str) -> str:
    """Text for the page: escaped, its line breaks as spaces."""
    return esc(one_line(text))


@cache
def stylesheet() -> str:
    return resources.files("readouts.report").joinpath("assets/page.css").read_text(encoding="utf-8")


def page(title: str, body: str, body_class: str) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{esc(title)}</title>\n<style>\n{stylesheet()}</style>\n</head>\n"
            f"<body class=\"{body_class}\">\n{body}\n</body>\n</html>\n")


# --------------------------------------------------------------------------- pieces of a claim

def sentence_html(claim: Claim) -> str:
    """The sentence on one line, its trigger in bold."""
    sentence = one_line(claim.sentence)
    spans = trigger_spans(sentence, one_line(claim.trigger))
    return "".join(f"<b class=\"trigger\">{esc(piece)}</b>" if inside else esc(piece)
                   for piece, inside in segments(sentence, spans))


def act_html(claim: Claim) -> str:
    """`warn · if · alleged · content negated`, the negation marked."""
    negated = polarity_label(claim)
    parts = [esc(claim.act)] + [f"<span class=\"negated\">{esc(f)}</span>" if f == negated else esc(f)
                                for f in flags(claim)]
    return FLAG_SEPARATOR.join(parts)


def claim_card(claim: Claim, number: int, explain: bool) -> str:
    """The details of one claim (its number in the account's list first), as phrasing content: it
    sits inside a link."""
    lines = [f"<b>{number}. {esc(who_line(claim))}</b>", act_html(claim), *map(esc, context_parts(claim))]
    lines.append(f"trigger “{esc(one_line(claim.trigger))}”")
    if explain and claim.rule:
        lines.append(f"rule {esc(claim.rule)}")
    return "<br>".join(lines)


def legend() -> str:
    acts = "".join(f"<span class=\"chip act-{a}\">{a}</span>" for a in ACTS)
    return (f"<div class=\"legend\"><span class=\"muted\">acts:</span>{acts}"
            "<span class=\"muted\">&nbsp;marks:</span><span class=\"chip\"><b class=\"trigger\">trigger</b></span>"
            "<span class=\"chip\"><span class=\"actor\">actor</span></span>"
            "<span class=\"chip\"><span class=\"date\">date</span></span></div>")


# --------------------------------------------------------------------------- the text with its claims

def _actor_marks(ex: Extraction, unit: Unit, text: str) -> list[Mark]:
    """The mentions of the unit's claims' actors inside the unit (longest mention first)."""
    mentions = {m for i in unit.claims for a in ex.actors if a.name == ex.claims[i].actor for m in a.mentions}
    marks: list[Mark] = []
    for mention in sorted(mentions, key=len, reverse=True):
        at = text.find(mention, unit.start, unit.stop)
        while at >= 0:
            marks.append(Mark(at, at + len(mention), "<span class=\"actor\">", "</span>"))
            at = text.find(mention, at + len(mention), unit.stop)
    return marks


def _date_mark(d: DateRef) -> Mark:
    shown = d.value + (f" – {d.end}" if d.end else "") + f" ({d.grain}{', vague' if d.vague else ''})"
    return Mark(d.start, d.stop, f"<time class=\"date\" datetime=\"{esc(d.value)}\" title=\"{esc(shown)}\">",
                "</time>")


def marked_text(ex: Extraction, prefix: str, unit_class: dict[int, str], link_of: dict[int, str] | None,
                explain: bool) -> str:
    """The account's text in paragraphs, each stretch that carries claims a link with the id
    `{prefix}-u{n}`, its triggers, actor mentions and dates marked (dates elsewhere too), and a card
    of its claims' details (id `{prefix}-k{n}`) shown on hover or focus. The link goes to
    `link_of[its first claim]`, or without `link_of` to its own card, which a click then keeps open
    (a touch screen has no hover)."""
    text, claims, dates = shown_text(ex)
    units = claim_units(claims)
    marks = [_date_mark(d) for d in dates]
    for n, unit in enumerate(units):
        first = unit.claims[0]
        classes = " ".join(["unit", f"act-{claims[first].act}", unit_class.get(first, "")]).strip()
        card = "".join(f"<span>{claim_card(claims[i], i + 1, explain)}</span>" for i in unit.claims)
        card_id = f"{prefix}-k{n}"
        target = link_of[first] if link_of is not None else card_id
        marks.append(Mark(unit.start, unit.stop,
                          f"<a class=\"{classes}\" id=\"{prefix}-u{n}\" href=\"#{target}\">",
                          f"<span class=\"card\" id=\"{card_id}\">{card}</span></a>"))
        for i in unit.claims:
            c = claims[i]
            marks += [Mark(c.start + a, c.start + b, "<b class=\"trigger\">", "</b>")
                      for a, b in trigger_spans(c.sentence, c.trigger)]
        marks += _actor_marks(ex, unit, text)
    unique = list(dict.fromkeys(marks))     # two claims of one sentence share their trigger
    return "\n".join(f"<p>{render_marked(text, a, b, unique, text_html)}</p>" for a, b in paragraphs(text))


# --------------------------------------------------------------------------- extract

def _rows(cells: Iterable[Iterable[str]]) -> str:
    return "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in cells)


def _table(columns: list[tuple[str, str]], body: str) -> str:
    """A table of (width class, heading) columns; the column without a class takes the rest."""
    colgroup = "".join(f"<col class=\"{width}\">" if width else "<col>" for width, _ in columns)
    head = "".join(f"<th>{esc(heading)}</th>" for _, heading in columns)
    return f"<table><colgroup>{colgroup}</colgroup><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>"


def claims_section(ex: Extraction, prefix: str, explain: bool) -> str:
    units = unit_of_claims(units_of(ex))
    cols = [("n", "#"), ("", "sentence (trigger in bold)"), ("who", "actor → addressee"), ("act", "act · flags"),
            ("short", "dates")] + ([("rule", "rule")] if explain else [])
    rows = []
    for i, c in enumerate(ex.claims):
        cells = [f"<a href=\"#{prefix}-u{units[i]}\">{i + 1}</a>", sentence_html(c),
                 esc(who_line(c)) + (f"<br><span class=\"muted\">reported by {esc(c.reported_by)}</span>"
                                     if c.reported_by else ""),
                 act_html(c), "<br>".join(map(esc, c.dates))] + ([esc(c.rule or "")] if explain else [])
        rows.append(f"<tr id=\"{prefix}-c{i}\" class=\"act-{esc(c.act)}\">"
                    + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    return (f"<section class=\"claims\"><h2>Claims ({len(ex.claims)})</h2>"
            + _table(cols, "\n".join(rows)) + "</section>")


def extraction_article(ex: Extraction, n: int, explain: bool) -> str:
    d = ex.document
    prefix = f"d{n}"
    meta = FLAG_SEPARATOR.join(document_facts(d))
    counts = f"{len(ex.claims)} claims · {len(ex.actors)} actors · {len(ex.dates)} dates"
    actors = _rows([esc(a.name), esc(a.kind), esc(", ".join(one_line(m) for m in a.mentions))] for a in ex.actors)
    dates = _rows([text_html(x.text), esc(x.value), esc(x.end or ""), esc(x.grain + (" (vague)" if x.vague else "")),
                   f"{x.start}–{x.stop}"] for x in ex.dates)
    return (f"<article class=\"document\" id=\"{prefix}\">\n<header><h1>{esc(d.path)}</h1>"
            + (f"<p class=\"title\">{text_html(d.title)}</p>" if d.title else "")
            + f"<p class=\"meta\">{esc(meta)}</p><p class=\"meta\">{counts}</p></header>\n{legend()}\n"
            + f"<section class=\"text\" lang=\"{esc(d.lang)}\">\n{marked_text(ex, prefix, {}, None, explain)}\n</section>\n"
            + claims_section(ex, prefix, explain) + "\n"
            + f"<section class=\"actors\"><h2>Actors ({len(ex.actors)})</h2>"
            + _table([("who", "name"), ("short", "kind"), ("", "mentions")], actors) + "</section>\n"
            + f"<section class=\"dates\"><h2>Dates ({len(ex.dates)})</h2>"
            + _table([("", "text"), ("short", "value"), ("short", "end"), ("short", "grain"),
                      ("short", "characters")], dates) + "</section>\n</article>")


def extractions_page(extractions: list[Extraction], explain: bool = False) -> str:
    """One page: per document its text with the claims marked, then its claims, actors and dates."""
    title = "readouts: " + ", ".join(ex.document.path for ex in extractions)
    body = "\n<hr>\n".join(extraction_article(ex, n, explain) for n, ex in enumerate(extractions, 1))
    return page(title, body, "extract")


# --------------------------------------------------------------------------- compare

def _side_html(claim: Claim | None, side: str, target: str | None) -> str:
    if claim is None:
        return f"<div class=\"side {side} missing\">—</div>"
    goto = f" <a class=\"goto\" href=\"#{target}\">↧ in the text</a>" if target else ""
    context = FLAG_SEPARATOR.join(context_parts(claim))
    return (f"<div class=\"side {side} claim\" data-claim=\"{side}\">"
            f"<div><span class=\"who\">{esc(who_line(claim))}</span>{FLAG_SEPARATOR}"
            f"<span class=\"flags\">{act_html(claim)}</span></div>"
            f"<div class=\"sentence\">{sentence_html(claim)}</div>"
            + (f"<div class=\"muted\">{esc(context)}</div>" if context else "")
            + f"{goto}</div>")


def _relation_html(item: Item, explain: bool) -> str:
    label = f"<span class=\"label\">{esc(RELATION_LABEL[item.relation])}</span>"
    if matter_text(item):
        label += f"<div class=\"muted\">{esc(matter_text(item))}</div>"
    if item.score is None:
        return f"<div class=\"relation\">{label}</div>"
    reasons = "".join(f"<li>{esc(r)}</li>" for r in item.reasons) or "<li>no reasons recorded</li>"
    return (f"<div class=\"relation\">{label}<details{' open' if explain else ''}>"
            f"<summary>{esc(score_text(item.score))}</summary><ul>{reasons}</ul></details></div>")


class _Sides:
    """Each side's claims, where their sentences sit in the full text, and the first row of each."""

    def __init__(self, comparison: Comparison) -> None:
        self.extractions = {"left": comparison.left, "right": comparison.right}
        self.index = {s: claim_index(ex) for s, ex in self.extractions.items()}
        self.unit = {s: unit_of_claims(units_of(ex)) for s, ex in self.extractions.items()}
        self.first_row: dict[str, dict[int, str]] = {"left": {}, "right": {}}
        self.relation: dict[str, dict[int, str]] = {"left": {}, "right": {}}

    def target(self, side: str, claim: Claim, row_id: str, relation: str) -> str | None:
        """The id of the claim's place in its full text (recording the row and relation it is in)."""
        i = self.index[side](claim)
        self.first_row[side].setdefault(i, row_id)
        if self.relation[side].get(i) != "conflict":
            self.relation[side][i] = relation
        return f"{side}-u{self.unit[side][i]}"


def comparison_page(comparison: Comparison, explain: bool = False) -> str:
    """The counts; the claims side by side per matter (conflicts and one-sided ones marked, score
    and reasons folded under each match); the two full texts below, each sentence linked."""
    from readouts.compare import topic_label

    sides = _Sides(comparison)
    sections, n = [], 0
    for topic, group in grouped(comparison):
        rows = []
        for item in group:
            n += 1
            row_id = f"row-{n}"
            cells = {s: _side_html(c, s, sides.target(s, c, row_id, item.relation) if c is not None else None)
                     for s, c in zip(SIDES, (item.left, item.right))}
            rows.append(f"<div class=\"row {item.relation}\" id=\"{row_id}\" data-relation=\"{item.relation}\">"
                        f"{cells['left']}{_relation_html(item, explain)}{cells['right']}</div>")
        sections.append(f"<section class=\"matter\"><h2>{esc(topic_label(topic))}</h2>\n" + "\n".join(rows)
                        + "\n</section>")
    ldoc, rdoc = comparison.left.document, comparison.right.document
    counts = summary(comparison)
    count_items = "".join(f"<li class=\"{key}\"><strong>{counts[key]}</strong> {label}</li>"
                          for key, label in COUNT_LABELS)
    texts = []
    for s in SIDES:
        ex = sides.extractions[s]
        links = {i: sides.first_row[s].get(i, f"{s}-text") for i in range(len(ex.claims))}
        classes = {i: rel for i, rel in sides.relation[s].items()}
        texts.append(f"<div class=\"text {s}\" id=\"{s}-text\" lang=\"{esc(ex.document.lang)}\">"
                     f"<h3>{esc(side_label(ex.document))}</h3>\n{marked_text(ex, s, classes, links, explain)}</div>")
    body = (f"<header><h1>Two accounts compared</h1>\n<div class=\"accounts\">{_account(ldoc, comparison.left, 'left')}"
            f"<div class=\"vs\">compared with</div>{_account(rdoc, comparison.right, 'right')}</div>\n"
            f"<ul class=\"counts\">{count_items}</ul></header>\n<main>\n"
            f"<div class=\"row rows-head\"><div>◀ {esc(side_label(ldoc))}</div><div class=\"relation\">relation</div>"
            f"<div>{esc(side_label(rdoc))} ▶</div></div>\n"
            + "\n".join(sections)
            + f"\n<h2>The two texts</h2>\n<div class=\"texts\">{''.join(texts)}</div>\n</main>")
    return page(f"readouts: {ldoc.path} compared with {rdoc.path}", body, "compare")


def _account(doc, ex: Extraction, side: str) -> str:
    meta = FLAG_SEPARATOR.join(x for x in (doc.lang, doc.source, doc.published) if x)
    return (f"<div class=\"account {side}\"><a href=\"#{side}-text\"><b>{esc(doc.path)}</b></a>"
            + (f"<div class=\"title\">{text_html(doc.title)}</div>" if doc.title else "")
            + f"<div class=\"meta\">{esc(meta)}{FLAG_SEPARATOR}{len(ex.claims)} claims</div></div>")
