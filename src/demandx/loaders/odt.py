"""OpenDocument text (.odt, LibreOffice and many German and Dutch administrations):
headings, paragraphs, lists and tables of content.xml, in reading order.

Like Word, OpenDocument keeps the numbers of numbered lists out of the text (the list
style says how to count), so they are rendered here and put in front of the item: the
structure builder recognises "1." / "a)" only if they are in the line. lxml reads the
XML directly: odfpy would add a dependency for no structure that lxml does not give.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from demandx.errors import InputError
from demandx.labels import roman_numeral
from demandx.loaders.docx import MAX_MEMBERS, MAX_TOTAL_SIZE, _Lines
from demandx.model import LineHint, Text

MIMETYPE = b"application/vnd.oasis.opendocument.text"
_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_TEXT = f"{{{_NS['text']}}}"
_TABLE = f"{{{_NS['table']}}}"
_STYLE = f"{{{_NS['style']}}}"
_OFFICE = f"{{{_NS['office']}}}"
# Not the reader's text in reading order: footnotes and comments (anchored elsewhere),
# tables of contents and indexes (the headings again), frames and drawings, change marks.
_SKIP = {_TEXT + name for name in ("note", "table-of-content", "alphabetical-index",
                                   "illustration-index", "bibliography", "tracked-changes",
                                   "sequence-decls", "bookmark", "bookmark-start",
                                   "bookmark-end", "number")}
_SKIP |= {_OFFICE + "annotation", _OFFICE + "annotation-end",
          "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}frame"}
_TITLE_STYLES = ("title", "titel")


def load_odt(data: bytes, source: str) -> Text:
    """An OpenDocument text (.odt) as a `Text`: one line per paragraph, with hints.

    Raises:
        InputError: not an OpenDocument text, damaged, or a zip bomb.
    """
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS or sum(i.file_size for i in infos) > MAX_TOTAL_SIZE:
                raise InputError(source, "refused: OpenDocument file unpacks to too much "
                                         "(zip bomb?)")
            names = {info.filename for info in infos}
            if "content.xml" not in names:
                raise InputError(source, "not an OpenDocument text (.odt): no content.xml "
                                         "in the zip archive")
            content = etree.fromstring(archive.read("content.xml"), parser)
            styles = (etree.fromstring(archive.read("styles.xml"), parser)
                      if "styles.xml" in names else None)
            meta = (etree.fromstring(archive.read("meta.xml"), parser)
                    if "meta.xml" in names else None)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
            etree.LxmlError) as exc:
        raise InputError(source, f"damaged OpenDocument file: {exc}") from exc
    reader = _Reader([root for root in (styles, content) if root is not None])
    body = content.find("office:body/office:text", _NS)
    reader.walk(body if body is not None else ())
    title = None
    if meta is not None:
        found = meta.find(".//dc:title", _NS)
        title = " ".join((found.text or "").split()) or None if found is not None else None
    return Text(source=source, text="\n".join(reader.out.finish()), format="odt",
                hints=reader.out.hints, title=title or reader.title)


def _rows(table):
    """A table's rows in order, each with whether it is a header row."""
    for child in table:
        if child.tag == _TABLE + "table-row":
            yield child, False
        elif child.tag == _TABLE + "table-header-rows":
            for row in child.iterchildren(_TABLE + "table-row"):
                yield row, True
        elif child.tag in (_TABLE + "table-rows", _TABLE + "table-row-group"):
            yield from _rows(child)


