"""Lines -> blocks: which lines belong together (a heading, a list item, a paragraph).

Decided from the raw lines before any sentence splitting: Markdown and bold headings,
list markers and point labels, plain-text headings (a short line standing alone),
paragraphs hard-wrapped at a fixed width (text from PDFs) or one per line (motions),
numbered titles that wrap onto the next paragraph, and the document's title (printed
twice by many web pages). demandx.structure then builds the tree from the blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise

from demandx.datelines import is_date_line
from demandx.labels import Marker, as_roman, continues, parse_marker
from demandx.lang import Language, function_words
from demandx.lines import Line
from demandx.mapped import Mapped

_TERMINAL = ".!?:;"
_BOLD_LEVEL = 7       # a bold-only line: below any Markdown heading
_PLAIN_LEVEL = 8      # a short line standing alone, in text without markup
_QUOTES_OPEN = "\"'„“«‚‘(["
_WRAP_MIN = 40        # lines shorter than this say nothing about wrapping
# a line broken where the next word would have fit within this share of the width was
# broken by its author (loose, as the glyphs of a PDF's lines differ in width)
_AUTHOR_BREAK = 0.8
# A table row listed as a point has no printed marker; its other cells are its body.
_ROW_MARKER = Marker("bullet", "", "row", None, None, 0)
_CELL_INDENT = 2
_MAX_ROW_LABEL = 4   # "12.", "(a)": a cell that holds only a row's number


@dataclass
class Block:
    """Consecutive lines that belong together: a heading, a list item, a paragraph."""

    kind: str                          # "heading", "item", "para", "rule", "closing"
    lines: list[Line]
    marker: Marker | None = None
    level: int = 0
    indent: int = 0
    blank_before: bool = True
    blank_after: bool = False
    nested: bool = False               # a bullet that nests under a shallower same-glyph bullet
    column_head: bool = False          # a cell of the header row of a table listed as points
    closed: bool = False               # takes no continuation lines (a salutation)
    _text: Mapped | None = field(default=None, repr=False)

    def text(self, lang: Language) -> Mapped:
        """The block's words: lines joined, hyphenation undone, marker removed."""
        if self._text is None:
            joined = join_lines([line.content for line in self.lines], lang)
            if self.marker is not None:
                joined = joined.slice(self.marker.length).strip()
            self._text = joined
        return self._text

    @property
    def first_line(self) -> Line:
        return self.lines[0]


def join_lines(parts: list[Mapped], lang: Language) -> Mapped:
    """Lines of one block as running text. A hyphen at a line end joins the word
    ("Kri-\\nterien" -> "Kriterien") unless the next line starts with a conjunction
    ("Stein-\\nund Braunkohle") or a capital or digit ("Nordrhein-\\nWestfalen")."""
    if len(parts) == 1:
        return parts[0]
    pieces = [parts[0]]
    separators = []
    for part in parts[1:]:
        previous = pieces[-1].text
        following = part.text
        if len(previous) >= 2 and previous[-1] in "-\u00ad" and previous[-2].isalpha():
            first_word = re.match(r"[^\s,.;:]*", following).group(0).lower()
            if following[:1].islower() and first_word not in lang.hyphen_keep_words:
                pieces[-1] = pieces[-1].slice(0, len(previous) - 1)
                separators.append("")
            elif first_word in lang.hyphen_keep_words:
                separators.append(" ")
            else:
                separators.append("")
        else:
            separators.append(" ")
        pieces.append(part)
    return Mapped.join(pieces, separators)


def build_blocks(lines: list[Line], lang: Language,
                 title_hint: str | None = None) -> tuple[list[Block], str | None, bool]:
    """The blocks of one document's lines, its title, and whether it is hard-wrapped."""
    wrapped, width = _wrap_profile(lines)
    blocks = _split_closed_lists(_group(lines, lang, wrapped, width), lang)
    _list_table_rows(blocks, lang)
    blocks = _merge_broken_paragraphs(blocks, lang)
    blocks = _split_glued_subheads(blocks)
    blocks = _promote_plain_headings(blocks, lang, wrapped)
    title, blocks = _find_title(blocks, lang, title_hint)
    _mark_nested_bullets(blocks, lang)
    return blocks, title, wrapped


