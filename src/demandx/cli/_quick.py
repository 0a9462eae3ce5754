"""Option values converted without pydantic where there is nothing to convert.

Typer (0.29) converts every value of a command's parameters through a pydantic
TypeAdapter it builds for the parameter when the command runs: importing pydantic and
building the adapters of `demandx extract`'s options took 0.16 s CPU of every run,
measured here, mostly to turn the string "auto" into the string "auto". For the kinds
of value demandx's options take, `QuickRuntimeParam` returns what the adapter would:
the value itself where it already has the annotated type, a number written plainly as
that number, and typer's own choice and path checks, which those adapters only wrap,
for choices and paths (a list of them item by item). Anything else, and every value
those checks refuse, goes to typer's own conversion, built at that moment, so that
results and error messages stay typer's.

Where typer's internals are not the ones this was written against, nothing changes.
tests/test_cli_quick.py compares the two conversions on every demandx option.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

try:
    from typer._coercion import RuntimeParam, build_runtime_param
    from typer._param_types import (
        coerce_cli_choice,
        coerce_cli_path,
        lenient_issubclass,
        routes_to_path,
    )
    from typer._typing import get_args, get_origin, is_literal_type, is_number_type
    from typer.core import _TyperParameter
except ImportError:  # another typer: it converts as it always does
    RuntimeParam = None

_UNSETTLED = object()
# command-line numbers pydantic reads as Python does (it also takes " 3", "+3", "1e3")
_INT = re.compile(r"[0-9]{1,15}")
_FLOAT = re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,15})?")


@contextmanager
def quick_conversion() -> Iterator[None]:
    """While a demandx command line runs, its parameters (including the help and
    completion options typer adds to each command) convert with QuickRuntimeParam; any
    other typer command line in the process is left as it was, before and after."""
    if RuntimeParam is None or not hasattr(_TyperParameter, "get_runtime_param"):
        yield
        return
    typers = _TyperParameter.get_runtime_param

    def get_runtime_param(self):
        if getattr(self, "_runtime_param", None) is None:
            self._runtime_param = QuickRuntimeParam.of(self.type_descriptor)
        return self._runtime_param

    _TyperParameter.get_runtime_param = get_runtime_param
    try:
        yield
    finally:
        _TyperParameter.get_runtime_param = typers


if RuntimeParam is not None:

    @dataclass(frozen=True)
    class QuickRuntimeParam(RuntimeParam):
        """Typer's conversion of one parameter, where it is needed (see the module)."""

        descriptor: Any = None
        # typer's own conversion once built: a frozen dataclass holds it in a list
        _typer: list = field(default_factory=list, compare=False, repr=False)

        @classmethod
        def of(cls, descriptor: Any) -> QuickRuntimeParam:
            return cls(parameter_info=descriptor.parameter_info,
                       annotation=descriptor.annotation, descriptor=descriptor)

        def typer_runtime_param(self) -> Any:
            if not self._typer:
                self._typer.append(build_runtime_param(self.descriptor))
            return self._typer[0]

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                quick = self._quick(value, param, ctx)
            except Exception:  # refused: typer says why, in its words
                quick = _UNSETTLED
            if quick is _UNSETTLED:
                return self.typer_runtime_param()._coerce_value(value, param=param, ctx=ctx)
            return quick

        def _quick(self, value: Any, param: Any, ctx: Any) -> Any:
            if self.descriptor.file_annotation is not None:
                return _UNSETTLED
            annotation = self.annotation
            origin = get_origin(annotation)
            if origin is list:
                if not isinstance(value, (list, tuple)):
                    return _UNSETTLED
                item_annotation = get_args(annotation)[0]
                items = [self._leaf(item_annotation, item, param, ctx) for item in value]
                return _UNSETTLED if _UNSETTLED in items else items
            if origin is not None:
                return _UNSETTLED
            return self._leaf(annotation, value, param, ctx)

        def _leaf(self, annotation: Any, value: Any, param: Any, ctx: Any) -> Any:
            # the branches in the order of typer's build_leaf_adapter, which picks the first
            info = self.parameter_info
            if info.parser is not None:
                return _UNSETTLED
            if lenient_issubclass(annotation, Enum):
                return coerce_cli_choice(value, choices=list(annotation),
                                         case_sensitive=info.case_sensitive, ctx=ctx)
            if is_literal_type(annotation) or annotation is datetime or \
                    get_origin(annotation) is not None:
                return _UNSETTLED
            if is_number_type(annotation):
                return self._number(annotation, value)
            if annotation is bool or annotation is str:
                return value if type(value) is annotation else _UNSETTLED
            if routes_to_path(annotation, info):
                path_type = info.path_type
                if path_type is None and lenient_issubclass(annotation, Path):
                    path_type = annotation
                if path_type is not Path or not isinstance(value, (str, Path)):
                    return _UNSETTLED
                # pydantic makes Path(value) of a string; typer's checks take it from there
                # (a Path it takes as it is, without pydantic)
                return coerce_cli_path(Path(value) if type(value) is str else value, info,
                                       path_type=path_type, param=param, ctx=ctx)
            return _UNSETTLED

        def _number(self, annotation: Any, value: Any) -> Any:
            if annotation not in (int, float):
                return _UNSETTLED
            if type(value) is str and (_INT if annotation is int else _FLOAT).fullmatch(value):
                value = annotation(value)
            elif annotation is float and type(value) is int and abs(value) < 2**53:
                value = float(value)
            if type(value) is not annotation:
                return _UNSETTLED
            # inside the bounds a bounded or clamped number is the number itself
            info = self.parameter_info
            if (info.min is not None and value < info.min) or \
                    (info.max is not None and value > info.max):
                return _UNSETTLED
            return value
