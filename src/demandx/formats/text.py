"""Text exports: CSV with chosen columns (and the variant Excel opens), and one demand
per JSON line."""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

from demandx.formats.rows import demand_rows, per_demand

# Excel reads a CSV as UTF-8 only after a byte-order mark, and splits columns at the
# list separator of the system's region, which is ";" wherever "," is the decimal comma
# (Germany, the Netherlands, most of Europe).
EXCEL_BOM = "\ufeff"
EXCEL_DELIMITER = ";"


class CsvWriter:
    """One row per demand and item, limited to `columns`; with `excel`, a UTF-8 BOM,
    ";" between columns and CRLF line ends."""

    def __init__(self, stream: TextIO, columns: tuple[str, ...], excel: bool = False):
        if excel:
            stream.write(EXCEL_BOM)
        self._csv = csv.writer(stream, delimiter=EXCEL_DELIMITER if excel else ",",
                               lineterminator="\r\n" if excel else "\n")
        self._stream = stream
        self._columns = columns
        self._csv.writerow(columns)

    def write(self, record: dict[str, Any]) -> None:
        self._csv.writerows(demand_rows(record, self._columns))
        self._stream.flush()

    def close(self) -> None:
        self._stream.flush()


class PerDemandWriter:
    """JSON Lines, one top-level demand a line, with its document's source on it."""

    def __init__(self, stream: TextIO, keys: tuple[str, ...]):
        self._stream = stream
        self._keys = keys

    def write(self, record: dict[str, Any]) -> None:
        for line in per_demand(record, self._keys):
            text = json.dumps(line, ensure_ascii=False)
            # U+2028/2029 are line ends to JavaScript and some line readers: escaped, a
            # demand stays on its one line
            self._stream.write(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
                               + "\n")
        self._stream.flush()

    def close(self) -> None:
        self._stream.flush()
