"""HTML, XHTML and generic XML with lxml: the text in document order, one line per block.

HTML: headings `h1`-`h6`, list items (numbered as the browser would number them),
paragraphs, block quotes, table cells; scripts, styles, navigation and forms dropped.
Generic XML (such as Dutch official-publication XML): every element that holds text of
its own is a block, inline children (sub- and superscripts, emphasis) stay in its line.

Parsing never touches the file system or the network: no DTDs are loaded, no entities
resolved (so neither external entities nor "billion laughs" expand), and lxml's limits
on huge trees stay on.
"""

from __future__ import annotations

import re

from demandx.errors import InputError
from demandx.labels import roman_numeral
from demandx.model import LineHint, Text

_DROP = {"script", "style", "noscript", "template", "nav", "form", "button", "select",
         "iframe", "svg", "canvas", "object", "embed", "head", "meta", "link", "aside"}
# What a page's furniture is called in its class or id ("wp-block-comments",
# "jp-relatedposts", "cookie-banner", "share-buttons", "breadcrumb") or its ARIA role: a
# comment section, related links, widgets, banners, the site's footer. Conventions of web
# markup, in English whatever the page's language.
_FURNITURE_NAMES = frozenset({
    "breadcrumb", "breadcrumbs", "comment", "comments", "commentlist", "consent", "cookie",
    "cookies", "footer", "newsletter", "related", "relatedposts", "respond", "share", "sharedaddy",
    "sharing", "sidebar", "social", "widget", "widgets"})
_FURNITURE_ROLES = frozenset({"navigation", "complementary", "search", "contentinfo"})
_NAME_PARTS = re.compile(r"[^a-z0-9]+")
# never furniture, whatever they are called: the page's content
_CONTENT = {"body", "html", "main", "article"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = {"p", "div", "li", "blockquote", "td", "th", "dd", "dt", "pre", "section",
           "article", "header", "footer", "main", "figcaption", "caption", "address",
           "center", "tr", "table", "tbody", "thead", "ul", "ol", "dl", "body", "html",
           "details", "summary", "fieldset", "legend", "hr", "br_block"} | set(_HEADINGS)
_LISTS = {"ul", "ol"}
_MENU_WORDS = 2   # the most words of a menu entry ("Over ons"; "Freeze rents now" is a demand)
_CELLS = {"td", "th"}
_TABLE_PARTS = {"table", "thead", "tr"} | _CELLS
# Element names that hold titles in XML vocabularies (HTML, DocBook, Dutch official
# publications, TEI): shown as headings.
_XML_TITLES = {"title", "titel", "kop", "head", "heading", "h1", "h2", "h3", "h4", "h5", "h6"}
_SPACES = re.compile(r"\s+")
_BREAK = "\n\x00"   # a <br> in a block's text, until the writer splits it into lines
# Pages nested deeper than Python's recursion limit are walked in a thread with a stack
# this large (about 8 KB per nesting level covers the walk's frames with room to spare);
# beyond _MAX_DEPTH levels a page is refused.
_MAX_DEPTH = 10_000
_STACK_BASE = 16 * 1024 * 1024
_STACK_PER_LEVEL = 16 * 1024
_XML_DECL = re.compile(rb"^\s*(<\?xml[^>]*\?>)?\s*(<!--.*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<",
                       re.DOTALL)


def _local(tag) -> str:
    """An element's name without namespace ("{http://www.w3.org/1999/xhtml}p" -> "p")."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].lower()


def _xml_parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, recover=False,
                           remove_comments=True, remove_pis=True)


def _html_parser():
    from lxml import html

    return html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                           default_doctype=False, huge_tree=True)


def looks_like_markup(data: bytes) -> str | None:
    """"html", "xml" or None, judged from the first bytes of a file."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<?xml")
                                                          and b"<html" in head):
        return "html"
    if head.startswith(b"<?xml") or (head.startswith(b"<") and _XML_DECL.match(data[:2048])
                                     and head[1:2].isalpha()):
        return "xml"
    return None


