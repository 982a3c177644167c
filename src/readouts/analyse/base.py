"""The one interface every analyser implements, and small helpers they share."""
from __future__ import annotations

from typing import ClassVar, Protocol

from readouts.errors import BackendError
from readouts.model import NameSpan, Region, Sentence, Token


class Analyser(Protocol):
    """Turns paragraphs of a text into sentences; offsets index the original text."""
    provides: ClassVar[frozenset[str]]   # subset of {"lemma", "feats", "deps", "ner"}
    load_seconds: ClassVar[float]        # rough cold cost of building it (models, dictionaries):
                                         # compare_loaded gives the costlier text to its worker

    def analyse(self, text: str, paragraphs: list[Region]) -> list[Sentence]: ...


def require(module: str, hint: str):
    """Import an optional heavy package inside a backend, or fail with one line saying how to get it."""
    import importlib
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise BackendError(f"the {module} package is needed here ({e}); install it with: {hint}") from None


def make_sentence(text: str, tokens: list[Token], paragraph: int, names: list[NameSpan]) -> Sentence:
    """A Sentence over `tokens`, with word ids numbered 1… in order (as CoNLL-U and heads expect).
    Words with the same features share one read-only mapping of them, and equal lemmas one
    string: a word's features are about half of what it costs in memory, and a text has a few
    hundred distinct sets of them."""
    for i, w in enumerate((w for t in tokens for w in t.words), 1):
        w.id = i
        w.feats = _shared_feats(w.feats)
        w.lemma = _SHARED_LEMMAS.setdefault(w.lemma, w.lemma) if len(_SHARED_LEMMAS) < MAX_SHARED else w.lemma
    start, stop = tokens[0].start, tokens[-1].stop
    return Sentence(start, stop, text[start:stop], tokens, paragraph, names)


MAX_SHARED = 200_000          # distinct lemmas or feature sets kept for sharing, per process


class SharedFeats(dict):
    """A word's UD features, shared by every word that has the same ones: read-only."""
    __slots__ = ()

    def _read_only(self, *args, **kwargs):
        raise TypeError("a word's features are shared with other words: change a copy (dict(word.feats))")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _read_only

    def __reduce__(self):
        return SharedFeats, (dict(self),)


_SHARED_FEATS: dict[frozenset, SharedFeats] = {}
_SHARED_LEMMAS: dict[str, str] = {}


def _shared_feats(feats: dict[str, str]) -> SharedFeats:
    if isinstance(feats, SharedFeats):
        return feats
    key = frozenset(feats.items())
    shared = _SHARED_FEATS.get(key)
    if shared is None:
        shared = SharedFeats(feats)
        if len(_SHARED_FEATS) < MAX_SHARED:
            _SHARED_FEATS[key] = shared
    return shared


def nominative_guess(word: str, endings: list[dict], min_stem: int) -> str:
    """Strip the first matching case ending (data, longest first) from an unknown foreign name."""
    for rule in endings:
        strip = rule["strip"]
        if word.endswith(strip) and len(word) - len(strip) >= min_stem:
            return word[: len(word) - len(strip)] + rule.get("add", "")
    return word


def match_case(form: str, like: str) -> str:
    """Give `form` the capitalisation of `like` (pymorphy3 and morfeusz lemmas may be lowercase)."""
    if like.isupper() and len(like) > 1:
        return form.upper()
    if like[:1].isupper():
        return "-".join(p[:1].upper() + p[1:] for p in form.split("-"))
    return form


HEAD_UPOS = frozenset({"NOUN", "PROPN"})


def name_lemma(text: str, words: list, label: str, lemma_of) -> str:
    """A name's normal form from its words, keeping the text's spacing and capitalisation.

    A person's name is normal in every word ("Władimirem Putinem" -> "Władimir Putin"); in other
    names only the head noun and what precedes it are ("Министерства иностранных дел" ->
    "Министерство иностранных дел"), the dependents after it stay as written.
    """
    parts, head_seen = [], False
    for w in words:
        if head_seen or w.upos == "PUNCT":
            parts.append(w.text)
        else:
            parts.append(match_case(lemma_of(w), w.text))
            head_seen = label != "PER" and w.upos in HEAD_UPOS
    out = parts[0]
    for prev, w, part in zip(words, words[1:], parts[1:]):
        out += text[prev.stop:w.start] + part
    return out