def plain(text: str) -> str:
    """Text compared for sameness: spaces collapsed, lower case."""
    return " ".join(text.split()).lower()


def _wrap_profile(lines: list[Line]) -> tuple[bool, int]:
    """Whether the text is hard-wrapped (a paragraph runs over many lines of similar
    width, as in text taken from PDFs), and that width."""
    content = [line for line in lines if not line.blank and not line.skip
               and not line.heading_level]
    lengths = sorted(len(line.text) for line in content if len(line.text) >= _WRAP_MIN)
    if len(lengths) < 5:
        return False, 0
    width = lengths[int(0.9 * (len(lengths) - 1))]
    candidates = 0
    wraps = 0
    for line, following in pairwise(content):
        if following.index != line.index + 1 or len(line.text) < max(_WRAP_MIN, 0.7 * width):
            continue
        candidates += 1
        last = line.text[-1]
        if last not in _TERMINAL + "," or line.text.endswith("-"):
            wraps += 1
    return (candidates >= 5 and wraps >= 0.5 * candidates), width


def _group(lines: list[Line], lang: Language, wrapped: bool, width: int) -> list[Block]:
    """Lines -> blocks, deciding for each line whether it continues the current block."""
    blocks: list[Block] = []
    current: Block | None = None
    blank = True
    openers = clause_openers(lang)
    auxiliaries = _auxiliaries(lang)
    labels = _LabelHistory()
    hanging = False   # in a list whose markers text extraction lost, its items hanging
    hanging_at = 0    # ... at this column
    for line in lines:
        if line.skip:
            continue
        if line.blank:
            if blocks:
                blocks[-1].blank_after = True
            current = None
            blank = True
            hanging = False
            continue
        block = _classify(line, lang)
        if block is not None and not labels.plausible(block):
            block = None  # "19. Wahlperiode", "128) liegt": a number, not a point label
        if block is None and current is not None and (
                (current.kind == "para" and _back_from_hanging(current, line))
                or (hanging and current.marker is _LOST_MARKER and line.indent < hanging_at)):
            # each line at the margin opens an item, as its marker would have
            hanging_at = current.lines[-1].indent if not hanging else hanging_at
            hanging = True
            current.kind, current.marker = "item", _LOST_MARKER
            block = Block("item", [line], marker=_LOST_MARKER, indent=line.indent)
        elif block is None and hanging and current is not None and current.kind == "item" \
                and line.indent == hanging_at:
            current.lines.append(line)   # ... and a line that hangs goes on with it
            continue
        elif block is not None or current is None or not _flush_with(current, line):
            hanging = False
        if block is None:
            if current is not None and current.kind in ("para", "item", "closing") and \
                    not _other_cell(current.lines[-1], line) and (
                    _continues(current.lines[-1], line, wrapped, width, openers,
                               auxiliaries, lang)
                    or _hangs_under(current, line)
                    # "• Höhere Maut auf Bundesstraßen:" + "Lenkungswirkung für ...": a
                    # bullet goes on after its colon until a blank line or the next item
                    # (a numbered "I. ... stellt fest:" heads the paragraphs under it)
                    or (current.kind == "item" and current.marker is not None
                        and current.marker.kind == "bullet"
                        and current.lines[-1].text.endswith(":"))):
                current.lines.append(line)
                blank = False
                continue
            block = Block("para", [line], indent=line.indent)
        block.blank_before = blank
        blocks.append(block)
        current = block if block.kind in ("para", "item", "closing") and not block.closed \
            else None
        blank = False
    return blocks


