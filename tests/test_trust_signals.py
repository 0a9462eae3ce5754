"""Signals from outside: a parent killed alone takes its workers with it; SIGTERM while
writing -o leaves no temporary file behind."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

GOOD = "Wir fordern die Stadt auf, {} Bäume zu pflanzen.\n\n"


def children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_for(condition, what: str, tries: int = 600) -> None:
    for _ in range(tries):
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"gave up waiting: {what}")


@pytest.fixture()
def many(tmp_path) -> Path:
    folder = tmp_path / "many"
    folder.mkdir()
    for index in range(400):
        (folder / f"{index:04}.txt").write_text(GOOD.format(index) * 30, encoding="utf-8")
    return folder


def test_killing_the_parent_alone_ends_its_workers(many):
    process = subprocess.Popen([sys.executable, "-m", "demandx", "extract", str(many),
                                "--jobs", "2", "-f", "jsonl"], stdout=subprocess.PIPE,
                               stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    process.stdout.readline()          # records flow: the workers are at work
    workers = children(process.pid)
    assert len(workers) >= 2
    process.kill()
    process.wait()
    wait_for(lambda: not any(alive(pid) for pid in workers), "workers to end")


def test_sigterm_while_writing_a_file_leaves_nothing_behind(many, tmp_path):
    target = tmp_path / "out.jsonl"
    process = subprocess.Popen([sys.executable, "-m", "demandx", "extract", str(many),
                                "-f", "jsonl", "-o", str(target)], stderr=subprocess.PIPE)
    temporary = lambda: [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # noqa: E731
    wait_for(lambda: temporary() and temporary()[0].stat().st_size > 0,
             "records in the temporary file")
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 143
    assert b"Traceback" not in err
    assert temporary() == [] and not target.exists()
    assert os.listdir(tmp_path) == ["many"]


# Loaded into every Python process the test starts (PYTHONPATH): a worker that reads a
# document holding the marker takes forever, as a pathological document can.
FOREVER = """
import multiprocessing, time
import demandx.loaders.text as _text

_load_text = _text.load_text

def load_text(data, source, fmt="text"):
    if b"TAKES-FOREVER" in data and multiprocessing.parent_process() is not None:
        time.sleep(3600)
    return _load_text(data, source, fmt)

_text.load_text = load_text
"""


def test_ctrl_c_with_jobs_does_not_wait_for_the_documents_in_progress(many, tmp_path):
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(FOREVER, encoding="utf-8")
    (many / "0000.txt").write_text("TAKES-FOREVER\n", encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "demandx", "extract", str(many),
                                "--jobs", "2", "-f", "jsonl"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONPATH": str(hooks)})

    def stuck() -> bool:   # a worker sleeps in clock_nanosleep(2) (x86-64: 230)
        for pid in children(process.pid):
            with contextlib.suppress(OSError, IndexError):
                if (Path("/proc") / str(pid) / "syscall").read_text().split()[0] == "230":
                    return True
        return False

    wait_for(stuck, "a worker to be stuck in the document")
    workers = children(process.pid)
    process.send_signal(signal.SIGINT)
    # a hang guard, not a timing: before, the parent waited for the stuck worker forever
    try:
        out, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        for pid in {process.pid} | workers:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        raise
    assert process.returncode == 130
    assert b"interrupted" in err and b"Traceback" not in err
    assert out == b""   # the first document never finished: nothing after it is written
    wait_for(lambda: not any(alive(pid) for pid in workers), "workers to end")
