"""Text -> lines, each cleaned of what is not the author's words.

Removed, with every remaining character still mapped to its document offset:
margin letters that PDF extraction scatters at line ends, margin line numbers (the
1, 2, 3 ... that motions and Anträge print before every line), page numbers and running
page headers, inline Markdown/HTML markup. Lines that are page furniture are marked
`skip`: they are transparent to paragraphs, so a list that crosses a page break
stays one list.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from demandx.mapped import Mapped
from demandx.model import LineHint, Text

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_HEADING_PREFIX = re.compile(r"^\s*#{1,6}\s+")
_MD_HEADING_SUFFIX = re.compile(r"\s+#+\s*$")
_BOLD_LINE = re.compile(r"^(\*\*|__)(?P<body>[^*_].*?)(\*\*|__)\s*:?\s*$")
_INLINE_MARKUP = re.compile(
    r"\*\*|__(?=\S)|(?<=\S)__"            # bold
    r"|<[A-Za-z/!][^<>]{0,300}>"           # HTML tags and comments: <br>, </a>
    r"|\{%.*?%\}|\{\{.*?\}\}"              # Liquid/Jinja template tags
    # Markdown escapes of any ASCII punctuation, as converters write them: "\*" -> "*",
    # "1\." -> "1.", "Vice\-President" -> "Vice-President"
    r"|\\(?=[!-/:-@\[-`{-~])"
    r"|\\$"                               # a hard line break (CommonMark): "Antrag:\"
    r"|`"
)
_MARKUP_CHARS = re.compile(r"[*_<{\\\[`]")
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_MARGIN_LETTER = re.compile(r"(?<=\S)\s+(?:[^\W\d_]|-)$")
_PAGE_NUMBER_LINE = re.compile(
    r"^\s*(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}|(?:seite|pagina|page|blatt)\s+\d{1,4}"
    r"(?:\s*(?:von|van|of|/)\s*\d{1,4})?|\d{1,4}\s*(?:/|von|van|of)\s*\d{1,4})\s*$",
    re.IGNORECASE,
)
_PAGE_MARK_INSIDE = re.compile(r"(?:^|\s)[-–—]\s?\d{1,4}\s?[-–—](?:\s|$)")
# a page count at the end of a line: "... pagina 1 van 2", "Seite 3 von 9", "Page 2 of 3"
_PAGE_COUNT_END = re.compile(r"(?:^|\s)(?:seite|pagina|page|blatt)\s+\d{1,4}\s*(?:von|van|of|/)\s*"
                             r"\d{1,4}\s*$", re.IGNORECASE)
_BLOCKQUOTE = re.compile(r"^(?:>[ \t]?)+")
_BREADCRUMB = re.compile(r"^(?:\[[^\]\n]*\]\([^)\n]*\)\s*[›>»/|·]\s*)+[^\[\]()\n]{0,80}$")
_DIGITS = re.compile(r"\d+")
_OUTER_NUMBER = re.compile(r"^#\s+|\s+#$")
_FOOTNOTE = re.compile(r"^(\d{1,3})[ \t]+\S")
_WEB_ADDRESS = re.compile(r"https?://|www\.")
_WRAPPED_ADDRESS = re.compile(r"^[\w./%?=&#~+-]{6,}$")
_STAMP_REPEATS = 3   # how often a stamp's lines repeat, the fewest pages it shows on
_STAMP_WORDS = 4     # the fewest words of two lines of a stamp ("Ja" / "Nein" is none)
_LINE_NUMBER = re.compile(r"^\s*(\d{1,4})(?=\s|$)")
_MIN_NUMBERED_LINES = 20
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_RULE_STARTS = set("-*_=~ ")
_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*[=~]{3,}\s*$")


@dataclass
class Line:
    """One line of the document text.

    raw: the line with surrounding whitespace and margin letters removed (for telling
        headings, rules and markers apart: it still has its `#` and `**`).
    content: the clean words of the line, mapped to document offsets.
    heading_level: Markdown heading level (1-6), 0 if not a Markdown heading.
    bold: the whole line is bold (`**...**`), a heading in many Markdown documents.
    hard_break: the line ends in a Markdown hard line break (`\\`): the next line goes on
        in the same paragraph, whatever the line ends with.
    soft_break: the format joins the next line to this one's paragraph unless it opens
        a block of its own (a Markdown line: its end is a soft line break).
    """

    index: int
    start: int
    raw: str
    content: Mapped
    indent: int
    blank: bool
    skip: bool = False
    rule: bool = False
    heading_level: int = 0
    bold: bool = False
    hint: LineHint | None = None
    hard_break: bool = False
    soft_break: bool = False

    @property
    def text(self) -> str:
        return self.content.text

    @property
    def number(self) -> int:
        """1-based line number, as editors show it."""
        return self.index + 1


def split_lines(text: Text) -> list[Line]:
    """The document's lines, cleaned, with page furniture marked `skip`."""
    document = text.text
    starts = [0]
    for match in re.finditer("\n", document):
        starts.append(match.end())
    ends = [s - 1 for s in starts[1:]] + [len(document)]
    raw_lines = [document[s:e] for s, e in zip(starts, ends, strict=True)]
    strip_margin = _has_margin_letters(raw_lines)
    furniture = _running_headers(raw_lines, text) | _stamped(raw_lines) | _footnotes(raw_lines)
    numbered = _line_numbers(raw_lines)
    lines = []
    for index, (start, end) in enumerate(zip(starts, ends, strict=True)):
        line = _make_line(text, index, start, end, strip_margin, index in furniture,
                          numbered.get(index, 0))
        lines += _split_inline_list(line)
    if text.format in _UNDERLINING_FORMATS:
        _underlined_headings(lines, text.format == "markdown")
    if text.format == "markdown":
        lines = _pipe_tables(lines)
    return lines