class _Writer:
    """Collects lines and their hints; a blank line between blocks.

    line_breaks: a paragraph's `<br>` ends a line of it ("1. ...<br>2. ..." is a list
    written with line breaks); pdftohtml's pages, where every printed line ends in
    `<br>`, set it False.
    """

    def __init__(self, line_breaks: bool = True) -> None:
        self.lines: list[str] = []
        self.hints: dict[int, LineHint] = {}
        self.line_breaks = line_breaks
        self.list_closed = False   # a list has just ended: the next paragraph is not in it
        self.rows: list[int] = []  # rows so far of each table the walk is inside
        self.cell: tuple[int, int, bool] | None = None   # row, column, header
        self.column = 0
        self.head = False          # inside a table's <thead>

    def enter(self, name: str) -> tuple:
        """Note where a table part starts; returns what `leave` restores (a cell's
        column stays counted: the row's next cell is the one after it)."""
        if name in _CELLS:
            self.column += 1
        saved = (self.cell, self.column, self.head, len(self.rows))
        if name == "table":
            self.rows.append(0)
            self.cell, self.column, self.head = None, 0, False
        elif name == "thead":
            self.head = True
        elif name == "tr" and self.rows:
            self.rows[-1] += 1
            self.column = 0
        elif name in _CELLS:
            self.cell = (self.rows[-1] if self.rows else 0, self.column,
                         name == "th" or self.head)
        return saved

    def leave(self, saved: tuple) -> None:
        self.cell, self.column, self.head, depth = saved
        del self.rows[depth:]

    def block(self, text: str, hint: LineHint, tight: bool = False) -> None:
        lines = [_SPACES.sub(" ", line).strip() for line in text.split(_BREAK)]
        lines = [line for line in lines if line]
        if hint.kind != "para":
            lines = [" ".join(lines)] if lines else []
        if not lines:
            return
        self.list_closed = False
        if self.lines and self.lines[-1] != "" and not tight:
            self.lines.append("")
        self.hints[len(self.lines)] = hint
        self.lines += lines

    def gap(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")

    def text(self) -> str:
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines)


def load_html(data: bytes, source: str) -> Text:
    """An HTML or XHTML page as a `Text` (XHTML is tried as XML first).

    Raises:
        InputError: the bytes are not an HTML document lxml can read.
    """
    from lxml import etree, html

    from demandx.loaders.frontmatter import split_front_matter

    meta_title, data = split_front_matter(data)
    root = None
    warnings: list[str] = []
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml"):
        try:
            root = etree.fromstring(data, _xml_parser())
        except etree.XMLSyntaxError as exc:
            _refuse_bomb(exc, source)   # not retried as HTML: that would expand it
            root = None
    if root is None:
        from demandx.loaders.text import decode

        # decode first: lxml reads HTML without a charset declaration as Latin-1
        parser = _html_parser()
        try:
            root = html.fromstring(decode(data, source, warnings), parser=parser)
        except (etree.ParserError, ValueError) as exc:
            raise InputError(source, f"not readable as HTML ({exc})") from exc
        warnings += _cut_short(parser)
    if root is None:
        raise InputError(source, "empty HTML document")
    from demandx.loaders import pdftohtml

    converted = pdftohtml.made_by_pdftohtml(root)
    if converted:
        pdftohtml.bullets_as_bullets(root)
    writer = _Writer(line_breaks=not converted)
    title = None
    for element in root.iter():
        if _local(element.tag) == "title" and element.text and element.text.strip():
            title = _SPACES.sub(" ", element.text).strip()
            break
    body = next((e for e in root.iter() if _local(e.tag) == "body"), root)
    try:
        _walk_html(body, writer, depth=0)
    except RecursionError:
        writer = _Writer(line_breaks=not converted)
        _walk_deep(body, writer, source)
    if converted:
        pdftohtml.skip_running_lines(writer.lines, writer.hints, pdftohtml.page_count(root))
    return Text(source=source, text=writer.text(), format="html", hints=writer.hints,
                title=title or meta_title, warnings=warnings)


def _walk_html(element, writer: _Writer, depth: int) -> None:
    """Emit the blocks of an HTML element: its own inline text as one block, nested
    blocks as their own."""
    name = _local(element.tag)
    if name in _DROP or _is_furniture(element, name):
        return
    if name in _TABLE_PARTS:
        saved = writer.enter(name)
        try:
            _walk_block(element, writer, depth, name)
        finally:
            writer.leave(saved)
        return
    _walk_block(element, writer, depth, name)


