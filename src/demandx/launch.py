"""The console script's entry point: `demandx --help` answered without importing the
command line.

Importing Typer alone costs about 0.08 s CPU on the development machine, on top of the
interpreter's own 0.04 s, so with it `demandx --help` cannot stay within 0.1 s. The
top-level help is plain text that changes only when a command or a top-level option
does: it is kept in `top_help.txt`, written by Typer itself (`write_top_help`), and
tests/test_launch.py fails when it no longer is what Typer prints. Everything else,
and the help itself wherever Typer would print it differently (a terminal narrower
than the 80 columns it wraps at, another program name, shell completion at work),
goes to the command line as always.

After changing a command's help, write the file again:
    python -c "from demandx.launch import write_top_help; write_top_help()"
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

TOP_HELP = Path(__file__).with_name("top_help.txt")
PROGRAM = "demandx"
_HELP_OPTIONS = ("--help", "-h")
# Typer wraps help at the terminal's width, but never wider than 80 columns
_FULL_WIDTH = 80


def main() -> None:
    """Console-script entry point."""
    if _stored_help_applies(sys.argv) and (text := _stored_help()) is not None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from demandx.cli import main as command_line

    command_line()


def _stored_help_applies(argv: list[str]) -> bool:
    program = os.path.basename(argv[0]).removesuffix(".exe") if argv else ""
    completing = f"_{PROGRAM.upper()}_COMPLETE" in os.environ
    return (program == PROGRAM and argv[1:] in ([option] for option in _HELP_OPTIONS)
            and not completing and _terminal_columns() >= _FULL_WIDTH)


def _terminal_columns() -> int:
    """The width `shutil.get_terminal_size` gives Typer, without importing shutil (which
    imports three compression modules)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or _FULL_WIDTH
    except (AttributeError, ValueError, OSError):
        return _FULL_WIDTH


def _stored_help() -> str | None:
    try:
        return TOP_HELP.read_text(encoding="utf-8")
    except OSError:  # not installed with the package: Typer answers
        return None


def render_top_help() -> str:
    """What Typer prints for `demandx --help` at full width."""
    from typer.testing import CliRunner

    from demandx.cli import app

    # the runner forces its width on the formatter, which at full width is 2 columns
    # short of the terminal's
    result = CliRunner().invoke(app, ["--help"], prog_name=PROGRAM,
                                terminal_width=_FULL_WIDTH - 2)
    if result.exit_code != 0:
        raise RuntimeError(f"demandx --help failed: {result.output}")
    return result.output


def write_top_help() -> None:
    TOP_HELP.write_text(render_top_help(), encoding="utf-8")
