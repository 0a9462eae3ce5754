"""PDF: lines, headings and list levels from layout, clean text, grounding, bad files."""

from __future__ import annotations

import ctypes

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from demandx.api import extract, load
from demandx.errors import InputError
from demandx.grounding import grounding_problems
from demandx.loaders.pdf import load_pdf
from pdfgen import Line, encrypt, make_pdf


def catalogue() -> bytes:
    header = [Line("Stadtrat Musterstadt", size=8), Line("")]
    page1 = [
        *header,
        Line("Forderungen an die Stadt Musterstadt", size=18, bold=True), Line(""),
        Line("Wir legen hier unsere Forderungen vor, die wir gemeinsam mit vielen"),
        Line("Menschen aus der Stadt erarbeitet haben. Die Stadt muss jetzt han-"),
        Line("deln, damit die Ziele erreicht werden."), Line(""),
        Line("Verkehr:", size=14, bold=True), Line(""),
        Line("- Mehr Busse in den Stadtteilen", x=90),
        Line("o Auch am Wochenende", x=126),
        Line("- Sichere Radwege bauen", x=90),
        Line("1", size=8),
    ]
    page2 = [
        *header,
        Line("- Tempo 30 vor allen Schulen", x=90),
        Line("Wohnen:", size=14, bold=True), Line(""),
        Line("- Mieten deckeln", x=90),
        Line("2", size=8),
    ]
    return make_pdf([page1, page2])


def test_layout_gives_headings_levels_and_clean_text():
    text = load_pdf(catalogue(), "katalog.pdf")
    lines = text.text.split("\n")
    kinds = {lines[i]: (hint.kind, hint.level) for i, hint in text.hints.items()}
    assert kinds["Forderungen an die Stadt Musterstadt"] == ("heading", 1)
    assert kinds["Verkehr:"] == ("heading", 2)
    assert kinds["- Mehr Busse in den Stadtteilen"] == ("item", 1)
    assert kinds["• Auch am Wochenende"] == ("item", 2)   # the "o" bullet of Word
    assert kinds["Stadtrat Musterstadt"] == ("skip", 0)   # running header
    assert len(text.page_starts) == 2
    assert text.page_of(text.text.index("Tempo 30")) == 2


def test_demands_from_a_pdf_catalogue():
    document = extract(catalogue(), name="katalog.pdf")
    texts = [(d.text, d.addressees, d.span.page) for d in document.all_demands()]
    assert ("Mehr Busse in den Stadtteilen", ["Stadt Musterstadt"], 1) in texts
    assert ("Auch am Wochenende", ["Stadt Musterstadt"], 1) in texts
    assert ("Tempo 30 vor allen Schulen", ["Stadt Musterstadt"], 2) in texts  # across pages
    assert ("Mieten deckeln", ["Stadt Musterstadt"], 2) in texts
    prose = [d for d in document.demands if d.text.startswith("Die Stadt muss")]
    assert prose and "handeln" in prose[0].text  # hyphenation across lines undone
    text = load(catalogue(), name="katalog.pdf").text
    assert grounding_problems(document, text) == []


def test_bold_emphasis_inside_a_paragraph_is_not_a_heading():
    pdf = make_pdf([[
        Line("Ein ganz normaler Absatz beginnt hier und geht weiter mit vielen Worten"),
        Line("und dann folgt ein fett gesetzter Satz mitten im Absatz, der weiter", bold=True),
        Line("geht und endet. Danach kommt wieder normaler Text in diesem Absatz."),
    ]])
    text = load_pdf(pdf, "x.pdf")
    assert not [h for h in text.hints.values() if h.kind == "heading"]


def test_scanned_pdf_warns():
    text = load_pdf(make_pdf([[]]), "scan.pdf")
    assert text.text == ""
    assert any("no text layer" in w for w in text.warnings)


def test_encrypted_pdf_is_refused():
    pytest.importorskip("pypdf")
    with pytest.raises(InputError, match="encrypted PDF"):
        load_pdf(encrypt(catalogue()), "secret.pdf")


@pytest.mark.parametrize(
    "data",
    [pytest.param(catalogue()[:400], id="truncated"),
     pytest.param(b"%PDF-1.4\n garbage", id="garbage"),
     pytest.param(b"", id="empty")],
)
def test_broken_pdfs_are_input_errors(data):
    with pytest.raises(InputError, match="damaged or not a PDF"):
        load_pdf(data, "broken.pdf")


def test_wrong_extension_is_named():
    with pytest.raises(InputError, match="not a PDF"):
        load(b"Nur Text, kein PDF.", name="fake.pdf")
    assert load(catalogue(), name="actually-a-pdf.txt").format == "pdf"


