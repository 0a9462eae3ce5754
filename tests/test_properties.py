"""Property-based tests (hypothesis): whatever text comes in, the structure parser and
the whole pipeline do not raise, spans stay grounded, output reads back, bytes repeat.

The generators mix random Unicode with what breaks parsers of this genre: control
characters and NUL bytes, right-to-left marks, very long lines, deep list nesting,
thousands of numbered lines, markers and headings of every kind, mixed scripts.
"""

from __future__ import annotations

import contextlib
import io
import json

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from demandx.api import extract, load
from demandx.errors import InputError
from demandx.grounding import grounding_problems
from demandx.lang import load_language
from demandx.lines import split_lines
from demandx.model import Text
from demandx.output import RecordWriter
from demandx.structure import build_tree

MARKERS = ["- ", "* ", "• ", "1. ", "2) ", "(3) ", "a) ", "II. ", "Punkt 4: ", "Nr. 5 ",
           "# ", "## ", "### ", "**", "---", "o ", "\uf0b7 ", "2.3 ", ""]
WORDS = ["Wir", "fordern", "die", "Bundesregierung", "auf", "verzoekt", "de", "regering",
         "muss", "moet", "must", "calls", "on", "Forderungen", "an", "Stadt", "Begründung",
         "overwegende", "dat", "stellt", "fest", ":", ";", ",", ".", "„", "“", "«", "»",
         "\u200f", "\u202e", "\x00", "\x07", "\t", "שלום", "مرحبا", "日本語", "Kri-",
         "terien", "\u00ad", "ﬁ", "🙂", "\r", "\f"]


@st.composite
def genre_lines(draw) -> str:
    """Lines built from markers, words of the genre and noise."""
    lines = []
    for _ in range(draw(st.integers(0, 40))):
        indent = " " * draw(st.integers(0, 12))
        marker = draw(st.sampled_from(MARKERS))
        words = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=8)),
                              max_size=14))
        lines.append(indent + marker + " ".join(words))
        if draw(st.booleans()):
            lines.append("")
    return "\n".join(lines)


@st.composite
def stress(draw) -> str:
    """Texts at the extremes: long lines, deep nesting, long numbered lists."""
    kind = draw(st.sampled_from(["long", "deep", "numbered", "mixed"]))
    if kind == "long":
        return "Wir fordern " + "sehr " * draw(st.integers(1_000, 20_000)) + "viel."
    if kind == "deep":
        depth = draw(st.integers(100, 3_000))
        return "Wir erwarten:\n" + "\n".join("  " * i + "- Punkt" for i in range(depth))
    if kind == "numbered":
        count = draw(st.integers(100, 3_000))
        return "Forderungen:\n" + "\n".join(f"{i}. Die Stadt muss {i} tun."
                                             for i in range(1, count))
    return draw(genre_lines()) + "\n" + draw(st.text(max_size=300))


TEXTS = st.one_of(st.text(max_size=400), genre_lines(), stress())
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.large_base_example,
                                           HealthCheck.data_too_large])


@SETTINGS
@given(text=TEXTS, code=st.sampled_from(["de", "nl", "en"]))
def test_structure_never_fails(text, code):
    loaded = Text(source="<fuzz>", text=text.replace("\r", "\n"))
    tree = build_tree(split_lines(loaded), load_language(code), None)
    assert tree.root.kind == "root"


@SETTINGS
@given(text=TEXTS, fmt=st.sampled_from(["text", "markdown"]))
# a numbered point without words before its body started at the document's start
@example(text="FORDERN\r0.\r0:", fmt="text")
def test_pipeline_is_total_grounded_serialisable_and_deterministic(text, fmt):
    data = text.encode("utf-8", "surrogatepass") if text else b""
    try:
        loaded = load(data, name="fuzz.txt", input_format=fmt)
    except InputError:
        return  # binary-looking input is refused with a clear error: allowed
    document = extract(loaded, models={"de": "blank", "nl": "blank", "en": "blank"})
    assert grounding_problems(document, loaded.text) == []
    record = document.to_dict()
    for fmt_out, read in (("yaml", lambda s: next(yaml.safe_load_all(s))),
                          ("json", lambda s: json.loads(s)[0]),
                          ("jsonl", lambda s: json.loads(s))):
        stream = io.StringIO()
        writer = RecordWriter(stream, fmt_out)
        writer.write(record)
        writer.close()
        assert read(stream.getvalue()) == record
    again = extract(load(data, name="fuzz.txt", input_format=fmt),
                    models={"de": "blank", "nl": "blank", "en": "blank"})
    assert again.to_dict() == record


@SETTINGS
@given(data=st.binary(max_size=2_000))
def test_markup_loaders_never_fail(data):
    from demandx.loaders.markup import load_html, load_xml

    for loader in (load_html, load_xml):
        with contextlib.suppress(InputError):  # a clear refusal is fine; nothing else is
            loader(data, "fuzz.html")


def test_fuzz_findings_stay_fixed():
    """Inputs the fuzzer found (tests/fuzz_regressions), replayed: each must finish fast.

    prefilter-backtracking.bin: a run of punctuation made the prefilter regex backtrack
    exponentially (separators and words could share characters); it took minutes."""
    import time
    from pathlib import Path

    import atheris_free_replay as replay

    for path in sorted((Path(__file__).parent / "fuzz_regressions").glob("*.bin")):
        # CPU time, not wall time: a busy shared machine must not fail this by chance
        start = time.process_time()
        replay.run(path.read_bytes())
        assert time.process_time() - start < 10, path.name
