"""A tiny schema checker for the language data files.

A schema is plain Python data:
- a type (`str`, `int`, `bool`, `float`) checks the value's type;
- `[spec]` is a non-empty list whose items match `spec`;
- `{"key": spec, "key?": spec}` is a mapping with exactly those keys (`?` marks optional ones);
  unknown keys are rejected, so a misspelt key never passes silently;
- `{str: spec}` is a mapping from any string key to `spec`;
- `Choice(...)` is one of the given values; `Either(a, b)` matches `a` or `b`.

Every error names the file and the key path, e.g. `lang/pl/reporting.yaml: verbs.ostrzec.act`.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

from readouts.errors import DataError

# The C implementation of the safe loader: same safety as yaml.safe_load, built with libyaml.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Choice:
    values: tuple[Any, ...]

    def __init__(self, *values: Any):
        object.__setattr__(self, "values", tuple(values))


@dataclass(frozen=True)
class Either:
    options: tuple[Any, ...]

    def __init__(self, *options: Any):
        object.__setattr__(self, "options", tuple(options))


def _fail(where: str, path: str, message: str) -> DataError:
    return DataError(f"{where}: {path or '<top>'}: {message}")


def validate(value: Any, spec: Any, where: str, path: str = "") -> None:
    """Raise DataError unless `value` matches `spec` (see the module docstring)."""
    if isinstance(spec, Either):
        errors = []
        for option in spec.options:
            try:
                validate(value, option, where, path)
                return
            except DataError as e:
                errors.append(str(e))
        raise DataError(errors[0])
    if isinstance(spec, Choice):
        if value not in spec.values:
            raise _fail(where, path, f"{value!r} is not one of {', '.join(map(str, spec.values))}")
        return
    if isinstance(spec, type):
        ok = isinstance(value, spec) and not (spec is int and isinstance(value, bool))
        if spec is float:
            ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if not ok:
            raise _fail(where, path, f"expected {spec.__name__}, got {type(value).__name__}")
        if spec is str and not value.strip():
            raise _fail(where, path, "empty string")
        return
    if isinstance(spec, list):
        if not isinstance(value, list) or not value:
            raise _fail(where, path, "expected a non-empty list")
        for i, item in enumerate(value):
            validate(item, spec[0], where, f"{path}[{i}]")
        return
    if isinstance(spec, dict):
        if not isinstance(value, dict):
            raise _fail(where, path, f"expected a mapping, got {type(value).__name__}")
        if str in spec:
            for key, item in value.items():
                if not isinstance(key, str):
                    raise _fail(where, path, f"key {key!r} is not a string")
                validate(item, spec[str], where, f"{path}.{key}" if path else key)
            return
        known = {k.rstrip("?"): k.endswith("?") for k in spec}
        for key in value:
            if key not in known:
                raise _fail(where, path, f"unknown key {key!r} (expected one of {', '.join(sorted(known))})")
        for key, optional in known.items():
            if key not in value:
                if not optional:
                    raise _fail(where, path, f"missing key {key!r}")
                continue
            validate(value[key], spec[key + ("?" if optional else "")], where, f"{path}.{key}" if path else key)
        return
    raise TypeError(f"bad schema spec {spec!r}")


def check_unique(pairs: Iterable[tuple[str, str]], where: str, what: str = "surface form") -> None:
    """Reject a form mapped to two different keys: `pairs` yields (form, key)."""
    seen: dict[str, str] = {}
    for form, key in pairs:
        other = seen.setdefault(form, key)
        if other != key:
            raise DataError(f"{where}: {what} {form!r} is mapped to both {other!r} and {key!r}")


def load_yaml(path: Path, spec: Any) -> Any:
    """Read a data file with YAML's safe loader (libyaml's when built, ten times faster) and
    validate it; errors name the file."""
    where = "/".join(path.parts[-3:])
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(f"{where}: missing data file") from None
    data = _parse(text, f"data-{path.parent.name}-{path.stem}", where)
    validate(data, spec, where)
    return data


# The parse of a data file is kept as JSON in the user's cache (readouts.cache), keyed by the
# file's text: libyaml takes 40 ms for actors.yaml and about 60 ms for what one language's
# extraction reads, JSON a few. JSON has no dates: YAML's are written as {DATE_TAG: "YYYY-MM-DD"}.
PARSE_VERSION = "1"
DATE_TAG = "!date"


def _parse(text: str, entry: str, where: str) -> Any:
    from readouts import cache

    key = f"{PARSE_VERSION}|{text}"
    stored = cache.read_text(entry, key, ".json")
    if stored is not None:
        try:
            return json.loads(stored, object_hook=_undate)
        except ValueError:
            pass                      # a broken entry: parse the YAML and write it again
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as e:
        raise DataError(f"{where}: not valid YAML: {e}") from None
    try:
        encoded = json.dumps(data, ensure_ascii=False, default=_date)
        if json.loads(encoded, object_hook=_undate) == data:    # else not plain data: never cached
            cache.write_text(entry, key, encoded, ".json")
    except (TypeError, ValueError):
        pass
    return data


def _date(value: Any) -> dict[str, str]:
    if isinstance(value, dt.date):
        return {DATE_TAG: value.isoformat()}
    raise TypeError(f"{type(value).__name__} is not plain data")


def _undate(obj: dict[str, Any]) -> Any:
    if len(obj) == 1 and DATE_TAG in obj:
        return dt.date.fromisoformat(obj[DATE_TAG])
    return obj
