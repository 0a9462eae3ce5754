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
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "xml",
    ".docx": "docx",
}
FORMATS = ("text", "markdown", "pdf", "html", "xml", "docx")
# Larger inputs are refused with a clear message instead of exhausting memory
# (--max-size); a document this size holds thousands of pages.
DEFAULT_MAX_MB = 100


def format_of(name: str, data: bytes, forced: str | None = None) -> str:
    """The format of a document, from `forced`, its content, or its name."""
    if forced:
        if forced not in FORMATS:
            raise InputError(name, f"unknown input format {forced!r}")
        return forced
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"  # a zip: the loader tells a Word document from other archives
    by_name = SUFFIX_FORMATS.get(Path(name).suffix.lower())
    if by_name == "pdf":
        raise InputError(name, "not a PDF: the file does not start with %PDF- "
                               "(wrong extension? try --input-format)")
    if by_name == "docx":
        raise InputError(name, "not a Word document (.docx): not a zip file "
                               "(wrong extension? try --input-format)")
    if by_name in ("text", "markdown"):
        return by_name
    from demandx.loaders.markup import looks_like_markup

    return looks_like_markup(data) or by_name or "text"


def load_bytes(data: bytes, source: str, input_format: str | None = None,
               max_mb: float | None = None) -> Text:
    """The `Text` of a document given as bytes; `source` names it in records and errors.

    Raises:
        InputError: the bytes cannot be read as a document of that format, or its text
            is far larger than the file (see _check_expansion).
    """
    text = _load(data, source, input_format)
    _check_expansion(text, len(data), max_mb)
    return text


# A document's text is bounded relative to its file (a PDF whose hundred pages share one
# content stream, a Word file of repeated runs, both small and compressed) and absolutely
# (as many characters as --max-size allows bytes); real documents stay far below both.
MAX_EXPANSION = 20
_MIN_BOUND = 100_000


def _check_expansion(text: Text, size: int, max_mb: float | None) -> None:
    limit = int((max_mb if max_mb is not None else DEFAULT_MAX_MB) * 1_000_000)
    bound = min(max(_MIN_BOUND, MAX_EXPANSION * size), max(limit, _MIN_BOUND))
    if len(text.text) > bound:
        raise InputError(text.source, f"refused: its text is {len(text.text):,} characters, "
                                      f"more than the {bound:,} a file of {size:,} bytes "
                                      "may expand to")


def _load(data: bytes, source: str, input_format: str | None) -> Text:
    if not data:
        # an empty text file is an empty document; an empty PDF or Word file is broken
        fmt = input_format or SUFFIX_FORMATS.get(Path(source).suffix.lower(), "text")
        if fmt not in ("text", "markdown"):
            raise InputError(source, f"empty file (0 bytes), not a {fmt.upper()} document")
        return Text(source=source, text="", format=fmt)
    fmt = format_of(source, data, input_format)
    if fmt == "pdf":
        from demandx.loaders.isolated import load_pdf_isolated

        return load_pdf_isolated(data, source)
    if fmt == "docx":
        from demandx.loaders.isolated import load_isolated

        return load_isolated("docx", data, source)
    if fmt in ("html", "xml"):
        from demandx.loaders.markup import load_html, load_xml

        return load_html(data, source) if fmt == "html" else load_xml(data, source)
    from demandx.loaders.text import load_text

    return load_text(data, source, fmt)
