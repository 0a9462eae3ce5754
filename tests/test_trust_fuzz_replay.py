"""The structure-aware fuzzer's cases (fuzz/fuzz_trust.py), replayed without atheris:
hand-made inputs that reach each crafted shape, and every input the fuzzer found
(tests/fuzz_regressions/trust-*.bin). Each must end in a record or a clear refusal."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fuzz"))

import fuzz_trust

REGRESSIONS = sorted((Path(__file__).parent / "fuzz_regressions").glob("trust-*.bin"))


def docx_input(start: int, fmt: int, external: int) -> bytes:
    level = start.to_bytes(8, "little") + bytes([fmt]) + (2).to_bytes(2, "little") + b"%1"
    paragraph = bytes([3]) + (20).to_bytes(2, "little") + b"Wir fordern mehr Geld"[:20]
    return bytes([0]) + level * 3 + bytes([30]) + paragraph * 30 + bytes([external])


@pytest.mark.parametrize("data", [
    docx_input((1 << 63) - 1, 1, 3),           # the largest start, letters, links out
    docx_input(0, 0, 0),                       # the most negative start, decimal
    docx_input((1 << 62) + 2_000_000_000, 2, 1),
    bytes([1]) + bytes([25]) * 200,            # a PDF of many lines on shared pages
    bytes([2]) + (2999).to_bytes(2, "little") + b"\x00" + b"x" * 10
    + b"Wir fordern mehr.",                    # front matter 2,999 deep
    bytes([3, 0]) + b"[" * 50_000,             # diff: JSON nested beyond the stack
    bytes([3, 1]) + b"source: a\ndemands: {a: [1, {b: 2}]}\n",  # diff: wrong types
], ids=["docx-huge-start", "docx-negative-start", "docx-letters", "pdf-shared",
        "markdown-deep", "diff-deep-json", "diff-wrong-types"])
def test_crafted_cases_end_in_a_record_or_a_refusal(data, tmp_path):
    fuzz_trust.run(data, str(tmp_path))


@pytest.mark.parametrize("path", REGRESSIONS, ids=[p.name for p in REGRESSIONS])
def test_fuzzer_findings_replay(path, tmp_path):
    fuzz_trust.run(path.read_bytes(), str(tmp_path))
