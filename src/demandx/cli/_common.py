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

_MAX_ECHO = 1000


class OutputFormat(str, Enum):
    """Formats of extracted records."""

    yaml = "yaml"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class LangChoice(str, Enum):
    """Languages demandx has data for, or auto-detection per document."""

    auto = "auto"
    de = "de"
    nl = "nl"
    en = "en"


class InputFormat(str, Enum):
    """Input formats to force instead of detecting."""

    text = "text"
    markdown = "markdown"
    pdf = "pdf"
    html = "html"
    xml = "xml"
    docx = "docx"


FORMAT_OPTION = typer.Option(OutputFormat.yaml, "--format", "-f",
                             help="Output format: a YAML stream (one document per input), "
                                  "a JSON list, JSON Lines, or CSV (one row per demand, "
                                  "items flattened).")
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


def stderr_console():
    """Rich console on stderr; Rich decides on colour (NO_COLOR, FORCE_COLOR, TTY)."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


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


def lang_value(choice: LangChoice) -> str | None:
    return None if choice == LangChoice.auto else choice.value


def model_specs(values: list[str] | None) -> dict[str, str]:
    """Parsed --model values (and DEMANDX_MODELS); a bad value is a usage error."""
    from demandx.errors import ModelError
    from demandx.nlp import check_spec, parse_model_specs

    try:
        specs = parse_model_specs(values)
    except ModelError as exc:
        raise typer.BadParameter(str(exc), param_hint="--model") from exc
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


# Progress is shown for batches larger than this, and only on a terminal.
_PROGRESS_MIN = 6


@contextmanager
def progress(total: int, enabled: bool = True):
    """A progress display on stderr while a batch runs: documents done of all, demands
    found, documents per second. Yields `tick(demands)`, to call once per document.
    Nothing is shown when stderr is not a terminal (piped, CI) or the batch is small."""
    if not enabled or total < _PROGRESS_MIN or not sys.stderr.isatty():
        yield lambda demands: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[demands]} demands"), TextColumn("{task.fields[rate]}"),
               TimeElapsedColumn())
    with Progress(*columns, console=stderr_console(), transient=True) as bar:
        task = bar.add_task("extract", total=total, demands=0, rate="")
        found = 0

        def tick(demands: int) -> None:
            nonlocal found
            found += demands
            state = bar.tasks[0]
            speed = state.speed
            bar.update(task, advance=1, demands=found,
                       rate=f"{speed:.1f} docs/s" if speed else "")

        yield tick
