"""What corpus mode tells on stderr: a progress bar (n/N, rate, ETA) on a terminal, each failed
input in one line as it comes, and a closing summary line.
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from readouts.model import Extraction

if TYPE_CHECKING:
    from rich.console import Console

NAME_CHARS = 40         # of the file name shown beside the bar


@dataclass
class Tally:
    """Counts for the summary line."""
    total: int
    done: int = 0
    claims: int = 0
    failed: int = 0
    started: float = field(default_factory=time.perf_counter)

    def count(self, result: object) -> None:
        """Count one result: an Extraction, or a failure (anything else)."""
        self.done += 1
        if isinstance(result, Extraction):
            self.claims += len(result.claims)
        else:
            self.failed += 1

    def summary(self, interrupted: bool = False) -> str:
        seconds = time.perf_counter() - self.started
        files = f"interrupted after {self.done} of {self.total} files" if interrupted else \
            f"{self.done} file{'s' * (self.done != 1)}"
        rate = f" ({self.done / seconds:.1f} files/s)" if seconds > 0 and self.done > 1 else ""
        return (f"readouts: {files}, {self.claims} claim{'s' * (self.claims != 1)}, "
                f"{self.failed} failed, {seconds:.1f} s{rate}")


@dataclass
class Progress:
    """`advance(name)` after each input; `log(line)` prints above the bar (or plainly without one)."""
    advance: Callable[[str], None]
    log: Callable[[str], None]


@contextmanager
def progress(console: "Console", total: int, show: bool) -> Iterator[Progress]:
    """A transient bar with the count, the rate and the time left, when `show` (a terminal)."""
    def plain(line: str) -> None:
        console.print(line, markup=False, highlight=False)

    if not show:
        yield Progress(lambda name: None, plain)
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
               TimeRemainingColumn())
    # stdout is never redirected through the bar: it may be a file or a pipe that the bar must not touch
    with Bar(*columns, console=console, transient=True, redirect_stdout=False, redirect_stderr=False) as bar:
        job = bar.add_task("reading", total=total, rate="")

        def advance(name: str) -> None:
            bar.update(job, advance=1, description=Path(name).name[:NAME_CHARS])
            speed = bar.tasks[job].speed
            bar.update(job, rate=f"{speed:.1f} files/s" if speed else "")

        yield Progress(advance, lambda line: bar.console.print(line, markup=False, highlight=False))
