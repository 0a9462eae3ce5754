"""Which language a document is in: counts of each language's frequent function words."""

from __future__ import annotations

import re
from collections import Counter

from demandx.lang import available_languages, load_language

_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 20_000


def detect_language(text: str) -> str | None:
    """The code of the language most of the text's function words belong to, or None
    when the text has none of them (empty, numbers only, another language)."""
    words = Counter(w.lower() for w in _WORD.findall(text[:_SAMPLE_CHARS]))
    if not words:
        return None
    scores = {}
    for code in available_languages():
        detect = load_language(code).detect_words
        scores[code] = sum(count for word, count in words.items() if word in detect)
    best = max(sorted(scores), key=lambda code: scores[code])
    return best if scores[best] >= 2 else None
