"""demandx: find the demands in policy documents (German, Dutch, English).

The public API is small; everything is imported lazily so that `import demandx` (and
`demandx --help`) stays fast and does not load spaCy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Demand",
    "Document",
    "Outcome",
    "Span",
    "Text",
    "__version__",
    "extract",
    "extract_many",
    "load",
]

if TYPE_CHECKING:
    from demandx.api import Outcome, extract, extract_many, load
    from demandx.model import Demand, Document, Span, Text

_LAZY = {
    "extract": "demandx.api",
    "extract_many": "demandx.api",
    "load": "demandx.api",
    "Outcome": "demandx.api",
    "Demand": "demandx.model",
    "Document": "demandx.model",
    "Span": "demandx.model",
    "Text": "demandx.model",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'demandx' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
