"""The command line's quick conversion of option values (demandx.cli._quick) gives what
typer's own, pydantic-based conversion gives, value for value and error for error, on
every parameter of every demandx command."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from conftest import ROOT
from demandx.cli import app
from demandx.cli._quick import RuntimeParam

pytestmark = pytest.mark.skipif(RuntimeParam is None, reason="another typer: not used")

SAMPLES = [None, "", "x", "auto", "de", "DE", "-", "yaml", "JSON", "csv", "0", "2", "007",
           "-1", "1.5", "1e3", " 3", "+3", "99999999999999999999", str(ROOT / "seeds"),
           str(ROOT / "README.md"), "/no/such/file", Path("seeds"), 3, 0, -2, 2.5, 100,
           True, False]


def _parameters():
    group = typer.main.get_command(app)
    ctx = group.context_class(group)
    yield "demandx", group, ctx, group.get_help_option(ctx)
    for param in group.params:
        yield "demandx", group, ctx, param
    for name, command in group.commands.items():
        sub = command.context_class(command, parent=ctx)
        yield name, command, sub, command.get_help_option(sub)
        for param in command.params:
            yield name, command, sub, param


def _outcome(runtime, value, param, ctx):
    try:
        result = runtime.coerce(value, param=param, ctx=ctx)
    except Exception as exc:
        return ("error", type(exc).__name__, str(exc))
    shape = [type(item).__name__ for item in result] if isinstance(result, list) else None
    return ("value", type(result).__name__, result, shape)


def test_quick_conversion_is_typers():
    from typer._coercion import build_runtime_param

    from demandx.cli._quick import QuickRuntimeParam

    checked = 0
    for command, _cmd, ctx, param in _parameters():
        descriptor = param.type_descriptor
        choices = list(descriptor.choices or ())
        samples = [*SAMPLES, *choices, *(str(getattr(c, "value", c)) for c in choices)]
        if param.multiple or param.nargs == -1:
            samples = [None, (), *[(s,) for s in samples if s is not None],
                       ("a", "b"), tuple(SAMPLES[1:8]), "x"]
        quick, typers = QuickRuntimeParam.of(descriptor), build_runtime_param(descriptor)
        for value in samples:
            assert _outcome(quick, value, param, ctx) == _outcome(typers, value, param, ctx), \
                (command, param.name, value)
            checked += 1
    assert checked > 1000


def test_commands_build_no_pydantic_adapter(tmp_path):
    # spaCy imports pydantic itself; typer's adapters are what its options would cost
    import subprocess

    out = tmp_path / "out.yaml"
    code = (f"import sys; from demandx.cli import main; sys.argv = ['demandx', 'extract', "
            f"{str(ROOT / 'seeds' / '001_8aab90436859eff1.txt')!r}, '-o', {str(out)!r}, "
            "'-j', '1', '--max-size', '50', '-l', 'de', '-m', 'de=blank']\n"
            "import atexit; atexit.register(lambda: print('typer._adapters' in sys.modules))\n"
            "main()")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=300, check=False)
    assert (result.returncode, result.stdout) == (0, "False\n"), result.stderr
    assert "source:" in out.read_text(encoding="utf-8")


def test_typer_conversion_is_back_after_a_run():
    from typer.core import _TyperParameter

    before = _TyperParameter.get_runtime_param
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert _TyperParameter.get_runtime_param is before
