"""Command-line inputs -> the documents to read: files, directories (recursively,
documents only), and `-` for standard input."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from demandx.errors import InputError
from demandx.loaders import SUFFIX_FORMATS

# Told about each file a directory scan leaves out, and why (for `-v`).
Skipped = Callable[[str, str], None]
# C0 and C1 control characters, DEL, and the line separators str.splitlines() honours
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
STDIN = "-"
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class Source:
    """One document to read: its name in records and messages, and where it is."""

    name: str
    path: Path | None            # None: standard input


def discover(inputs: list[str], skipped: Skipped | None = None
             ) -> Iterator[Source | InputError]:
    """Each input expanded to documents, in the order given; directories sorted by path.
    A problem with an input is yielded as an InputError in its place, so the others go on;
    `skipped(path, reason)` hears of every file a directory scan leaves out."""
    for item in inputs:
        if item == STDIN:
            yield Source(STDIN_NAME, None)
            continue
        path = Path(item)
        try:
            info = path.stat()
        except FileNotFoundError:
            yield InputError(display_name(item), "no such file or directory")
            continue
        except PermissionError:
            yield InputError(display_name(item), "permission denied")
            continue
        except OSError as exc:
            yield InputError(display_name(item), exc.strerror or str(exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _scan(item, path, skipped or _ignore)
        elif stat.S_ISREG(info.st_mode):
            yield Source(display_name(path), path)
        else:
            yield InputError(display_name(item),
                             "not a regular file (a FIFO, socket or device)")


def display_name(path: Path | str) -> str:
    """How a path is named in records and messages: valid UTF-8 and printable.

    A name that is not valid UTF-8 (as in old archives) reaches Python with surrogates
    that no UTF-8 output can hold, and a control character (an ESC sequence) would reach
    the terminal raw in an error line; both are written as `\\xNN`, as `ls -b` does."""
    raw = os.fsencode(path.as_posix() if isinstance(path, Path) else path)
    name = raw.decode("utf-8", "backslashreplace")
    return _CONTROL.sub(_escape, name)


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _ignore(_path: str, _reason: str) -> None:
    """Nobody asked which files were skipped."""


def _scan(item: str, folder: Path, skipped: Skipped) -> Iterator[Source | InputError]:
    """The documents under a directory, sorted; symbolic links to directories are not
    followed (a link loop cannot trap the scan)."""
    found = False
    unreadable: list[OSError] = []   # directories os.walk could not list, in walk order
    for root, dirs, files in os.walk(folder, followlinks=False, onerror=unreadable.append):
        yield from _unreadable(unreadable)
        found = found or bool(unreadable)
        unreadable.clear()
        for name in sorted(d for d in dirs if d.startswith(".")):
            skipped(display_name(Path(root) / name), "hidden directory")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                skipped(display_name(Path(root) / name), "hidden file")
                continue
            if Path(name).suffix.lower() not in SUFFIX_FORMATS:
                suffix = Path(name).suffix or "no extension"
                skipped(display_name(Path(root) / name), f"not a document ({suffix})")
                continue
            path = Path(root) / name
            try:
                mode = path.stat().st_mode
            except OSError as exc:  # a dangling link or a link loop
                yield InputError(display_name(path), exc.strerror or "unreadable")
                continue
            found = True
            if not stat.S_ISREG(mode):
                yield InputError(display_name(path), "not a regular file (a FIFO, socket or "
                                                 "device)")
                continue
            yield Source(display_name(path), path)
    yield from _unreadable(unreadable)
    if not found and not unreadable:
        kinds = ", ".join(sorted(set(SUFFIX_FORMATS)))
        yield InputError(display_name(item),
                         f"no documents in this directory (looked for {kinds})")


def _unreadable(problems: list[OSError]) -> Iterator[InputError]:
    for exc in problems:
        yield InputError(display_name(exc.filename or "?"),
                         f"cannot list this directory: {exc.strerror or exc}")
