"""Where a report goes: standard output, or a file written atomically and never over anything else.

`check_output` runs before any work, so that a bad `--output` fails at once and not after minutes
of analysis; `open_output` writes a temporary file beside the target and renames it into place
only when the writing finished, so that a failure or Ctrl-C never leaves a half-written file. The
target may be nothing yet or a regular file that is not an input of the run; a symbolic link is
followed to the regular file it names (the link stays). A new file gets the mode the umask gives
(0666 less the umask, as the shell's `>` does); a replaced file keeps its mode.
"""
from __future__ import annotations

import os
import stat
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, TextIO

from readouts.errors import OutputError

STDIN = "-"


def check_output(path: Path | None, inputs: Iterable[str] = ()) -> Path | None:
    """The file to write for `--output path` (a symlink's target), or an OutputError: a folder that
    is missing or not writable, a target that is not a regular file, or one of `inputs`."""
    if path is None:
        return None
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: no such folder {str(folder)!r} for the output")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: cannot write in the folder {str(folder)!r}")
    try:
        found = os.stat(target)
    except FileNotFoundError:
        return target
    except OSError as e:
        raise OutputError(f"{path}: cannot write the output there ({e.strerror or e})") from None
    if not stat.S_ISREG(found.st_mode):
        raise OutputError(f"{path}: not a regular file; --output writes (and replaces) regular files only")
    for name in inputs:
        if name != STDIN and _same_file(found, name):
            raise OutputError(f"{path}: is an input of this run; the output would replace it")
    for fd, stream in ((0, "input"), (1, "output"), (2, "error")):
        if _same_file(found, fd):       # "-o /dev/stdout" with the output redirected to a file
            raise OutputError(f"{path}: is this run's standard {stream}; leave out --output to write there")
    return target


def _same_file(found: os.stat_result, other: str | int) -> bool:
    """Whether `other` (a path or an open file descriptor) is the file `found` describes."""
    try:
        seen = os.stat(other)
    except OSError:
        return False
    return (seen.st_dev, seen.st_ino) == (found.st_dev, found.st_ino)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or a temporary file beside `path` (checked by `check_output`) renamed into
    place only when the writing finished: a failure never leaves `path` half-written."""
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    target = check_output(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mode = 0o666 & ~_umask()
        os.chmod(tmp, mode)
        check_output(target)          # still a regular file (or nothing) at the moment of the rename
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
