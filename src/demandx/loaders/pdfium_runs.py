"""A PDF page's characters as runs: stretches of one pdfium text object, with one
position, size and weight for the stretch.

Reading pdfium's text page one character at a time costs four or five ctypes calls per
character (about 350k characters on a 120-page programme, 1.8 s); a text object is one
text-showing operator of the content stream, so its characters share a font, a size and
a baseline and need one position call at each end. The page text comes in one
`FPDFText_GetText` call; where each object's stretch ends is found by bisection, through
ctypes prototypes that take and return plain integers (no pointer object per call).

Where an object does not run left to right on one baseline (rotated or vertical text),
its characters are read one by one, as before, so the line building in `pdf.py` sees
the same positions either way.
"""

from __future__ import annotations

import ctypes
import math
import re
from itertools import chain
from typing import NamedTuple

_BOLD_FONT = re.compile(r"bold|black|heavy|semibold|demi", re.IGNORECASE)
_SYMBOL_FONT = re.compile(r"wingding|symbol|dingbat|zapf|webding", re.IGNORECASE)
# pdfium marks a hyphen at a line end with one of these; the text shows it as "-"
_HYPHENS = ("\x02", "\ufffe", "\xad")
# characters pdfium reports that are no text of the line (its own breaks come as
# generated characters outside any object; these are the ones inside objects)
_DROPPED = re.compile("[\x00\r\n]")
_LINE_BREAK = re.compile("[\r\n]")
# a run whose ends lie this close in height is on one baseline
_SAME_BASELINE = 0.01


class Piece(NamedTuple):
    """Characters of one text object on one baseline: their text, the x of the first
    and of the last character's origin, the baseline's distance from the page top,
    and the font's size (points), weight and symbol-ness."""

    text: str
    left: float
    last: float
    top: float
    size: float
    bold: bool
    symbol: bool


class Break(NamedTuple):
    """A line break pdfium put in (not in the PDF): where the text goes on in the same
    visual line, it stood for a space."""