def _split_closed_lists(blocks: list[Block], lang: Language) -> list[Block]:
    """The last point of a list whose points end on ";" ends at its "." where a sentence
    follows without a blank line, as in text taken from a PDF ("(8) ...;" + "(9) ...
    Lebensjahr." + "Darüber hinaus verlangt ver.di ..."): that sentence opens the text
    after the list. Only the last point: one with a point after it goes on ("5. ...
    auszugleichen." + "Als Übergangslösung sollte ..." + "6. ...")."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        before = blocks[index - 1] if index else None
        cut = None
        if block.kind == "item" and before is not None and before.kind == "item" and \
                before.lines[-1].text.rstrip().endswith(";") and \
                (following is None or following.kind != "item"):
            cut = next((position for position in range(1, len(block.lines))
                        if opens_sentence_after(block.lines[position - 1],
                                                block.lines[position], lang)), None)
        if cut is None:
            out.append(block)
            continue
        out.append(replace(block, lines=block.lines[:cut], blank_after=False, _text=None))
        out.append(Block("para", block.lines[cut:], indent=block.lines[cut].indent,
                         blank_before=False, blank_after=block.blank_after))
    return out


def opens_sentence_after(previous: Line, line: Line, lang: Language) -> bool:
    """Whether a line opens a sentence after one that ended its point: a period, then a
    capitalised function word (a German noun after "ggf." goes on with the point)."""
    words = line.text.split(maxsplit=1)
    return previous.text.rstrip().endswith(".") and bool(words) and \
        line.text[:1].isupper() and words[0].lower() in function_words(lang.code)


class _LabelHistory:
    """Labels seen so far. A list starts at 1 (a, I), or goes on from an earlier label of
    its kind; a "label" that does neither is a number that happens to start a line."""

    def __init__(self) -> None:
        self._seen: dict[str, set[tuple[int, ...]]] = {}

    def plausible(self, block: Block) -> bool:
        marker = block.marker
        if marker is None or marker.kind != "label":
            return True
        key = marker.path if marker.style == "dotted" else (marker.value or 0,)
        if block.lines[0].hint is not None:
            # the format marked the line; what it numbers counts for the lines after it
            # ("<p>1. ...<br>2. ...</p>": only the paragraph's first line has a hint)
            self._seen.setdefault(marker.style, set()).add(key)
            return True
        previous = (*key[:-1], key[-1] - 1)
        roman = as_roman(marker)
        if roman is not None and previous not in self._seen.get(marker.style, ()):
            # "i)" with no "h)" before it opens a roman list: i), ii), iii)
            block.marker = marker = roman
            key, previous = (1,), (0,)
        seen = self._seen.setdefault(marker.style, set())
        ok = key[-1] <= 1 or previous in seen or (marker.style == "dotted"
                                                   and (key[0],) in self._seen.get("arabic.", ()))
        if ok or block.kind == "heading":
            seen.add(key)
        return ok or block.kind == "heading"


def _classify(line: Line, lang: Language) -> Block | None:
    """The block a line opens by itself (heading, item, rule, closing), or None if it is
    running text that may continue the block before it."""
    if line.rule:
        return Block("rule", [line])
    hint = line.hint
    if hint is not None and hint.kind == "heading":
        return Block("heading", [line], marker=parse_marker(line.text, lang),
                     level=hint.level or 1, indent=line.indent)
    if hint is not None and hint.kind == "item":
        marker = parse_marker(line.text, lang) or Marker("bullet", hint.marker or "•",
                                                         hint.marker or "•", None, None, 0)
        return Block("item", [line], marker=marker, level=hint.level, indent=hint.level * 4)
    if line.heading_level:
        return Block("heading", [line], marker=parse_marker(line.text, lang),
                     level=line.heading_level, indent=line.indent)
    if line.bold and len(line.text) <= 150:
        marker = parse_marker(line.text, lang)
        if marker is None or marker.kind == "label":
            return Block("heading", [line], marker=marker, level=_BOLD_LEVEL, indent=line.indent)
    marker = parse_marker(line.text, lang)
    if marker is not None:
        return Block("item", [line], marker=marker, indent=line.indent)
    if any(pattern.search(line.text) for pattern in lang.closing_lines):
        return Block("closing", [line], indent=line.indent)
    if any(pattern.match(line.text) for pattern in lang.salutations):
        # "Liebe Frau X,": a line of its own, not the start of the letter's first sentence
        return Block("para", [line], indent=line.indent, closed=True)
    if _is_known_section_name(line.text, lang) and not (hint is not None and hint.in_table):
        # a table's "Forderung" column header heads no part of the document
        return Block("heading", [line], level=_PLAIN_LEVEL, indent=line.indent)
    if hint is not None and hint.kind == "para":
        return Block("para", [line], indent=line.indent)
    return None


def _list_table_rows(blocks: list[Block], lang: Language) -> None:
    """The rows of a table that a lead-in announces ("Unsere Forderungen:" + a table) or
    whose header names what they are ("Forderung | Adressat", "Eis | Aan wie") as the
    points of a list, as if they were one: the row's first cell is the point, its other
    cells go on in it. Other tables (figures, timetables) stay cells."""
    start = 0
    numbers: list[Block] = []
    while start < len(blocks):
        if _cell_row(blocks[start]) == 0:
            start += 1
            continue
        end = start + 1
        # one table: cells whose row numbers count on (a new table starts at row 1 again)
        while end < len(blocks) and _cell_row(blocks[end]) >= _cell_row(blocks[end - 1]) > 0:
            end += 1
        numbers += _list_rows(blocks, start, end, lang)
        start = end
    if numbers:
        blocks[:] = [block for block in blocks if all(block is not n for n in numbers)]


def _cell_row(block: Block) -> int:
    hint = block.lines[0].hint
    return hint.row if hint is not None and block.kind == "para" else 0


def _list_rows(blocks: list[Block], start: int, end: int, lang: Language) -> list[Block]:
    """Lists the table's rows as points (see `_list_table_rows`); returns the cells of a
    column that only numbers the rows ("Nr." | "Wat we vragen" | "Aan wie"), whose
    numbers became the points' labels."""
    rows: list[list[Block]] = []
    for block in blocks[start:end]:
        if rows and _cell_row(rows[-1][0]) == _cell_row(block):
            rows[-1].append(block)
        else:
            rows.append([block])
    head = rows[0] if all(cell.lines[0].hint.header for cell in rows[0]) or any(
        column_role(cell.text(lang).text, lang) for cell in rows[0]) else None
    names_demands = head is not None and any(
        column_role(cell.text(lang).text, lang) == "demand" for cell in head)
    before = blocks[start - 1] if start > 0 else None
    announced = before is not None and (
        before.text(lang).text.rstrip().endswith(":")
        or (before.kind == "heading"
            and has_heading_cue(before.text(lang).text.lower(), lang.demand_headings)))
    data = rows[1:] if head is not None else rows
    if not data or not (names_demands or announced):
        return []
    labels = _row_labels(data, lang)
    numbers = [row[0] for row in ([head] if head is not None else []) + data] if labels else []
    if labels:
        data = [row[1:] for row in data]
        head = head[1:] if head is not None else None
    for cell in head or ():
        cell.column_head = True
    for number, row in enumerate(data):
        row[0].kind = "item"
        row[0].marker = labels[number] if labels else _ROW_MARKER
        row[0].indent = 0
        for cell in row[1:]:
            cell.indent = _CELL_INDENT
            cell.blank_before = False
    return numbers