# A Markdown table's delimiter row under its header: "|---|:---:|", "--- | ---"
_TABLE_DELIMITER = re.compile(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?$|^\|\s*:?-+:?\s*\|$")
_CELL_BORDER = re.compile(r"(?<!\\)\|")


def _pipe_tables(lines: list[Line]) -> list[Line]:
    """A Markdown pipe table's rows as their cells, each a line that says where it
    stands (as HTML's <td> do): "| Nr. | Wat we vragen | Aan wie |" + "|---|---|---|" +
    rows. The delimiter row is no content."""
    out: list[Line] = []
    row = 0
    for position, line in enumerate(lines):
        below = lines[position + 1] if position + 1 < len(lines) else None
        if not row and below is not None and "|" in line.text and not line.heading_level \
                and _TABLE_DELIMITER.match(below.raw.strip()):
            row = 1
        elif row and (line.blank or "|" not in line.raw):
            row = 0
        if not row:
            out.append(line)
            continue
        if _TABLE_DELIMITER.match(line.raw.strip()):
            line.rule, line.skip = False, True
            out.append(line)
            continue
        out += _cells(line, row)
        row += 1
    return out


def _cells(line: Line, row: int) -> list[Line]:
    text = line.text
    borders = [match.start() for match in _CELL_BORDER.finditer(text)]
    if not text.startswith("|"):
        borders.insert(0, -1)
    if not text.rstrip().endswith("|"):
        borders.append(len(text))
    cells = []
    for column, (start, end) in enumerate(itertools.pairwise(borders), start=1):
        content = line.content.slice(start + 1, end).strip()
        if content:
            cells.append(Line(index=line.index, start=content.doc_span()[0], raw=content.text,
                              content=content, indent=0, blank=False,
                              hint=LineHint("para", cell=True, row=row, column=column,
                                            header=row == 1)))
    return cells or [line]


# Formats whose writers underline a title with a row of "=" or "-"
_UNDERLINING_FORMATS = ("text", "markdown")
_UNDERLINE = re.compile(r"^\s*(?:(=+)|-+)\s*$")
# Plain text underlines a title with a row about as long as the title: a row much longer
# or shorter separates the line above from what follows (a signature, a date)
_UNDERLINE_FIT = (0.6, 1.5)


def _underlined_headings(lines: list[Line], markdown: bool) -> None:
    """A one-line paragraph underlined with "===" or "---" (Markdown's setext headings,
    and how plain text sets a title) is a heading of level 1 or 2, and its underline no
    rule that ends the part before it ("### Toelichting" + text + "Motie M7" + "-----":
    the motion is no part of the explanation)."""
    for position in range(1, len(lines)):
        line, above = lines[position], lines[position - 1]
        match = _UNDERLINE.match(line.raw) if line.rule else None
        if match is None or above.blank or above.skip or above.rule or above.heading_level:
            continue
        if position >= 2 and not lines[position - 2].blank:
            continue  # the last line of a paragraph: CommonMark would head it all
        low, high = _UNDERLINE_FIT
        width = len(line.raw.strip())
        if not markdown and not low * len(above.raw) <= width <= high * len(above.raw):
            continue
        above.heading_level = 1 if match.group(1) else 2
        line.rule, line.skip = False, True


# "Verzoekt het college: - de wegen te herstellen; - de bomen te snoeien;" written on one
# line: a dash after a colon or semicolon opens the next item
_INLINE_ITEM = re.compile(r"(?<=[:;])\s+(?=[-–−•▪]\s)")
# "Forderungen: • Mehr Lehrkräfte • Kleinere Klassen": a bullet, which no sentence
# holds (unlike a dash), opens an item wherever it stands
_INLINE_BULLET = re.compile(r"\s+(?=[•▪]\s)")
# "wird beauftragt, 1. ein Konzept vorzulegen; 2. die Kosten zu berechnen": numbers that
# count 1, 2, ... after a colon, semicolon or comma
_INLINE_NUMBER = re.compile(r"(?<=[:;,])\s+(?=(\d{1,2})[.)]\s)")
# "1. Der Präsident muss ... . 2. Die Stadt muss ...": a line that opens on point 1 (or
# a) and goes on to 2, ... (b, ...) after the end of a sentence
_LEADING_LABEL = re.compile(r"\s*(?:(1)|\(?(a))[.)]\s")
_INLINE_NEXT_LABEL = re.compile(r"(?<=[.!?;:])\s+(?=(\d{1,2}|[a-z])[.)]\s)")
_INLINE_INDENT = 2
# what each of the three above needs to find a cut at all: most lines hold none, and
# are turned down by one search instead of three
_ANY_INLINE_CUT = re.compile(r"[:;]\s+[-–−•▪]\s|\s[•▪]\s|[:;,]\s+\d{1,2}[.)]\s")


def _split_inline_list(line: Line) -> list[Line]:
    """A line that holds a lead-in and two or more dashed items, as lines of their own:
    the items one level deeper than the lead-in (they belong to it)."""
    if line.blank or line.skip or line.rule or line.heading_level:
        return [line]
    cuts: list[int] = []
    if _ANY_INLINE_CUT.search(line.text):
        cuts = [match.end() for match in _INLINE_ITEM.finditer(line.text)]
        if len(cuts) < 2:
            cuts = [match.end() for match in _INLINE_BULLET.finditer(line.text)]
        if len(cuts) < 2:
            cuts = _counted_cuts(line.text, _INLINE_NUMBER, "1")
    # the points of a line that opens on its first are its siblings, not its items
    opening = _LEADING_LABEL.match(line.text) if len(cuts) < 2 else None
    leading = opening is not None
    if opening is not None:
        cuts = _counted_cuts(line.text, _INLINE_NEXT_LABEL, "2" if opening.group(1) else "b")
    if len(cuts) < (1 if leading else 2):
        return [line]
    bounds = [0, *cuts, len(line.text)]
    pieces = []
    for number, (start, end) in enumerate(itertools.pairwise(bounds)):
        content = line.content.slice(start, end).strip()
        if not content:
            continue
        deeper = number and not leading
        pieces.append(Line(index=line.index, start=content.doc_span()[0], raw=content.text,
                           content=content,
                           indent=line.indent + (_INLINE_INDENT if deeper else 0),
                           blank=False, hint=line.hint if not number else None))
    return pieces


def _counted_cuts(text: str, labels: re.Pattern[str], first: str) -> list[int]:
    """Where the inline points `first` and those that count on from it ("2", "3", ...
    or "b", "c", ...) of a line start (none unless they count on from `first`)."""
    cuts: list[int] = []
    expected = first
    for match in labels.finditer(text):
        if match.group(1) == expected:
            cuts.append(match.end())
            expected = str(int(expected) + 1) if expected.isdigit() else chr(ord(expected) + 1)
    return cuts


def _make_line(text: Text, index: int, start: int, end: int, strip_margin: bool,
               furniture: bool, number_width: int = 0) -> Line:
    hint = text.hints.get(index)
    line_start = start
    start += number_width  # the margin's line number is no part of the text
    line = text.text[start:end]
    if _CONTROL.search(line):
        mapped = Mapped.of(text.text, start, end).remove(_CONTROL)
        indent_text = mapped.text.expandtabs(4)
        mapped = mapped.strip()
    else:
        # the common case: strip by offsets, without intermediate Mapped objects
        indent_text = line.expandtabs(4) if "\t" in line else line
        left = len(line) - len(line.lstrip())
        right = len(line.rstrip())
        mapped = Mapped.of(text.text, start + left, start + max(left, right))
    indent = len(indent_text) - len(indent_text.lstrip())
    if strip_margin:
        mapped = mapped.remove(_MARGIN_LETTER).strip()
    if text.format == "markdown" and mapped.text[:1] == ">":
        # a block quote's lines ("> Geachte minister,", ">") are the quoted text's own
        mapped = mapped.remove(_BLOCKQUOTE).strip()
    # a breadcrumb trail of links ("[Home](/) › [Standpunten](/standpunten) › Programma")
    # is the site's navigation, not the page's text
    crumbs = mapped.text[:1] == "[" and bool(_BREADCRUMB.match(mapped.text))
    raw = mapped.text
    blank = not raw
    skip = crumbs or furniture or (hint is not None and hint.kind == "skip")
    # a table cell that holds a number ("2025", "- 3 -") is data, not a page number
    if not blank and not skip and text.format != "markdown" and \
            not (hint is not None and hint.in_table) and _is_page_furniture(raw):
        skip = True
    rule = not skip and raw[:1] in _RULE_STARTS and bool(_RULE.match(raw)) and not (hint and
                                                                      hint.kind != "skip")
    level = 0
    bold = False
    if not blank and not rule:
        heading = _MD_HEADING.match(raw) if raw.startswith("#") else None
        if heading and (text.format in ("text", "markdown")):
            level = len(heading.group(1))
            mapped = mapped.remove(_MD_HEADING_PREFIX).remove(_MD_HEADING_SUFFIX)
        bold = mapped.text[:1] in "*_" and bool(_BOLD_LINE.match(mapped.text))
        if _MARKUP_CHARS.search(mapped.text):
            mapped = _remove_links(mapped).remove(_INLINE_MARKUP).strip()
            if text.format == "markdown":
                mapped = _remove_emphasis(mapped)
        if not mapped.text:
            blank = not level
    return Line(index=index, start=line_start, raw=raw, content=mapped, indent=indent,
                blank=blank, skip=skip, rule=rule, heading_level=level, bold=bold, hint=hint,
                hard_break=text.format == "markdown" and raw.endswith("\\"),
                soft_break=text.format == "markdown")


# Markdown's emphasis in one line: "*Water vasthouden op eigen erf*", "_nicht_" (not the
# gender star of "Lehrer*innen", nor a lone footnote star)
_EMPHASIS = re.compile(r"(?<![\w*\\])([*_])(?=[^\s*_])[^\n]*?(?<=[^\s*_])\1(?![\w*])")


def _remove_emphasis(mapped: Mapped) -> Mapped:
    """Markdown emphasis keeps its text: "*text*" -> "text"."""
    cuts = [cut for match in _EMPHASIS.finditer(mapped.text)
            for cut in ((match.start(), match.start() + 1), (match.end() - 1, match.end()))]
    return mapped.cut(cuts) if cuts else mapped


def _remove_links(mapped: Mapped) -> Mapped:
    """Markdown links and images keep their text: "[text](url)" -> "text"."""
    cuts = []
    for match in _LINK.finditer(mapped.text):
        cuts += [(match.start(), match.start(1)), (match.end(1), match.end())]
    return mapped.cut(cuts) if cuts else mapped


def _is_page_furniture(raw: str) -> bool:
    """Page numbers ("- 3 -", "Seite 2 von 9", "12") and page headers that carry one
    ("Drucksache 19/20754 – 2 – Deutscher Bundestag")."""
    if _PAGE_NUMBER_LINE.match(raw):
        return True
    # ... and a page count that ends a header or footer ("GR Nr. 2024/231   Seite 2/2")
    return len(raw) < 120 and bool(_PAGE_MARK_INSIDE.search(raw) or _PAGE_COUNT_END.search(raw))


def _has_margin_letters(raw_lines: list[str]) -> bool:
    """Whether the document has margin text scattered as single letters at line ends
    (as in PDF text where a vertical marginal note is read line by line)."""
    content = [line.rstrip() for line in raw_lines if line.strip()]
    if len(content) < 20:
        return False
    hits = sum(1 for line in content if re.search(r"\S\s+[^\W\d_]$", line))
    return hits >= 8 and hits >= 0.12 * len(content)


def _line_numbers(raw_lines: list[str]) -> dict[int, int]:
    """The lines that open with a margin line number, each with the width it takes: most
    lines of the document open with a number, and the numbers count up by one from line
    to line (restarting on a new page is allowed). A list's labels ("1.", "2)") and a
    table's figures do not count so."""
    numbered = [(index, int(match.group(1)), match.end())
                for index, line in enumerate(raw_lines)
                if (match := _LINE_NUMBER.match(line))]
    content = sum(1 for line in raw_lines if line.strip())
    if len(numbered) < _MIN_NUMBERED_LINES or 2 * len(numbered) < content:
        return {}
    counting: dict[int, int] = {}
    for (index, number, width), (after, following, after_width) in itertools.pairwise(numbered):
        if following == number + 1:
            counting[index] = width
            counting[after] = after_width
    return counting if 5 * len(counting) >= 4 * len(numbered) else {}


def _running_headers(raw_lines: list[str], text: Text) -> set[int]:
    """Lines that repeat at the top or bottom of many pages (digits ignored): running
    headers and footers. Only documents with pages have them: where the text marks no
    page break, a footer that counts the pages ("Motie M2024-07 ... pagina 1 van 2") ends
    each page, as extracted text without form feeds keeps it."""
    line_starts = [0]
    for line in raw_lines[:-1]:
        line_starts.append(line_starts[-1] + len(line) + 1)
    page_starts = list(text.page_starts)
    if len(page_starts) < 2:
        page_starts = [0] + [line_starts[index + 1] for index, line in enumerate(raw_lines[:-1])
                             if _PAGE_COUNT_END.search(line)]
    if len(page_starts) < 2:
        return set()
    page_of_line = []
    page = 0
    for start in line_starts:
        while page + 1 < len(page_starts) and page_starts[page + 1] <= start:
            page += 1
        page_of_line.append(page)
    edges: dict[int, list[int]] = {}
    for index, line in enumerate(raw_lines):
        if line.strip():
            edges.setdefault(page_of_line[index], []).append(index)
    counts: Counter[str] = Counter()
    # ... and lines that stand at the very edge of every page but one (the first page
    # has the letterhead instead): a short document's header repeats only twice
    at_edge: Counter[str] = Counter()
    where: dict[str, list[int]] = {}
    for indices in edges.values():
        # (each line once: on a short page the first three and the last three overlap)
        for index in dict.fromkeys(indices[:3] + indices[-3:]):
            # (the page number on the outer side: "2   Landtag · Drucksache 19/1234" on
            # even pages, "Landtag · Drucksache 19/1234   3" on odd ones)
            words = " ".join(raw_lines[index].split()).lower()
            key = _OUTER_NUMBER.sub("", _DIGITS.sub("#", words))
            counts[key] += 1
            at_edge[key] += index in (indices[0], indices[-1])
            where.setdefault(key, []).append(index)
    # (the pages that hold text: a footer on the last line opens no page after it)
    pages = len(edges)
    return {index for key, n in counts.items()
            if (n >= max(3, pages // 3) or at_edge[key] >= max(2, pages - 1))
            and len(key) < 150 for index in where[key]}


def _footnotes(raw_lines: list[str]) -> set[int]:
    """The footnotes at a page's foot that text extraction leaves between the lines of
    the text they interrupt (a point of a list goes on after them): lines that open on
    numbers one after the other, without a label's dot ("3 https://...", "4 BAMF,
    Aktuelle Zahlen ..."), with the lines that a web address wraps onto, where one of
    them cites a web address (a list numbered without dots cites none)."""
    found: set[int] = set()
    chain: list[int] = []
    number = None
    for index, line in enumerate([*raw_lines, ""]):
        match = _FOOTNOTE.match(line)
        if match and number is not None and int(match.group(1)) == number + 1:
            chain.append(index)
        elif chain and not match and _WRAPPED_ADDRESS.match(line.strip()) and index - 1 in chain:
            chain.append(index)
            continue
        else:
            if len([i for i in chain if _FOOTNOTE.match(raw_lines[i])]) >= 2 and any(
                    _WEB_ADDRESS.search(raw_lines[i]) for i in chain):
                found.update(chain)
            chain = [index] if match else []
        number = int(match.group(1)) if match else None
    return found


def _stamped(raw_lines: list[str]) -> set[int]:
    """Lines of a stamp printed across every page, which text extraction puts wherever
    it falls, mid-page and broken up ("V" / "orabfassung – w" / "ird durch die
    lektorierte Fassung ersetzt." in the margin of a Bundestag Drucksache), with or
    without page breaks: the same run of two lines or more, three times or more, each
    time between other lines (text repeats a line, as a list its "Begründung:", but not
    two in a row in other places)."""
    keys = [" ".join(line.split()) for line in raw_lines]
    pairs: dict[tuple[str, str], list[int]] = {}
    for index in range(len(keys) - 1):
        pair = (keys[index], keys[index + 1])
        if all(pair) and len(" ".join(pair).split()) >= _STAMP_WORDS:
            pairs.setdefault(pair, []).append(index)
    repeated = sorted({index + offset for found in pairs.values()
                       if len(found) >= _STAMP_REPEATS for index in found for offset in (0, 1)})
    runs: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for _, group in itertools.groupby(enumerate(repeated), lambda pair: pair[1] - pair[0]):
        indices = [index for _, index in group]
        start, end = indices[0], indices[-1] + 1
        runs.setdefault(tuple(keys[start:end]), []).append((start, end))
    stamped: set[int] = set()
    for found in runs.values():
        before = [keys[start - 1] if start else None for start, _end in found]
        after = [keys[end] if end < len(keys) else None for _start, end in found]
        if len(found) >= _STAMP_REPEATS and len(set(before)) == len(found) \
                and len(set(after)) == len(found):
            stamped.update(index for start, end in found for index in range(start, end))
    return stamped
