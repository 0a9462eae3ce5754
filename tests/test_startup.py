"""Start-up and exit of the command line: spaCy without its own command line, an end
without the interpreter's teardown that still flushes output, runs exit handlers and
keeps the exit status."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT

SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_c0e25bf6d5223cae.txt"
HEAVY = ("spacy.cli", "weasel", "requests", "httpx", "jinja2")


def _python(code: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          text=True, timeout=300, check=False)


def test_spacy_imports_without_its_command_line():
    result = _python(f"""
import sys
from demandx.spacy_without_cli import install
install()
import spacy
heavy = sorted(m for m in sys.modules if m.startswith({HEAVY!r}))
nlp = spacy.blank("nl")
words = [t.text for t in nlp("De regering moet nu handelen.")]
info = spacy.info()            # the real spacy.cli.info, imported when called
import spacy.cli
print(heavy, words, isinstance(info, dict), callable(spacy.cli.download))
""")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0] == (
        "[] ['De', 'regering', 'moet', 'nu', 'handelen', '.'] True True")


def test_entry_points_by_group_are_the_same():
    result = _python("""
import importlib.metadata
from demandx.spacy_without_cli import install
install()
import catalogue, spacy
spacy.blank("de")
every = importlib.metadata.entry_points()
grouped = catalogue.AVAILABLE_ENTRY_POINTS
groups = sorted(every) + ["spacy_factories", "no_such_group"]
same = all(list(grouped.select(group=g)) == list(every.select(group=g)) for g in groups)
again = grouped.select(group="spacy_factories") is grouped.select(group="spacy_factories")
print(type(grouped).__name__, same, again, len(grouped.select(name="nothing")))
""")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0] == "_EntryPointGroups True True 0"


def test_extract_runs_without_spacy_command_line(tmp_path):
    out, seen = tmp_path / "out.yaml", tmp_path / "modules.json"
    result = _python(f"""
import atexit, json, sys
from demandx.cli import main
atexit.register(lambda: open({str(seen)!r}, "w").write(json.dumps(sorted(
    m for m in sys.modules if m.split(".")[0] in ("spacy", "weasel", "requests")))))
sys.argv = ["demandx", "extract", {str(SEED)!r}, "-o", {str(out)!r}]
main()
""")
    assert result.returncode == 0, result.stderr
    modules = json.loads(seen.read_text())
    assert "spacy" in modules and "spacy.tokens" in modules
    assert not [m for m in modules if m.startswith(HEAVY)]
    record = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert record["language"] == "de" and record["demands"]


def test_exit_runs_handlers_but_skips_teardown(tmp_path):
    handler, teardown = tmp_path / "handler", tmp_path / "teardown"
    result = _python(f"""
import atexit, sys
from demandx.cli import main

import os

class Marker:
    # names bound now: by the time the teardown frees objects, modules are half gone
    def __del__(self, write=os.write, fd=os.open({str(teardown)!r}, os.O_WRONLY | os.O_CREAT)):
        write(fd, b"freed")

marker = Marker()
atexit.register(lambda: open({str(handler)!r}, "w").write("ran"))
sys.argv = ["demandx", "--version"]
main()
""")
    assert (result.returncode, result.stdout) == (0, "demandx 0.1.0\n")
    assert handler.read_text() == "ran"
    assert teardown.read_text() == ""  # never freed: no teardown


@pytest.mark.parametrize(("args", "status"), [
    pytest.param(["--version"], 0, id="version"),
    pytest.param(["extract", "/no/such/file.txt"], 1, id="input-failed"),
    pytest.param(["extract", "--no-such-option"], 2, id="usage"),
    pytest.param(["extract", "EMPTY", "--fail-on-empty"], 3, id="no-demand"),
])
def test_exit_status_kept(tmp_path, args, status):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    args = [str(empty) if arg == "EMPTY" else arg for arg in args]
    result = subprocess.run([sys.executable, "-m", "demandx", *args], capture_output=True,
                            timeout=300, check=False)
    assert result.returncode == status


def test_piped_output_is_complete(tmp_path):
    command = [sys.executable, "-m", "demandx", "extract", str(SEEDS), "-f", "jsonl"]
    piped = subprocess.run(command, capture_output=True, timeout=300, check=True).stdout
    subprocess.run([*command, "-o", str(tmp_path / "out.jsonl")], timeout=300, check=True)
    assert piped == (tmp_path / "out.jsonl").read_bytes()
    records = [json.loads(line) for line in piped.decode().splitlines()]
    assert [r["source"].rsplit("/", 1)[-1] for r in records] == sorted(
        p.name for p in SEEDS.iterdir())


def test_workers_import_spacy_without_its_command_line():
    result = _python(f"""
import sys
from demandx import batch
batch._init_worker()
import spacy
print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))
""")
    assert (result.returncode, result.stdout) == (0, "[]\n"), result.stderr


def test_language_data_read_in_c_reads_the_same():
    from importlib import resources

    from demandx.lang import safe_loader

    assert issubclass(safe_loader(), getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    files = [f for f in resources.files("demandx.lang").iterdir() if f.name.endswith(".yaml")]
    assert {"base.yaml", "de.yaml", "nl.yaml", "actors.yaml"} <= {f.name for f in files}
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert yaml.load(text, Loader=safe_loader()) == yaml.safe_load(text), file.name


def test_collector_waits_for_the_start_then_collects_as_usual():
    result = _python("""
import gc
usual = gc.get_threshold()
from demandx import collector
from demandx.nlp import cheap_pipeline
collector.started()                    # without start(): nothing changes
print(gc.get_threshold() == usual, gc.get_freeze_count() == 0)
collector.start()
print(gc.get_threshold()[0] >= 100_000)
cheap_pipeline("de")                   # the first pipeline ends the start
print(gc.get_threshold() == usual, gc.get_freeze_count() > 0)
""")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "True", "True"]
