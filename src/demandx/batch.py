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

from demandx.errors import DemandxError, InputError, LanguageDataError, ModelError
from demandx.sources import Source

# Work is sent in chunks so that many small files do not cost one round trip each.
_CHUNK_FILES = 16
_CHUNK_BYTES = 2_000_000
_WINDOW_PER_WORKER = 4
_PR_SET_PDEATHSIG = 1   # linux/prctl.h


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


def cores() -> int:
    """The cores this process may run on (a container's or taskset's share, not the
    machine's)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):   # not on Linux
        return os.cpu_count() or 1


def worker_count(jobs: int) -> int:
    """`jobs` as a number of processes: 0 means one per core, and never more than one
    per core (each worker holds its own pipelines, ~150 MB, for no speed gained)."""
    if jobs < 0:
        raise ValueError("jobs must be 0 (all cores) or more")
    return min(jobs or cores(), cores())


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
        chunks = _results(_chunks(tasks), lambda chunk: (chunk, client.submit(
            extract_chunk, chunk, options, pure=False)),
            lambda sent: _dask_result(client, options, *sent),
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
    documents are read one by one and analysed together (demandx.extraction).

    Whatever goes wrong with one document is that document's error (see
    demandx.containment); only a pipeline that cannot be loaded fails the chunk."""
    from demandx.api import Outcome, load
    from demandx.containment import contained

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
        except Exception as exc:  # containment: this document's error
            out.append(Outcome(source=task.name, error=contained(task.name, exc, "reading")))
            continue
        outcome = Outcome(source=task.name, warnings=list(text.warnings))
        out.append(outcome)
        loaded.append((outcome, text))
    try:
        documents = _analyse([text for _o, text in loaded], options)
    except (ModelError, LanguageDataError) as exc:
        # a pipeline or language file that cannot be loaded fails the whole chunk
        for outcome, _text in loaded:
            outcome.error = exc
        return out
    for (outcome, text), document in zip(loaded, documents, strict=True):
        if isinstance(document, BaseException):
            outcome.error = contained(text.source, document)
            continue
        try:
            _finish(outcome, document, options)
        except Exception as exc:  # containment: this document's error
            outcome.error = contained(text.source, exc, "writing")
    return out


def _analyse(texts: list, options: Options) -> list[Any]:
    """The documents of `texts`, analysed together; when that fails, one by one, so that
    the document that fails is the only one to get its exception (in its place)."""
    from demandx.extraction import extract_texts

    try:
        return extract_texts(texts, lang=options.lang, models=options.model_map)
    except (ModelError, LanguageDataError):
        raise
    except Exception:  # one of them failed: find which, below
        pass
    documents: list[Any] = []
    for text in texts:
        try:
            documents.extend(extract_texts([text], lang=options.lang,
                                           models=options.model_map))
        except (ModelError, LanguageDataError):
            raise
        except Exception as exc:  # containment: this document's error
            documents.append(exc)
    return documents


def _finish(outcome: Any, document: Any, options: Options) -> None:
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


def _in_processes(chunks: Iterator[list], options: Options, workers: int) -> Iterator[list]:
    """Chunks extracted by worker processes, returned in order with a bounded window.

    This process only hands out chunks and writes results: measured here, letting it
    extract chunks too was slower, as it then competes with the pool's own threads."""
    pool = _Workers(options, workers)
    try:
        yield from _results(chunks, pool.submit, pool.result,
                            window=_WINDOW_PER_WORKER * workers)
    except BaseException:
        pool.close(wait=False)
        raise
    pool.close(wait=True)


class _Attempt:
    """A chunk handed to the workers: the pool it went to, its future, how often tried."""

    def __init__(self, chunk: list, pool: Any, future: Any, tries: int = 1):
        self.chunk = chunk
        self.pool = pool
        self.future = future
        self.tries = tries
        self.alone = False   # run each of its documents by itself (see _Workers)


