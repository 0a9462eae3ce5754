"""End to end on the bundled seed documents: what a user sees from `demandx extract seeds/`."""

from __future__ import annotations

import pytest

from conftest import SEEDS, _models
from demandx.api import extract, load
from demandx.grounding import grounding_problems


@pytest.fixture(scope="module")
def seeds():
    return {path.name[:3]: extract(path, models=_models()) for path in sorted(SEEDS.iterdir())}


def test_resolution_points_and_lists(seeds):
    doc = seeds["000"]
    assert doc.language == "de"
    assert doc.title == "Resolution Industriegipfels am 3. Juli 2026"
    points = [d for d in doc.demands if d.number]
    assert [d.number for d in points] == [str(n) for n in range(1, 9)]
    assert [d.label for d in points][:2] == ["Punkt 1", "Punkt 2"]
    assert all(d.section == ["Forderungen an die Politik"] for d in points)
    assert all("Politik" in d.addressees for d in points)
    assert points[0].title == "Abhängig Beschäftigte wertschätzen statt verunsichern"
    assert any(s.startswith("Wir erwarten von der Politik") for s in points[0].statements)
    companies = [d for d in doc.demands if d.section == ["Forderungen an die Unternehmen"]]
    assert len(companies) == 9  # the empty bullet is no demand
    assert all(d.addressees == ["Unternehmen"] for d in companies)
    partners = [d for d in doc.demands if d.section == ["Forderungen an die Sozialpartner"]]
    assert [d.addressees for d in partners] == [["Sozialpartner"]]
    assert not any(d.section and d.section[0] == "Schlusswort" for d in doc.demands)


def test_report_without_policy_demands(seeds):
    assert all("Telefon" not in d.text for d in seeds["001"].demands)
    assert len(seeds["001"].demands) <= 3


def test_press_release_headline_once(seeds):
    doc = seeds["002"]
    headline = [d for d in doc.demands if "auf weitere Regionen zu übertragen" in d.text]
    assert len(headline) == 1
    assert not any("Telefon" in d.text for d in doc.demands)


def test_coalition_call(seeds):
    doc = seeds["003"]
    assert doc.language == "nl"
    points = [d for d in doc.demands if d.number]
    assert [d.number for d in points] == ["1", "2", "3", "4"]
    assert [len(d.items) for d in points] == [3, 4, 3, 2]
    assert points[0].text.endswith("“De Mens als Sleutel” agenda met")
    # the lead-in's "kabinet", or the item's own "komende kabinet"
    assert all(any(name.endswith("kabinet") for name in item.addressees)
               for d in points for item in d.items)
    assert not any("27.000 bedrijven" in d.text for d in doc.all_demands())


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.iterdir()))
def test_spans_hold_the_demands(name):
    path = SEEDS / name
    text = load(path).text
    assert grounding_problems(extract(path, models=_models()), text) == []
