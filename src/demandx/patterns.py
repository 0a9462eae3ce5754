"""Compile the pattern strings of the language files (syntax: demandx/lang/__init__.py)
into spaCy `Matcher` patterns, and into one cheap regular expression per pattern set
that finds the text worth giving to spaCy at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from demandx.lang import Language

# Noun phrases are written into the Doc's entity annotation before the addressee
# patterns run (by demandx.addressees.mark_phrases), labelled with what they are; the
# Matcher then reads the native ENT_IOB/ENT_TYPE attributes, which is many times faster
# than custom token extensions. The pipelines demandx loads have no entity recogniser.
SUBJECT = "DX_SUBJECT"     # an actor in the nominative: "die Regierung (muss)"
ACTOR = "DX_ACTOR"         # an actor in another case: "(fordert) die Regierung (auf)"
PHRASE = "DX_NP"           # any other noun phrase
_SLOT_TYPES = {"NP": [SUBJECT, ACTOR, PHRASE], "ACTOR": [SUBJECT, ACTOR], "SUBJECT": [SUBJECT]}
_CLAUSE_PUNCT = [",", ";", ":"]
_OPERATOR = re.compile(r"^(?P<body>.+?)(?P<op>\?|\*|\+|\{\d*,\d*\})?$")
# In the prefilter, a separator and a word never share a character: otherwise a run of
# punctuation could be split between them in exponentially many ways (found by fuzzing).
_SEPARATOR = r"[\s,;:()\"'„“”«»]+"
_ANY_WORD = r"[^\s,;:()\"'„“”«»]+"


@dataclass(frozen=True)
class Compiled:
    """One pattern string as Matcher patterns. `slots[i]` is the slot name ("NP", ...) of
    element i of the token pattern, or None; several variants come from a leading ^."""

    source: str
    variants: tuple[tuple[list[dict[str, Any]], tuple[str | None, ...]], ...]


def compile_pattern(pattern: str, lang: Language) -> Compiled:
    """Turn one pattern string into Matcher token patterns with their slot positions."""
    elements = pattern.split()
    anchored = bool(elements) and elements[0] == "^"
    if anchored:
        elements = elements[1:]
    tokens: list[dict[str, Any]] = []
    slots: list[str | None] = []
    for element in elements:
        match = _OPERATOR.match(element)
        assert match is not None
        body, op = match.group("body"), match.group("op")
        if body in _SLOT_TYPES:
            # A phrase is its first token plus the tokens inside it, so two phrases in a
            # row stay two phrases.
            start: dict[str, Any] = {"ENT_IOB": "B", "ENT_TYPE": {"IN": _SLOT_TYPES[body]}}
            inside: dict[str, Any] = {"ENT_IOB": "I", "OP": "*"}
            if op:
                raise ValueError(f"{pattern!r}: a phrase slot takes no operator")
            tokens += [start, inside]
            slots += [body, body]
            continue
        spec = _token_spec(body, lang)
        if op:
            spec["OP"] = op
        tokens.append(spec)
        slots.append(None)
    if not anchored:
        return Compiled(pattern, ((tokens, tuple(slots)),))
    at_start = [dict(tokens[0], IS_SENT_START=True), *tokens[1:]]
    # one variant per punctuation mark: a plain ORTH test is native to the Matcher,
    # an IN list is a Python call for every token
    after_punct = tuple(([{"ORTH": mark}, *tokens], (None, *slots)) for mark in _CLAUSE_PUNCT)
    # ", und der Bund muss ...": a clause opened by a comma and a coordinator
    after_joiner = [{"ORTH": ","}, {"LOWER": {"IN": sorted(lang.coordinators)}}, *tokens]
    return Compiled(
        pattern,
        ((at_start, tuple(slots)), *after_punct, (after_joiner, (None, None, *slots))),
    )


def _token_spec(body: str, lang: Language) -> dict[str, Any]:
    """The Matcher dict of one non-slot element."""
    if body == "_":
        return {}
    if body == "~":
        return {"ORTH": {"NOT_IN": _CLAUSE_PUNCT}}
    if body.startswith("@"):
        return {"LOWER": {"IN": sorted(lang.word_class(body[1:]))}}
    if len(body) > 2 and body.startswith("/") and body.endswith("/"):
        return {"LOWER": {"REGEX": body[1:-1]}}
    return {"LOWER": body.lower()}


def prefilter_regex(patterns: list[str], lang: Language) -> re.Pattern[str] | None:
    """A regular expression that matches every text in which one of `patterns` can match.

    It over-approximates on purpose (phrase slots match any words, `^` is ignored, gaps count
    words, which are never more than tokens), so that text it rejects can skip spaCy.
    """
    alternatives = [_pattern_regex(p, lang) for p in patterns]
    alternatives = [a for a in alternatives if a]
    if not alternatives:
        return None
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)


def _pattern_regex(pattern: str, lang: Language) -> str:
    parts: list[str] = []
    for element in pattern.split():
        if element == "^":
            continue
        match = _OPERATOR.match(element)
        assert match is not None
        body, op = match.group("body"), match.group("op")
        if body in _SLOT_TYPES or body in ("_", "~"):
            word = _ANY_WORD
        elif body.startswith("@"):
            words = sorted(lang.word_class(body[1:]), key=len, reverse=True)
            if not all(w.replace(".", "").replace("-", "").isalnum() for w in words):
                continue  # punctuation is glued to words in raw text: leave it out
            word = "(?:" + "|".join(re.escape(w) for w in words) + ")"
        elif len(body) > 2 and body.startswith("/") and body.endswith("/"):
            word = "(?:" + body[1:-1].lstrip("^").rstrip("$") + ")"
        elif not body.replace(".", "").replace("-", "").isalnum():
            continue
        else:
            word = re.escape(body)
        if body in _SLOT_TYPES:
            op = "+"
        parts.append((word, op))
    if all(w == _ANY_WORD for w, _ in parts):
        return ""
    out = ""
    for index, (word, op) in enumerate(parts):
        # Words are separated by whitespace or stand next to punctuation: "fordert, dass".
        sep = "" if index == 0 else _SEPARATOR
        unit = f"{sep}{word}" if word == _ANY_WORD else rf"{sep}\b{word}\b"
        if op in (None, ""):
            out += unit
        elif op == "+":
            out += f"(?:{unit})+"
        else:
            out += f"(?:{unit}){op}"
    return out