def _walk_block(element, writer: _Writer, depth: int, name: str) -> None:
    """_walk_html once the element's place in a table is noted."""
    if name in _LISTS:
        if _is_menu(element):
            return
        number = _start(element)
        for child in element:
            if _local(child.tag) == "li":
                marker = _ordinal(element, number) if name == "ol" else "•"
                _list_item(child, writer, depth + 1, marker)
                number += 1
            else:
                _walk_html(child, writer, depth)
        writer.gap()
        writer.list_closed = True
        return
    inline: list[str] = [element.text or ""]
    for child in element:
        child_name = _local(child.tag)
        if child_name in _BLOCKS or child_name in _DROP:
            _flush(writer, inline, name, depth)
            inline = []
            _walk_html(child, writer, depth)
        elif child_name == "br":
            inline.append(_BREAK if writer.line_breaks else " ")
        else:
            inline.append(_inline_text(child))
        inline.append(child.tail or "")
    _flush(writer, inline, name, depth)


def _is_furniture(element, name: str) -> bool:
    """Whether an element is page furniture by its class, id or role: a comment
    section, related posts, a share bar, a cookie banner, a breadcrumb trail. One that
    holds the page's main heading or its article is content, whatever it is called."""
    if name in _CONTENT:
        return False
    get = getattr(element, "get", None)
    if get is None:
        return False
    if (get("role") or "").strip().lower() in _FURNITURE_ROLES:
        return True
    words = f"{get('class') or ''} {get('id') or ''}".lower()
    if not words.strip() or not _FURNITURE_NAMES.intersection(_NAME_PARTS.split(words)):
        return False
    return not any(_local(child.tag) in ("h1", "main", "article") for child in element.iter())


def _is_menu(element) -> bool:
    """Whether a list is a site's menu written without <nav>: two or more items, each
    nothing but one short link ("Home", "Demands", "FAQ"). A list of headlines that link
    to their articles has longer items."""
    items = [child for child in element if _local(child.tag) == "li"]
    if len(items) < 2:
        return False
    for item in items:
        text = " ".join("".join(item.itertext()).split())
        links = [a for a in item.iter() if _local(a.tag) == "a"]
        if not text or len(links) != 1 or len(text.split()) > _MENU_WORDS or \
                " ".join("".join(links[0].itertext()).split()) != text:
            return False
    return True


def _cut_short(parser) -> list[str]:
    """A warning when the parser stopped at one of libxml2's limits (nesting deeper
    than 2,048 elements even with huge_tree): what comes after is not in the text."""
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            return [f"the page is cut short at line {entry.line}: {entry.message.strip()} "
                    "(the HTML parser's limit); the rest is not read"]
    return []


