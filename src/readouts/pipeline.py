"""The one direction of flow, wired: load → analyse → extract (dates, actors, claims).

The CLI calls these functions and reports what they return; they never print or exit.
"""
from __future__ import annotations

import os

from readouts.boundary import collecting_skips
from readouts.model import Analysis, Comparison, Extraction, LoadedText


def analyse_loaded(loaded: LoadedText, backend: str = "auto", models_dir: str | None = None) -> Analysis:
    """The NLP analysis of one loaded text (sentences, words, names); the sentences the analyser
    could not handle are in `skipped`."""
    from readouts.analyse import analyse

    with collecting_skips() as skipped:
        analysis = analyse(loaded, backend=backend, models_dir=models_dir)
    analysis.skipped.extend(skipped)
    return analysis


def extract_loaded(loaded: LoadedText, backend: str = "auto", models_dir: str | None = None,
                   analysis: Analysis | None = None) -> Extraction:
    """Extract the dates, actors and claims of one loaded text (analysing it first, unless its
    analysis is given)."""
    from readouts.extract.claims import extract_all

    if analysis is None:
        analysis = analyse_loaded(loaded, backend, models_dir)
    with collecting_skips() as skipped:
        extraction = extract_all(loaded, analysis)
    extraction.skipped = [*analysis.skipped, *skipped]
    return extraction


def compare_loaded(left: LoadedText, right: LoadedText, backend: str = "auto",
                   models_dir: str | None = None) -> Comparison:
    """Extract both accounts and align their claims.

    Loading an analyser takes most of a cold run (natasha's models about a second), and so does
    loading the sentence encoder. With two cores a forked worker analyses the text whose analyser
    is costlier to load (both texts when they share a language), while this process extracts the
    other text, loads the encoder and reads the extraction data of the worker's language; the
    worker's analyses are then turned into claims here (a few hundredths of a second each).
    """
    from readouts.analyse import load_seconds
    from readouts.compare import compare, warm_up
    from readouts.extract.claims import prepare

    pool = _fork_pool()
    if pool is None:
        return compare(extract_loaded(left, backend, models_dir), extract_loaded(right, backend, models_dir))
    texts = (left, right)
    if left.lang == right.lang:
        worker = [0, 1]
    else:
        costs = [load_seconds(t.lang, backend, models_dir) for t in texts]
        worker = [0 if costs[0] > costs[1] else 1]
    extractions: dict[int, Extraction] = {}
    with pool:
        pending = pool.submit(_analyse_all, [texts[k] for k in worker], backend, models_dir)
        for k in (0, 1):
            if k not in worker:
                extractions[k] = extract_loaded(texts[k], backend, models_dir)
        warm_up(left.lang, right.lang)
        for k in worker:
            prepare(texts[k].lang)
        for k, analysis in zip(worker, pending.result()):
            extractions[k] = extract_loaded(texts[k], backend, models_dir, analysis)
    return compare(extractions[0], extractions[1])


def _analyse_all(texts: list[LoadedText], backend: str, models_dir: str | None) -> list[Analysis]:
    """The worker's part of compare_loaded (module level: the pool pickles it by name)."""
    return [analyse_loaded(t, backend, models_dir) for t in texts]


def _fork_pool():
    """A one-worker process pool where fork exists and a second core is free, else None."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
