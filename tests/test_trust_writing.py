"""Where output goes: the -o target checked before any work (a directory, a missing
directory, the input itself: one line, exit 2), a failure while writing (full disk) one
line and exit 1 with nothing clobbered, short writes finished, and a record never cut
by Ctrl-C without saying so."""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from demandx.cli import app
from demandx.errors import OutputError
from demandx.output import RecordWriter

GOOD = "Wir fordern die Stadt auf, mehr Bäume zu pflanzen.\n"
runner = CliRunner()


def demandx(*args: str, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "demandx", *args], capture_output=True,
                          timeout=120, env={**os.environ, **(env or {})}, **kwargs)


@pytest.fixture()
def doc(tmp_path) -> Path:
    path = tmp_path / "doc.md"
    path.write_text(GOOD, encoding="utf-8")
    return path


def errors_of(stderr: bytes) -> list[str]:
    return [line for line in stderr.decode().splitlines() if line.strip()]


@pytest.mark.parametrize("how", ["same", "link", "in-directory"])
def test_an_output_that_is_an_input_is_a_usage_error_before_any_work(doc, tmp_path, how):
    target = {"same": doc, "link": tmp_path / "link.md", "in-directory": doc}[how]
    if how == "link":
        target.symlink_to(doc)
    given = str(tmp_path) if how == "in-directory" else str(doc)
    result = demandx("extract", given, str(tmp_path / "missing.txt"), "-o", str(target))
    assert result.returncode == 2
    # one line, and no input was read: the missing one would have been reported
    assert errors_of(result.stderr) == [
        f"Error: {target}: is also an input; writing the output there would replace the "
        "document"]
    assert doc.read_text(encoding="utf-8") == GOOD


@pytest.mark.parametrize(("target", "reason"), [
    ("{tmp}", "is a directory (give a file name to write)"),
    ("{tmp}/no/such/dir/out.yaml", "the directory {tmp}/no/such/dir does not exist"),
    ("", "is a directory (give a file name to write)"),
])
def test_an_output_path_that_cannot_be_written_is_a_usage_error_before_any_work(
        doc, tmp_path, target, reason):
    target = target.format(tmp=tmp_path)
    result = demandx("extract", str(doc), str(tmp_path / "missing.txt"), "-o", target,
                     cwd=tmp_path)
    assert result.returncode == 2
    shown = target or "."
    assert errors_of(result.stderr) == [f"Error: {shown}: {reason.format(tmp=tmp_path)}"]


def test_a_read_only_output_or_directory_is_refused(doc, tmp_path, monkeypatch):
    # (as root, the system would let demandx write anyway: the check is what is tested)
    target = tmp_path / "out.yaml"
    target.write_text("precious\n", encoding="utf-8")
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if mode & os.W_OK and Path(
        path) in (target, tmp_path / "ro") else real_access(path, mode))
    result = runner.invoke(app, ["extract", str(doc), "-o", str(target)])
    assert result.exit_code == 2 and f"Error: {target}: is read-only" in result.stderr
    (tmp_path / "ro").mkdir()
    result = runner.invoke(app, ["extract", str(doc), "-o", str(tmp_path / "ro" / "x.yaml")])
    assert result.exit_code == 2
    assert f"cannot write in {tmp_path / 'ro'} (permission denied)" in result.stderr
    assert target.read_text(encoding="utf-8") == "precious\n"


def test_a_failure_while_writing_the_file_is_one_line_and_clobbers_nothing(
        doc, tmp_path, monkeypatch):
    target = tmp_path / "out.yaml"
    target.write_text("precious\n", encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    result = runner.invoke(app, ["extract", str(doc), "-o", str(target)])
    assert result.exit_code == 1
    assert errors_of(result.stderr.encode()) == [
        f"Error: {target}: cannot write: No space left on device"]
    assert target.read_text(encoding="utf-8") == "precious\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.md", "out.yaml"]


