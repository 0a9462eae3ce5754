"""The HTML report in headless Chromium: it renders, its filters work, and document text
cannot run scripts. Needs Debian's chromium and chromium-driver (skips without them)."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SEEDS
from demandx.cli import app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="headless Chromium is not installed (Debian packages chromium, chromium-driver)")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--window-size=1300,900",
                 f"--user-data-dir={profile}"):
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=CHROMEDRIVER)
    driver = webdriver.Chrome(options=options, service=service)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    hostile = folder / "hostile.txt"
    hostile.write_text("Wir fordern die Stadt auf, <script>window.PWNED = 1</script> "
                       "<img src=x onerror=\"window.PWNED = 2\"> sofort zu handeln.\n",
                       encoding="utf-8")
    without = folder / "ausblick.md"
    without.write_text("# Ausblick\n\nEs muss sich etwas ändern.\n", encoding="utf-8")
    out = folder / "report.html"
    result = CliRunner().invoke(app, ["report", str(SEEDS / "000_c0e25bf6d5223cae.txt"),
                                      str(hostile), str(without), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return out


def test_page_renders_with_highlights(browser, page):
    from PIL import Image

    browser.get(page.as_uri())
    marks = browser.find_elements("css selector", "mark.demand")
    assert len(marks) >= 19
    browser.execute_script("arguments[0].scrollIntoView()", marks[0])
    # two animation frames: the scrolled page has been painted before the screenshot (a
    # loaded machine otherwise captured the top of the page, which has no demand)
    browser.execute_async_script("var done = arguments[arguments.length - 1];"
                                 "requestAnimationFrame(function () {"
                                 " requestAnimationFrame(function () { done(); }); });")
    shot = Image.open(io.BytesIO(browser.get_screenshot_as_png())).convert("RGB")
    assert shot.size[0] >= 1000
    colours = shot.getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50        # not a blank page
    highlight = (0xFF, 0xF3, 0xB0)
    marked = sum(count for count, colour in colours
                 if all(abs(a - b) <= 6 for a, b in zip(colour, highlight, strict=True)))
    assert marked > 2000  # demands are highlighted in the text


def test_filters_show_only_the_chosen_addressee(browser, page):
    browser.get(page.as_uri())
    shown = browser.find_element("id", "shown")
    total = int(shown.text)
    box = browser.find_element("css selector", 'input[name="actor"][value="Unternehmen"]')
    box.click()
    assert int(shown.text) == 9
    visible = [link for link in browser.find_elements("css selector", "a.demand-link")
               if link.is_displayed()]
    assert len(visible) == 9
    dimmed = browser.find_elements("css selector", "mark.dimmed")
    assert dimmed  # the other demands in the text are no longer highlighted
    box.click()
    assert int(shown.text) == total


def test_document_text_cannot_run_scripts(browser, page):
    browser.get(page.as_uri())
    assert browser.execute_script("return window.PWNED === undefined")
    # the reader's view shows the words, not the markup: the tags neither run nor show
    main = browser.find_element("css selector", "main")
    assert "Wir fordern die Stadt auf, window.PWNED = 1 sofort zu handeln." in main.text
    assert not main.find_elements("css selector", "script, img")
    assert "http" not in "".join(
        el.get_attribute("src") or "" for el in browser.find_elements("css selector", "[src]"))


def _visible_links(browser):
    return [link for link in browser.find_elements("css selector", "a.demand-link")
            if link.is_displayed()]


def test_search_box_filters_demands_and_their_highlights(browser, page):
    browser.get(page.as_uri())
    links = browser.find_elements("css selector", "a.demand-link")
    expected = [link.get_attribute("data-key") for link in links
                if "wertschätzend" in link.get_attribute("data-search")]
    assert 0 < len(expected) < len(links)
    browser.find_element("id", "search").send_keys("Wertschätzend")
    assert int(browser.find_element("id", "shown").text) == len(expected)
    assert [link.get_attribute("data-key") for link in _visible_links(browser)] == expected
    lit = {mark.get_attribute("data-key") for mark in
           browser.find_elements("css selector", "mark[data-key]:not(.dimmed)")}
    assert lit == set(expected)


def test_no_addressee_filter(browser, page):
    browser.get(page.as_uri())
    browser.find_element("css selector", 'input[name="actor"][value=""]').click()
    visible = _visible_links(browser)
    assert visible
    assert all(link.get_attribute("data-actors") == "[]" for link in visible)
    assert all("no addressee" in link.text for link in visible)
    assert int(browser.find_element("id", "shown").text) == len(visible)


def test_export_gives_the_filtered_demands_as_csv(browser, page):
    browser.get(page.as_uri())
    browser.find_element("css selector", 'input[name="actor"][value="Unternehmen"]').click()
    exported = browser.execute_script("return window.demandxExportCsv()")
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert len(rows) == int(browser.find_element("id", "shown").text) == 9
    assert all("Unternehmen" in row["addressees"].split(" | ") for row in rows)
    assert all(row["source"].endswith("000_c0e25bf6d5223cae.txt") for row in rows)
    browser.find_element("id", "export").click()  # the download link runs without error
    assert browser.execute_script("return window.PWNED === undefined")
