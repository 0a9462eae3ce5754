"""A tiny PDF writer for tests: text lines at given positions, sizes and weights, in the
standard Helvetica fonts (WinAnsi encoding, so German and Dutch letters work)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Line:
    text: str
    x: float = 72
    size: float = 11
    bold: bool = False


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
            font = b"/F2" if line.bold else b"/F1"
            stream += (b"BT " + font + b" %.1f Tf %.1f %.1f Td (" % (line.size, line.x, y)
                       + _escape(line.text) + b") Tj ET\n")
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
