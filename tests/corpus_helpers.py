"""Stand-ins for corpus-mode tests: test_cli's one-claim-per-paragraph extraction, made slow, blocking
or crashing by the file's name, so that order, streaming, interrupts and crashes can be observed.

Worker processes are forked, so a stand-in set in this process is the one they run.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from test_cli import fake_extract

SLOW_SECONDS = 0.3
WAIT_SECONDS = 30


def staged_extract(loaded, backend="auto", models_dir=None, analysis=None):
    """`slow` files take a while, a `crash` file kills its process, a `wait` file waits for
    `<its folder>/go` to exist (so a test can see what was written before it)."""
    name = Path(loaded.path).name
    if "slow" in name:
        time.sleep(SLOW_SECONDS)
    if "crash" in name:
        os._exit(3)
    if "wait" in name:
        go = Path(loaded.path).parent / "go"
        deadline = time.monotonic() + WAIT_SECONDS
        while not go.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
    return fake_extract(loaded, backend, models_dir, analysis)


def write_texts(folder: Path, names: list[str]) -> list[str]:
    """Small English texts of two paragraphs each, one per name."""
    paths = []
    for i, name in enumerate(names):
        path = folder / name
        path.write_text(f"The minister said text {i} was ready.\n\nThe two sides agreed on point {i}.\n",
                        encoding="utf-8")
        paths.append(str(path))
    return paths


def cli_script(args: list[str]) -> str:
    """Python source that runs `readouts ARGS` with the staged stand-in (for a subprocess)."""
    return (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
            "import corpus_helpers\nfrom readouts import pipeline\n"
            "pipeline.extract_loaded = corpus_helpers.staged_extract\n"
            f"sys.argv = ['readouts', *{args!r}]\n"
            "from readouts.cli import main\nmain()\n")
