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
    """A Sentence over `tokens`, with word ids numbered 1… in order (as CoNLL-U and heads expect)."""
    for i, w in enumerate((w for t in tokens for w in t.words), 1):
        w.id = i
    start, stop = tokens[0].start, tokens[-1].stop
    return Sentence(start, stop, text[start:stop], tokens, paragraph, names)


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
