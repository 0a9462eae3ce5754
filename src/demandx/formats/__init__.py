"""Exports for analysts: the output formats beyond the record streams of demandx.output
(a CSV Excel opens, xlsx, SQLite, one demand per JSON line), the columns they can be
limited to, and which format a file name asks for.

Each writer takes records (the plain dicts of `Document.to_dict()`) one at a time and
writes nothing that varies between runs, so the same input gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Export:
    """One output format of `demandx extract`."""

    name: str
    suffixes: tuple[str, ...]      # a -o FILE ending so asks for this format
    binary: bool = False           # written to a file (-o), not to a text stream


EXPORTS = (
    Export("yaml", (".yaml", ".yml")),
    Export("json", (".json",)),
    Export("jsonl", (".jsonl", ".ndjson")),
    Export("csv", (".csv",)),
    Export("xlsx", (".xlsx",), binary=True),
    Export("sqlite", (".db", ".sqlite", ".sqlite3"), binary=True),
)
BY_NAME = {export.name: export for export in EXPORTS}
NAMES = tuple(BY_NAME)


def format_for_path(path: str | Path | None) -> str | None:
    """The format a file name asks for by its extension (any case), or None."""
    if path is None or str(path) == "-":
        return None
    suffix = Path(path).suffix.lower()
    return next((e.name for e in EXPORTS if suffix in e.suffixes), None)


__all__ = ["BY_NAME", "EXPORTS", "NAMES", "Export", "format_for_path"]
