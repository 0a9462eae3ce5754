"""Run the PDF and Word loaders in a child process with a memory cap and a time limit.

PDFium is C++: a decompression bomb can make it allocate gigabytes, and a malformed file
may crash it; a Word file that passes the zip-bomb checks can still unpack to a
document.xml of 200 MB, which takes gigabytes and minutes to parse. In a child process
whose address space is capped (RLIMIT_AS) that costs the child, not demandx: the child
dies or fails, the document is reported as refused, and the batch goes on. One child per
process is kept running and reused; it is started with `subprocess` (not
multiprocessing), so it works inside worker processes of any kind.

Limits, for both formats: `DEMANDX_PDF_MEMORY_MB` (default 2048) and
`DEMANDX_PDF_SECONDS` (default 300). `DEMANDX_PDF_ISOLATION=0` loads them in-process.
"""

from __future__ import annotations

import os
import pickle
import struct
import subprocess
import sys
import threading
from typing import Any

from demandx.errors import InputError

_MEMORY_MB = int(os.environ.get("DEMANDX_PDF_MEMORY_MB", "2048"))
_SECONDS = float(os.environ.get("DEMANDX_PDF_SECONDS", "300"))
_HEADER = struct.Struct("!Q")
# format -> (module, loader function, what to call the document in messages)
_LOADERS = {"pdf": ("demandx.loaders.pdf", "load_pdf", "the PDF", "a PDF bomb?"),
            "docx": ("demandx.loaders.docx", "load_docx", "the Word document",
                     "a zip bomb?")}


class _Child:
    """A running child that loads PDFs, spoken to over its stdin and stdout."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "demandx.loaders.isolated", str(_MEMORY_MB)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def call(self, fmt: str, data: bytes, source: str) -> Any:
        assert self.process.stdin is not None and self.process.stdout is not None
        payload = pickle.dumps((fmt, data, source), protocol=pickle.HIGHEST_PROTOCOL)
        result: list[Any] = []

        def exchange() -> None:
            try:
                self.process.stdin.write(_HEADER.pack(len(payload)) + payload)
                self.process.stdin.flush()
                size = _HEADER.unpack(_read(self.process.stdout, _HEADER.size))[0]
                result.append(pickle.loads(_read(self.process.stdout, size)))
            except (OSError, EOFError, struct.error, pickle.UnpicklingError) as exc:
                result.append(exc)

        worker = threading.Thread(target=exchange, daemon=True)
        worker.start()
        worker.join(_SECONDS)
        _module, _function, what, bomb = _LOADERS[fmt]
        if worker.is_alive():
            self.kill()
            raise InputError(source, f"refused: reading {what} took longer than "
                                     f"{_SECONDS:.0f} s (DEMANDX_PDF_SECONDS)")
        outcome = result[0]
        if isinstance(outcome, BaseException) and not isinstance(outcome, InputError):
            self.kill()
            raise InputError(source, f"refused: {what} made the reader fail or run out of "
                                     f"its {_MEMORY_MB} MB memory limit ({bomb})")
        return outcome

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()


def _read(stream, size: int) -> bytes:
    chunks = []
    while size:
        chunk = stream.read(size)
        if not chunk:
            raise EOFError("the PDF reader stopped")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


_LOCK = threading.Lock()
_CHILD: _Child | None = None


def load_pdf_isolated(data: bytes, source: str):
    """`demandx.loaders.pdf.load_pdf` in the child process (or here, if isolation is off).

    Raises:
        InputError: as load_pdf, or when the child hits its memory or time limit.
    """
    return load_isolated("pdf", data, source)


def load_docx_isolated(data: bytes, source: str):
    """`demandx.loaders.docx.load_docx` in the child process (or here, if isolation is
    off)."""
    return load_isolated("docx", data, source)


def load_isolated(fmt: str, data: bytes, source: str):
    """The loader of `fmt` ("pdf" or "docx") run in the child process (or here, if
    isolation is off).

    Raises:
        InputError: as the loader, or when the child hits its memory or time limit.
    """
    if os.environ.get("DEMANDX_PDF_ISOLATION", "1") == "0":
        return _loader(fmt)(data, source)
    global _CHILD
    with _LOCK:
        if _CHILD is None or _CHILD.process.poll() is not None:
            _CHILD = _Child()
        child = _CHILD
        try:
            outcome = child.call(fmt, data, source)
        except InputError:
            _CHILD = None
            raise
    if isinstance(outcome, InputError):
        raise outcome
    return outcome


def _loader(fmt: str):
    import importlib

    module, function, _what, _bomb = _LOADERS[fmt]
    return getattr(importlib.import_module(module), function)


def _serve(memory_mb: int) -> None:
    """The child: cap memory, then load documents from stdin until it closes."""
    import resource

    limit = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        header = stdin.read(_HEADER.size)
        if len(header) < _HEADER.size:
            return
        fmt, data, source = pickle.loads(_read(stdin, _HEADER.unpack(header)[0]))
        _module, _function, what, bomb = _LOADERS[fmt]
        out_of_memory = InputError(source, f"refused: {what} needs more than {memory_mb} "
                                           f"MB of memory to read ({bomb})")
        try:
            result: Any = _loader(fmt)(data, source)
        except InputError as exc:
            # libxml2 out of memory under the cap: lxml says only "unknown error"
            result = out_of_memory if "unknown error" in exc.reason else exc
        except MemoryError:
            result = out_of_memory
        payload = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.write(_HEADER.pack(len(payload)) + payload)
        stdout.flush()


if __name__ == "__main__":
    _serve(int(sys.argv[1]))
