"""Date lines: the date a press release or a news item carries under its headline
("26. November 2024", "18 september 2024 | Prinsjesdag", "Pressemitteilung · 14.03.2025").
A line that is one is a line of its own, and the line above it is a headline."""

from __future__ import annotations

import re

from demandx.lang import Language

_NUMERIC_DATE = re.compile(r"(?<!\d)\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?!\d)")
_WORD = re.compile(r"[^\W_]+")
_MAX_OTHER_WORDS = 3   # besides the date: "Pressemitteilung", "| Prinsjesdag", "by Jane Roe"
_MAX_CHARS = 80        # a date and three words beside it, however long ("Pressemitteilung")
_FIGURE = re.compile(r"\d")


def is_date_line(text: str, lang: Language) -> bool:
    """Whether a line is a date, with at most a few words beside it."""
    # (most lines have no figure or run longer than a date and its few words: they are
    # told by a glance, as every line of every document is asked)
    if len(text) > _MAX_CHARS or not _FIGURE.search(text):
        return False
    words = [word.lower() for word in _WORD.findall(text)]
    date_words = 0
    if _NUMERIC_DATE.search(text):
        date_words = 3
    else:
        for index, word in enumerate(words):
            # a month's name next to a number: "3 september 2024", "Sep 18, 2023"
            if word in lang.months and any(
                    0 <= other < len(words) and words[other].isdigit()
                    for other in (index - 1, index + 1)):
                date_words = 1 + sum(1 for other in (index - 1, index + 1, index + 2)
                                     if 0 <= other < len(words) and words[other].isdigit())
                break
    return date_words > 0 and len(words) - date_words <= _MAX_OTHER_WORDS
