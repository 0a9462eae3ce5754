"""The benchmark script (bench/run.py) measures what it says: CPU time that includes the
PDF reading child, every method in each round, identical output across --jobs, bounded
memory. How fast demandx is belongs to the benchmark's report, not to assertions here:
on a shared machine any time bound fails by chance."""

from __future__ import annotations

import importlib.util
import sys

from conftest import ROOT, needs_shared
from pdfgen import Line, make_pdf


def _load_bench():
    """bench/run.py, the benchmark script, as a module."""
    spec = importlib.util.spec_from_file_location("demandx_bench", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


def test_interleaved_rounds_run_every_method_each_round():
    order: list[str] = []
    timings = bench.interleaved({"a": lambda: order.append("a"),
                                 "b": lambda: order.append("b")}, rounds=3, warm=False)
    assert order == ["a", "b"] * 3
    assert set(timings) == {"a", "b"}
    assert all(t.cpu >= 0 and t.wall >= 0 for t in timings.values())


def test_cpu_time_includes_the_pdf_reading_child(tmp_path, monkeypatch):
    from demandx.api import load
    from demandx.loaders import isolated

    monkeypatch.setenv("DEMANDX_PDF_ISOLATION", "1")
    body = [Line("Die Landesregierung muss den Nahverkehr ausbauen und sichern")] * 50
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf([body] * 40))
    assert load(path).format == "pdf"
    child = isolated._CHILD
    assert child is not None and child.process.poll() is None
    before = bench._pdf_child_seconds()
    for _ in range(5):
        load(path)
    assert bench._pdf_child_seconds() > before  # the child's clock, read from /proc


def test_corpus_figures_against_the_spacy_floor():
    docs = needs_shared("corpus", "moties", "docs")
    files = sorted(docs.glob("*.txt"))[:100]
    row = bench.measure_corpus("motions", "nl", files, rounds=1)
    methods = row["methods"]
    assert {"spaCy floor", "demandx (blank)", "demandx (bundled)"} <= set(methods)
    assert row["words"] > 0 and methods["spaCy floor"]["ratio_to_spacy_floor"] == 1.0
    assert all(fig["cpu"] > 0 and fig["words_per_cpu_s"] > 0 for fig in methods.values())


def test_two_jobs_same_output_bounded_memory():
    docs = needs_shared("corpus", "moties", "docs")
    command = [sys.executable, "-m", "demandx", "extract", str(docs), "-f", "jsonl"]
    _one_time, _one_rss, one = bench.run_cold([*command, "--jobs", "1"])
    two_time, two_rss, two = bench.run_cold([*command, "--jobs", "2"])
    assert one == two
    assert two_rss < 500 * 2**20
    assert two_time.cpu > 0  # the workers' time is counted with the parent's



def test_startup_from_source_is_demandx():
    import subprocess

    result = subprocess.run([*bench._from_source_command(), "--version"],
                            capture_output=True, text=True, timeout=120, check=False)
    assert (result.returncode, result.stdout) == (0, "demandx 0.1.0\n"), result.stderr
