"""Text files in the encodings and line ends they reach users in."""

import codecs

import pytest

from demandx.errors import InputError
from demandx.extraction import extract_text
from demandx.loaders import load_bytes
from demandx.loaders.text import decode, normalise_newlines

GERMAN = (
    "Forderungen an die Bundesregierung\n"
    "1. Die Bundesregierung muss die Pendlerpauschale für Geringverdiener erhöhen.\n"
    "2. Schüler und Auszubildende sollen kostenlos Bus fahren dürfen.\n"
)


@pytest.mark.parametrize("prefix, encoding", [
    (b"", "utf-8"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (b"", "utf-16-le"),  # no BOM: recognised by its NUL bytes
    (b"", "cp1252"),
    (b"", "latin-1"),
])
def test_every_common_encoding_decodes_to_the_same_text(prefix, encoding):
    assert decode(prefix + GERMAN.encode(encoding), "doc.txt") == GERMAN


def test_cp1252_specific_characters():
    text = "„Wir fordern“ – 50 € für alle…\n" * 5
    assert decode(text.encode("cp1252"), "doc.txt") == text


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_ends_give_the_same_demands(newline):
    data = GERMAN.replace("\n", newline).encode("utf-8")
    loaded = load_bytes(data, "doc.txt")
    assert "\r" not in loaded.text
    document = extract_text(loaded, lang="de")
    assert [d.number for d in document.demands] == ["1", "2"]
    assert document.demands[0].addressees == ["Bundesregierung"]


def test_form_feeds_mark_pages():
    text, starts = normalise_newlines("eins\fzwei\r\ndrei\fvier")
    assert text == "eins\nzwei\ndrei\nvier"
    assert starts == [0, 5, 15]


def test_binary_data_is_refused_with_a_reason():
    with pytest.raises(InputError, match="binary data"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "pic.txt")


def test_broken_utf16_names_the_byte():
    with pytest.raises(InputError, match="not valid utf-16"):
        decode(codecs.BOM_UTF16_LE + "Text".encode("utf-16-le") + b"\x00\xd8", "doc.txt")
