"""SQLite export: tables `documents`, `demands` and `addressees`, for Datasette, pandas
`read_sql` or any SQL client. sqlite3 from the standard library: no dependency."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

_SCHEMA = """
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,          -- position in the input order, from 1
    source TEXT NOT NULL,
    language TEXT,
    title TEXT
);
CREATE TABLE demands (
    id INTEGER PRIMARY KEY,          -- unique over the database
    document_id INTEGER NOT NULL REFERENCES documents(id),
    demand_id TEXT NOT NULL,         -- the record's id ("3", "3.1"), unique in a document
    parent TEXT,                     -- demand_id of the demand an item belongs to
    depth INTEGER NOT NULL,          -- 0 for a demand, 1 for its items, ...
    number TEXT,
    label TEXT,
    title TEXT,
    text TEXT NOT NULL,
    statements TEXT NOT NULL,        -- a JSON list of strings
    section TEXT NOT NULL,           -- the headings above, joined by " > "
    start INTEGER, "end" INTEGER, start_line INTEGER, end_line INTEGER, page INTEGER
);
CREATE TABLE addressees (
    demand INTEGER NOT NULL REFERENCES demands(id),
    position INTEGER NOT NULL,       -- order among the demand's addressees, from 1
    name TEXT NOT NULL,
    canonical TEXT NOT NULL,
    category TEXT NOT NULL
);
CREATE INDEX demands_document ON demands(document_id);
CREATE INDEX addressees_demand ON addressees(demand);
CREATE INDEX addressees_category ON addressees(category);
"""


class SqliteWriter:
    """Writes records into a new SQLite database at `path`."""

    def __init__(self, path: Path):
        # the CLI hands a fresh temporary file; an existing database is not appended to
        self._db = sqlite3.connect(str(path))
        self._db.executescript(_SCHEMA)
        self._documents = 0
        self._demands = 0

    def write(self, record: dict[str, Any]) -> None:
        self._documents += 1
        self._db.execute("INSERT INTO documents VALUES (?, ?, ?, ?)",
                         (self._documents, record["source"], record.get("language"),
                          record.get("title")))
        for demand in record["demands"]:
            self._demand(demand, None, 0)

    def _demand(self, demand: dict[str, Any], parent: str | None, depth: int) -> None:
        self._demands += 1
        span = demand["span"]
        self._db.execute(
            "INSERT INTO demands VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self._demands, self._documents, demand["id"], parent, depth, demand.get("number"),
             demand.get("label"), demand.get("title"), demand["text"],
             json.dumps(demand["statements"], ensure_ascii=False),
             " > ".join(demand["section"]), span["start"], span["end"], span["start_line"],
             span["end_line"], span.get("page")))
        own = self._demands
        self._db.executemany(
            "INSERT INTO addressees VALUES (?, ?, ?, ?, ?)",
            [(own, position, actor["name"], actor["canonical"], actor["category"])
             for position, actor in enumerate(demand.get("actors") or [], start=1)])
        for item in demand["items"]:
            self._demand(item, demand["id"], depth + 1)

    def close(self) -> None:
        self._db.commit()
        self._db.close()
