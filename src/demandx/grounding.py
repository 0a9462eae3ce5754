"""The grounding invariant: a demand's span covers its words as the document has them.

`text[span.start:span.end]` (in the text `demandx text` prints) holds the demand's title
and text, letters and digits in order: cleaning only ever removes characters (markup,
hyphens at line ends, page furniture, margin letters), so what the record says can be
checked against the source.
"""

from __future__ import annotations

from demandx.evaluate import reduce
from demandx.model import Document


def is_subsequence(needle: str, haystack: str) -> bool:
    """Whether the characters of `needle` appear in `haystack` in order."""
    position = 0
    for char in needle:
        position = haystack.find(char, position)
        if position < 0:
            return False
        position += 1
    return True


def grounding_problems(document: Document, text: str) -> list[str]:
    """Demands whose span does not hold their words, does not start where their words
    start, lies outside the text, or has the wrong start line. Empty when all is well."""
    problems = []
    for demand in document.all_demands():
        span = demand.span
        source = text[span.start:span.end]
        words = reduce((demand.title or "") + demand.text)
        if not 0 <= span.start <= span.end <= len(text):
            problems.append(f"{demand.id}: span {span} outside the text")
        elif not is_subsequence(words, reduce(source)):
            problems.append(f"{demand.id}: {demand.text[:60]!r} not in {source[:80]!r}")
        elif words and not reduce(source).startswith(words[:1]):
            problems.append(f"{demand.id}: span starts before its words: {source[:40]!r}")
        lines = text[:span.start].count("\n") + 1
        if span.start_line != lines:
            problems.append(f"{demand.id}: start_line {span.start_line}, expected {lines}")
    return problems
