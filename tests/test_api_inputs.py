"""The Python API: what `demandx.extract` takes a string for."""

from __future__ import annotations

import pytest

import demandx
from demandx.errors import InputError


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("motion.pdf", id="bare-name"),
        pytest.param("docs/Antrag 3.docx", id="separator-and-space"),
        pytest.param("C:\\Anträge\\antrag.odt", id="windows-path"),
        pytest.param("resolution.MD", id="upper-case-extension"),
    ],
)
def test_missing_file_named_as_a_string_is_an_input_error(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError) as caught:
        demandx.extract(name)
    assert caught.value.source == name
    assert "no such file" in caught.value.reason and "bytes" in caught.value.reason


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Wir fordern die Landesregierung auf, die Kitas auszubauen.", id="prose"),
        pytest.param("Die Stadt muss handeln, siehe https://example.org/antrag.pdf",
                     id="sentence-with-url"),
        # one line longer than a file name may be (the OS refuses to look it up)
        pytest.param("Die Stadt muss handeln. " + "Die Gründe sind bekannt. " * 20,
                     id="one-long-line"),
    ],
)
def test_text_is_still_text(text):
    document = demandx.extract(text)
    assert document.source == "<text>"
    assert document.demands


def test_text_that_looks_like_a_file_name_can_be_passed_as_bytes():
    text = "motion.pdf"
    document = demandx.extract(text.encode("utf-8"))
    assert document.source == "<bytes>" and document.demands == []


def test_existing_file_named_as_a_string_is_read(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "motion.md").write_text("# Forderungen\n\n1. Die Stadt muss Radwege bauen.\n",
                                        encoding="utf-8")
    assert demandx.extract("motion.md").source == "motion.md"
