"""Align the claims of two accounts of one call, in any pair of our languages.

`compare(left, right)` reads each claim's matter apart from its wording (readouts.compare.matter:
the reported content, its concepts from a cross-lingual concept lexicon, entities, quantities,
dates), scores every (left claim, right claim) pair by the odds that both report one matter
(readouts.compare.features: the matter signals with the sentence encoder's similarity of the two
content clauses, and the frame — actors, acts, polarity, order), with weights fitted on annotated
pairs (readouts.compare.fitted, lang/compare_fit.yaml), and aligns them (readouts.compare.align):
pairs one to one, best first, then groups where one account tells in several claims what the
other tells in one. Opposite polarity, or opposed acts (agree vs reject), of a matched pair makes
its relation "conflict", within a group as well. Everything unmatched is one-sided.

Each match carries its probability as `score`, the reasons behind it (each signal with what it adds
to the log-odds) and the matter's topic and concepts.
"""
from __future__ import annotations

from dataclasses import dataclass

from readouts.compare.align import Side, align
from readouts.compare.concepts import concept_table, vocabulary
from readouts.compare.config import CompareConfig, load_config, same_actor, topic_label
from readouts.compare.encoder import similarity_matrix
from readouts.compare.features import Signal, Similarities, context, signals
from readouts.compare.fitted import Model, load_model
from readouts.compare.matter import Matter, matter_of, matters
from readouts.compare.topics import ANAPHORA, load_topic_cues, refers_back, topics_of
from readouts.entry import make_callable
from readouts.model import BOTH, Claim, Comparison, Extraction, Match

DAY_END = len("2026-03-14")       # an ISO date down to its day

__all__ = ["compare", "prepare", "assemble", "warm_up", "load_config", "topic_label", "claim_topics", "claim_concepts",
           "topics_of", "refers_back", "load_topic_cues", "ANAPHORA", "relation"]


@dataclass(frozen=True)
class Prepared:
    """Two accounts' matters and the signals of their candidate pairs, before any weighing."""
    left: list[Matter]
    right: list[Matter]
    signals: dict[tuple[int, int], list[Signal]]
    sims: Similarities | None


def prepare(left: Extraction, right: Extraction, cfg: CompareConfig | None = None) -> Prepared:
    """The matters of both accounts' claims and the signals of every candidate pair."""
    cfg = cfg or load_config()
    ls, rs = matters(left, cfg), matters(right, cfg)
    if not ls or not rs:
        return Prepared(ls, rs, {}, None)
    sims = Similarities(ls, rs)
    pairs = sims.candidates()
    ctx = context(ls, rs, sims, pairs)
    return Prepared(ls, rs, {(i, j): signals(i, j, ls[i], rs[j], sims, ctx, cfg) for i, j in pairs}, sims)


def compare(left: Extraction, right: Extraction) -> Comparison:
    """Align the claims of two extractions: matches (same / conflict), and the one-sided rest."""
    cfg = load_config()
    model = load_model()
    prepared = prepare(left, right, cfg)
    prob = {ij: model.pair.probability(found) for ij, found in prepared.signals.items()}
    return assemble(left, right, prepared, prob, model, cfg)


def assemble(left: Extraction, right: Extraction, prepared: Prepared, prob: dict[tuple[int, int], float],
             model: Model, cfg: CompareConfig) -> Comparison:
    """The comparison of two prepared accounts, given each candidate pair's probability."""
    ls, rs = prepared.left, prepared.right
    comparison = Comparison(left=left, right=right)
    pairs = [] if prepared.sims is None else align(
        *sides(prepared), prob, model.match, model.group.probability, model.join,
        lambda a, b: relation(a, b, cfg)[0])
    for i, j in sorted(pairs):
        a, b = ls[i], rs[j]
        rel, why = relation(a, b, cfg)
        reasons = model.pair.reasons(prepared.signals[i, j]) + ([why] if why else [])
        comparison.matches.append(Match(left=a.claim, right=b.claim, relation=rel, score=round(prob[i, j], 3),
                                        reasons=reasons, topic=_topic(a, b, cfg), concepts=_concepts(a, b)))
    used_l, used_r = {i for i, _ in pairs}, {j for _, j in pairs}
    comparison.only_left = [m.claim for i, m in enumerate(ls) if i not in used_l]
    comparison.only_right = [m.claim for j, m in enumerate(rs) if j not in used_r]
    return comparison


def sides(prepared: Prepared) -> tuple[Side, Side]:
    """Both accounts as the group features see them."""
    assert prepared.sims is not None
    return Side.of(prepared.left, prepared.sims.within_left), Side.of(prepared.right, prepared.sims.within_right)


