"""`demandx --help` from the stored top-level help, without importing the command line,
and Typer's own answer everywhere the stored text would not be what Typer prints."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from demandx.launch import TOP_HELP, render_top_help


def test_stored_help_is_what_typer_prints():
    assert TOP_HELP.read_text(encoding="utf-8") == render_top_help(), (
        "src/demandx/top_help.txt is stale: run "
        "python -c \"from demandx.launch import write_top_help; write_top_help()\"")


def _launch(args: list[str], **env: str) -> tuple[str, list[str], int]:
    """Run the entry point as the console script does; its output and whether the
    command line (Typer) was imported."""
    code = ("import atexit, json, sys\n"
            "atexit.register(lambda: sys.stderr.write(json.dumps(sorted(\n"
            "    m for m in sys.modules if m.split('.')[0] == 'typer'))))\n"
            f"sys.argv = {['demandx', *args]!r}\n"
            "from demandx.launch import main\n"
            "main()\n")
    environment = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=300, check=False, env={**environment, **env})
    return result.stdout, json.loads(result.stderr.splitlines()[-1]), result.returncode


@pytest.mark.parametrize("option", ["--help", "-h"])
def test_help_without_the_command_line(option):
    out, typer_modules, status = _launch([option])
    assert (out, typer_modules, status) == (TOP_HELP.read_text(encoding="utf-8"), [], 0)


def test_narrow_terminal_gets_typers_wrapping():
    out, typer_modules, status = _launch(["--help"], COLUMNS="60")
    assert status == 0 and typer_modules
    assert out.startswith("Usage: demandx [OPTIONS] COMMAND [ARGS]...")
    assert out != TOP_HELP.read_text(encoding="utf-8")
    assert max(map(len, out.splitlines())) <= 58


@pytest.mark.parametrize("args", [["--version"], ["text", "--help"]])
def test_anything_else_goes_to_the_command_line(args):
    out, typer_modules, status = _launch(args)
    assert status == 0 and typer_modules
    assert out != TOP_HELP.read_text(encoding="utf-8")


def test_shell_completion_goes_to_the_command_line():
    _, typer_modules, _ = _launch(["--help"], _DEMANDX_COMPLETE="complete_bash",
                                  COMP_WORDS="demandx --he", COMP_CWORD="1")
    assert typer_modules
