"""Many documents: in this process, in worker processes (`jobs`), or on a Dask cluster.

Whatever runs the work, outcomes come back in input order and one at a time, so output
can be streamed and memory does not grow with the number of inputs: only a bounded
window of chunks is in flight. Every path runs the same function on the same documents,
so the output is the same bytes with 1, 2 or more workers.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from demandx.errors import DemandxError, InputError
from demandx.sources import Source

# Work is sent in chunks so that many small files do not cost one round trip each.
_CHUNK_FILES = 16
_CHUNK_BYTES = 2_000_000
_WINDOW_PER_WORKER = 4


@dataclass(frozen=True)
class Options:
    """How to extract: the same for every document of a batch."""

    lang: str | None = None
    models: tuple[tuple[str, str], ...] = ()
    input_format: str | None = None
    max_mb: float | None = None
    addressees: tuple[str, ...] = ()
    render: str | None = None

    @property
    def model_map(self) -> dict[str, str]:
        return dict(self.models)


@dataclass(frozen=True)
class _Task:
    """One document to extract; stdin is read by the parent and sent as bytes."""

    name: str
    path: str | None
    data: bytes | None = None


def worker_count(jobs: int) -> int:
    """`jobs` as a number of processes: 0 means one per core."""
    if jobs < 0:
        raise ValueError("jobs must be 0 (all cores) or more")
    return jobs or os.cpu_count() or 1


def run(found: Iterable[Source | DemandxError], options: Options, jobs: int = 1,
        client: Any = None) -> Iterator[Any]:
    """Outcomes (demandx.api.Outcome) for discovered sources, in their order.

    Args:
        found: sources and discovery errors, as demandx.sources.discover yields them.
        options: language, pipelines and input format.
        jobs: worker processes; 1 works in this process, 0 uses every core.
        client: a dask.distributed Client; when given, the work runs on its cluster.
    """
    tasks = _tasks(found, options.max_mb)
    if client is not None:
        chunks = _results(_chunks(tasks), lambda chunk: client.submit(
            extract_chunk, chunk, options, pure=False), _dask_result,
            window=_WINDOW_PER_WORKER * max(1, _dask_workers(client)))
    elif worker_count(jobs) == 1:
        chunks = (extract_chunk(chunk, options) for chunk in _chunks(tasks))
    else:
        chunks = _in_processes(_chunks(tasks), options, worker_count(jobs))
    for chunk in chunks:
        yield from chunk


def _tasks(found: Iterable[Source | DemandxError],
           max_mb: float | None) -> Iterator[_Task | DemandxError]:
    from demandx.loaders import DEFAULT_MAX_MB

    limit = int((max_mb if max_mb is not None else DEFAULT_MAX_MB) * 1_000_000)
    for item in found:
        if isinstance(item, DemandxError):
            yield item
        elif item.path is None:
            # read no more than the limit allows: standard input can be endless
            data = sys.stdin.buffer.read(limit + 1)
            if len(data) > limit:
                yield InputError(item.name, f"too large: more than the {limit / 1e6:g} MB "
                                            "limit (raise it with --max-size)")
            else:
                yield _Task(item.name, None, data)
        else:
            yield _Task(item.name, str(item.path))


def _chunks(tasks: Iterator[_Task | DemandxError]) -> Iterator[list[_Task | DemandxError]]:
    chunk: list[_Task | DemandxError] = []
    size = 0
    for task in tasks:
        chunk.append(task)
        if isinstance(task, _Task) and task.path is not None:
            with contextlib.suppress(OSError):  # an unreadable file is reported later
                size += os.path.getsize(task.path)
        if len(chunk) >= _CHUNK_FILES or size >= _CHUNK_BYTES:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def extract_chunk(chunk: list[_Task | DemandxError], options: Options) -> list[Any]:
    """Extract a chunk of documents (runs in whichever process does the work). The
    documents are read one by one and analysed together (demandx.extraction)."""
    from demandx.api import Outcome, load
    from demandx.extraction import extract_texts

    out: list[Any] = []
    loaded = []
    for task in chunk:
        if isinstance(task, DemandxError):
            source = task.source if isinstance(task, InputError) else "?"
            out.append(Outcome(source=source, error=task))
            continue
        try:
            source = task.data if task.data is not None else task.path
            text = load(source, name=task.name, input_format=options.input_format,
                        max_mb=options.max_mb)
        except DemandxError as exc:
            out.append(Outcome(source=task.name, error=exc))
            continue
        outcome = Outcome(source=task.name, warnings=list(text.warnings))
        out.append(outcome)
        loaded.append((outcome, text))
    try:
        documents = extract_texts([text for _o, text in loaded], lang=options.lang,
                                  models=options.model_map)
    except DemandxError as exc:  # a pipeline that cannot be loaded fails the whole chunk
        for outcome, _text in loaded:
            outcome.error = exc
        return out
    for (outcome, _text), document in zip(loaded, documents, strict=True):
        if options.addressees:
            from demandx.taxonomy import select

            document = select(document, list(options.addressees))
        outcome.demand_count = sum(1 for _ in document.all_demands())
        if options.render:
            from demandx.output import render_record

            # the rendered record is all the caller needs: no second copy goes back
            outcome.rendered = render_record(document.to_dict(), options.render)
        else:
            outcome.document = document
    return out


def _in_processes(chunks: Iterator[list], options: Options, workers: int) -> Iterator[list]:
    """Chunks extracted by worker processes, returned in order with a bounded window.

    This process only hands out chunks and writes results: measured here, letting it
    extract chunks too was slower, as it then competes with the pool's own threads."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # "spawn": workers start clean, whatever threads (a progress display) the parent runs
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context,
                             initializer=_init_worker) as pool:
        try:
            yield from _results(chunks, lambda chunk: pool.submit(extract_chunk, chunk,
                                                                    options),
                                lambda future: future.result(),
                                window=_WINDOW_PER_WORKER * workers)
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _init_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops the batch and exits cleanly.

    And they end without the interpreter's teardown: freeing the pipelines object by
    object took 0.3 s at the end of every parallel run, measured here, while the parent
    waited. Nothing is lost by skipping it: results go back through a queue that is
    written synchronously, so all of them have been handed over by the time a worker
    is told to stop."""
    import atexit

    from demandx.spacy_without_cli import install

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    atexit.register(_exit_at_once)
    install()  # a worker never runs spaCy's command line: 0.3-0.5 s less to start


def _exit_at_once() -> None:
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


def _results(chunks: Iterator[list], submit, result, window: int) -> Iterator[list]:
    """Submit chunks, keeping at most `window` in flight, and yield results in order."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def _dask_result(future) -> list:
    return future.result()


def _dask_workers(client) -> int:
    try:
        return len(client.scheduler_info().get("workers", {})) or 1
    except (AttributeError, OSError):
        return 1
