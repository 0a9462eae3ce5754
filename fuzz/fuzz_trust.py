"""Structure-aware fuzzing (atheris/libFuzzer) of what a hostile archive can hold: Word
files with crafted numbering, styles and relationships, PDFs with shared or repeated
content streams, Markdown with deep front matter, and saved output fed to `diff`.

    pip install atheris
    python fuzz/fuzz_trust.py -max_total_time=600 -max_len=65536 -rss_limit_mb=3000

The input's bytes are decoded here, without atheris (`run`), so that every finding can
be replayed in the tests (tests/fuzz_regressions/trust-*.bin). A finding is any exception
other than InputError (a clear refusal) from reading, analysing or writing a document,
or output that is not valid UTF-8 or whose JSON Lines record spans more than one line.
"""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile
from pathlib import Path

# one PDF writer for the fuzzer and the tests (tests/pdfgen.py)
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from pdfgen import serialize

BLANK = {"de": "blank", "nl": "blank", "en": "blank"}
_FORMATS = ("decimal", "lowerLetter", "upperLetter", "lowerRoman", "upperRoman",
            "decimalZero", "bullet", "none", "ordinalText")
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


class _Bytes:
    """Reads the fuzz input front to back: small integers, then strings."""

    def __init__(self, data: bytes):
        self.data = data
        self.at = 0

    def int(self, size: int = 1) -> int:
        chunk = self.data[self.at:self.at + size]
        self.at += size
        return int.from_bytes(chunk.ljust(size, b"\0"), "little")

    def text(self, limit: int) -> str:
        length = self.int(2) % (limit + 1)
        chunk = self.data[self.at:self.at + length]
        self.at += length
        return chunk.decode("utf-8", "replace")

    def rest(self) -> bytes:
        return self.data[self.at:]


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&quot;")


def docx_case(source: _Bytes) -> bytes:
    """A Word document: a list definition with fuzzed start, formats and level texts,
    numbered paragraphs at fuzzed levels, and perhaps styles/numbering that link out."""
    import docx

    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{source.int(8) - (1 << 62)}"/>'
        f'<w:numFmt w:val="{_FORMATS[source.int() % len(_FORMATS)]}"/>'
        f'<w:lvlText w:val="{_xml(source.text(12))}"/></w:lvl>' for i in range(3))
    numbering = (f"<w:numbering {_W}><w:abstractNum w:abstractNumId=\"1\">{levels}"
                 f"</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"1\"/>"
                 f"</w:num></w:numbering>")
    paragraphs = "".join(
        f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{source.int() % 12 - 2}"/>'
        f'<w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>{_xml(source.text(200))}'
        "</w:t></w:r></w:p>" for _ in range(source.int() % 40))
    external = source.int()
    out = io.BytesIO()
    docx.Document().save(out)
    crafted = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as original, \
            zipfile.ZipFile(crafted, "w", zipfile.ZIP_DEFLATED) as target:
        for info in original.infolist():
            member = original.read(info.filename)
            if info.filename == "word/document.xml":
                member = member.replace(b"<w:body>", b"<w:body>" + paragraphs.encode(), 1)
            elif info.filename == "word/numbering.xml":
                member = numbering.encode()
            elif info.filename == "word/_rels/document.xml.rels":
                for bit, part in ((1, b"styles.xml"), (2, b"numbering.xml")):
                    if external & bit:
                        member = member.replace(b'Target="' + part + b'"',
                                                b'Target="http://127.0.0.1:9/x" '
                                                b'TargetMode="External"')
            target.writestr(info.filename, member)
    return crafted.getvalue()


def pdf_case(source: _Bytes) -> bytes:
    """A PDF of fuzzed lines, its pages sharing content streams in a fuzzed pattern."""
    lines = [source.text(80).encode("cp1252", "replace").replace(b"\\", b"").replace(
        b"(", b"").replace(b")", b"") for _ in range(source.int() % 30)]
    stream = b"".join(b"BT /F1 %d Tf 40 %d Td (%s) Tj ET\n" % (4 + source.int() % 30,
                                                              800 - 14 * index, line)
                      for index, line in enumerate(lines))
    pages = 1 + source.int() % 60
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))
               + b"] /Count %d >>" % pages,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
                b"<< /F1 3 0 R >> >> /Contents 4 0 R >>"] * pages
    return serialize(objects)


def markdown_case(source: _Bytes) -> bytes:
    depth = source.int(2) % 3000
    opener = "[{"[source.int() % 2]
    closer = "]" if opener == "[" else "}"
    inner = (opener + ("a: " if opener == "{" else "")) * depth + "1" + closer * depth
    return (f"---\ntitle: {source.text(40)}\nmeta: {inner}\n---\n").encode() + source.rest()


def diff_case(source: _Bytes, folder: str) -> None:
    """Saved output (JSON or YAML, as fuzzed) compared with itself by `demandx diff`."""
    from typer.testing import CliRunner

    from demandx.cli import app

    suffix = (".json", ".yaml", ".jsonl")[source.int() % 3]
    path = os.path.join(folder, "saved" + suffix)
    with open(path, "wb") as stream:
        stream.write(source.rest())
    result = CliRunner().invoke(app, ["diff", path, path, "--exit-code"])
    if result.exit_code not in (0, 1, 2) or (
            result.exception is not None and not isinstance(result.exception, SystemExit)):
        raise AssertionError(f"diff: exit {result.exit_code}: {result.exception!r}")


def run(data: bytes, folder: str | None = None) -> None:
    """One fuzz case: build a document from `data`, read, analyse and write it."""
    import tempfile

    from demandx.errors import InputError
    from demandx.extraction import extract_text
    from demandx.loaders import load_bytes
    from demandx.output import render_record

    source = _Bytes(data)
    kind = source.int() % 4
    if kind == 3:
        with tempfile.TemporaryDirectory() as temporary:
            diff_case(source, folder or temporary)
        return
    build, name = ((docx_case, "fuzz.docx"), (pdf_case, "fuzz.pdf"),
                   (markdown_case, "fuzz.md"))[kind]
    try:
        text = load_bytes(build(source), name)
    except InputError:
        return
    document = extract_text(text, models=BLANK)
    record = document.to_dict()
    for fmt in ("yaml", "json", "jsonl", "csv"):
        rendered = render_record(record, fmt)
        rendered.encode("utf-8")
        if fmt == "jsonl" and (len(rendered.splitlines()) != 1
                               or json.loads(rendered) != json.loads(json.dumps(record))):
            raise AssertionError("a JSON Lines record that is not one line")


if __name__ == "__main__":
    # PDFs and Word files in this process, not the capped child: coverage, and speed
    os.environ.setdefault("DEMANDX_PDF_ISOLATION", "0")
    import atheris
    import spacy  # noqa: F401  (before instrumentation: only demandx is instrumented)

    with atheris.instrument_imports(include=["demandx"]):
        import demandx.cli
        import demandx.extraction
        import demandx.loaders.docx
        import demandx.loaders.pdf
        import demandx.loaders.text
        import demandx.output  # noqa: F401
    atheris.Setup(sys.argv, run)
    atheris.Fuzz()
