"""`demandx schema`: the JSON Schema of the records demandx writes."""

from __future__ import annotations

import typer

from demandx.cli import app


@app.command(
    epilog=(
        "Examples:\n\n"
        "  demandx schema > demandx-record.schema.json\n\n"
        "  demandx extract docs/ -f jsonl | check-jsonschema --schemafile "
        "demandx-record.schema.json -"
    ),
)
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of one output record."""
    import json

    from demandx.schema import record_schema

    typer.echo(json.dumps(record_schema(), ensure_ascii=False, indent=2))
