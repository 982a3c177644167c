"""Language knowledge as data: one folder per language with the same file names, plus shared files.

Each consumer module declares the schema of the files it reads and loads them through
`load_data`, which validates on load and caches (tests/test_lang_data.py loads every file of every
language through its consumer's schema).
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from readouts.lang.schema import load_yaml

LANG_ROOT = Path(__file__).parent
SUPPORTED = ("pl", "en", "ru")


def data_path(name: str, lang: str | None = None) -> Path:
    """`lang/<lang>/<name>.yaml`, or the shared `lang/<name>.yaml` when lang is None."""
    return (LANG_ROOT / lang / f"{name}.yaml") if lang else (LANG_ROOT / f"{name}.yaml")


_SPECS: dict[str, Any] = {}


def register_schema(name: str, spec: Any) -> None:
    """Declare the schema of data file `name` (called at import time by its consumer module)."""
    _SPECS[name] = spec


@cache
def _load_cached(name: str, lang: str | None) -> Any:
    return load_yaml(data_path(name, lang), _SPECS[name])


def load_data(name: str, lang: str | None = None, spec: Any = None) -> Any:
    """Load and validate one data file (cached)."""
    if spec is not None:
        register_schema(name, spec)
    return _load_cached(name, lang)
