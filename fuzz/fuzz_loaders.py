"""Coverage-guided fuzzing (atheris/libFuzzer) of the text, Markdown, HTML and XML
loaders and everything after them: structure, demand rules, serialisation.

    pip install atheris
    python fuzz/fuzz_loaders.py -max_total_time=600 -max_len=8192 fuzz/corpus

A finding is any exception other than demandx's own InputError (a clear refusal), a
span that does not hold its demand's words, or output that does not read back. Seed the
corpus directory with small documents (the seeds, ../shared/corpus/docs) to start deep.
"""

from __future__ import annotations

import io
import json
import sys

import atheris
import spacy  # noqa: F401  (imported before instrumentation: only demandx is instrumented)
import yaml

with atheris.instrument_imports(include=["demandx"]):
    from demandx.errors import InputError
    from demandx.extraction import extract_text
    from demandx.grounding import grounding_problems
    from demandx.loaders.markup import load_html, load_xml
    from demandx.loaders.text import load_text
    from demandx.output import RecordWriter

BLANK = {"de": "blank", "nl": "blank", "en": "blank"}


def test_one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    kind = provider.ConsumeIntInRange(0, 3)
    payload = provider.ConsumeBytes(provider.remaining_bytes())
    try:
        if kind == 0:
            text = load_text(payload, "fuzz.txt", "text")
        elif kind == 1:
            text = load_text(payload, "fuzz.md", "markdown")
        elif kind == 2:
            text = load_html(payload, "fuzz.html")
        else:
            text = load_xml(payload, "fuzz.xml")
    except InputError:
        return
    document = extract_text(text, models=BLANK)
    problems = grounding_problems(document, text.text)
    if problems:
        raise AssertionError("; ".join(problems))
    record = document.to_dict()
    for fmt in ("yaml", "json"):
        stream = io.StringIO()
        writer = RecordWriter(stream, fmt)
        writer.write(record)
        writer.close()
        back = (next(yaml.safe_load_all(stream.getvalue())) if fmt == "yaml"
                else json.loads(stream.getvalue())[0])
        if back != record:
            raise AssertionError(f"{fmt} output does not read back")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
