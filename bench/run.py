"""demandx benchmark: speed and memory, as ratios against a floor measured in the same run.

Usage:
    python bench/run.py [--shared ../shared] [--json results.json] [--skip-large]

Measures on this machine, in one run:

* the floor: a blank spaCy pipeline with only the tokenizer and sentencizer
  (`nlp.pipe`) over the same texts;
* demandx in this process (pipelines warm), per corpus: words/s, MB/s, ratio to the floor,
  for the blank pipeline and for the bundled trained pipelines;
* demandx as a user runs it (a cold `demandx extract` process): `--jobs 1` against
  `--jobs 2` on the motions, with identical output checked, and the peak RSS of the
  whole process tree; and the machine's own ceiling for two cores: two independent
  processes on half the motions each, started together;
* start-up: `demandx --help` and `demandx extract` on one seed, cold.

Corpora (from ../shared): the 2,996 motions (many small files), the gold-annotated
documents with the seeds (every format, German and Dutch), the Markdown election
programmes in large/ (few big files), the 120-page PDF in large/.
Only public tools are used: the Python standard library, spaCy, demandx.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--skip-large", action="store_true",
                        help="only the motions and start-up (a quick run)")
    args = parser.parse_args()
    corpus = args.shared / "corpus"
    if not (corpus / "moties" / "docs").is_dir():
        print(f"no corpus at {corpus}: give --shared", file=sys.stderr)
        return 2
    demandx = [sys.executable, "-m", "demandx"]
    results: dict[str, object] = {"machine": {"cpus": os.cpu_count(),
                                              "python": sys.version.split()[0]}}

    corpora = {"motions": ("nl", sorted((corpus / "moties" / "docs").glob("*.txt")))}
    gold_docs = sorted((args.shared / "seeds").glob("*")) + sorted((corpus / "docs").glob("*"))
    corpora["gold corpus (mixed)"] = (None, gold_docs)
    if not args.skip_large:
        corpora["programmes (md)"] = ("de", sorted((corpus / "large").glob("*.md")))
        corpora["programme (pdf)"] = ("de", sorted((corpus / "large").glob("*.pdf")))

    rows = []
    for name, (lang, files) in corpora.items():
        rows.append(measure_corpus(name, lang, files))
    results["in_process"] = rows

    motions = corpora["motions"][1]
    results["jobs"] = measure_jobs(demandx, corpus / "moties" / "docs", len(motions))
    results["startup"] = measure_startup(demandx)
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


# --- in-process throughput against the floor ---------------------------------------


def measure_corpus(name: str, lang: str | None, files: list[Path]) -> dict[str, object]:
    """Floor and demandx throughput (blank and bundled pipelines) on one corpus; with
    `lang` None the documents' languages are detected and each has its own floor pipeline."""
    import spacy

    from demandx.api import extract_many, load
    from demandx.language import detect_language
    from demandx.nlp import BLANK, bundled_model

    texts = [load(path).text for path in files]
    words = sum(len(text.split()) for text in texts)
    size = sum(path.stat().st_size for path in files)
    by_lang: dict[str, list[str]] = {}
    for text in texts:
        by_lang.setdefault(lang or detect_language(text) or "de", []).append(text)
    floors = {}
    for code, group in by_lang.items():
        floors[code] = spacy.blank(code)
        floors[code].add_pipe("sentencizer")
        floors[code].max_length = max(floors[code].max_length, max(map(len, group)) + 1)

    def run_floor() -> None:
        for code, group in by_lang.items():
            sum(1 for _ in floors[code].pipe(group, batch_size=64))

    floor = best_of(3, run_floor)
    row: dict[str, object] = {"corpus": name, "files": len(files), "words": words,
                              "megabytes": round(size / 1e6, 2),
                              "floor_words_per_s": round(words / floor)}
    pipelines = {"blank": {code: BLANK for code in by_lang}}
    if any(bundled_model(code) is not None for code in by_lang):
        pipelines["bundled"] = {}
    for label, models in pipelines.items():
        list(extract_many(files[:3], models=models))  # load the pipeline once, untimed
        seconds = best_of(2 if len(files) > 50 else 3,
                          lambda m=models: sum(1 for _ in extract_many(files, models=m)))
        row[label] = {
            "seconds": round(seconds, 2),
            "words_per_s": round(words / seconds),
            "mb_per_s": round(size / 1e6 / seconds, 2),
            "ratio_to_floor": round(floor / seconds, 2),
        }
    return row


def best_of(times: int, work) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


# --- cold processes: jobs, memory, start-up -------------------------------------------


class PeakRSS:
    """The peak resident memory of a process and all its children, sampled from /proc."""

    def __init__(self, pid: int):
        self.pid = pid
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(_rss(pid) for pid in _tree(self.pid)))
            time.sleep(0.02)


def _tree(pid: int) -> list[int]:
    pids = [pid]
    index = 0
    while index < len(pids):
        try:
            for task in Path(f"/proc/{pids[index]}/task").iterdir():
                children = (task / "children").read_text().split()
                pids.extend(int(child) for child in children)
        except OSError:
            pass
        index += 1
    return pids


