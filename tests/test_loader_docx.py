"""The Word loader, on .docx files built here with python-docx: reading order, hints,
Word's automatic numbering rendered into the lines, and refusal of bad archives."""

from __future__ import annotations

import io
import os
import zipfile

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from demandx.errors import InputError
from demandx.loaders import docx as loader
from demandx.loaders.docx import load_docx
from demandx.model import LineHint


def add_list(document, abstract_id: int, levels, num_ids=None, overrides=None) -> None:
    """A numbering definition: `levels` as (numFmt, lvlText, start) for ilvl 0, 1, ...;
    one w:num per id in `num_ids` (default: the abstract's id), with optional overrides."""
    root = document.part.numbering_part.element
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>'
                   for i, (fmt, text, start) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                         f"{lvls}</w:abstractNum>")
    # the schema wants every w:abstractNum before the first w:num
    root.insert(list(root).index(root.find(qn("w:num"))), abstract)
    for num_id in num_ids or [abstract_id]:
        extra = (overrides or {}).get(num_id, "")
        root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}">'
                              f'<w:abstractNumId w:val="{abstract_id}"/>{extra}</w:num>'))


def numbered(document, text: str, num_id: int, ilvl: int = 0):
    paragraph = document.add_paragraph(text)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id
    return paragraph


