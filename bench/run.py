"""demandx benchmark: CPU and wall time, as ratios to floors measured in the same run.

Usage:
    python bench/run.py [--shared ../shared] [--rounds 5] [--json results.json]
                        [--skip-large] [--skip-jobs]

Every figure is the median of interleaved rounds: each round runs every method once, in
turn, so that a busy spell of a shared machine hits them alike. Each method is timed
twice: CPU time (user + system of this process, all its threads, and of its children:
the PDF reading child, pdftotext, the `demandx` processes and their workers) and wall
time. On a shared machine wall time measures the neighbours too; the ratios are taken
from CPU time.

Floors, measured on the same texts in the same rounds:

* spaCy: a blank pipeline with only the tokenizer and sentencizer (`nlp.pipe`) over the
  text demandx extracted;
* PDF: `pdftotext` (poppler-utils) and that floor on its output, where pdftotext is
  installed; and pdfium's own `get_text_range` over the same pages against
  `demandx.load` (both in-process);
* HTML: lxml parsing the file and taking its text, and that floor on the text;
* Markdown and HTML: `docling` converting the files, where docling is installed
  (`pip install ".[bench]"`; its Markdown and HTML readers need no models and run
  offline): the tool a user would otherwise pick;
* start-up: `python -c "import spacy; spacy.blank('de')"` against `demandx extract` on
  one seed and `demandx --help`, all cold processes. demandx's modules are byte-compiled
  first, as pip does when it installs a package (spaCy's were when it was installed):
  an editable checkout run with PYTHONDONTWRITEBYTECODE=1 would otherwise compile some
  fifty modules from source in every process, which no installed demandx does.
  `--from-source` measures that case too.

Corpora (from ../shared): the 2,996 motions (many small files), the gold-annotated
documents with the seeds (every format, German and Dutch), and in large/ the Markdown
election programmes, the SPD programme as HTML and as a 120-page PDF.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_c0e25bf6d5223cae.txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (5)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--skip-large", action="store_true",
                        help="leave out the programmes in large/ (a quicker run)")
    parser.add_argument("--skip-jobs", action="store_true",
                        help="leave out --jobs 1 against --jobs 2 on the motions")
    parser.add_argument("--from-source", action="store_true",
                        help="also time the cold processes with demandx's modules compiled "
                             "from source in each (an editable checkout without .pyc files)")
    args = parser.parse_args()
    corpus = args.shared / "corpus"
    if not (corpus / "moties" / "docs").is_dir():
        print(f"no corpus at {corpus}: give --shared", file=sys.stderr)
        return 2
    results: dict[str, object] = {"machine": {"cpus": os.cpu_count(),
                                              "python": sys.version.split()[0]},
                                  "rounds": args.rounds}
    corpora = {"motions": ("nl", sorted((corpus / "moties" / "docs").glob("*.txt")))}
    corpora["gold corpus (mixed)"] = (None, sorted((args.shared / "seeds").glob("*"))
                                      + sorted((corpus / "docs").glob("*")))
    if not args.skip_large:
        large = corpus / "large"
        corpora["programmes (md)"] = ("de", sorted(large.glob("*.md")))
        corpora["programme (html)"] = ("de", sorted(large.glob("*.html")))
        corpora["programme (pdf)"] = ("de", sorted(large.glob("*.pdf")))
    results["corpora"] = [measure_corpus(name, lang, files, args.rounds)
                          for name, (lang, files) in corpora.items() if files]
    results["startup"] = measure_startup(args.rounds, args.from_source)
    if not args.skip_jobs:
        motions = corpus / "moties" / "docs"
        results["jobs"] = measure_jobs(motions, args.rounds)
    print_report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


# --- clocks -----------------------------------------------------------------------------


@dataclass
class Timing:
    """CPU seconds (process, threads and children) and wall seconds of one piece of work."""

    cpu: float
    wall: float


def cpu_seconds() -> float:
    """CPU time so far of this process, its finished children and the live PDF child."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (time.process_time() + children.ru_utime + children.ru_stime
            + _pdf_child_seconds())


