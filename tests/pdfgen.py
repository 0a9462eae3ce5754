"""A tiny PDF writer for tests: text lines at given positions, sizes and weights, in the
standard Helvetica fonts (WinAnsi encoding, so German and Dutch letters work)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Line:
    """One line of text. `mark`: a footnote mark set small and raised after the text;
    `kerned`: words placed by kerning in one TJ array, no space characters between them
    (as some layout programs write them); `angle`: the line rotated (degrees, counter-
    clockwise), as text running up a page margin."""

    text: str
    x: float = 72
    size: float = 11
    bold: bool = False
    mark: str = ""
    kerned: bool = False
    angle: float = 0


def _show(line: Line, y: float) -> bytes:
    """The content stream operators that draw one line."""
    import math

    font = b"/F2" if line.bold else b"/F1"
    if line.angle:
        cos, sin = math.cos(math.radians(line.angle)), math.sin(math.radians(line.angle))
        place = b"%.4f %.4f %.4f %.4f %.1f %.1f Tm" % (cos, sin, -sin, cos, line.x, y)
    else:
        place = b"%.1f %.1f Td" % (line.x, y)
    if line.kerned:
        words = b" -300 ".join(b"(" + _escape(word) + b")" for word in line.text.split())
        shown = b"[" + words + b"] TJ"
    else:
        shown = b"(" + _escape(line.text) + b") Tj"
    # the text rise outlives ET: set it on every line, or one mark raises all that follow
    out = b"BT 0 Ts " + font + b" %.1f Tf " % line.size + place + b" " + shown
    if line.mark:
        out += (b" /F1 %.1f Tf %.1f Ts (" % (line.size * 0.6, line.size * 0.4)
                + _escape(line.mark) + b") Tj")
    return out + b" ET\n"


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def make_pdf(pages: list[list[Line]], leading: float = 14.0, top: float = 780.0) -> bytes:
    """A PDF whose pages hold the given lines, top to bottom; an empty Line("") adds a
    paragraph gap."""
    streams = []
    for page in pages:
        y = top
        stream = b""
        for line in page:
            if not line.text:
                y -= leading
                continue
            stream += _show(line, y)
            y -= max(leading, line.size * 1.25)
        streams.append((b"<< /Length %d >>" % len(stream), stream))
    return _assemble(streams)


def bomb_pdf(gigabytes: float) -> bytes:
    """A one-page PDF whose content stream inflates to `gigabytes` of spaces (about
    1 MB on disk per GB)."""
    import zlib

    packer = zlib.compressobj(9)
    chunks = [packer.compress(b"BT /F1 12 Tf 72 720 Td (bomb) Tj ET\n")]
    block = b" " * (1 << 24)
    for _ in range(int(gigabytes * 64)):
        chunks.append(packer.compress(block))
    chunks.append(packer.flush())
    stream = b"".join(chunks)
    return _assemble([(b"<< /Length %d /Filter /FlateDecode >>" % len(stream), stream)])


def encrypt(pdf: bytes, password: str = "secret") -> bytes:
    """The PDF encrypted with a user password (needs pypdf, a test dependency)."""
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _assemble(streams: list[tuple[bytes, bytes]]) -> bytes:
    """Catalog, pages, the two fonts, and one page per (stream dictionary, stream)."""
    objects: list[bytes] = [b"", b""]  # 1: catalog, 2: pages (filled in below)
    fonts = (b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
             b"/Encoding /WinAnsiEncoding >>",
             b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
             b"/Encoding /WinAnsiEncoding >>")
    objects += list(fonts)  # 3, 4
    kids = []
    for dictionary, stream in streams:
        objects.append(dictionary + b"\nstream\n" + stream + b"\nendstream")
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                       b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
                       b"/Contents %d 0 R >>" % content)
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                  + b"] /Count %d >>" % len(kids))
    return serialize(objects)


def serialize(objects: list[bytes]) -> bytes:
    """A PDF file of `objects` (numbered from 1; object 1 is the catalog), with its
    cross-reference table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return out
