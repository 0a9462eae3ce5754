"""Evaluate a trained pipeline on the held-out slice.

Reports accuracy (spaCy's own scorer, with spaCy's tokenisation aligned to the
gold tokens), speed (words/s with ``nlp.pipe`` on one CPU core), size on disk,
and a lemma comparison between the trained lemmatizer and simplemma.

Usage: python training/evaluate.py MODEL_DIR HELDOUT.spacy [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example

PROBES = Path(__file__).resolve().parent / "lemma_probes.tsv"

# The verbs demandx looks for. Dutch "oproepen" is listed because UD keeps the
# particle in the lemma of separable verbs ("roept ... op" -> oproepen).
TARGET_LEMMAS = {
    "de": {"müssen", "sollen", "fordern", "erwarten"},
    "nl": {"moeten", "verzoeken", "roepen", "oproepen", "eisen"},
}

SCORE_KEYS = (
    "token_acc",
    "pos_acc",
    "morph_acc",
    "tag_acc",
    "dep_uas",
    "dep_las",
    "sents_f",
    "lemma_acc",
)


def load_gold(nlp: Language, path: Path) -> list[Doc]:
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def accuracy(nlp: Language, gold_docs: list[Doc]) -> dict[str, float]:
    """Standard spaCy scores; the pipeline tokenises the raw text itself."""
    examples = [Example(nlp.make_doc(doc.text), doc) for doc in gold_docs]
    scores = nlp.evaluate(examples)
    return {key: round(float(scores[key]), 4) for key in SCORE_KEYS}


def words_per_second(nlp: Language, texts: list[str], repeats: int = 5) -> float:
    """Throughput of nlp.pipe with the process pinned to a single CPU core.

    Pinning (Linux only; elsewhere the number is for all cores) also confines
    any BLAS threads, so the result is what one worker process achieves.
    """
    pin = hasattr(os, "sched_setaffinity")
    affinity = os.sched_getaffinity(0) if pin else set()
    if pin:
        os.sched_setaffinity(0, {min(affinity)})
    try:
        for _ in nlp.pipe(texts[:5]):  # warm-up: first calls allocate buffers
            pass
        words = 0
        start = time.perf_counter()
        for _ in range(repeats):
            for doc in nlp.pipe(texts, batch_size=64):
                words += len(doc)
        return words / (time.perf_counter() - start)
    finally:
        if pin:
            os.sched_setaffinity(0, affinity)


def disk_size_mb(path: Path) -> float:
    total = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return round(total / 1e6, 2)


def _simplemma(lang: str):
    try:
        import simplemma
    except ImportError:
        return None
    if lang == "nl":
        # simplemma's Dutch data writes some lemmas Alpino-style ("op_nemen");
        # join them as the training data does (convert_ud.normalise_dutch_lemma).
        return lambda word: simplemma.lemmatize(word, lang=lang).replace("_", "")
    return lambda word: simplemma.lemmatize(word, lang=lang)


def _lemmatizers(lang: str):
    """Lemma functions (trained lemma, word) -> lemma for each compared system.

    "combined" is a cheap runtime option: simplemma, except where the trained
    lemmatizer splits a contraction (German "zum" -> "zu der"), which
    simplemma, working on single words, cannot do.
    """
    simple = _simplemma(lang)
    if simple is None:
        return {"trained": lambda trained, _word: trained}
    return {
        "trained": lambda trained, _word: trained,
        "simplemma": lambda _trained, word: simple(word),
        "combined": lambda trained, word: trained if " " in trained else simple(word),
    }


def _rate(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


def lemma_comparison(nlp: Language, gold_docs: list[Doc], lang: str) -> dict:
    """Trained lemmatizer vs simplemma on the gold tokens of the held-out slice.

    Gold tokenisation is used for all systems, so they are scored on exactly
    the same tokens. Subsets: all tokens; all but merged contractions (German
    "zum" -> "zu der", which simplemma never splits); verbs (gold UPOS VERB or
    AUX); the target modal/demand verbs (gold lemma in TARGET_LEMMAS). "_ci"
    scores ignore case (sentence-initial capitals, German nouns).
    """
    systems = _lemmatizers(lang)
    subsets = ("all", "no_contractions", "verbs", "targets")
    hits = {name: Counter() for name in subsets}
    sizes = Counter()
    target_errors = []
    for gold in gold_docs:
        words = [t.text for t in gold]
        spaces = [bool(t.whitespace_) for t in gold]
        pred = nlp(Doc(nlp.vocab, words=words, spaces=spaces))
        for g, p in zip(gold, pred, strict=True):
            expected = g.lemma_
            lemmas = {name: fn(p.lemma_, g.text) for name, fn in systems.items()}
            member = {
                "all": True,
                "no_contractions": " " not in expected,
                "verbs": g.pos_ in ("VERB", "AUX"),
                "targets": expected in TARGET_LEMMAS[lang],
            }
            for subset in subsets:
                if not member[subset]:
                    continue
                sizes[subset] += 1
                for name, lemma in lemmas.items():
                    hits[subset][name] += lemma == expected
                    hits[subset][name + "_ci"] += lemma.lower() == expected.lower()
            if member["targets"] and any(v != expected for v in lemmas.values()):
                target_errors.append({"form": g.text, "gold": expected, **lemmas})
    result: dict = {}
    for subset in subsets:
        result[subset] = {"n": sizes[subset]}
        for name in systems:
            for key in (name, name + "_ci"):
                result[subset][key] = _rate(hits[subset][key], sizes[subset])
    result["target_errors"] = target_errors
    return result


def read_probes(lang: str, path: Path = PROBES) -> list[tuple[str, str, set[str]]]:
    probes = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        probe_lang, sentence, form, lemmas = line.split("\t")
        if probe_lang == lang:
            probes.append((sentence, form, set(lemmas.split("|"))))
    return probes


def probe_comparison(nlp: Language, lang: str) -> dict:
    """Lemma of one target word per hand-written sentence (lemma_probes.tsv)."""
    systems = _lemmatizers(lang)
    hits = Counter()
    rows = []
    probes = read_probes(lang)
    for sentence, form, accepted in probes:
        doc = nlp(sentence)
        token = next(t for t in doc if t.text == form)
        lemmas = {name: fn(token.lemma_, form) for name, fn in systems.items()}
        for name, lemma in lemmas.items():
            hits[name] += lemma in accepted
        rows.append(
            {
                "sentence": sentence,
                "accepted": sorted(accepted),
                "pos": token.pos_,
                "dep": token.dep_,
                **lemmas,
            }
        )
    result: dict = {"n": len(probes)}
    result.update({name: _rate(hits[name], len(probes)) for name in systems})
    result["rows"] = rows
    return result


def simplemma_speed(lang: str, words: Iterable[str]) -> float | None:
    simple = _simplemma(lang)
    if simple is None:
        return None
    words = list(words)
    simple(words[0])  # first call loads the dictionary
    start = time.perf_counter()
    for word in words:
        simple(word)
    return len(words) / (time.perf_counter() - start)


def evaluate(model_dir: Path, heldout: Path) -> dict:
    nlp = spacy.load(model_dir)
    lang = nlp.lang
    gold_docs = load_gold(nlp, heldout)
    texts = [doc.text for doc in gold_docs]
    return {
        "model": str(model_dir),
        "heldout": {
            "docs": len(gold_docs),
            "sentences": sum(len(list(d.sents)) for d in gold_docs),
            "tokens": sum(len(d) for d in gold_docs),
        },
        "accuracy": accuracy(nlp, gold_docs),
        "words_per_second_1core": round(words_per_second(nlp, texts)),
        "size_mb": disk_size_mb(model_dir),
        "lemmas_heldout": lemma_comparison(nlp, gold_docs, lang),
        "lemmas_probes": probe_comparison(nlp, lang),
        "simplemma_words_per_second": round(
            simplemma_speed(lang, (t.text for d in gold_docs for t in d)) or 0
        ),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("model_dir", type=Path)
    parser.add_argument("heldout", type=Path)
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args()
    report = evaluate(args.model_dir, args.heldout)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