def relation(a: Matter, b: Matter, cfg: CompareConfig) -> tuple[str, str | None]:
    """A conflict: the two accounts say opposite things of one matter — one affirms what the other
    negates ("they agreed to stay in contact" / "no further contacts were agreed"), or one disputes
    what the other side asserts ("the so-called genocide is a lie"), or they report opposed acts
    ("rejected the proposal" / "accepted the principle") — not two of these at once.

    One speaker's two statements of one matter, one negated only in its content ("this step is not
    directed against Russia" / "by joining NATO, Finland strengthens its security"), are the same
    message in other words: accounts contradict each other on whether something happened."""
    left, right = a.claim, b.claim
    flipped = (left.polarity == "negated") != (right.polarity == "negated")
    if flipped and same_actor(left.actor, right.actor) and left.actor != BOTH and not cfg.event_acts & {left.act, right.act}:
        flipped = False
    disputed = not flipped and a.rebuts != b.rebuts and not _one_side(left.actor, right.actor, cfg)
    opposed = frozenset((left.act, right.act)) in cfg.opposed
    if (flipped or disputed) != opposed:
        why = "opposite polarity" if flipped else "one side disputes the other's" if disputed else \
            f"opposed acts {left.act}/{right.act}"
        return "conflict", why
    return _different_particulars(a, b) or ("same", None)


def _different_particulars(a: Matter, b: Matter) -> tuple[str, str] | None:
    """A conflict of particulars: both accounts give the matter's figures, and they differ ("2
    million tonnes" / "1.5 million tonnes"), or both its dates, and neither holds the other ("in
    May" / "on 14 March"), or both its places ("in Minsk" / "в Астане"). Numbers that are the days of
    the claims' own dates are dates."""
    figures_a, figures_b = _figures(a), _figures(b)
    if figures_a and figures_b and not figures_a & figures_b:
        return "conflict", f"different figures ({', '.join(sorted(figures_a))} / {', '.join(sorted(figures_b))})"
    if a.dates and b.dates and not any(x.startswith(y) or y.startswith(x) for x in a.dates for y in b.dates):
        return "conflict", f"different dates ({', '.join(sorted(a.dates))} / {', '.join(sorted(b.dates))})"
    if a.places and b.places and not a.places & b.places:
        return "conflict", f"different places ({', '.join(sorted(a.places))} / {', '.join(sorted(b.places))})"
    return None


def _figures(m: Matter) -> frozenset[str]:
    days = {str(int(d[8:10])) for d in m.dates if len(d) >= DAY_END}
    return frozenset(n for n in m.numbers if n not in days)


def _one_side(a: str, b: str, cfg: CompareConfig) -> bool:
    """Whether two actors speak for one side (one actor, or two known actors of one side)."""
    return same_actor(a, b) or (cfg.side(a) is not None and cfg.side(a) == cfg.side(b))


def _topic(a: Matter, b: Matter, cfg: CompareConfig) -> str | None:
    shared = [t for t in cfg.topic_order if t in a.topics and t in b.topics]
    either = [t for t in cfg.topic_order if t in a.topics or t in b.topics]
    return next(iter(shared or either), None)


def _concepts(a: Matter, b: Matter) -> list[str]:
    """The matter's concepts: those both claims share, else those of either, in the table's order."""
    keys = (a.concepts & b.concepts) or (a.concepts | b.concepts)
    return [k for k in concept_table() if k in keys]


def claim_topics(claim: Claim, lang: str) -> list[str]:
    """The topic keys of one claim (for grouping one-sided claims in reports)."""
    return list(matter_of(claim, lang).topics)


def claim_concepts(claim: Claim, lang: str) -> list[str]:
    """The concept keys of one claim, in the table's order (for one-sided claims in reports)."""
    found = matter_of(claim, lang).concepts
    return [k for k in concept_table() if k in found]


def warm_up(*langs: str) -> None:
    """Load the encoder and run it once now (while another process is busy): its first call
    pays for lazy set-up that compare() then need not wait for; and read the data of `langs`."""
    # any text of each language will do: its first topic cue's words
    texts = [" ".join(word for word, _ in load_topic_cues(lang)[0].tokens) for lang in langs] or [""]
    for lang in langs:
        vocabulary(lang)
    load_model()
    similarity_matrix(texts, texts)


# `readouts.compare(left, right, …)`, the library's compare of two texts (readouts.entry)
make_callable(__name__, "readouts.api:compare")
