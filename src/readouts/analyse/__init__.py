"""The NLP layer: sentences, tokens, lemmas, UD features, dependencies and names for one text.

`analyse(loaded)` picks a backend and returns an `Analysis`. The backends sit in one explicit
table, `BACKENDS`; each is a factory `(lang, models_dir) -> Analyser` that imports its heavy
packages (stanza/torch, natasha, morfeusz2, simplemma, spacy) only when called. Analysers are
built once per process, so dictionaries and models load once.

The offline backend has one analyser per language, and for English a choice of two: `rules`
(our segmenter, simplemma and rules; no syntax) and `spacy` (spaCy's statistical tagger, parser
and NER, an optional install). `OFFLINE_DEFAULTS` says which is used, the first one installed
here; the environment variable READOUTS_<LANG>_ANALYSER (READOUTS_EN_ANALYSER=spacy) chooses
one explicitly, and one that cannot run is then an error.
"""
from __future__ import annotations

import importlib
import os
from functools import cache
from typing import Callable

from readouts.analyse.base import Analyser
from readouts.boundary import skip_sentence
from readouts.errors import BackendError, LanguageError, ReadoutsError
from readouts.model import LANGS, Analysis, LoadedText, Region, Sentence

# lang -> name -> "module:Class" of the offline backend's analysers (imported on first use)
OFFLINE_ANALYSERS = {
    "pl": {"morfeusz": "readouts.analyse.offline_pl:PolishAnalyser"},
    "en": {"rules": "readouts.analyse.offline_en:EnglishAnalyser",
           "spacy": "readouts.analyse.spacy_en:SpacyEnglishAnalyser"},
    "ru": {"natasha": "readouts.analyse.offline_ru:RussianAnalyser"},
}
# lang -> the analysers tried in order where none is chosen: the first one installed is used.
# Adopting spaCy's parser for English is `"en": ("spacy", "rules")`: without spaCy, rules.
OFFLINE_DEFAULTS = {
    "pl": ("morfeusz",),
    "en": ("rules",),
    "ru": ("natasha",),
}
CHOICE_VARIABLE = "READOUTS_{LANG}_ANALYSER"


def _class(path: str) -> type:
    module, cls = path.split(":")
    return getattr(importlib.import_module(module), cls)


def offline_analyser(lang: str) -> str:
    """The offline analyser for `lang` ("module:Class"): the one named in READOUTS_<LANG>_ANALYSER,
    else the first of OFFLINE_DEFAULTS whose packages are installed (an analyser class without an
    `installed()` check needs nothing optional)."""
    choices = OFFLINE_ANALYSERS[lang]
    variable = CHOICE_VARIABLE.format(LANG=lang.upper())
    chosen = os.environ.get(variable, "").strip().lower()
    if chosen:
        if chosen not in choices:
            raise BackendError(f"{variable}={chosen!r}: the offline {lang} analysers are {', '.join(choices)}")
        return choices[chosen]
    for name in OFFLINE_DEFAULTS[lang]:
        installed = getattr(_class(choices[name]), "installed", None)
        if installed is None or installed():
            return choices[name]
    return choices[OFFLINE_DEFAULTS[lang][-1]]


def _offline(lang: str, models_dir: str | None = None) -> Analyser:
    return _offline_instance(offline_analyser(lang))


@cache
def _offline_instance(path: str) -> Analyser:
    return _class(path)()


@cache
def _stanza(lang: str, models_dir: str | None = None) -> Analyser:
    from readouts.analyse.stanza_backend import StanzaAnalyser
    return StanzaAnalyser(lang, models_dir)


BACKENDS: dict[str, Callable[[str, str | None], Analyser]] = {
    "offline": _offline,
    "stanza": _stanza,
}


def get_analyser(backend: str, lang: str, models_dir: str | None = None) -> Analyser:
    """The analyser of `backend` for `lang`, built once per process."""
    if lang not in LANGS:
        raise LanguageError(f"unsupported language {lang!r} (expected one of {', '.join(LANGS)})")
    if backend not in BACKENDS:
        raise BackendError(f"unknown backend {backend!r} (expected auto, {', '.join(BACKENDS)})")
    return BACKENDS[backend](lang, models_dir)


