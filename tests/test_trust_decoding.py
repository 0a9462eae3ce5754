"""Text that is nearly clean: one stray byte that is not UTF-8 in a UTF-8 file, a stray
NUL or another control character. Read as what it is, with a warning; never decoded as
a legacy code page ("fÃ¼r") nor refused as binary data."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from demandx.api import extract
from demandx.errors import InputError
from demandx.loaders import load_bytes

PARAGRAPH = "Wir fordern die Länder auf, für Schülerinnen und Schüler mehr zu tun.\n\n"


def demandx(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "demandx", *args], capture_output=True,
                          timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"})


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_one_stray_byte_in_utf8_is_replaced_not_a_reason_for_a_code_page(fmt):
    clean = (PARAGRAPH * 200).encode("utf-8")
    stray = clean[:5000] + b"\xff" + clean[5000:]
    if fmt == "html":
        clean, stray = (b"<html><body><p>" + data.replace(b"\n\n", b"</p><p>")
                        + b"</p></body></html>" for data in (clean, stray))
    name = f"doc.{'md' if fmt == 'markdown' else fmt}"
    text = load_bytes(stray, name, fmt)
    assert "für Schülerinnen" in text.text and "Ã" not in text.text
    assert text.text.count("\ufffd") == 1
    assert text.text.replace("\ufffd", "") == load_bytes(clean, name, fmt).text
    assert len(text.warnings) == 1
    assert text.warnings[0].startswith("1 byte(s) not valid UTF-8 (first at character")
    assert len(extract(text).demands) == len(extract(load_bytes(clean, name, fmt)).demands)


def test_a_legacy_code_page_file_is_still_read_as_its_code_page():
    text = load_bytes((PARAGRAPH * 50).encode("cp1252"), "old.txt")
    assert "für Schülerinnen" in text.text and text.warnings == []


@pytest.mark.parametrize("noise", ["\x00", "\x1b", "\x07\x00"])
def test_a_stray_control_character_is_dropped_with_a_warning(tmp_path, noise):
    doc = tmp_path / "doc.txt"
    doc.write_text(PARAGRAPH.replace("auf,", "auf," + noise), encoding="utf-8")
    result = demandx("extract", str(doc), "-f", "jsonl")
    stderr = result.stderr.decode()
    assert result.returncode == 0, stderr
    assert "control character(s)" in stderr and stderr.startswith("Warning:")
    assert b'"addressees": ["L\xc3\xa4nder"]' in result.stdout
    assert b"auf, f\xc3\xbcr" in result.stdout


def test_text_full_of_control_characters_is_still_binary():
    with pytest.raises(InputError, match="binary data"):
        load_bytes(b"\x00" * 4096 + PARAGRAPH.encode(), "zeros.txt")
    with pytest.raises(InputError, match="binary data"):
        load_bytes(bytes(range(256)) * 64, "binary.txt")
