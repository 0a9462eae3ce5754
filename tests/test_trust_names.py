"""Odd names and odd characters on the way out: a file name that is not valid UTF-8 or
holds an ESC sequence, cells that a spreadsheet would run as formulas, line separators
that split JSON Lines. Every record is written, in valid UTF-8, and nothing reaches the
terminal raw."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
import yaml

from demandx.output import RecordWriter, render_record

GOOD = "Wir fordern die Stadt auf, mehr Bäume zu pflanzen.\n"


def demandx(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "demandx", *args], capture_output=True,
                          timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.fixture()
def odd_names(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(GOOD, encoding="utf-8")
    (folder / "red\x1b[31m.txt").write_text(GOOD, encoding="utf-8")
    (folder / "zz-ok.txt").write_text(GOOD, encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["yaml", "json", "jsonl", "csv"])
@pytest.mark.parametrize("to_file", [False, True])
def test_names_that_are_not_utf8_or_hold_escapes_are_written_escaped(odd_names, tmp_path,
                                                                    fmt, to_file):
    target = tmp_path / f"out.{fmt}"
    result = demandx("extract", str(odd_names), "-f", fmt,
                     *(["-o", str(target)] if to_file else []))
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    data = target.read_bytes() if to_file else result.stdout
    text = data.decode("utf-8")      # valid UTF-8: no raw invalid byte
    assert "\x1b" not in text
    if fmt == "yaml":
        sources = [doc["source"] for doc in yaml.safe_load_all(text)]
    elif fmt == "json":
        sources = [record["source"] for record in json.loads(text)]
    elif fmt == "jsonl":
        sources = [json.loads(line)["source"] for line in text.splitlines()]
    else:
        sources = [row["source"] for row in csv.DictReader(io.StringIO(text))]
    assert [s.rsplit("/", 1)[-1] for s in sources] == ["caf\\xe9.txt", "red\\x1b[31m.txt",
                                                       "zz-ok.txt"]


def test_escape_sequences_in_names_do_not_reach_the_terminal_in_errors(tmp_path):
    bad = tmp_path / "evil\x1b]0;pwned\x07.pdf"
    bad.write_bytes(b"not a pdf")
    result = demandx("extract", str(bad), str(tmp_path / "gone\x1b[2J.txt"))
    assert result.returncode == 1
    stderr = result.stderr.decode("utf-8")
    assert "\x1b" not in stderr and "\x07" not in stderr
    assert "evil\\x1b]0;pwned\\x07.pdf: not a PDF" in stderr
    assert "gone\\x1b[2J.txt: no such file or directory" in stderr


def test_a_surrogate_in_a_record_is_written_escaped_in_every_format():
    record = {"source": "caf\udce9.txt", "language": "de", "title": None, "demands": []}
    for fmt in ("yaml", "json", "jsonl"):
        text = render_record(record, fmt)
        text.encode("utf-8")
        assert "caf\\udce9.txt" in text.replace("\\\\", "\\")


def test_jsonl_escapes_the_line_separators_splitlines_honours():
    text = "eins\u2028zwei\u2029drei\x85vier"
    record = {"source": "a.txt", "demands": [{"id": "1", "text": text}]}
    for fmt in ("jsonl", "json"):
        stream = io.StringIO()
        writer = RecordWriter(stream, fmt)
        writer.write(record)
        writer.write(record)
        writer.close()
        text = stream.getvalue()
        if fmt == "jsonl":
            lines = text.splitlines()
            assert len(lines) == 2 and [json.loads(line) for line in lines] == [record] * 2
        else:
            assert json.loads(text) == [record] * 2
        assert not {"\u2028", "\u2029", "\x85"} & set(text)


def test_csv_cells_that_look_like_formulas_are_inert():
    demand = {"id": "1", "number": None, "label": "-", "title": "=HYPERLINK(\"http://evil/\",\"click\")",
              "text": "+1 Wir fordern mehr.", "statements": ["@SUM(A1)"], "addressees": [],
              "actors": [], "section": [], "span": {"start": 0, "end": 5, "start_line": 1,
                                                     "end_line": 1}, "items": []}
    record = {"source": "=cmd.txt", "language": "de", "title": "\tTitel", "demands": [demand]}
    rows = list(csv.DictReader(io.StringIO("source,language,document_title,id,parent,depth,"
                                           "number,label,title,text,statements,addressees,"
                                           "canonical,categories,section,start,end,"
                                           "start_line,end_line,page\n"
                                           + render_record(record, "csv"))))
    row = rows[0]
    assert row["title"] == "'=HYPERLINK(\"http://evil/\",\"click\")"
    assert row["text"] == "'+1 Wir fordern mehr."
    assert row["statements"] == "'@SUM(A1)"
    assert row["label"] == "'-"
    assert row["source"] == "'=cmd.txt"
    assert row["document_title"] == "'\tTitel"
    assert row["start"] == "0" and row["id"] == "1"


def test_an_unreadable_subdirectory_is_reported_not_skipped(tmp_path, monkeypatch):
    from demandx.api import find_documents

    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "b.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "z.txt").write_text(GOOD, encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("secret"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = [str(item) if not hasattr(item, "path") else item.name
             for item in find_documents([tmp_path])]
    assert found == [f"{tmp_path}/a.txt", f"{tmp_path}/z.txt",
                     f"{tmp_path}/secret: cannot list this directory: Permission denied"]
