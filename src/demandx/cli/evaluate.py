"""`demandx eval`: precision, recall, number and addressee accuracy against gold files."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from demandx.cli import EXIT_INPUT_FAILED, EXIT_OK, app
from demandx.cli._common import (
    INPUT_FORMAT_OPTION,
    LANG_OPTION,
    MODEL_OPTION,
    InputFormat,
    LangChoice,
    error,
    lang_value,
    model_specs,
)

_TEXT_WIDTH = 140


class ReportFormat(str, Enum):
    """How `demandx eval` reports."""

    text = "text"
    json = "json"


@app.command(
    "eval",
    epilog=(
        "Examples:\n\n"
        "  demandx eval --gold ../shared/corpus/gold ../shared/seeds ../shared/corpus/docs\n\n"
        "  demandx eval --gold ../shared/corpus/gold --given-only ../shared/seeds --per-doc\n\n"
        "  demandx extract docs/ -o out.yaml && demandx eval --gold gold/ --predictions "
        "out.yaml --format json"
    ),
)
def evaluate(
    docs: list[str] = typer.Argument(None, metavar="[DOC|DIR]...",
                                     help="Documents to extract and score."),
    gold: list[Path] = typer.Option(..., "--gold", "-g", metavar="DIR|FILE",
                                    help="Gold annotations: a directory of NAME.yaml files, "
                                         "or single gold files (repeatable)."),
    predictions: Path = typer.Option(None, "--predictions", "-p", metavar="FILE",
                                     help="Score this demandx output (YAML, JSON or JSONL) "
                                          "instead of extracting documents."),
    per_doc: bool = typer.Option(False, "--per-doc", help="Show figures, misses and false "
                                                          "demands for each document."),
    given_only: bool = typer.Option(False, "--given-only",
                                    help="Score only the gold files whose document was given "
                                         "(otherwise a missing document counts as all "
                                         "missed)."),
    fmt: ReportFormat = typer.Option(ReportFormat.text, "--format", "-f",
                                     help="Report as text, or as JSON for machines."),
    lang: LangChoice = LANG_OPTION,
    model: list[str] = MODEL_OPTION,
    input_format: InputFormat = INPUT_FORMAT_OPTION,
) -> None:
    """Score extraction against hand-made gold annotations.

    Documents and gold files are joined by file name without extension. Scoring follows
    the corpus README: a demand matches a gold entry when the entry's anchor (letters and
    digits) is contained in the demand's title and text.
    """
    from demandx.errors import DemandxError
    from demandx.evaluate import evaluate as score
    from demandx.evaluate import load_gold, read_predictions, record_key

    if predictions is not None and docs:
        raise typer.BadParameter("give either documents to extract or --predictions, "
                                 "not both", param_hint="--predictions")
    if predictions is None and not docs:
        raise typer.BadParameter("give documents to extract, or --predictions FILE",
                                 param_hint="[DOC|DIR]...")
    try:
        gold_docs = _load_gold_args(gold, load_gold)
        if predictions is not None:
            records = {record_key(r["source"]): r for r in read_predictions(predictions)}
            failed = 0
        else:
            records, failed = _extract_records(docs, lang_value(lang), model_specs(model),
                                               input_format.value if input_format else None,
                                               record_key)
    except DemandxError as exc:
        error(str(exc))
        raise typer.Exit(EXIT_INPUT_FAILED) from None
    if given_only:
        gold_docs = [g for g in gold_docs if g.name in records]
    result = score(gold_docs, records)
    if fmt == ReportFormat.json:
        import json

        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_report(result, per_doc)
    raise typer.Exit(EXIT_INPUT_FAILED if failed else EXIT_OK)


def _load_gold_args(paths: list[Path], load_gold):
    from demandx.errors import GoldError
    from demandx.evaluate import _read_gold

    docs = []
    for path in paths:
        if path.is_dir():
            docs += load_gold(path)
        elif path.is_file():
            docs.append(_read_gold(path))
        else:
            raise GoldError(f"{path}: no such gold file or directory")
    seen = {}
    for doc in docs:
        seen.setdefault(doc.name, doc)
    return [seen[name] for name in sorted(seen)]


def _extract_records(docs, lang, models, input_format, record_key):
    from demandx.api import extract_many

    records: dict[str, dict | None] = {}
    failed = 0
    for outcome in extract_many(docs, lang=lang, models=models, input_format=input_format):
        if outcome.error is not None:
            failed += 1
            error(str(outcome.error))
            records.setdefault(record_key(outcome.source), None)
            continue
        assert outcome.document is not None
        records[record_key(outcome.document.source)] = outcome.document.to_dict()
    return records, failed


def _pct(value: float | None) -> str:
    return "   –  " if value is None else f"{value:6.3f}"


def _print_report(result, per_doc: bool) -> None:
    echo = typer.echo
    if per_doc:
        for doc in result.documents:
            if not (doc.misses or doc.false_demands or doc.wrong_numbers
                    or doc.wrong_addressees or doc.missing_document):
                continue
            echo(f"== {doc.name}")
            if doc.missing_document:
                echo("   document missing or failed: every entry counts as missed")
            for anchor in doc.misses:
                echo(f"   miss:   {_cut(anchor)}")
            for text in doc.false_demands:
                echo(f"   false:  {_cut(text)}")
            for wrong in doc.wrong_numbers:
                echo(f"   number: {_cut(wrong['anchor'], 60)}: gold {wrong['gold']}, "
                     f"got {wrong['predicted']}")
            for wrong in doc.wrong_addressees:
                echo(f"   addressees: {_cut(wrong['anchor'], 60)}: gold {wrong['gold']} "
                     f"(optional {wrong['optional']}), got {wrong['predicted']}")
        echo("")
        echo(f"{'document':58} {'P':>6} {'R':>6} {'F1':>6} {'num':>6} {'addr':>6}")
        for doc in result.documents:
            echo(f"{doc.name[:58]:58} {_pct(doc.precision)} {_pct(doc.recall)} "
                 f"{_pct(doc.f1)} {_pct(doc.number_accuracy)} {_pct(doc.addressee_accuracy)}")
        echo("")
    else:
        misses = sum(len(d.misses) for d in result.documents)
        false = sum(len(d.false_demands) for d in result.documents)
        echo(f"{len(result.documents)} documents, {misses} misses, {false} false demands "
             "(--per-doc lists them)")
    o = result.overall
    echo(f"units {o.units} (optional matches {o.optional_units}), "
         f"required {o.required}, found {o.found}")
    echo(f"precision {o.precision:.3f}  recall {o.recall:.3f}  F1 {o.f1:.3f}")
    echo(f"number accuracy {_pct(o.number_accuracy).strip()} ({o.numbers_right}/{o.numbers})  "
         f"addressee accuracy {_pct(o.addressee_accuracy).strip()} "
         f"({o.addressees_right}/{o.addressees})")


def _cut(text: str, width: int = _TEXT_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
