"""The bad-input matrix: every kind of broken, hostile or odd input, as a user meets it
on the command line. For each: one line on stderr naming the file and the reason, the
other inputs still processed, the documented exit status, time and memory bounded.

Bounds stated here and in the README: the whole matrix runs in one `demandx extract`
process in under 60 s with a peak RSS under 700 MB (the PDF bomb is read by a child
process capped at DEMANDX_PDF_MEMORY_MB, here 400 MB).
"""

from __future__ import annotations

import io
import json
import os
import resource
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from pdfgen import Line, bomb_pdf, encrypt, make_pdf

GOOD = "Wir fordern die Stadt auf, mehr Bäume zu pflanzen.\n"


def demandx(*args: str, env: dict | None = None, input: bytes | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "demandx", *args], capture_output=True,
                          input=input, timeout=timeout,
                          env={**os.environ, **(env or {})})


def zip_bomb_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as member:
            block = b"\0" * (1 << 24)
            for _ in range(16):   # 256 MB of zeros, about 250 kB packed
                member.write(block)
    return out.getvalue()


@pytest.fixture()
def matrix(tmp_path) -> tuple[Path, dict[str, str]]:
    """A folder of bad inputs (name -> expected reason) and one good document."""
    folder = tmp_path / "inputs"
    folder.mkdir()
    expected = {}

    def bad(name: str, data: bytes, reason: str) -> None:
        (folder / name).write_bytes(data)
        expected[name] = reason

    bad("binary.txt", bytes(range(256)) * 64, "binary data")
    pytest.importorskip("pypdf")
    bad("encrypted.pdf", encrypt(make_pdf([[Line("Wir fordern mehr.")]])), "encrypted PDF")
    pdf = make_pdf([[Line("Wir fordern mehr.")]])
    bad("truncated.pdf", pdf[: len(pdf) // 2], "damaged or not a PDF")
    bad("bomb.pdf", bomb_pdf(1.0), "refused")
    bad("pages.pdf", make_pdf([[Line("x")]] * 5001), "pages")
    bad("bomb.docx", zip_bomb_docx(), "zip bomb")
    bad("not-a-zip.docx", b"hello", "not a Word document")
    bad("broken.xml", b"<?xml version='1.0'?><a><b></a>", "malformed XML")
    lol = "<!ENTITY l0 'lol'>" + "".join(
        f"<!ENTITY l{i} '&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};'>"
        for i in range(1, 12))
    bad("laughs.xml", f"<?xml version='1.0'?><!DOCTYPE d [{lol}]><d><p>&l11;</p></d>"
        .encode(), "bomb")
    bad("renamed.pdf", b"just some text", "not a PDF")
    bad("empty.pdf", b"", "empty file")
    big = folder / "huge.txt"
    with big.open("wb") as stream:   # 200 MB: refused by size before it is read
        stream.truncate(200_000_000)
    expected["huge.txt"] = "too large"
    os.mkfifo(folder / "pipe.txt")
    expected["pipe.txt"] = "not a regular file"
    (folder / "loop").symlink_to(folder)           # a directory loop
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    expected["dangling.txt"] = "No such file"
    # inputs that are odd but fine: they give records
    (folder / "script.html").write_bytes(
        b"<html><body><p>Wir fordern mehr Geld.</p><script>alert(1)</script></body></html>")
    (folder / "entity.xml").write_bytes(
        b"<?xml version='1.0'?><!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
        b"<d><p>verzoekt de regering &x; te handelen,</p></d>")
    (folder / "latin1.txt").write_bytes(GOOD.encode("cp1252"))
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder, expected


def test_bad_input_matrix(matrix):
    folder, expected = matrix
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_before = usage.ru_utime + usage.ru_stime
    before = usage.ru_maxrss
    result = demandx("extract", str(folder), "/dev/zero", str(folder / "missing.txt"),
                     "-f", "jsonl", env={"DEMANDX_PDF_MEMORY_MB": "400"})
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu_seconds = usage.ru_utime + usage.ru_stime - cpu_before
    peak_kb = max(before, usage.ru_maxrss)
    stderr = result.stderr.decode()
    assert result.returncode == 1
    assert "Traceback" not in stderr
    lines = [line for line in stderr.splitlines() if line.startswith("Error:")]
    assert len(lines) == len(expected) + 2, stderr
    for name, reason in expected.items():
        mine = [line for line in lines if f"/{name}:" in line]
        assert len(mine) == 1, (name, stderr)
        assert reason.lower() in mine[0].lower(), mine[0]
    assert any("/dev/zero: not a regular file" in line for line in lines)
    assert any("missing.txt: no such file" in line for line in lines)
    records = {Path(json.loads(line)["source"]).name: json.loads(line)
               for line in result.stdout.decode().splitlines()}
    assert set(records) == {"good.txt", "latin1.txt", "script.html", "entity.xml"}
    assert records["latin1.txt"]["demands"][0]["text"] == GOOD.strip()
    assert "alert" not in json.dumps(records["script.html"])
    assert "root:" not in json.dumps(records["entity.xml"])
    assert records["entity.xml"]["demands"][0]["addressees"] == ["regering"]
    # the bombs cost bounded work (CPU time of the run and its children, not wall time,
    # which measures the machine's other load) and bounded memory
    assert cpu_seconds < 60
    assert peak_kb < 700 * 1024


def test_max_size_applies_to_standard_input():
    result = demandx("extract", "-", "--max-size", "0.01", input=b"Wir fordern mehr. " * 2000)
    assert result.returncode == 1
    assert b"<stdin>: too large" in result.stderr


def test_permission_denied(tmp_path, monkeypatch):
    from demandx.api import extract_many

    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    original = Path.read_bytes

    def refuse(self):
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    outcomes = list(extract_many([secret]))
    assert str(outcomes[0].error).endswith("secret.txt: permission denied")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied_for_real(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    result = demandx("extract", str(secret))
    assert result.returncode == 1 and b"permission denied" in result.stderr


def test_failed_run_keeps_an_existing_output_file(tmp_path):
    target = tmp_path / "out.yaml"
    target.write_text("precious\n", encoding="utf-8")
    doc = tmp_path / "doc.txt"
    doc.write_text(GOOD, encoding="utf-8")
    result = demandx("extract", str(doc), "-o", str(target), "--model", "de=/no/such/model")
    assert result.returncode == 1
    assert target.read_text(encoding="utf-8") == "precious\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.txt", "out.yaml"]


def test_interrupt_exits_130_with_whole_records(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for index in range(3000):
        (folder / f"{index:05}.txt").write_text(GOOD * 20, encoding="utf-8")
    # unbuffered: a buffered readline would take more than the line from the pipe, and
    # communicate() below would then miss what the buffer holds
    process = subprocess.Popen([sys.executable, "-m", "demandx", "extract", str(folder),
                                "-f", "jsonl"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, bufsize=0)
    assert process.stdout is not None
    first = process.stdout.readline()  # wait until records are flowing
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    rest, stderr = process.communicate(timeout=60)
    assert process.returncode == 130
    lines = (first + rest).decode().splitlines()
    assert 0 < len(lines) < 3000
    for line in lines:
        json.loads(line)  # every record written is whole
    assert b"interrupted" in stderr and b"Traceback" not in stderr
