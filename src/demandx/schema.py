"""The JSON Schema of demandx's output records (`demandx schema`).

Every record `demandx extract` writes validates against it; the tests check that over
the whole corpus. The schema is the contract: a field is added with a new minor version,
never renamed or removed.
"""

from __future__ import annotations

from typing import Any

from demandx import __version__
from demandx.lang import available_languages
from demandx.taxonomy import categories

SCHEMA_ID = "https://demandx.invalid/schema/record.json"


def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one output record."""
    demand: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "required": ["id", "number", "label", "title", "text", "statements", "addressees",
                     "actors", "section", "span", "items"],
        "properties": {
            "id": {"type": "string", "minLength": 1,
                   "description": "Unique in the record: the printed number, or the "
                                  "position among siblings; items start with their "
                                  "parent's id (\"3.1\")."},
            "number": {"type": ["string", "null"],
                       "description": "The printed label normalised (\"Punkt 1:\" -> "
                                      "\"1\", \"a)\" -> \"a\", \"II.\" -> \"II\")."},
            "label": {"type": ["string", "null"], "description": "The label as printed."},
            "title": {"type": ["string", "null"], "description": "Heading text, or null."},
            "text": {"type": "string",
                     "description": "The demand's own text, clean, without its items; "
                                    "paragraphs separated by a blank line."},
            "statements": {"type": "array", "items": {"type": "string"},
                           "description": "The explicit demand sentences inside text."},
            "addressees": {"type": "array", "items": {"type": "string", "minLength": 1},
                           "description": "Who is asked to act, as named, without article."},
            "actors": {"type": "array", "items": {"$ref": "#/$defs/actor"},
                       "description": "The addressees with canonical name and category, "
                                      "in the same order."},
            "section": {"type": "array", "items": {"type": "string"},
                        "description": "The headings above the demand."},
            "span": {"$ref": "#/$defs/span"},
            "items": {"type": "array", "items": {"$ref": "#/$defs/demand"},
                      "description": "Sub-demands: list items and sub-points."},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"demandx record (demandx {__version__})",
        "description": "One input document and the demands found in it.",
        "type": "object",
        "additionalProperties": False,
        "required": ["source", "language", "title", "demands"],
        "properties": {
            "source": {"type": "string", "description": "The input as given, or <stdin>."},
            "language": {"enum": [*available_languages(), None],
                         "description": "Language of the document; null when it has no "
                                        "words to tell."},
            "title": {"type": ["string", "null"]},
            "demands": {"type": "array", "items": {"$ref": "#/$defs/demand"}},
        },
        "$defs": {
            "demand": demand,
            "actor": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "canonical", "category"],
                "properties": {
                    "name": {"type": "string"},
                    "canonical": {"type": "string"},
                    "category": {"enum": list(categories())},
                },
            },
            "span": {
                "type": "object",
                "additionalProperties": False,
                "required": ["start", "end", "start_line", "end_line"],
                "properties": {
                    "start": {"type": "integer", "minimum": 0,
                              "description": "Offset of the first character in the text "
                                             "`demandx text` prints."},
                    "end": {"type": "integer", "minimum": 0},
                    "start_line": {"type": "integer", "minimum": 1},
                    "end_line": {"type": "integer", "minimum": 1},
                    "page": {"type": "integer", "minimum": 1,
                             "description": "1-based page, for PDFs."},
                },
            },
        },
    }