class _Reader:
    """Walks office:text, numbering lists as their list styles say."""

    def __init__(self, roots):
        self.out = _Lines()
        self.title: str | None = None
        self.list_styles = {}
        self.parents = {}
        for root in roots:
            for style in root.iter(_TEXT + "list-style"):
                self.list_styles[style.get(_STYLE + "name")] = style
            for style in root.iter(_STYLE + "style"):
                self.parents[style.get(_STYLE + "name")] = (
                    style.get(_STYLE + "parent-style-name"), style.get(_STYLE + "display-name"))
        # counters per list style and level: a list that continues numbering
        # (text:continue-numbering, text:continue-list) goes on from the last one
        self.counters: dict[str | None, list[int]] = {}

    def walk(self, container) -> None:
        for child in container:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == _TEXT + "h":
                text = _text(child)
                if text:
                    level = int(child.get(_TEXT + "outline-level") or 1)
                    self.out.add(text, LineHint("heading", level=min(max(level, 1), 6)))
            elif tag == _TEXT + "p":
                text = _text(child)
                if not text:
                    continue
                if self.title is None and self._is_title(child.get(_TEXT + "style-name")):
                    self.title = text
                    self.out.add(text, LineHint("heading", level=1))
                else:
                    self.out.add(text, LineHint("para"))
            elif tag == _TEXT + "list":
                self._list(child, child.get(_TEXT + "style-name"), 1,
                           continues=child.get(_TEXT + "continue-numbering") == "true"
                           or child.get(_TEXT + "continue-list") is not None)
                self.out.end_block()
            elif tag == _TABLE + "table":
                outer = self.out.cell
                for number, (row, header) in enumerate(_rows(child), start=1):
                    column = 0
                    for cell in row:
                        if cell.tag == _TABLE + "covered-table-cell":
                            column += 1   # under a merged cell: its text is the cell's
                        elif cell.tag == _TABLE + "table-cell":
                            column += 1
                            self.out.cell = (number, column, header)
                            self.walk(cell)
                            self.out.end_block()
                self.out.cell = outer
            elif tag in (_TEXT + "section", _TABLE + "table-row", _TEXT + "soft-page-break"):
                self.walk(child)

    def _is_title(self, style: str | None) -> bool:
        seen = set()
        while style and style not in seen:
            seen.add(style)
            parent, display = self.parents.get(style, (None, None))
            if style.lower() in _TITLE_STYLES or (display or "").lower() in _TITLE_STYLES:
                return True
            style = parent
        return False

    def _list(self, element, style: str | None, level: int, continues: bool) -> None:
        style = element.get(_TEXT + "style-name") or style
        counters = self.counters.setdefault(style, [0] * 10)
        if not continues and level == 1:
            counters[:] = [0] * 10
        for item in element:
            if item.tag not in (_TEXT + "list-item", _TEXT + "list-header"):
                continue
            numbered = item.tag == _TEXT + "list-item"
            start = item.get(_TEXT + "start-value")
            if numbered and level <= len(counters):
                counters[level - 1] = int(start) if start and start.isdigit() \
                    else counters[level - 1] + 1
                counters[level:] = [0] * (len(counters) - level)
            first = True
            for child in item:
                if child.tag == _TEXT + "list":
                    self._list(child, style, level + 1, continues=True)
                elif child.tag in (_TEXT + "p", _TEXT + "h"):
                    text = _text(child)
                    if not text:
                        continue
                    label = self._label(style, level, counters) if numbered and first else None
                    first = False
                    self.out.add(f"{label} {text}" if label else text,
                                 LineHint("item", level=level, marker=label or None),
                                 style)
                elif child.tag not in _SKIP:
                    self.walk([child])

    def _label(self, style: str | None, level: int, counters: list[int]) -> str:
        """The printed label of an item, as the list style's level says to print it."""
        definition = self.list_styles.get(style)
        spec = None
        if definition is not None:
            for candidate in definition:
                if candidate.get(_TEXT + "level") == str(level):
                    spec = candidate
                    break
        if spec is None or spec.tag == _TEXT + "list-level-style-bullet":
            return "•"
        fmt = spec.get(_STYLE + "num-format") or ""
        if not fmt:
            return ""  # a numbered style that prints no number
        shown = int(spec.get(_TEXT + "display-levels") or 1)
        parts = [_format(counters[index], fmt if index == level - 1 else "1")
                 for index in range(max(level - shown, 0), level)]
        return (spec.get(_STYLE + "num-prefix") or "") + ".".join(parts) + \
            (spec.get(_STYLE + "num-suffix") or "")


def _format(value: int, fmt: str) -> str:
    if fmt in ("a", "A"):
        letters = ""
        while value > 0:
            value, rest = divmod(value - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters.upper() if fmt == "A" else letters
    if fmt in ("i", "I") and 0 < value < 4000:
        roman = roman_numeral(value)
        return roman.lower() if fmt == "i" else roman
    return str(value)


def _text(element) -> str:
    """A paragraph's text: spans and links inline, text:s and text:tab as spaces, line
    breaks as spaces (one line per paragraph keeps hints aligned), notes left out."""
    parts: list[str] = []

    def visit(node) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            tag = child.tag
            if tag == _TEXT + "s":
                parts.append(" " * int(child.get(_TEXT + "c") or 1))
            elif tag in (_TEXT + "tab", _TEXT + "line-break"):
                parts.append(" ")
            elif tag not in _SKIP:
                visit(child)
            if child.tail:
                parts.append(child.tail)

    visit(element)
    return " ".join("".join(parts).split())
