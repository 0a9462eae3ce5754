"""Blocks -> a tree of sections, list items and paragraphs.

The structure of policy documents is in their lines (demandx.blocks groups them): headings,
numbered points, bullets. Two rules carry most of the weight here:

* Sequences decide nesting. A label that continues a running sequence (4 -> 5, c -> d,
  II -> III) is the sibling of its predecessor whatever its Markdown level or
  indentation says; a new sequence opens a deeper level. "## Punkt 5" among
  "### Punkt 1-4" therefore stays in the same list under the same section.
* Bullets nest by marker and by how the list goes on, not by indentation alone: a run of
  "-" items whose indentation drifts (first at column 0, the rest at 2) are siblings,
  unless the list later returns to the shallower indentation (real nesting) or the
  shallower item introduces them with a colon.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from demandx.blocks import (
    Block,
    build_blocks,
    clause_openers,
    has_heading_cue,
    looks_like_heading,
    opens_sentence_after,
    plain,
)
from demandx.labels import Marker, as_alpha, continues
from demandx.lang import Language
from demandx.lines import Line


@dataclass
class Node:
    """A node of the document tree. Sections and items have children; paragraphs don't."""

    kind: str                          # "root", "section", "item", "para", "closing"
    block: Block | None = None
    children: list[Node] = field(default_factory=list)
    parent: Node | None = field(default=None, repr=False)
    level: int = 0

    @property
    def marker(self) -> Marker | None:
        return self.block.marker if self.block else None

    def add(self, child: Node) -> Node:
        child.parent = self
        self.children.append(child)
        return child


@dataclass
class Tree:
    """The structure of one document."""

    root: Node
    title: str | None
    title_node: Node | None
    wrapped: bool


def build_tree(lines: list[Line], lang: Language, title_hint: str | None = None) -> Tree:
    """The tree of one document's lines."""
    blocks, title, wrapped = build_blocks(lines, lang, title_hint)
    root = _place(blocks, lang)
    _end_tight_lists(root, lang)
    _free_lead_ins(root)
    title_node = None
    if title is not None:
        for child in root.children:
            if child.kind == "section" and child.block and \
                    plain(child.block.text(lang).text) == plain(title):
                title_node = child
                break
    return Tree(root=root, title=title, title_node=title_node, wrapped=wrapped)


def _place(blocks: list[Block], lang: Language) -> Node:
    root = Node("root", level=0)
    stack: list[Node] = [root]
    for block in blocks:
        _leave_indented_sections(stack, block)
        if block.kind == "rule":
            _pop_items(stack)
            _leave_excluded_sections(stack, lang)
        elif block.kind == "heading":
            if opens_operative_part(block.text(lang).text, lang):
                # "**Der Landtag wolle beschließen:**" set in bold, as a heading
                _leave_excluded_sections(stack, lang)
            _place_heading(stack, block, lang)
        elif block.kind == "item":
            if block.marker is not None and block.marker.kind == "label":
                _place_label(stack, block)
            else:
                _place_bullet(stack, block)
        elif block.kind == "closing":
            _pop_items(stack)
            stack[-1].add(Node("closing", block))
        else:
            text = block.text(lang).text
            if opens_operative_part(text, lang):
                _pop_items(stack)
                _leave_excluded_sections(stack, lang)
            elif opens_mandate(text, lang) and _in_excluded_section(stack, lang):
                # "Begründung:" + its text + "GR Nr. ..." + "Der Stadtrat wird
                # beauftragt, ...": the next entry's mandate, no more of the reasons (nor
                # of a list in them)
                _pop_items(stack)
                _leave_excluded_sections(stack, lang)
            _place_para(stack, block, lang)
    return root


