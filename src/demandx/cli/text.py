"""`demandx text`: the text of a document as demandx reads it (spans point into it)."""

from __future__ import annotations

import sys

import typer

from demandx.cli import EXIT_INPUT_FAILED, app
from demandx.cli._common import INPUT_FORMAT_OPTION, InputFormat, error


@app.command(
    epilog=(
        "Examples:\n\n"
        "  demandx text motion.pdf > motion.txt\n\n"
        "  demandx text report.md | sed -n 25,33p"
    ),
)
def text(
    source: str = typer.Argument(..., metavar="FILE|-", help="A document, or '-' for "
                                                             "standard input."),
    input_format: InputFormat = INPUT_FORMAT_OPTION,
) -> None:
    """Print a document's text exactly as demandx extracted it.

    Every demand's span (start, end) is an offset into this text, so
    text[start:end] contains the demand's words as the document has them.
    """
    from demandx.api import load
    from demandx.errors import DemandxError

    forced = input_format.value if input_format else None
    try:
        if source == "-":
            loaded = load(sys.stdin.buffer.read(), name="<stdin>", input_format=forced)
        else:
            loaded = load(source, input_format=forced)
    except DemandxError as exc:
        error(str(exc))
        raise typer.Exit(EXIT_INPUT_FAILED) from None
    # exactly the text, not a character more: offsets are counted in it
    sys.stdout.write(loaded.text)