def _rss(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_cold(command: list[str]) -> tuple[float, int, bytes]:
    """Wall time, peak RSS of the process tree, and stdout of one cold run."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    with PeakRSS(process.pid) as memory:
        out, _ = process.communicate()
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}")
    return seconds, memory.peak, out


def measure_jobs(demandx: list[str], folder: Path, files: int,
                 rounds: int = 5) -> dict[str, object]:
    """`demandx extract` on a folder, cold: --jobs 1 against --jobs 2, and the machine's
    own ceiling for two cores (see timed_halves).

    The three are timed in interleaved rounds, so that a slow spell of a shared virtual
    machine hits them alike; timed runs write to files with nothing polling them, and
    peak memory is taken in one more run of each, sampled from /proc."""
    figures: dict[str, object] = {"files": files, "rounds": rounds}
    paths = sorted(folder.glob("*.txt"))
    times: dict[str, list[float]] = {"jobs_1": [], "jobs_2": [], "halves": []}
    with tempfile.TemporaryDirectory() as scratch:
        outputs = {jobs: Path(scratch) / f"jobs{jobs}.jsonl" for jobs in (1, 2)}
        for _ in range(rounds):
            for jobs in (1, 2):
                times[f"jobs_{jobs}"].append(timed([*demandx, "extract", str(folder), "-f",
                                                    "jsonl", "--jobs", str(jobs), "-o",
                                                    str(outputs[jobs])]))
            times["halves"].append(timed_halves(demandx, paths, Path(scratch)))
        figures["identical_output"] = outputs[1].read_bytes() == outputs[2].read_bytes()
    for jobs in (1, 2):
        _seconds, peak, _out = run_cold([*demandx, "extract", str(folder), "-f", "jsonl",
                                         "--jobs", str(jobs)])
        figures[f"jobs_{jobs}"] = {"seconds": round(min(times[f"jobs_{jobs}"]), 2),
                                   "peak_rss_mb": round(peak / 2**20)}
    figures["halves_together_seconds"] = round(min(times["halves"]), 2)
    figures["speedup"] = round(min(times["jobs_1"]) / min(times["jobs_2"]), 2)
    figures["machine_ceiling"] = round(min(times["jobs_1"]) / min(times["halves"]), 2)
    # the same figures round by round: their spread shows how steady the machine was
    one = times["jobs_1"]
    figures["speedup_by_round"] = [round(a / b, 2) for a, b in zip(one, times["jobs_2"],
                                                                    strict=True)]
    figures["ceiling_by_round"] = [round(a / b, 2) for a, b in zip(one, times["halves"],
                                                                   strict=True)]
    return figures


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def timed_halves(demandx: list[str], files: list[Path], scratch: Path) -> float:
    """The best two cores can do here with no coordination at all: two independent
    `demandx extract` processes on the two halves of the files, started together.
    Against --jobs 1 on all files, this is the ceiling for --jobs 2: on shared virtual
    machines two busy cores are often well short of twice one."""
    halves = [files[:len(files) // 2], files[len(files) // 2:]]
    start = time.perf_counter()
    processes = [subprocess.Popen([*demandx, "extract", "-f", "jsonl", "-o",
                                   str(scratch / f"half{index}.jsonl"), *map(str, half)],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                 for index, half in enumerate(halves)]
    if any(process.wait() != 0 for process in processes):
        raise RuntimeError("demandx extract on half of the files failed")
    return time.perf_counter() - start


def measure_startup(demandx: list[str]) -> dict[str, float]:
    seed = ROOT / "seeds" / "000_c0e25bf6d5223cae.txt"
    console = [str(Path(sys.executable).parent / "demandx")]
    command = console if Path(console[0]).exists() else demandx
    help_times = [run_cold([*command, "--help"])[0] for _ in range(5)]
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "out.yaml"
        extract_times = [run_cold([*command, "extract", str(seed), "-o", str(out)])[0]
                         for _ in range(3)]
    return {"help_seconds": round(statistics.median(help_times), 3),
            "extract_one_seed_seconds": round(statistics.median(extract_times), 2)}


# --- report -----------------------------------------------------------------------------


def print_report(results: dict) -> None:
    print(f"machine: {results['machine']['cpus']} cores, Python {results['machine']['python']}")
    print()
    print("| corpus | files | words | MB | floor words/s | pipeline | words/s | MB/s | "
          "x floor |")
    print("|---|---:|---:|---:|---:|---|---:|---:|---:|")
    for row in results["in_process"]:
        for label in ("blank", "bundled"):
            if label in row:
                fig = row[label]
                print(f"| {row['corpus']} | {row['files']} | {row['words']} | "
                      f"{row['megabytes']} | {row['floor_words_per_s']} | {label} | "
                      f"{fig['words_per_s']} | {fig['mb_per_s']} | {fig['ratio_to_floor']} |")
    print()
    for row in results["in_process"]:
        if "bundled" in row:
            ratio = row["bundled"]["words_per_s"] / row["blank"]["words_per_s"]
            print(f"{row['corpus']}: trained pipelines at {ratio:.2f}x the blank pipeline's "
                  "throughput")
    jobs = results["jobs"]
    print()
    print(f"motions, cold `demandx extract`: --jobs 1 {jobs['jobs_1']['seconds']} s "
          f"(peak RSS {jobs['jobs_1']['peak_rss_mb']} MB), --jobs 2 "
          f"{jobs['jobs_2']['seconds']} s (peak RSS {jobs['jobs_2']['peak_rss_mb']} MB): "
          f"speedup {jobs['speedup']}x, identical output: {jobs['identical_output']}")
    print(f"this machine's ceiling for two cores: two independent processes on half the "
          f"motions each, started together, {jobs['halves_together_seconds']} s: "
          f"{jobs['machine_ceiling']}x --jobs 1")
    print(f"round by round ({jobs['rounds']} interleaved rounds): --jobs 2 speedup "
          f"{jobs['speedup_by_round']}, ceiling {jobs['ceiling_by_round']}")
    start = results["startup"]
    print(f"start-up: `demandx --help` {start['help_seconds']} s, `demandx extract` on one "
          f"seed {start['extract_one_seed_seconds']} s (cold, median)")


if __name__ == "__main__":
    sys.exit(main())