def _walk_deep(body, writer: _Writer, source: str) -> None:
    """_walk_html for a page nested deeper than Python's recursion limit (unclosed
    `<div>` or `<font>` on every paragraph of an old generated page: each one level
    deeper). It runs in a thread whose stack and recursion limit fit the page's depth;
    deeper than _MAX_DEPTH is refused."""
    import sys
    import threading

    from lxml import etree

    depth = deepest = 0
    for event, _element in etree.iterwalk(body, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    if deepest > _MAX_DEPTH:
        raise InputError(source, f"refused: the page nests {deepest:,} elements deep, "
                                 f"more than the {_MAX_DEPTH:,} read")
    failure: list[BaseException] = []

    def walk() -> None:
        try:
            _walk_html(body, writer, depth=0)
        except BaseException as exc:  # handed to the caller's thread
            failure.append(exc)

    limit = sys.getrecursionlimit()
    stack = threading.stack_size(_STACK_BASE + deepest * _STACK_PER_LEVEL)
    try:
        sys.setrecursionlimit(max(limit, 4 * deepest + 1000))
        thread = threading.Thread(target=walk, name="demandx-deep-html")
        thread.start()
        thread.join()
    finally:
        threading.stack_size(stack)
        sys.setrecursionlimit(limit)
    if failure:
        raise failure[0]


def _flush(writer: _Writer, parts: list[str], name: str, depth: int) -> None:
    text = "".join(parts)
    if name in _HEADINGS:
        writer.block(text, LineHint("heading", level=_HEADINGS[name]))
    else:
        # every block inside a cell is the cell's ("<td><p>...</p></td>")
        row, column, header = writer.cell or (0, 0, False)
        writer.block(text, LineHint("para", outside_lists=depth == 0 and writer.list_closed,
                                    cell=name in _CELLS or writer.cell is not None,
                                    row=row, column=column, header=header))


def _list_item(element, writer: _Writer, depth: int, marker: str) -> None:
    """A list item: its own text as one item line, nested lists after it. An item that
    opens with a heading (a card of a list of news: headline, date, teaser) is a part of
    the page with that heading: its blocks in their order, none of them a point."""
    children = [child for child in element if _local(child.tag) not in _DROP]
    if children and _local(children[0].tag) in _HEADINGS and not (element.text or "").strip():
        _walk_block(element, writer, depth, _local(element.tag))
        return
    own: list[str] = [element.text or ""]
    nested = []
    for child in element:
        child_name = _local(child.tag)
        if child_name in _LISTS or (child_name in _BLOCKS and child_name not in ("p", "div")):
            nested.append(child)
        elif child_name in _DROP:
            pass
        else:
            own.append(_inline_text(child))
        own.append(child.tail or "")
    text = _SPACES.sub(" ", "".join(own)).strip()
    if text:
        writer.block(f"{marker} {text}", LineHint("item", level=depth, marker=marker),
                     tight=bool(writer.lines) and writer.lines[-1] != ""
                     and (len(writer.lines) - 1) in writer.hints
                     and writer.hints[len(writer.lines) - 1].kind == "item")
    for child in nested:
        if _local(child.tag) in _LISTS:
            number = _start(child)
            for grandchild in child:
                if _local(grandchild.tag) == "li":
                    sub_marker = _ordinal(child, number) if _local(child.tag) == "ol" else "•"
                    _list_item(grandchild, writer, depth + 1, sub_marker)
                    number += 1
        else:
            _walk_html(child, writer, depth)


def _ordinal(element, number: int) -> str:
    """The label of an ordered list's item `number` by the list's type ("1", "a", "A",
    "i", "I"): letters as "a)", which the label reader takes for letters where "i." could
    be a numeral; beyond "z", and for any other type, the number."""
    kind = element.get("type", "1")
    if kind in ("a", "A") and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return f"{letter.upper() if kind == 'A' else letter})"
    if kind in ("i", "I") and 1 <= number <= 3999:
        numeral = roman_numeral(number)
        return f"{numeral if kind == 'I' else numeral.lower()}."
    return f"{number}."


def _start(element) -> int:
    try:
        return int(element.get("start", "1"))
    except ValueError:
        return 1


def _inline_text(element) -> str:
    """All text inside an inline element, scripts and styles left out."""
    if _local(element.tag) in _DROP:
        return ""
    if _local(element.tag) == "br":
        return " "
    parts = [element.text or ""]
    for child in element:
        parts.append(_inline_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def load_xml(data: bytes, source: str) -> Text:
    """A generic XML document as a `Text`: text-bearing elements as blocks.

    Raises:
        InputError: the bytes are not well-formed XML.
    """
    from lxml import etree

    try:
        root = etree.fromstring(data, _xml_parser())
    except etree.XMLSyntaxError as exc:
        _refuse_bomb(exc, source)
        raise InputError(source, f"malformed XML: {str(exc).splitlines()[0]}") from exc
    if root is None:
        raise InputError(source, "empty XML document")
    if _local(root.tag) == "html":
        return load_html(data, source)
    writer = _Writer()
    _walk_xml(root, writer)
    return Text(source=source, text=writer.text(), format="xml", hints=writer.hints)


def _refuse_bomb(exc: Exception, source: str) -> None:
    """Raise InputError when lxml stopped at an entity expansion bomb."""
    message = (str(exc).splitlines() or [""])[0]
    if "amplification" in message or ("entity" in message.lower() and "loop" in message):
        raise InputError(source, "refused: XML entity expansion bomb") from exc


def _walk_xml(element, writer: _Writer) -> None:
    """Elements with text of their own are blocks; elements without are containers."""
    if not isinstance(element.tag, str):
        return
    if (element.text or "").strip() or any((child.tail or "").strip() for child in element):
        text = _inline_text(element)
        name = _local(element.tag)
        if name in _XML_TITLES:
            writer.block(text, LineHint("heading", level=2))
        else:
            writer.block(text, LineHint("para"))
        return
    for child in element:
        _walk_xml(child, writer)
