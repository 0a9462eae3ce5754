"""Command-line inputs -> the documents to read: files, directories (recursively,
documents only), and `-` for standard input."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from demandx.errors import InputError
from demandx.loaders import SUFFIX_FORMATS

# Told about each file a directory scan leaves out, and why (for `-v`).
Skipped = Callable[[str, str], None]

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
            yield InputError(item, "no such file or directory")
            continue
        except PermissionError:
            yield InputError(item, "permission denied")
            continue
        except OSError as exc:
            yield InputError(item, exc.strerror or str(exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from _scan(item, path, skipped or _ignore)
        elif stat.S_ISREG(info.st_mode):
            yield Source(_display(path), path)
        else:
            yield InputError(item, "not a regular file (a FIFO, socket or device)")


def _display(path: Path) -> str:
    return path.as_posix()


def _ignore(_path: str, _reason: str) -> None:
    """Nobody asked which files were skipped."""


def _scan(item: str, folder: Path, skipped: Skipped) -> Iterator[Source | InputError]:
    """The documents under a directory, sorted; symbolic links to directories are not
    followed (a link loop cannot trap the scan)."""
    found = False
    for root, dirs, files in os.walk(folder, followlinks=False, onerror=None):
        for name in sorted(d for d in dirs if d.startswith(".")):
            skipped(_display(Path(root) / name), "hidden directory")
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                skipped(_display(Path(root) / name), "hidden file")
                continue
            if Path(name).suffix.lower() not in SUFFIX_FORMATS:
                suffix = Path(name).suffix or "no extension"
                skipped(_display(Path(root) / name), f"not a document ({suffix})")
                continue
            path = Path(root) / name
            try:
                mode = path.stat().st_mode
            except OSError as exc:  # a dangling link or a link loop
                yield InputError(_display(path), exc.strerror or "unreadable")
                continue
            found = True
            if not stat.S_ISREG(mode):
                yield InputError(_display(path), "not a regular file (a FIFO, socket or "
                                                 "device)")
                continue
            yield Source(_display(path), path)
    if not found:
        kinds = ", ".join(sorted(set(SUFFIX_FORMATS)))
        yield InputError(item, f"no documents in this directory (looked for {kinds})")
