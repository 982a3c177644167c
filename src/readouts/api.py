"""readouts as a library: `extract`, `extract_many`, `compare` and `to_frame` (exported by the
package, `readouts.extract(…)`).

A source is a path (`str` naming a file, or `pathlib.Path`), a `str` of text or `bytes`. Analysers,
extraction data and the sentence encoder are loaded once per process and kept; `extract_many` and
`compare` keep their worker processes between calls (`readouts.shutdown()` stops them). BLAS is
limited to one thread while readouts computes, and given back as it was after.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Iterator

from readouts import corpus
from readouts.corpus import Failure, Options, Source
from readouts.errors import InputError
from readouts.model import Comparison, Extraction, LoadedText


def extract(source: Source, *, lang: str = "auto", date: str | None = None, kind: str | None = None,
            backend: str = "auto", models: str | None = None) -> Extraction:
    """The claims, actors and dates of one text.

    `lang`: pl, en, ru or auto (detected); `date`: the publication date YYYY-MM-DD that anchors
    relative dates (overrides the text's); `kind`: whitehouse, kremlin, press or ministry instead of
    detecting the kind of source; `backend`: auto, offline or stanza; `models`: Stanza's folder.
    Raises `readouts.ReadoutsError` (InputError, LanguageError, BackendError) for a bad input.
    """
    t = corpus.task(source, Options(lang, date, kind, backend, models))
    if t.path is not None and Path(t.path).is_dir():
        raise InputError(f"{t.path}: a folder; readouts.extract reads one text, extract_many a folder's texts")
    return corpus.extract_task(t, capture=False)


def extract_many(sources: Iterable[Source], *, jobs: int | None = None, lang: str = "auto",
                 date: str | None = None, kind: str | None = None, backend: str = "auto",
                 models: str | None = None) -> Iterator[Extraction | Failure]:
    """Extract every source, yielding an `Extraction` or a `Failure` per source in input order.

    A folder stands for its `*.txt` and `*.md` texts, read recursively as the CLI reads it.

    A failing source does not stop the run: its `Failure` says why (`.message`, `.error`). `jobs`
    processes work ahead (default: the cores; 1 = all in this process), taking the sources lazily,
    so a generator of a million paths is fine. Texts are named `<text N>` (bytes `<bytes N>`) by
    their position. Nothing runs until the result is iterated.
    """
    options = Options(lang, date, kind, backend, models)
    jobs = corpus.default_jobs() if jobs is None else max(1, jobs)
    tasks = (corpus.task(source, options, index) for index, source in enumerate(corpus.expand_folders(sources)))
    return corpus.run(tasks, jobs, workers=corpus.shared_workers(jobs) if jobs > 1 else None)


def compare(left: Source, right: Source, *, lang: str = "auto", date: str | None = None,
            backend: str = "auto", models: str | None = None) -> Comparison:
    """Extract two accounts of one call and align their claims: same, conflicting, one-sided.

    One text is extracted by a worker process (the one whose analyser costs more to load) while
    this process extracts the other and loads the sentence encoder; the worker is kept, so a
    compare in a loop pays for loading once.
    """
    from readouts.compare import compare as align

    options = Options(lang, date, None, backend, models)
    texts = [corpus.load_task(corpus.task(source, options)) for source in (left, right)]
    with corpus.limit_blas():
        return align(*_extract_pair(texts, options))


def _extract_pair(texts: list[LoadedText], options: Options) -> list[Extraction]:
    """Both extractions, one in the library's worker when a second core is there; the encoder is
    loaded here meanwhile."""
    from concurrent.futures.process import BrokenProcessPool

    from readouts import pipeline
    from readouts.analyse import load_seconds
    from readouts.compare import warm_up

    def here(t: LoadedText) -> Extraction:
        return pipeline.extract_loaded(t, options.backend, options.models)

    if not corpus.parallel_possible():
        warm_up(*(t.lang for t in texts))
        return [here(t) for t in texts]
    costs = [load_seconds(t.lang, options.backend, options.models) for t in texts]
    away = 1 if costs[1] > costs[0] else 0
    pending = corpus.shared_workers().submit(corpus.extract_loaded_text, texts[away], options)
    done = {1 - away: here(texts[1 - away])}
    warm_up(*(t.lang for t in texts))
    try:
        done[away] = pending.result()
    except BrokenProcessPool:       # the worker died: do its part here
        corpus.shutdown()
        done[away] = here(texts[away])
    return [done[0], done[1]]


def to_frame(results: Iterable[Any], what: str = "claims") -> Any:
    """One pandas DataFrame of many extractions (`extract_many`'s results, failures left out), one
    row per claim (or `what="dates"`, `"actors"`), with the document's `path` as a column."""
    from readouts.report.frames import extractions_frame

    return extractions_frame(results, what)


shutdown = corpus.shutdown
