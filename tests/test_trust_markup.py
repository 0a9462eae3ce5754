"""HTML nested deeper than the parser's default limit of 256 elements (unclosed `<div>`
or `<font><b>` on every paragraph of an old generated page) is read whole; a page past
even the raised limit says where it was cut; a billion-laughs XHTML file is refused as
the XML one is, not parsed again as HTML."""

from __future__ import annotations

import pytest

from demandx.errors import InputError
from demandx.loaders import load_bytes

SENTENCE = "Wir fordern die Stadt auf, {} Bäume zu pflanzen."


def page(opening: str, count: int) -> bytes:
    paragraphs = "".join(f"{opening}<p>{SENTENCE.format(i)}</p>\n" for i in range(count))
    return f"<html><body>{paragraphs}</body></html>".encode()


@pytest.mark.parametrize("opening", ["<div>", "<font><b>"])
@pytest.mark.parametrize("count", [400, 1500])
def test_unclosed_tags_on_every_paragraph_lose_nothing(opening, count):
    text = load_bytes(page(opening, count), "old.html")
    # (paragraphs inside an unclosed inline element are read as its inline text)
    assert " ".join(text.text.split()) == " ".join(SENTENCE.format(i) for i in range(count))
    assert text.warnings == []


def test_a_page_past_the_parsers_limit_says_where_it_is_cut():
    text = load_bytes(page("<div>", 3000), "deeper.html")
    read = text.text.count("Wir fordern")
    assert 2000 < read < 3000
    assert len(text.warnings) == 1
    assert text.warnings[0].startswith(f"the page is cut short at line {read + 1}: ")
    assert text.warnings[0].endswith("the rest is not read")


def test_billion_laughs_in_xhtml_is_refused():
    lol = "<!ENTITY l0 'lol'>" + "".join(
        f"<!ENTITY l{i} '&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};'>"
        for i in range(1, 12))
    data = (f"<?xml version='1.0'?><!DOCTYPE html [{lol}]><html "
            "xmlns='http://www.w3.org/1999/xhtml'><body><p>&l11;</p></body></html>").encode()
    for name in ("laughs.xhtml", "laughs.html", "laughs.xml"):
        with pytest.raises(InputError, match="refused: XML entity expansion bomb"):
            load_bytes(data, name)
