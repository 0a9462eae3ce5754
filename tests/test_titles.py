"""Document titles: the document's heading, never a salutation, navigation, a date line
or page furniture."""

from __future__ import annotations

import pytest

from conftest import extract_str
from demandx.loaders import load_bytes
from demandx.titles import pick, rejects


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        pytest.param("Liebe Bürgerinnen und Bürger,", "salutation", id="de-salutation"),
        pytest.param("Geachte leden van de raad", "salutation", id="nl-salutation-no-comma"),
        pytest.param("De Kamer,", "addresses the reader", id="comma"),
        pytest.param("Skip to main content", "navigation", id="en-skip-link"),
        pytest.param("Meteen naar de inhoud", "navigation", id="nl-skip-link"),
        pytest.param("Vergaderjaar 2024-2025", "date line", id="session-year"),
        pytest.param("April 2022", "date line", id="month-year"),
        pytest.param("date 2026-03-02 ECONOMIE", "date line", id="page-store-date"),
        pytest.param("Published: Tuesday 7 February 2023", "date line", id="published"),
        pytest.param("We", "a lone word", id="lone-word"),
        pytest.param("E-Mail: info@example.org § Homepage: http://example.org", "contact line",
                     id="contact"),
        pytest.param("Zwei Mal hat sich die Kommission getroffen. Nach langen Debatten steht",
                     "more than one sentence", id="two-sentences"),
        pytest.param("--- layout: default title: Forderungen ---", "metadata or lead-in",
                     id="front-matter-as-text"),
    ],
)
def test_lines_that_are_no_title(line, reason):
    assert rejects(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("Resolution des Industriegipfels am 3. Juli 2026", id="title-with-date"),
        pytest.param("Initiativantrag betreffend die Urgenz von Antworten auf vom Oö. Landtag",
                     id="abbreviation"),
        pytest.param("Motie van treurnis", id="nl"),
        pytest.param("Modern industriebeleid: voorsprong met technologie", id="colon-inside"),
    ],
)
def test_lines_that_can_be_titles(line):
    assert rejects(line) is None


def test_a_year_heading_is_a_title_but_not_a_year_paragraph():
    assert rejects("Wahlprogramm 2025", heading=True) is None
    assert rejects("Wahlprogramm 2025") == "date line"
    assert rejects("April 2022", heading=True) == "date line"
    assert extract_str("# April 2022\n\n## Resolution\n\nDie Stadt muss handeln.\n",
                       fmt="markdown").title == "Resolution"


def test_pick_skips_furniture_and_prefers_a_good_hint():
    opening = [("para", "Skip to main content", 1), ("para", "April 2022", 1),
               ("heading", "Resolution gegen den Ausbau", 1), ("para", "Text.\nMehr.", 2)]
    assert pick(None, opening) == "Resolution gegen den Ausbau"
    assert pick("Offener Brief", opening) == "Offener Brief"
    assert pick("sigel", opening) == "Resolution gegen den Ausbau"  # a template's name
    assert pick(None, [("para", "Ein langer Absatz.\nÜber zwei Zeilen.", 2),
                       ("heading", "Später", 1)]) is None


def test_letter_subject_above_the_salutation():
    text = ("Bürgerinitiative Musterdorf e. V.\n\nMusterdorf, 11.01.2020\n\n"
            "Offener Brief zur Umgehungsstraße\n\nSehr geehrter Herr Dr. Jung,\n"
            "wir fordern Sie auf, das Projekt zu stoppen.\n")
    assert extract_str(text).title == "Offener Brief zur Umgehungsstraße"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("Skip to main content\n\nEarly Day Motions\n\nThat this House calls on "
                     "the Government to act.\n", "Early Day Motions", id="navigation"),
        pytest.param("Vergaderjaar 2024-2025\n\nMotie van het lid Jansen\n\nDe Kamer,\n\n"
                     "verzoekt de regering het plan in te trekken.\n", "Motie van het lid Jansen",
                     id="date-line"),
        pytest.param("Liebe Bürgerinnen und Bürger,\n\nwir fordern die Stadt auf, mehr "
                     "Radwege zu bauen.\n", None, id="salutation-only"),
        pytest.param("We\n\nburgers van Nederland verzoeken de regering de accijns te "
                     "verlagen.\n", None, id="lone-word"),
    ],
)
def test_document_titles(text, title):
    assert extract_str(text).title == title


def test_html_front_matter_is_metadata_and_gives_the_title():
    page = ('---\nlayout: default\ntitle: "Unsere Forderungen"\n---\n\n<div><h2>Einleitung</h2>'
            "<p>Wir fordern den Bundestag auf, offene Daten zu veröffentlichen.</p></div>")
    text = load_bytes(page.encode("utf-8"), "page.html")
    assert text.title == "Unsere Forderungen"
    assert "layout" not in text.text and text.text.startswith("Einleitung")


def test_salutation_is_found_on_the_first_line_of_its_block():
    # the letter's body runs on under its salutation, in one block
    text = ("Bürgerinitiative Musterdorf e. V.\nKirchgrund 23\n\nMusterdorf, 11.01.2020\n\n"
            "Offener Brief zur Umgehungsstraße\n\nSehr geehrter Herr Dr. Jung, MdB,\n"
            "mit Befremden lesen wir Ihre Aussagen. Wir fordern Sie auf, sie zu berichtigen.\n")
    assert extract_str(text).title == "Offener Brief zur Umgehungsstraße"