def _row_labels(rows: list[list[Block]], lang: Language) -> list[Marker]:
    """The labels of rows whose first cell only numbers them ("1", "2." ...), counting
    on from the first; none unless every row has such a cell and more cells after it."""
    labels = []
    for row in rows:
        text = row[0].text(lang).text
        marker = parse_marker(text if text[-1:] in ".)" else text + ".", lang) \
            if len(row) > 1 and len(text) <= _MAX_ROW_LABEL else None
        if marker is None or marker.kind != "label" or marker.length < len(text) or (
                labels and not continues(marker, labels[-1])):
            return []
        labels.append(replace(marker, length=0))
    return labels


def _is_known_section_name(text: str, lang: Language) -> bool:
    """"Begründung", "Toelichting", "Forderungen": a line that is only a section name."""
    name = text.strip().rstrip(":").strip().lower()
    return bool(name) and (name in lang.excluded_headings or name in lang.demand_headings)


def clause_openers(lang: Language) -> frozenset[str]:
    """First words that open a new clause line in motions ("overwegende", "verzoekt")."""
    return _clause_openers(lang.code)


@cache
def _clause_openers(code: str) -> frozenset[str]:
    from demandx.lang import load_language

    lang = load_language(code)
    words = set()
    for cue in lang.consideration_cues:
        first = cue.split()[0]
        if not first.startswith(("@", "_", "^", "/")):
            words.add(first.lower())
    for name in ("request_verbs", "particle_verbs", "speak_verbs"):
        words |= set(lang.words.get(name, ()))
    return frozenset(words)


