"""`demandx extract`: demands of documents, as YAML, JSON or JSONL."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from demandx.cli import (
    EXIT_EMPTY,
    EXIT_INPUT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    app,
)
from demandx.cli._common import (
    FORMAT_OPTION,
    INPUT_FORMAT_OPTION,
    LANG_OPTION,
    MODEL_OPTION,
    OUTPUT_OPTION,
    InputFormat,
    LangChoice,
    OutputFormat,
    error,
    info,
    lang_value,
    model_specs,
    plural,
    warning,
)

if TYPE_CHECKING:
    # the writers and the progress display load when the command runs: every start
    # (--help too) builds this command's options, which need neither
    from demandx.cli.exporting import Choice


@app.command(
    epilog=(
        "Examples:\n\n"
        "  demandx extract seeds/\n\n"
        "  demandx extract motion.txt -f json -o motion.json\n\n"
        "  cat resolution.md | demandx extract - | yq '.demands[].addressees'\n\n"
        "  demandx extract --lang nl --model nl=models/nl moties/\n\n"
        "  demandx extract docs/ --addressee national-government -f csv -o demands.csv\n\n"
        "Exit status: 0 success, 1 some input failed, 2 usage error, "
        "3 no demand found with --fail-on-empty, 130 interrupted."
    ),
)
def extract(
    inputs: list[str] = typer.Argument(None, metavar="[FILE|DIR|-]...",
                                       help="Documents, directories (read recursively) or "
                                            "'-' for standard input. Default: standard input "
                                            "when it is piped."),
    fmt: OutputFormat = FORMAT_OPTION,
    output: Path = OUTPUT_OPTION,
    lang: LangChoice = LANG_OPTION,
    model: list[str] = MODEL_OPTION,
    input_format: InputFormat = INPUT_FORMAT_OPTION,
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, metavar="N",
                             help="Worker processes; 0 uses every core. The output is the "
                                  "same for any number."),
    max_size: float = typer.Option(100, "--max-size", min=0.001, metavar="MB",
                                   help="Refuse inputs larger than this many megabytes "
                                        "(memory stays bounded on huge files)."),
    addressee: list[str] = typer.Option(None, "--addressee", "-a", metavar="NAME|CATEGORY",
                                        help="Keep only demands addressed to this actor "
                                             "(name or canonical name) or category "
                                             "(national-government, municipality, ...); "
                                             "repeatable."),
    fail_on_empty: bool = typer.Option(False, "--fail-on-empty",
                                       help="Exit with status 3 when no demand was found "
                                            "in any input (for CI gates)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print no warnings."),
    verbose: bool = typer.Option(False, "--verbose", "-v",
                                 help="Explain what is loaded and found."),
    fields: list[str] = typer.Option(None, "--fields", metavar="NAME,...",
                                     help="Only these columns (csv, xlsx) or keys (jsonl "
                                          "--per-demand), in this order; comma-separated "
                                          "or repeated."),
    per_demand: bool = typer.Option(False, "--per-demand",
                                    help="With -f jsonl: one demand a line, with its "
                                         "document's source, instead of one document."),
    excel: bool = typer.Option(False, "--excel",
                               help="With -f csv: a CSV Excel opens as it is (UTF-8 with "
                                    "byte-order mark, ';' between columns)."),
) -> None:
    """Find the demands in documents and print them as records.

    Each input becomes one record: its source, language, title and demands, each demand
    with id, number, label, title, text, statements, addressees, section, span and items.
    """
    if quiet and verbose:
        raise typer.BadParameter("--quiet and --verbose cannot be used together",
                                 param_hint="--quiet")
    if not inputs:
        if sys.stdin.isatty():
            raise typer.BadParameter("give at least one FILE, DIR or '-' (standard input)",
                                     param_hint="[FILE|DIR|-]...")
        inputs = ["-"]
    from demandx.cli.exporting import choose

    choice = choose(fmt.value if fmt else None, output, fields, excel, per_demand)
    _check_addressees(addressee or [], quiet)
    models = model_specs(model)
    code = _run(inputs, choice, output, lang_value(lang), models,
                input_format.value if input_format else None, jobs, max_size, addressee or [],
                fail_on_empty, quiet, verbose)
    raise typer.Exit(code)


def _say_skipped(path: str, reason: str) -> None:
    info(f"{path}: skipped, {reason}")


def _check_addressees(values: list[str], quiet: bool) -> None:
    """A typo in a category is a usage error before any input is read; an unknown name
    is only a warning, since the taxonomy cannot list every actor."""
    from demandx.taxonomy import check_filter

    for value in values:
        try:
            message = check_filter(value)
        except ValueError as exc:
            raise typer.BadParameter(str(exc), param_hint="--addressee") from None
        if message and not quiet:
            warning(message)


def _run(inputs: list[str], choice: Choice, output: Path | None, lang: str | None,
         models: dict[str, str], input_format: str | None, jobs: int, max_mb: float,
         addressees: list[str], fail_on_empty: bool, quiet: bool, verbose: bool) -> int:
    from demandx.api import extract_many, find_documents
    from demandx.cli.exporting import open_sink
    from demandx.cli.progress import Tally, on_terminal, progress
    from demandx.errors import DemandxError, ModelError
    from demandx.sources import display_name

    failed = 0
    demands = 0
    writer = None
    found = find_documents(inputs, skipped=_say_skipped if verbose and not quiet else None)
    if output is not None and str(output) != "-" and not _output_ok(output, found):
        return EXIT_USAGE
    if jobs > 1 and not quiet:
        from demandx.batch import cores

        if jobs > cores():
            info(f"--jobs {jobs}: this machine gives demandx {cores()} cores; using {cores()}")
    if verbose and not quiet:
        from demandx.lang import available_languages
        from demandx.nlp import describe

        info(f"{len(found)} inputs, {jobs or 'all'} job(s); pipelines: " + ", ".join(
            f"{code}: {describe(code, models.get(code))}" for code in available_languages()))
    tally = Tally(len(found))
    try:
        with open_sink(choice, output) as writer, progress(tally, enabled=not quiet) as tick:
            for outcome in extract_many(found, lang=lang, models=models,
                                        input_format=input_format, jobs=jobs, max_mb=max_mb,
                                        addressees=addressees, render=choice.render):
                if outcome.error is not None:
                    if isinstance(outcome.error, ModelError):
                        raise outcome.error
                    failed += 1
                    error(str(outcome.error))
                    tick(0, failed=True)
                    continue
                if not quiet:
                    for message in outcome.warnings:
                        warning(f"{outcome.source}: {message}")
                count = outcome.demand_count
                demands += count
                if verbose and not quiet:
                    info(f"{outcome.source}: {plural(count, 'demand')}")
                writer.write(outcome)
                tick(count)
            writer.close()
    except DemandxError as exc:  # a pipeline, or the library an export needs
        error(str(exc))
        return EXIT_INPUT_FAILED
    except KeyboardInterrupt:
        if output is not None and str(output) != "-":
            error(f"interrupted; {display_name(output)} was not written")
        elif writer is not None and writer.partial:
            error("interrupted while writing a record: the last record is cut short")
        else:
            error("interrupted; the records written so far are complete")
        return EXIT_INTERRUPTED
    if not quiet and on_terminal():
        info(tally.summary())
    if failed:
        return EXIT_INPUT_FAILED
    if fail_on_empty and demands == 0:
        if not quiet:
            error("no demand found in any input (--fail-on-empty)")
        return EXIT_EMPTY
    return EXIT_OK


def _output_ok(output: Path, found: list) -> bool:
    """Whether -o names a file that can be written and is none of the inputs; checked
    before any work, so a typo costs nothing and never replaces a document."""
    from demandx.errors import OutputError
    from demandx.sources import Source
    from demandx.writing import check_target

    try:
        check_target(output, [item.path for item in found
                              if isinstance(item, Source) and item.path is not None])
    except OutputError as exc:
        error(str(exc))
        return False
    return True
