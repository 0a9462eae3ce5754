"""The `demandx` command line. Each command lives in its own module; this one holds the
app, the options they share and the one place where errors become exit codes.

Exit codes: 0 success; 1 an input failed (the others were still processed and written)
or the output could not be written; 2 usage error, or an -o path that cannot be
written; 3 no demand found with --fail-on-empty; 130 interrupted; 143 terminated.
`demandx diff` follows diff(1): 0 same, 1 different (with --exit-code), 2 trouble.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading

import typer
from typer.core import TyperGroup

from demandx import __version__
from demandx.cli._quick import quick_conversion

EXIT_OK = 0
EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2
EXIT_EMPTY = 3
EXIT_INTERRUPTED = 130


class _Group(TyperGroup):
    """demandx's commands, their option values converted without pydantic where there
    is nothing to convert (demandx.cli._quick: 0.16 s of every command's start)."""

    def main(self, *args, **kwargs):
        with quick_conversion():
            return super().main(*args, **kwargs)


app = typer.Typer(
    cls=_Group,
    name="demandx",
    help=(
        "Find the demands in policy documents (German, Dutch, English): their number, "
        "title, text and addressees, as YAML, JSON or JSONL.\n\n"
        "Exit codes: 0 success, 1 some input failed or the output could not be written, "
        "2 usage error, 3 no demand found (with --fail-on-empty), 130 interrupted, "
        "143 terminated. demandx diff: 0 same, 1 different (with --exit-code), 2 trouble."
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"demandx {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Find the demands in policy documents."""


def _words_not_types() -> None:
    """Help names an argument by its metavar ("[FILE|DIR|-]..."), as options already
    are: Typer appends a Python type to arguments ("<list[str]>", "<path>") that reads as
    code, not as words."""
    from typer.core import TyperArgument

    def display_type_rich(self, ctx):
        return None if self.metavar else TyperArgument.display_type(self, ctx)

    TyperArgument.display_type_rich = display_type_rich


def _register() -> None:
    # Each module adds its command to `app`; importing them here keeps start-up light,
    # since none of them imports spaCy before a command runs.
    from demandx.cli import diff, evaluate, extract, report, schema, show, text  # noqa: F401


_words_not_types()
_register()


def main() -> None:
    """Console-script entry point."""
    from demandx import collector
    from demandx.spacy_without_cli import install

    collector.start()
    install()
    try:
        app()
    except SystemExit as exc:
        _exit_at_once(exc.code)
    _exit_at_once(0)


def _exit_at_once(code) -> None:
    """End the process once its output is flushed and the exit handlers have run,
    without the interpreter's teardown: freeing spaCy's pipelines and every module
    object by object took 0.16 s at the end of each run, measured here, for nothing.

    Where that is not plainly safe (other threads still running, a message instead of
    a status, output that cannot be flushed), the interpreter ends as usual."""
    if not (code is None or isinstance(code, int)) or \
            any(t.is_alive() and not t.daemon for t in threading.enumerate()
                if t is not threading.main_thread()):
        raise SystemExit(code)
    atexit._run_exitfuncs()  # what the interpreter would run first (and the PDF child's end)
    try:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
    except (OSError, ValueError):
        raise SystemExit(code) from None  # and the interpreter reports it as it always did
    os._exit(code or 0)
