"""`demandx report`: one self-contained HTML page to check demands against their source."""

from __future__ import annotations

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
    open_output,
    read_stdin,
)


@app.command(
    epilog=(
        "Examples:\n\n"
        "  demandx report seeds/ -o report.html\n\n"
        "  demandx report motion.pdf resolution.md -o review.html --title 'Review 2026'"
    ),
)
def report(
    inputs: list[str] = typer.Argument(..., metavar="FILE|DIR|-...",
                                       help="Documents, directories, or '-' for standard "
                                            "input."),
    output: Path = typer.Option(..., "--output", "-o", metavar="FILE",
                                help="The HTML file to write (atomically)."),
    title: str = typer.Option("demandx report", "--title", metavar="TEXT",
                              help="The page title."),
    lang: LangChoice = LANG_OPTION,
    model: list[str] = MODEL_OPTION,
    input_format: InputFormat = INPUT_FORMAT_OPTION,
) -> None:
    """Write an HTML page showing each document's text with its demands highlighted in
    place, addressees as tags, a list to jump to each demand, and filters by addressee
    and category. The page needs no network; document text is always escaped."""
    from demandx.api import extract, find_documents, load
    from demandx.errors import DemandxError
    from demandx.report import render

    models = model_specs(model)
    forced = input_format.value if input_format else None
    documents = []
    failed = 0
    for found in find_documents(inputs):
        if isinstance(found, DemandxError):
            error(str(found))
            failed += 1
            continue
        try:
            source = found.path if found.path is not None else read_stdin()
            text = load(source, name=found.name, input_format=forced)
            documents.append((text, extract(text, lang=lang_value(lang), models=models)))
        except DemandxError as exc:
            error(str(exc))
            failed += 1
    with open_output(output) as stream:
        stream.write(render(documents, title))
    raise typer.Exit(EXIT_INPUT_FAILED if failed else EXIT_OK)
