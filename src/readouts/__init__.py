"""readouts: who said what on a leader call, from Polish, English and Russian accounts.

    import readouts
    ex = readouts.extract("kremlin.txt")                  # a path, a str of text, or bytes
    ex.to_frame()                                         # claims as a pandas DataFrame
    results = readouts.extract_many(paths, jobs=2)        # in input order; failures as values
    frame = readouts.to_frame(results)                    # one DataFrame, `path` a column
    pair = readouts.compare("whitehouse.md", "kremlin.txt")
    pair.to_frame()

The names are imported on first use (module `__getattr__`), so `import readouts` and
`readouts --help` load none of the NLP packages.
"""
from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# public name -> the module that defines it
_EXPORTS = {
    "extract_many": "readouts.api",
    "to_frame": "readouts.api",
    "shutdown": "readouts.api",
    "Failure": "readouts.corpus",
    "Extraction": "readouts.model",
    "Comparison": "readouts.model",
    "Claim": "readouts.model",
    "Actor": "readouts.model",
    "DateRef": "readouts.model",
    "Match": "readouts.model",
    "ReadoutsError": "readouts.errors",
    "InputError": "readouts.errors",
    "LanguageError": "readouts.errors",
    "BackendError": "readouts.errors",
}
# `readouts.extract(…)` and `readouts.compare(…)` are the subpackage readouts.extract and the
# module readouts.compare, made callable (readouts.entry): a function of either name would be
# replaced by the submodule the first time anything imports it.
_CALLABLE_MODULES = ("extract", "compare")
__all__ = ["__version__", *_CALLABLE_MODULES, *_EXPORTS]


def __getattr__(name: str) -> Any:
    if name in _CALLABLE_MODULES:
        return importlib.import_module(f"readouts.{name}")
    if name not in _EXPORTS:
        raise AttributeError(f"module 'readouts' has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