def _leave_indented_sections(stack: list[Node], block: Block) -> None:
    """A section whose heading and text stand indented ends where the text comes back
    left of them ("11   Motion ..." + "     Begründung" + "     Im Quartier ..." +
    "12   Postulat ..."): the layout indents what belongs to the entry. A centred heading
    over text at the margin ends nothing: its text was never as deep as it."""
    if not block.blank_before:
        return
    for depth in range(1, len(stack)):
        section = stack[depth]
        if section.kind == "section" and section.block is not None \
                and block.indent < section.block.indent and section.children and all(
                    child.block is not None and child.block.indent >= section.block.indent
                    for child in section.children):
            del stack[depth:]
            return


def _end_tight_lists(node: Node, lang: Language) -> None:
    """Paragraphs after the last point of a list whose other points have no body go on
    with the text, not in that point ("1. ... 2. ... 3. Provide capital funding." +
    "Ofsted should also ..."): the layout that gives a point a body gives every point
    one; also without a blank line where a sentence opens on a function word after the
    point's period ("7. ... Good." + "In addition, the Department ..."). Done once the
    list is over, so that a point that follows still continues it."""
    for child in list(node.children):
        _end_tight_lists(child, lang)
    # each list of the node on its own: a list of links further down ("Lees ook:" + "-
    # ...") does not make the points above it one list with it
    for items in _runs_of_items(node):
        _end_tight_list(node, items, lang)


def _runs_of_items(node: Node) -> list[list[Node]]:
    """The node's lists: runs of items with nothing else between them."""
    runs: list[list[Node]] = []
    for position, child in enumerate(node.children):
        if child.kind != "item":
            continue
        if position and node.children[position - 1].kind == "item":
            runs[-1].append(child)
        else:
            runs.append([child])
    return runs


def _end_tight_list(node: Node, items: list[Node], lang: Language) -> None:
    if len(items) < 2:
        return
    last = items[-1]
    if last.marker is None or last.marker.kind != "label" or \
            any(child.kind not in ("para", "item") for child in last.children):
        return
    if any(child.kind == "para" for item in items[:-1] for child in item.children):
        _end_bodies(node, items)
        return
    # ... with the list that paragraph leads into ("This Council notes: 1. ... 2. ..." +
    # "This Council calls on the Mayor to:" + "- freeze fares")
    first = last.children[0] if last.children else None
    if first is None or first.kind != "para" or first.block is None \
            or not (first.block.blank_before or _no_blank_lines(node, items[0])
                    or _opens_motion_clause(first.block, lang)
                    or opens_sentence_after(last.block.lines[-1], first.block.lines[0],
                                            lang)) \
            or first.block.indent > last.block.indent:
        return  # an indented paragraph is the point's own ("3. ..." + "   This means:")
    moved, last.children = last.children, []
    _lift(node, last, moved)


def _opens_motion_clause(block: Block, lang: Language) -> bool:
    """Whether a paragraph opens a motion's next clause ("roept de woningcorporaties op",
    "verzoekt de dijkgraaf"), which no point of the list before it goes on into."""
    words = block.text(lang).text.split(maxsplit=1)
    return bool(words) and words[0].lower() in clause_openers(lang)


def _no_blank_lines(node: Node, first_item: Node) -> bool:
    """Whether the text sets no blank line between its paragraphs, as text taken from a
    PDF does: the paragraph before the list follows another without one."""
    position = node.children.index(first_item)
    before = node.children[position - 1] if position else None
    return before is not None and before.kind == "para" and before.block is not None \
        and not before.block.blank_before and position >= 2 \
        and node.children[position - 2].kind == "para"


def _end_bodies(node: Node, items: list[Node]) -> None:
    """Paragraphs after a blank line that follow the last point of a list whose points
    each have a body right under their title line ("Verzoek 1 – Snelheid" + "Wij verzoeken
    u ..."), none after a blank line, go on with the text, not in that point."""
    last = items[-1]
    bodies = [item.children for item in items[:-1]]
    if not all(children and all(child.kind == "para" and child.block is not None
                                and not child.block.blank_before for child in children)
               for children in bodies):
        return
    assert last.block is not None
    cut = next((position for position, child in enumerate(last.children)
                if child.kind == "para" and child.block is not None
                and child.block.blank_before and child.block.indent <= last.block.indent),
               None)
    if not cut:
        return  # no body of its own, or nothing after it
    moved, last.children = last.children[cut:], last.children[:cut]
    _lift(node, last, moved)