# the marker of an item whose marker text extraction lost, known by its hanging lines
_LOST_MARKER = Marker("bullet", "", "hanging", None, None, 0)


def _back_from_hanging(block: Block, line: Line) -> bool:
    """Whether `line` goes back to the margin of a paragraph whose other lines all hang
    deeper, as an item of a list whose markers text extraction lost does ("Erhöhung der
    Tabellenentgelte um 12 Prozent, mindestens" + "  monatlich, ..." + "Anhebung der
    ..."): it opens the next item."""
    first, rest = block.lines[0], block.lines[1:]
    return bool(rest) and _flush_with(block, line) and \
        len({other.indent for other in rest}) == 1 and rest[0].indent > first.indent \
        and not block.lines[-1].text.endswith("-")


def _flush_with(block: Block, line: Line) -> bool:
    return line.indent == block.lines[0].indent


def _hangs_under(block: Block, line: Line) -> bool:
    """Whether `line` goes on with a list item at the column its text starts at, a
    sentence not yet ended ("1) Stel een aparte opvang" + "   in voor jongeren."): the
    hanging indent says it is the item's, whatever word it opens with."""
    first = block.lines[0]
    return block.kind == "item" and block.marker is not None and first.hint is None \
        and line.indent > first.indent and line.indent == first.indent + block.marker.length \
        and block.lines[-1].text[-1:] not in _TERMINAL


# a sentence's end with its footnote number glued on: "... zu halbieren.“1", "im Jahr.2"
_GLUED_NOTE = re.compile(r"[.!?][\"'“”»’)]*\d{1,2}$")


def _auxiliaries(lang: Language) -> frozenset[str]:
    """Finite verbs whose participle completes them: "Der Gemeinderat wird" + "aufgefordert,
    ..." on the next line is one clause, though the participle opens a call line."""
    return lang.words.get("passive_aux", frozenset()) | lang.words.get("have_aux", frozenset())


def _continues(previous: Line, line: Line, wrapped: bool, width: int,
               openers: frozenset[str], auxiliaries: frozenset[str] = frozenset(),
               lang: Language | None = None) -> bool:
    """Whether `line` continues the text of `previous` (no blank line between)."""
    before = previous.text
    if previous.hard_break:
        return True
    if len(before) >= 2 and before[-1] in "-\u00ad" and before[-2].isalpha():
        return True
    if lang is not None and is_date_line(line.text, lang) and \
            before.rsplit(None, 1)[-1].lower() not in function_words(lang.code):
        # a headline over its date: "Langstudeerboete definitief van tafel halen" +
        # "3 september 2024" (not a date a sentence goes on to: "endet am" + "3. Mai")
        return False
    if previous.soft_break:
        return True
    first_word = line.text.split(maxsplit=1)[0].lower().strip(",;:")
    if wrapped and before[-1] in ";:" and first_word in openers:
        # "– het algemeen bestuur ... te informeren;" + "verzoekt de dijkgraaf": a motion's
        # next clause, though the lines are wrapped
        return False
    if wrapped:
        # a line that ends well short of the width where the next line's first word
        # would have fit was broken by its author, not by the wrapping: a headline over
        # its teaser ("VSBT fordert bessere Ausstattung der Schulen" + "Zum Ende des
        # Schuljahres ..."), a sentence's end
        # (short of both the text's width and the next line's own length, which shows
        # the width where the text's lines differ: a PDF's columns and fonts)
        fitted = len(before) + 1 + len(line.text.split(maxsplit=1)[0])
        broken = fitted < _AUTHOR_BREAK * min(width, len(line.text.rstrip())) \
            and line.text[:1].isupper()
        return not broken and not (before[-1] in _TERMINAL and len(before) < 0.75 * width)
    if first_word in openers and before.rsplit(None, 1)[-1].lower() not in auxiliaries:
        return False
    if before[-1] in _TERMINAL or _GLUED_NOTE.search(before):
        return False
    first = line.text[0]
    return first.islower() or first.isdigit() or first in ",;)(«„“\"'"


_SUBHEAD_WORDS = 4        # the most words of a news text's subhead ("Taakuren")
_SUBHEAD_CHARS = 40
_PROSE_LINE_CHARS = 50    # the least a line of the paragraph under it holds


def _split_glued_subheads(blocks: list[Block]) -> list[Block]:
    """A news text's subhead on the line right above its paragraph ("Taakuren" + "De
    bonden eisen daarom ..."): a short capitalised line without final punctuation over a
    line of prose that opens a sentence is a heading, not the paragraph's first words."""
    out: list[Block] = []
    for block in blocks:
        if block.kind == "para" and len(block.lines) >= 2 and not block.closed and \
                _is_subhead(block.lines[0].text, block.lines[1].text):
            # a level below a heading standing alone: "Begründung" + its subheads
            out.append(Block("heading", block.lines[:1], level=_PLAIN_LEVEL + 1,
                             indent=block.indent, blank_before=block.blank_before))
            out.append(Block("para", block.lines[1:], indent=block.indent, blank_before=False,
                             blank_after=block.blank_after))
            continue
        out.append(block)
    return out


def _is_subhead(first: str, second: str) -> bool:
    first, second = first.strip(), second.strip()
    return _few_words(first) and first[:1].isupper() and first[-1] not in _TERMINAL + ",:;" and \
        len(second) >= _PROSE_LINE_CHARS and (second[:1].isupper() or second[:1] in _QUOTES_OPEN)


def _few_words(text: str) -> bool:
    """As few words as a subhead holds ("Taakuren", "Zulagen und Entlastung")."""
    return 0 < len(text.split()) <= _SUBHEAD_WORDS and len(text) <= _SUBHEAD_CHARS


def _promote_plain_headings(blocks: list[Block], lang: Language, wrapped: bool) -> list[Block]:
    """A short line standing alone, without final punctuation, is a heading in plain text."""
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind != "para" or len(block.lines) != 1 or block.closed or not (
                block.blank_before or _subhead_of_list(blocks, index, lang)):
            continue  # (a salutation without its comma, "Sehr geehrter Bundesrat", greets)
        if block.column_head or (block.lines[0].hint is not None and block.lines[0].hint.cell):
            continue  # a table's cells hold its data: "Demand | Deadline" heads no part
        if following is None and index > 0 and _calls(block.text(lang).text, lang):
            # the last line heads nothing: a call there is a sentence cut off ("Die
            # Konferenz appelliert daher an Schulen und Bildungsverwaltungen")
            continue
        alone = block.blank_after or following is None or following.kind in ("heading", "item",
                                                                             "rule")
        text = block.text(lang).text
        if following is not None and following.kind == "item" and \
                (_ends_in_lower_word(text) or _calls(text, lang)) and \
                not _is_known_section_name(text, lang) and \
                not has_heading_cue(text.lower(), lang.demand_headings):
            # "X, Y en Z vertegenwoordigen samen" + list, "Der Magistrat wird gebeten in der
            # Scharnhorststraße" + list: a lead-in, not a heading; but "Onze opdracht aan
            # de provincie" heads its list whatever its last word
            continue
        if alone and looks_like_heading(text) and not (wrapped and following
                                                         and following.kind == "para"):
            block.kind = "heading"
            block.level = _PLAIN_LEVEL
    return blocks


def _subhead_of_list(blocks: list[Block], index: int, lang: Language) -> bool:
    """Whether a line without a blank before it is the subhead of the points after it, as
    text taken from a PDF has no blank lines ("Wir fordern:" + "Entgelt" + "(1) ..." +
    "(3) ...;" + "Arbeitszeit" + "(4) ..."): a few words standing between a line that
    ended its sentence or point and a numbered point."""
    if index == 0 or index + 1 >= len(blocks):
        return False
    following = blocks[index + 1]
    return following.kind == "item" and following.marker is not None and \
        following.marker.kind == "label" and \
        blocks[index - 1].lines[-1].text.rstrip()[-1:] in _TERMINAL and \
        _few_words(blocks[index].text(lang).text)


