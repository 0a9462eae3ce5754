"""List markers and point labels at the start of a line: `-`, `•`, `1.`, `1)`, `(1)`, `a)`,
`II.`, `2.3`, `Punkt 3:`, `Nr. 2`.

A label has a *style* (its kind and punctuation) and an ordinal *value*; the structure
builder uses both to tell whether a label continues a running sequence (4 -> 5, c -> d)
or opens a new one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from demandx.lang import Language

# Bullet glyphs, including the private-use codepoints that PDF text layers give for
# Symbol and Wingdings bullets.
_BULLETS = "-*•◦▪▫‣·–—−+■□➢➤►▶✓✔→⁃∙●○◆◇\uf0a7\uf0b7\uf076\uf0d8\uf0fc\uf06e\uf0a8"
_BULLET = re.compile(rf"^([{re.escape(_BULLETS)}]|o(?=\s))(?:\s+|$)")
_DOTTED = re.compile(r"^(\d{1,3}(?:\.\d{1,3})+)\.?(?:\s+|$)")
# "1.", "1)", "1°" (French and Belgian ordinals); "1)Consult" as PDFs and HTML exports
# glue a marker to its text
_ARABIC = re.compile(r"^(\d{1,3})(?:([.°])(?:\s+|$)|(\))(?:\s+|$|(?=[^\W\d_])))")
_PAREN = re.compile(r"^\((\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})\)(?:\s+|$)")
_ALPHA = re.compile(r"^([a-zA-Z])([.)])(?:\s+|$)")
_ROMAN = re.compile(r"^([IVXLC]{1,6}|[ivxlc]{1,6})([.)])(?:\s+|$)")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_LABEL_WORD_CACHE: dict[tuple[frozenset[str], tuple[str, ...]], re.Pattern[str]] = {}


@dataclass(frozen=True)
class Marker:
    """A marker at the start of a line.

    kind: "bullet" or "label".
    printed: the marker as printed, trimmed ("1.", "a)", "Punkt 3", "-").
    style: what a sequence shares ("arabic.", "alpha)", "word:punkt", or the bullet glyph).
    value: ordinal of a label (1 for "1.", "a)", "I."), None for bullets.
    number: the label normalised for output ("1", "a", "II", "2.3"), None for bullets.
    length: characters of the line the marker takes, including the space after it.
    path: the numbers of a dotted label ("2.3" -> (2, 3)).
    """

    kind: str
    printed: str
    style: str
    value: int | None
    number: str | None
    length: int
    path: tuple[int, ...] = ()


_NUMERALS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman_numeral(value: int) -> str:
    """The upper-case Roman numeral of 1..3999 (the formats' list counters)."""
    parts = []
    for amount, numeral in _NUMERALS:
        count, value = divmod(value, amount)
        parts.append(numeral * count)
    return "".join(parts)


def roman_value(numeral: str) -> int | None:
    """The value of a roman numeral, or None if the letters do not form one."""
    total = 0
    previous = 0
    for char in reversed(numeral.lower()):
        value = _ROMAN_VALUES.get(char)
        if value is None:
            return None
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total if total > 0 else None


def _label_word_pattern(lang: Language) -> re.Pattern[str]:
    key = (lang.label_words, lang.number_words)
    cached = _LABEL_WORD_CACHE.get(key)
    if cached is None:
        words = "|".join(re.escape(w.rstrip(".")) for w in sorted(lang.label_words, key=len,
                                                                     reverse=True))
        numbers = "".join(f"|{re.escape(w)}" for w in lang.number_words)
        # "Demand 1", "No. 1", "Demand #1", "Demand One"
        cached = re.compile(
            rf"^({words})\.?\s*#?\s*(\d{{1,3}}|[IVXLC]{{1,6}}{numbers})\b"
            rf"(?:\s*(?P<separator>[:.)\-–])(?:\s+|$)|\s*$|\s+)",
            re.IGNORECASE,
        )
        _LABEL_WORD_CACHE[key] = cached
    return cached


def parse_marker(text: str, lang: Language) -> Marker | None:
    """The marker that starts `text` (already stripped of markup), or None."""
    if not text:
        return None
    first = text[0]
    if first in _BULLETS or first == "o":
        return _bullet(text, lang)
    if first.isdigit():
        return _numeric(text, lang)
    if first == "(":
        return _parenthesised(text)
    if first.isalpha():
        return _word_label(text, lang) or _roman(text) or _alpha(text)
    return None


def _bullet(text: str, lang: Language) -> Marker | None:
    match = _BULLET.match(text)
    if not match:
        return None
    glyph = match.group(1)
    rest = text[match.end():]
    if glyph in "-*_" and set(text.strip()) <= {glyph, " "} and len(text.strip()) >= 3:
        return None  # "---" or "* * *": a rule, not a bullet
    if glyph in "–—-" and (rest.rstrip() == glyph or rest.rstrip().endswith(" " + glyph)):
        # "– Drucksachen 19/1 –": a centred line between dashes (a word hyphenated at
        # the line's end, "(Solar-", is no closing dash)
        return None
    if glyph in "-–—" and rest[:1].isdigit() and rest[:3].strip().isdigit() and len(rest) < 8:
        return None  # "- 3 -": a page number
    # "- a) The implementation of ...": the bullet carries a label, the point's number
    # (a second bullet is not read: "- o o o ..." would recurse once per glyph)
    label = None if _BULLET.match(rest) else parse_marker(rest, lang)
    if label is not None and label.kind == "label":
        return replace(label, length=match.end() + label.length)
    return Marker("bullet", glyph, glyph, None, None, match.end())


def _numeric(text: str, lang: Language) -> Marker | None:
    match = _DOTTED.match(text)
    if match and not _starts_with_month(text[match.end():], lang):
        path = tuple(int(p) for p in match.group(1).split("."))
        if not _looks_like_date_or_amount(match.group(1), text[match.end():]):
            return Marker("label", match.group(0).strip(), "dotted", path[-1],
                          match.group(1), match.end(), path)
    match = _ARABIC.match(text)
    if match and not _starts_with_month(text[match.end():], lang):
        value = int(match.group(1))
        punctuation = match.group(2) or match.group(3)
        return Marker("label", match.group(0).strip(), "arabic" + punctuation, value,
                      str(value), match.end())
    return None


def _looks_like_date_or_amount(path: str, rest: str) -> bool:
    """"1.000 Euro", "15.12.2022": numbers with dots that are not point labels."""
    parts = path.split(".")
    if any(len(p) == 3 and p.startswith("0") for p in parts[1:]):
        return True
    if len(parts) == 3 and len(parts[-1]) in (2, 4) and int(parts[1]) <= 12:
        return True
    return bool(re.match(r"^(euro|eur|€|mio|mrd|prozent|%|tonnen)\b", rest, re.IGNORECASE))


def _starts_with_month(rest: str, lang: Language) -> bool:
    """"3. Juli 2026" is a date, not point 3."""
    word = re.match(r"[^\W\d_]+", rest)
    return bool(word) and word.group(0).lower() in lang.months


def _parenthesised(text: str) -> Marker | None:
    match = _PAREN.match(text)
    if not match:
        return None
    body = match.group(1)
    if body.isdigit():
        return Marker("label", match.group(0).strip(), "(arabic)", int(body), body, match.end())
    if len(body) == 1 and body.lower() not in "ivx":
        return Marker("label", match.group(0).strip(), "(alpha)",
                      ord(body.lower()) - 96, body, match.end())
    value = roman_value(body)
    if value is None:
        return None
    return Marker("label", match.group(0).strip(), "(roman)", value, body, match.end())


def _word_label(text: str, lang: Language) -> Marker | None:
    match = _label_word_pattern(lang).match(text)
    if not match:
        return None
    word, body = match.group(1), match.group(2)
    if match.group("separator") is None and text[match.end():match.end() + 1].islower():
        return None  # a reference in running text: "Punkt 2 der Tagesordnung wurde ..."
    if body.lower() in lang.number_words:
        if match.group("separator") is None:
            return None  # "Eis een Europees verbod", "No One Left Behind": not a label
        body = str(lang.number_words.index(body.lower()) + 1)
        value: int | None = int(body)
    else:
        value = int(body) if body.isdigit() else roman_value(body)
    if value is None:
        return None
    printed = text[: match.end(2)].strip()
    return Marker("label", printed, "word:" + word.lower(), value, body, match.end())


def _roman(text: str) -> Marker | None:
    match = _ROMAN.match(text)
    if not match:
        return None
    numeral = match.group(1)
    value = roman_value(numeral)
    if value is None:
        return None
    if len(numeral) == 1 and (numeral.islower() or numeral not in "IVX"):
        return None  # "i)", "v)" are letters; "C. Meyer" is an initial
    case = "ROMAN" if numeral.isupper() else "roman"
    return Marker("label", match.group(0).strip(), case + match.group(2), value, numeral,
                  match.end())


def _alpha(text: str) -> Marker | None:
    match = _ALPHA.match(text)
    if not match:
        return None
    letter, punct = match.group(1), match.group(2)
    rest = text[match.end():]
    if punct == "." and (len(re.match(r"\S*", rest).group(0).rstrip(".,")) < 2):
        return None  # "z. B.", "u. a.": abbreviations, not a list
    if punct == "." and letter.isupper():
        return None  # "A. Meyer": an initial
    case = "alpha" if letter.islower() else "ALPHA"
    return Marker("label", match.group(0).strip(), case + punct,
                  ord(letter.lower()) - 96, letter, match.end())


def continues(marker: Marker, previous: Marker) -> bool:
    """Whether `marker` is the next label after `previous` in the same sequence."""
    if marker.kind != "label" or previous.kind != "label":
        return False
    if marker.style == "dotted" and previous.style == "dotted":
        return (len(marker.path) == len(previous.path)
                and marker.path[:-1] == previous.path[:-1]
                and marker.path[-1] == previous.path[-1] + 1)
    if marker.style == previous.style:
        return marker.value == (previous.value or 0) + 1
    # "i." after "h.": the letter, not the roman numeral
    return (marker.style.lower().startswith("roman") and previous.style.lower().startswith("alpha")
            and marker.style[-1] == previous.style[-1] and len(marker.printed) == 2
            and ord(marker.printed[0].lower()) - 96 == (previous.value or 0) + 1)


def as_roman(marker: Marker) -> Marker | None:
    """A letter label that opens a roman sequence ("i)" with no "h)" before it), or None."""
    letter = marker.printed[0]
    if not marker.style.lower().startswith("alpha") or letter.lower() != "i":
        return None
    case = "roman" if letter.islower() else "ROMAN"
    return Marker("label", marker.printed, case + marker.style[-1], 1, letter, marker.length)


def as_alpha(marker: Marker) -> Marker:
    """A one-letter roman label ("i.", "v)") read as a letter of an alphabetic sequence."""
    letter = marker.printed[0]
    case = "alpha" if letter.islower() else "ALPHA"
    return Marker("label", marker.printed, case + marker.style[-1], ord(letter.lower()) - 96,
                  letter, marker.length)