def _free_lead_ins(node: Node) -> None:
    """A paragraph that ends a point with a colon, the series going on after it, leads
    into the points that follow, not into nothing ("Von der Stadt erwarten wir:" + "1.
    ..." + "Vom Land fordern wir:" + "2. ..."): it goes on with the text between them.
    An indented one is the point's own ("3. ..." + "   This means:" + its own list)."""
    for child in list(node.children):
        _free_lead_ins(child)
    for item in [child for child in node.children if child.kind == "item"]:
        last = item.children[-1] if item.children else None
        position = node.children.index(item)
        following = node.children[position + 1] if position + 1 < len(node.children) else None
        if last is None or last.kind != "para" or last.block is None or following is None \
                or following.kind != "item" or item.block is None \
                or not last.block.blank_before or last.block.indent > item.block.indent \
                or not last.block.lines[-1].text.rstrip().endswith(":"):
            continue
        _lift(node, item, [item.children.pop()])


def _lift(node: Node, item: Node, moved: list[Node]) -> None:
    """Put children taken from `item` into `node`, right after it and in their order."""
    position = node.children.index(item) + 1
    for offset, child in enumerate(moved):
        child.parent = node
        node.children.insert(position + offset, child)


def _leave_excluded_sections(stack: list[Node], lang: Language) -> None:
    """A separator line ends the reasons or notes of an entry ("Begründung:" + its text
    + "=====" + "MOTION ..."): what follows it is the next entry, not more reasons."""
    while len(stack) > 1 and stack[-1].kind == "section" and stack[-1].block is not None \
            and has_heading_cue(stack[-1].block.text(lang).text.lower(),
                                lang.excluded_headings):
        stack.pop()


def _in_excluded_section(stack: list[Node], lang: Language) -> bool:
    """Whether the innermost part open, past the points of a list, is an excluded one."""
    depth = len(stack) - 1
    while depth > 0 and stack[depth].kind == "item":
        depth -= 1
    node = stack[depth]
    return node.kind == "section" and node.block is not None and has_heading_cue(
        node.block.text(lang).text.lower(), lang.excluded_headings)


def opens_operative_part(text: str, lang: Language) -> bool:
    """Whether a paragraph is the formula that opens what a motion asks to decide ("Der
    Landtag wolle beschließen:", "De raad besluit:", "Council resolves:"): where the
    reasons stood first, as Austrian motions put them, they end there."""
    text = text.rstrip()
    words = text.removesuffix(":").split()
    return text.endswith(":") and bool(words) and \
        words[-1].lower() in lang.words.get("operative_verbs", frozenset())


def opens_mandate(text: str, lang: Language) -> bool:
    """Whether a paragraph opens on a motion's mandate in the passive, its subject with
    its article first ("Der Stadtrat wird beauftragt, ...", "Het college wordt verzocht
    ...", "The Mayor is requested to ..."): the operative text of an entry."""
    words = []
    for word in text.split(maxsplit=_MANDATE_WORDS)[:_MANDATE_WORDS]:
        words.append(word.strip(",;:.!?").lower())
        if word.endswith((".", "!", "?")):
            break  # its first sentence only
    classes = lang.words
    be = classes.get("be", frozenset())
    # (or invited, as Swiss parliaments put a Postulat: "Der Regierungsrat wird
    # eingeladen, zu prüfen ...")
    # (a passive, not a predicate: "Die Stadt ist gefordert" may be part of the reasons)
    pairs = [(classes.get("passive_aux", frozenset()) - be, classes.get("call_participles",
                                                                        frozenset())),
             (classes.get("invite_aux", frozenset()), classes.get("invite_participles",
                                                                  frozenset()))]
    return bool(words) and words[0] in lang.articles and any(
        word in aux and following in participles
        for word, following in itertools.pairwise(words) for aux, participles in pairs)


