"""Containment: whatever goes wrong while one document is read or analysed becomes that
document's error, so that one bad input never costs the others.

Loaders raise InputError for what they foresee; this turns everything else (a library's
ValueError, a RecursionError on deep nesting, a MemoryError) into an InputError that
names the document and says what happened in one line.
"""

from __future__ import annotations

import re

from demandx.errors import InputError

# spaCy refuses texts over its max_length (E088); the message names the length
_SPACY_TOO_LONG = re.compile(r"\[E088\] Text of length (\d+) exceeds maximum of (\d+)")
_MAX_DETAIL = 200


def contained(source: str, exc: BaseException, stage: str = "analysing") -> InputError:
    """`exc`, raised while `stage` the document `source`, as that document's InputError."""
    if isinstance(exc, InputError):
        return exc
    if isinstance(exc, MemoryError):
        return InputError(source, f"refused: out of memory while {stage} it")
    if isinstance(exc, RecursionError):
        return InputError(source, f"refused: nested too deeply to be {_done(stage)}")
    too_long = _SPACY_TOO_LONG.search(str(exc))
    if too_long:
        return InputError(source, f"refused: a paragraph of {int(too_long[1]):,} characters, "
                                  f"more than the {int(too_long[2]):,} the language "
                                  "pipeline reads at once")
    detail = " ".join(str(exc).split())
    if len(detail) > _MAX_DETAIL:
        detail = detail[:_MAX_DETAIL] + "…"
    name = type(exc).__name__
    return InputError(source, f"failed while {stage} it ({name}{': ' + detail if detail else ''})")


def _done(stage: str) -> str:
    return {"reading": "read", "analysing": "analysed", "writing": "written"}.get(stage, stage)