def _layout_sample() -> bytes:
    return make_pdf([[
        Line("Die Stadt muss jetzt handeln", mark="12"),
        Line("Tempo 30 vor allen Schulen", mark="3,4"),
        Line("Mehr Busse in den Stadtteilen", kerned=True),
        Line("Seitenrand", x=30, angle=90),
        Line("- Mieten deckeln", x=90),
        Line("   - Auch für Studierende", x=90),
        Line("- Sozialwohnungen bauen", x=90),
    ]])


def test_footnote_marks_kerned_words_and_margin_text():
    text = load_pdf(_layout_sample(), "x.pdf")
    lines = text.text.split("\n")
    assert "Die Stadt muss jetzt handeln" in lines      # raised "12" left out
    assert "Tempo 30 vor allen Schulen" in lines        # "30" kept, raised "3,4" not
    assert "Mehr Busse in den Stadtteilen" in lines     # spaces where kerning parts words
    # rotated margin text never joins the body's lines
    assert not [line for line in lines if "Seite" in line or line.endswith("rand")]


def test_list_level_from_the_first_visible_character():
    text = load_pdf(_layout_sample(), "x.pdf")
    lines = text.text.split("\n")
    levels = {lines[i].strip(): hint.level for i, hint in text.hints.items()
              if hint.kind == "item"}
    # indented with spaces inside the same text object: the dash stands further right
    assert levels == {"- Mieten deckeln": 1, "- Auch für Studierende": 2,
                      "- Sozialwohnungen bauen": 1}


def test_pdfium_is_asked_per_text_run_not_per_character(monkeypatch):
    from demandx.loaders import pdfium_runs

    calls = []
    built = pdfium_runs._prototype

    def counting(function, restype, *argtypes):
        call = built(function, restype, *argtypes)
        name = function.__name__

        def counted(*args):
            calls.append(name)
            return call(*args)
        return counted

    monkeypatch.setattr(pdfium_runs, "_prototype", counting)
    body = "Die Landesregierung muss den öffentlichen Nahverkehr ausbauen und sichern"
    text = load_pdf(make_pdf([[Line(body)] * 40]), "x.pdf")
    characters = len(text.text)
    assert text.text.split("\n") == [body] * 40
    assert len(calls) < characters / 3  # about 18 per line of 74 characters
    assert "FPDFText_GetTextObject" in calls


class _OneCharacterAtATime:
    """The reference: pdfium read one character at a time, each character its own
    piece (how demandx read PDFs before text runs). Runs must give the same lines."""

    def __init__(self) -> None:
        from demandx.loaders.pdfium_runs import PageReader

        self.reader = PageReader()

    def pieces(self, textpage, height):
        from demandx.loaders.pdfium_runs import Break, Piece

        reader, raw, handle = self.reader, self.reader.raw, textpage.raw
        address = ctypes.cast(handle, ctypes.c_void_p).value
        fonts: dict = {}
        out = []
        for index in range(raw.FPDFText_CountChars(handle)):
            code = raw.FPDFText_GetUnicode(handle, index)
            if code in (10, 13) and raw.FPDFText_IsGenerated(handle, index) == 1:
                out.append(Break())
                continue
            obj = ctypes.cast(raw.FPDFText_GetTextObject(handle, index), ctypes.c_void_p).value
            if obj not in fonts:
                fonts[obj] = reader._font(handle, index, obj, {})
            char = "-" if code in (0x02, 0xFFFE, 0xAD) else chr(code) if code else ""
            if char and char not in "\r\n":
                x, y = reader._origin(address, index, height)
                out.append(Piece(char, x, x, y, *fonts[obj]))
        return out


WORDS = ["Die", "Stadt", "muss", "handeln.", "Kita-", "plätze", "•", "-", "o", "12", "3,4",
         "Forderungen:", "ÄÖÜß", "Tempo", "30"]
LINES = st.builds(
    Line,
    # indented by spaces or not, a list item or not, then words
    text=st.tuples(st.sampled_from(["", "   "]), st.sampled_from(["", "- ", "o "]),
                   st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join))
    .map("".join) | st.just(""),
    x=st.sampled_from([30, 72, 90, 108, 200]),
    size=st.sampled_from([8, 11, 14, 18]),
    bold=st.booleans(),
    mark=st.sampled_from(["", "1", "2,3"]),
    kerned=st.booleans(),
    angle=st.sampled_from([0, 0, 0, 90, 45, 180]),
)


@settings(derandomize=True, max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(pages=st.lists(st.lists(LINES, max_size=20), min_size=1, max_size=3))
def test_text_runs_read_as_characters_one_by_one(pages):
    from demandx.loaders import pdf

    data = make_pdf(pages)
    by_runs = load_pdf(data, "x.pdf")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pdf, "PageReader", _OneCharacterAtATime)
        by_characters = load_pdf(data, "x.pdf")
    assert by_runs.text == by_characters.text
    assert by_runs.hints == by_characters.hints
    assert by_runs.page_starts == by_characters.page_starts