def _pdf_child_seconds() -> float:
    """CPU time of demandx's PDF reading child: it stays alive between documents, so
    its time is not in RUSAGE_CHILDREN until it ends. Read from /proc (Linux)."""
    isolated = sys.modules.get("demandx.loaders.isolated")
    child = getattr(isolated, "_CHILD", None)
    if child is None or child.process.poll() is not None:
        return 0.0
    try:
        fields = Path(f"/proc/{child.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed(work: Callable[[], object]) -> Timing:
    cpu, wall = cpu_seconds(), time.perf_counter()
    work()
    return Timing(cpu_seconds() - cpu, time.perf_counter() - wall)


def interleaved(methods: dict[str, Callable[[], object]], rounds: int,
                warm: bool = True) -> dict[str, Timing]:
    """Median CPU and wall time of each method over `rounds` rounds, each round running
    every method once, in turn. With `warm`, each method runs once more, untimed, first:
    pipelines load and files come into the page cache."""
    samples: dict[str, list[Timing]] = {name: [] for name in methods}
    for work in methods.values() if warm else ():
        work()
    for _ in range(rounds):
        for name, work in methods.items():
            samples[name].append(timed(work))
    return {name: Timing(statistics.median(t.cpu for t in runs),
                         statistics.median(t.wall for t in runs))
            for name, runs in samples.items()}


# --- in-process throughput against the floors ---------------------------------------------


def measure_corpus(name: str, lang: str | None, files: list[Path],
                   rounds: int) -> dict[str, object]:
    """Floors and demandx (blank and bundled pipelines) on one corpus, in-process; with
    `lang` None the documents' languages are detected and each has its own floor."""
    from demandx.api import extract_many, load
    from demandx.nlp import BLANK, bundled_model

    texts = [load(path).text for path in files]
    floor = _SpacyFloor(lang, texts)
    methods: dict[str, Callable[[], object]] = {"spaCy floor": lambda: floor(texts)}
    kinds = {path.suffix.lower() for path in files}
    if kinds == {".pdf"}:
        methods.update(_pdf_floors(files, floor))
    if kinds <= {".html", ".htm"}:
        methods["lxml + spaCy floor"] = lambda: floor([_lxml_text(p) for p in files])
    if kinds <= {".html", ".htm", ".md"} and importlib.util.find_spec("docling"):
        methods["docling"] = _docling(files)
    languages = set(floor.pipelines)
    pipelines = {"blank": {code: BLANK for code in languages}}
    if any(bundled_model(code) is not None for code in languages):
        pipelines["bundled"] = {}
    for label, models in pipelines.items():
        methods[f"demandx ({label})"] = \
            lambda m=models: sum(1 for _ in extract_many(files, models=m))
    timings = interleaved(methods, rounds)
    words = sum(len(text.split()) for text in texts)
    spacy_cpu = timings["spaCy floor"].cpu
    # the floor for the format: reading the file with the usual tool, then spaCy
    format_floor = next((timings[m].cpu for m in ("pdftotext + spaCy floor",
                                                  "lxml + spaCy floor") if m in timings),
                        None)
    figures = {}
    for method, t in timings.items():
        figures[method] = {**asdict(t), "words_per_cpu_s": round(words / t.cpu),
                           "words_per_wall_s": round(words / t.wall),
                           "ratio_to_spacy_floor": round(spacy_cpu / t.cpu, 2)}
        if format_floor:
            figures[method]["ratio_to_format_floor"] = round(format_floor / t.cpu, 2)
    return {"corpus": name, "files": len(files), "words": words,
            "megabytes": round(sum(p.stat().st_size for p in files) / 1e6, 2),
            "methods": figures}


class _SpacyFloor:
    """A blank spaCy pipeline per language with the tokenizer and sentencizer only."""

    def __init__(self, lang: str | None, texts: list[str]):
        import spacy

        from demandx.language import detect_language

        self.lang = lang
        self.detect = detect_language
        self.pipelines = {}
        for text in texts:
            code = self._language(text)
            if code not in self.pipelines:
                nlp = spacy.blank(code)
                nlp.add_pipe("sentencizer")
                self.pipelines[code] = nlp
            nlp = self.pipelines[code]
            nlp.max_length = max(nlp.max_length, len(text) + 1)

    def _language(self, text: str) -> str:
        return self.lang or self.detect(text) or "de"

    def __call__(self, texts: list[str]) -> int:
        by_lang: dict[str, list[str]] = {}
        for text in texts:
            by_lang.setdefault(self._language(text), []).append(text)
        for code, group in by_lang.items():
            nlp = self.pipelines.get(code) or self.pipelines[next(iter(self.pipelines))]
            nlp.max_length = max([nlp.max_length, *map(len, group)]) + 1
            sum(1 for _ in nlp.pipe(group, batch_size=64))
        return len(texts)


def _pdf_floors(files: list[Path], floor: _SpacyFloor) -> dict[str, Callable[[], object]]:
    """pdftotext + the spaCy floor (where pdftotext is installed), pdfium's own text
    extraction, and demandx's PDF reading alone, in-process and with its child."""
    from demandx.api import load

    methods: dict[str, Callable[[], object]] = {}
    pdftotext = shutil.which("pdftotext")
    if pdftotext:
        methods["pdftotext + spaCy floor"] = lambda: floor([
            subprocess.run([pdftotext, "-q", "-enc", "UTF-8", str(p), "-"], check=True,
                           capture_output=True).stdout.decode("utf-8") for p in files])
    methods["pdfium get_text_range"] = lambda: [_pdfium_text(p) for p in files]

    def in_process() -> None:
        with _environment(DEMANDX_PDF_ISOLATION="0"):
            for path in files:
                load(path)

    methods["demandx.load in-process"] = in_process
    methods["demandx.load (child)"] = lambda: [load(path) for path in files]
    return methods


def _pdfium_text(path: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path.read_bytes())
    try:
        size = 0
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            size += len(textpage.get_text_range())
            textpage.close()
            page.close()
        return size
    finally:
        document.close()


@contextlib.contextmanager
def _environment(**values: str):
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _lxml_text(path: Path) -> str:
    import lxml.html

    return lxml.html.fromstring(path.read_bytes()).text_content()


def _docling(files: list[Path]) -> Callable[[], object]:
    from docling.document_converter import DocumentConverter  # an optional tool

    converter = DocumentConverter()
    return lambda: [converter.convert(str(p)).document.export_to_markdown() for p in files]


# --- cold processes: start-up, jobs, memory --------------------------------------------------


def _demandx() -> list[str]:
    """The console script as a user runs it, or `python -m demandx` where it is absent."""
    script = Path(sys.executable).parent / "demandx"
    return [str(script)] if script.exists() else [sys.executable, "-m", "demandx"]


def run(command: list[str]) -> None:
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)


