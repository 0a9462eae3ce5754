"""The command line, in-process: exit codes, output that parses, errors on stderr."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from conftest import SEEDS
from demandx.cli import app

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_extract_seeds_yaml_stream():
    result = run("extract", str(SEEDS))
    assert result.exit_code == 0, result.stderr
    records = list(yaml.safe_load_all(result.stdout))
    assert [Path(r["source"]).name for r in records] == sorted(p.name for p in SEEDS.iterdir())
    assert list(records[0]) == ["source", "language", "title", "demands"]
    first = records[0]["demands"][0]
    assert list(first) == ["id", "number", "label", "title", "text", "statements",
                           "addressees", "actors", "section", "span", "items"]
    assert first["actors"] == [{"name": "Politik", "canonical": "Politik",
                                "category": "parties"}]


def test_formats_agree():
    as_yaml = list(yaml.safe_load_all(run("extract", str(SEEDS)).stdout))
    as_json = json.loads(run("extract", str(SEEDS), "--format", "json").stdout)
    as_jsonl = [json.loads(line) for line in
                run("extract", str(SEEDS), "-f", "jsonl").stdout.splitlines()]
    assert as_yaml == as_json == as_jsonl


def test_same_bytes_on_every_run():
    first = run("extract", str(SEEDS)).stdout
    second = run("extract", str(SEEDS)).stdout
    assert first == second


def test_stdin_and_output_file(tmp_path):
    target = tmp_path / "out.json"
    result = run("extract", "-", "-f", "json", "-o", str(target),
                 input="Wir fordern die Stadt auf, mehr Bäume zu pflanzen.\n")
    assert result.exit_code == 0
    assert result.stdout == ""
    records = json.loads(target.read_text(encoding="utf-8"))
    assert records[0]["source"] == "<stdin>"
    assert records[0]["demands"][0]["addressees"] == ["Stadt"]
    assert not [p for p in tmp_path.iterdir() if p.name != "out.json"]  # no temp file left


def test_bad_inputs_are_one_line_errors_and_the_rest_goes_on(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Wir fordern mehr Personal.\n", encoding="utf-8")
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    result = run("extract", str(tmp_path / "missing.txt"), str(empty_dir), str(binary),
                 str(good))
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3
    assert errors[0].startswith("Error: ") and "missing.txt: no such file" in errors[0]
    assert "nothing: no documents" in errors[1]
    assert "binary.txt: binary data" in errors[2]
    assert "Traceback" not in result.stderr
    records = list(yaml.safe_load_all(result.stdout))
    assert [Path(r["source"]).name for r in records] == ["good.txt"]


def test_legacy_encoding_is_read(tmp_path):
    doc = tmp_path / "latin.txt"
    doc.write_bytes("Wir fordern die Bürgerinnen und Bürger auf, zu wählen.\n".encode("cp1252"))
    result = run("extract", str(doc))
    assert result.exit_code == 0
    record = yaml.safe_load(result.stdout)
    assert "Bürgerinnen" in record["demands"][0]["text"]


def test_empty_document_gives_a_record_without_demands(tmp_path):
    doc = tmp_path / "empty.md"
    doc.write_text("", encoding="utf-8")
    result = run("extract", str(doc))
    assert result.exit_code == 0
    assert yaml.safe_load(result.stdout)["demands"] == []


def test_usage_errors_exit_2():
    assert run("extract", "--format", "xml", str(SEEDS)).exit_code == 2
    assert run("extract", "--lang", "fr", str(SEEDS)).exit_code == 2
    assert run("extract", "--model", "nonsense", str(SEEDS)).exit_code == 2
    assert run("extract", "-q", "-v", str(SEEDS)).exit_code == 2


def test_fail_on_empty(tmp_path):
    doc = tmp_path / "nothing.txt"
    doc.write_text("Das Wetter ist schön.\n", encoding="utf-8")
    assert run("extract", str(doc), "--fail-on-empty").exit_code == 3
    assert run("extract", str(doc)).exit_code == 0


def test_text_command_prints_what_spans_point_into():
    source = SEEDS / "000_c0e25bf6d5223cae.txt"
    printed = run("text", str(source)).stdout
    record = yaml.safe_load(run("extract", str(source)).stdout)
    for demand in record["demands"]:
        span = demand["span"]
        assert demand["text"].split()[0] in printed[span["start"]:span["end"]]


def test_version_and_help():
    assert run("--version").stdout.startswith("demandx ")
    for command in ("extract", "eval", "text"):
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "Example" in result.stdout


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_output_file_gets_normal_permissions(tmp_path):
    target = tmp_path / "out.yaml"
    run("extract", str(SEEDS / "001_8aab90436859eff1.txt"), "-o", str(target))
    assert target.stat().st_mode & 0o044  # readable by group/others as with open()


def test_bad_documents_of_every_format(tmp_path):
    from pdfgen import Line, make_pdf

    good = make_pdf([[Line("Wir fordern die Stadt auf, Bäume zu pflanzen.")]])
    (tmp_path / "good.pdf").write_bytes(good)
    (tmp_path / "truncated.pdf").write_bytes(good[: len(good) // 3])
    (tmp_path / "not-a-zip.docx").write_bytes(b"plain text, not a Word file")
    (tmp_path / "broken.xml").write_bytes(b"<?xml version='1.0'?><a><b></a>")
    (tmp_path / "zero.pdf").write_bytes(b"")
    (tmp_path / "renamed.pdf").write_bytes(b"Just text with a .pdf name")
    result = run("extract", str(tmp_path), "-f", "jsonl")
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 5
    for name in ("truncated.pdf", "not-a-zip.docx", "broken.xml", "zero.pdf", "renamed.pdf"):
        assert sum(name in line for line in errors) == 1
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["source"]).name for r in records] == ["good.pdf"]
    assert records[0]["demands"][0]["span"]["page"] == 1


_STADT_V1 = ("## Forderungen an die Stadt\n\n1. Mehr Busse in allen Stadtteilen\n"
             "2. Tempo 30 vor Schulen\n")
_STADT_V2 = "## Forderungen an die Stadt\n\n1. Mehr Busse in allen Stadtteilen\n"


def test_show_reads_standard_input():
    result = run("show", "-", input=_STADT_V1)
    assert result.exit_code == 0, result.stderr
    out = " ".join(result.stdout.split())
    assert "<stdin>" in out and "Tempo 30 vor Schulen" in out and "2 demands" in out


def test_show_counts_one_demand_in_the_singular(tmp_path):
    doc = tmp_path / "one.md"
    doc.write_text(_STADT_V2, encoding="utf-8")
    out = " ".join(run("show", str(doc)).stdout.split())  # the header wraps on narrow terminals
    assert "· 1 demand " in out and "1 demands" not in out


def test_report_reads_standard_input(tmp_path):
    page = tmp_path / "r.html"
    result = run("report", "-", "-o", str(page), input=_STADT_V1)
    assert result.exit_code == 0, result.stderr
    html = page.read_text(encoding="utf-8")
    assert "&lt;stdin&gt;" in html and "Tempo 30 vor Schulen" in html


@pytest.mark.parametrize("saved", [False, True], ids=["document", "demandx-output"])
def test_diff_reads_either_side_from_standard_input(tmp_path, saved):
    new = tmp_path / "v2.md"
    new.write_text(_STADT_V2, encoding="utf-8")
    stdin = _STADT_V1
    if saved:
        old = tmp_path / "v1.md"
        old.write_text(_STADT_V1, encoding="utf-8")
        stdin = run("extract", str(old)).stdout
    result = run("diff", "-", str(new), input=stdin)
    assert result.exit_code == 0, result.stderr
    report = yaml.safe_load(result.stdout)
    assert report["summary"]["removed"] == 1
    assert report["removed"][0]["text"] == "Tempo 30 vor Schulen"


def test_diff_cannot_read_both_sides_from_standard_input():
    result = run("diff", "-", "-", input=_STADT_V1)
    assert result.exit_code == 2
    assert "only one of OLD and NEW can be '-'" in result.stderr


def test_verbose_counts_in_the_singular(tmp_path):
    doc = tmp_path / "one.md"
    doc.write_text(_STADT_V2, encoding="utf-8")
    result = run("extract", str(doc), "-v")
    assert f"{doc.as_posix()}: 1 demand\n" in result.stderr
