"""Typed records that flow through demandx: the loaded `Text` and the output `Document`.

Offsets in every `Span` refer to `Text.text`, the document text exactly as demandx
extracted it (what `demandx text FILE` prints), so `text[span.start:span.end]`
always contains the demand's words before cleaning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class LineHint:
    """Structure a loader already knows about one line (an HTML `<h2>`, a Word list paragraph).

    kind: "heading", "item", "para", "skip" (not content: scripts, metadata, page furniture).
    level: heading level (1-6) or list depth (1 = top level).
    marker: for items, the printed marker or label if the format gave one ("1.", "•").
    outside_lists: for paragraphs, the format puts it outside every list (HTML's `<p>`
        after `</ol>`): it ends an open list item instead of going on in it.
    cell: for paragraphs, a table cell: never a heading, however short.
    row, column: for a paragraph in a table, where its cell stands in the table (from 1;
        0 outside tables or where the format does not say).
    header: for a table cell, the table marks it as a header (`<th>`, a Word heading row).
    """

    kind: str
    level: int = 0
    marker: str | None = None
    outside_lists: bool = False
    cell: bool = False
    row: int = 0
    column: int = 0
    header: bool = False

    @property
    def in_table(self) -> bool:
        """A table cell's line: HTML marks every cell, Word and ODT say where it stands."""
        return self.cell or self.row > 0


@dataclass
class Text:
    """A decoded document: its text, where pages start, and what the format told us."""

    source: str
    text: str
    format: str = "text"
    page_starts: list[int] = field(default_factory=list)
    hints: dict[int, LineHint] = field(default_factory=dict)
    title: str | None = None
    warnings: list[str] = field(default_factory=list)

    def page_of(self, offset: int) -> int | None:
        """1-based page number of an offset, or None when the format has no pages."""
        if not self.page_starts:
            return None
        page = 0
        for index, start in enumerate(self.page_starts):
            if start <= offset:
                page = index
            else:
                break
        return page + 1


@dataclass(frozen=True)
class Span:
    """Where a demand stands in `Text.text`: offsets and 1-based lines (and page for PDFs)."""

    start: int
    end: int
    start_line: int
    end_line: int
    page: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "start_line": self.start_line,
            "end_line": self.end_line,
        }
        if self.page is not None:
            out["page"] = self.page
        return out


@dataclass(frozen=True)
class Actor:
    """An addressee as written, with its canonical name and its category in the
    cross-language taxonomy (lang/actors.yaml)."""

    name: str
    canonical: str
    category: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "canonical": self.canonical, "category": self.category}


@dataclass
class Demand:
    """One demand unit: a numbered point, a demand list item, or a demand sentence."""

    id: str
    number: str | None
    label: str | None
    title: str | None
    text: str
    statements: list[str]
    addressees: list[str]
    section: list[str]
    span: Span
    items: list[Demand] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict in the documented key order (see README, "Output contract")."""
        return {
            "id": self.id,
            "number": self.number,
            "label": self.label,
            "title": self.title,
            "text": self.text,
            "statements": list(self.statements),
            "addressees": list(self.addressees),
            "actors": [actor.to_dict() for actor in self.actors],
            "section": list(self.section),
            "span": self.span.to_dict(),
            "items": [item.to_dict() for item in self.items],
        }

    def walk(self):
        """This demand and all its items, depth first."""
        yield self
        for item in self.items:
            yield from item.walk()


@dataclass
class Document:
    """The result for one input: its demands, in document order."""

    source: str
    language: str
    title: str | None
    demands: list[Demand] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain dict in the documented key order (see README, "Output contract")."""
        return {
            "source": self.source,
            "language": self.language,
            "title": self.title,
            "demands": [demand.to_dict() for demand in self.demands],
        }

    def all_demands(self):
        """Every demand and item, flattened in document order."""
        for demand in self.demands:
            yield from demand.walk()