def measure_startup(rounds: int, from_source: bool = False) -> dict[str, object]:
    """Cold processes: `demandx --help`, `demandx extract` on one seed, and spaCy's own
    start (import and a blank German pipeline) as the floor; demandx byte-compiled as
    installed, and with `from_source` also compiled from source in every process."""
    demandx = _demandx()
    compiled = compile_package()
    with tempfile.TemporaryDirectory() as scratch:
        out = str(Path(scratch) / "out.yaml")
        methods = {
            "python -c 'import spacy; spacy.blank(\"de\")'":
                lambda: run([sys.executable, "-c", "import spacy; spacy.blank('de')"]),
            "demandx extract (one seed)": lambda: run([*demandx, "extract", str(SEED),
                                                      "-o", out]),
            "demandx --help": lambda: run([*demandx, "--help"]),
        }
        if from_source:
            source = _from_source_command()
            methods["demandx extract (one seed), from source"] = \
                lambda: run([*source, "extract", str(SEED), "-o", out])
            methods["demandx --help, from source"] = lambda: run([*source, "--help"])
        timings = interleaved(methods, rounds)
    floor = timings["python -c 'import spacy; spacy.blank(\"de\")'"].cpu
    figures: dict[str, object] = {
        name: {**asdict(t), "ratio_to_spacy_blank": round(t.cpu / floor, 2)}
        for name, t in timings.items()}
    figures["byte-compiled"] = compiled
    return figures


def compile_package() -> bool:
    """Byte-compile demandx's modules beside their sources, as pip does at install (an
    editable install is not compiled, and PYTHONDONTWRITEBYTECODE keeps Python from
    writing the files itself); False where the folder cannot be written."""
    import compileall

    import demandx

    folder = Path(demandx.__file__).parent
    with contextlib.redirect_stdout(None):
        return bool(compileall.compile_dir(str(folder), quiet=2))


def _from_source_command() -> list[str]:
    """`demandx` in a process that compiles demandx's own modules from source, as when
    no .pyc file of theirs is there; every other module keeps its .pyc file."""
    import demandx

    folder = Path(demandx.__file__).parent
    code = ("import sys\n"
            "from importlib.machinery import SourceFileLoader\n"
            f"root = {str(folder)!r}\n"
            "original = SourceFileLoader.get_code\n"
            "def get_code(self, name):\n"
            "    if self.path.startswith(root):\n"
            "        return compile(self.get_data(self.path), self.path, 'exec',\n"
            "                       dont_inherit=True)\n"
            "    return original(self, name)\n"
            "SourceFileLoader.get_code = get_code\n"
            "from demandx.launch import main\n"
            "sys.argv[0] = 'demandx'\n"
            "main()\n")
    return [sys.executable, "-c", code]


