"""Rebuild the demandx spaCy pipelines models/de and models/nl from UD data.

Run from anywhere (paths default relative to the repository root):

    python training/build_models.py [--ud-dir ../shared/ud] [--lang de nl]

For each language this (1) converts the treebanks into train/dev/held-out
DocBins, (2) runs stock ``spacy train`` with training/<lang>.cfg, (3) exports
the best checkpoint to models/<lang> without training leftovers and with
filled-in metadata, and (4) evaluates it on the held-out slice. Intermediates
go to training/output/<lang>/ (gitignored).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

# convert_ud and evaluate are siblings in training/: running this file as a
# script puts training/ on sys.path, so they import as top-level modules.
import spacy
from confection import Config
from convert_ud import DEFAULT_UD_DIR, REPO_ROOT, convert
from evaluate import evaluate, load_gold, read_probes
from spacy.language import Language
from spacy.strings import StringStore

TRAINING_DIR = REPO_ROOT / "training"

MODEL_NAME = "demandx_ud"
MODEL_VERSION = "0.1.0"
LICENSE = "CC BY-SA 4.0"

# Treebank snapshots the shipped models were trained on (see
# ../shared/ud/README.md). Update together with the data.
SOURCES = {
    "de": [
        {
            "name": "UD_German-GSD",
            "url": "https://github.com/UniversalDependencies/UD_German-GSD/"
            "tree/297fcf350481058d0737a27f0f8fd03b2eadd67a",
            "license": "CC BY-SA 4.0",
            "author": "Petrov, Seeker, McDonald, Nivre, Zeman, Boyd, Blaschke "
            "et al. (Universal Dependencies)",
        },
        {
            "name": "UD_German-PUD",
            "url": "https://github.com/UniversalDependencies/UD_German-PUD/"
            "tree/ff80846ae60a0a70fc4d6251ef73e6a483a620ee",
            "license": "CC BY-SA 3.0",
            "author": "Uszkoreit, Macketanz, Burchardt, Rehm, Petrov, Zeman "
            "et al. (Universal Dependencies)",
        },
    ],
    "nl": [
        {
            "name": "UD_Dutch-Alpino",
            "url": "https://github.com/UniversalDependencies/UD_Dutch-Alpino/"
            "tree/95e374a608d114ec6c6b32f0fbd5f324d29ef286",
            "license": "CC BY-SA 4.0",
            "author": "Bouma, van Noord, Zeman, Žabokrtský (Universal Dependencies)",
        },
        {
            "name": "UD_Dutch-LassySmall",
            "url": "https://github.com/UniversalDependencies/UD_Dutch-LassySmall/"
            "tree/7880e0bc4c8138607c8e9724db2294dc89d4e2b5",
            "license": "CC BY-SA 4.0",
            "author": "Bouma, van Noord (Universal Dependencies)",
        },
    ],
}

DESCRIPTION = {
    "de": "German pipeline for demandx: tok2vec, tagger (STTS), morphologizer "
    "(UPOS + UD features), dependency parser (UD labels, also sets sentence "
    "boundaries), trainable lemmatizer. Trained on the dev+test portions of "
    "UD German-GSD and German-PUD. Derived work under CC BY-SA 4.0.",
    "nl": "Dutch pipeline for demandx: tok2vec, tagger (CGN/Alpino XPOS), "
    "morphologizer (UPOS + UD features), dependency parser (UD labels, also "
    "sets sentence boundaries), trainable lemmatizer. Trained on the dev+test "
    "portions of UD Dutch-Alpino and Dutch-LassySmall. Derived work under "
    "CC BY-SA 4.0.",
}


def train(lang: str, corpus: Path, out: Path) -> float:
    """Run stock `spacy train`; return the wall-clock time in seconds."""
    if out.exists():
        shutil.rmtree(out)  # never export a stale checkpoint of an older run
    cmd = [
        sys.executable,
        "-m",
        "spacy",
        "train",
        str(TRAINING_DIR / f"{lang}.cfg"),
        "--output",
        str(out),
        "--paths.train",
        str(corpus / "train.spacy"),
        "--paths.dev",
        str(corpus / "dev.spacy"),
    ]
    start = time.perf_counter()
    subprocess.run(cmd, check=True)
    return time.perf_counter() - start


def needed_strings(nlp: Language) -> set[str]:
    """Strings the components look up by hash at inference time.

    The string store saved by training holds every word of the corpus. Only
    these are needed: tagger labels (the tagger stores tags by hash), the
    morphologizer's labels, parser labels, and the strings inside the
    lemmatizer's edit trees. Everything else is re-added while processing.
    """
    strings: set[str] = set()
    for _, pipe in nlp.pipeline:
        strings.update(label for label in getattr(pipe, "labels", ()) if isinstance(label, str))
    morphologizer = nlp.get_pipe("morphologizer")
    strings.update(morphologizer.cfg["labels_morph"].values())
    trees = nlp.get_pipe("trainable_lemmatizer").trees
    for tree_id in range(len(trees)):
        node = trees[tree_id]
        if "subst" in node:  # substitution node: hashes of two strings
            strings.add(nlp.vocab.strings[node["orig"]])
            strings.add(nlp.vocab.strings[node["subst"]])
    return strings


def _annotations(nlp: Language, texts: list[str]) -> list[tuple]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start)
        for doc in nlp.pipe(texts)
        for t in doc
    ]


def export(checkpoint: Path, target: Path, lang: str, check_texts: list[str]) -> None:
    """Copy a checkpoint to target with metadata and a pruned string store."""
    nlp = spacy.load(checkpoint)
    nlp.meta.update(
        name=MODEL_NAME,
        version=MODEL_VERSION,
        description=DESCRIPTION[lang],
        license=LICENSE,
        author="demandx project",
        sources=SOURCES[lang],
    )
    if target.exists():
        shutil.rmtree(target)
    nlp.to_disk(target)
    # The shipped config must not point at this machine's training files.
    config = Config().from_disk(target / "config.cfg", interpolate=False)
    for key in ("train", "dev"):
        config["paths"][key] = None
    config.to_disk(target / "config.cfg")
    StringStore(sorted(needed_strings(nlp))).to_disk(target / "vocab" / "strings.json")
    # Pruning must not change any output; a missing string would also raise
    # here (E018) instead of at the user's.
    if _annotations(spacy.load(target), check_texts) != _annotations(nlp, check_texts):
        raise RuntimeError(f"exported model {target} differs from {checkpoint}")


def build(lang: str, ud_dir: Path, output_dir: Path, models_dir: Path) -> dict:
    work = output_dir / lang
    corpus = work / "corpus"
    stats = convert(lang, ud_dir, corpus)
    print(f"[{lang}] corpus: {json.dumps(stats['total'])}", flush=True)
    seconds = train(lang, corpus, work / "pipeline")
    print(f"[{lang}] training took {seconds / 60:.1f} min", flush=True)

    target = models_dir / lang
    heldout = corpus / "heldout.spacy"
    check_texts = [doc.text for doc in load_gold(spacy.blank(lang), heldout)]
    check_texts += [sentence for sentence, _, _ in read_probes(lang)]
    export(work / "pipeline" / "model-best", target, lang, check_texts)

    report = evaluate(target, heldout)
    report["training_minutes"] = round(seconds / 60, 1)
    report["corpus"] = stats["total"]
    (work / "evaluation.json").write_text(
        json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    # Replace the dev-set scores spaCy stored during training by the
    # held-out scores, which is what models/README.md reports.
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["performance"] = report["accuracy"]
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"[{lang}] held-out: {json.dumps(report['accuracy'])}, "
        f"{report['words_per_second_1core']} words/s, {report['size_mb']} MB",
        flush=True,
    )
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--ud-dir",
        type=Path,
        default=DEFAULT_UD_DIR,
        help="folder with the UD_* treebanks (default: ../shared/ud relative "
        "to the repository root)",
    )
    parser.add_argument("--lang", nargs="+", choices=("de", "nl"), default=["de", "nl"])
    parser.add_argument(
        "--output-dir",
        type=Path,
        default=TRAINING_DIR / "output",
        help="training intermediates (gitignored)",
    )
    parser.add_argument("--models-dir", type=Path, default=REPO_ROOT / "models")
    args = parser.parse_args()
    for lang in args.lang:
        build(lang, args.ud_dir, args.output_dir, args.models_dir)


if __name__ == "__main__":
    main()
