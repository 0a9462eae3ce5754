"""Plain text and Markdown: decode the bytes, normalise line ends, note front matter."""

from __future__ import annotations

import codecs
import re

import yaml

from demandx.errors import InputError
from demandx.loaders.tidy import tidy
from demandx.model import LineHint, Text

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_FRONT_MATTER_END = re.compile(r"^(---|\.\.\.)\s*$")
# The legacy code pages German, Dutch and English documents are written in. Judged alone,
# a short German cp1252 text also decodes as GB18030 ("f\u00fcr" -> "f\u9ef5"), and
# charset-normalizer may prefer that, so these are tried first and the rest only when
# none of them fits.
_WESTERN_CODE_PAGES = ["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850", "cp437"]


def decode(data: bytes, source: str, warnings: list[str] | None = None) -> str:
    """The text of a byte string in the encoding it was written in.

    Tries a byte-order mark, then UTF-8, then the encoding charset-normalizer finds. A
    text that is UTF-8 but for a rare stray byte is read as UTF-8 with that byte replaced;
    rare control characters (a stray NUL) are dropped; either adds to `warnings`.

    Raises:
        InputError: the bytes are not text in any encoding we can tell (binary data).
    """
    notes = warnings if warnings is not None else []
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _without_controls(_decode_or_fail(data[len(bom):], encoding, source),
                                     source, notes)
    if _looks_utf16(data):
        encoding = "utf-16-le" if data[1:2] == b"\x00" else "utf-16-be"
        return _without_controls(_decode_or_fail(data, encoding, source), source, notes)
    try:
        return _without_controls(data.decode("utf-8"), source, notes)
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary data, not a text document (try --input-format)")
    mostly = _mostly_utf8(data, notes)
    if mostly is not None:
        return _without_controls(mostly, source, notes)
    return _without_controls(_guess_decode(data, source), source, notes)


# Control characters that no text document means to hold (tab, line feed, carriage
# return and form feed are text); a few of them are noise, many of them binary data.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")
_INVALID = re.compile("[\udc80-\udcff]")
# UTF-8 with stray bytes: at least this many valid non-ASCII characters per invalid
# byte. Legacy 8-bit text (cp1252 "für") is almost never valid UTF-8 where it is not
# ASCII, so it stays well below this and is decoded as its code page.
_UTF8_EVIDENCE = 20


def _without_controls(text: str, source: str, warnings: list[str]) -> str:
    found = _CONTROLS.findall(text)
    if not found:
        return text
    if len(found) > max(2, len(text) // 100):
        raise InputError(source, "binary data, not a text document (try --input-format)")
    kinds = ", ".join(sorted({f"U+{ord(char):04X}" for char in found}))
    warnings.append(f"dropped {len(found)} control character(s) ({kinds}) that text does "
                    "not hold")
    return _CONTROLS.sub("", text)


def _mostly_utf8(data: bytes, warnings: list[str]) -> str | None:
    """UTF-8 text with a rare stray byte, its stray bytes as U+FFFD; None when the bytes
    are not UTF-8 (too many bytes invalid for the valid non-ASCII characters)."""
    text = data.decode("utf-8", "surrogateescape")
    invalid = len(_INVALID.findall(text))
    non_ascii = len(text) - len(text.encode("ascii", "ignore")) - invalid
    if non_ascii < _UTF8_EVIDENCE * invalid:
        return None
    first = _INVALID.search(text).start()  # type: ignore[union-attr]
    warnings.append(f"{invalid} byte(s) not valid UTF-8 (first at character {first}) "
                    "replaced by U+FFFD; the rest is UTF-8")
    return _INVALID.sub("\ufffd", text)


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: every other byte of ASCII-heavy text is NUL."""
    sample = data[:4096]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > 0.4 * half and min(zeros_even, zeros_odd) < 0.05 * half


def _decode_or_fail(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not valid {encoding} text at byte {exc.start}") from exc


def _guess_decode(data: bytes, source: str) -> str:
    """Text in a legacy 8-bit encoding (cp1252, latin-1, ...), as charset-normalizer judges."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_WESTERN_CODE_PAGES).best() or from_bytes(data).best()
    if best is None:
        raise InputError(source, "undecodable: not UTF-8 and no other text encoding fits")
    return str(best)


def normalise_newlines(text: str) -> tuple[str, list[int]]:
    """`\\r\\n` and `\\r` as `\\n`; form feeds (page breaks) as `\\n`, with page start offsets."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\f" not in text:
        return text, []
    starts = [0]
    parts = text.split("\f")
    out = []
    offset = 0
    for index, part in enumerate(parts):
        if index:
            out.append("\n")
            offset += 1
            starts.append(offset)
        out.append(part)
        offset += len(part)
    return "".join(out), starts


def load_text(data: bytes, source: str, fmt: str = "text") -> Text:
    """A `.txt` or `.md` document as a `Text`."""
    warnings: list[str] = []
    decoded, page_starts = normalise_newlines(decode(data, source, warnings))
    decoded = tidy(decoded, fmt)
    text = Text(source=source, text=decoded, format=fmt, page_starts=page_starts,
                warnings=warnings)
    if fmt == "markdown":
        _note_front_matter(text)
    return text


def _note_front_matter(text: Text) -> None:
    """Jekyll/Hugo front matter (`---` ... `---` at the top) is metadata, not content:
    mark its lines as skipped and take its `title`."""
    lines = text.text.split("\n")
    if not lines or lines[0].strip() != "---":
        return
    for index in range(1, min(len(lines), 500)):
        if _FRONT_MATTER_END.match(lines[index]):
            break
    else:
        return
    for line in range(index + 1):
        text.hints[line] = LineHint("skip")
    try:
        meta = yaml.safe_load("\n".join(lines[1:index]))
    except yaml.YAMLError:
        return
    except RecursionError:  # nested hundreds deep: metadata nobody wrote by hand
        text.warnings.append("front matter nested too deeply to read; its title is not used")
        return
    if isinstance(meta, dict) and isinstance(meta.get("title"), str):
        text.title = meta["title"].strip() or None
