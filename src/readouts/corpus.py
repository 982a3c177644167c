"""Extraction over many inputs: results in input order as soon as each is ready, on worker processes.

`run(tasks, jobs)` yields an `Extraction` or a `Failure` per task, in the order of the tasks, while
up to `jobs` processes work ahead. At most `jobs * AHEAD` results wait for an earlier one, so memory
stays flat however many inputs there are. A failing input is a `Failure` value (the rest go on);
the CLI, `readouts.extract_many` and `readouts.dask` all go through `extract_task`.

Worker processes are forked where the platform allows it, so they start with what this process has
already imported and loaded: the first input is extracted here before they are forked, which loads
its language's analyser once for all of them; other languages each worker loads on first use and
keeps. They ignore Ctrl-C (the terminal sends it to the whole process group): this process decides,
and stops them; and they end when this process is gone.
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import Any, Iterable, Iterator, Union

from readouts.errors import ReadoutsError
from readouts.model import MAX_BYTES, Extraction, LoadedText

TEXT_SUFFIXES = (".txt", ".md")
AHEAD = 4               # results a worker may have ready ahead of the one being written
BLAS_THREADS = 1        # a text's matrices are small: one BLAS thread per process is fastest (see limit_blas)
MAX_PATH_CHARS = 4096   # a str longer than any path is text
ORPHAN_CHECK_SECONDS = 0.5

Source = Union[str, os.PathLike, bytes]


@dataclass(frozen=True, slots=True)
class Options:
    """How to read and analyse an input: the CLI's --lang, --date, --source, --backend, --models."""
    lang: str = "auto"
    date: str | None = None
    kind: str | None = None         # the kind of source: whitehouse | kremlin | press | ministry
    backend: str = "auto"
    models: str | None = None
    max_bytes: int = MAX_BYTES      # a larger input is refused (--max-bytes)


