"""Input formats: the registry, OpenDocument text, and clear refusals of the others."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from demandx.cli import app
from demandx.loaders import load_bytes

runner = CliRunner()

_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)
# A numbered list style as LibreOffice writes it: "1." at level 1, "a)" at level 2.
_LIST_STYLE = (
    '<text:list-style style:name="L1">'
    '<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"/>'
    '<text:list-level-style-number text:level="2" style:num-suffix=")" style:num-format="a"/>'
    '</text:list-style>'
    '<text:list-style style:name="L2">'
    '<text:list-level-style-bullet text:level="1" text:bullet-char="•"/>'
    '</text:list-style>'
)

DEMANDS_BODY = (
    '<text:h text:outline-level="1">Unsere Forderungen an die Landesregierung</text:h>'
    '<text:p>Die Lage der Kommunen ist ernst.</text:p>'
    '<text:list text:style-name="L1">'
    '<text:list-item><text:p>Die Landesregierung muss die Kita-Gebühren '
    '<text:span>abschaffen</text:span>.</text:p>'
    '<text:list text:style-name="L1">'
    '<text:list-item><text:p>Zuerst für das letzte Kita-Jahr.</text:p></text:list-item>'
    '</text:list></text:list-item>'
    '<text:list-item><text:p>Wir fordern mehr Geld<text:note><text:note-body><text:p>'
    'Fußnote</text:p></text:note-body></text:note> für die Schulen.</text:p></text:list-item>'
    '</text:list>'
)


def make_odt(body: str, title: str | None = None, styles: str = _LIST_STYLE,
             mimetype: str = "application/vnd.oasis.opendocument.text") -> bytes:
    """An OpenDocument file as LibreOffice lays it out: `mimetype` first and stored."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}>'
               f"<office:automatic-styles>{styles}</office:automatic-styles>"
               f"<office:body><office:text>{body}</office:text></office:body>"
               "</office:document-content>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        if title is not None:
            archive.writestr("meta.xml", f'<office:document-meta {_ODF_NS}><office:meta>'
                                         f"<dc:title>{title}</dc:title></office:meta>"
                                         "</office:document-meta>")
    return buffer.getvalue()


def test_odt_heading_and_numbered_list_give_demands(tmp_path):
    path = tmp_path / "antrag.odt"
    path.write_bytes(make_odt(DEMANDS_BODY, title="Antrag Kita"))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    record = yaml.safe_load(result.stdout)
    assert record["title"] == "Antrag Kita"
    demands = record["demands"]
    assert [d["number"] for d in demands] == ["1", "2"]
    assert demands[0]["section"] == ["Unsere Forderungen an die Landesregierung"]
    assert "Kita-Gebühren abschaffen" in demands[0]["text"]
    assert demands[0]["items"][0]["number"] == "a"
    assert demands[1]["text"] == "Wir fordern mehr Geld für die Schulen."  # no footnote


def test_odt_text_has_rendered_numbers_and_hints():
    text = load_bytes(make_odt(DEMANDS_BODY), "a.odt")
    lines = text.text.split("\n")
    assert lines[0] == "Unsere Forderungen an die Landesregierung"
    assert text.hints[0].kind == "heading"
    assert "1. Die Landesregierung muss die Kita-Gebühren abschaffen." in lines
    assert "a) Zuerst für das letzte Kita-Jahr." in lines
    assert "2. Wir fordern mehr Geld für die Schulen." in lines


def test_odt_bullets_tables_and_continued_numbering():
    body = ('<text:list text:style-name="L2"><text:list-item><text:p>Punkt eins</text:p>'
            '</text:list-item></text:list>'
            '<text:list text:style-name="L1"><text:list-item><text:p>Erstens</text:p>'
            '</text:list-item></text:list><text:p>Zwischentext</text:p>'
            '<text:list text:style-name="L1" text:continue-numbering="true"><text:list-item>'
            '<text:p>Zweitens</text:p></text:list-item></text:list>'
            '<table:table><table:table-row><table:table-cell><text:p>Zelle A</text:p>'
            '</table:table-cell><table:table-cell><text:p>Zelle<text:s text:c="2"/>B'
            '</text:p></table:table-cell></table:table-row></table:table>')
    lines = [line for line in load_bytes(make_odt(body), "b.odt").text.split("\n") if line]
    assert lines == ["• Punkt eins", "1. Erstens", "Zwischentext", "2. Zweitens", "Zelle A",
                     "Zelle B"]