def clear_analysers() -> None:
    """Forget the analysers built so far (tests that change the models on disk or the choice)."""
    _offline_instance.cache_clear()
    _stanza.cache_clear()


def load_seconds(lang: str, backend: str = "auto", models_dir: str | None = None) -> float:
    """The rough cold cost of the analyser `analyse` would use for `lang` (its class declares it;
    nothing is built here)."""
    name = choose_backend(lang, backend, models_dir)
    if name == "stanza":
        from readouts.analyse.stanza_backend import StanzaAnalyser
        return StanzaAnalyser.load_seconds
    return _class(offline_analyser(lang)).load_seconds


def choose_backend(lang: str, backend: str = "auto", models_dir: str | None = None) -> str:
    """`auto` means Stanza where it is importable and its models for `lang` are on disk."""
    if backend != "auto":
        return backend
    from readouts.analyse.models import stanza_ready
    return "stanza" if stanza_ready(lang, models_dir) else "offline"


def analyse(loaded: LoadedText, backend: str = "auto", models_dir: str | None = None) -> Analysis:
    """Analyse the content paragraphs of `loaded`; offsets index `loaded.text`. A sentence the
    analyser fails on is left out with a warning (`readouts.boundary`), never the document."""
    name = choose_backend(loaded.lang, backend, models_dir)
    analyser = get_analyser(name, loaded.lang, models_dir)
    sentences = _guarded(analyser, loaded.text, list(loaded.paragraphs), loaded.lang)
    return Analysis(loaded.text, loaded.lang, name, _bounded_paragraphs(sentences), frozenset(analyser.provides))


# The later stages look back over a sentence's paragraph (quotes, the account of a passage): a
# paragraph longer than this (a text without blank lines) counts as several, each starting at a
# sentence, so that what they do per sentence stays bounded. Real paragraphs are under 3,000.
MAX_PARAGRAPH_CHARS = 20_000


def _bounded_paragraphs(sentences: list[Sentence]) -> list[Sentence]:
    """Sentences numbered by paragraph, 0…, a new number where a paragraph passes the bound."""
    number, current, start = -1, None, 0
    for s in sentences:
        if s.paragraph != current or s.stop - start > MAX_PARAGRAPH_CHARS:
            number, current, start = number + 1, s.paragraph, s.start
        s.paragraph = number
    return sentences


def _guarded(analyser: Analyser, text: str, paragraphs: list[Region], lang: str) -> list[Sentence]:
    """The analyser's sentences of all paragraphs; where it fails, paragraph by paragraph, and in a
    failing paragraph sentence by sentence (as our segmenter splits it), skipping those it fails on.
    The retries cost nothing until a failure."""
    try:
        return analyser.analyse(text, paragraphs)
    except ReadoutsError:
        raise
    except Exception:  # noqa: BLE001 - narrowed down below; the failing sentence is reported
        pass
    from readouts.analyse.segment import segmenter

    out: list[Sentence] = []
    for index, region in enumerate(paragraphs):
        try:
            out.extend(_renumbered(analyser.analyse(text, [region]), index))
            continue
        except ReadoutsError:
            raise
        except Exception:  # noqa: BLE001
            pass
        for _, spans in segmenter(lang).sentences(text, [region]):
            one = Region(spans[0].start, spans[-1].stop)
            try:
                out.extend(_renumbered(analyser.analyse(text, [one]), index))
            except ReadoutsError:
                raise
            except Exception as e:  # noqa: BLE001
                skip_sentence("analyse", one.start, one.stop, e)
    return out


def _renumbered(sentences: list[Sentence], paragraph: int) -> list[Sentence]:
    for s in sentences:
        s.paragraph = paragraph
    return sentences


__all__ = ["BACKENDS", "OFFLINE_ANALYSERS", "OFFLINE_DEFAULTS", "analyse", "choose_backend", "clear_analysers",
           "get_analyser", "load_seconds", "offline_analyser"]
