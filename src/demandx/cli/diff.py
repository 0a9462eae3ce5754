"""`demandx diff`: demands added, removed and changed between two versions."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path

import typer

from demandx.cli import EXIT_OK, app
from demandx.cli._common import (
    LANG_OPTION,
    MODEL_OPTION,
    LangChoice,
    error,
    lang_value,
    model_specs,
)

_OUTPUT_SUFFIXES = {".yaml", ".yml", ".json", ".jsonl"}
# As diff(1): 0 the same, 1 different (with --exit-code), 2 trouble, so that
# `demandx diff a b --exit-code || echo changed` does not report a typo as a change.
EXIT_DIFFERENT = 1
EXIT_TROUBLE = 2


class DiffFormat(str, Enum):
    """How `demandx diff` reports."""

    yaml = "yaml"
    json = "json"
    table = "table"


@app.command(
    epilog=(
        "Examples:\n\n"
        "  demandx diff resolution-v1.md resolution-v2.md\n\n"
        "  demandx diff old.yaml new.yaml --format table\n\n"
        "  demandx diff programme-2021.pdf programme-2025.pdf --exit-code || echo changed\n\n"
        "  demandx diff drafts-march/ drafts-april/ -f table\n\n"
        "  demandx diff demands.yaml docs/ --exit-code\n\n"
        "Exit status (as diff(1)): 0 no change (or any, without --exit-code), 1 changed "
        "(with --exit-code), 2 trouble: an input missing, unreadable or not demandx output."
    ),
)
def diff(
    old: Path = typer.Argument(..., metavar="OLD", help="A document, or demandx output "
                                                        "(YAML, JSON, JSONL); '-' for "
                                                        "standard input."),
    new: Path = typer.Argument(..., metavar="NEW", help="The newer version, likewise. Two "
                                                        "directories (or saved output of "
                                                        "several documents) are compared "
                                                        "document by document, matched by "
                                                        "file name."),
    fmt: DiffFormat = typer.Option(DiffFormat.yaml, "--format", "-f",
                                   help="Report as YAML, JSON, or a table for the terminal."),
    exit_code: bool = typer.Option(False, "--exit-code",
                                   help="Exit with status 1 when something changed (for CI); "
                                        "trouble is always status 2."),
    lang: LangChoice = LANG_OPTION,
    model: list[str] = MODEL_OPTION,
) -> None:
    """Show the demands added, removed and changed between two versions of a paper.

    Demands are matched by number and by text similarity, so a renumbered or reworded
    demand shows as changed, not as removed and added.
    """
    from demandx.diff import diff_records
    from demandx.errors import DemandxError
    from demandx.evaluate import record_key

    if str(old) == "-" and str(new) == "-":
        raise typer.BadParameter("only one of OLD and NEW can be '-' (standard input)",
                                 param_hint="OLD")
    models = model_specs(model)
    try:
        before = _records(old, lang_value(lang), models)
        after = _records(new, lang_value(lang), models)
    except DemandxError as exc:
        error(str(exc))
        raise typer.Exit(EXIT_TROUBLE) from None
    if len(before) == 1 and len(after) == 1:
        pairs = [(before[0], after[0])]
    else:
        old_by = {record_key(r["source"]): r for r in before}
        new_by = {record_key(r["source"]): r for r in after}
        pairs = [(old_by.get(key), new_by.get(key)) for key in sorted(set(old_by) | set(new_by))]
    results = [diff_records(a, b) for a, b in pairs]
    _add_word_changes(results)
    if fmt == DiffFormat.table:
        _print_tables(results)
    else:
        data = [r.to_dict() for r in results]
        if fmt == DiffFormat.json:
            import json

            typer.echo(json.dumps(data if len(data) != 1 else data[0], ensure_ascii=False,
                                  indent=2))
        else:
            from demandx.output import dump_yaml

            for item in data:
                sys.stdout.write("---\n" + dump_yaml(item))
    changed = any(r.has_changes for r in results)
    raise typer.Exit(EXIT_DIFFERENT if exit_code and changed else EXIT_OK)


def _records(path: Path, lang: str | None, models: dict[str, str]) -> list[dict]:
    """The records of one side: read from demandx output, or extracted from a document.

    Raises:
        InputError: the file is missing, unreadable, or output of the wrong shape.
    """
    from demandx.api import extract
    from demandx.containment import contained
    from demandx.diff import check_record
    from demandx.errors import DemandxError, GoldError, InputError
    from demandx.evaluate import read_predictions

    if str(path) == "-":
        return _stdin_records(lang, models)
    if path.suffix.lower() in _OUTPUT_SUFFIXES and path.is_file():
        try:
            records = read_predictions(path)
        except GoldError:
            records = None  # a YAML or JSON document that is not demandx output: extract it
        except RecursionError as exc:
            raise InputError(str(path), "not demandx output: nested too deeply") from exc
        if records is not None:
            for record in records:
                check_record(record, str(path))
            return records
    if path.is_dir():
        return _directory_records(path, lang, models)
    if not path.exists():
        raise InputError(str(path), "no such file or directory")
    try:
        return [extract(path, lang=lang, models=models).to_dict()]
    except DemandxError:
        raise
    except Exception as exc:  # containment: one line, not a traceback
        raise contained(str(path), exc) from exc


def _words(item: dict) -> str:
    return " ".join(part for part in (item.get("title"), item.get("text")) if part)


def _add_word_changes(results) -> None:
    """Each changed demand whose words changed gets `words`: the change word by word."""
    from demandx.worddiff import marked

    for result in results:
        for item in result.changed:
            if "text" in item["fields"] or "title" in item["fields"]:
                item["words"] = marked(_words(item["old"]), _words(item["new"]))


def _directory_records(path: Path, lang: str | None, models: dict[str, str]) -> list[dict]:
    """The records of every document in a directory: the versions it holds are matched
    with the other side's by file name (without extension)."""
    from demandx.api import extract_many

    records = []
    for outcome in extract_many([path], lang=lang, models=models):
        if outcome.error is not None:
            raise outcome.error
        assert outcome.document is not None
        records.append(outcome.document.to_dict())
    return records


