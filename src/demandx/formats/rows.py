"""Records flattened into rows: one per demand and item (depth first), with the columns
an analyst can choose with `--fields`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from demandx.output import CSV_COLUMNS, csv_rows

# The columns of a demand row, as in CSV output (see README, "CSV").
DEMAND_COLUMNS = CSV_COLUMNS
DOCUMENT_COLUMNS = ("source", "language", "title", "demands")
# One line of `-f jsonl --per-demand`: the document's fields, then the demand's own.
PER_DEMAND_KEYS = ("source", "language", "document_title", "id", "number", "label", "title",
                   "text", "statements", "addressees", "actors", "section", "span", "items")


def check_fields(fields: list[str] | None, available: tuple[str, ...]) -> tuple[str, ...]:
    """The chosen columns in the order given, or all of them.

    `fields` may hold comma-separated lists ("id,text" or several --fields).

    Raises:
        ValueError: a field is not one of `available` (the message lists them).
    """
    if not fields:
        return available
    chosen = [name.strip() for value in fields for name in value.split(",") if name.strip()]
    unknown = [name for name in chosen if name not in available]
    if unknown:
        raise ValueError(f"unknown field{'s' if len(unknown) > 1 else ''} "
                         f"{', '.join(unknown)}; choose from {', '.join(available)}")
    return tuple(dict.fromkeys(chosen))


def demand_rows(record: dict[str, Any], columns: tuple[str, ...],
                inert: bool = True) -> Iterator[list[Any]]:
    """The rows of one record's demands and items, limited to `columns` (`inert`: see
    demandx.output.csv_rows)."""
    positions = [DEMAND_COLUMNS.index(name) for name in columns]
    for row in csv_rows(record, inert):
        yield [row[position] for position in positions]


def document_row(record: dict[str, Any]) -> list[Any]:
    """One row per document: source, language, title and how many demands it holds."""
    def count(demands: list[dict[str, Any]]) -> int:
        return sum(1 + count(d["items"]) for d in demands)

    return [record["source"], record.get("language") or "", record.get("title") or "",
            count(record["demands"])]


def per_demand(record: dict[str, Any], keys: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    """One dict per top-level demand, with its document's source, language and title
    first (items stay nested in it), limited to `keys`."""
    document = {"source": record["source"], "language": record.get("language"),
                "document_title": record.get("title")}
    for demand in record["demands"]:
        line = {**document, **demand}
        yield {key: line[key] for key in keys}
