"""Text and Markdown leftovers of how a document was stored, put right without moving
any character (each is replaced by whitespace of the same length), so that offsets and
page starts stay as they are."""

from __future__ import annotations

import re

# A page store's date stamp in front of the first line ("date 2018-05 Der Deutsche
# Gewerkschaftsbund ..."): metadata, not the document's first words.
_STORE_DATE = re.compile(r"\A[ \t]*date[ \t]+\d{4}-\d\d(?:-\d\d)?(?:[ \t]+|(?=\n)|\Z)")
# A Markdown heading that lost its line break and runs on after a sentence
# ("... eine Perspektive haben. # 4.4 Jede Begabung zählt"): the break is put back.
_RUN_ON_HEADING = re.compile(r"(?<=[.!?:]) (?=#{1,6} \S)")


def tidy(text: str, fmt: str) -> str:
    """The text with stored leftovers blanked; the same length, line for line."""
    found = _STORE_DATE.match(text)
    if found:
        text = " " * found.end() + text[found.end():]
    if fmt == "markdown" and "# " in text:
        text = _RUN_ON_HEADING.sub("\n", text)
    return text
