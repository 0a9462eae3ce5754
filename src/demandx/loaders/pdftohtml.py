"""HTML made from PDF by pdftohtml (poppler): every printed line is a `<p>` placed
absolutely on a page `<div>`. Two things of the PDF survive as text that is not the
author's: bullet glyphs of a symbol font, which come out as a letter on a line of their
own ("n" for Wingdings' ■, "l" for ●), and running headers and footers printed on every
page. Both are put right here, before the page is read as HTML."""

from __future__ import annotations

import re
from collections import Counter

from demandx.model import LineHint

_TOP = re.compile(r"top:\s*(-?\d+)px")
_LEFT = re.compile(r"left:\s*(-?\d+)px")
_PAGE_DIV = re.compile(r"^page\d+-div$")
_DIGITS = re.compile(r"\d+")
# a glyph and its line's text stand this close in height (pixels of the page image)
_SAME_LINE = 4
_MAX_RUNNING = 100


def made_by_pdftohtml(root) -> bool:
    """Whether the page says pdftohtml wrote it (its generator meta tag)."""
    return any(str(meta.get("content", "")).lower().startswith("pdftohtml")
               for meta in root.iter("meta") if meta.get("name", "").lower() == "generator")


def page_count(root) -> int:
    return sum(1 for div in root.iter("div") if _PAGE_DIV.match(div.get("id", "")))


def bullets_as_bullets(root) -> None:
    """A one-letter `<p>` followed by a `<p>` on the same line to its right is a bullet
    glyph: it becomes "•" in front of that line's text (and is removed)."""
    for para in list(root.iter("p")):
        glyph = (para.text or "").strip()
        if len(glyph) != 1 or not glyph.isalpha() or len(para):
            continue
        following = para.getnext()
        if following is None or following.tag != "p":
            continue
        here, there = _position(para), _position(following)
        if here is None or there is None:
            continue
        if abs(here[0] - there[0]) <= _SAME_LINE and there[1] > here[1]:
            following.text = "• " + (following.text or "").lstrip(" \u00a0")
            parent = para.getparent()
            if parent is not None:
                parent.remove(para)  # a <p>'s tail is whitespace between placed lines


def _position(element) -> tuple[int, int] | None:
    style = element.get("style", "")
    top, left = _TOP.search(style), _LEFT.search(style)
    return (int(top.group(1)), int(left.group(1))) if top and left else None


def skip_running_lines(lines: list[str], hints: dict[int, LineHint], pages: int) -> None:
    """Mark as `skip` the short lines that repeat on a third of the pages or more (page
    numbers aside): running headers and footers, which would otherwise become the
    section heading of every demand after them."""
    if pages < 3:
        return
    keys = [_DIGITS.sub("#", " ".join(line.split())).lower() if 0 < len(line) <= _MAX_RUNNING
            else "" for line in lines]
    counts = Counter(key for key in keys if key)
    running = {key for key, count in counts.items() if count >= max(3, pages // 3)}
    for index, key in enumerate(keys):
        if key in running:
            hints[index] = LineHint("skip")
