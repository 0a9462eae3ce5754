"""Word documents (.docx): paragraphs and tables in reading order, as the reader sees them.

Word keeps the numbers of automatically numbered lists out of the text (numbering.xml
says how to count), so they are rendered here and put in front of the paragraph: the
structure builder recognises "1." / "a)" / "II." only if they are in the line.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from demandx.errors import InputError
from demandx.labels import roman_numeral
from demandx.model import LineHint, Text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_MB = 1024 * 1024
# Zip bomb limits, checked on the sizes the archive declares before anything is
# unpacked; zipfile never returns more than the declared size of a member.
MAX_MEMBER_SIZE = 200 * _MB
MAX_TOTAL_SIZE = 500 * _MB
MAX_RATIO = 200
RATIO_MIN_SIZE = 10 * _MB
MAX_MEMBERS = 10_000
_MAIN_PART = re.compile(r"^word/document\d*\.xml$", re.IGNORECASE)  # Word Online: document2.xml
_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|berschrift|kop)\s*([1-9])$")
_TITLE_STYLES = ("title", "titel")
_TOC_STYLE = re.compile(r"^(?:toc|verzeichnis|inhopg)\s*[1-9]$")  # en/de/nl names and ids
# Not the reader's text: deleted revisions, field codes, text boxes and drawings (their
# text is anchored somewhere on the page, not in the paragraph), alternate renderings.
_SKIP = {_W + name for name in ("del", "moveFrom", "delText", "instrText", "rPr", "pPr",
                                 "txbxContent", "drawing", "pict", "object")} | {_MC_FALLBACK}
# A soft line break is a space: one line per paragraph keeps hints and paragraphs aligned.
_LITERAL = {_W + "tab": "\t", _W + "ptab": "\t", _W + "br": " ", _W + "cr": " ",
            _W + "noBreakHyphen": "-"}
# Word's "Start at" goes up to 32767; a crafted w:start of 10**30 must not reach the
# counters, and letters ("zz", "zzz", ...) stop at 780, thirty z's, as in Word, beyond
# which a count would spell labels millions of characters long.
_MAX_START = 32767
_MAX_LETTERS = 26 * 30


def load_docx(data: bytes, source: str) -> Text:
    """A Word document (.docx) as a `Text`: one line per paragraph, with hints.

    Raises:
        InputError: not a zip archive, not a Word document, damaged, or a zip bomb.
    """
    _check_archive(data, source)
    import docx
    from docx.exceptions import PythonDocxError
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.exceptions import OpcError
    from lxml.etree import LxmlError

    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as exc:
        kind = re.search(r"content type is '([^']+)'", str(exc))
        if kind:  # .docm and .dotx: python-docx opens only plain documents
            raise InputError(source, f"not a Word document (.docx): {kind.group(1)}") from exc
        raise InputError(source, f"damaged Word document: {exc}") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, KeyError, OSError, LxmlError,
            PythonDocxError, OpcError) as exc:
        detail = exc.args[0] if isinstance(exc, KeyError) and exc.args else exc  # no quotes
        raise InputError(source, f"damaged Word document: {detail}") from exc
    part = document.part
    # Looked up, not taken from python-docx's properties: those create defaults when the
    # part is missing (a core title "Word Document", an empty numbering part).
    styles = _Styles(_related(part, RT.STYLES))
    numbering = _Numbering(_related(part, RT.NUMBERING), styles)
    core = _related(part.package, RT.CORE_PROPERTIES)
    out = _Lines()
    body = part.element.find(_W + "body")
    _walk(body if body is not None else (), styles, numbering, out)
    title = (core.core_properties.title or "").strip() if core is not None else ""
    return Text(source=source, text="\n".join(out.finish()), format="docx", hints=out.hints,
                title=title or None, warnings=_external_parts(part, (RT.STYLES, RT.NUMBERING)))


def _external_parts(part, reltypes) -> list[str]:
    """Warnings for parts that the document links to outside itself, which are not read."""
    names = sorted({rel.reltype.rsplit("/", 1)[-1] for rel in part.rels.values()
                    if rel.is_external and rel.reltype in reltypes})
    return [f"its {name} part is a link outside the document, not followed: headings and "
            "list numbers may be missing" for name in names]


def _check_archive(data: bytes, source: str) -> None:
    """Refuse what is not a .docx, or would unpack to too much, before anything is parsed."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        if data.startswith(b"PK\x03\x04"):  # a zip that lost its end (truncated download)
            raise InputError(source, "damaged Word document: truncated or corrupt zip "
                                     "archive") from exc
        raise InputError(source, "not a Word document (.docx): not a zip file") from exc
    if len(infos) > MAX_MEMBERS:
        raise InputError(source, f"refused: Word document has {len(infos)} parts (zip bomb?)")
    total = sum(info.file_size for info in infos)
    biggest = max((info.file_size for info in infos), default=0)
    bomb = any(info.file_size > RATIO_MIN_SIZE
               and info.file_size > MAX_RATIO * max(info.compress_size, 1) for info in infos)
    if total > MAX_TOTAL_SIZE or biggest > MAX_MEMBER_SIZE or bomb:
        raise InputError(source, f"refused: Word document unpacks to {total // _MB} MB "
                                 "(zip bomb?)")
    if not any(_MAIN_PART.match(info.filename) for info in infos):
        raise InputError(source, "not a Word document (.docx): no word/document.xml in the "
                                 "zip archive")


