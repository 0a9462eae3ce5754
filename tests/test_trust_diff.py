"""`demandx diff` on saved output it cannot trust: deep or wrongly typed YAML/JSON is one
line on stderr, never a traceback; exit status as diff(1): 0 same, 1 different (with
--exit-code), 2 trouble."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from demandx.cli import app

runner = CliRunner()
DOC = "## Forderungen an die Stadt\n\n1. Mehr Busse in allen Stadtteilen\n"


def saved(tmp_path, name: str, content: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def record(demands) -> dict:
    return {"source": "a.md", "language": "de", "title": None, "demands": demands}


def demand(**fields) -> dict:
    return {"id": "1", "number": "1", "title": None, "text": "Mehr Busse",
            "addressees": [], "items": [], **fields}


@pytest.mark.parametrize(("content", "reason"), [
    (json.dumps([record("abc")]), "`demands` should be a list"),
    (json.dumps([record([1, 2])]), "`demands[0]` should be a mapping"),
    (json.dumps([record([demand(text=5)])]), "`demands[0].text` should be a string or null"),
    (json.dumps([record([demand(addressees="Stadt")])]),
     "`demands[0].addressees` should be a list of strings"),
    (json.dumps([record([demand(items=[demand(id={"a": 1})])])]),
     "`demands[0].items[0].id` should be a string"),
    (json.dumps([{"source": 5, "demands": []}]), "`source` should be a string"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
])
def test_wrongly_typed_or_deep_output_is_trouble(tmp_path, content, reason):
    bad = saved(tmp_path, "bad.json", content)
    good = saved(tmp_path, "good.md", DOC)
    for args in ([str(bad), str(good)], [str(good), str(bad), "--exit-code"]):
        result = runner.invoke(app, ["diff", *args])
        assert result.exit_code == 2, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert f"Error: {bad}: not demandx output: {reason}" in result.stderr


def test_deeply_nested_yaml_output_is_trouble(tmp_path):
    bad = saved(tmp_path, "bad.yaml", "source: a\ndemands: " + "[" * 5000 + "]" * 5000)
    result = runner.invoke(app, ["diff", str(bad), str(bad)])
    assert result.exit_code == 2
    assert "not demandx output" in result.stderr


def test_exit_codes_follow_diff(tmp_path):
    old = saved(tmp_path, "v1.md", DOC)
    new = saved(tmp_path, "v2.md", DOC + "2. Tempo 30 vor allen Schulen einführen\n")
    assert runner.invoke(app, ["diff", str(old), str(old), "--exit-code"]).exit_code == 0
    assert runner.invoke(app, ["diff", str(old), str(new), "--exit-code"]).exit_code == 1
    assert runner.invoke(app, ["diff", str(old), str(new)]).exit_code == 0
    missing = runner.invoke(app, ["diff", str(old), str(tmp_path / "typo.md"), "--exit-code"])
    assert missing.exit_code == 2
    assert "typo.md: no such file or directory" in missing.stderr
