"""Topic cues (lang/<xx>/topics.yaml): broad, language-neutral topic keys of a sentence
("sanctions", "санкционные меры" and "sankcje" meet on `sanctions`), used to group a comparison's
rows by matter and as one broad signal of a shared matter; and anaphora cues ("this initiative",
"такой договорённости"), which say that a claim points back at the matter named before it.

A cue is one or more word prefixes matched against a text's folded words, in order and adjacent; a
prefix ending in "$" must be the whole word. The finer matter concepts are in readouts.compare.concepts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from readouts.compare.config import load_config
from readouts.errors import DataError
from readouts.lang import SUPPORTED, load_data
from readouts.lang.schema import check_unique

TOPICS_SPEC = {"topics": {str: [str]}, "anaphora?": [str]}
ANAPHORA = "<anaphora>"   # the pseudo-topic of an anaphora cue (never a key of lang/compare.yaml)

WORD = re.compile(r"[^\W_]+", re.UNICODE)   # letters and digits; hyphens and apostrophes split words
WHOLE = "$"                                  # a cue token ending in "$" must be the whole word

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


def cues_in(text: str, lang: str) -> tuple[tuple[str, ...], bool]:
    """The topic keys of `text` (in the order of lang/compare.yaml) and whether it points back."""
    found = _cues_in(text, lang)
    return tuple(t for t in found if t != ANAPHORA), ANAPHORA in found
