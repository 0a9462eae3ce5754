"""No code path is worse than n log n in the size of a document: counted in work done
(lines joined, matches looked at), not in seconds, so the tests hold on a busy machine."""

from __future__ import annotations

import demandx.analysis as analysis
import demandx.blocks as blocks
from conftest import extract_str


def test_a_run_of_paragraphs_that_each_continue_the_last_is_joined_in_linear_work(
        monkeypatch):
    joined = []
    original = blocks.join_lines

    def counting(parts, lang):
        joined.append(len(parts))
        return original(parts, lang)

    monkeypatch.setattr(blocks, "join_lines", counting)
    paragraphs = 2000
    extract_str("a\n\n" * paragraphs, lang="de")
    # one join per block text, each over its own lines: a few times the lines in all
    assert sum(joined) < 10 * paragraphs


def test_a_paragraph_of_many_sentences_looks_at_each_match_in_its_own_clause(monkeypatch):
    looked_at = []
    original = analysis._only

    def counting(matches, inside):
        looked_at.append(len(matches))
        return original(matches, inside)

    monkeypatch.setattr(analysis, "_only", counting)
    sentences = 400
    text = " ".join(["Die Stadt muss die Schulen sanieren."] * sentences)
    found = extract_str(text, lang="de").demands
    assert len(found) == sentences
    # each clause reads the few matches that start in it, not every match of the paragraph
    assert sum(looked_at) < 50 * sentences
