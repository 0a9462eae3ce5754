"""Serialisers: records (plain dicts in a fixed key order) -> YAML stream, JSON, JSONL.

Each writer writes a record as soon as it gets one, so output streams; nothing in the
output depends on the run (no times, no absolute paths), so the same input gives the
same bytes.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

import yaml

FORMATS = ("yaml", "json", "jsonl", "csv")
# CSV: one row per demand, items flattened (their id is their path, "3.1"; `parent` names
# the demand they belong to). Lists are joined with these separators.
CSV_COLUMNS = ("source", "language", "document_title", "id", "parent", "depth", "number",
               "label", "title", "text", "statements", "addressees", "canonical",
               "categories", "section", "start", "end", "start_line", "end_line", "page")
_LIST_SEP = " | "


# libyaml's emitter when PyYAML was built with it: the same YAML, several times faster
_SafeBase = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_SafeBase):  # type: ignore[misc, valid-type]
    """The safe dumper (no Python tags) with readable multi-line strings."""


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _str_representer)


def dump_yaml(record: dict[str, Any]) -> str:
    """One record as a YAML document (without the `---` that starts it)."""
    return yaml.dump(record, Dumper=_Dumper, sort_keys=False, allow_unicode=True,
                     width=100, default_flow_style=False)


def render_record(record: dict[str, Any], fmt: str) -> str:
    """One record as the text a RecordWriter writes for it in `fmt` (for a JSON list:
    the element without the list's brackets and commas; for CSV: its rows)."""
    if fmt == "yaml":
        return "---\n" + dump_yaml(record)
    if fmt == "jsonl":
        return json.dumps(record, ensure_ascii=False) + "\n"
    if fmt == "json":
        return json.dumps(record, ensure_ascii=False, indent=2)
    if fmt == "csv":
        import csv
        import io

        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(csv_rows(record))
        return buffer.getvalue()
    raise ValueError(f"unknown output format {fmt!r}")


class RecordWriter:
    """Writes records to a text stream in one of FORMATS, one at a time."""

    def __init__(self, stream: TextIO, fmt: str = "yaml"):
        if fmt not in FORMATS:
            raise ValueError(f"unknown output format {fmt!r}")
        self.stream = stream
        self.fmt = fmt
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        self.write_rendered(render_record(record, self.fmt))

    def write_rendered(self, text: str) -> None:
        """Write a record already rendered by `render_record` in this writer's format."""
        if self.fmt == "csv" and self.count == 0:
            import csv

            csv.writer(self.stream, lineterminator="\n").writerow(CSV_COLUMNS)
        if self.fmt == "json":
            prefix = "[\n" if self.count == 0 else ",\n"
            text = prefix + "  " + text.replace("\n", "\n  ")
        self.stream.write(text)
        self.count += 1
        self.stream.flush()

    def close(self) -> None:
        """Finish the output (a JSON list needs its closing bracket, even when empty)."""
        if self.fmt == "json":
            self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


def csv_rows(record: dict[str, Any]) -> list[list[Any]]:
    """The CSV rows of one record, demands and items depth first."""
    rows: list[list[Any]] = []

    def visit(demand: dict[str, Any], parent: str, depth: int) -> None:
        span = demand["span"]
        actors = demand.get("actors") or []
        rows.append([
            record["source"], record.get("language") or "", record.get("title") or "",
            demand["id"], parent, depth, demand.get("number") or "", demand.get("label") or "",
            demand.get("title") or "", demand["text"], _LIST_SEP.join(demand["statements"]),
            _LIST_SEP.join(demand["addressees"]),
            _LIST_SEP.join(a["canonical"] for a in actors),
            _LIST_SEP.join(a["category"] for a in actors),
            " > ".join(demand["section"]), span["start"], span["end"], span["start_line"],
            span["end_line"], span.get("page", ""),
        ])
        for item in demand["items"]:
            visit(item, demand["id"], depth + 1)

    for demand in record["demands"]:
        visit(demand, "", 0)
    return rows