def test_odt_is_found_by_content_whatever_its_name(tmp_path):
    path = tmp_path / "upload.bin"
    path.write_bytes(make_odt(DEMANDS_BODY))
    assert load_bytes(path.read_bytes(), str(path)).format == "odt"


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        pytest.param("letter.rtf", rb"{\rtf1\ansi Wir fordern \b mehr\b0 .}", "RTF", id="rtf"),
        pytest.param("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image", id="png"),
        pytest.param("book.epub", make_odt("", mimetype="application/epub+zip"),
                     "EPUB e-book", id="epub"),
        pytest.param("sheet.xlsx", _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.xml":
                                         "<workbook/>"}), "Excel workbook", id="xlsx"),
        pytest.param("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
                     "legacy Office file", id="doc"),
        pytest.param("data.bin", b"\x01\x02\x00\x00\x07" * 20, ".bin file", id="binary"),
    ],
)
def test_other_formats_are_unsupported_with_what_demandx_reads(tmp_path, name, data, what):
    path = tmp_path / name
    path.write_bytes(data)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert f"{path.as_posix()}: unsupported format: {what}" in message
    assert "demandx reads text, Markdown, PDF" in message and "OpenDocument text" in message
    assert "--input-format" not in message


def test_input_format_choices_come_from_the_registry(tmp_path):
    path = tmp_path / "antrag.data"
    path.write_bytes(make_odt(DEMANDS_BODY))
    result = runner.invoke(app, ["extract", str(path), "--input-format", "odt"])
    assert result.exit_code == 0, result.stderr
    assert len(yaml.safe_load(result.stdout)["demands"]) == 2
    bad = runner.invoke(app, ["extract", str(path), "--input-format", "rtf"])
    assert bad.exit_code == 2 and "'odt'" in bad.stderr


def test_directory_scan_reads_odt_and_says_what_it_skipped(tmp_path):
    (tmp_path / "antrag.odt").write_bytes(make_odt(DEMANDS_BODY))
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".draft.md").write_text("# Entwurf\n", encoding="utf-8")
    (tmp_path / "Makefile").write_text("all:\n", encoding="utf-8")
    quiet = runner.invoke(app, ["extract", str(tmp_path)])
    assert quiet.exit_code == 0, quiet.stderr
    assert "skipped" not in quiet.stderr
    assert [r["source"] for r in yaml.safe_load_all(quiet.stdout)] == [
        (tmp_path / "antrag.odt").as_posix()]
    verbose = runner.invoke(app, ["extract", str(tmp_path), "-v"])
    said = " ".join(verbose.stderr.split())
    assert f"{Path(tmp_path, 'photo.png').as_posix()}: skipped, not a document (.png)" in said
    assert f"{Path(tmp_path, '.draft.md').as_posix()}: skipped, hidden file" in said
    assert f"{Path(tmp_path, 'Makefile').as_posix()}: skipped, not a document (no extension)" \
        in said


def test_text_with_a_stray_control_byte_is_left_to_the_text_loader():
    from demandx.loaders import format_of

    assert format_of("stray.dat", b"Wir fordern die Stadt auf,\x00 mehr Radwege zu bauen.\n"
                     * 3) == "text"
    assert format_of("<stdin>", "Wir fordern mehr Geld.".encode("utf-16")) == "text"


def test_a_page_saved_without_its_html_element_is_read_as_html(tmp_path):
    page = tmp_path / "forderungen.html"
    page.write_text("<h1>Forderungen</h1><table><tr><th>Forderung</th><th>Adressat</th></tr>"
                    "<tr><td>Mehr Lehrkräfte einstellen</td><td>Kreisschulamt</td></tr>"
                    "</table>", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(page), "--lang", "de", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "Kreisschulamt" in result.output