def _prototype(function, restype, *argtypes):
    """`function` from pypdfium2's bindings called through a prototype with plain
    integer handles: ctypes then builds no pointer object per call."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.CFUNCTYPE(restype, *argtypes)(address)


class PageReader:
    """Reads pages of one document; the prototypes are built once."""

    def __init__(self) -> None:
        import pypdfium2.raw as raw

        self.raw = raw
        handle, obj = ctypes.c_void_p, ctypes.c_void_p
        self.text_object = _prototype(raw.FPDFText_GetTextObject, obj, handle, ctypes.c_int)
        self.char_origin = _prototype(raw.FPDFText_GetCharOrigin, ctypes.c_int, handle,
                                      ctypes.c_int, ctypes.POINTER(ctypes.c_double),
                                      ctypes.POINTER(ctypes.c_double))
        self.font_size = _prototype(raw.FPDFTextObj_GetFontSize, ctypes.c_int, obj,
                                    ctypes.POINTER(ctypes.c_float))
        self.object_matrix = _prototype(raw.FPDFPageObj_GetMatrix, ctypes.c_int, obj,
                                        ctypes.POINTER(raw.FS_MATRIX))
        self.object_font = _prototype(raw.FPDFTextObj_GetFont, ctypes.c_void_p, obj)
        self.x = ctypes.c_double()
        self.y = ctypes.c_double()
        self.size = ctypes.c_float()
        # made once: ctypes.byref per call costs as much as the call
        self.xy = (ctypes.byref(self.x), ctypes.byref(self.y))
        self.matrix = raw.FS_MATRIX()
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()

    def pieces(self, textpage, height: float) -> list[Piece | Break]:
        """The page's pieces and pdfium's line breaks, in pdfium's reading order."""
        raw = self.raw
        handle = textpage.raw
        count = raw.FPDFText_CountChars(handle)
        if count <= 0:
            return []
        text = self._text(handle, count)
        address = ctypes.cast(handle, ctypes.c_void_p).value
        fonts: dict[int | None, tuple[float, bool, bool]] = {}
        styles: dict[int, tuple[bool, bool]] = {}
        out: list[Piece | Break] = []
        for start, end, obj in self._stretches(address, text, count):
            if obj is None and text[start] in "\r\n":
                if raw.FPDFText_IsGenerated(handle, start) == 1:
                    out.append(Break())
                continue
            font = fonts.get(obj)
            if font is None:
                font = fonts[obj] = self._font(handle, start, obj, styles)
            self._run(address, text, start, end, font, height, out)
        return out

    def _stretches(self, address: int, text: str, count: int):
        """(start, end, text object) of each stretch of characters of one object; None
        for a character outside any object.

        pdfium lists an object's characters together, so the end of a stretch is found
        by galloping and bisecting over the object of a character (a dozen calls for a
        stretch of 50 characters, instead of 50). Line breaks are looked up one by one,
        since pdfium's own breaks belong to no object. A space pdfium puts between two
        characters of one object (for a wide gap) may fall inside a stretch and is then
        read with the object's font; it is no letter, so it sets no size or weight."""
        text_object = self.text_object
        segment = 0
        for match in chain(_LINE_BREAK.finditer(text), [None]):
            stop = match.start() if match else count
            start = segment
            while start < stop:
                obj = text_object(address, start)
                if obj is None:
                    yield start, start + 1, None
                    start += 1
                    continue
                known, step = start, 1  # known: the last index known to be obj's
                while True:
                    probe = known + step
                    if probe >= stop or text_object(address, probe) != obj:
                        beyond = min(probe, stop)
                        break
                    known, step = probe, 2 * step
                while beyond - known > 1:
                    middle = (known + beyond) // 2
                    if text_object(address, middle) == obj:
                        known = middle
                    else:
                        beyond = middle
                yield start, beyond, obj
                start = beyond
            if match:
                yield stop, stop + 1, text_object(address, stop)
                segment = stop + 1

    def _text(self, handle, count: int) -> str:
        """The page's characters, one per character index, hyphen marks as "-"."""
        raw = self.raw
        # room for surrogate pairs: one index may take two UTF-16 units
        buffer = (ctypes.c_ushort * (2 * count + 1))()
        written = raw.FPDFText_GetText(handle, 0, count, buffer)
        text = bytes(buffer)[:2 * max(written - 1, 0)].decode("utf-16-le", "surrogatepass")
        if len(text) != count:
            # pdfium left characters out or put some in: read them one by one
            text = "".join(chr(raw.FPDFText_GetUnicode(handle, i)) for i in range(count))
        for mark in _HYPHENS:  # str.replace: str.translate is ten times slower here
            text = text.replace(mark, "-")
        return text

    def _origin(self, address: int, index: int, height: float) -> tuple[float, float]:
        self.char_origin(address, index, *self.xy)
        return self.x.value, height - self.y.value

    def _run(self, address: int, text: str, start: int, end: int,
             font: tuple[float, bool, bool], height: float, out: list) -> None:
        """Pieces of the characters start..end of one text object."""
        size, bold, symbol = font
        chunk = text[start:end]
        if _DROPPED.search(chunk):
            kept = [start + offset for offset, char in enumerate(chunk)
                    if char not in "\x00\r\n"]
            if not kept:
                return
            chunk = "".join(text[i] for i in kept)
        else:
            kept = range(start, end)
        left, top = self._origin(address, kept[0], height)
        last, last_top = self._origin(address, kept[-1], height) if len(kept) > 1 \
            else (left, top)
        if abs(last_top - top) > _SAME_BASELINE or last < left:
            for index, char in zip(kept, chunk, strict=True):
                x, y = self._origin(address, index, height)
                out.append(Piece(char, x, x, y, size, bold, symbol))
            return
        body = len(chunk) - len(chunk.lstrip())
        if 0 < body < len(chunk):
            # the line's left edge is where its first visible character stands
            x, _y = self._origin(address, kept[body], height)
            out.append(Piece(chunk[:body], left, left, top, size, bold, symbol))
            out.append(Piece(chunk[body:], x, last, top, size, bold, symbol))
        else:
            out.append(Piece(chunk, left, last, top, size, bold, symbol))

    def _font(self, handle, index: int, obj: int | None,
              styles: dict[int, tuple[bool, bool]]) -> tuple[float, bool, bool]:
        """(size in points, bold, symbol font) of the text object a character belongs to.

        The size is the font size times the text matrix scale: PDFs from layout programs
        set size 1 and scale the matrix. Weight and symbol-ness belong to the font, which
        many objects of a page share (`styles`, by font)."""
        raw = self.raw
        size = self.size
        size.value = 0.0
        scale = 1.0
        style = None
        if obj:
            self.font_size(obj, ctypes.byref(size))
            if self.object_matrix(obj, ctypes.byref(self.matrix)):
                scale = math.hypot(self.matrix.c, self.matrix.d) or 1.0
            font = self.object_font(obj)
            style = styles.get(font) if font else None
        points = size.value * scale if size.value else raw.FPDFText_GetFontSize(handle, index)
        if style is None:
            style = self._style(handle, index)
            if obj and font:
                styles[font] = style
        return round(points, 1), *style

    def _style(self, handle, index: int) -> tuple[bool, bool]:
        """(bold, symbol font) of a character's font, from its name and weight."""
        raw = self.raw
        raw.FPDFText_GetFontInfo(handle, index, self.name, len(self.name),
                                 ctypes.byref(self.flags))
        name = self.name.value.decode("latin-1", "replace")
        bold = bool(_BOLD_FONT.search(name)) or raw.FPDFText_GetFontWeight(handle, index) >= 600
        return bold, bool(_SYMBOL_FONT.search(name))
