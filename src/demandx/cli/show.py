"""`demandx show`: a document's demands in the terminal, under the headings they stand under."""

from __future__ import annotations

import typer

from demandx.cli import EXIT_INPUT_FAILED, app
from demandx.cli._common import (
    INPUT_FORMAT_OPTION,
    LANG_OPTION,
    MODEL_OPTION,
    STDIN_NAME,
    InputFormat,
    LangChoice,
    console,
    error,
    lang_value,
    model_specs,
    plural,
    read_stdin,
)

_MAX_TEXT = 400


@app.command(
    epilog=(
        "Examples:\n\n"
        "  demandx show resolution.md\n\n"
        "  demandx show motion.pdf --only-demands --lines\n\n"
        "  demandx show programme.pdf | less -R\n\n"
        "  curl -s https://example.org/antrag.html | demandx show -"
    ),
)
def show(
    source: str = typer.Argument(..., metavar="FILE|-", help="A document, or '-' for "
                                                             "standard input."),
    only_demands: bool = typer.Option(False, "--only-demands",
                                      help="A flat list of demands, without the headings."),
    lines: bool = typer.Option(False, "--lines", help="Print each demand's source lines."),
    lang: LangChoice = LANG_OPTION,
    model: list[str] = MODEL_OPTION,
    input_format: InputFormat = INPUT_FORMAT_OPTION,
) -> None:
    """Show a document's demands as a tree of its sections, with numbers, addressees
    and where each demand stands (lines, page). Plain text when piped."""
    from demandx.api import extract, load
    from demandx.errors import DemandxError

    try:
        forced = input_format.value if input_format else None
        text = load(read_stdin(), name=STDIN_NAME, input_format=forced) if source == "-" \
            else load(source, input_format=forced)
        document = extract(text, lang=lang_value(lang), models=model_specs(model))
    except DemandxError as exc:
        error(str(exc))
        raise typer.Exit(EXIT_INPUT_FAILED) from None
    out = console()
    source_lines = text.text.split("\n") if lines else None
    out.print(_tree(document, only_demands, source_lines))


def _tree(document, only_demands: bool, source_lines: list[str] | None):
    from rich.markup import escape
    from rich.tree import Tree

    count = sum(1 for _ in document.all_demands())
    root = Tree(f"[bold]{escape(document.title or document.source)}[/]  "
                f"[dim]{escape(document.source)} · {document.language or '?'} · "
                f"{plural(count, 'demand')}[/]", guide_style="dim")
    sections: dict[tuple[str, ...], Tree] = {(): root}
    for demand in document.demands:
        parent = root
        if not only_demands:
            path: tuple[str, ...] = ()
            for heading in demand.section:
                path = (*path, heading)
                if path not in sections:
                    sections[path] = sections[path[:-1]].add(f"[bold cyan]{escape(heading)}[/]")
                parent = sections[path]
        _add(parent, demand, source_lines)
    return root


def _add(parent, demand, source_lines: list[str] | None) -> None:
    from rich.markup import escape

    label = f"[bold]{escape(demand.label)}[/] " if demand.label else ""
    title = f"[bold]{escape(demand.title)}[/] " if demand.title else ""
    text = " ".join(demand.text.split())
    if len(text) > _MAX_TEXT:
        text = text[: _MAX_TEXT - 1] + "…"
    span = demand.span
    where = f"lines {span.start_line}–{span.end_line}" if span.end_line != span.start_line \
        else f"line {span.start_line}"
    if span.page:
        where += f", p. {span.page}"
    tags = " ".join(f"[reverse green] {escape(a.name)} [/]" for a in demand.actors) \
        or "[dim](no addressee)[/]"
    node = parent.add(f"{label}{title}{escape(text)}\n{tags} [dim]{where}[/]")
    if source_lines is not None:
        excerpt = source_lines[span.start_line - 1:span.end_line]
        node.add("[dim]" + escape("\n".join(excerpt)) + "[/]")
    for item in demand.items:
        _add(node, item, source_lines)