def _calls(text: str, lang: Language) -> bool:
    """Whether a line holds a call verb (a cheap look, without spaCy)."""
    regex = call_regex(lang.code)
    return regex is not None and regex.search(text) is not None


@cache
def call_regex(code: str) -> re.Pattern[str] | None:
    """A regex that finds every text where one of the language's request verbs could
    match (compiled once per language and process)."""
    from demandx.lang import load_language
    from demandx.patterns import prefilter_regex

    return prefilter_regex(list(load_language(code).triggers["request"]), load_language(code))


def _ends_in_lower_word(text: str) -> bool:
    words = re.findall(r"[^\W\d_]+", text)
    return bool(words) and words[-1].islower()


def looks_like_heading(text: str) -> bool:
    """Short, capitalised, and not ending like a sentence: the shape of a heading. A
    sentence in brackets is an editor's note ("(Es gilt das gesprochene Wort.)", "(Der
    vollständige Katalog steht unten zum Download bereit.)")."""
    words = text.split()
    if text.startswith("(") and text.endswith(")") and text[-2:-1] in _TERMINAL:
        return False
    return (0 < len(words) <= 14 and len(text) <= 110 and text[-1] not in _TERMINAL + ","
            and (text[0].isupper() or text[0].isdigit() or text[0] in _QUOTES_OPEN)
            and not text.endswith(("-", "–")))


def _merge_broken_paragraphs(blocks: list[Block], lang: Language) -> list[Block]:
    """Join text split by a blank line in mid-sentence: a paragraph or point that ends
    without punctuation, followed by a paragraph that starts in lower case (or, after a
    numbered title, with a short quoted continuation: "1. Opschalen naar een nationale" +
    "“De Mens als Sleutel” agenda met")."""
    merged: list[Block] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        # ... and a call set as a heading whose sentence the paragraph goes on with
        # ("## Dragen Gedeputeerde Staten op" + "bij de aanbesteding ... op te nemen;")
        if previous is not None and block.kind == "para" and block.blank_before and (
                previous.kind in ("para", "item") or (
                    previous.kind == "heading" and _calls(previous.text(lang).text, lang))) and \
                not _other_cell(previous.lines[-1], block.lines[0]) and \
                _ends_open(previous, lang) and \
                _continues_after_blank(previous, block, lang):
            if previous.kind == "heading":
                previous.kind, previous.level = "para", 0
            previous.lines.extend(block.lines)
            previous.blank_after = block.blank_after
            previous._text = None
            continue
        merged.append(block)
    return merged


def _other_cell(previous: Line, line: Line) -> bool:
    """Whether two lines stand in different cells of a table, whose text never runs on
    from one cell into the next ("Adressat" + "bis" are two column headers)."""
    a, b = previous.hint, line.hint
    return a is not None and b is not None and a.in_table and b.in_table \
        and (a.row, a.column) != (b.row, b.column)


def _ends_open(block: Block, lang: Language) -> bool:
    # a block's text ends as its last line does: read that line alone, not the whole
    # text again after every merge (which made a run of merges quadratic)
    text = block.lines[-1].text if len(block.lines) > 1 else block.text(lang).text
    return bool(text) and text[-1] not in _TERMINAL + ",\"”“»)"


def _continues_after_blank(previous: Block, block: Block, lang: Language) -> bool:
    text = block.text(lang).text
    if not text:
        return False
    if text[0].islower():
        return True
    short = len(block.lines) == 1 and len(text) <= 60
    # (not after a numbered title that names the demands, which is whole: "3. Onze eisen"
    # + "Aan de Vlaamse Regering:" + its points)
    return (previous.kind == "item" and previous.marker is not None
            and previous.marker.kind == "label" and short
            and (text[0] in _QUOTES_OPEN or text.endswith(":"))
            and not has_heading_cue(previous.text(lang).text.lower(), lang.demand_headings))