def to_bytes(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def lines_and_hints(text):
    return [(line, text.hints.get(index)) for index, line in enumerate(text.text.split("\n"))]


def test_reading_order_blank_lines_and_hints():
    document = docx.Document()
    document.core_properties.title = "Bildung jetzt"
    document.add_heading("Bildung jetzt", 0)
    document.add_heading("Forderungen", 1)
    document.add_paragraph("Ein Absatz.")
    document.add_paragraph("")  # empty paragraphs are spacing, not extra blank lines
    document.add_paragraph("  ")
    document.add_paragraph("Zweiter Absatz.")
    document.add_paragraph("Punkt eins", style="List Bullet")
    document.add_paragraph("Punkt zwei", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for row, col, value in ((0, 0, "A1"), (0, 1, "B1"), (1, 0, "A2"), (1, 1, "B2")):
        table.cell(row, col).text = value
    document.add_paragraph("Nach der Tabelle.")
    text = load_docx(to_bytes(document), "x.docx")
    para, bullet = LineHint("para"), LineHint("item", level=1, marker="•")

    def cell(row: int, column: int) -> LineHint:
        return LineHint("para", row=row, column=column)

    assert lines_and_hints(text) == [
        ("Bildung jetzt", LineHint("heading", level=1)), ("", None),
        ("Forderungen", LineHint("heading", level=1)), ("", None),
        ("Ein Absatz.", para), ("", None),
        ("Zweiter Absatz.", para), ("", None),
        ("• Punkt eins", bullet), ("• Punkt zwei", bullet), ("", None),
        ("A1", cell(1, 1)), ("", None), ("B1", cell(1, 2)), ("", None),
        ("A2", cell(2, 1)), ("", None), ("B2", cell(2, 2)), ("", None),
        ("Nach der Tabelle.", para),
    ]
    assert text.format == "docx"
    assert text.source == "x.docx"
    assert text.title == "Bildung jetzt"
    assert text.page_starts == []


def test_heading_styles_by_name_and_outline_level():
    document = docx.Document()
    german = document.styles.add_style("Überschrift 2", WD_STYLE_TYPE.PARAGRAPH)
    custom = document.styles.add_style("Kapitel", WD_STYLE_TYPE.PARAGRAPH)
    custom.element.get_or_add_pPr().append(
        parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="2"/>'))
    document.add_paragraph("Titel", style="Title")
    document.add_paragraph("Zwei", style=german)
    document.add_paragraph("Drei", style=custom)
    document.add_heading("Vier", 4)
    text = load_docx(to_bytes(document), "x.docx")
    assert [hint for _, hint in lines_and_hints(text) if hint] == [
        LineHint("heading", level=level) for level in (1, 2, 3, 4)]
    assert text.title is None  # the template's core title is empty


def test_automatic_numbering_two_levels():
    document = docx.Document()
    add_list(document, 90, [("decimal", "%1.", 1), ("lowerLetter", "%2)", 1)])
    numbered(document, "Erstens", 90)
    numbered(document, "Unterpunkt", 90, 1)
    numbered(document, "Noch einer", 90, 1)
    numbered(document, "Zweitens", 90)
    numbered(document, "Neu gezählt", 90, 1)  # a deeper level restarts after its parent
    text = load_docx(to_bytes(document), "x.docx")
    assert lines_and_hints(text) == [
        ("1. Erstens", LineHint("item", level=1, marker="1.")),
        ("a) Unterpunkt", LineHint("item", level=2, marker="a)")),
        ("b) Noch einer", LineHint("item", level=2, marker="b)")),
        ("2. Zweitens", LineHint("item", level=1, marker="2.")),
        ("a) Neu gezählt", LineHint("item", level=2, marker="a)")),
    ]


@pytest.mark.parametrize(
    ("levels", "ilvls", "expected"),
    [
        pytest.param([("upperRoman", "%1.", 1)], [0, 0, 0, 0], ["I.", "II.", "III.", "IV."],
                     id="upper-roman"),
        pytest.param([("lowerRoman", "(%1)", 1)], [0, 0], ["(i)", "(ii)"], id="lower-roman"),
        pytest.param([("upperLetter", "%1)", 25)], [0, 0, 0], ["Y)", "Z)", "AA)"],
                     id="letters-wrap"),
        pytest.param([("decimal", "%1.", 3), ("decimal", "%1.%2", 1)], [0, 1, 1, 0, 1],
                     ["3.", "3.1", "3.2", "4.", "4.1"], id="dotted-with-start"),
    ],
)
def test_number_formats(levels, ilvls, expected):
    document = docx.Document()
    add_list(document, 70, levels)
    for index, ilvl in enumerate(ilvls):
        numbered(document, f"Punkt {index}", 70, ilvl)
    text = load_docx(to_bytes(document), "x.docx")
    assert [hint.marker for hint in text.hints.values()] == expected
    assert [line.split(" ")[0] for line in text.text.split("\n")] == expected


def test_counters_shared_by_instances_and_restarted_by_start_override():
    document = docx.Document()
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    add_list(document, 80, [("decimal", "%1.", 1)], num_ids=[81, 82, 83],
             overrides={83: restart})
    numbered(document, "a", 81)
    numbered(document, "b", 81)
    document.add_paragraph("Zwischentext.")
    numbered(document, "c", 82)  # another instance of the same list: Word counts on
    document.add_paragraph("Zwischentext.")
    numbered(document, "d", 83)  # "restart numbering"
    text = load_docx(to_bytes(document), "x.docx")
    items = [line for line in text.text.split("\n") if line[:1].isdigit()]
    assert items == ["1. a", "2. b", "3. c", "1. d"]


def test_numbering_from_style_and_numbered_heading():
    document = docx.Document()
    add_list(document, 60, [("decimal", "%1.", 1)])
    heading = document.add_heading("Einleitung", 1)
    num_pr = heading._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = 60
    document.add_paragraph("Über den Stil nummeriert", style="List Number")
    text = load_docx(to_bytes(document), "x.docx")
    assert lines_and_hints(text) == [
        ("1. Einleitung", LineHint("heading", level=1)), ("", None),
        ("1. Über den Stil nummeriert", LineHint("item", level=1, marker="1.")),
    ]


def test_runs_links_and_hidden_text():
    document = docx.Document()
    paragraph = document.add_paragraph("Sichtbar ")
    hidden = paragraph.add_run("versteckt ")
    hidden.font.hidden = True
    paragraph.add_run("und weiter")
    paragraph.add_run().add_break()
    paragraph.add_run("nach dem Umbruch.")
    text = load_docx(to_bytes(document), "x.docx")
    assert text.text == "Sichtbar und weiter nach dem Umbruch."


def body_xml(document, xml: str) -> None:
    """Append raw WordprocessingML to the body (before its w:sectPr)."""
    body = document.element.body
    for element in parse_xml(f'<w:body {nsdecls("w")}>{xml}</w:body>'):
        body.insert(len(body) - 1, element)


def test_revisions_fields_content_controls_and_contents_list():
    document = docx.Document()
    toc = document.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Einleitung\t3", style=toc)
    body_xml(document, """
        <w:p><w:r><w:t xml:space="preserve">Wir </w:t></w:r>
          <w:del><w:r><w:delText>verlangen</w:delText></w:r></w:del>
          <w:ins><w:r><w:t>fordern</w:t></w:r></w:ins>
          <w:r><w:fldChar w:fldCharType="begin"/></w:r>
          <w:r><w:instrText>PAGE</w:instrText></w:r>
          <w:r><w:fldChar w:fldCharType="separate"/></w:r>
          <w:r><w:t xml:space="preserve"> mehr</w:t></w:r>
          <w:r><w:fldChar w:fldCharType="end"/></w:r>
          <w:hyperlink><w:r><w:t xml:space="preserve"> Geld.</w:t></w:r></w:hyperlink></w:p>
        <w:sdt><w:sdtContent><w:p><w:r><w:t>Im Steuerelement.</w:t></w:r></w:p></w:sdtContent>
        </w:sdt>""")
    text = load_docx(to_bytes(document), "x.docx")
    assert lines_and_hints(text) == [
        ("Einleitung\t3", LineHint("skip")), ("", None),
        ("Wir fordern mehr Geld.", LineHint("para")), ("", None),
        ("Im Steuerelement.", LineHint("para")),
    ]


def test_list_style_link():
    """Multilevel lists made with a list style: the w:abstractNum the paragraphs use only
    links (w:numStyleLink) to the style whose w:num holds the definition."""
    document = docx.Document()
    add_list(document, 40, [("upperLetter", "%1.", 1)])
    style = document.styles.add_style("Forderungsliste", WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:type"), "numbering")
    style.element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:numId w:val="40"/></w:numPr>'))
    root = document.part.numbering_part.element
    linked = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="41">'
                       f'<w:numStyleLink w:val="{style.style_id}"/></w:abstractNum>')
    root.insert(list(root).index(root.find(qn("w:num"))), linked)
    root.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="41"><w:abstractNumId w:val="41"/>'
                          "</w:num>"))
    numbered(document, "Erste", 41)
    numbered(document, "Zweite", 41)
    text = load_docx(to_bytes(document), "x.docx")
    assert text.text == "A. Erste\nB. Zweite"


def test_extract_end_to_end():
    from demandx.api import extract

    document = docx.Document()
    add_list(document, 50, [("decimal", "%1.", 1)])
    document.add_heading("Forderungen an die Landesregierung", 1)
    numbered(document, "Mehr Lehrkräfte einstellen", 50)
    numbered(document, "Kleinere Klassen bilden", 50)
    spec = os.environ.get("DEMANDX_TEST_MODEL")  # as conftest.extract_str does
    result = extract(load_docx(to_bytes(document), "x.docx"), lang="de",
                     models={"de": spec} if spec else {})
    demands = list(result.all_demands())
    assert [demand.number for demand in demands] == ["1", "2"]
    assert [demand.addressees for demand in demands] == [["Landesregierung"]] * 2
    assert demands[0].text == "Mehr Lehrkräfte einstellen"


# --- bad input -------------------------------------------------------------------------


def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def reason(data: bytes) -> str:
    with pytest.raises(InputError) as caught:
        load_docx(data, "bad.docx")
    assert caught.value.source == "bad.docx"
    return caught.value.reason


def test_not_a_zip():
    assert reason(b"Das ist Text.") == "not a Word document (.docx): not a zip file"
    assert reason(b"") == "not a Word document (.docx): not a zip file"


def test_zip_without_document_part():
    data = zip_of({"content.xml": b"<office/>", "mimetype": b"application/x"})
    assert reason(data).startswith("not a Word document (.docx): no word/document.xml")


def test_truncated_docx():
    data = to_bytes(docx.Document())
    assert reason(data[: len(data) // 2]).startswith("damaged Word document")


def test_corrupt_member():
    data = to_bytes(docx.Document())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra) + 20
    broken = data[:start] + bytes(b ^ 0xFF for b in data[start:start + 40]) + data[start + 40:]
    assert reason(broken).startswith("damaged Word document")


def test_macro_document_is_refused_by_name():
    data = to_bytes(docx.Document())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        b"application/vnd.ms-word.document.macroEnabled.main+xml")
    assert reason(zip_of(members)) == ("not a Word document (.docx): "
                                       "application/vnd.ms-word.document.macroEnabled.main+xml")


def test_zip_bomb_member_of_300_mb():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        with archive.open("word/media/image1.png", "w", force_zip64=True) as member:
            chunk = bytes(10 * 1024 * 1024)
            for _ in range(30):
                member.write(chunk)
    assert reason(out.getvalue()) == "refused: Word document unpacks to 300 MB (zip bomb?)"


def test_zip_bomb_total_and_ratio(monkeypatch):
    data = to_bytes(docx.Document())
    monkeypatch.setattr(loader, "MAX_TOTAL_SIZE", 1000)
    assert reason(data).startswith("refused: Word document unpacks to 0 MB")
    monkeypatch.undo()
    monkeypatch.setattr(loader, "RATIO_MIN_SIZE", 100)
    monkeypatch.setattr(loader, "MAX_RATIO", 2)  # document.xml and styles.xml pack > 2:1
    assert reason(data).startswith("refused:")


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("GEHEIM")
    data = to_bytes(docx.Document())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    body = members["word/document.xml"]
    declaration = (f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">'
                   f'<!ENTITY lol "lol">]>').encode()
    end = body.index(b"?>") + 2
    run = b"<w:p><w:r><w:t>Text &xxe;&lol;</w:t></w:r></w:p>"
    body = body[:end] + declaration + body[end:].replace(b"<w:body>", b"<w:body>" + run)
    members["word/document.xml"] = body
    text = load_docx(zip_of(members), "x.docx")
    assert "GEHEIM" not in text.text
    assert text.text.startswith("Text")
