"""Signals from outside: a parent killed alone takes its workers with it; SIGTERM while
writing -o leaves no temporary file behind."""

from __future__ import annotations

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
