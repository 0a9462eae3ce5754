"""Loaders: bytes of a document in some format -> `Text`. One module per format.

The format is chosen by content first (a PDF is a PDF whatever its name), then by the
file name's extension; `--input-format` forces one. Every format demandx reads is one
entry of `REGISTRY` (its name for --input-format, its extensions for directory scans,
how its content is recognised, its loader), so that adding a format is one entry.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from demandx.errors import InputError

if TYPE_CHECKING:
    # the command line reads the registry to build its choices, before any document:
    # the records' classes and zipfile load when a document does
    from demandx.model import Text


@dataclass(frozen=True)
class Format:
    """One input format demandx reads."""

    name: str                      # the --input-format value and Text.format
    label: str                     # how messages name it
    suffixes: tuple[str, ...]      # extensions a directory scan picks up
    loader: str                    # "module:function(data, source) -> Text", imported lazily
    # A format whose files always start the same way (%PDF-, a zip): a file with its
    # extension but other content is refused instead of read as text.
    binary: bool = False
    args: tuple[str, ...] = ()     # passed to the loader after (data, source)

    def load(self, data: bytes, source: str) -> Text:
        module, function = self.loader.split(":")
        return getattr(importlib.import_module(module), function)(data, source, *self.args)


REGISTRY = (
    Format("text", "text", (".txt", ".text"), "demandx.loaders.text:load_text", args=("text",)),
    Format("markdown", "Markdown", (".md", ".markdown"), "demandx.loaders.text:load_text",
           args=("markdown",)),
    Format("pdf", "PDF", (".pdf",), "demandx.loaders.isolated:load_pdf_isolated", binary=True),
    Format("html", "HTML", (".html", ".htm", ".xhtml"), "demandx.loaders.markup:load_html"),
    Format("xml", "XML", (".xml",), "demandx.loaders.markup:load_xml"),
    # Word files, like PDFs, are read where a bomb costs a capped child, not the batch
    Format("docx", "Word document (.docx)", (".docx",),
           "demandx.loaders.isolated:load_docx_isolated", binary=True),
    Format("odt", "OpenDocument text (.odt)", (".odt",), "demandx.loaders.odt:load_odt",
           binary=True),
)
BY_NAME = {fmt.name: fmt for fmt in REGISTRY}
FORMATS = tuple(BY_NAME)
# Extension -> format, for directory scans and for naming the format of a file.
SUFFIX_FORMATS = {suffix: fmt.name for fmt in REGISTRY for suffix in fmt.suffixes}
READS = ", ".join(fmt.label for fmt in REGISTRY)
# Larger inputs are refused with a clear message instead of exhausting memory
# (--max-size); a document this size holds thousands of pages.
DEFAULT_MAX_MB = 100

# Formats people hand in that demandx does not read, by how their content starts:
# without this an image or an RTF file would be decoded as text and give garbage.
_UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"{\\rtf", "RTF"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office file (.doc, .xls, .ppt)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
)
_ODF_MIMETYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/epub+zip": "EPUB e-book",
    b"application/vnd.oasis.opendocument.spreadsheet": "OpenDocument spreadsheet (.ods)",
    b"application/vnd.oasis.opendocument.presentation": "OpenDocument presentation (.odp)",
}
_OOXML_PARTS = {"word/": "docx", "xl/": "Excel workbook (.xlsx)",
                "ppt/": "PowerPoint presentation (.pptx)"}


def unsupported(source: str, what: str) -> InputError:
    """The error for a document in a format demandx does not read."""
    return InputError(source, f"unsupported format: {what} (demandx reads {READS})")


def format_of(name: str, data: bytes, forced: str | None = None) -> str:
    """The format of a document, from `forced`, its content, or its name.

    Raises:
        InputError: `forced` is no format, or the content is of a format demandx does
            not read, or does not fit its extension.
    """
    if forced:
        if forced not in BY_NAME:
            raise InputError(name, f"unknown input format {forced!r} "
                                   f"(one of {', '.join(FORMATS)})")
        return forced
    sniffed = _sniff(data)
    if sniffed in BY_NAME:
        return sniffed
    if sniffed is not None:
        raise unsupported(name, sniffed)
    by_name = SUFFIX_FORMATS.get(Path(name).suffix.lower())
    if by_name == "pdf":
        raise InputError(name, "not a PDF: the file does not start with %PDF- "
                               "(wrong extension? try --input-format)")
    if by_name is not None and BY_NAME[by_name].binary:
        raise InputError(name, f"not a {BY_NAME[by_name].label}: not a zip file "
                               "(wrong extension? try --input-format)")
    if by_name in ("text", "markdown", "html"):
        # a page saved without its <html> ("<h1>Forderungen</h1><p>...") is HTML
        # still, though its first tag would open an XML document as well
        return by_name
    from demandx.loaders.markup import looks_like_markup

    markup = looks_like_markup(data)
    if markup or by_name:
        return markup or by_name
    if _binary(data):
        suffix = Path(name).suffix
        raise unsupported(name, f"{suffix} file" if suffix else "binary data")
    return "text"


def _sniff(data: bytes) -> str | None:
    """A format name from the first bytes, a label of an unsupported format, or None."""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    for magic, label in _UNSUPPORTED_MAGIC:
        if data.startswith(magic):
            return label
    return None


def _zip_kind(data: bytes) -> str:
    """What a zip archive holds: OpenDocument and EPUB say so in their first member,
    Office Open XML in its part names. A zip that cannot be listed is left to the Word
    loader, which names the damage (a truncated download)."""
    # ODF and EPUB store "mimetype" uncompressed as the first member, right after the
    # 30-byte local header and the 8-byte name
    if data[30:38] == b"mimetype":
        kind = data[38:38 + 80]
        for mimetype, name in _ODF_MIMETYPES.items():
            if kind.startswith(mimetype):
                return name
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "docx"
    for prefix, kind in _OOXML_PARTS.items():
        if any(name.startswith(prefix) for name in names):
            return kind
    if "content.xml" in names:
        return "odt"
    return "zip archive"


# Control bytes (other than tab, line ends and form feed) in more than this share of the
# first bytes: binary data, not text with a stray NUL (which the text loader drops)
_BINARY_SHARE = 0.1
_CONTROL_BYTES = bytes(set(range(32)) - {9, 10, 12, 13})


def _binary(data: bytes) -> bool:
    """Whether bytes are no text in any encoding the text loader reads (UTF-16 has NULs,
    but starts with a byte-order mark)."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > _BINARY_SHARE * len(head)


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
        from demandx.model import Text

        return Text(source=source, text="", format=fmt)
    return BY_NAME[format_of(source, data, input_format)].load(data, source)


__all__ = ["BY_NAME", "DEFAULT_MAX_MB", "FORMATS", "REGISTRY", "SUFFIX_FORMATS", "Format",
           "format_of", "load_bytes", "unsupported"]
