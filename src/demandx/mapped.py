"""Text that remembers where each character came from in the document.

Cleaning removes characters (markup, list markers, margin letters, line-end hyphens)
and joining inserts separators; a `Mapped` keeps, for every character it took from the
document, that character's offset, so any piece of clean text maps back to a span of
the document text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable


class Mapped:
    """A string plus the document offset of each run of characters taken from the document.

    `segments` are (position in `text`, document offset, length), sorted by position;
    characters between segments were inserted (separators) and map to the next real one.
    """

    __slots__ = ("_positions", "segments", "text")

    def __init__(self, text: str, segments: list[tuple[int, int, int]]):
        self.text = text
        self.segments = segments
        self._positions = [seg[0] for seg in segments]

    @classmethod
    def of(cls, document: str, start: int, end: int) -> Mapped:
        """The document text between two offsets."""
        return cls(document[start:end], [(0, start, end - start)] if end > start else [])

    def __bool__(self) -> bool:
        return bool(self.text)

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"Mapped({self.text!r})"

    def to_doc(self, index: int) -> int:
        """Document offset of character `index` (an inserted character: the next real one)."""
        if not self.segments:
            return 0
        i = bisect_right(self._positions, index) - 1
        if i >= 0:
            pos, doc, length = self.segments[i]
            if index < pos + length:
                return doc + index - pos
        if i + 1 < len(self.segments):
            return self.segments[i + 1][1]
        pos, doc, length = self.segments[-1]
        return doc + length

    def doc_span(self, start: int = 0, end: int | None = None) -> tuple[int, int]:
        """Document offsets (start, end) that cover text[start:end]."""
        end = len(self.text) if end is None else end
        if not self.segments or start >= end:
            point = self.to_doc(start)
            return point, point
        first = self.to_doc(start)
        last = self.to_doc(end - 1)
        # the last character may be an inserted one: cover up to the real text before it
        return first, max(first, last + 1)

    def slice(self, start: int, end: int | None = None) -> Mapped:
        """text[start:end], still mapped."""
        end = len(self.text) if end is None else max(start, min(end, len(self.text)))
        segments = []
        for pos, doc, length in self.segments:
            lo = max(pos, start)
            hi = min(pos + length, end)
            if lo < hi:
                segments.append((lo - start, doc + lo - pos, hi - lo))
        return Mapped(self.text[start:end], segments)

    def remove(self, pattern: re.Pattern[str], group: int = 0) -> Mapped:
        """The text without every match of `pattern` (or of its `group`)."""
        cuts = [m.span(group) for m in pattern.finditer(self.text) if m.group(group)]
        return self.cut(cuts) if cuts else self

    def cut(self, cuts: Iterable[tuple[int, int]]) -> Mapped:
        """The text without the given (start, end) ranges (sorted, non-overlapping)."""
        pieces = []
        previous = 0
        for start, end in cuts:
            if start > previous:
                pieces.append(self.slice(previous, start))
            previous = max(previous, end)
        pieces.append(self.slice(previous))
        return Mapped.join(pieces, "")

    def strip(self, chars: str | None = None) -> Mapped:
        """Leading and trailing whitespace (or `chars`) removed."""
        left = len(self.text) - len(self.text.lstrip(chars))
        right = len(self.text.rstrip(chars))
        return self.slice(left, max(left, right))

    @staticmethod
    def join(parts: Iterable[Mapped], separator: str | Iterable[str] = " ") -> Mapped:
        """Concatenate, with `separator` (or one separator per gap) inserted between parts."""
        parts = list(parts)
        if isinstance(separator, str):
            seps = [separator] * max(0, len(parts) - 1)
        else:
            seps = list(separator)
        text_parts: list[str] = []
        segments: list[tuple[int, int, int]] = []
        offset = 0
        for index, part in enumerate(parts):
            if index:
                sep = seps[index - 1]
                text_parts.append(sep)
                offset += len(sep)
            text_parts.append(part.text)
            for pos, doc, length in part.segments:
                if segments and segments[-1][0] + segments[-1][2] == offset + pos \
                        and segments[-1][1] + segments[-1][2] == doc:
                    last = segments[-1]
                    segments[-1] = (last[0], last[1], last[2] + length)
                else:
                    segments.append((offset + pos, doc, length))
            offset += len(part.text)
        return Mapped("".join(text_parts), segments)
