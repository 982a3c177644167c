"""The pattern vocabulary of the claims engine, compiled once at load into composable predicates.

This is the only code that knows the pattern syntax (`lang/patterns.yaml` documents it for the
people who write patterns). A pattern is matched around an anchor, a word or a trigger span
[start, stop) that the engine picks:

- `anchor`: a token spec the anchor word must match;
- `before`: items matched backwards from the word before the anchor, nearest first;
- `after`: items matched forwards from the word after the anchor.

A token spec is a mapping; all of its keys must hold (yargy's `and_`):
- `text`, `lemma`, `verb_lemma`, `key` — the word's folded surface form, its lemma, its verb lemma
  (the lemma the trigger lexicon knows, "thanked" → "thank"), or any of its match keys (form,
  lemma, stems). The value is a word, a list of words, or `{in: CLASS}` / `{not_in: CLASS}` (a word
  class of the language data, or a list), `{last_char_in: CLASS}`, `{first_char_in: CLASS}`;
- `upos`, `dep` — a tag, a list of tags, or `{not_in: [tags]}`;
- `feats` — `{Feature: value | [values] | null}` (null: the feature is absent; "*": present);
- `is` — a named spec from the file's `define` section; `not` — a spec that must not hold;
  `any` — a list of specs of which one must hold (yargy's `or_`);
- `next`, `previous` — a spec the following / preceding word must match;
- `preceded_by` — `{within: N, spec}`: one of the N words before matches.
A sequence item is a token spec plus `op` ("?", "*", "+" or "{m,n}", greedy, never giving back)
and `as` (a slot name), or `{gap: N, stop: spec}` (up to N words none of which matches `stop`,
fewest first), `{mention: {kind: [...], kind_not: [...], side: own | own_or_both}}` (a whole actor mention), or
`{edge: true}` (the sentence ends, or begins when matching backwards).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from readouts.errors import DataError
from readouts.extract.lexicon import WordClass, fold
from readouts.model import BOTH

if TYPE_CHECKING:
    from readouts.extract.claims.view import SentenceView

Predicate = Callable[["SentenceView", int], bool]
WORD_ATTRIBUTES = ("text", "lemma", "verb_lemma", "key")
TAG_ATTRIBUTES = ("upos", "dep")
SPEC_KEYS = frozenset(WORD_ATTRIBUTES + TAG_ATTRIBUTES + ("feats", "is", "not", "any", "next", "previous",
                                                        "preceded_by"))
ITEM_KEYS = SPEC_KEYS | {"op", "as"}
VALUE_OPERATORS = frozenset({"in", "not_in", "last_char_in", "first_char_in"})
QUANTIFIER = re.compile(r"\{(\d+),(\d+)\}")
OPERATORS = {"?": (0, 1), "*": (0, 10_000), "+": (1, 10_000)}
PRESENT = "*"
Found = tuple[int, dict[str, tuple[int, int]]]      # where a match ended, and its slots


@dataclass(frozen=True)
class Env:
    """What a pattern may refer to: the language's word classes and the file's named specs."""
    classes: Mapping[str, WordClass]
    defines: Mapping[str, Any]
    where: str


@dataclass(frozen=True)
class Item:
    predicate: Predicate | None = None
    low: int = 1
    high: int = 1
    slot: str | None = None
    gap: int | None = None            # a gap item: up to `gap` words
    stop: Predicate | None = None     # …none of which matches this
    mention: Callable[[Any, Mapping[str, Any]], bool] | None = None
    edge: bool = False


@dataclass(frozen=True)
class Match:
    pattern: str
    start: int                        # the first word of the match, anchor included
    stop: int                         # after the last word
    slots: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    def slot(self, name: str) -> tuple[int, int]:
        return self.slots[name]


@dataclass(frozen=True)
class Pattern:
    id: str
    doc: str
    anchor: Predicate | None
    before: tuple[Item, ...]
    after: tuple[Item, ...]
    trigger: Mapping[str, Any]        # conditions on an anchoring trigger (the engine checks them)
    examples: Mapping[str, tuple[str, ...]]

    def match(self, view: "SentenceView", start: int, stop: int | None = None,
              facts: Mapping[str, Any] | None = None) -> Match | None:
        """Match around the anchor [start, stop) (one word when stop is None); `facts` are what
        the engine knows beyond the words (the document's own side, for mention items)."""
        stop = start + 1 if stop is None else stop
        if self.anchor is not None and not self.anchor(view, start):
            return None
        facts = facts or {}
        back = _match_items(self.before, 0, view, start - 1, -1, {}, facts)
        if back is None:
            return None
        ahead = _match_items(self.after, 0, view, stop, 1, back[1], facts)
        if ahead is None:
            return None
        return Match(self.id, back[0] + 1, ahead[0], ahead[1])


# ---------------------------------------------------------------------------------- matching
def _match_items(items: Sequence[Item], k: int, view: "SentenceView", pos: int, step: int,
                 slots: dict[str, tuple[int, int]], facts: Mapping[str, Any]) -> "Found | None":
    """Match items[k:] from `pos` in direction `step`; (the position after the match, slots)."""
    if k == len(items):
        return pos, slots
    item = items[k]
    if item.gap is not None:
        return _match_gap(items, k, view, pos, step, slots, facts)
    if item.edge:
        return _match_items(items, k + 1, view, pos, step, slots, facts) if not view.has(pos) else None
    if item.mention is not None:
        return _match_mention(items, k, view, pos, step, slots, facts)
    end, count = pos, 0
    while count < item.high and view.has(end) and item.predicate is not None and item.predicate(view, end):
        end, count = end + step, count + 1
    if count < item.low:
        return None
    if item.slot:
        slots = {**slots, item.slot: (min(pos, end - step), max(pos, end - step) + 1) if count else (pos, pos)}
    return _match_items(items, k + 1, view, end, step, slots, facts)


def _match_gap(items: Sequence[Item], k: int, view: "SentenceView", pos: int, step: int,
               slots: dict[str, tuple[int, int]], facts: Mapping[str, Any]) -> Found | None:
    """A gap gives up words one by one, fewest first; it never skips a stop word."""
    item = items[k]
    for skipped in range((item.gap or 0) + 1):
        at = pos + step * skipped
        found = _match_items(items, k + 1, view, at, step, slots, facts)
        if found is not None:
            return found
        if not view.has(at) or (item.stop is not None and item.stop(view, at)):
            return None
    return None


def _match_mention(items: Sequence[Item], k: int, view: "SentenceView", pos: int, step: int,
                   slots: dict[str, tuple[int, int]], facts: Mapping[str, Any]) -> Found | None:
    """A whole mention that starts at `pos` (forwards) or ends there (backwards)."""
    item = items[k]
    for m in view.mentions:
        edge = m.first if step > 0 else m.last - 1
        if edge == pos and item.mention is not None and item.mention(m, facts):
            nxt = m.last if step > 0 else m.first - 1
            named = {**slots, item.slot: (m.first, m.last)} if item.slot else slots
            return _match_items(items, k + 1, view, nxt, step, named, facts)
    return None


# ---------------------------------------------------------------------------------- compiling
def compile_pattern(pattern_id: str, spec: Mapping[str, Any], env: Env) -> Pattern:
    where = f"{env.where}: patterns.{pattern_id}"
    _known(spec, {"doc", "anchor", "before", "after", "trigger", "examples"}, where)
    if not isinstance(spec.get("doc"), str) or not spec["doc"].strip():
        raise DataError(f"{where}: every pattern needs a `doc` saying which construction it covers")
    examples = spec.get("examples")
    if not isinstance(examples, dict) or not examples or \
            not all(isinstance(v, list) and v and all(isinstance(s, str) for s in v) for v in examples.values()):
        raise DataError(f"{where}.examples: a mapping from a language to a non-empty list of sentences")
    anchor = compile_spec(spec["anchor"], env, f"{where}.anchor") if "anchor" in spec else None
    return Pattern(pattern_id, spec["doc"], anchor,
                   _items(spec.get("before", []), env, f"{where}.before"),
                   _items(spec.get("after", []), env, f"{where}.after"),
                   dict(spec.get("trigger") or {}), {k: tuple(v) for k, v in examples.items()})


def compile_sequence(entries: Sequence[Any], env: Env, where: str) -> tuple[Item, ...]:
    """A sequence of items on its own (for data that is a bare sequence)."""
    return _items(entries, env, where)


def _items(entries: Any, env: Env, where: str) -> tuple[Item, ...]:
    if not isinstance(entries, list):
        raise DataError(f"{where}: expected a list of items")
    return tuple(_item(e, env, f"{where}[{i}]") for i, e in enumerate(entries))


def _item(spec: Any, env: Env, where: str) -> Item:
    if not isinstance(spec, dict):
        raise DataError(f"{where}: an item is a mapping")
    if "gap" in spec:
        _known(spec, {"gap", "stop"}, where)
        if not isinstance(spec["gap"], int) or spec["gap"] < 0:
            raise DataError(f"{where}.gap: a number of words")
        stop = compile_spec(spec["stop"], env, f"{where}.stop") if "stop" in spec else None
        return Item(gap=spec["gap"], stop=stop)
    if "mention" in spec:
        _known(spec, {"mention", "as"}, where)
        return Item(mention=_mention_test(spec["mention"], f"{where}.mention"), slot=spec.get("as"))
    if "edge" in spec:
        _known(spec, {"edge"}, where)
        return Item(edge=True)
    _known(spec, ITEM_KEYS, where)
    low, high = _quantifier(spec.get("op"), where)
    body = {k: v for k, v in spec.items() if k not in ("op", "as")}
    return Item(compile_spec(body, env, where), low, high, spec.get("as"))


def _quantifier(op: Any, where: str) -> tuple[int, int]:
    if op is None:
        return 1, 1
    if op in OPERATORS:
        return OPERATORS[op]
    m = QUANTIFIER.fullmatch(str(op))
    if not m or int(m[1]) > int(m[2]):
        raise DataError(f"{where}.op: {op!r} is not one of ?, *, + or {{m,n}}")
    return int(m[1]), int(m[2])


def _mention_test(spec: Any, where: str) -> Callable[[Any, Mapping[str, Any]], bool]:
    _known(spec, {"kind", "kind_not", "side"}, where)
    kinds, excluded = _as_set(spec.get("kind")), _as_set(spec.get("kind_not"))
    side = spec.get("side")
    if side not in (None, "own", "own_or_both"):
        raise DataError(f"{where}.side: `own` (the side an official readout speaks for) or `own_or_both` "
                        "(that side, or the two principals together)")

    def test(m: Any, facts: Mapping[str, Any]) -> bool:
        if side == "own_or_both" and (m.actor == BOTH or facts.get("coordinated", lambda _: False)(m)):
            return True         # "the two sides", "стороны", "Россия и Катар": whatever kind of mention names them
        on_side = side is None or facts.get("side_of", lambda _: None)(m.actor) == facts.get("own_side")
        return (not kinds or m.kind in kinds) and m.kind not in excluded and on_side
    return test


def compile_spec(spec: Any, env: Env, where: str) -> Predicate:
    """A token spec as one predicate over (view, word index)."""
    if not isinstance(spec, dict):
        raise DataError(f"{where}: a token spec is a mapping")
    _known(spec, SPEC_KEYS, where)
    parts = [_part(key, value, env, f"{where}.{key}") for key, value in spec.items()]
    if len(parts) == 1:
        return parts[0]
    return lambda view, i: all(p(view, i) for p in parts)


def _part(key: str, value: Any, env: Env, where: str) -> Predicate:
    if key in WORD_ATTRIBUTES:
        return _word_test(key, value, env, where)
    if key in TAG_ATTRIBUTES:
        return _tag_test(key, value, where)
    if key == "feats":
        return _feats_test(value, where)
    if key == "is":
        if value not in env.defines:
            raise DataError(f"{where}: no spec named {value!r} in `define`")
        return compile_spec(env.defines[value], env, where)
    if key == "not":
        inner = compile_spec(value, env, where)
        return lambda view, i: not inner(view, i)
    if key == "any":
        return _any_test(value, env, where)
    if key in ("next", "previous"):
        inner, step = compile_spec(value, env, where), 1 if key == "next" else -1
        return lambda view, i: view.has(i + step) and inner(view, i + step)
    return _preceded_test(value, env, where)


def _any_test(value: Any, env: Env, where: str) -> Predicate:
    if not isinstance(value, list) or not value:
        raise DataError(f"{where}: a non-empty list of specs")
    options = [compile_spec(v, env, f"{where}[{n}]") for n, v in enumerate(value)]
    return lambda view, i: any(p(view, i) for p in options)


def _preceded_test(value: Any, env: Env, where: str) -> Predicate:
    if not isinstance(value, dict) or not isinstance(value.get("within"), int):
        raise DataError(f"{where}: `within: N` and a spec")
    within = value["within"]
    inner = compile_spec({k: v for k, v in value.items() if k != "within"}, env, where)
    return lambda view, i: any(inner(view, j) for j in range(max(0, i - within), i))


def _word_test(attribute: str, value: Any, env: Env, where: str) -> Predicate:
    if isinstance(value, dict):
        return _word_operator(attribute, value, env, where)
    words = frozenset(fold(w) for w in _as_list(value, where))
    if attribute == "key":
        return lambda view, i: not words.isdisjoint(view.keys[i])
    column = _column(attribute)
    return lambda view, i: column(view)[i] in words


def _word_operator(attribute: str, value: Mapping[str, Any], env: Env, where: str) -> Predicate:
    _known(value, VALUE_OPERATORS, where)
    if len(value) != 1:
        raise DataError(f"{where}: one of {', '.join(sorted(VALUE_OPERATORS))}")
    (op, arg), = value.items()
    words = _class(arg, env, f"{where}.{op}")
    column = _column(attribute)
    if op == "last_char_in":
        return lambda view, i: bool(view.words[i].text) and view.words[i].text[-1] in words.raw
    if op == "first_char_in":
        return lambda view, i: bool(view.words[i].text) and view.words[i].text[0] in words.raw
    def hit(view: "SentenceView", i: int) -> bool:
        if attribute == "key":
            return any(k in words for k in view.keys[i])
        return column(view)[i] in words
    return hit if op == "in" else (lambda view, i: not hit(view, i))


def _column(attribute: str) -> Callable[["SentenceView"], Sequence[str]]:
    return {"text": lambda v: v.texts, "lemma": lambda v: v.lemmas, "verb_lemma": lambda v: v.verb_lemmas,
            "key": lambda v: v.texts}[attribute]


def _class(arg: Any, env: Env, where: str) -> WordClass:
    if isinstance(arg, str):
        if arg not in env.classes:
            raise DataError(f"{where}: no word class {arg!r} in the language data")
        return env.classes[arg]
    return WordClass.of(_as_list(arg, where))


def _tag_test(attribute: str, value: Any, where: str) -> Predicate:
    negate = isinstance(value, dict)
    if negate:
        _known(value, {"not_in"}, where)
        value = value["not_in"]
    tags = frozenset(_as_list(value, where))
    if attribute == "upos":
        return lambda view, i: (view.words[i].upos in tags) != negate
    return lambda view, i: ((view.words[i].deprel or "").split(":")[0] in tags) != negate


def _feats_test(value: Any, where: str) -> Predicate:
    if not isinstance(value, dict) or not value:
        raise DataError(f"{where}: a mapping of UD features")
    wanted = {name: (None if v is None else PRESENT if v == PRESENT else frozenset(_as_list(v, where)))
              for name, v in value.items()}

    def test(view: "SentenceView", i: int) -> bool:
        feats = view.words[i].feats
        for name, allowed in wanted.items():
            got = feats.get(name)
            if allowed is None and got is not None or allowed == PRESENT and not got or \
                    isinstance(allowed, frozenset) and got not in allowed:
                return False
        return True
    return test


def _as_list(value: Any, where: str) -> list[str]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) and v for v in items):
        raise DataError(f"{where}: a word or a non-empty list of words")
    return items


def _as_set(value: Any) -> frozenset[str]:
    return frozenset(value if isinstance(value, list) else [value] if value else [])


def _known(spec: Mapping[str, Any], allowed: frozenset[str] | set[str], where: str) -> None:
    unknown = set(spec) - set(allowed)
    if unknown:
        raise DataError(f"{where}: unknown key {sorted(unknown)[0]!r} (expected one of {', '.join(sorted(allowed))})")