class _Workers:
    """A process pool that outlives the death of a worker.

    When a worker dies (the OOM killer sends SIGKILL; a library crashes the process) the
    pool is broken and every chunk in flight is lost with it, not only the one that
    killed it. So a new pool is started and those chunks are sent again; a chunk that is
    in flight when a pool dies a second time has each of its documents read alone in a
    separate one-worker pool, where the document that kills that worker is the one to
    blame: it becomes that document's error, and the batch goes on."""

    def __init__(self, options: Options, workers: int):
        self.options = options
        self.workers = workers
        self.pool = self._start(workers)
        self.spare: Any = None
        self.live: list[_Attempt] = []

    @staticmethod
    def _start(workers: int) -> Any:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # "spawn": workers start clean, whatever threads (a progress display) the
        # parent runs
        return ProcessPoolExecutor(max_workers=workers,
                                   mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(os.getpid(),))

    def submit(self, chunk: list) -> _Attempt:
        attempt = _Attempt(chunk, self.pool, self.pool.submit(extract_chunk, chunk,
                                                              self.options))
        self.live.append(attempt)
        return attempt

    def result(self, attempt: _Attempt) -> list:
        from concurrent.futures.process import BrokenProcessPool

        while not attempt.alone:
            try:
                outcomes = attempt.future.result()
            except BrokenProcessPool:
                self._recover(attempt.pool)
                continue
            self.live.remove(attempt)
            return outcomes
        self.live.remove(attempt)
        return [outcome for task in attempt.chunk for outcome in self._alone(task)]

    def _recover(self, broken: Any) -> None:
        """A new pool, and the chunks lost with the broken one sent to it again."""
        if self.pool is not broken:
            return
        broken.shutdown(wait=False, cancel_futures=True)
        self.pool = self._start(self.workers)
        for attempt in self.live:
            if attempt.pool is not broken or attempt.alone:
                continue
            future = attempt.future
            if future.done() and not future.cancelled() and future.exception() is None:
                continue   # finished before the pool broke
            if attempt.tries >= 2:
                attempt.alone = True
                continue
            attempt.pool = self.pool
            attempt.future = self.pool.submit(extract_chunk, attempt.chunk, self.options)
            attempt.tries += 1

    def _alone(self, task: Any) -> list:
        from concurrent.futures.process import BrokenProcessPool

        if not isinstance(task, _Task):
            return extract_chunk([task], self.options)
        if self.spare is None:
            self.spare = self._start(1)
        try:
            return self.spare.submit(extract_chunk, [task], self.options).result()
        except BrokenProcessPool:
            self.spare.shutdown(wait=False, cancel_futures=True)
            self.spare = None
            return [_killed(task.name)]

    def close(self, wait: bool) -> None:
        """Shut the pools down; without waiting (Ctrl-C, an error), the workers are
        ended at once: the interpreter would otherwise wait at exit for the documents
        in progress, however long they take."""
        for pool in (self.pool, self.spare):
            if pool is None:
                continue
            if not wait:
                # the pool has no public way to stop a running task (before Python 3.14)
                processes = getattr(pool, "_processes", None) or {}
                for process in list(processes.values()):
                    with contextlib.suppress(OSError):
                        process.kill()
            pool.shutdown(wait=wait, cancel_futures=not wait)


def _killed(name: str) -> Any:
    from demandx.api import Outcome

    return Outcome(source=name, error=InputError(
        name, "refused: the process reading it was killed (out of memory?) or crashed"))


def _init_worker(parent: int | None = None) -> None:
    """Workers leave Ctrl-C to the parent, which stops the batch and exits cleanly, and
    die with it: a worker waits for work on a queue whose writing end it holds itself,
    so it would wait forever (with its ~150 MB of pipelines) once the parent is killed.

    And they end without the interpreter's teardown: freeing the pipelines object by
    object took 0.3 s at the end of every parallel run, measured here, while the parent
    waited. Nothing is lost by skipping it: results go back through a queue that is
    written synchronously, so all of them have been handed over by the time a worker
    is told to stop."""
    import atexit

    from demandx import collector
    from demandx.spacy_without_cli import install

    collector.start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    atexit.register(_exit_at_once)
    install()  # a worker never runs spaCy's command line: 0.3-0.5 s less to start
    if parent is not None:
        _die_with(parent)


def _die_with(parent: int) -> None:
    """SIGKILL this process when its parent ends (Linux; elsewhere nothing)."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:   # it ended before the request was made
        os._exit(1)


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


def _dask_result(client: Any, options: Options, chunk: list, future: Any) -> list:
    """A chunk's outcomes from the cluster. extract_chunk contains every failure of a
    document, so a chunk fails only when its worker died (Dask gives up on a task that
    killed workers, KilledWorker) or the cluster failed it: then each of its documents
    is sent alone, and the one that fails again is the one reported."""
    try:
        return future.result()
    except Exception:  # whatever the cluster raised: find the document, below
        pass
    outcomes: list = []
    for task in chunk:
        if not isinstance(task, _Task):
            outcomes += extract_chunk([task], options)
            continue
        try:
            outcomes += client.submit(extract_chunk, [task], options, pure=False).result()
        except Exception:  # this document is the one the cluster cannot read
            outcomes.append(_killed(task.name))
    return outcomes


def _dask_workers(client) -> int:
    try:
        return len(client.scheduler_info().get("workers", {})) or 1
    except (AttributeError, OSError):
        return 1
