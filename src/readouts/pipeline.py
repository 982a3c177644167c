"""The one direction of flow, wired: load → analyse → extract (dates, actors, claims).

The CLI calls these functions and reports what they return; they never print or exit.
"""
from __future__ import annotations

import os

from readouts.model import Comparison, Extraction, LoadedText


def extract_loaded(loaded: LoadedText, backend: str = "auto", models_dir: str | None = None) -> Extraction:
    """Analyse one loaded text and extract its dates, actors and claims."""
    from readouts.analyse import analyse
    from readouts.extract.claims import extract_all

    analysis = analyse(loaded, backend=backend, models_dir=models_dir)
    return extract_all(loaded, analysis)


def compare_loaded(left: LoadedText, right: LoadedText, backend: str = "auto",
                   models_dir: str | None = None) -> Comparison:
    """Extract both accounts and align their claims.

    Each language's analyser takes seconds to load, so with two cores the right text is analysed
    in a forked worker while this process analyses the left one and loads the sentence encoder.
    """
    from readouts.compare import compare, warm_up

    pool = _fork_pool() if left.lang != right.lang else None
    if pool is None:
        return compare(extract_loaded(left, backend, models_dir), extract_loaded(right, backend, models_dir))
    with pool:
        pending = pool.submit(extract_loaded, right, backend, models_dir)
        left_extraction = extract_loaded(left, backend, models_dir)
        warm_up()
        return compare(left_extraction, pending.result())


def _fork_pool():
    """A one-worker process pool where fork exists and a second core is free, else None."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
