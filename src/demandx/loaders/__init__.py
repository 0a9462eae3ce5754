"""Loaders: bytes of a document in some format -> `Text`. One module per format.

The format is chosen by content first (a PDF is a PDF whatever its name), then by the
file name's extension; `--input-format` forces one.
"""

from __future__ import annotations

from pathlib import Path

from demandx.errors import InputError
from demandx.model import Text

# Extension -> format, for directory scans and for naming the format of a file.
SUFFIX_FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
}
FORMATS = ("text", "markdown")


def format_of(name: str, data: bytes, forced: str | None = None) -> str:
    """The format of a document, from `forced`, its content, or its name."""
    if forced:
        if forced not in FORMATS:
            raise InputError(name, f"unknown input format {forced!r}")
        return forced
    return SUFFIX_FORMATS.get(Path(name).suffix.lower(), "text")


def load_bytes(data: bytes, source: str, input_format: str | None = None) -> Text:
    """The `Text` of a document given as bytes; `source` names it in records and errors.

    Raises:
        InputError: the bytes cannot be read as a document of that format.
    """
    from demandx.loaders.text import load_text

    fmt = format_of(source, data, input_format)
    return load_text(data, source, fmt)