_MANDATE_WORDS = 8


def _pop_items(stack: list[Node]) -> None:
    while stack[-1].kind == "item":
        stack.pop()


def _section_of(stack: list[Node]) -> int:
    """Index in the stack of the innermost section (or the root)."""
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].kind in ("section", "root"):
            return depth
    return 0


def _find_sequence(stack: list[Node], marker: Marker) -> int | None:
    """Stack index of the open labelled node that `marker` continues, if any."""
    for depth in range(len(stack) - 1, 0, -1):
        previous = stack[depth].marker
        if previous is not None and continues(marker, previous):
            return depth
    return None


def _place_heading(stack: list[Node], block: Block, lang: Language) -> None:
    marker = block.marker
    if marker is not None and marker.kind == "label":
        depth = _find_sequence(stack, marker)
        if depth is not None:
            level = stack[depth].level
            del stack[depth:]
            stack.append(stack[-1].add(Node("section", block, level=level)))
            return
    depth = _similar_section(stack, block, lang)
    if depth is not None:
        level = stack[depth].level
        del stack[depth:]
    else:
        level = block.level
        while len(stack) > 1 and (stack[-1].kind == "item" or stack[-1].level >= level):
            stack.pop()
    stack.append(stack[-1].add(Node("section", block, level=level)))


def _similar_section(stack: list[Node], block: Block, lang: Language) -> int | None:
    """An open section whose heading has the same shape ("Forderungen an die Unternehmen"
    after "Forderungen an die Politik"): the new heading is its sibling, whatever its level."""
    first = _first_word(block.text(lang).text)
    if first is None or block.marker is not None:
        return None
    for depth in range(len(stack) - 1, 0, -1):
        node = stack[depth]
        if node.kind == "section" and node.marker is None and node.block is not None \
                and _first_word(node.block.text(lang).text) == first:
            return depth
    return None


def _first_word(text: str) -> str | None:
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 2 or len(words[0]) < 4:
        return None
    return words[0]


def _place_label(stack: list[Node], block: Block) -> None:
    marker = block.marker
    assert marker is not None
    depth = _find_sequence(stack, marker)
    if depth is None and marker.style.lower().startswith("roman") and len(marker.printed) == 2:
        alpha = as_alpha(marker)
        found = _find_sequence(stack, alpha)
        if found is not None:
            block.marker, depth = alpha, found
    if depth is None and marker.style == "dotted" and len(marker.path) > 1:
        depth = _find_parent_path(stack, marker)
        if depth is not None:
            del stack[depth + 1:]
            stack.append(stack[-1].add(Node("item", block)))
            return
    if depth is not None:
        del stack[depth:]
    else:
        top = stack[-1]
        # a new numbered list after a bullet list, no deeper than it, is its sibling
        if top.kind == "item" and top.marker is not None and top.marker.kind == "bullet" \
                and block.indent <= top.block.indent and block.blank_before:
            _pop_items(stack)
    stack.append(stack[-1].add(Node("item", block)))


def _find_parent_path(stack: list[Node], marker: Marker) -> int | None:
    """For "2.3": the open node labelled "2" or "2." (its parent point)."""
    for depth in range(len(stack) - 1, 0, -1):
        previous = stack[depth].marker
        if previous is not None and previous.kind == "label":
            path = previous.path or ((previous.value,) if previous.style.startswith("arabic")
                                     else ())
            if path == marker.path[:-1]:
                return depth
    return None


