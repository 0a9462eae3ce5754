"""Structure from raw lines: headings, sequences, bullets, wrapped titles, clean text."""

from __future__ import annotations

from demandx.lines import split_lines
from demandx.model import Text
from demandx.structure import build_tree


def tree_of(text: str, lang, fmt: str = "text"):
    loaded = Text(source="<test>", text=text, format=fmt)
    return build_tree(split_lines(loaded), lang, None)


def outline(tree, lang):
    """(depth, kind, marker, first words) of every node, depth first."""
    rows = []

    def visit(node, depth):
        for child in node.children:
            marker = child.marker.printed if child.marker else ""
            rows.append((depth, child.kind, marker, child.block.text(lang).text[:30]))
            visit(child, depth + 1)

    visit(tree.root, 0)
    return rows


def test_sequence_continues_across_heading_levels(de_lang):
    text = (
        "## Forderungen an die Politik\n\n"
        "### Punkt 1: Erstens\n\nText eins.\n\n"
        "### Punkt 2: Zweitens\n\nText zwei.\n\n"
        "## Punkt 3: Drittens\n\nText drei.\n\n"
        "### Punkt 4: Viertens\n\nText vier.\n"
    )
    rows = outline(tree_of(text, de_lang), de_lang)
    points = [row for row in rows if row[2].startswith("Punkt")]
    assert [row[0] for row in points] == [1, 1, 1, 1]  # all four under the section
    assert rows[0][3] == "Forderungen an die Politik"


def test_similar_heading_is_sibling_whatever_its_level(de_lang):
    text = (
        "## Forderungen an die Politik\n\n### Punkt 1: Eins\n\nText.\n\n"
        "### Forderungen an die Unternehmen\n\nWir erwarten:\n\n- mehr\n"
    )
    rows = outline(tree_of(text, de_lang), de_lang)
    sections = [row for row in rows if row[1] == "section" and not row[2]]
    assert [row[0] for row in sections] == [0, 0]


def test_bullets_with_drifting_indentation_are_siblings(de_lang):
    text = "Wir erwarten:\n\n- erstens\n  - zweitens\n  - drittens\n-\n"
    rows = outline(tree_of(text, de_lang), de_lang)
    items = [row for row in rows if row[1] == "item" and row[3]]
    assert [row[0] for row in items] == [0, 0, 0]


def test_bullets_nest_when_the_list_returns(de_lang):
    text = "- oben\n  - unten eins\n  - unten zwei\n- wieder oben\n"
    rows = outline(tree_of(text, de_lang), de_lang)
    assert [(row[0], row[3]) for row in rows] == [
        (0, "oben"), (1, "unten eins"), (1, "unten zwei"), (0, "wieder oben")]


def test_new_sequence_opens_a_level_and_old_one_continues(de_lang):
    text = "1. Erstens\na) unter eins\nb) noch darunter\n2. Zweitens\n"
    rows = outline(tree_of(text, de_lang), de_lang)
    assert [(row[0], row[2]) for row in rows] == [(0, "1."), (1, "a)"), (1, "b)"), (0, "2.")]


def test_numbered_title_wraps_onto_next_paragraph(nl_lang):
    text = (
        "1. Opschalen van het Techniekpact naar een nationale\n\n"
        "“De Mens als Sleutel” agenda met\n\n- een fonds\n\n"
        "2. Een vervolgaanpak, zodat Nederland zich blijft\n\n"
        "meten met de wereldtop:\n\n- één fonds\n"
    )
    rows = outline(tree_of(text, nl_lang), nl_lang)
    titles = [row for row in rows if row[2] in ("1.", "2.")]
    assert len(titles) == 2
    tree = tree_of(text, nl_lang)
    first = tree.root.children[0]
    assert first.block.text(nl_lang).text.endswith("“De Mens als Sleutel” agenda met")
    assert [child.kind for child in first.children] == ["item"]


def test_bold_line_is_a_heading(de_lang):
    rows = outline(tree_of("**Unsere Forderungen**\n\nWir fordern mehr.\n", de_lang), de_lang)
    assert rows[0][:2] == (0, "section")
    assert rows[0][3] == "Unsere Forderungen"


def test_hyphenation_is_undone_but_real_hyphens_stay(de_lang):
    text = ("Der Bundestag fordert die Bundesregierung auf, einen Entwurf vorzulegen, der Kri-\n"
            "terien genügt und den Ausstieg aus Stein-\n"
            "und Braunkohle regelt, der Nordrhein-\n"
            "Westfalen schützt und noch viele andere Dinge tut, die hier stehen.\n") * 3
    tree = tree_of(text, de_lang)
    joined = tree.root.children[0].block.text(de_lang).text
    assert "Kriterien" in joined
    assert "Stein- und Braunkohle" in joined
    assert "Nordrhein-Westfalen" in joined


def test_margin_letters_and_page_headers_are_dropped(de_lang):
    body = [f"Zeile {i} eines langen Absatzes, der über viele Zeilen umbrochen ist  "
            + "abcdefghij"[i % 10] for i in range(30)]
    body.insert(15, "Drucksache 19/20754 – 2 –  Deutscher Bundestag – 19. Wahlperiode")
    tree = tree_of("\n".join(body) + "\n", de_lang)
    text = " ".join(node.block.text(de_lang).text for node in tree.root.children)
    assert "Drucksache" not in text
    assert "umbrochen ist a" not in text
    assert "Zeile 29" in text


def test_repeated_title_is_dropped(de_lang):
    text = "Der Titel der Meldung\n\nUnterzeile\n\nDer Titel der Meldung\n\nText.\n"
    tree = tree_of(text, de_lang)
    assert tree.title == "Der Titel der Meldung"
    texts = [row[3] for row in outline(tree, de_lang)]
    assert texts.count("Der Titel der Meldung") == 1


def test_front_matter_is_not_content(de_lang):
    from demandx.loaders import load_bytes

    loaded = load_bytes(b"---\ntitle: \"Ein Titel\"\nlayout: x\n---\n\nText hier.\n",
                        "a.md")
    assert loaded.title == "Ein Titel"
    tree = build_tree(split_lines(loaded), de_lang, loaded.title)
    assert [row[3] for row in outline(tree, de_lang)] == ["Text hier."]


def test_a_footnote_number_glued_to_a_sentence_end_ends_the_line(de_lang):
    tree = tree_of("Der Gemeinderat wird gebeten, die Tarife zu halbieren.“1\n"
                   "„Wir bleiben dran“, sagt die Fraktion.\n", de_lang)
    texts = [row[3] for row in outline(tree, de_lang)]
    assert texts == ["Der Gemeinderat wird gebeten, ", "„Wir bleiben dran“, sagt die F"]
