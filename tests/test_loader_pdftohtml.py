"""HTML made by pdftohtml: symbol-font bullet glyphs and running footers are not text."""

from __future__ import annotations

from conftest import _models
from demandx.api import extract
from demandx.loaders import load_bytes


def _page(number: int, lines: list[tuple[int, int, str]]) -> str:
    placed = "".join(f'<p style="position:absolute;top:{top}px;left:{left}px;'
                     f'white-space:nowrap" class="ft0{number}">{text}</p>\n'
                     for top, left, text in lines)
    return (f'<!-- Page {number} -->\n<a name="{number}"></a>\n'
            f'<div id="page{number}-div" style="position:relative;width:629px;height:892px;">'
            f"\n{placed}"
            f'<p style="position:absolute;top:860px;left:64px;white-space:nowrap" '
            f'class="ft01">Unser Programm 2025 – 2029</p>\n</div>\n')


PAGES = [
    [(80, 64, "Forderungen an den Bund"),
     (110, 64, "Wir fordern:"),
     (131, 64, "n"), (128, 74, "&#160;&#160;Der Bund muss die Schulden abbauen."),
     (161, 64, "n"), (158, 74, "&#160;Der Bund muss mehr investieren.")],
    [(80, 64, "Weitere Forderungen"),
     (110, 64, "Die Länder müssen die Schulen sanieren.")],
    [(80, 64, "Schluss"), (110, 64, "Wir danken allen.")],
]
PAGE = ('<!DOCTYPE html><html><head><title>html/programm</title>'
        '<meta name="generator" content="pdftohtml 0.36"/></head><body>'
        + "".join(_page(n, lines) for n, lines in enumerate(PAGES, start=1))
        + "</body></html>")


def test_bullet_glyphs_become_bullets_of_their_line():
    text = load_bytes(PAGE.encode("utf-8"), "programm.html")
    lines = [line for line in text.text.split("\n") if line]
    assert "n" not in lines
    assert "• Der Bund muss die Schulden abbauen." in lines
    assert "• Der Bund muss mehr investieren." in lines


def test_running_footer_is_page_furniture():
    text = load_bytes(PAGE.encode("utf-8"), "programm.html")
    footer = [index for index, line in enumerate(text.text.split("\n"))
              if line == "Unser Programm 2025 – 2029"]
    assert len(footer) == len(PAGES)
    assert all(text.hints[index].kind == "skip" for index in footer)
    demands = list(extract(text, models=_models()).all_demands())
    assert demands
    assert all("Unser Programm" not in " ".join(d.section) for d in demands)
    assert all(d.text != "n" for d in demands)


def test_other_html_keeps_repeated_lines_and_single_letters():
    plain = PAGE.replace("pdftohtml 0.36", "Hand made")
    lines = [line for line in load_bytes(plain.encode("utf-8"), "p.html").text.split("\n")]
    assert "n" in lines
