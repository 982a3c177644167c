"""lang/compare.yaml: what compare knows that is not a language's words — which acts two accounts
may use for one speech act, which acts are opposed, which actor speaks for which side, the topic keys
with their labels and weights, and the context rules (inheritance, positions, common entities).

The weights that combine the signals are not here: they are fitted (lang/compare_fit.yaml,
readouts.compare.fitted)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from readouts.errors import DataError
from readouts.extract.lexicon import plain
from readouts.lang import load_data
from readouts.lang.schema import check_unique
from readouts.model import ACTS

COMPARE_SPEC = {
    "context": {"inherit_within": int, "entity_share": float, "position_free": float, "min_ordered": int},
    "compatible_acts": [list],   # rows [act, act, compatibility]: checked in load_config
    "opposed_acts": [list],      # rows [act, act]
    "event_acts": [str],
    "sides": {str: [str]},
    "topics": {str: {"label": str, "weight": float}},
    "related_topics": {"strength": float, "groups": [[str]]},
    "fold?": {str: str},
}
WHERE = "lang/compare.yaml"


@dataclass(frozen=True)
class CompareConfig:
    """lang/compare.yaml, checked and indexed."""
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
    inherit_within: int                     # chars: a bare claim takes the matter of one this close before it
    entity_share: float                     # an entity named in more than this share of a side's claims says little
    position_free: float                    # a difference of relative position up to this costs nothing
    min_ordered: int                        # claims a side needs before their order is a signal

    def side(self, actor: str | None) -> str | None:
        """The side an actor speaks for, however the text spelled the name ("Sauli Niinistö")."""
        return self.side_of.get(plain(actor)) if actor else None


def same_actor(a: str | None, b: str | None) -> bool:
    """One actor, though one account spells the name with diacritics and the other without
    (an English text's "Sauli Niinistö", a Russian text's "Sauli Niinisto")."""
    return a is not None and b is not None and plain(a) == plain(b)


def _act_pairs(rows: list[list[Any]], key: str, with_value: bool) -> dict[frozenset[str], float]:
    """Rows [act, other act] (or [act, other act, value in (0, 1]]) as {act, act'} -> value."""
    out: dict[frozenset[str], float] = {}
    size = 3 if with_value else 2
    for i, row in enumerate(rows):
        value = row[2] if with_value and len(row) == 3 else 1.0
        if (len(row) != size or row[0] not in ACTS or row[1] not in ACTS or row[0] == row[1]
                or not isinstance(value, (int, float)) or not 0 < value <= 1):
            shape = "[act, other act, compatibility in (0, 1]]" if with_value else "[act, other act]"
            raise DataError(f"{WHERE}: {key}[{i}]: expected {shape}")
        out[frozenset(row[:2])] = float(value)
    return out


def _related(groups: list[list[str]], topics: dict[str, Any]) -> frozenset[frozenset[str]]:
    related: set[frozenset[str]] = set()
    for i, group in enumerate(groups):
        unknown = [t for t in group if t not in topics]
        if unknown:
            raise DataError(f"{WHERE}: related_topics.groups[{i}]: not topic keys: {', '.join(unknown)}")
        related.update(frozenset((a, b)) for a in group for b in group if a != b)
    return frozenset(related)


def _sides(listed: dict[str, list[str]]) -> dict[str, str]:
    """Canonical actor -> the side it speaks for: lang/compare.yaml's sides, then the sides of
    lang/actors.yaml for the actors not listed here."""
    from readouts.extract.lexicon import shared_actors

    side_of: dict[str, str] = {}
    for side, actors in listed.items():
        side_of[side] = side
        side_of.update({a: side for a in actors})
    for name, entry in shared_actors().items():
        if entry.side:
            side_of.setdefault(name, entry.side)
            side_of.setdefault(entry.side, entry.side)
    return side_of


@cache
def load_config() -> CompareConfig:
    """Read and check lang/compare.yaml (cached)."""
    raw: dict[str, Any] = load_data("compare", None, COMPARE_SPEC)
    unknown = [a for a in raw["event_acts"] if a not in ACTS]
    if unknown:
        raise DataError(f"{WHERE}: event_acts: not acts: {', '.join(unknown)}")
    check_unique(((a, s) for s, actors in raw["sides"].items() for a in actors), WHERE, "actor")
    side_of = _sides(raw["sides"])
    fold = raw.get("fold") or {}
    if any(len(k) != 1 for k in fold):
        raise DataError(f"{WHERE}: fold: keys must be single characters")
    topics = raw["topics"]
    context = raw["context"]
    return CompareConfig(
        compat=_act_pairs(raw["compatible_acts"], "compatible_acts", True),
        opposed=frozenset(_act_pairs(raw["opposed_acts"], "opposed_acts", False)),
        event_acts=frozenset(raw["event_acts"]), side_of=side_of,
        topic_order=tuple(topics), topic_label={k: v["label"] for k, v in topics.items()},
        topic_weight={k: v["weight"] for k, v in topics.items()},
        related=_related(raw["related_topics"]["groups"], topics),
        related_strength=raw["related_topics"]["strength"],
        fold=str.maketrans(fold), inherit_within=context["inherit_within"],
        entity_share=context["entity_share"], position_free=context["position_free"],
        min_ordered=context["min_ordered"],
    )


def topic_label(key: str | None) -> str:
    """The display label of a topic key (for reports)."""
    if key is None:
        return "Other"
    return load_config().topic_label.get(key, key)
