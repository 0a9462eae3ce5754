"""Serialisers: safe YAML, a JSON list that streams, JSON Lines; the same bytes every time."""

from __future__ import annotations

import io
import json

import yaml

from demandx.output import RecordWriter

RECORDS = [
    {"source": "a.txt", "language": "de", "title": "Ü: \"quoted\"", "demands": [
        {"id": "1", "text": "zwei\n\nAbsätze", "number": None}]},
    {"source": "b.txt", "language": None, "title": None, "demands": []},
]


def written(fmt):
    stream = io.StringIO()
    writer = RecordWriter(stream, fmt)
    for record in RECORDS:
        writer.write(record)
    writer.close()
    return stream.getvalue()


def test_yaml_stream_round_trips_with_safe_load():
    text = written("yaml")
    assert text.startswith("---\n") and text.count("\n---\n") == 1
    assert "!!python" not in text
    assert list(yaml.safe_load_all(text)) == RECORDS


def test_json_and_jsonl_round_trip():
    assert json.loads(written("json")) == RECORDS
    assert [json.loads(line) for line in written("jsonl").splitlines()] == RECORDS


def test_empty_json_is_an_empty_list():
    stream = io.StringIO()
    RecordWriter(stream, "json").close()
    assert json.loads(stream.getvalue()) == []


def test_deterministic():
    assert written("yaml") == written("yaml")
