"""Exports analysts open directly: xlsx, SQLite, a CSV for Excel, chosen columns, one
demand per JSON line; the format taken from -o's extension, in any case."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
import yaml
from typer.testing import CliRunner

from demandx.cli import app

runner = CliRunner()

MOTION = """# Forderungen an die Landesregierung

1. Die Landesregierung muss die Gebühren für Kitas in Düsseldorf abschaffen.
2. Wir fordern den Bundestag auf, das Gesetz über Schöffen zu ändern:
   a) Die Fristen müssen verlängert werden.
   b) Die Entschädigung muss steigen.
3. =SUMME(A1:A3) ist keine Formel: die Gemeinden müssen handeln.
"""


@pytest.fixture
def motion(tmp_path):
    path = tmp_path / "antrag.md"
    path.write_text(MOTION, encoding="utf-8")
    return path


def _records(path) -> list[dict]:
    return list(yaml.safe_load_all(runner.invoke(app, ["extract", str(path)]).stdout))


def _demand_count(records) -> int:
    def count(demands):
        return sum(1 + count(d["items"]) for d in demands)

    return sum(count(r["demands"]) for r in records)


def test_xlsx_opens_with_openpyxl_and_pandas(tmp_path, motion):
    openpyxl = pytest.importorskip("openpyxl")
    pandas = pytest.importorskip("pandas")
    pytest.importorskip("xlsxwriter")
    target = tmp_path / "demands.xlsx"
    result = runner.invoke(app, ["extract", str(motion), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["demands", "documents"]
    rows = list(book["demands"].iter_rows(values_only=True))
    header = rows[0]
    assert header[:4] == ("source", "language", "document_title", "id")
    by_id = {row[header.index("id")]: row for row in rows[1:]}
    records = _records(motion)
    assert len(by_id) == _demand_count(records)
    assert "Düsseldorf" in by_id["1"][header.index("text")]
    formula_cell = next(cell for cell in book["demands"]["J"] if str(cell.value).startswith("="))
    assert formula_cell.data_type == "s"  # text, not a formula
    assert by_id["2.a"][header.index("parent")] == "2"
    assert by_id["2.a"][header.index("depth")] == 1
    documents = pandas.read_excel(target, sheet_name="documents")
    assert documents.to_dict("records") == [{
        "source": motion.as_posix(), "language": "de",
        "title": records[0]["title"], "demands": _demand_count(records)}]
    demands = pandas.read_excel(target, sheet_name="demands")
    assert list(demands["id"].astype(str)) == list(by_id)


def test_xlsx_is_the_same_bytes_on_every_run(tmp_path, motion):
    pytest.importorskip("xlsxwriter")
    first, second = tmp_path / "1.xlsx", tmp_path / "2.xlsx"
    for target in (first, second):
        assert runner.invoke(app, ["extract", str(motion), "-f", "XLSX", "-o",
                                   str(target)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_xlsx_fields_choose_the_columns(tmp_path, motion):
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("xlsxwriter")
    target = tmp_path / "few.xlsx"
    result = runner.invoke(app, ["extract", str(motion), "-o", str(target), "--fields",
                                 "id,addressees", "--fields", "categories"])
    assert result.exit_code == 0, result.stderr
    rows = list(openpyxl.load_workbook(target)["demands"].iter_rows(values_only=True))
    assert rows[0] == ("id", "addressees", "categories")
    assert rows[1][0] == "1" and rows[1][1] == "Landesregierung"


def test_sqlite_tables_for_sqlite3_and_pandas(tmp_path, motion):
    target = tmp_path / "demands.DB"
    result = runner.invoke(app, ["extract", str(motion), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    records = _records(motion)
    with sqlite3.connect(target) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master "
                                               "WHERE type = 'table'")}
        assert tables == {"documents", "demands", "addressees"}
        assert db.execute("SELECT source, language FROM documents").fetchall() == [
            (motion.as_posix(), "de")]
        assert db.execute("SELECT count(*) FROM demands").fetchone()[0] == \
            _demand_count(records)
        joined = db.execute(
            "SELECT d.demand_id, a.canonical, a.category FROM demands d "
            "JOIN addressees a ON a.demand = d.id WHERE d.demand_id = '1'").fetchall()
        assert joined == [("1", "Landesregierung", "state-government")]
        statements, parent = db.execute("SELECT statements, parent FROM demands "
                                        "WHERE demand_id = '2.a'").fetchone()
        assert parent == "2" and isinstance(json.loads(statements), list)
        pandas = pytest.importorskip("pandas")
        frame = pandas.read_sql("SELECT * FROM demands", db)
    assert "Düsseldorf" in frame.loc[frame["demand_id"] == "1", "text"].iloc[0]


def test_sqlite_is_the_same_bytes_on_every_run(tmp_path, motion):
    first, second = tmp_path / "1.sqlite", tmp_path / "2.sqlite"
    for target in (first, second):
        assert runner.invoke(app, ["extract", str(motion), "-o", str(target)]).exit_code == 0
    assert first.read_bytes() == second.read_bytes()


def test_excel_csv_round_trips_umlauts(tmp_path, motion):
    target = tmp_path / "demands.csv"
    result = runner.invoke(app, ["extract", str(motion), "--excel", "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs for UTF-8
    text = data.decode("utf-8-sig")
    assert text.split("\r\n")[0].startswith("source;language;document_title;id;")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=";"))
    assert "Düsseldorf" in rows[0]["text"]
    assert "Bundestag" in rows[1]["addressees"].split(" | ")


def test_csv_fields_in_the_order_given(motion):
    result = runner.invoke(app, ["extract", str(motion), "-f", "CSV", "--fields",
                                 "text,id"])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["text", "id"]
    assert rows[1][1] == "1" and "Düsseldorf" in rows[1][0]


def test_jsonl_per_demand_has_the_source_on_each_line(motion):
    result = runner.invoke(app, ["extract", str(motion), "-f", "jsonl", "--per-demand"])
    assert result.exit_code == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    records = _records(motion)
    assert [line["id"] for line in lines] == [d["id"] for d in records[0]["demands"]]
    assert all(line["source"] == motion.as_posix() for line in lines)
    assert list(lines[0])[:4] == ["source", "language", "document_title", "id"]
    assert lines[1]["items"][0]["id"] == "2.a"
    few = runner.invoke(app, ["extract", str(motion), "-f", "jsonl", "--per-demand",
                              "--fields", "source,addressees"])
    assert json.loads(few.stdout.splitlines()[0]) == {"source": motion.as_posix(),
                                                      "addressees": ["Landesregierung"]}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["-f", "xlsx"], "Invalid value for --format: xlsx is written to a file: "
                                     "give -o FILE", id="xlsx-to-stdout"),
        pytest.param(["-f", "sqlite", "-o", "-"], "sqlite is written to a file",
                     id="sqlite-to-stdout"),
        pytest.param(["--excel"], "Invalid value for --excel: only for --format csv, not yaml",
                     id="excel-without-csv"),
        pytest.param(["--per-demand", "-f", "csv"], "only for --format jsonl, not csv",
                     id="per-demand-without-jsonl"),
        pytest.param(["--fields", "id"], "only for the columns of csv and xlsx",
                     id="fields-with-yaml"),
        pytest.param(["-f", "csv", "--fields", "id,colour"], "unknown field colour; choose "
                     "from source, language", id="unknown-field"),
        pytest.param(["-f", "jsonl", "--per-demand", "--fields", "canonical"],
                     "unknown field canonical; choose from source, language, document_title",
                     id="per-demand-keys"),
    ],
)
def test_output_options_that_do_not_fit_are_usage_errors(motion, args, message):
    result = runner.invoke(app, ["extract", str(motion), *args])
    assert result.exit_code == 2
    assert message in " ".join(result.stderr.split())
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("name", "check"),
    [
        pytest.param("out.JSON", lambda text: json.loads(text)[0]["demands"], id="json"),
        pytest.param("out.jsonl", lambda text: json.loads(text.splitlines()[0])["demands"],
                     id="jsonl"),
        pytest.param("out.Csv", lambda text: text.startswith("source,language"), id="csv"),
        pytest.param("out.yml", lambda text: yaml.safe_load(text)["demands"], id="yaml"),
        pytest.param("out.txt", lambda text: yaml.safe_load(text)["demands"],
                     id="unknown-extension-is-yaml"),
    ],
)
def test_format_from_the_output_extension(tmp_path, motion, name, check):
    target = tmp_path / name
    assert runner.invoke(app, ["extract", str(motion), "-o", str(target)]).exit_code == 0
    assert check(target.read_text(encoding="utf-8-sig"))


def test_explicit_format_wins_over_the_extension(tmp_path, motion):
    target = tmp_path / "out.json"
    assert runner.invoke(app, ["extract", str(motion), "-o", str(target), "-f",
                               "Yaml"]).exit_code == 0
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["source"] == motion.as_posix()


def test_xlsx_without_xlsxwriter_says_what_to_install(tmp_path, motion, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "xlsxwriter", None)  # as if it were not installed
    target = tmp_path / "demands.xlsx"
    result = runner.invoke(app, ["extract", str(motion), "-o", str(target)])
    assert result.exit_code == 1
    assert 'needs XlsxWriter: pip install "demandx[xlsx]"' in result.stderr
    assert not target.exists() and list(tmp_path.iterdir()) == [motion]
