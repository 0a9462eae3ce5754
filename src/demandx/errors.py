"""Every exception demandx raises on purpose. The CLI turns each into one line on stderr."""

from __future__ import annotations


class DemandxError(Exception):
    """Base class: something the user can fix or should know about."""


class InputError(DemandxError):
    """An input could not be read or decoded (missing, unreadable, not a document)."""

    def __init__(self, source: str, reason: str):
        super().__init__(source, reason)   # both args, so the error pickles to workers
        self.source = source
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class OutputError(DemandxError):
    """The output cannot be written where it should go (a bad -o path, a full disk)."""


class LanguageDataError(DemandxError):
    """A language data file (lang/*.yaml) is missing, malformed or has unknown keys."""


class ModelError(DemandxError):
    """A spaCy pipeline given with --model or DEMANDX_MODEL could not be loaded."""


class GoldError(DemandxError):
    """A gold annotation file or a predictions file for `demandx eval` is malformed."""
