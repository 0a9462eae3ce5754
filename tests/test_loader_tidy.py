"""Leftovers of how a text was stored are blanked without moving any character."""

from __future__ import annotations

import pytest

from conftest import extract_str
from demandx.loaders import load_bytes
from demandx.loaders.tidy import tidy


@pytest.mark.parametrize(
    ("text", "fmt", "expected"),
    [
        pytest.param(" date 2018-05 Der DGB fordert mehr.", "text",
                     "              Der DGB fordert mehr.", id="store-date"),
        pytest.param("date 2026-03-02\nTitel", "text", "               \nTitel",
                     id="store-date-own-line"),
        pytest.param("Wir haben am date 2018-05 getagt.", "text",
                     "Wir haben am date 2018-05 getagt.", id="date-inside-is-text"),
        pytest.param("Perspektive haben. # 4.4 Jede Begabung zählt", "markdown",
                     "Perspektive haben.\n# 4.4 Jede Begabung zählt", id="run-on-heading"),
        pytest.param("Perspektive haben. # 4.4 Jede Begabung zählt", "text",
                     "Perspektive haben. # 4.4 Jede Begabung zählt", id="not-in-plain-text"),
        pytest.param("Preis: 5 # Stück", "markdown", "Preis: 5 # Stück", id="no-sentence-end"),
    ],
)
def test_tidy(text, fmt, expected):
    assert tidy(text, fmt) == expected
    assert len(tidy(text, fmt)) == len(text)


def test_store_date_is_not_in_the_demand():
    document = extract_str(" date 2018-05 Der Deutsche Gewerkschaftsbund hat die "
                           "Bundesregierung aufgefordert, die Verbesserungen umzusetzen.\n")
    assert document.demands
    assert not document.demands[0].text.startswith("date")
    assert "date 2018-05" not in document.demands[0].text


def test_run_on_heading_becomes_a_heading():
    text = load_bytes("## 4.3 Zuwanderung\n\nEs muss sich etwas ändern. # 4.4 Jede Begabung "
                      "zählt\n\nDie Schulen müssen inklusiv werden.\n".encode(), "p.md")
    assert "# 4.4 Jede Begabung zählt" in text.text.split("\n")
    document = extract_str(text.text, fmt="markdown")
    assert all(not d.text.endswith("#") for d in document.demands)
    sections = [d.section for d in document.demands]
    assert ["Jede Begabung zählt"] in sections  # its number is the section's label
