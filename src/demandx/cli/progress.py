"""The progress line of a batch on a terminal, and the summary line after it.

The rate and the ETA are counted from the start of the run: Rich's own speed column
measures the last few updates, and since results arrive in bursts (a chunk of documents
at once) it reported thousands of documents per second for a run of seconds per document.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

# Progress is shown for batches of at least this many documents: one document has no
# progress to show but its own.
_PROGRESS_MIN = 2


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def _duration(seconds: float) -> str:
    """ "0.4 s", "18 s", "3:05 min", "1:02:07 h": short enough for a status line."""
    if seconds < 10:
        return f"{seconds:.1f} s"
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d} h" if hours else f"{minutes}:{secs:02d} min"


@dataclass
class Tally:
    """Documents done of all, demands found and failures, timed from the start."""

    total: int
    clock: Callable[[], float] = time.monotonic
    done: int = 0
    demands: int = 0
    failures: int = 0
    started: float = field(init=False)

    def __post_init__(self) -> None:
        self.started = self.clock()

    def tick(self, demands: int = 0, failed: bool = False) -> None:
        """One document finished (or failed)."""
        self.done += 1
        self.demands += demands
        self.failures += failed

    def elapsed(self) -> float:
        return max(self.clock() - self.started, 0.0)

    def status(self) -> str:
        """ "3/10 documents · 41 demands · 1 failure · 0.5 docs/s · 12 s, about 14 s left" """
        elapsed = self.elapsed()
        parts = [f"{self.done:,}/{self.total:,} documents", _plural(self.demands, "demand")]
        if self.failures:
            parts.append(_plural(self.failures, "failure"))
        if self.done and elapsed > 0:
            rate = self.done / elapsed
            parts.append(f"{rate:.2g} docs/s" if rate < 10 else f"{rate:,.0f} docs/s")
            left = (self.total - self.done) / rate
            parts.append(f"{_duration(elapsed)}, about {_duration(left)} left"
                         if self.done < self.total else _duration(elapsed))
        else:
            parts.append(_duration(elapsed))
        return " · ".join(parts)

    def summary(self) -> str:
        """ "4 documents, 37 demands, 0 failures in 18 s" """
        return (f"{_plural(self.done, 'document')}, {_plural(self.demands, 'demand')}, "
                f"{_plural(self.failures, 'failure')} in {_duration(self.elapsed())}")


def on_terminal() -> bool:
    """Whether stderr is a terminal a person watches (not a pipe, a file or CI's log)."""
    return sys.stderr.isatty()


@contextmanager
def progress(tally: Tally, enabled: bool = True) -> Iterator[Callable[..., None]]:
    """A progress bar with `tally.status()` on stderr while a batch runs. Yields
    `tick(demands, failed=False)`, to call once per document. Nothing is shown when
    stderr is not a terminal (piped, CI) or the batch is a single document."""
    if not enabled or tally.total < _PROGRESS_MIN or not on_terminal():
        yield tally.tick
        return
    from rich.progress import BarColumn, Progress, TextColumn

    from demandx.cli._common import stderr_console

    with Progress(TextColumn("extracting"), BarColumn(), TextColumn("{task.fields[status]}"),
                  console=stderr_console(), transient=True, refresh_per_second=4) as bar:
        task = bar.add_task("extract", total=tally.total, status=tally.status())

        def tick(demands: int = 0, failed: bool = False) -> None:
            tally.tick(demands, failed)
            bar.update(task, completed=tally.done, status=tally.status())

        yield tick
