"""No code path is worse than n log n in the size of a document: counted in work done
(lines joined, matches looked at), not in seconds, so the tests hold on a busy machine."""

from __future__ import annotations

import demandx.analysis as analysis
import demandx.blocks as blocks
from conftest import extract_str


def _count(monkeypatch, module, name: str) -> list[int]:
    """Sizes of the first argument of every call of module.name."""
    sizes: list[int] = []
    original = getattr(module, name)

    def counting(first, *args):
        sizes.append(len(first))
        return original(first, *args)

    monkeypatch.setattr(module, name, counting)
    return sizes


def test_a_run_of_paragraphs_that_each_continue_the_last_is_joined_in_linear_work(
        monkeypatch):
    joined = _count(monkeypatch, blocks, "join_lines")
    paragraphs = 2000
    extract_str("a\n\n" * paragraphs, lang="de")
    # one join per block text, each over its own lines: a few times the lines in all
    assert sum(joined) < 10 * paragraphs


def test_a_paragraph_of_many_sentences_looks_at_each_match_in_its_own_clause(monkeypatch):
    looked_at = _count(monkeypatch, analysis, "_only")
    sentences = 400
    text = " ".join(["Die Stadt muss die Schulen sanieren."] * sentences)
    found = extract_str(text, lang="de").demands
    assert len(found) == sentences
    # each clause reads the few matches that start in it, not every match of the paragraph
    assert sum(looked_at) < 50 * sentences
