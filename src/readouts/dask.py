"""readouts on dask: the extractions or the claims of many files as a dask bag or DataFrame.

    import readouts.dask
    claims = readouts.dask.claims(paths, npartitions=64)     # a lazy dask DataFrame
    claims.groupby("actor").size().compute()

Each partition is `readouts.extract_many(partition, jobs=1)` (the library's code, one process per
partition), so a dask worker loads its analysers once and keeps them for every partition it gets.
dask is an optional extra: `pip install 'readouts[dask]'`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

from readouts.errors import BackendError

if TYPE_CHECKING:
    import dask.bag
    import dask.dataframe

MAX_PARTITIONS = 100    # dask.bag's own default bound


def _dask(module: str) -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise BackendError(f"readouts.dask needs {module}: pip install 'readouts[dask]'") from None


def _partitions(paths: Iterable[Any], npartitions: int | None) -> list[list[Any]]:
    """The paths in order, cut into `npartitions` runs of nearly equal length."""
    items = list(paths)
    n = max(1, min(len(items), npartitions or MAX_PARTITIONS))
    size, extra = divmod(len(items), n)
    cuts = [0]
    for k in range(n):
        cuts.append(cuts[-1] + size + (k < extra))
    return [items[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]


def _extract_partition(paths: list[Any], options: dict[str, Any]) -> list[Any]:
    from readouts.api import extract_many

    return list(extract_many(paths, jobs=1, **options))


def _frame_partition(paths: list[Any], what: str, options: dict[str, Any]) -> Any:
    from readouts.api import to_frame

    return to_frame(_extract_partition(paths, options), what)


def extractions(paths: Iterable[Any], *, npartitions: int | None = None, **options: Any) -> "dask.bag.Bag":
    """A bag with an `Extraction` or a `Failure` per path, in the paths' order. `options` are
    `extract_many`'s: lang, date, kind, backend, models."""
    db = _dask("dask.bag")
    parts = _partitions(paths, npartitions)
    return db.from_sequence(parts, npartitions=max(1, len(parts))).map_partitions(
        lambda chunks: [r for chunk in chunks for r in _extract_partition(chunk, options)])


def claims(paths: Iterable[Any], *, what: str = "claims", npartitions: int | None = None,
           **options: Any) -> "dask.dataframe.DataFrame":
    """A dask DataFrame with a row per claim (or `what="dates"`, `"actors"`) of every path that
    could be read, `path` a column: `readouts.to_frame` partition by partition."""
    dd = _dask("dask.dataframe")
    import dask

    from readouts.report.frames import extractions_frame

    parts = _partitions(paths, npartitions)
    meta = extractions_frame([], what)
    # the frame's text columns are already pandas strings; dask's conversion of object columns
    # would also turn the lists of dates (and mentions) into their repr
    with dask.config.set({"dataframe.convert-string": False}):
        if not parts:
            return dd.from_pandas(meta, npartitions=1)
        return dd.from_map(_frame_partition, parts, args=(what, options), meta=meta, label="readouts-claims",
                           enforce_metadata=False)
