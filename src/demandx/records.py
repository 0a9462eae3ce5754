"""Demand units -> output records (`Demand`), with stable ids, clean text and spans."""

from __future__ import annotations

import re

from demandx.demands import Unit
from demandx.mapped import Mapped
from demandx.model import Demand, Span, Text
from demandx.taxonomy import classify

_SPACES = re.compile(r"[ \t\u00a0]+")
_LABEL_PUNCT = re.compile(r"[\s.:)(]+$|^[\s(]+")


class LineIndex:
    """Offset -> 1-based line number, for one document text."""

    def __init__(self, text: str):
        self._starts = [0]
        position = text.find("\n")
        while position != -1:
            self._starts.append(position + 1)
            position = text.find("\n", position + 1)

    def line_of(self, offset: int) -> int:
        from bisect import bisect_right

        return bisect_right(self._starts, offset)


def to_records(units: list[Unit], text: Text) -> list[Demand]:
    """Records for the units of one document, with ids (see `_ids`)."""
    lines = LineIndex(text.text)
    used: set[str] = set()
    return _records(units, "", text, lines, used)


def _records(units: list[Unit], prefix: str, text: Text, lines: LineIndex,
             used: set[str]) -> list[Demand]:
    return [_record(unit, demand_id, text, lines, used)
            for unit, demand_id in zip(units, _ids(units, prefix, used), strict=True)]


def _ids(units: list[Unit], prefix: str, used: set[str]) -> list[str]:
    """Ids of siblings: the printed number where there is one ("3", "II", "2.1"), else the
    position among the siblings ("1", "2"; "p4" when numbered siblings are around, so
    that positions and numbers cannot be confused). A child's id starts with its parent's.
    """
    mixed = any(_number(u) for u in units) and not all(_number(u) for u in units)
    ids = []
    for position, unit in enumerate(units, start=1):
        own = _number(unit) or (f"p{position}" if mixed else str(position))
        ids.append(_unique(prefix + own, used))
    return ids


def _record(unit: Unit, demand_id: str, text: Text, lines: LineIndex,
            used: set[str]) -> Demand:
    number = _number(unit)
    start, end = unit.span
    span = Span(start=start, end=end, start_line=lines.line_of(start),
                end_line=lines.line_of(max(start, end - 1)), page=text.page_of(start))
    items = _records(unit.items, demand_id + ".", text, lines, used)
    return Demand(
        id=demand_id,
        number=number,
        label=_label(unit),
        title=clean(unit.title) or None if unit.title is not None else None,
        text=clean(unit.text),
        statements=[clean(s) for s in unit.statements if clean(s)],
        addressees=list(unit.addressees),
        actors=[classify(name) for name in unit.addressees],
        section=list(unit.section),
        span=span,
        items=items,
    )


def _unique(candidate: str, used: set[str]) -> str:
    """Ids stay unique in a document even when two lists both count from 1."""
    demand_id = candidate
    suffix = 2
    while demand_id in used:
        demand_id = f"{candidate}-{suffix}"
        suffix += 1
    used.add(demand_id)
    return demand_id


def _number(unit: Unit) -> str | None:
    marker = unit.marker
    if marker is None or marker.kind != "label" or marker.number is None:
        return None
    return _LABEL_PUNCT.sub("", marker.number) or None


def _label(unit: Unit) -> str | None:
    marker = unit.marker
    if marker is None or marker.kind != "label":
        return None
    return marker.printed.rstrip(":").strip() or None


def clean(mapped: Mapped | None) -> str:
    """Record text: spaces collapsed, paragraph breaks kept as blank lines."""
    if mapped is None:
        return ""
    paragraphs = [(_SPACES.sub(" ", p)).strip() for p in mapped.text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)
