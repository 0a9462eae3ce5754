"""Serialisers: records (plain dicts in a fixed key order) -> YAML stream, JSON, JSONL.

Each writer writes a record as soon as it gets one, so output streams; nothing in the
output depends on the run (no times, no absolute paths), so the same input gives the
same bytes.
"""

from __future__ import annotations

import json
import re
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
    try:
        text = _render(record, fmt)
    except UnicodeEncodeError:   # the YAML emitter refuses surrogates itself
        text = ""
    if not text or _SURROGATE.search(text):
        # a lone surrogate (from a file name or a PDF's text) has no UTF-8 form: it is
        # written as \udcNN instead of failing the record or writing a raw invalid byte
        text = _render(_without_surrogates(record), fmt)
    return text


def _render(record: dict[str, Any], fmt: str) -> str:
    if fmt == "yaml":
        return "---\n" + dump_yaml(record)
    if fmt == "jsonl":
        return _json(record) + "\n"
    if fmt == "json":
        return _json(record, indent=2)
    if fmt == "csv":
        import csv
        import io

        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(csv_rows(record))
        return buffer.getvalue()
    raise ValueError(f"unknown output format {fmt!r}")


_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters that JSON allows raw in strings but str.splitlines() and JavaScript's older
# parsers take for line ends: a JSONL reader that splits lines would cut a record.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def _json(record: dict[str, Any], indent: int | None = None) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent).translate(_LINE_BREAKS)


def _without_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-8", "backslashreplace").decode("utf-8")
    if isinstance(value, dict):
        return {key: _without_surrogates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    return value


class RecordWriter:
    """Writes records to a text stream in one of FORMATS, one at a time.

    A record is written whole or the writer says it is not: `partial` is true when a
    failure or a second Ctrl-C stopped it halfway. A first Ctrl-C while a record is
    being written waits for that record (see demandx.writing)."""

    def __init__(self, stream: TextIO, fmt: str = "yaml", name: str = "<stdout>"):
        if fmt not in FORMATS:
            raise ValueError(f"unknown output format {fmt!r}")
        self.stream = stream
        self.fmt = fmt
        self.name = name
        self.count = 0
        self.partial = False

    def write(self, record: dict[str, Any]) -> None:
        self.write_rendered(render_record(record, self.fmt))

    def write_rendered(self, text: str) -> None:
        """Write a record already rendered by `render_record` in this writer's format."""
        if self.fmt == "csv" and self.count == 0:
            import csv
            import io

            header = io.StringIO()
            csv.writer(header, lineterminator="\n").writerow(CSV_COLUMNS)
            text = header.getvalue() + text
        if self.fmt == "json":
            prefix = "[\n" if self.count == 0 else ",\n"
            text = prefix + "  " + text.replace("\n", "\n  ")
        self._write(text)
        self.count += 1

    def close(self) -> None:
        """Finish the output (a JSON list needs its closing bracket, even when empty)."""
        if self.fmt == "json":
            self._write("[]\n" if self.count == 0 else "\n]\n")
        else:
            self._write("")

    def _write(self, text: str) -> None:
        from demandx.writing import InterruptedAfterWrite, write_whole

        self.partial = True
        try:
            write_whole(self.stream, text, self.name)
        except InterruptedAfterWrite:
            self.partial = False
            raise
        self.partial = False


def csv_rows(record: dict[str, Any], inert: bool = True) -> list[list[Any]]:
    """The CSV rows of one record, demands and items depth first; `inert`: cells that
    start like a formula are neutralised (for CSV; an xlsx writer stores every cell as a
    string, which no spreadsheet runs)."""
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
    return [[_inert(cell) for cell in row] for row in rows] if inert else rows


# A cell that starts like a formula is run by spreadsheets (`=HYPERLINK(...)` from a
# document becomes a live link); as OWASP recommends for CSV, such a cell gets a leading
# apostrophe, which spreadsheets show as text and do not display.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _inert(cell: Any) -> Any:
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell
