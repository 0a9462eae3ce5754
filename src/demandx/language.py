"""Which language a document is in: counts of each language's frequent function words."""

from __future__ import annotations

import re
from functools import lru_cache

from demandx.lang import available_languages, load_language

_WORD = re.compile(r"[^\W\d_]+")
# Function words are frequent: a few thousand characters hold plenty of them.
_SAMPLE_CHARS = 6_000
_MIN_HITS = 2


@lru_cache(maxsize=1)
def _votes() -> tuple[tuple[str, ...], dict[str, tuple[int, ...]]]:
    """The languages, and for each function word the indices of the languages it votes for."""
    codes = tuple(available_languages())
    votes: dict[str, list[int]] = {}
    for index, code in enumerate(codes):
        for word in load_language(code).detect_words:
            votes.setdefault(word, []).append(index)
    return codes, {word: tuple(indices) for word, indices in votes.items()}


def detect_language(text: str) -> str | None:
    """The code of the language most of the text's function words belong to, or None
    when the text has too few of them (empty, numbers only, another language)."""
    codes, votes = _votes()
    scores = [0] * len(codes)
    for word in _WORD.findall(text[:_SAMPLE_CHARS]):
        for index in votes.get(word.lower(), ()):
            scores[index] += 1
    best = max(range(len(codes)), key=lambda index: (scores[index], -index))
    return codes[best] if scores[best] >= _MIN_HITS else None
