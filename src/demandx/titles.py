"""Which opening line of a document is its title: a heading, never a salutation
("Liebe Bürgerinnen und Bürger,"), a skip link ("Skip to main content"), a date line
("April 2022", "Vergaderjaar 2024-2025"), a contact line or a lone word ("We").

A title given by the format (HTML `<title>`, PDF or Word metadata, front matter) is taken
when it passes the same checks; otherwise the first heading among the opening blocks, or
the first short paragraph before the text starts. The navigation and salutation phrases
are data (lang/titles.yaml); the other rules hold in every language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources

import yaml

# A year, or a day-month-year date in numbers: 2024, 2024-2025, 02.03.2026, 2026-03-02.
_DATE = re.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b")
# a word of five letters or more ends a sentence and a capital starts the next
# ("getroffen. Nach"); abbreviations ("Oö. Landtag", "Nr. 5") are shorter
_SENTENCE_BREAK = re.compile(r"[^\W\d_]{5,}[.!?] +[^\W\d_]")
_CONTACT = re.compile(r"\S+@\S+\.\w+|https?://|www\.\S+\.\w+", re.IGNORECASE)
_EDGES = " \t.:;!?·•|-–—#*_\"'„“”»«"
# a date line may hold a few words besides its numbers ("Published: Tuesday 7 February
# 2023", "date 2026-03-02 ECONOMIE"); a title with a year has more ("Resolution des
# Industriegipfels am 3. Juli 2026")
_DATE_LINE_WORDS = 3
_MAX_TITLE = 150
_MAX_SALUTATION_WORDS = 6
# a paragraph rejected for these is the document's text, not furniture above the title
_TEXT_BEGUN = ("too long", "more than one sentence", "salutation", "addresses the reader")
# how many opening blocks a title is looked for in; a letter's subject line may stand
# below its letterhead, addresses and date, right above the salutation
OPENING_BLOCKS = 8
LETTER_BLOCKS = 16


@lru_cache(maxsize=1)
def _phrases() -> tuple[frozenset[str], re.Pattern[str], frozenset[str]]:
    text = resources.files("demandx.lang").joinpath("titles.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}

    def merged(key: str) -> set[str]:
        return {phrase.lower() for phrases in (data.get(key) or {}).values()
                for phrase in phrases}

    salutations = sorted(merged("salutations"), key=len, reverse=True)
    opening = re.compile("(?:" + "|".join(map(re.escape, salutations)) + r")(?:\W|$)")
    return frozenset(merged("navigation")), opening, frozenset(merged("date_words"))


def _salutation(core: str) -> bool:
    """Whether a line (stripped, lower-case) opens a letter: "sehr geehrte frau ..."."""
    return len(core.split(None, _MAX_SALUTATION_WORDS)) <= _MAX_SALUTATION_WORDS and bool(
        _phrases()[1].match(core))


def rejects(text: str, heading: bool = False) -> str | None:
    """Why a line cannot be a document's title, or None when it can.

    Args:
        text: the line, as the reader sees it.
        heading: the format marks it as a heading; a heading may be one word or a year
            with a few words ("Wahlprogramm 2025"), a paragraph may not; a heading of
            numbers and date words ("April 2022") is still a date line.
    """
    if len(text) > 4 * _MAX_TITLE:  # a paragraph: not worth normalising to say so
        return "too long"
    line = " ".join(text.split())
    core = line.strip(_EDGES).lower()
    if not core:
        return "empty"
    navigation, _opening, date_words = _phrases()
    if core in navigation:
        return "navigation"
    words = core.split()
    if _salutation(core):
        return "salutation"
    if line.endswith(","):  # "Liebe Kolleginnen und Kollegen,", "De Kamer,"
        return "addresses the reader"
    if line.startswith("---") or line.rstrip().endswith(":"):
        return "metadata or lead-in"
    if _CONTACT.search(line):
        return "contact line"
    if len(line) > _MAX_TITLE:
        return "too long"
    plain_words = [w.strip(_EDGES + ",") for w in words if not any(c.isdigit() for c in w)]
    if _DATE.search(line) and len(plain_words) < len(words) and (
            all(w in date_words for w in plain_words)
            or (not heading and len(plain_words) <= _DATE_LINE_WORDS)):
        return "date line"
    if _SENTENCE_BREAK.search(line):
        return "more than one sentence"
    if not heading and len(words) == 1 and (len(core) <= 3 or core.islower()):
        return "a lone word"
    return None


@dataclass
class Opening:
    """One of a document's first blocks, as title picking needs it. Its whole text is
    asked for only when it may be the title (joining a block's lines has a cost)."""

    kind: str                      # "heading", "para", or another, where the text has begun
    lines: int
    first_line: str
    whole: Callable[[], str]

    @cached_property
    def text(self) -> str:
        return self.whole()


def pick(hint: str | None, opening: Sequence[Opening | tuple[str, str, int]]) -> str | None:
    """The title of a document.

    Args:
        hint: the title the format gave (metadata, `<title>`, front matter), if any.
        opening: the first blocks, as `Opening`s or (kind, text, number of lines).

    Returns:
        The hint when it passes `rejects`; else a letter's subject line (right above its
        salutation); else the first heading or short one-line paragraph among the
        opening blocks that passes it, before the text begins.
    """
    if hint and not rejects(hint, heading=True) and not _lone_lower_word(hint):
        return " ".join(hint.split())
    blocks = [block if isinstance(block, Opening) else _opening(*block)
              for block in opening[:LETTER_BLOCKS]]
    subject = _subject_line(blocks)
    if subject is not None:
        return subject
    for block in blocks[:OPENING_BLOCKS]:
        kind = block.kind
        if kind not in ("heading", "para") or (kind == "para" and block.lines > 1):
            break  # the text has begun: a title stands above it
        reason = rejects(block.text, heading=kind == "heading")
        if reason is None:
            return block.text
        if reason in _TEXT_BEGUN:
            break
    return None


def _opening(kind: str, text: str, lines: int) -> Opening:
    return Opening(kind, lines, text.partition("\n")[0], lambda: text)


def _subject_line(opening: list[Opening]) -> str | None:
    """A letter's subject: the one-line paragraph or heading right above its salutation."""
    for index, block in enumerate(opening):
        if _salutation(block.first_line[:_MAX_TITLE].strip(_EDGES).lower()):
            if index == 0:
                return None
            above = opening[index - 1]
            if above.kind in ("heading", "para") and above.lines == 1 \
                    and not rejects(above.text):
                return above.text
            return None
    return None


def _lone_lower_word(text: str) -> bool:
    """A metadata title of one lower-case word ("sigel", "untitled") names a template or
    file, not the document."""
    words = text.split()
    return len(words) == 1 and words[0].islower()