@pytest.mark.parametrize("unbuffered", ["1", ""])
def test_standard_output_on_a_full_device_is_one_line_and_exit_1(doc, unbuffered):
    with open("/dev/full", "wb") as full:
        result = subprocess.run([sys.executable, "-m", "demandx", "extract", str(doc)],
                                stdout=full, stderr=subprocess.PIPE, timeout=120,
                                env={**os.environ, "PYTHONUNBUFFERED": unbuffered})
    assert result.returncode == 1
    assert errors_of(result.stderr) == ["Error: <stdout>: cannot write: No space left on "
                                        "device"]


def test_a_device_given_as_output_is_written_not_replaced(doc):
    result = demandx("extract", str(doc), "-o", "/dev/null")
    assert result.returncode == 0
    assert not Path("/dev/null").is_file()


class ShortWrites(io.RawIOBase):
    """A raw stream that takes at most `step` bytes per call, then none once `limit`
    bytes are in (a full disk: ENOSPC), as an unbuffered stdout does."""

    def __init__(self, step: int, limit: int | None = None):
        self.data = bytearray()
        self.step = step
        self.limit = limit

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        if self.limit is not None and len(self.data) >= self.limit:
            raise OSError(errno.ENOSPC, "No space left on device")
        room = self.step if self.limit is None else min(self.step, self.limit - len(self.data))
        taken = bytes(data[:room])
        self.data += taken
        return len(taken)


def unbuffered_text(raw: io.RawIOBase) -> io.TextIOWrapper:
    # what PYTHONUNBUFFERED=1 gives as sys.stdout
    return io.TextIOWrapper(raw, encoding="utf-8", write_through=True)  # type: ignore[arg-type]


RECORD = {"source": "a.txt", "language": "de", "title": None,
          "demands": [{"id": str(i), "text": "Wir fordern mehr. " * 20} for i in range(50)]}


def test_short_writes_are_finished():
    raw = ShortWrites(step=1000)
    writer = RecordWriter(unbuffered_text(raw), "jsonl")
    writer.write(RECORD)
    writer.write(RECORD)
    writer.close()
    lines = bytes(raw.data).decode().splitlines()
    assert [json.loads(line) for line in lines] == [RECORD, RECORD]


def test_a_short_write_then_a_full_disk_is_an_error_not_silence():
    raw = ShortWrites(step=8192, limit=8192)
    writer = RecordWriter(unbuffered_text(raw), "jsonl", "<stdout>")
    with pytest.raises(OutputError, match="<stdout>: cannot write: No space left"):
        writer.write(RECORD)
    assert writer.partial


def blocked_in_write(tmp_path) -> subprocess.Popen:
    """demandx writing a 300 KB JSONL record to a pipe nobody reads, blocked in write(2)."""
    big = tmp_path / "big.txt"
    big.write_text("".join(f"Wir fordern die Stadt auf, {i} Bäume mehr zu pflanzen.\n\n"
                           for i in range(1500)), encoding="utf-8")
    process = subprocess.Popen([sys.executable, "-m", "demandx", "extract", str(big), "-f",
                                "jsonl"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    syscall = Path(f"/proc/{process.pid}/syscall")
    for _ in range(600):
        state = syscall.read_text().split()[0] if syscall.exists() else ""
        if state == "1":   # write(2) on x86-64, blocked
            return process
        time.sleep(0.1)
    process.kill()
    process.communicate()
    pytest.skip("could not see the process block in write(2)")


def test_ctrl_c_while_standard_output_is_blocked_finishes_the_record(tmp_path):
    process = blocked_in_write(tmp_path)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130
    lines = out.decode().splitlines()
    assert len(lines) == 1 and len(out) > 100_000
    assert len(json.loads(lines[0])["demands"]) > 500
    assert err == b"Error: interrupted; the records written so far are complete\n"


def test_a_second_ctrl_c_stops_at_once_and_says_the_record_is_cut(tmp_path):
    process = blocked_in_write(tmp_path)
    process.send_signal(signal.SIGINT)
    time.sleep(0.5)   # two signals, not one pending twice
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130
    assert not out.endswith(b"\n")
    assert err == b"Error: interrupted while writing a record: the last record is cut short\n"
