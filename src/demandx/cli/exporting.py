"""How `demandx extract` writes: which format the options ask for, and the writer that
takes each finished document."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer

from demandx.formats import BY_NAME, format_for_path

_RECORD_STREAMS = ("yaml", "json", "jsonl", "csv")


@dataclass(frozen=True)
class Choice:
    """The output the options ask for."""

    fmt: str
    columns: tuple[str, ...] | None = None   # chosen with --fields (or all, for exports)
    excel: bool = False
    per_demand: bool = False

    @property
    def render(self) -> str | None:
        """The format workers render records in, when the record stream is written as
        it is; None when this process writes the records (exports, chosen columns)."""
        return self.fmt if self.columns is None else None


def choose(fmt: str | None, output: Path | None, fields: list[str] | None, excel: bool,
           per_demand: bool) -> Choice:
    """Check the output options together, before any input is read.

    Raises:
        typer.BadParameter: options that do not fit together, or an unknown field.
    """
    from demandx.formats.rows import DEMAND_COLUMNS, PER_DEMAND_KEYS, check_fields

    name = fmt or format_for_path(output) or "yaml"
    to_stdout = output is None or str(output) == "-"
    if BY_NAME[name].binary and to_stdout:
        raise typer.BadParameter(f"{name} is written to a file: give -o FILE",
                                 param_hint="--format")
    if excel and name != "csv":
        raise typer.BadParameter(f"only for --format csv, not {name}",
                                 param_hint="--excel")
    if per_demand and name != "jsonl":
        raise typer.BadParameter(f"only for --format jsonl, not {name}",
                                 param_hint="--per-demand")
    if fields and name not in ("csv", "xlsx") and not per_demand:
        raise typer.BadParameter("only for the columns of csv and xlsx and the keys of "
                                 f"jsonl --per-demand, not for {name}",
                                 param_hint="--fields")
    available = PER_DEMAND_KEYS if per_demand else DEMAND_COLUMNS
    try:
        columns = check_fields(fields, available)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--fields") from None
    if name in _RECORD_STREAMS and not (fields or excel or per_demand):
        return Choice(name)
    return Choice(name, columns, excel, per_demand)


@contextmanager
def open_sink(choice: Choice, output: Path | None) -> Iterator[Any]:
    """A writer with `write(outcome)` for each finished document, and `close()`; the
    file appears only when all is written."""
    from demandx.cli._common import open_output

    if choice.columns is None:
        from demandx.output import RecordWriter
        from demandx.sources import display_name

        with open_output(output) as stream:
            name = "<stdout>" if stream is sys.stdout else display_name(output)
            yield _Rendered(RecordWriter(stream, choice.fmt, name))
        return
    if BY_NAME[choice.fmt].binary:
        assert output is not None
        with output_file(Path(output)) as temp:
            if choice.fmt == "xlsx":
                from demandx.formats.xlsx import XlsxWriter

                writer: Any = XlsxWriter(temp, choice.columns)
            else:
                from demandx.formats.sqlite import SqliteWriter

                writer = SqliteWriter(temp)
            yield _Records(writer)
        return
    from demandx.formats.text import CsvWriter, PerDemandWriter

    with open_output(output) as stream:
        if choice.per_demand:
            yield _Records(PerDemandWriter(stream, choice.columns))
        else:
            yield _Records(CsvWriter(stream, choice.columns, excel=choice.excel))


class _Rendered:
    """Writes what the workers rendered."""

    def __init__(self, writer):
        self._writer = writer

    @property
    def partial(self) -> bool:
        """Whether a record was cut short (an interrupt while it was written)."""
        return self._writer.partial

    def write(self, outcome) -> None:
        self._writer.write_rendered(outcome.rendered)

    def close(self) -> None:
        self._writer.close()


class _Records:
    """Writes each document's record with an export writer."""

    def __init__(self, writer):
        self._writer = writer

    @property
    def partial(self) -> bool:
        """Whether a record was cut short (an interrupt while it was written)."""
        return getattr(self._writer, "partial", False)

    def write(self, outcome) -> None:
        self._writer.write(outcome.document.to_dict())

    def close(self) -> None:
        self._writer.close()


@contextmanager
def output_file(target: Path) -> Iterator[Path]:
    """A temporary file beside the target for a writer that needs a path (XlsxWriter,
    sqlite3), renamed over the target only when all is written (see
    demandx.writing.atomic_path)."""
    from demandx.writing import atomic_path

    with atomic_path(target) as temp:
        yield temp