def _related(part, reltype):
    """The part related to `part` by `reltype`, None when there is none or when it is
    outside the document (an external target is never fetched: a document must not
    make demandx reach the network or read files)."""
    try:
        return part.part_related_by(reltype)
    except (KeyError, ValueError):
        return None


def _val(element, path: str) -> str | None:
    """The w:val of the child at `path` ("w:numPr/w:ilvl"), None if absent."""
    found = element.find(path.replace("w:", _W)) if element is not None else None
    return None if found is None else found.get(_W + "val")


def _on(element, path: str) -> bool:
    """Whether a toggle property (w:vanish, w:isLgl) is set: present, and not val="0"."""
    found = element.find(path.replace("w:", _W))
    return found is not None and found.get(_W + "val") not in ("0", "false", "off")


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _start(value: str | None) -> int | None:
    """A w:start or w:startOverride value, within what Word accepts."""
    number = _int(value)
    return None if number is None else min(max(number, 0), _MAX_START)


class _Styles:
    """Paragraph properties through the style hierarchy (w:basedOn)."""

    def __init__(self, part):
        self.by_id = {}
        self.default = None
        if part is None:
            return
        for style in part.element.iterchildren(_W + "style"):
            self.by_id[style.get(_W + "styleId")] = style
            if style.get(_W + "type", "paragraph") == "paragraph" and \
                    style.get(_W + "default") in ("1", "true", "on"):
                self.default = style.get(_W + "styleId")

    def chain(self, style_id: str | None) -> list:
        """The style and those it is based on, nearest first (cycles cut)."""
        found = []
        while style_id in self.by_id and len(found) < 20:
            style = self.by_id[style_id]
            if style in found:
                break
            found.append(style)
            style_id = _val(style, "w:basedOn")
        return found


