"""One boundary per sentence: a stage that fails on one sentence skips it, never the document.

A stage (an analyser, the date rules, the claims engine) that meets a sentence it cannot handle
calls `skip_sentence(stage, start, stop, error)` and goes on with the next sentence. The skip
travels as a Python warning of the category `SkippedSentence`, so that a stage deep in the
pipeline needs no extra parameter or return value to report it; `collecting_skips()` gathers the
skips of one document (the pipeline puts them into `Analysis.skipped` and `Extraction.skipped`,
and the CLI prints each on stderr with a count). Outside `collecting_skips()` a skip is an
ordinary warning on stderr.

"internal error" stays for real bugs: only the per-sentence loops of the stages use this.
"""
from __future__ import annotations

import warnings
from contextlib import contextmanager
from typing import Iterator

from readouts.model import Skipped


class SkippedSentence(UserWarning):
    """The warning that carries one `Skipped`."""

    def __init__(self, skipped: Skipped):
        super().__init__(str(skipped))
        self.skipped = skipped


def skip_sentence(stage: str, start: int, stop: int, error: BaseException) -> None:
    """Report that `stage` left out the sentence text[start:stop] because of `error`."""
    reason = " ".join(f"{type(error).__name__}: {error}".split())
    warnings.warn(SkippedSentence(Skipped(stage, start, stop, reason)), stacklevel=2)


@contextmanager
def collecting_skips() -> Iterator[list[Skipped]]:
    """The skips reported inside the block, in order (the list is filled when the block ends).
    Other warnings raised inside pass on as they would have."""
    found: list[Skipped] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SkippedSentence)
        yield found
    for w in caught:
        if isinstance(w.message, SkippedSentence):
            found.append(w.message.skipped)
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno, source=w.source)
