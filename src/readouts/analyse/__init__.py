"""The NLP layer: sentences, tokens, lemmas, UD features, dependencies and names for one text.

`analyse(loaded)` picks a backend and returns an `Analysis`. The backends sit in one explicit
table, `BACKENDS`; each is a factory `(lang, models_dir) -> Analyser` that imports its heavy
packages (stanza/torch, natasha, morfeusz2, simplemma) only when called. Analysers are cached per
(backend, lang, models_dir), so dictionaries and models load once per process.
"""
from __future__ import annotations

import importlib
from functools import cache
from typing import Callable

from readouts.analyse.base import Analyser
from readouts.errors import BackendError, LanguageError
from readouts.model import LANGS, Analysis, LoadedText

# lang -> "module:Class" of the offline analyser (imported on first use)
OFFLINE_ANALYSERS = {
    "pl": "readouts.analyse.offline_pl:PolishAnalyser",
    "en": "readouts.analyse.offline_en:EnglishAnalyser",
    "ru": "readouts.analyse.offline_ru:RussianAnalyser",
}


def _offline(lang: str, models_dir: str | None = None) -> Analyser:
    module, cls = OFFLINE_ANALYSERS[lang].split(":")
    return getattr(importlib.import_module(module), cls)()


def _stanza(lang: str, models_dir: str | None = None) -> Analyser:
    from readouts.analyse.stanza_backend import StanzaAnalyser
    return StanzaAnalyser(lang, models_dir)


BACKENDS: dict[str, Callable[[str, str | None], Analyser]] = {
    "offline": _offline,
    "stanza": _stanza,
}


@cache
def get_analyser(backend: str, lang: str, models_dir: str | None = None) -> Analyser:
    """Build (once per process) the analyser of `backend` for `lang`."""
    if lang not in LANGS:
        raise LanguageError(f"unsupported language {lang!r} (expected one of {', '.join(LANGS)})")
    if backend not in BACKENDS:
        raise BackendError(f"unknown backend {backend!r} (expected auto, {', '.join(BACKENDS)})")
    return BACKENDS[backend](lang, models_dir)


def load_seconds(lang: str, backend: str = "auto", models_dir: str | None = None) -> float:
    """The rough cold cost of the analyser `analyse` would use for `lang` (its class declares it;
    nothing is built here)."""
    name = choose_backend(lang, backend, models_dir)
    if name == "stanza":
        from readouts.analyse.stanza_backend import StanzaAnalyser
        return StanzaAnalyser.load_seconds
    module, cls = OFFLINE_ANALYSERS[lang].split(":")
    return getattr(importlib.import_module(module), cls).load_seconds


def choose_backend(lang: str, backend: str = "auto", models_dir: str | None = None) -> str:
    """`auto` means Stanza where it is importable and its models for `lang` are on disk."""
    if backend != "auto":
        return backend
    from readouts.analyse.models import stanza_ready
    return "stanza" if stanza_ready(lang, models_dir) else "offline"


def analyse(loaded: LoadedText, backend: str = "auto", models_dir: str | None = None) -> Analysis:
    """Analyse the content paragraphs of `loaded`; offsets index `loaded.text`."""
    name = choose_backend(loaded.lang, backend, models_dir)
    analyser = get_analyser(name, loaded.lang, models_dir)
    sentences = analyser.analyse(loaded.text, list(loaded.paragraphs))
    return Analysis(loaded.text, loaded.lang, name, sentences, frozenset(analyser.provides))


__all__ = ["BACKENDS", "OFFLINE_ANALYSERS", "analyse", "choose_backend", "get_analyser", "load_seconds"]
