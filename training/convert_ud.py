"""Convert the UD treebanks of one language into spaCy DocBins.

The split is deterministic and purely positional, so every run produces the
same three files:

* sentence index ``i % 10 == 0`` -> ``heldout.spacy`` (final evaluation only)
* sentence index ``i % 10 == 5`` -> ``dev.spacy`` (early stopping in training)
* every other sentence -> ``train.spacy``

``i`` counts the sentences of all treebank files of the language, read in the
sorted order of their paths. Only the dev and test portions of the treebanks
are available, so both are pooled before splitting.

Usage: python training/convert_ud.py de OUTPUT_DIR [--ud-dir ../shared/ud]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training.converters import conllu_to_docs

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_UD_DIR = REPO_ROOT.parent / "shared" / "ud"

TREEBANKS = {
    "de": ["UD_German-GSD", "UD_German-PUD"],
    "nl": ["UD_Dutch-Alpino", "UD_Dutch-LassySmall"],
}

# German PUD has Penn-Treebank-style XPOS (NN, DT, ...) while GSD has STTS
# (NN, ART, VMFIN, ...). Mixing both would teach the tagger two incompatible
# tag sets, so XPOS is dropped for PUD; the tagger treats it as missing and
# learns STTS from GSD only. UPOS, morphology, lemmas and trees are kept.
DROP_XPOS = {"UD_German-PUD"}

SPLIT_EVERY = 10
HELDOUT_REMAINDER = 0
DEV_REMAINDER = 5
# Consecutive sentences of one portion are grouped into multi-sentence docs
# so that the parser learns (and is scored on) sentence boundaries.
SENTS_PER_DOC = 10


def normalise_dutch_lemma(form: str, lemma: str, upos: str) -> str:
    """Turn an Alpino compound lemma such as ``op_roepen`` into a real word.

    Dutch UD lemmas mark compound and particle boundaries with ``_`` and drop
    linking morphemes (``opleidingsploeg`` -> ``opleiding_ploeg``). Neither is
    a word a user would look up, so:

    * verbs: join the parts (``op_roepen`` -> ``oproepen``); separable verbs
      keep their particle, as in UD, even when it is separated in the text;
    * other words: keep the surface form up to the last part, which restores
      linking morphemes and hyphens (``grastoernooien`` + ``gras_toernooi``
      -> ``grastoernooi``); join the parts if the last part is not found.
    """
    if "_" not in lemma or lemma.startswith("_") or lemma.endswith("_"):
        return lemma
    parts = lemma.split("_")
    if upos not in ("VERB", "AUX"):
        start = form.lower().rfind(parts[-1].lower())
        if start > 0:
            prefix = form[:start]
            if lemma[0].islower():
                prefix = prefix.lower()
            return prefix + parts[-1]
    return "".join(parts)


def _preprocess(text: str, lang: str) -> str:
    """Apply line-level fixes to the CoNLL-U text before spaCy converts it."""
    if lang != "nl":
        return text
    lines = []
    for line in text.split("\n"):
        cols = line.split("\t")
        if len(cols) == 10 and cols[0].isdigit():
            cols[2] = normalise_dutch_lemma(cols[1], cols[2], cols[3])
            line = "\t".join(cols)
        lines.append(line)
    return "\n".join(lines)


def _read_sentences(path: Path, lang: str) -> Iterator[Doc]:
    """Yield one Doc per sentence, multiword tokens merged (``zum``)."""
    text = _preprocess(path.read_text(encoding="utf-8"), lang)
    # merge_subtokens: spaCy's tokenizer keeps "zum"/"im" as one token, so the
    # training data must too; the lemma becomes e.g. "zu der".
    yield from conllu_to_docs(text, n_sents=1, merge_subtokens=True, no_print=True)


def treebank_files(ud_dir: Path, lang: str) -> list[Path]:
    files = []
    for treebank in TREEBANKS[lang]:
        found = sorted((ud_dir / treebank).glob("*.conllu"))
        if not found:
            raise FileNotFoundError(f"no .conllu files in {ud_dir / treebank}")
        files.extend(found)
    return files


def _portion(index: int) -> str:
    remainder = index % SPLIT_EVERY
    if remainder == HELDOUT_REMAINDER:
        return "heldout"
    if remainder == DEV_REMAINDER:
        return "dev"
    return "train"


def convert(lang: str, ud_dir: Path, out_dir: Path) -> dict:
    """Write train/dev/heldout .spacy files to out_dir; return statistics."""
    out_dir.mkdir(parents=True, exist_ok=True)
    portions = ("train", "dev", "heldout")
    bins = {name: DocBin(store_user_data=False) for name in portions}
    stats: dict = {"lang": lang, "ud_dir": str(ud_dir), "files": {}}
    index = 0
    for path in treebank_files(ud_dir, lang):
        pending: dict[str, list[Doc]] = {name: [] for name in portions}
        counts = {name: {"sentences": 0, "tokens": 0} for name in portions}
        for sent in _read_sentences(path, lang):
            if path.parent.name in DROP_XPOS:
                for token in sent:
                    token.tag_ = ""
            name = _portion(index)
            index += 1
            pending[name].append(sent)
            counts[name]["sentences"] += 1
            counts[name]["tokens"] += len(sent)
            if len(pending[name]) == SENTS_PER_DOC:
                bins[name].add(Doc.from_docs(pending[name]))
                pending[name] = []
        # Docs never span two files, so no doc mixes two treebanks.
        for name in portions:
            if pending[name]:
                bins[name].add(Doc.from_docs(pending[name]))
        stats["files"][f"{path.parent.name}/{path.name}"] = counts
    for name in portions:
        bins[name].to_disk(out_dir / f"{name}.spacy")
    stats["total"] = {
        name: {
            key: sum(c[name][key] for c in stats["files"].values())
            for key in ("sentences", "tokens")
        }
        for name in portions
    }
    (out_dir / "stats.json").write_text(json.dumps(stats, indent=2) + "\n")
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lang", choices=sorted(TREEBANKS))
    parser.add_argument("out_dir", type=Path)
    parser.add_argument(
        "--ud-dir",
        type=Path,
        default=DEFAULT_UD_DIR,
        help="folder holding the UD_* treebank folders (default: ../shared/ud "
        "relative to the repository root)",
    )
    args = parser.parse_args()
    stats = convert(args.lang, args.ud_dir, args.out_dir)
    print(json.dumps(stats["total"]))


if __name__ == "__main__":
    main()
