"""Getting output to where it goes, whole or not at all: the target checked before any
work, files written atomically, short writes finished, a record never cut by Ctrl-C
without saying so. Failures are OutputError, one line for the user."""

from __future__ import annotations

import contextlib
import errno
import io
import os
import select
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from demandx.errors import OutputError
from demandx.sources import display_name


class InterruptedAfterWrite(KeyboardInterrupt):
    """Ctrl-C, held until the text being written was out whole."""


def check_target(path: Path, inputs: Iterable[Path] = ()) -> None:
    """Raise OutputError unless `path` can be written as an output file: not a
    directory, in a directory that exists and can be written, not read-only, and not
    one of `inputs` (through a link too), which writing would replace."""
    name = display_name(path)
    try:
        info: os.stat_result | None = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OutputError(f"{name}: {exc.strerror or exc}") from exc
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError(f"{name}: is a directory (give a file name to write)")
    if info is not None and not stat.S_ISREG(info.st_mode):
        return   # a device or FIFO (/dev/null, a pipe) is written directly
    parent = path.parent
    if not parent.is_dir():
        raise OutputError(f"{name}: the directory {display_name(parent)} does not exist")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise OutputError(f"{name}: cannot write in {display_name(parent)} "
                          "(permission denied)")
    if info is None:
        return
    if not os.access(path, os.W_OK):
        raise OutputError(f"{name}: is read-only")
    for source in inputs:
        with contextlib.suppress(OSError):
            if os.path.samefile(source, path):
                raise OutputError(f"{name}: is also an input; writing the output there "
                                  "would replace the document")


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[TextIO]:
    """A file written atomically: a temporary file in the same directory, renamed over
    the target only when the caller finished writing. A failed or interrupted run leaves
    an existing file untouched and no partial file behind. A device or FIFO (/dev/null)
    is written directly: renaming over it would replace it.

    Raises:
        OutputError: the target cannot be written (see check_target), or writing failed.
    """
    check_target(path)
    name = display_name(path)
    if path.exists() and not path.is_file():
        with _opened(path, name) as stream:
            yield stream
        return
    with atomic_path(path) as temp, _opened(temp, name) as stream:
        yield stream


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary file beside `path`, renamed over it only when the caller finished with
    it (for writers that need a file name: XlsxWriter, sqlite3; and for atomic_output).
    A failed or interrupted run leaves an existing file untouched and no partial file
    behind.

    Raises:
        OutputError: the temporary file cannot be made, or the rename failed.
    """
    name = display_name(path)
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(f"{name}: cannot write: {exc.strerror or exc}") from exc
    os.close(fd)
    try:
        yield Path(temp)
        with _failing_as(name):
            # mkstemp creates the file private (0600); give it the permissions a plain
            # open() would have given it under the user's umask
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
            os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def _opened(path: Path, name: str) -> Iterator[TextIO]:
    with _failing_as(name), path.open("w", encoding="utf-8", newline="\n") as stream:
        yield stream


@contextlib.contextmanager
def _failing_as(name: str) -> Iterator[None]:
    """OSError (a full disk, an I/O error) as OutputError naming the output; a broken
    pipe stays what it is (the reader went away: `demandx extract | head`)."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"{name}: cannot write: {exc.strerror or exc}") from exc


def write_whole(stream: TextIO, text: str, name: str) -> None:
    """Write all of `text` to `stream` and flush it, or raise OutputError.

    A first Ctrl-C while it writes is held until the text is out, so that a record is
    not cut in the middle; a second one stops at once (KeyboardInterrupt)."""
    with _failing_as(name), _interrupt_after():
        raw = getattr(stream, "buffer", None)
        if isinstance(raw, io.RawIOBase):
            stream.flush()
            _write_raw(raw, text.encode(stream.encoding or "utf-8", stream.errors or "strict"))
        else:
            stream.write(text)
            stream.flush()


def _write_raw(raw: io.RawIOBase, data: bytes) -> None:
    """Unbuffered output (PYTHONUNBUFFERED=1) takes what fits and says how much; the text
    layer ignores that count, so a short write on a full disk would lose the rest
    without a word. Write the rest until it is all out or the system says why not."""
    view = memoryview(data)
    while view:
        count = raw.write(view)
        if count is None:           # non-blocking and full: wait until it takes more
            select.select([], [raw.fileno()], [])
            continue
        if count == 0:
            raise OSError(errno.EIO, "the output accepted no more bytes")
        view = view[count:]


@contextlib.contextmanager
def _interrupt_after() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread() or \
            signal.getsignal(signal.SIGINT) is not signal.default_int_handler:
        yield
        return
    held: list[int] = []

    def hold(signum: int, frame: object) -> None:
        if held:
            raise KeyboardInterrupt
        held.append(signum)

    previous = signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if held:
        raise InterruptedAfterWrite
