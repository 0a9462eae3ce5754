"""HTML, XHTML and XML: blocks in document order, lists numbered, nothing fetched."""

from __future__ import annotations

from demandx.api import extract, load
from demandx.loaders.markup import load_html, load_xml

PAGE = b"""<!DOCTYPE html><html><head><title>Aufruf</title><style>p{}</style>
<script>alert("x")</script></head><body><nav><a href="/">Start</a></nav>
<h1>Unsere Forderungen an den Senat</h1>
<p>Wir fordern den Senat auf, <a href="#">folgendes</a> umzusetzen:</p>
<ol><li>Mehr <b>Lehrkr\xc3\xa4fte</b> einstellen</li><li>Kleinere Klassen
<ul><li>auch in Grundschulen</li></ul></li></ol>
<blockquote>Zitat eines Mitglieds.</blockquote>
</body></html>"""


def test_html_blocks_lists_and_dropped_parts():
    text = load_html(PAGE, "a.html")
    lines = [line for line in text.text.split("\n") if line]
    assert lines == [
        "Unsere Forderungen an den Senat",
        "Wir fordern den Senat auf, folgendes umzusetzen:",
        "1. Mehr Lehrkräfte einstellen",
        "2. Kleinere Klassen",
        "• auch in Grundschulen",
        "Zitat eines Mitglieds.",
    ]
    assert text.title == "Aufruf"
    assert "alert" not in text.text and "Start" not in text.text


def test_html_demands():
    document = extract(PAGE, name="a.html")
    points = [d for d in document.demands if d.number]
    assert [(d.number, d.addressees) for d in points] == [("1", ["Senat"]), ("2", ["Senat"])]
    assert [i.text for i in points[1].items] == ["auch in Grundschulen"]


def test_script_text_never_reaches_the_output():
    document = extract(b"<html><body><p>Wir fordern mehr.</p><script>"
                       b"document.write('Die Regierung muss zahlen.')</script></body></html>",
                       name="x.html")
    assert [d.text for d in document.demands] == ["Wir fordern mehr."]


def test_xml_blocks_with_inline_children():
    data = ("<?xml version='1.0'?><stuk><titel>Motie</titel><tekst><al>De Kamer,</al>"
            "<al>verzoekt de regering CO<inf>2</inf> te beprijzen,</al></tekst></stuk>")
    text = load_xml(data.encode(), "m.xml")
    assert [line for line in text.text.split("\n") if line] == [
        "Motie", "De Kamer,", "verzoekt de regering CO2 te beprijzen,"]
    document = extract(data.encode(), name="m.xml")
    assert [d.addressees for d in document.demands] == [["regering"]]


def test_external_entities_are_not_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("GEHEIM", encoding="utf-8")
    data = (f"<?xml version='1.0'?><!DOCTYPE d [<!ENTITY x SYSTEM 'file://{secret}'>]>"
            "<d><p>Text &x; hier</p></d>").encode()
    text = load_xml(data, "evil.xml")
    assert "GEHEIM" not in text.text


def test_billion_laughs_does_not_expand():
    import pytest

    from demandx.errors import InputError

    lol = "<!ENTITY l0 'lol'>" + "".join(
        f"<!ENTITY l{i} '&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};'>"
        for i in range(1, 10))
    data = f"<?xml version='1.0'?><!DOCTYPE d [{lol}]><d><p>&l9;</p></d>".encode()
    try:
        text = load_xml(data, "lol.xml")
    except InputError as exc:  # libxml2 refuses the expansion outright: also safe
        assert "bomb" in str(exc)
    else:
        assert len(text.text) < 1000
    del pytest


def test_malformed_xml_is_an_input_error():
    import pytest

    from demandx.errors import InputError

    with pytest.raises(InputError, match="malformed XML"):
        load_xml(b"<?xml version='1.0'?><a><b></a>", "bad.xml")


def test_format_by_content():
    assert load(b"<!DOCTYPE html><html><body><p>x</p></body></html>", name="page").format \
        == "html"
    assert load(b"<?xml version='1.0'?><a>x</a>", name="data.xml").format == "xml"


def test_an_ordered_list_numbers_its_items_by_its_type():
    text = ("<h1>Demands</h1><ol><li>The council must publish the plan:"
            "<ol type=\"a\"><li>by May;</li><li>in full.</li></ol></li>"
            "<li>The council must hold hearings.</li></ol>"
            "<ol type=\"I\" start=\"3\"><li>The council must act now.</li></ol>")
    found = list(extract(load_html(text.encode(), "list.html"), lang="en").all_demands())
    assert [d.number for d in found] == ["1", "a", "b", "2", "III"]


FURNISHED = b"""<!DOCTYPE html><html><body>
<div class="cookie-banner"><p>We use cookies. You must accept them to continue.</p></div>
<ol class="breadcrumbs"><li><a href="/">Home</a></li>
<li><a href="/news">News and views</a></li></ol>
<article class="post"><h1>Safe streets</h1><p>The council must close the road at school times.</p>
<section class="jp-relatedposts"><h3>Related</h3><p>Why the council should fund buses</p></section>
</article>
<section id="comments" class="wp-block-comments"><ol><li class="comment">
<p>Great post. The council should also fix the pavements.</p></li></ol></section>
<div role="complementary"><p>The mayor must resign, says our poll.</p></div>
<footer class="site-footer"><ul><li><a href="/p">Privacy policy</a></li>
<li><a href="/f">Our fundraising promise to you</a></li></ul></footer>
</body></html>"""


def test_page_furniture_named_so_is_dropped():
    # comments, related posts, cookie banners, breadcrumbs, sidebars and the site's
    # footer are no part of the page's text, whatever they say
    text = load_html(FURNISHED, "blog.html")
    lines = [line for line in text.text.split("\n") if line]
    assert lines == ["Safe streets", "The council must close the road at school times."]
    # ... but an element that holds the page's heading is its content, however named
    page = FURNISHED.replace(b'<article class="post">', b'<div class="content-with-sidebar">')
    page = page.replace(b"</article>", b"</div>")
    assert "The council must close the road" in load_html(page, "blog.html").text
