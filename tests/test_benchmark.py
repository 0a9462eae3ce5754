"""Speed and memory, as ratios against a floor measured in the same run (bench/run.py
does the full measurement). Run where ../shared is present; the bounds here are looser
than the figures in the README so that a busy CI machine does not fail them by chance."""

from __future__ import annotations

import importlib.util
import sys
import time

from conftest import ROOT, needs_shared


def _load_bench():
    """bench/run.py, the benchmark script, as a module."""
    spec = importlib.util.spec_from_file_location("demandx_bench", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = _load_bench()


def test_throughput_against_the_tokenizer_floor():
    docs = needs_shared("corpus", "moties", "docs")
    files = sorted(docs.glob("*.txt"))[:800]
    row = bench.measure_corpus("motions", "nl", files)
    assert row["blank"]["ratio_to_floor"] >= 0.35
    assert row["bundled"]["ratio_to_floor"] >= 0.35


def test_two_jobs_same_output_bounded_memory(tmp_path):
    docs = needs_shared("corpus", "moties", "docs")
    command = [sys.executable, "-m", "demandx", "extract", str(docs), "-f", "jsonl"]
    one_seconds, _one_rss, one = bench.run_cold([*command, "--jobs", "1"])
    two_seconds, two_rss, two = bench.run_cold([*command, "--jobs", "2"])
    assert one == two
    assert two_rss < 500 * 2**20
    assert two_seconds < one_seconds


def test_start_up_is_quick():
    seed = ROOT / "seeds" / "000_c0e25bf6d5223cae.txt"
    help_seconds = min(bench.run_cold([sys.executable, "-m", "demandx", "--help"])[0]
                       for _ in range(3))
    assert help_seconds < 0.6
    start = time.perf_counter()
    bench.run_cold([sys.executable, "-m", "demandx", "extract", str(seed)])
    assert time.perf_counter() - start < 5.0
