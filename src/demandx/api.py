"""The Python API: what the command line and other programs call.

    >>> import demandx
    >>> doc = demandx.extract("Wir fordern die Bundesregierung auf, das Gesetz zu ändern.")
    >>> [d.addressees for d in doc.demands]
    [['Bundesregierung']]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from demandx.errors import DemandxError, InputError
from demandx.model import Document, Text
from demandx.sources import Source, discover


@dataclass
class Outcome:
    """The result for one input of a batch: a document, or the error that stopped it."""

    source: str
    document: Document | None = None
    error: DemandxError | None = None
    warnings: list[str] = field(default_factory=list)
    rendered: str | None = None   # the record in the requested output format, if any
    demand_count: int = 0         # demands and items, also when only `rendered` came back

    @property
    def ok(self) -> bool:
        return self.error is None


def load(source: str | Path | bytes, *, name: str | None = None,
         input_format: str | None = None, max_mb: float | None = None) -> Text:
    """A document's text as demandx reads it (what `demandx text` prints).

    Args:
        source: a path, or the document itself as bytes.
        name: how to call the document in records and messages (default: the path).
        input_format: force a format ("text", "markdown", ...) instead of detecting it.
        max_mb: refuse larger documents (default: loaders.DEFAULT_MAX_MB).

    Raises:
        InputError: the file is missing, unreadable, too large, or not a document of
            that format.
    """
    from demandx.loaders import DEFAULT_MAX_MB, load_bytes

    limit = int((max_mb if max_mb is not None else DEFAULT_MAX_MB) * 1_000_000)
    if isinstance(source, bytes):
        _check_size(len(source), limit, name or "<bytes>")
        return load_bytes(source, name or "<bytes>", input_format, max_mb)
    path = Path(source)
    display = name or path.as_posix()
    try:
        _check_size(path.stat().st_size, limit, display)
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(display, "no such file or directory") from exc
    except IsADirectoryError as exc:
        raise InputError(display, "is a directory") from exc
    except PermissionError as exc:
        raise InputError(display, "permission denied") from exc
    except OSError as exc:
        raise InputError(display, exc.strerror or str(exc)) from exc
    return load_bytes(data, display, input_format, max_mb)


def _check_size(size: int, limit: int, name: str) -> None:
    if size > limit:
        raise InputError(name, f"too large: {size / 1e6:.1f} MB, more than the "
                               f"{limit / 1e6:g} MB limit (raise it with --max-size)")


def extract(source: str | Path | bytes | Text, *, lang: str | None = None,
            models: dict[str, str] | None = None, input_format: str | None = None,
            name: str | None = None) -> Document:
    """The demands of one document.

    Args:
        source: a `Path` (or a string naming an existing file), the document's text as a
            string, its bytes, or a `Text` from `load()`. A string that looks like a
            file name ("motion.pdf") but names no file is an error; pass text that could
            be mistaken for one as bytes.
        lang: "de", "nl" or "en"; None detects the language.
        models: spaCy pipeline per language, e.g. {"de": "models/de"} (see demandx.nlp).
        input_format: force a format instead of detecting it.
        name: the `source` to put in the record.

    Returns:
        A `Document` whose `demands` are typed records (`to_dict()` for plain data).

    Raises:
        InputError: the document cannot be read, or `source` looks like the name of a
            file that does not exist.
        ModelError: a pipeline in `models` cannot be loaded.
    """
    from demandx.extraction import extract_text

    if isinstance(source, Text):
        text = source
    elif isinstance(source, (Path, bytes)) or _names_a_file(source):
        text = load(source, name=name, input_format=input_format)
    elif _looks_like_a_path(source):
        # "motion.pdf" mistyped would otherwise be read as a document of two words and
        # give no demands, silently
        raise InputError(source, "no such file (to extract a string as text, pass it as "
                                 "bytes, source.encode())")
    else:
        text = load(source.encode("utf-8"), name=name or "<text>",
                    input_format=input_format or "text")
    return extract_text(text, lang=lang, models=models)


def _names_a_file(source: object) -> bool:
    """A short one-line string that is the path of an existing file (not a document)."""
    if not isinstance(source, str) or "\n" in source or len(source) >= 4096:
        return False
    try:
        return Path(source).is_file()
    except (OSError, ValueError):
        return False  # a sentence longer than a file name may be, or one with a NUL


def _looks_like_a_path(source: str) -> bool:
    """A short one-line string ending in a document extension, written without spaces or
    with a path separator ("motion.pdf", "docs/Antrag 3.docx"): meant as a file."""
    from demandx.loaders import SUFFIX_FORMATS

    if "\n" in source or len(source) >= 4096 or "://" in source:  # text, or a sentence with a URL
        return False
    return (Path(source).suffix.lower() in SUFFIX_FORMATS
            and (not any(c.isspace() for c in source) or "/" in source or "\\" in source))


def find_documents(inputs: Iterable[str | Path],
                   skipped: Callable[[str, str], None] | None = None
                   ) -> list[Source | InputError]:
    """The documents that `inputs` name: files, directories read recursively, "-" for
    standard input; a problem with an input is an `InputError` in its place.
    `skipped(path, reason)` is called for each file a directory scan leaves out."""
    return list(discover([str(item) for item in inputs], skipped))


def extract_many(inputs: Iterable[str | Path | Source | InputError], *,
                 lang: str | None = None, models: dict[str, str] | None = None,
                 input_format: str | None = None, jobs: int = 1,
                 client: Any = None, max_mb: float | None = None,
                 addressees: list[str] | None = None,
                 render: str | None = None) -> Iterator[Outcome]:
    """Extract files, directories (recursively) and `-` (standard input), in input order.

    Args:
        inputs: paths of files or directories, "-" for standard input, or what
            `find_documents` returned.
        lang, models, input_format: as for `extract`.
        jobs: worker processes (0: one per core); the output is the same for any number.
        client: a `dask.distributed.Client`: run the extraction on its cluster instead
            (`pip install demandx[dask]`).
        max_mb: refuse documents larger than this (default: loaders.DEFAULT_MAX_MB).
        addressees: keep only demands addressed to these names or categories.
        render: serialise each record in this output format ("yaml", "json", "jsonl",
            "csv"; see demandx.output) where the work is done, into `Outcome.rendered`;
            then `Outcome.document` is None (it is not sent back from the workers) and
            `Outcome.demand_count` says how many demands it held.

    Yields:
        One `Outcome` per document, in input order, as soon as it and every document
        before it are done; a document that cannot be read gives an `Outcome` with its
        error, and the batch goes on.
    """
    from demandx.batch import Options, run

    options = Options(lang=lang, models=tuple(sorted((models or {}).items())),
                      input_format=input_format, max_mb=max_mb,
                      addressees=tuple(addressees or ()), render=render)
    found: list[Source | InputError] = []
    for item in inputs:
        if isinstance(item, (Source, InputError)):
            found.append(item)
        else:
            found.extend(discover([str(item)]))
    return run(found, options, jobs=jobs, client=client)
