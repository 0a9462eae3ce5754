"""Small crafted files that used to end a whole run: a DOCX whose styles or numbering
part is an external link, list numbers starting at 10**30 or spelled as letters from two
billion, Markdown front matter nested hundreds deep. Each is read (or refused) as one
document, in bounded time and memory."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from test_loader_docx import add_list, numbered, to_bytes

from demandx.api import extract
from demandx.errors import InputError
from demandx.loaders import load_bytes
from demandx.loaders.docx import load_docx
from pdfgen import serialize


def with_external(part_name: str) -> bytes:
    """A Word document whose `part_name` relationship points outside the package."""
    def point_outside(body: bytes) -> bytes:
        body, count = re.subn(rf'Target="{part_name}"'.encode(),
                              b'Target="http://127.0.0.1:9/x.xml" TargetMode="External"', body)
        assert count == 1
        return body

    return _with_member(to_bytes(_demands_document()), "word/_rels/document.xml.rels",
                        point_outside)


def _with_member(data: bytes, name: str, change) -> bytes:
    """The zip `data` with its member `name` rewritten by `change`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info.filename)
            target.writestr(info, change(body) if info.filename == name else body)
    return out.getvalue()


def _demands_document():
    document = docx.Document()
    document.add_heading("Unsere Forderungen", 1)
    document.add_paragraph("Wir fordern die Stadt auf, mehr Bäume zu pflanzen.")
    return document


@pytest.mark.parametrize("part", ["styles.xml", "numbering.xml"])
def test_external_styles_or_numbering_part_is_not_followed(part):
    text = load_docx(with_external(part), "linked.docx")
    assert "Wir fordern die Stadt auf, mehr Bäume zu pflanzen." in text.text
    name = part.removesuffix(".xml")
    assert text.warnings == [f"its {name} part is a link outside the document, not "
                             "followed: headings and list numbers may be missing"]


@pytest.mark.parametrize(("fmt", "start", "first", "third"), [
    ("decimal", 10**30, "32767.", "32769."),
    ("upperLetter", 10**30, "32767.", "32769."),     # past thirty z's: digits, as Word
    ("lowerLetter", 2 * 10**9, "32767.", "32769."),
    ("lowerLetter", 780, "z" * 30 + ".", "782."),
    ("lowerRoman", -5, "0.", "ii."),
])
def test_list_numbers_are_bounded(fmt, start, first, third):
    document = docx.Document()
    add_list(document, 7, [(fmt, "%1.", start)])
    for _ in range(3):
        numbered(document, "Wir fordern mehr Geld.", 7)
    lines = load_docx(to_bytes(document), "numbers.docx").text.split("\n")
    assert lines[0] == f"{first} Wir fordern mehr Geld."
    assert lines[2] == f"{third} Wir fordern mehr Geld."


def test_many_letter_labels_from_a_huge_start_stay_small():
    document = docx.Document()
    add_list(document, 7, [("lowerLetter", "%1)", 2 * 10**9)])
    for _ in range(40):
        numbered(document, "Wir fordern mehr Geld.", 7)
    text = load_docx(to_bytes(document), "letters.docx")
    assert len(text.text) < 40 * 40
    assert len(extract(text).demands) == 40


def test_deeply_nested_front_matter_is_skipped_with_a_warning():
    data = ("---\ntitle: " + "[" * 500 + "]" * 500 + "\n---\n"
            "Wir fordern die Stadt auf, mehr Bäume zu pflanzen.\n").encode()
    text = load_bytes(data, "deep.md", "markdown")
    assert text.title is None
    assert text.warnings == ["front matter nested too deeply to read; its title is not used"]
    assert extract(text).demands[0].text == "Wir fordern die Stadt auf, mehr Bäume zu pflanzen."


def shared_stream_pdf(pages: int, lines: int) -> bytes:
    """A small PDF whose `pages` pages all show one compressed content stream."""
    import zlib

    content = b"".join(b"BT /F1 8 Tf 20 %d Td (Wir fordern mehr Geld fuer Schulen %d.) Tj ET\n"
                       % (820 - 8 * (i % 100), i) for i in range(lines))
    packed = zlib.compress(content, 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
               + b"] /Count %d >>" % pages,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed
               + b"\nendstream"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
                b"<< /F1 3 0 R >> >> /Contents 4 0 R >>"] * pages
    return serialize(objects)


def test_a_small_pdf_whose_pages_share_one_stream_is_refused_by_its_expansion():
    data = shared_stream_pdf(pages=20, lines=200)
    with pytest.raises(InputError, match=r"refused: its text is [\d,]+ characters, more than "
                                         rf"the [\d,]+ a file of {len(data):,} bytes"):
        load_bytes(data, "shared.pdf")
    # the same stream on one page is an ordinary document
    assert load_bytes(shared_stream_pdf(pages=1, lines=200), "one.pdf").text.count(
        "Wir fordern") == 200


def test_text_is_bounded_by_max_size_too():
    data = ("Wir fordern mehr. " * 100_000).encode()
    assert len(load_bytes(data, "big.txt", max_mb=2).text) == len(data)
    with pytest.raises(InputError, match="refused: its text is 1,800,000 characters"):
        load_bytes(data, "big.txt", max_mb=1.5)


def big_docx(paragraphs: int) -> bytes:
    """A Word document of many varied paragraphs: within the zip-bomb limits (it packs
    at well under 200:1), yet its document.xml takes hundreds of MB to parse."""
    import random

    words = random.Random(0)
    body = "".join(
        f"<w:p><w:r><w:t>{words.randrange(10**12)} Wir fordern {words.randrange(10**9)}"
        "</w:t></w:r></w:p>" for _ in range(paragraphs))
    return _with_member(to_bytes(docx.Document()), "word/document.xml",
                        lambda xml: xml.replace(b"<w:body>", b"<w:body>" + body.encode(), 1))


def test_a_word_document_too_big_to_parse_costs_a_capped_child_not_the_batch(monkeypatch):
    import demandx.loaders.isolated as isolated

    monkeypatch.setattr(isolated, "_MEMORY_MB", 300)
    monkeypatch.setattr(isolated, "_CHILD", None)   # a child started with this cap
    data = big_docx(600_000)
    with pytest.raises(InputError, match=r"refused: the Word document (needs more than|made "
                                         r"the reader fail or run out of its) 300 MB"):
        load_bytes(data, "big.docx")
    # the next document gets a fresh child
    small = load_bytes(to_bytes(_demands_document()), "small.docx")
    assert "Wir fordern die Stadt auf" in small.text