def measure_jobs(folder: Path, rounds: int) -> dict[str, object]:
    """`demandx extract` on a folder, cold: --jobs 1 against --jobs 2, and the machine's
    own ceiling for two cores (two independent processes on half the files each,
    started together: on shared virtual machines two busy cores are often well short of
    twice one). Identical output checked; peak memory in one more run of each."""
    demandx = _demandx()
    paths = sorted(folder.glob("*.txt"))
    halves = [paths[:len(paths) // 2], paths[len(paths) // 2:]]
    with tempfile.TemporaryDirectory() as scratch:
        outputs = {jobs: Path(scratch) / f"jobs{jobs}.jsonl" for jobs in (1, 2)}

        def jobs(count: int) -> Callable[[], None]:
            return lambda: run([*demandx, "extract", str(folder), "-f", "jsonl", "--jobs",
                                str(count), "-o", str(outputs[count])])

        def together() -> None:
            processes = [subprocess.Popen([*demandx, "extract", "-f", "jsonl", "-o",
                                           str(Path(scratch) / f"half{i}.jsonl"),
                                           *map(str, half)],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                         for i, half in enumerate(halves)]
            if any(process.wait() != 0 for process in processes):
                raise RuntimeError("demandx extract on half of the files failed")

        timings = interleaved({"--jobs 1": jobs(1), "--jobs 2": jobs(2),
                               "two halves together": together}, rounds, warm=False)
        identical = outputs[1].read_bytes() == outputs[2].read_bytes()
    one = timings["--jobs 1"].wall
    figures: dict[str, object] = {"files": len(paths), "identical_output": identical,
                                  "speedup": round(one / timings["--jobs 2"].wall, 2),
                                  "machine_ceiling": round(
                                      one / timings["two halves together"].wall, 2)}
    for name, t in timings.items():
        figures[name] = asdict(t)
    for count in (1, 2):
        figures[f"--jobs {count}"]["peak_rss_mb"] = round(
            run_cold([*demandx, "extract", str(folder), "-f", "jsonl", "--jobs",
                      str(count)])[1] / 2**20)
    return figures


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


def run_cold(command: list[str]) -> tuple[Timing, int, bytes]:
    """CPU and wall time, peak RSS of the process tree, and stdout of one cold run (the
    memory sampling costs CPU of its own: use `interleaved` for time)."""
    cpu, wall = cpu_seconds(), time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    with PeakRSS(process.pid) as memory:
        out, _ = process.communicate()
    timing = Timing(cpu_seconds() - cpu, time.perf_counter() - wall)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited with {process.returncode}")
    return timing, memory.peak, out


# --- report -----------------------------------------------------------------------------


def print_report(results: dict) -> None:
    machine = results["machine"]
    print(f"machine: {machine['cpus']} cores, Python {machine['python']}; medians of "
          f"{results['rounds']} interleaved rounds; ratios from CPU time")
    print()
    print("| corpus | files | words | method | CPU s | wall s | words/CPU s | words/wall s "
          "| x spaCy floor | x format floor |")
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for row in results["corpora"]:
        for method, fig in row["methods"].items():
            print(f"| {row['corpus']} | {row['files']} | {row['words']} | {method} | "
                  f"{fig['cpu']:.2f} | {fig['wall']:.2f} | {fig['words_per_cpu_s']} | "
                  f"{fig['words_per_wall_s']} | {fig['ratio_to_spacy_floor']} | "
                  f"{fig.get('ratio_to_format_floor', '')} |")
    print("\nx spaCy floor: the floor's CPU time over the method's (1 = as fast as "
          "tokenizing and splitting sentences); x format floor: the same against "
          "pdftotext or lxml + the spaCy floor")
    for row in results["corpora"]:
        methods = row["methods"]
        if "demandx.load in-process" in methods:
            ratio = methods["demandx.load in-process"]["cpu"] / \
                methods["pdfium get_text_range"]["cpu"]
            print(f"\n{row['corpus']}: demandx.load in-process takes {ratio:.2f}x the CPU "
                  "time of pdfium's get_text_range over the same pages")
    print()
    print("| start-up (cold process) | CPU s | wall s | x spaCy blank('de') (CPU) |")
    print("|---|---:|---:|---:|")
    for name, fig in results["startup"].items():
        if isinstance(fig, dict):
            print(f"| {name} | {fig['cpu']:.2f} | {fig['wall']:.2f} | "
                  f"{fig['ratio_to_spacy_blank']} |")
    print("\ndemandx's modules byte-compiled first, as an installed package has them: "
          f"{'yes' if results['startup']['byte-compiled'] else 'no (folder not writable)'}")
    if "jobs" in results:
        jobs = results["jobs"]
        print()
        print(f"| motions, cold `demandx extract` ({jobs['files']} files) | CPU s | wall s "
              "| peak RSS MB |")
        print("|---|---:|---:|---:|")
        for name in ("--jobs 1", "--jobs 2", "two halves together"):
            fig = jobs[name]
            print(f"| {name} | {fig['cpu']:.2f} | {fig['wall']:.2f} | "
                  f"{fig.get('peak_rss_mb', '')} |")
        print(f"\n--jobs 2: {jobs['speedup']}x --jobs 1 in wall time; this machine's "
              f"ceiling for two cores (two halves together): {jobs['machine_ceiling']}x; "
              f"identical output: {jobs['identical_output']}")


if __name__ == "__main__":
    sys.exit(main())