@dataclass(frozen=True, slots=True)
class Task:
    """One input to extract: a file (`path`), or text or bytes already in hand (`data`) named `name`."""
    name: str
    path: str | None = None
    data: str | bytes | None = None
    options: Options = field(default_factory=Options)


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be extracted: what `extract_many` yields instead of raising."""
    path: str
    message: str                    # one line, naming the input
    error: str                      # the exception's class name (InputError, LanguageError, …)
    traceback: str | None = field(default=None, repr=False)

    def __str__(self) -> str:
        return self.message


Result = Union[Extraction, Failure]


# --------------------------------------------------------------------------- inputs

def task(source: Source, options: Options = Options(), index: int | None = None) -> Task:
    """The task for a path (`str` naming a file, or `os.PathLike`), a text (`str`) or `bytes`.

    A `str` is a path when it names an existing file, or when it is one line ending in .txt or .md
    (a missing file is then an error, not a two-word text); otherwise it is the text itself. A text
    is named `<text>`, or `<text N>` with its position `index` among several.
    """
    if isinstance(source, os.PathLike):
        return Task(os.fspath(source), path=os.fspath(source), options=options)
    if isinstance(source, str) and _names_a_file(source):
        return Task(source, path=source, options=options)
    if not isinstance(source, (str, bytes)):
        raise TypeError(f"a source is a path, a str of text or bytes, not {type(source).__name__}")
    kind = "text" if isinstance(source, str) else "bytes"
    return Task(f"<{kind}>" if index is None else f"<{kind} {index}>", data=source, options=options)


def _names_a_file(source: str) -> bool:
    if not source or len(source) > MAX_PATH_CHARS or "\n" in source or "\x00" in source:
        return False
    path = Path(source)
    try:
        return path.is_file() or path.is_dir() or path.suffix.lower() in TEXT_SUFFIXES
    except OSError:
        return False


def expand_folders(sources: Iterable[Source]) -> Iterator[Source]:
    """The sources with each folder replaced by its texts, as the CLI reads a folder (lazily)."""
    from readouts.load import iter_inputs

    for source in sources:
        if not isinstance(source, bytes) and isinstance(source, (str, os.PathLike)) \
                and _names_a_file(os.fspath(source)) and Path(source).is_dir():
            yield from iter_inputs([source])
        else:
            yield source


def load_task(t: Task) -> LoadedText:
    from readouts.load import load_bytes, load_path

    o = t.options
    if t.data is None:
        return load_path(t.path or t.name, lang=o.lang, date=o.date, source=o.kind, max_bytes=o.max_bytes)
    raw = t.data.encode("utf-8") if isinstance(t.data, str) else t.data
    return load_bytes(raw, t.name, lang=o.lang, date=o.date, source=o.kind, max_bytes=o.max_bytes)


def failure(name: str, e: BaseException) -> Failure:
    """A one-line Failure for `e` (the CLI's wording: library errors as they are, others marked)."""
    message = str(e) if isinstance(e, ReadoutsError) else f"internal error: {type(e).__name__}: {e}"
    if not message.startswith(name):
        message = f"{name}: {message}"
    return Failure(name, message, type(e).__name__, traceback.format_exc())


# --------------------------------------------------------------------------- one input

def extract_task(t: Task, capture: bool = True) -> Result:
    """Load and extract one input; with `capture` an error is returned as a Failure, else raised."""
    from readouts import pipeline

    try:
        with limit_blas():
            return pipeline.extract_loaded(load_task(t), t.options.backend, t.options.models)
    except Exception as e:
        if not capture:
            raise
        return failure(t.name, e)


def extract_loaded_text(loaded: LoadedText, options: Options) -> Extraction:
    """The worker's part of `readouts.compare` (module level: the pool pickles it by name)."""
    from readouts import pipeline

    with limit_blas():
        return pipeline.extract_loaded(loaded, options.backend, options.models)


_BLAS: Any = None


@contextmanager
def limit_blas() -> Iterator[None]:
    """BLAS limited to BLAS_THREADS for the block, and restored after it.

    natasha's models compute through numpy's OpenBLAS, whose threads fight over the cores of a busy
    machine: a Russian text took 4.9 s instead of 0.6 s on two cores. numpy is imported first, so
    that the limit reaches the library before the first text needs it.
    """
    global _BLAS
    if _BLAS is None:
        try:
            import numpy  # noqa: F401  (loads the BLAS that the controller must see)
            from threadpoolctl import ThreadpoolController
        except ImportError:         # without threadpoolctl the CLI's environment variable still holds
            _BLAS = False
        else:
            _BLAS = ThreadpoolController()
    if not _BLAS:
        yield
        return
    with _BLAS.limit(limits=BLAS_THREADS, user_api="blas"):
        yield


# --------------------------------------------------------------------------- many inputs

def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def run(tasks: Iterable[Task], jobs: int | None = None, capture: bool = True,
        workers: "Workers | None" = None) -> Iterator[Result]:
    """Extract every task; yield the results in the tasks' order as soon as each is ready.

    `jobs` processes (default: the cores); with one, or one task, the work is done here. Tasks are
    taken from the iterable lazily, `jobs * AHEAD` ahead of the result being yielded. `workers`
    lends a pool that outlives the run (the library's); by default one is started for this run.
    """
    jobs = default_jobs() if jobs is None else max(1, jobs)
    tasks = iter(tasks)
    first = list(islice(tasks, 2))
    if jobs == 1 or len(first) < 2 or not parallel_possible():
        for t in chain(first, tasks):
            yield extract_task(t, capture)
        return
    own = workers is None
    if own and _warm_here_first(first[0]):
        yield extract_task(first[0], capture)
        first = first[1:]
    pool = Workers(jobs) if own else workers
    try:
        yield from _in_order(pool, chain(first, tasks), jobs * AHEAD, capture, keep_pool=not own)
    except BaseException as e:  # Ctrl-C, an error, the caller stopped reading: no worker left behind
        if own or not isinstance(e, GeneratorExit):     # a lent pool keeps its workers for later
            pool.stop()
        raise
    if own:
        pool.close()


def _warm_here_first(t: Task) -> bool:
    """Whether the first input is extracted in this process before the workers are forked: they
    then start with its language's analyser and extraction data loaded (once, shared), instead of
    each loading them. Not with Stanza, whose torch threads do not survive a fork."""
    from readouts.analyse.models import stanza_ready
    from readouts.model import LANGS

    backend = t.options.backend
    offline = backend == "offline" or (backend == "auto" and not any(stanza_ready(lang, t.options.models)
                                                                       for lang in LANGS))
    return offline and _start_method() == "fork"


def _in_order(pool: "Workers", tasks: Iterator[Task], ahead: int, capture: bool,
              keep_pool: bool) -> Iterator[Result]:
    window: deque[tuple[Task, Future]] = deque()
    try:
        while True:
            while len(window) < ahead and (t := next(tasks, None)) is not None:
                window.append((t, pool.submit(extract_task, t, capture)))
            if not window:
                return
            t, future = window.popleft()
            try:
                result = future.result()
            except BrokenProcessPool:
                # a worker died (a crash in native code) and took every queued task with it: the
                # task runs again alone, so that a crash now is its own, then the others go on
                pool.stop()
                result = _alone(pool, t, capture)
                window = deque((u, pool.submit(extract_task, u, capture)) for u, _ in window)
            yield result
    except GeneratorExit:
        if keep_pool:           # the caller stopped reading: the tasks queued for it are dropped
            for _, queued in window:
                queued.cancel()
        raise


def _alone(pool: "Workers", t: Task, capture: bool) -> Result:
    try:
        return pool.submit(extract_task, t, capture).result()
    except BrokenProcessPool as e:
        pool.stop()
        if not capture:
            raise
        return Failure(t.name, f"{t.name}: the worker process died reading it ({e})", type(e).__name__)


# --------------------------------------------------------------------------- worker processes

def parallel_possible() -> bool:
    return default_jobs() > 1 or bool(os.environ.get("READOUTS_FORCE_WORKERS"))


def _start_method() -> str:
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def _init_worker(parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    os.environ.setdefault("OPENBLAS_NUM_THREADS", str(BLAS_THREADS))   # a BLAS loaded after this point
    threading.Thread(target=_exit_with, args=(parent,), daemon=True, name="readouts-orphan-watch").start()


def _exit_with(parent: int) -> None:
    """End this worker when its parent is gone: a parent killed outright (SIGPIPE under `| head`,
    SIGKILL) cannot stop it, and the task queue never reports the end because every worker holds
    both ends of its pipe."""
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_SECONDS)
    os._exit(0)


class Workers:
    """A process pool that can be stopped at once; the next task after a stop starts it afresh."""

    def __init__(self, size: int):
        self.size = size
        self._pool: ProcessPoolExecutor | None = None

    def submit(self, fn, *args) -> Future:
        if self._pool is not None:
            return self._pool.submit(fn, *args)
        with _ctrl_c_deferred():    # the workers are forked by the first submit
            self._pool = ProcessPoolExecutor(max_workers=self.size, initializer=_init_worker,
                                             initargs=(os.getpid(),),
                                             mp_context=multiprocessing.get_context(_start_method()))
            return self._pool.submit(fn, *args)

    def pids(self) -> list[int]:
        """The worker processes' ids (none before the first task)."""
        return sorted((getattr(self._pool, "_processes", None) or {}).keys()) if self._pool else []

    def close(self) -> None:
        """Let the workers finish their tasks and exit."""
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def stop(self) -> None:
        """End the workers now, whatever they are doing, and forget the queued tasks."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        # ProcessPoolExecutor only waits for running tasks (terminate_workers() came in 3.14): the
        # workers are ended first, so that the pool, seeing them gone, sends them nothing more
        processes = list((getattr(pool, "_processes", None) or {}).values())
        with _broken_pipes_tolerated():
            for process in processes:
                if process.is_alive():
                    process.terminate()
            for process in processes:
                process.join(timeout=5)
            pool.shutdown(wait=True)    # the pool fails its pending tasks itself, seeing its workers gone


@contextmanager
def _ctrl_c_deferred() -> Iterator[None]:
    """Ctrl-C during the block is raised after it: a KeyboardInterrupt raised inside the hooks
    that run around a fork is swallowed by the interpreter, and the run would go on."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pressed: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: pressed.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
    if pressed:
        raise KeyboardInterrupt


@contextmanager
def _broken_pipes_tolerated() -> Iterator[None]:
    """SIGPIPE ignored for the block: the CLI lets SIGPIPE end the process (`| head`), and the
    pool's feeder thread may still be writing to a pipe whose readers were just ended."""
    if not hasattr(signal, "SIGPIPE") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGPIPE, previous)


# The library's workers, kept between calls so that their analysers stay loaded
# (readouts.extract_many, readouts.compare); readouts.shutdown() or the end of the process stops them.
_SHARED: Workers | None = None


def shared_workers(size: int | None = None) -> Workers:
    """The library's pool: the one already running when `size` is None or its size, else a new one."""
    global _SHARED
    if _SHARED is not None and size is not None and _SHARED.size != size:
        shutdown()
    if _SHARED is None:
        _SHARED = Workers(size or 1)
    return _SHARED


def shutdown() -> None:
    """Stop the worker processes that the library keeps between calls (they start again when needed)."""
    global _SHARED
    if _SHARED is not None:
        workers, _SHARED = _SHARED, None
        workers.stop()


atexit.register(shutdown)
