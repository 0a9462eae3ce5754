"""Replay an atheris fuzz input without atheris: decode it the way FuzzedDataProvider
does in fuzz/fuzz_loaders.py (an integer in range, then the remaining bytes)."""

from __future__ import annotations

from demandx.errors import InputError
from demandx.extraction import extract_text
from demandx.loaders.markup import load_html, load_xml
from demandx.loaders.text import load_text


def _consume_int_in_range(data: bytes, low: int, high: int) -> tuple[int, bytes]:
    # FuzzedDataProvider takes the bytes an integer needs from the END of the data,
    # little-endian, and maps the value into [low, high].
    span = high - low
    if span == 0 or not data:
        return low, data
    needed = (span.bit_length() + 7) // 8
    taken = data[-needed:]
    value = int.from_bytes(taken[::-1], "big") if taken else 0
    return low + value % (span + 1), data[:-needed]


def run(data: bytes) -> None:
    kind, payload = _consume_int_in_range(data, 0, 3)
    loaders = [lambda: load_text(payload, "fuzz.txt", "text"),
               lambda: load_text(payload, "fuzz.md", "markdown"),
               lambda: load_html(payload, "fuzz.html"),
               lambda: load_xml(payload, "fuzz.xml")]
    try:
        text = loaders[kind]()
    except InputError:
        return
    extract_text(text, models={"de": "blank", "nl": "blank", "en": "blank"})
