"""The progress line and the summary of `demandx extract` on a terminal."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from demandx.cli import app
from demandx.cli import progress as progress_module
from demandx.cli.progress import Tally

runner = CliRunner()


class FakeClock:
    """Time that moves only when the test says so."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_rate_and_eta_count_from_the_start_of_the_run():
    clock = FakeClock()
    tally = Tally(8, clock=clock)
    clock.now += 18.0
    for _ in range(4):  # a burst: four documents finished at the same moment
        tally.tick(5)
    assert tally.status() == "4/8 documents · 20 demands · 0.22 docs/s · 18 s, about 18 s left"


def test_failures_and_the_finished_status():
    clock = FakeClock()
    tally = Tally(3, clock=clock)
    assert tally.status() == "0/3 documents · 0 demands · 0.0 s"
    clock.now += 125
    tally.tick(1)
    tally.tick(0, failed=True)
    tally.tick(0)
    assert tally.status() == "3/3 documents · 1 demand · 1 failure · 0.024 docs/s · 2:05 min"
    assert tally.summary() == "3 documents, 1 demand, 1 failure in 2:05 min"


def _two_documents(tmp_path):
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("# Forderungen\n\n1. Die Stadt muss Radwege bauen.\n",
                                     encoding="utf-8")
    return str(tmp_path)


@pytest.mark.parametrize("terminal", [True, False], ids=["terminal", "piped"])
def test_summary_line_only_on_a_terminal(tmp_path, monkeypatch, terminal):
    monkeypatch.setattr(progress_module, "on_terminal", lambda: terminal)
    result = runner.invoke(app, ["extract", _two_documents(tmp_path)])
    assert result.exit_code == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if "documents, " in line]
    if terminal:
        assert len(lines) == 1
        assert lines[0].startswith("2 documents, 2 demands, 0 failures in ")
    else:
        assert lines == []
    quiet = runner.invoke(app, ["extract", _two_documents(tmp_path), "-q"])
    assert "documents, " not in quiet.stderr