class _Numbering:
    """Word's list numbering: definitions and the running counters.

    Counters belong to the abstract definition, not to a w:num: Word continues one
    count across the w:num instances of one definition, and a w:startOverride restarts
    it where its instance is first used.
    """

    def __init__(self, part, styles: _Styles):
        root = part.element if part is not None else None
        nums = root.iterchildren(_W + "num") if root is not None else ()
        abstracts = root.iterchildren(_W + "abstractNum") if root is not None else ()
        self.nums = {n.get(_W + "numId"): n for n in nums}
        self.abstracts = {a.get(_W + "abstractNumId"): a for a in abstracts}
        self.styles = styles
        self.counts: dict[str, dict[int, int]] = {}
        self.used: set[str] = set()

    def abstract(self, num_id: str, depth: int = 0):
        """The abstract definition of a w:num, following list styles (w:numStyleLink)."""
        num = self.nums.get(num_id)
        found = self.abstracts.get(_val(num, "w:abstractNumId")) if num is not None else None
        link = _val(found, "w:numStyleLink")
        if link and depth < 3:
            style = self.styles.by_id.get(link)
            return self.abstract(_val(style, "w:pPr/w:numPr/w:numId"), depth + 1)
        return found

    def level(self, num_id: str, abstract, ilvl: int):
        for override in self.nums[num_id].iterchildren(_W + "lvlOverride"):
            if _int(override.get(_W + "ilvl")) == ilvl and override.find(_W + "lvl") is not None:
                return override.find(_W + "lvl")
        for lvl in abstract.iterchildren(_W + "lvl"):
            if _int(lvl.get(_W + "ilvl")) == ilvl:
                return lvl
        return None

    def linked_level(self, num_id: str, style_id: str | None) -> int | None:
        """The level whose w:pStyle is the paragraph's style (styles linked to a list)."""
        abstract = self.abstract(num_id)
        for lvl in abstract.iterchildren(_W + "lvl") if abstract is not None else ():
            if style_id and _val(lvl, "w:pStyle") == style_id:
                return _int(lvl.get(_W + "ilvl"))
        return None

    def label(self, num_id: str, ilvl: int) -> str | None:
        """Count one paragraph of list `num_id` at level `ilvl`; its printed label
        ("1.", "a)", "2.3", "•"; "" when the level prints nothing), None if Word would
        not number it (a missing definition)."""
        abstract = self.abstract(num_id)
        lvl = self.level(num_id, abstract, ilvl) if abstract is not None else None
        if lvl is None:
            return None
        counts = self.counts.setdefault(abstract.get(_W + "abstractNumId"), {})
        starts = {}
        for override in self.nums[num_id].iterchildren(_W + "lvlOverride"):
            start = _start(_val(override, "w:startOverride"))
            if start is not None:
                starts[_int(override.get(_W + "ilvl"))] = start
                if num_id not in self.used:
                    counts.pop(_int(override.get(_W + "ilvl")), None)
        self.used.add(num_id)

        def start_of(level: int) -> int:
            # Word writes w:start; the spec's default is 0, readers treat absence as 1
            start = _start(_val(self.level(num_id, abstract, level), "w:start"))
            return starts.get(level, 1 if start is None else start)

        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else start_of(ilvl)
        for deeper in [level for level in counts if level > ilvl]:
            restart = _int(_val(self.level(num_id, abstract, deeper), "w:lvlRestart"))
            if restart is None or ilvl < restart:  # lvlRestart is 1-based; 0 = never
                del counts[deeper]
        fmt = _val(lvl, "w:numFmt") or "decimal"
        if fmt == "bullet":
            return "•"
        legal = _on(lvl, "w:isLgl")  # "legal" numbering: every level in digits

        def render(match: re.Match) -> str:
            level = int(match.group(1)) - 1
            if level > ilvl:
                return ""
            own = _val(self.level(num_id, abstract, level), "w:numFmt") or "decimal"
            return _format(counts.get(level, start_of(level)), "decimal" if legal else own)

        return re.sub(r"%([1-9])", render, _val(lvl, "w:lvlText") or "").strip()


def _format(value: int, fmt: str) -> str:
    if fmt == "none":
        return ""
    if fmt in ("lowerLetter", "upperLetter") and 0 < value <= _MAX_LETTERS:
        letters = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)  # y, z, aa, bb
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = roman_numeral(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)  # decimal, and the formats we do not spell out (ordinalText, ...)


class _Lines:
    """Collects lines and hints; a blank line between blocks, none inside one list."""

    def __init__(self):
        self.lines: list[str] = []
        self.hints: dict[int, LineHint] = {}
        self.lists: set[str] | None = None  # lists of the running item sequence
        self.depth = 0
        self.cell: tuple[int, int, bool] | None = None   # row, column, header

    def add(self, text: str, hint: LineHint, list_id: str | None = None) -> None:
        if self.cell is not None and hint.kind == "para":
            # where the cell stands, not `cell`: a Word document's cells may be its
            # layout (a title set in a letterhead table), short lines that head a part
            row, column, header = self.cell
            hint = LineHint("para", row=row, column=column, header=header)
        in_list = self.lists is not None and hint.kind == "item" and (
            list_id in self.lists or hint.level > self.depth)  # or a sub-list inside it
        if self.lines and self.lines[-1] and not in_list:
            self.lines.append("")
        self.hints[len(self.lines)] = hint
        self.lines.append(text)
        if hint.kind == "item":
            self.lists = ({list_id} | (self.lists or set())) if in_list else {list_id}
            self.depth = hint.level
        else:
            self.lists = None

    def end_block(self) -> None:
        if self.lines and self.lines[-1]:
            self.lines.append("")
        self.lists = None

    def finish(self) -> list[str]:
        while self.lines and not self.lines[-1]:
            self.lines.pop()
        return self.lines


