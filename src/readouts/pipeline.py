"""The one direction of flow, wired: load → analyse → extract (dates, actors, claims).

The CLI calls these functions and reports what they return; they never print or exit.
"""
from __future__ import annotations

from readouts.model import DocumentInfo, Extraction, LoadedText


def extract_loaded(loaded: LoadedText, backend: str = "auto", models_dir: str | None = None) -> Extraction:
    """Analyse one loaded text and extract its dates, actors and claims."""
    from readouts.analyse import analyse
    from readouts.extract.claims import extract_all

    analysis = analyse(loaded, backend=backend, models_dir=models_dir)
    return extract_all(loaded, analysis)


def empty_extraction(loaded: LoadedText, backend: str | None = None) -> Extraction:
    return Extraction(DocumentInfo(loaded.path, loaded.lang, loaded.published, loaded.source,
                                   loaded.title, backend))
