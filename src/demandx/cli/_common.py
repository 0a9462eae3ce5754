"""What the commands share: option types, the stderr console, error lines, output files."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TextIO

import typer

from demandx.formats import NAMES
from demandx.lang import available_languages
from demandx.loaders import FORMATS

_MAX_ECHO = 1000


# Formats of extracted records: the record streams and the exports (demandx.formats).
OutputFormat = Enum("OutputFormat", {name: name for name in NAMES}, type=str)  # type: ignore[misc]


# Languages demandx has data for (one file each in demandx/lang), or auto-detection per
# document: adding a language file adds its choice.
LangChoice = Enum("LangChoice", {"auto": "auto", **{code: code for code in available_languages()}},
                  type=str)


# Input formats to force instead of detecting: one per entry of the loaders' registry.
InputFormat = Enum("InputFormat", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]


FORMAT_OPTION = typer.Option(None, "--format", "-f", case_sensitive=False,
                             help="Output format: a YAML stream (one document per input), "
                                  "a JSON list, JSON Lines, CSV (one row per demand, "
                                  "items flattened), an Excel workbook (xlsx) or an SQLite "
                                  "database; needs -o FILE for xlsx and sqlite. Default: "
                                  "from -o FILE's extension, else yaml.")
OUTPUT_OPTION = typer.Option(None, "--output", "-o", metavar="FILE",
                             help="Write to FILE (atomically) instead of standard output; "
                                  "'-' is standard output.")
LANG_OPTION = typer.Option(LangChoice.auto, "--lang", "-l",
                           help="Language of the documents; 'auto' detects it per document.")
MODEL_OPTION = typer.Option(None, "--model", "-m", metavar="LANG=MODEL",
                            help="spaCy pipeline for a language: a directory, an installed "
                                 "package, or 'blank'. Repeat for several languages. "
                                 "Default: the bundled pipeline, else blank. Also read from "
                                 "DEMANDX_MODELS=\"de=...,nl=...\".")
INPUT_FORMAT_OPTION = typer.Option(None, "--input-format",
                                   help="Read every input as this format instead of "
                                        "detecting it from content and extension.")


def console(stderr: bool = False, **options):
    """A Rich console; Rich decides on colour (FORCE_COLOR, TTY). NO_COLOR removes all
    styling, not only colour: Rich alone would still print bold, dim and reverse, and
    no-color.org asks for none."""
    from rich.console import Console

    if os.environ.get("NO_COLOR"):
        options["color_system"] = None
    return Console(stderr=stderr, highlight=False, **options)


def stderr_console():
    """The console for progress, warnings and errors."""
    return console(stderr=True, soft_wrap=True)


def _short(text: str) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= _MAX_ECHO else text[:_MAX_ECHO] + "…"


def error(message: str) -> None:
    """One line on stderr: `Error: <message>`."""
    from rich.markup import escape

    stderr_console().print(f"[bold red]Error:[/] {escape(_short(message))}")


def warning(message: str) -> None:
    """One line on stderr: `Warning: <message>`."""
    from rich.markup import escape

    stderr_console().print(f"[yellow]Warning:[/] {escape(_short(message))}")


def info(message: str) -> None:
    from rich.markup import escape

    stderr_console().print(escape(_short(message)), style="dim")


def plural(count: int, noun: str) -> str:
    """ "1 demand", "2 demands": the nouns the commands count take a plain -s."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


STDIN_NAME = "<stdin>"


def read_stdin() -> bytes:
    """Standard input as bytes, for the commands that read one document from '-'."""
    return sys.stdin.buffer.read()


def lang_value(choice: LangChoice) -> str | None:
    return None if choice == LangChoice.auto else choice.value


def model_specs(values: list[str] | None) -> dict[str, str]:
    """Parsed --model values (and DEMANDX_MODELS); a bad value is a usage error."""
    from demandx.errors import ModelError
    from demandx.nlp import check_spec, parse_model_specs

    try:
        specs = parse_model_specs(values)
    except ModelError as exc:
        # the message names where the bad value came from ("--model: ..." or
        # "DEMANDX_MODELS: ..."); Click names the parameter itself, so say it once
        where, _sep, reason = str(exc).partition(": ")
        hint = where if reason and where in ("--model", "DEMANDX_MODELS") else "--model"
        raise typer.BadParameter(reason or str(exc), param_hint=hint) from exc
    for lang, spec in specs.items():
        try:
            check_spec(lang, spec)
        except ModelError as exc:
            error(str(exc))
            raise typer.Exit(1) from None
    return specs


@contextmanager
def open_output(path: Path | None) -> Iterator[TextIO]:
    """Standard output, or a file written atomically (demandx.writing.atomic_output); a
    target that cannot be written is one line `Error: FILE: reason` and exit status 1."""
    from demandx.errors import OutputError
    from demandx.writing import atomic_output

    to_stdout = path is None or str(path) == "-"
    try:
        if to_stdout:
            yield sys.stdout
            return
        with _terminated_as_exit(), atomic_output(Path(path)) as stream:
            yield stream
    except OutputError as exc:
        error(str(exc))
        if to_stdout:
            # what is still buffered cannot be written either: drop it, or the
            # interpreter's last flush fails again, with a traceback and status 120
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        raise typer.Exit(1) from None


@contextmanager
def _terminated_as_exit() -> Iterator[None]:
    """SIGTERM (`kill`, a job scheduler's time limit) unwinds like an error while a file
    is written, so that its temporary file is removed: exit status 143 (128 + 15)."""
    import signal

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:   # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
