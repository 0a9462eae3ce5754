"""The cyclic garbage collector while a demandx process starts.

Starting `demandx extract` makes about a million objects that live as long as the
process: the modules of spaCy, thinc and pydantic, and the pipelines. With the usual
thresholds Python looked through them some 200 times while they were made, 0.06-0.11 s
CPU of a one-seed run (6 %, measured here with gc.callbacks), and every later full
collection would look through them again. So demandx's own processes (the command
line, the --jobs workers) start with a first-generation threshold high enough that a
start collects nothing, yet bounded for commands that load no pipeline; once the first
pipeline is loaded, what was made so far is frozen (gc.freeze: never looked at again,
so the few cycles that start-up left as garbage stay) and the usual thresholds return.

A program that imports demandx as a library keeps its collector as it set it.
"""

from __future__ import annotations

import gc

_START_THRESHOLD = 200_000
_usual: tuple[int, ...] | None = None


def start() -> None:
    """Collect rarely from now until `started()`."""
    global _usual
    if _usual is None:
        _usual = gc.get_threshold()
        gc.set_threshold(max(_START_THRESHOLD, _usual[0]), *_usual[1:])


def started() -> None:
    """Freeze what the start made and collect as usual again (nothing without `start()`)."""
    global _usual
    if _usual is not None:
        gc.freeze()
        gc.set_threshold(*_usual)
        _usual = None
