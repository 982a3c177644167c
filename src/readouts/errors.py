"""Errors the library raises. Only the CLI catches them, prints one line and exits with `exit_code`."""
from __future__ import annotations


class ReadoutsError(Exception):
    """Base class: a problem the user can fix, reported in one line."""
    exit_code = 2


class InputError(ReadoutsError):
    """A file that is missing, empty, binary, undecodable or not a text we can read."""


class LanguageError(ReadoutsError):
    """A text in a language we do not support, or a bad --lang."""


class BackendError(ReadoutsError):
    """An NLP backend that cannot run here (a missing package or missing models)."""


class DataError(ReadoutsError):
    """Invalid language data (YAML): names the file and the key path."""


class FormatError(ReadoutsError):
    """An output format that cannot be told (an --output suffix that names none) or made."""


class OutputError(ReadoutsError):
    """An --output path that cannot be written safely: a missing folder, a file that is not a
    regular file (a FIFO, a device, a folder), or one of the run's own inputs."""