def _place_bullet(stack: list[Node], block: Block) -> None:
    marker = block.marker
    assert marker is not None
    floor = _section_of(stack)
    same = [d for d in range(floor + 1, len(stack))
            if stack[d].marker is not None and stack[d].marker.kind == "bullet"
            and stack[d].marker.style == marker.style]
    if same:
        if block.nested:
            parent = max(d for d in same if stack[d].block.indent < block.indent) \
                if any(stack[d].block.indent < block.indent for d in same) else same[-1]
            del stack[parent + 1:]
        else:
            fitting = [d for d in same if stack[d].block.indent <= block.indent]
            sibling = fitting[-1] if fitting else same[0]
            del stack[sibling:]
        stack.append(stack[-1].add(Node("item", block)))
        return
    bullets = [d for d in range(floor + 1, len(stack))
               if stack[d].marker is not None and stack[d].marker.kind == "bullet"]
    if bullets:
        top = bullets[-1]
        # a different glyph at the same or a shallower indentation starts a sibling list
        if block.indent <= stack[top].block.indent:
            del stack[top:]
    stack.append(stack[-1].add(Node("item", block)))


def _place_para(stack: list[Node], block: Block, lang: Language) -> None:
    top = stack[-1]
    hint = block.lines[0].hint
    if hint is not None and hint.outside_lists:
        _pop_items(stack)
        top = stack[-1]
    if top.kind == "item" and top.block is not None:
        deeper = block.indent > top.block.indent and not block.blank_before
        indented_body = block.indent > top.block.indent
        has_sub_items = any(child.kind == "item" for child in top.children)
        is_label = top.marker is not None and top.marker.kind == "label"
        body = is_label and not has_sub_items and not _ends_enumeration(top, lang) \
            and not (block.blank_before and block.indent <= top.block.indent and _hangs(top))
        if deeper or (indented_body and not has_sub_items) or body:
            top.add(Node("para", block))
            return
        titled = _titled_part(stack, lang) if block.blank_before else None
        if titled is not None:
            del stack[titled + 1:]
            stack[-1].add(Node("para", block))
            return
        _pop_items(stack)
    stack[-1].add(Node("para", block))


def _titled_part(stack: list[Node], lang: Language) -> int | None:
    """Stack index of the numbered part a paragraph after a bullet list goes on in: a
    point that is a title over a body of paragraphs ("3. Onze eisen" + "Aan de Vlaamse
    Regering:" + "• ..." + "Aan de steden en gemeenten:"), as its points "1. Inleiding"
    and "2. Vaststellingen" were; not a point whose own text leads into the list."""
    depth = len(stack) - 1
    while depth > 0 and stack[depth].kind == "item" and stack[depth].marker is not None \
            and stack[depth].marker.kind == "bullet":
        depth -= 1
    part = stack[depth]
    if depth == len(stack) - 1 or part.kind != "item" or part.marker is None \
            or part.marker.kind != "label" or part.block is None \
            or not part.children or part.children[0].kind != "para" \
            or not looks_like_heading(part.block.text(lang).text):
        return None
    return depth


def _hangs(item: Node) -> bool:
    """Whether a list item is laid out with a hanging indent (its lines after the first
    stand deeper than its marker): its body is indented, so a paragraph after a blank
    line at the marker's column or left of it is outside the list, as in Markdown."""
    assert item.block is not None
    first = item.block.lines[0]
    return any(line.indent > first.indent for line in item.block.lines[1:]) or any(
        child.kind == "para" and child.block is not None and not child.block.blank_before
        and child.block.indent > item.block.indent for child in item.children)


def _ends_enumeration(item: Node, lang: Language) -> bool:
    """Whether `item` closes a list that is one sentence run through its items ("verzoekt
    de regering: a) ...; b) ...; c) ... ."): the sentence is over with it, so a paragraph
    after it, at the same indentation or less, is no longer part of it."""
    assert item.block is not None and item.parent is not None
    siblings = [child for child in item.parent.children if child.kind == "item"]
    position = siblings.index(item)
    if position == 0 or item.children or not item.block.text(lang).text.endswith("."):
        return False
    before = siblings[position - 1].block
    if before is None:
        return False
    text = before.text(lang).text
    last_word = text.rsplit(None, 1)[-1].lower() if text else ""
    return text.endswith((";", ",")) or last_word in lang.coordinators
