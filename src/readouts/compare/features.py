"""The signals that two claims of two accounts report one matter, as numbers (features) for the
fitted model (readouts.compare.fitted), each with the reason a reader is shown.

Matter: shared concepts (each weighing more the rarer it is in the two accounts: a concept in every
claim says little), how much of the smaller concept set the other covers (a list sentence covers
each claim of a group), neighbouring concepts (one topic), a clash of concepts, broad topics,
entities, quantities, dates, and the encoder's similarity of the two content clauses and of the
sentences, also relative to the comparison's other pairs (the encoder's scale differs between
language pairs). Frame: the actors (the same, one side's, opposite sides, a joint act), the
addressee, the acts (the same, compatible, opposed, clashing), polarity, and how far apart the two
claims stand in their texts.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from readouts.compare.concepts import concept_table, text_words, vocabulary
from readouts.compare.config import CompareConfig, same_actor
from readouts.compare.encoder import embed
from readouts.compare.matter import Matter
from readouts.model import BOTH

if TYPE_CHECKING:
    import numpy as np

# The features, in the order of the model's weights (lang/compare_fit.yaml names them).
FEATURES = (
    "similarity", "similarity_sentence", "similarity_relative", "most_similar", "words",
    "concepts", "concept_cover", "concepts_related", "concept_clash", "no_concepts", "inherited",
    "topic", "topic_clash", "entity", "number", "number_clash", "date",
    "actor_same", "actor_joint", "actor_side", "actor_clash", "addressee",
    "act", "act_clash", "act_opposed", "polarity_flip", "twin_flip", "summary_act", "position",
)
CONCEPTS_CAP = 2.0          # shared concepts count up to this much (rarity-weighted)
SUMMARY_ACTS = frozenset({"discuss", "state"})    # acts that sum up ("discussed", "set out its position")

# Up to this many (left, right) pairs every pair is scored: accounts of a call have tens of claims.
# Beyond, only each claim's CANDIDATES most similar partners (both ways) are, so that time and
# memory grow with the claims and not with their product (similarities in row blocks of BLOCK_CELLS).
MAX_EXHAUSTIVE_PAIRS = 40_000
CANDIDATES = 20
BLOCK_CELLS = 4_000_000


@dataclass(frozen=True)
class Signal:
    feature: str
    value: float
    why: str


class Similarities:
    """The encoder's cosine similarity of left and right claims: of their content clauses and of
    their sentences; whole matrices for accounts of ordinary size, vectors and blocks for long ones."""

    def __init__(self, ls: list[Matter], rs: list[Matter]):
        n, k = len(ls), len(rs)
        vecs = embed([m.text for m in ls] + [m.claim.sentence for m in ls]
                     + [m.text for m in rs] + [m.claim.sentence for m in rs])
        self.n, self.k = n, k
        self._lc, self._ls = vecs[:n], vecs[n:2 * n]
        self._rc, self._rs = vecs[2 * n:2 * n + k], vecs[2 * n + k:]
        self.exhaustive = n * k <= MAX_EXHAUSTIVE_PAIRS
        if self.exhaustive:
            self._content = self._lc @ self._rc.T
            self._sentence = self._ls @ self._rs.T

    def content(self, i: int, j: int) -> float:
        return float(self._content[i, j] if self.exhaustive else self._lc[i] @ self._rc[j])

    def sentence(self, i: int, j: int) -> float:
        return float(self._sentence[i, j] if self.exhaustive else self._ls[i] @ self._rs[j])

    def within_left(self, x: int, z: int) -> float:
        """The content similarity of two left claims."""
        return float(self._lc[x] @ self._lc[z])

    def within_right(self, x: int, z: int) -> float:
        return float(self._rc[x] @ self._rc[z])

    def candidates(self) -> list[tuple[int, int]]:
        """The pairs to score: all of them, or each claim's CANDIDATES most similar partners."""
        import numpy as np

        if self.exhaustive:
            return [(i, j) for i in range(self.n) for j in range(self.k)]
        top, down = min(CANDIDATES, self.k), min(CANDIDATES, self.n)
        col_vals = np.full((0, self.k), -np.inf, dtype=np.float32)
        col_rows = np.zeros((0, self.k), dtype=np.int64)
        found: set[tuple[int, int]] = set()
        step = max(1, BLOCK_CELLS // max(1, self.k))
        for a in range(0, self.n, step):
            b = min(self.n, a + step)
            block = self._lc[a:b] @ self._rc.T
            best_cols = np.argpartition(-block, top - 1, axis=1)[:, :top]
            found.update((a + r, int(c)) for r, row in enumerate(best_cols) for c in row)
            # each right claim's best rows so far, kept across blocks
            vals = np.vstack([col_vals, block])
            rows = np.vstack([col_rows, np.broadcast_to(np.arange(a, b)[:, None], block.shape)])
            keep = np.argpartition(-vals, min(down, len(vals)) - 1, axis=0)[:down]
            col_vals = np.take_along_axis(vals, keep, axis=0)
            col_rows = np.take_along_axis(rows, keep, axis=0)
        found.update((int(i), j) for j in range(self.k) for i in col_rows[:, j])
        return sorted(found)


@dataclass(frozen=True)
class Context:
    """What a pair's features need to know of the whole comparison."""
    words_left: list[dict[str, float]]   # each claim's content words (stems) as a unit tf-idf vector
    words_right: list[dict[str, float]]
    concept_counts: Counter            # claims of both sides that have each concept
    sim_mean: float
    sim_spread: float
    best_of_left: dict[int, float]     # each left claim's highest content similarity
    best_of_right: dict[int, float]


def context(ls: list[Matter], rs: list[Matter], sims: Similarities, pairs: list[tuple[int, int]]) -> Context:
    import numpy as np

    values = np.array([sims.content(i, j) for i, j in pairs] or [0.0])
    best_l: dict[int, float] = {}
    best_r: dict[int, float] = {}
    for (i, j), v in zip(pairs, values):
        best_l[i] = max(best_l.get(i, -1.0), float(v))
        best_r[j] = max(best_r.get(j, -1.0), float(v))
    counts = Counter(c for m in [*ls, *rs] for c in m.concepts)
    vectors = _word_vectors([*ls, *rs])
    return Context(vectors[:len(ls)], vectors[len(ls):], counts, float(values.mean()), float(values.std()) or 1.0,
                   best_l, best_r)


def _word_vectors(found: list[Matter]) -> list[dict[str, float]]:
    """Each content clause's word stems as a unit tf-idf vector, the idf over both accounts' claims:
    words of every claim ("the", "президент") weigh nothing, a name or a number both accounts share a lot.
    Across languages only names, numbers and loan words meet; within one language, the wording."""
    stems = [[vocabulary(m.lang).stem(w) for w in text_words(m.text)] for m in found]
    df = Counter(w for ws in stems for w in set(ws))
    n = len(found)
    out = []
    for ws in stems:
        vec = {w: k * math.log(n / df[w]) for w, k in Counter(ws).items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out.append({w: v / norm for w, v in vec.items() if v})
    return out


def signals(i: int, j: int, a: Matter, b: Matter, sims: Similarities, ctx: Context,
            cfg: CompareConfig) -> list[Signal]:
    """The features of the pair (left claim i, right claim j) that are not zero, with reasons."""
    out: list[Signal] = []
    for family in (_similarity, _concepts, _context_signals, _frame):
        out.extend(family(i, j, a, b, sims, ctx, cfg))
    return out


def _similarity(i: int, j: int, a: Matter, b: Matter, sims: Similarities, ctx: Context,
                cfg: CompareConfig) -> list[Signal]:
    cos = sims.content(i, j)
    out = [Signal("similarity", cos, f"similarity {cos:.2f}"),
           Signal("similarity_sentence", sims.sentence(i, j), f"sentence similarity {sims.sentence(i, j):.2f}"),
           Signal("similarity_relative", (cos - ctx.sim_mean) / ctx.sim_spread, "similarity relative to the other pairs")]
    va, vb = ctx.words_left[i], ctx.words_right[j]
    shared = sum(v * vb[w] for w, v in va.items() if w in vb)
    if shared:
        out.append(Signal("words", shared, f"wording {shared:.2f}"))
    best = (cos >= ctx.best_of_left.get(i, cos)) + (cos >= ctx.best_of_right.get(j, cos))
    if best:
        out.append(Signal("most_similar", best / 2, "most similar both ways" if best == 2 else "most similar one way"))
    return out


def _concepts(i: int, j: int, a: Matter, b: Matter, sims: Similarities, ctx: Context,
              cfg: CompareConfig) -> list[Signal]:
    table = concept_table()
    shared = a.concepts & b.concepts
    out = []
    if shared:
        weight = sum(2.0 / ctx.concept_counts[c] for c in shared)
        out.append(Signal("concepts", min(CONCEPTS_CAP, weight), "concepts " + ", ".join(sorted(shared))))
        cover = len(shared) / min(len(a.concepts), len(b.concepts))
        out.append(Signal("concept_cover", cover, f"one matter covers the other's ({cover:.0%})"))
    elif a.concepts and b.concepts:
        # concepts of one topic, or of related topics (lang/compare.yaml), are neighbouring matters
        near = sorted({f"{x}~{y}" for x in a.concepts for y in b.concepts
                       if table[x].topic == table[y].topic or frozenset((table[x].topic, table[y].topic)) in cfg.related})
        if near:
            out.append(Signal("concepts_related", 1.0, "related concepts (" + ", ".join(near) + ")"))
        else:
            out.append(Signal("concept_clash", 1.0, "different concepts ("
                              + ", ".join(sorted(a.concepts)) + " / " + ", ".join(sorted(b.concepts)) + ")"))
    if not a.concepts or not b.concepts:
        out.append(Signal("no_concepts", 1.0, "no known concept on one side"))
    if a.inherited or b.inherited:
        out.append(Signal("inherited", 1.0, "matter taken from the claim before"))
    return out


def _context_signals(i: int, j: int, a: Matter, b: Matter, sims: Similarities, ctx: Context,
                     cfg: CompareConfig) -> list[Signal]:
    out = []
    shared = [t for t in a.topics if t in b.topics]
    related = [(x, y) for x in a.topics for y in b.topics if frozenset((x, y)) in cfg.related]
    if shared:
        out.append(Signal("topic", min(1.0, sum(cfg.topic_weight[t] for t in shared)), "topics " + ", ".join(shared)))
    elif a.topics and b.topics and not related:
        out.append(Signal("topic_clash", 1.0, f"different topics ({', '.join(a.topics)} / {', '.join(b.topics)})"))
    entities = sorted(a.entities & b.entities)
    if entities:
        out.append(Signal("entity", 1.0, "entities " + ", ".join(entities)))
    numbers = sorted(a.numbers & b.numbers, key=float)
    if numbers:
        out.append(Signal("number", 1.0, "numbers " + ", ".join(numbers)))
    elif a.numbers and b.numbers:
        out.append(Signal("number_clash", 1.0, f"different numbers ({', '.join(sorted(a.numbers))} / "
                          f"{', '.join(sorted(b.numbers))})"))
    dates = dates_shared(a.dates, b.dates)
    if dates:
        out.append(Signal("date", 1.0, "dates " + ", ".join(dates)))
    if a.position is not None and b.position is not None:
        distance = abs(a.position - b.position)
        if distance > cfg.position_free:
            out.append(Signal("position", (distance - cfg.position_free) / (1.0 - cfg.position_free),
                              f"far apart in the texts ({distance:.2f})"))
    return out


def _frame(i: int, j: int, a: Matter, b: Matter, sims: Similarities, ctx: Context,
           cfg: CompareConfig) -> list[Signal]:
    left, right = a.claim, b.claim
    out = []
    flipped = (left.polarity == "negated") != (right.polarity == "negated")
    actor = actor_signal(left.actor, right.actor, cfg)
    if actor and not (actor[0] == "actor_clash" and flipped):
        # (one side affirms what the other side's principal denies: a conflict between the accounts,
        # which the actors' being different does not make less likely)
        out.append(Signal(actor[0], 1.0, actor[1]))
    if left.addressee and same_actor(left.addressee, right.addressee):
        out.append(Signal("addressee", 1.0, f"same addressee {left.addressee}"))
    acts = frozenset((left.act, right.act))
    if left.act == right.act:
        out.append(Signal("act", 1.0, f"same act {left.act}"))
    elif acts in cfg.compat:
        out.append(Signal("act", cfg.compat[acts], f"compatible acts {left.act}~{right.act}"))
    elif acts in cfg.opposed:
        out.append(Signal("act_opposed", 1.0, f"opposed acts {left.act}/{right.act}"))
    else:
        out.append(Signal("act_clash", 1.0, f"acts {left.act}/{right.act}"))
    if flipped:
        out.append(Signal("polarity_flip", 1.0, "opposite polarity"))
        # one act of one party, told as done by one account and as not done by the other ("agreed
        # to lift the ban" / "no decisions were taken"): the shape of a contradiction
        if left.act == right.act and actor and actor[0] in ("actor_same", "actor_joint"):
            out.append(Signal("twin_flip", 1.0, f"{left.act} told as done and as not done"))
    if {left.act, right.act} & SUMMARY_ACTS:
        out.append(Signal("summary_act", 1.0, "one side sums up"))
    return out


def actor_signal(a: str | None, b: str | None, cfg: CompareConfig) -> tuple[str, str] | None:
    """(feature, reason) for the actors of two claims, or None when they say nothing."""
    if not a or not b:
        return None
    if same_actor(a, b):
        return "actor_same", f"same actor {a}"
    if BOTH in (a, b):
        other = b if a == BOTH else a
        return ("actor_joint", f"joint act ~ {other}") if cfg.side(other) else None
    sa, sb = cfg.side(a), cfg.side(b)
    if sa and sb:
        if sa == sb:
            return "actor_side", f"same side {sa} ({a} ~ {b})"
        return "actor_clash", f"different sides ({a} / {b})"
    return None


def dates_shared(a: frozenset[str], b: frozenset[str]) -> list[str]:
    """Dates in common; a month or year value meets the days inside it."""
    return sorted({x if len(x) <= len(y) else y for x in a for y in b if x.startswith(y) or y.startswith(x)})


def feature_row(found: list[Signal]) -> "np.ndarray":
    """The signals as one row of FEATURES (zero where absent)."""
    import numpy as np

    row = np.zeros(len(FEATURES), dtype=np.float64)
    for s in found:
        row[FEATURE_INDEX[s.feature]] = s.value
    return row


FEATURE_INDEX = {name: k for k, name in enumerate(FEATURES)}
