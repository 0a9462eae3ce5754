"""Containment: whatever goes wrong while one document is read or analysed is that
document's one-line `Error: FILE: reason`, exit status 1 at the end, and the batch goes
on: in this process, in --jobs workers (also when one is killed) and on Dask."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from demandx.api import extract_many

GOOD = "Wir fordern die Stadt auf, {} Bäume zu pflanzen.\n"
# one paragraph longer than the 1,000,000 characters spaCy reads at once (E088)
HUGE_PARAGRAPH = "Wir fordern mehr Geld für die Schulen und " * 30_000 + "\n"

# Loaded into every Python process the test starts (PYTHONPATH): a worker process that
# reads a document holding the marker is killed as the OOM killer would kill it.
KILLER = """
import multiprocessing, os, signal
import demandx.loaders.text as _text

_load_text = _text.load_text

def load_text(data, source, fmt="text"):
    if b"KILL-THIS-WORKER" in data and multiprocessing.parent_process() is not None:
        os.kill(os.getpid(), signal.SIGKILL)
    return _load_text(data, source, fmt)

_text.load_text = load_text
"""


def demandx(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "demandx", *args], capture_output=True,
                          timeout=300, env={**os.environ, **(env or {})})


def folder_with(tmp_path: Path, bad_name: str, bad: str, count: int = 20) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for index in range(count):
        (folder / f"doc{index:02}.txt").write_text(GOOD.format(index), encoding="utf-8")
    (folder / bad_name).write_text(bad, encoding="utf-8")
    return folder


def check_contained(result: subprocess.CompletedProcess, bad_name: str, reason: str,
                    count: int = 20) -> None:
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert "Traceback" not in stderr
    errors = [line for line in stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and f"/{bad_name}: " in errors[0], stderr
    assert reason in errors[0]
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [Path(r["source"]).name for r in records] == [f"doc{i:02}.txt"
                                                         for i in range(count)]
    assert all(len(r["demands"]) == 1 for r in records)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_paragraph_too_long_for_spacy_costs_only_its_document(tmp_path, jobs):
    # doc10 comes after it in the same chunk: analysed together, the chunk failed whole
    folder = folder_with(tmp_path, "doc09_huge.txt", HUGE_PARAGRAPH)
    result = demandx("extract", str(folder), "-f", "jsonl", "--jobs", jobs)
    check_contained(result, "doc09_huge.txt", "a paragraph of 1,259,999 characters")


def test_a_failing_document_still_lets_the_output_file_be_written(tmp_path):
    folder = folder_with(tmp_path, "doc09_huge.txt", HUGE_PARAGRAPH, count=3)
    target = tmp_path / "out.jsonl"
    result = demandx("extract", str(folder), "-f", "jsonl", "-o", str(target))
    assert result.returncode == 1
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [Path(json.loads(line)["source"]).name for line in lines] == [
        "doc00.txt", "doc01.txt", "doc02.txt"]


def test_a_killed_worker_costs_only_the_document_it_was_reading(tmp_path):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(KILLER, encoding="utf-8")
    folder = folder_with(tmp_path, "doc05_kill.txt", "KILL-THIS-WORKER\n", count=40)
    result = demandx("extract", str(folder), "-f", "jsonl", "--jobs", "2",
                     env={"PYTHONPATH": str(hooks)})
    check_contained(result, "doc05_kill.txt", "killed", count=40)


def test_containment_on_dask(tmp_path, monkeypatch):
    distributed = pytest.importorskip("dask.distributed")
    import dask

    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(KILLER, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(hooks))   # the cluster's worker processes
    folder = folder_with(tmp_path, "doc03_huge.txt", HUGE_PARAGRAPH, count=6)
    (folder / "doc05_kill.txt").write_text("KILL-THIS-WORKER\n", encoding="utf-8")
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                     dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        outcomes = list(extract_many([folder], client=client))
    failed = {Path(o.source).name: str(o.error) for o in outcomes if not o.ok}
    assert set(failed) == {"doc03_huge.txt", "doc05_kill.txt"}
    assert "a paragraph of 1,259,999 characters" in failed["doc03_huge.txt"]
    assert "killed" in failed["doc05_kill.txt"]
    done = [Path(o.source).name for o in outcomes if o.ok]
    assert done == [f"doc{i:02}.txt" for i in range(6)]
    assert all(len(o.document.demands) == 1 for o in outcomes if o.ok)


def test_jobs_beyond_the_cores_are_capped_with_a_note(tmp_path):
    from demandx.batch import cores, worker_count

    assert worker_count(cores() + 62) == cores()
    assert worker_count(0) == cores()
    assert worker_count(1) == 1
    doc = tmp_path / "doc.txt"
    doc.write_text(GOOD.format(3), encoding="utf-8")
    many = str(cores() + 62)
    result = demandx("extract", str(doc), "--jobs", many, "-f", "jsonl")
    assert result.returncode == 0
    assert result.stderr.decode() == (f"--jobs {many}: this machine gives demandx {cores()} "
                                      f"cores; using {cores()}\n")
    assert json.loads(result.stdout)["demands"][0]["addressees"] == ["Stadt"]