def _walk(container, styles: _Styles, numbering: _Numbering, out: _Lines) -> None:
    """Paragraphs and tables of the body or a table cell, in document order."""
    for child in container:
        if child.tag == _W + "p":
            _paragraph(child, styles, numbering, out)
        elif child.tag == _W + "tbl":
            outer = out.cell
            for number, row in enumerate(child.iterchildren(_W + "tr"), start=1):
                # a row Word repeats at the top of each page is the table's header
                header = _on(row, "w:trPr/w:tblHeader")
                for column, cell in enumerate(row.iterchildren(_W + "tc"), start=1):
                    merge = cell.find(f"{_W}tcPr/{_W}vMerge")
                    if merge is not None and merge.get(_W + "val") != "restart":
                        continue  # continuation of a vertically merged cell: no own text
                    out.cell = (number, column, header)
                    _walk(cell, styles, numbering, out)
                    out.end_block()
            out.cell = outer
            out.end_block()
        elif child.tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            _walk(child, styles, numbering, out)  # content controls wrap ordinary blocks


def _paragraph(p, styles: _Styles, numbering: _Numbering, out: _Lines) -> None:
    ppr = p.find(_W + "pPr")
    style_id = _val(ppr, "w:pStyle") or styles.default
    chain = styles.chain(style_id)
    props = [ppr, *(style.find(_W + "pPr") for style in chain)]
    num_id = _first(props, "w:numPr/w:numId")
    label = None
    level = 0
    if num_id != "0" and num_id in numbering.nums:  # numId 0 switches numbering off
        ilvl = _int(_first(props, "w:numPr/w:ilvl"))
        if ilvl is None:
            ilvl = numbering.linked_level(num_id, style_id) or 0
        level = min(max(ilvl, 0), 8) + 1
        label = numbering.label(num_id, level - 1)
    text = " ".join(_run_text(p).split("\n")).strip()
    if not text:
        return  # spacing only (a numbered one was counted above: Word prints its number)
    names = [(_val(chain[0], "w:name") or "").lower(), (style_id or "").lower()] if chain else []
    heading = _heading_level(names, _int(_first(props, "w:outlineLvl")))
    if any(_TOC_STYLE.match(name) for name in names):
        out.add(text, LineHint("skip"))  # table of contents: headings again, with pages
    elif heading:
        text = f"{label} {text}" if label and label != "•" else text
        out.add(text, LineHint("heading", level=min(heading, 6)))
    elif label is not None:
        out.add(f"{label} {text}" if label else text,
                LineHint("item", level=level, marker=label or None),
                numbering.abstract(num_id).get(_W + "abstractNumId"))
    else:
        out.add(text, LineHint("para"))


def _first(props: list, path: str) -> str | None:
    """The first w:val at `path` in the paragraph's own properties, then its styles'."""
    return next((v for v in (_val(x, path) for x in props) if v is not None), None)


def _heading_level(names: list[str], outline: int | None) -> int:
    """Heading level from the style's name or id ("Heading 2", "Überschrift 2", "Kop 2",
    "Title") or else the outline level (Word's navigation pane; custom heading styles)."""
    for name in names:
        if name.strip() in _TITLE_STYLES:
            return 1
        match = _HEADING_STYLE.match(name.strip())
        if match:
            return int(match.group(1))
    return outline + 1 if outline is not None and 0 <= outline < 9 else 0  # 9: body text


def _run_text(element) -> str:
    """The visible text of a paragraph: runs, also inside links, fields, insertions and
    content controls."""
    parts = []
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue  # comments, entity references; see _SKIP
        if tag == _W + "t":
            parts.append(child.text or "")
        elif tag in _LITERAL:
            parts.append(_LITERAL[tag])
        elif tag == _W + "r" and _on(child, "w:rPr/w:vanish"):
            continue  # hidden text
        else:
            parts.append(_run_text(child))
    return "".join(parts).replace("\r", " ").replace("\f", " ").replace("\v", " ")
