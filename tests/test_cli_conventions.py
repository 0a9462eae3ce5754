"""Command-line conventions: -V, shell completion, NO_COLOR, help that reads as words,
error messages that name the option once."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from demandx import __version__
from demandx.cli import app

runner = CliRunner()
COMMANDS = ("extract", "text", "show", "report", "diff", "schema", "eval")


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(flag):
    result = runner.invoke(app, [flag])
    assert result.exit_code == 0
    assert result.stdout == f"demandx {__version__}\n"


def test_shell_completion_is_offered():
    help_text = runner.invoke(app, ["--help"]).stdout
    assert "--install-completion" in help_text and "--show-completion" in help_text


@pytest.mark.parametrize("command", COMMANDS)
def test_help_labels_read_as_words(command):
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    # choices read as words ("<yaml|json>"); Python types do not ("<list[str]>", "<path>")
    labels = re.findall(r"<([^>|]+)>", result.stdout)
    assert labels == []


def test_model_error_names_the_option_once():
    result = runner.invoke(app, ["extract", "-m", "foo", "-"], input="Text.")
    assert result.exit_code == 2
    assert "Invalid value for --model: expected LANG=MODEL" in result.stderr
    assert "--model: --model" not in result.stderr


def test_model_error_from_the_environment_names_the_variable(monkeypatch):
    monkeypatch.setenv("DEMANDX_MODELS", "foo")
    result = runner.invoke(app, ["extract", "-"], input="Text.")
    assert result.exit_code == 2
    assert "Invalid value for DEMANDX_MODELS: expected LANG=MODEL" in result.stderr


def _show(tmp_path, env):
    doc = tmp_path / "a.md"
    doc.write_text("# Forderungen\n\n1. Die Stadt muss Radwege bauen.\n", encoding="utf-8")
    return runner.invoke(app, ["show", str(doc)], env=env)


def test_no_color_removes_all_styling(tmp_path):
    styled = _show(tmp_path, {"FORCE_COLOR": "1", "NO_COLOR": ""})
    assert "\x1b[" in styled.stdout  # bold, dim and reverse when forced
    plain = _show(tmp_path, {"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert plain.exit_code == 0
    assert "\x1b[" not in plain.stdout and "Radwege" in plain.stdout
