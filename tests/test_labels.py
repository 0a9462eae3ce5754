"""List markers and point labels at the start of a line."""

from __future__ import annotations

import pytest

from demandx.labels import continues, parse_marker


@pytest.mark.parametrize(
    ("line", "kind", "number", "printed"),
    [
        pytest.param("1. Der Ausstieg beginnt", "label", "1", "1.", id="arabic-dot"),
        pytest.param("2) Zweitens", "label", "2", "2)", id="arabic-paren"),
        pytest.param("(3) Drittens", "label", "3", "(3)", id="parenthesised"),
        pytest.param("a) erstens", "label", "a", "a)", id="alpha"),
        pytest.param("II. Der Bundestag fordert", "label", "II", "II.", id="roman"),
        pytest.param("Punkt 3: Finanzierung sichern", "label", "3", "Punkt 3", id="punkt"),
        pytest.param("Nr. 2 Wohnen", "label", "2", "Nr. 2", id="nr"),
        pytest.param("Ziffer 1: Der Gemeinderat bittet", "label", "1", "Ziffer 1",
                     id="ziffer"),
        pytest.param("2.3 Unterpunkt", "label", "2.3", "2.3", id="dotted"),
        pytest.param("- item", "bullet", None, "-", id="dash"),
        pytest.param("• item", "bullet", None, "•", id="bullet"),
        pytest.param("\uf0b7 item", "bullet", None, "\uf0b7", id="private-use-bullet"),
        pytest.param("-", "bullet", None, "-", id="empty-bullet"),
    ],
)
def test_markers(de_lang, line, kind, number, printed):
    marker = parse_marker(line, de_lang)
    assert marker is not None
    assert (marker.kind, marker.number, marker.printed) == (kind, number, printed)


@pytest.mark.parametrize(
    "line",
    [
        pytest.param("3. Juli 2026 in Düsseldorf", id="date"),
        pytest.param("21. November 2016", id="date-2"),
        pytest.param("z. B. Bremen", id="abbreviation"),
        pytest.param("---", id="rule"),
        pytest.param("– Drucksachen 19/17342 –", id="centred-dashes"),
        pytest.param("1.000 Euro mehr", id="amount"),
        pytest.param("Die Regierung", id="text"),
        # a reference in running text, not a label: a lower-case word after the number
        pytest.param("Ziffer 3 des Vertrags gilt weiter", id="reference"),
        pytest.param("Punkt 2 der Tagesordnung wurde vertagt", id="reference-2"),
    ],
)
def test_not_markers(de_lang, line):
    assert parse_marker(line, de_lang) is None


def test_sequences(de_lang):
    one, two = parse_marker("1. a", de_lang), parse_marker("2. b", de_lang)
    three_paren = parse_marker("3) c", de_lang)
    assert continues(two, one)
    assert not continues(one, two)
    assert not continues(three_paren, two)  # "3)" is another sequence than "1." "2."
    assert continues(parse_marker("Punkt 5: x", de_lang), parse_marker("Punkt 4: y", de_lang))
    assert continues(parse_marker("2.2 x", de_lang), parse_marker("2.1 y", de_lang))