def _find_title(blocks: list[Block], lang: Language,
                title_hint: str | None) -> tuple[str | None, list[Block]]:
    """The document's title, and the blocks without later repetitions of it (web pages
    and press releases often print their headline twice)."""
    from demandx.titles import LETTER_BLOCKS, Opening, pick

    title = pick(title_hint, [
        Opening(block.kind, len(block.lines), block.first_line.text,
                lambda block=block: block.text(lang).text)
        for block in blocks[:LETTER_BLOCKS]])
    if title is None:
        return None, blocks
    key = plain(title)
    seen = False
    kept = []
    for index, block in enumerate(blocks):
        if block.kind in ("heading", "para") and plain(block.text(lang).text) == key \
                and index < 40:
            if seen:
                continue
            seen = True
        kept.append(block)
    return title, kept


def _mark_nested_bullets(blocks: list[Block], lang: Language) -> None:
    """Decide, for each bullet indented deeper than an earlier bullet with the same glyph,
    whether it nests under it (see the module docstring)."""
    region: list[int] = []
    for index, block in enumerate(blocks):
        if block.kind == "item":
            region.append(index)
            continue
        if block.kind in ("heading", "rule", "closing") or \
                (block.kind == "para" and block.blank_before and block.indent == 0):
            _mark_region(blocks, region, lang)
            region = []
    _mark_region(blocks, region, lang)


def _mark_region(blocks: list[Block], region: list[int], lang: Language) -> None:
    for position, index in enumerate(region):
        block = blocks[index]
        if block.marker is None or block.marker.kind != "bullet":
            continue
        glyph = block.marker.style
        shallower = None
        for earlier in reversed(region[:position]):
            other = blocks[earlier]
            if other.marker and other.marker.style == glyph and other.indent < block.indent:
                shallower = other
                break
        if shallower is None:
            continue
        if block.lines[0].hint is not None:
            block.nested = True  # the format said how deep the item is (HTML, Word)
            continue
        introduces = shallower.text(lang).text.endswith(":")
        returns = any(
            blocks[later].marker and blocks[later].marker.style == glyph
            and blocks[later].indent <= shallower.indent and blocks[later].text(lang).text
            for later in region[position + 1:]
        )
        block.nested = introduces or returns




def column_role(header: str, lang: Language) -> str | None:
    """What a table column's header says its cells are: "demand" (a header that names
    the demands: "Forderung", "Eis"), "addressee" (one that names or asks who acts:
    "Adressat", "Aan wie", "Who can make it happen"), else None."""
    name = plain(header).rstrip(": ")
    if name in lang.demand_columns:
        return "demand"
    words = name.split()
    if any(words[:len(cue.split())] == cue.split() for cue in lang.addressee_columns):
        return "addressee"
    return None


def has_heading_cue(lower_heading: str, cues: tuple[str, ...]) -> bool:
    """Whether a heading contains a cue: a phrase, a whole word, or the first part of a
    compound ("Forderungskatalog"). A cue at the end of a longer word does not count:
    "Herausforderungen" holds no "Forderungen" (compounds a list names as cues, such as
    "Kernforderungen", are whole words)."""
    phrases, whole, prefixes, anywhere = _cue_kinds(cues)
    if not anywhere.search(lower_heading):
        return False  # each test below finds a cue inside the heading: most hold none
    if any(phrase in lower_heading for phrase in phrases):
        return True
    words = [w.strip(".,:;!?()\"'„“”*") for w in lower_heading.split()]
    # the last part of a hyphenated compound is a whole word: "Cao-eisen",
    # "Tarif-Forderungen"
    return any(w in whole or w.startswith(prefixes) or w.rpartition("-")[2] in whole
               for w in words)


@cache
def _cue_kinds(cues: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...],
                                             re.Pattern[str]]:
    """A language's cues sorted once into phrases, whole words and compound openings
    (a cue of six letters or more also opens a compound), and a regex that finds any of
    them in a text (one scan, where testing each cue in turn took longer)."""
    phrases = tuple(cue for cue in cues if " " in cue)
    words = [cue for cue in cues if " " not in cue]
    anywhere = re.compile("|".join(map(re.escape, sorted(set(cues)))))
    return phrases, frozenset(words), tuple(cue for cue in words if len(cue) >= 6), \
        anywhere
