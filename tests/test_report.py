"""The HTML report's page, read as HTML: the document as a reader sees it, demand
sentences marked, filters, search and export in place (the browser test clicks them)."""

from __future__ import annotations

import json

import pytest
from lxml import html
from typer.testing import CliRunner

from demandx.cli import app

runner = CliRunner()

MARKDOWN = """# Resolution zur Mobilität

## Forderungen an die Stadt

**Punkt 1: Busse**

Der Verkehr wächst. Wir fordern die Stadt auf, mehr Busse einzusetzen. Das hilft allen.

- Radwege müssen sicher werden.

## Ausblick

Wir wünschen uns Mut. Es muss sich etwas ändern.
"""


@pytest.fixture
def page(tmp_path):
    doc = tmp_path / "mobil.md"
    doc.write_text(MARKDOWN, encoding="utf-8")
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(doc), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return html.fromstring(out.read_text(encoding="utf-8"))


def test_document_reads_as_headings_lists_and_paragraphs(page):
    main = page.find(".//main")
    text = main.text_content()
    assert "###" not in text and "**" not in text and "# Resolution" not in text
    headings = [h.text_content() for h in main.xpath(".//div[@class='doc']/*[self::h3 or "
                                                       "self::h4 or self::h5]")]
    assert "Forderungen an die Stadt" in headings
    assert any(h.startswith("Punkt 1:") and h.endswith("Busse") for h in headings)
    items = [li.text_content() for li in main.xpath(".//div[@class='li']")]
    assert any("Radwege müssen sicher werden." in item for item in items)
    paragraphs = [p.text_content() for p in main.xpath(".//div[@class='doc']/p")]
    assert any(p.startswith("Der Verkehr wächst.") for p in paragraphs)


def test_the_demand_sentence_is_marked_more_strongly_than_its_block(page):
    strong = [m.text_content() for m in page.xpath("//mark[contains(@class, 'stmt')]")]
    assert "Wir fordern die Stadt auf, mehr Busse einzusetzen." in strong
    block = [m.text_content() for m in page.xpath("//mark[contains(@class, 'demand') and "
                                                  "not(contains(@class, 'stmt'))]")]
    assert "Der Verkehr wächst. " in block


def test_tags_and_filters_give_canonical_names_with_categories(page):
    tag = page.xpath("//main//span[@class='tag']")[0]
    assert tag.text_content() == "Stadt municipality"
    boxes = {box.get("value"): box.getparent().text_content()
             for box in page.xpath("//input[@name='actor']")}
    assert "Stadt" in boxes and "municipality" in boxes["Stadt"]
    link = page.xpath("//a[@class='demand-link']")[0]
    assert json.loads(link.get("data-actors")) == ["Stadt"]
    assert json.loads(link.get("data-categories")) == ["municipality"]


def test_search_export_and_no_addressee_filter_are_on_the_page(page):
    assert page.xpath("//input[@id='search'][@type='search']")
    assert page.xpath("//button[@id='export']")
    no_addressee = page.xpath("//input[@name='actor'][@value='']")
    links = page.xpath("//a[@class='demand-link']")
    without = [link for link in links if json.loads(link.get("data-actors")) == []]
    assert bool(no_addressee) == bool(without)
