"""PDF (text layer) with pypdfium2: lines rebuilt from text runs (`pdfium_runs`), with
what the layout says about them.

pypdfium2 was chosen by measurement (see the README, "Formats"): on the corpus PDFs it
was 15-60x faster than pdfplumber and pypdf, found every gold anchor, and gives each
text run's position, size and font, which is what headings (larger or bold lines),
list nesting (the x of a bullet) and footnote marks (small raised digits) need.

The text this loader returns is the document text demandx works on: one line per
visual line, blank lines where the vertical gap shows a new paragraph, symbol-font
bullets written as "•", footnote marks left out, a page's lines after the previous
page's. Running headers and page numbers stay in the text and are marked as page
furniture by demandx.lines.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise, repeat
from statistics import median

from demandx.errors import InputError
from demandx.loaders.pdfium_runs import Break, PageReader, Piece
from demandx.model import LineHint, Text

_BULLET_GLYPHS = "-•◦▪▫‣·–—■□➢➤►▶✓✔→⁃∙●○◆◇o"
_HEADING_RATIO = 1.15          # a line this much larger than the body text is a heading
_PARAGRAPH_GAP = 1.45          # a gap this many times the usual line distance ends a paragraph
_MAX_HEADING_CHARS = 160
# A page count far beyond any policy document (a "page bomb" is millions of empty pages).
_MAX_PAGES = int(os.environ.get("DEMANDX_PDF_MAX_PAGES", "5000"))


@dataclass
class _Line:
    page: int
    height: float = 0.0
    pieces: list[Piece] = field(default_factory=list)
    text: str = ""
    x0: float = 0.0
    top: float = 0.0
    size: float = 0.0
    bold: bool = False
    bullet: bool = False
    x1: float = 0.0


def load_pdf(data: bytes, source: str) -> Text:
    """A PDF's text layer as a `Text`, with page starts and layout hints.

    Raises:
        InputError: the PDF is encrypted, damaged, or not a PDF at all.
    """
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(source, _reason(str(exc))) from exc
    warnings: list[str] = []
    pages: list[list[_Line]] = []
    if len(document) > _MAX_PAGES:
        count = len(document)
        document.close()
        raise InputError(source, f"refused: the PDF has {count} pages, more than "
                                 f"{_MAX_PAGES} (DEMANDX_PDF_MAX_PAGES)")
    reader = PageReader()
    try:
        for index in range(len(document)):
            try:
                page = document[index]
            except pdfium.PdfiumError as exc:
                warnings.append(f"page {index + 1} is damaged and was skipped ({exc})")
                pages.append([])
                continue
            try:
                pages.append(_page_lines(reader, page, index))
            finally:
                page.close()
    finally:
        document.close()
    text = _assemble(source, pages)
    text.warnings = warnings + text.warnings
    if not text.text.strip():
        text.warnings.append("the PDF has no text layer (a scan?); OCR is not supported, "
                             "so no demands can be found")
    return text


def _reason(message: str) -> str:
    if "password" in message.lower():
        return "encrypted PDF: it needs a password to open (not supported)"
    return f"damaged or not a PDF ({message.strip() or 'unreadable'})"


def _page_lines(reader: PageReader, page, index: int) -> list[_Line]:
    """The visual lines of one page, from its text runs."""
    textpage = page.get_textpage()
    try:
        height = page.get_height()
        lines: list[_Line] = []
        current: _Line | None = None
        broken = False
        for piece in reader.pieces(textpage, height):
            if isinstance(piece, Break):
                # lines are rebuilt from positions, but where the text goes on in the
                # same line pdfium's break stood for a space
                broken = True
                continue
            if current is None or _starts_new_line(current, piece.left, piece.top,
                                                   piece.size):
                current = _Line(page=index, height=height, top=piece.top, size=piece.size,
                                x0=piece.left)
                lines.append(current)
            elif broken and current.pieces and not current.pieces[-1].text[-1].isspace() \
                    and not piece.text[0].isspace():
                piece = piece._replace(text=" " + piece.text)
            broken = False
            current.pieces.append(piece)
            current.x1 = piece.last
        return [line for line in (_finish(line) for line in lines) if line.text.strip()]
    finally:
        textpage.close()


def _starts_new_line(line: _Line, left: float, top: float, size: float) -> bool:
    tolerance = 0.5 * max(size, line.size)
    return abs(top - line.top) > tolerance or left < line.x1 - max(1.0, 0.5 * size)


def _finish(line: _Line) -> _Line:
    """Text, size, weight and bullet of a line; footnote marks (small raised digits
    after a word) left out."""
    pieces = line.pieces
    sizes: Counter[float] = Counter()
    for piece in pieces:
        letters = sum(map(str.isalpha, piece.text))
        if letters:
            sizes[piece.size] += letters
    if not sizes:
        for piece in pieces:
            sizes[piece.size] += len(piece.text)
    line.size = sizes.most_common(1)[0][0] if sizes else 0.0
    base = [top for piece in pieces if piece.size == line.size
            for top in repeat(piece.top, len(piece.text))]
    line.top = median(base) if base else line.top
    kept = []
    previous = ""
    for piece in pieces:
        last = piece.text[-1]
        raised = piece.top < line.top - 0.15 * line.size
        if raised and piece.size < 0.85 * line.size:
            piece = piece._replace(text=_without_marks(piece.text, previous))
        previous = last
        if piece.text:
            kept.append(piece)
    line.pieces = kept
    first = next((p for p in kept if not p.text.isspace()), None)
    line.x0 = first.left if first else line.x0
    text = "".join(p.text for p in kept)
    stripped = text.lstrip()
    if first is not None and (first.symbol or (stripped[:1] in _BULLET_GLYPHS
                                               and stripped[1:2] in (" ", "\t"))):
        line.bullet = True
        if first.symbol or stripped[0] == "o":
            text = "• " + stripped[1:].lstrip()
    line.text = text.rstrip()
    body = [p for p in kept if any(map(str.isalpha, p.text))]
    line.bold = bool(body) and all(p.bold for p in body)
    return line


def _without_marks(text: str, previous: str) -> str:
    """A small raised piece without its footnote marks: digits and commas after a word."""
    out = []
    for char in text:
        after_word = previous.isalnum() or (previous != "" and previous in ",.")
        if not ((char.isdigit() or char == ",") and after_word):
            out.append(char)
        previous = char
    return "".join(out)


def _assemble(source: str, pages: list[list[_Line]]) -> Text:
    """Pages of lines -> text with page starts, paragraph gaps and hints."""
    all_lines = [line for page in pages for line in page]
    furniture = _furniture(pages)
    body = _body_size([line for line in all_lines if id(line) not in furniture])
    levels = _bullet_levels(all_lines)
    runs_by_page = []
    for page in pages:
        content = [line for line in page if id(line) not in furniture]
        runs_by_page.append((page, _runs(content, _usual_gap(content))))
    heading_levels = _heading_levels(
        [run for _, runs in runs_by_page for index, (run, _b) in enumerate(runs)
         if index + 1 == len(runs) or _stands_apart(run, runs[index + 1])], body)
    out: list[str] = []
    hints: dict[int, LineHint] = {}
    page_starts: list[int] = []
    offset = 0

    def emit(text: str, hint: LineHint | None) -> None:
        nonlocal offset
        if hint is not None:
            hints[len(out)] = hint
        out.append(text)
        offset += len(text) + 1

    for page, runs in runs_by_page:
        page_starts.append(offset)
        for line in page:
            if id(line) in furniture:
                emit(line.text, LineHint("skip"))
        previous_heading = False
        for index, (run, breaks) in enumerate(runs):
            ends_paragraph = index + 1 == len(runs) or _stands_apart(run, runs[index + 1])
            level = _run_heading_level(run, body, heading_levels) if ends_paragraph else 0
            if index and (breaks or level or previous_heading):
                emit("", None)
            if level:
                emit(_joined(run), LineHint("heading", level=level))
            else:
                for line in run:
                    hint = None
                    if line.bullet:
                        hint = LineHint("item", level=levels.get(_bin(line.x0), 1),
                                        marker=line.text.lstrip()[:1])
                    emit(line.text, hint)
            previous_heading = bool(level)
    text = "\n".join(out)
    return Text(source=source, text=text, format="pdf", page_starts=page_starts, hints=hints)


def _runs(lines: list[_Line], gap: float) -> list[tuple[list[_Line], bool]]:
    """Consecutive lines of the same size and weight within one paragraph, each with
    whether a paragraph break comes before it. A heading is such a run."""
    runs: list[tuple[list[_Line], bool]] = []
    for line in lines:
        if runs:
            last = runs[-1][0][-1]
            broken = _paragraph_break(last, line, gap)
            same = abs(last.size - line.size) < 0.3 and last.bold == line.bold
            if same and not broken and not line.bullet:
                runs[-1][0].append(line)
                continue
            runs.append(([line], broken))
        else:
            runs.append(([line], True))
    return runs


def _stands_apart(run: list[_Line], following: tuple[list[_Line], bool]) -> bool:
    """Whether a run ends its paragraph: a gap, a list or another size follows. A bold
    run that the next line continues is emphasis inside a paragraph, not a heading."""
    lines, breaks = following
    return breaks or lines[0].bullet or abs(lines[0].size - run[-1].size) >= 0.3 \
        or _joined(run).endswith(":")


def _joined(run: list[_Line]) -> str:
    text = run[0].text.strip()
    for line in run[1:]:
        nxt = line.text.strip()
        if text.endswith("-") and nxt[:1].islower():
            text = text[:-1] + nxt
        else:
            text += " " + nxt
    return text


def _furniture(pages: list[list[_Line]]) -> set[int]:
    """Running headers, footers and page numbers: lines in the top or bottom band of the
    page whose text (digits aside) comes back on many pages, or that are a bare number."""
    band = 0.1
    keys: Counter[str] = Counter()
    candidates: list[tuple[_Line, str]] = []
    for page in pages:
        seen = set()
        for line in page:
            if line.height and band * line.height < line.top < (1 - band) * line.height:
                continue
            key = re.sub(r"\d+", "#", " ".join(line.text.split())).lower()
            candidates.append((line, key))
            if key not in seen:
                keys[key] += 1
                seen.add(key)
    needed = max(2, len(pages) // 3)
    return {id(line) for line, key in candidates
            if keys[key] >= needed or re.fullmatch(r"[#\s\-–—|/.]*#[#\s\-–—|/.]*", key)}


def _body_size(lines: list[_Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _bin(x: float) -> int:
    return round(x / 4.0)


def _bullet_levels(lines: list[_Line]) -> dict[int, int]:
    """Bullet x positions, clustered, ranked from the left: 1 = outermost list."""
    positions = sorted({_bin(line.x0) for line in lines if line.bullet})
    levels: dict[int, int] = {}
    level = 0
    previous = None
    for position in positions:
        if previous is None or position - previous > 1:
            level += 1
        levels[position] = level
        previous = position
    return levels


def _run_is_heading(run: list[_Line], body: float) -> bool:
    """A heading is a short run of larger or bold lines that does not end like a
    sentence or a broken word (bold emphasis inside a paragraph is no heading)."""
    first = run[0]
    text = _joined(run)
    if not body or first.bullet or len(run) > 3 or len(text) > _MAX_HEADING_CHARS:
        return False
    if not any(c.isalpha() for c in text) or text.endswith((".", ",", ";", "-")):
        return False
    if first.size >= _HEADING_RATIO * body:
        return True
    return first.bold and first.size >= 0.95 * body


def _heading_levels(runs: list[list[_Line]], body: float) -> dict[float, int]:
    """Heading sizes ranked from the largest (level 1); bold body-size lines come last."""
    sizes = sorted({run[0].size for run in runs if _run_is_heading(run, body)
                    and run[0].size >= _HEADING_RATIO * body}, reverse=True)
    return {size: rank for rank, size in enumerate(sizes, start=1)}


def _run_heading_level(run: list[_Line], body: float, levels: dict[float, int]) -> int:
    if not _run_is_heading(run, body):
        return 0
    return levels.get(run[0].size, len(levels) + 1)


def _usual_gap(lines: list[_Line]) -> float:
    gaps = [b.top - a.top for a, b in pairwise(lines)
            if 0 < b.top - a.top < 3 * max(a.size, 1.0) and a.size == b.size]
    return median(gaps) if gaps else 0.0


def _paragraph_break(previous: _Line, line: _Line, gap: float) -> bool:
    distance = line.top - previous.top
    if distance < 0:
        return True  # a new column or a jump back up the page
    # large type is set with larger line distances: measure it against its own size too
    return bool(gap) and distance > max(_PARAGRAPH_GAP * gap, 1.6 * max(line.size,
                                                                      previous.size))
