"""readouts.dask on dask's local scheduler: the same rows as extract_many, partition by partition."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")

import readouts  # noqa: E402
import readouts.dask as rdask  # noqa: E402
from readouts.model import Extraction  # noqa: E402

CORPORA = Path(__file__).parents[1] / "corpora"
PATHS = [str(p) for p in sorted(CORPORA.glob("*.txt"))[:5]] + ["missing.txt"]


def test_bag_of_extractions_in_order_with_failures():
    results = rdask.extractions(PATHS, npartitions=3).compute(scheduler="threads")
    expected = list(readouts.extract_many(PATHS, jobs=1))
    assert [type(r).__name__ for r in results] == [type(r).__name__ for r in expected]
    assert [r.to_dict() for r in results if isinstance(r, Extraction)] == \
        [r.to_dict() for r in expected if isinstance(r, Extraction)]


@pytest.mark.parametrize("what", ["claims", "dates"])
def test_dataframe_has_the_rows_of_extract_many(what):
    frame = rdask.claims(PATHS, what=what, npartitions=3)
    assert frame.npartitions == 3
    got = frame.compute(scheduler="threads").reset_index(drop=True)
    expected = readouts.to_frame(readouts.extract_many(PATHS, jobs=1), what)
    assert list(got.columns) == list(expected.columns) and list(got.dtypes) == list(expected.dtypes)
    assert got.equals(expected)
    assert got["path"].nunique() == len(PATHS) - 1 or what == "dates"


def test_partitions_keep_order_and_size():
    assert rdask._partitions(range(7), 3) == [[0, 1, 2], [3, 4], [5, 6]]
    assert rdask._partitions(range(2), 5) == [[0], [1]]
    assert rdask.claims([]).compute().empty
