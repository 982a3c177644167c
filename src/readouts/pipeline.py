"""The one direction of flow, wired: load → analyse → extract (dates, actors, claims).

The CLI calls these functions and reports what they return; they never print or exit.
"""
from __future__ import annotations

import os
import signal
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, Callable, Iterator, TypeVar

from readouts.boundary import collecting_skips
from readouts.model import Analysis, Comparison, Extraction, LoadedText

T = TypeVar("T")


def analyse_loaded(loaded: LoadedText, backend: str = "auto", models_dir: str | None = None) -> Analysis:
    """The NLP analysis of one loaded text (sentences, words, names); the sentences the analyser
    could not handle are in `skipped`."""
    from readouts.analyse import analyse

    with collecting_skips() as skipped:
        analysis = analyse(loaded, backend=backend, models_dir=models_dir)
    analysis.skipped.extend(skipped)
    return analysis


# Content analysed and extracted at a time: a longer text is read in parts of whole paragraphs, so
# that memory is bounded by this (or by the longest paragraph), not by the input. Readouts and
# articles are a few thousand characters: one part.
PART_CHARS = 1_000_000


def extract_loaded(loaded: LoadedText, backend: str = "auto", models_dir: str | None = None,
                   analysis: Analysis | None = None) -> Extraction:
    """Extract the dates, actors and claims of one loaded text (analysing it first, unless its
    analysis is given)."""
    from readouts.extract.claims import extract_all

    if analysis is None and sum(r.stop - r.start for r in loaded.paragraphs) > PART_CHARS:
        return _extract_in_parts(loaded, backend, models_dir)
    if analysis is None:
        analysis = analyse_loaded(loaded, backend, models_dir)
    with collecting_skips() as skipped:
        extraction = extract_all(loaded, analysis)
    # one sentence may fail twice in one stage (the date rules read the lede once for the anchor)
    extraction.skipped = list(dict.fromkeys([*analysis.skipped, *skipped]))
    extraction.text = loaded.text
    return extraction


def _extract_in_parts(loaded: LoadedText, backend: str, models_dir: str | None) -> Extraction:
    """A long text's extraction, one part of PART_CHARS at a time (whole paragraphs; offsets index
    the whole text). Relative dates of every part are resolved from the first part's anchor; the
    document's facts (source, title) are the first part's; the actors are merged by name."""
    from readouts.extract.dates import find_anchor

    merged: Extraction | None = None
    anchor = None
    for part in _parts(loaded):
        if anchor is not None and not part.published_assumed:
            part.published_assumed = anchor.isoformat()
        analysis = analyse_loaded(part, backend, models_dir)
        if merged is None:
            anchor = find_anchor(part, analysis)
        found = extract_loaded(part, backend, models_dir, analysis)
        del analysis
        merged = found if merged is None else _merged(merged, found)
    assert merged is not None
    return merged


def _parts(loaded: LoadedText) -> Iterator[LoadedText]:
    """`loaded` with its paragraphs in runs of about PART_CHARS."""
    run: list = []
    size = 0
    for region in loaded.paragraphs:
        if run and size + region.stop - region.start > PART_CHARS:
            yield replace(loaded, paragraphs=run)
            run, size = [], 0
        run.append(region)
        size += region.stop - region.start
    if run:
        yield replace(loaded, paragraphs=run)


def _merged(first: Extraction, then: Extraction) -> Extraction:
    actors = {a.name: a for a in first.actors}
    for actor in then.actors:
        if actor.name in actors:
            seen = actors[actor.name]
            seen.mentions.extend(m for m in actor.mentions if m not in seen.mentions)
        else:
            actors[actor.name] = actor
    return Extraction(first.document, list(actors.values()), first.dates + then.dates, first.claims + then.claims,
                      first.dropped + then.dropped, skipped=first.skipped + then.skipped, text=first.text)


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

    texts = (left, right)
    if left.lang == right.lang:
        worker = [0, 1]
    else:
        costs = [load_seconds(t.lang, backend, models_dir) for t in texts]
        worker = [0 if costs[0] > costs[1] else 1]
    extractions: dict[int, Extraction] = {}
    with forked(analyse_all, [texts[k] for k in worker], backend, models_dir) as analyses:
        if analyses is None:
            return compare(extract_loaded(left, backend, models_dir), extract_loaded(right, backend, models_dir))
        for k in (0, 1):
            if k not in worker:
                extractions[k] = extract_loaded(texts[k], backend, models_dir)
        warm_up(left.lang, right.lang)
        for k in worker:
            prepare(texts[k].lang)
        for k, analysis in zip(worker, analyses()):
            extractions[k] = extract_loaded(texts[k], backend, models_dir, analysis)
    return compare(extractions[0], extractions[1])


def analyse_all(texts: list[LoadedText], backend: str, models_dir: str | None) -> list[Analysis]:
    """The worker's part of compare_loaded."""
    return [analyse_loaded(t, backend, models_dir) for t in texts]


@contextmanager
def forked(fn: Callable[..., T], *args: Any) -> Iterator[Callable[[], T] | None]:
    """`fn(*args)` in a forked child process where fork exists and a second core is free (None
    otherwise): yields a function that waits for the child's result (re-raising its exception).
    The child ignores Ctrl-C, which is the parent's to handle; leaving the block early (an error,
    Ctrl-C) ends the child at once, so that no worker outlives the command or prints a traceback."""
    import multiprocessing

    if (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield None
        return
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, fn, args), daemon=True)
    child.start()
    sender.close()

    def result() -> T:
        try:
            ok, value = receiver.recv()
        except EOFError:
            raise RuntimeError(f"the worker process ended without a result (exit status {child.exitcode})") from None
        if not ok:
            raise value
        return value

    try:
        yield result
    except BaseException:
        child.terminate()
        raise
    finally:
        child.join()
        receiver.close()


def _child(sender: Any, fn: Callable[..., Any], args: tuple) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        payload: tuple[bool, Any] = (True, fn(*args))
    except BaseException as e:  # noqa: BLE001 - every failure goes back to the parent
        payload = (False, e)
    try:
        sender.send(payload)
    except Exception as e:  # noqa: BLE001 - an unpicklable result or exception
        sender.send((False, RuntimeError(f"the worker's result cannot be sent back ({type(e).__name__}: {e})")))
    finally:
        sender.close()