def _stdin_records(lang: str | None, models: dict[str, str]) -> list[dict]:
    """Standard input: demandx output when it reads as such, else a document."""
    from demandx.api import extract
    from demandx.cli._common import STDIN_NAME, read_stdin
    from demandx.errors import GoldError
    from demandx.evaluate import parse_predictions

    data = read_stdin()
    try:
        records = parse_predictions(data.decode("utf-8"), STDIN_NAME)
    except (UnicodeDecodeError, GoldError):
        records = []
    if records:
        return records
    return [extract(data, name=STDIN_NAME, lang=lang, models=models).to_dict()]


def _print_tables(results) -> None:
    from rich.markup import escape
    from rich.table import Table

    from demandx.cli._common import console as make_console

    console = make_console(soft_wrap=False)
    for result in results:
        table = Table(title=f"{result.old_source or '–'} → {result.new_source or '–'}",
                      show_lines=True, expand=True)
        table.add_column("change", no_wrap=True)
        table.add_column("id", no_wrap=True)
        table.add_column("demand", ratio=1)
        table.add_column("addressees")
        for item in result.removed:
            table.add_row("[red]removed[/]", item["id"], _short(item),
                          escape(", ".join(item["addressees"])))
        for item in result.added:
            table.add_row("[green]added[/]", item["id"], _short(item),
                          escape(", ".join(item["addressees"])))
        for item in result.changed:
            old, new = item["old"], item["new"]
            ident = old["id"] if old["id"] == new["id"] else f"{old['id']} → {new['id']}"
            shown = _word_cell(old, new) if "words" in item else f"{_short(old)}\n→ {_short(new)}"
            table.add_row(f"[yellow]changed[/]\n{', '.join(item['fields'])}", ident, shown,
                          escape(", ".join(new["addressees"])))
        console.print(table)
        summary = result.to_dict()["summary"]
        console.print(f"{summary['added']} added, {summary['removed']} removed, "
                      f"{summary['changed']} changed, {summary['unchanged']} unchanged")


def _word_cell(old: dict, new: dict):
    """The changed words in place: removed struck through in red, added underlined in
    green, with the markers of `git diff --word-diff` so that the change reads without
    colour too."""
    from rich.text import Text

    from demandx.worddiff import shorten, word_ops

    cell = Text()
    for op, words in shorten(word_ops(_words(old), _words(new))):
        if cell:
            cell.append(" ")
        if op == "=":
            cell.append(words)
        elif op == "-":
            cell.append(f"[-{words}-]", style="red strike")
        else:
            cell.append(f"{{+{words}+}}", style="green underline")
    return cell


def _short(item: dict) -> str:
    from rich.markup import escape

    text = " ".join(f"{item.get('title') or ''} {item['text']}".split())
    return escape(text if len(text) <= 200 else text[:199] + "…")
