"""Scoring extracted demands against gold annotations (`demandx eval`).

The rules are those of the corpus README (../shared/corpus/README.md):

* flatten the output: every demand and, recursively, every item;
* a unit matches a gold entry when the entry's anchor, reduced to lower-case letters and
  digits, is contained in the unit's title + text reduced the same way; entries are
  matched in order, each to the shortest unmatched unit that contains its anchor;
* precision = matched units / units, leaving out units matched to optional entries;
  recall = matched required entries / required entries;
* number accuracy: matched entries with a `number` whose predicted number is equal after
  stripping "Punkt", "Nr.", dots, brackets and colons;
* addressee accuracy: matched entries with `addressees` where every gold addressee has a
  spelling among the predicted ones and every predicted one is a spelling of a gold or
  optional addressee (lower-case, article dropped; `a|b` lists spellings of one addressee).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from demandx.errors import GoldError

_NUMBER_NOISE = re.compile(r"^\s*(punkt|nr\.?|nummer|punt)\s*|[.():\[\]\s]", re.IGNORECASE)
_ARTICLES = {"der", "die", "das", "den", "dem", "des", "de", "het", "een", "the", "a", "an",
             "ein", "eine", "einen", "einem", "einer"}


def reduce(text: str) -> str:
    """Lower-case letters and digits only: the form anchors are compared in."""
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _norm_number(value: Any) -> str:
    return _NUMBER_NOISE.sub("", str(value)).lower() if value is not None else ""


def _norm_name(name: str) -> str:
    words = name.strip().lower().split()
    while words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words)


@dataclass
class GoldEntry:
    anchor: str
    number: str | None
    addressees: list[list[str]] | None   # each addressee: its spellings
    optional_addressees: list[list[str]]
    optional: bool


@dataclass
class GoldDoc:
    name: str                            # file name without extension
    document: str
    entries: list[GoldEntry]


@dataclass
class Unit:
    """A flattened predicted demand."""

    text: str
    number: str | None
    addressees: list[str]


@dataclass
class DocScore:
    name: str
    units: int = 0
    matched_units: int = 0               # matched to required entries
    optional_units: int = 0              # matched to optional entries (left out of precision)
    required: int = 0
    found: int = 0
    numbers: int = 0
    numbers_right: int = 0
    addressees: int = 0
    addressees_right: int = 0
    missing_document: bool = False
    misses: list[str] = field(default_factory=list)
    false_demands: list[str] = field(default_factory=list)
    wrong_numbers: list[dict[str, Any]] = field(default_factory=list)
    wrong_addressees: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: DocScore) -> None:
        for name in ("units", "matched_units", "optional_units", "required", "found",
                     "numbers", "numbers_right", "addressees", "addressees_right"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        scored = self.units - self.optional_units
        return self.matched_units / scored if scored else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def number_accuracy(self) -> float | None:
        return self.numbers_right / self.numbers if self.numbers else None

    @property
    def addressee_accuracy(self) -> float | None:
        return self.addressees_right / self.addressees if self.addressees else None

    def to_dict(self, details: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "number_accuracy": _round(self.number_accuracy),
            "addressee_accuracy": _round(self.addressee_accuracy),
            "units": self.units,
            "matched_units": self.matched_units,
            "optional_units": self.optional_units,
            "required": self.required,
            "found": self.found,
        }
        if details:
            out.update({
                "missing_document": self.missing_document,
                "misses": self.misses,
                "false_demands": self.false_demands,
                "wrong_numbers": self.wrong_numbers,
                "wrong_addressees": self.wrong_addressees,
            })
        return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass
class EvalResult:
    overall: DocScore
    documents: list[DocScore]

    def to_dict(self) -> dict[str, Any]:
        return {"overall": self.overall.to_dict(details=False),
                "documents": [doc.to_dict() for doc in self.documents]}


def load_gold(folder: Path) -> list[GoldDoc]:
    """Every `*.yaml` gold file of a folder, sorted by name.

    Raises:
        GoldError: the folder has no gold files, or one is malformed.
    """
    if not folder.is_dir():
        raise GoldError(f"{folder}: not a directory of gold files")
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not files:
        raise GoldError(f"{folder}: no gold files (*.yaml)")
    return [_read_gold(path) for path in files]


def _read_gold(path: Path) -> GoldDoc:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise GoldError(f"{path}: cannot read gold file: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("demands", []), list):
        raise GoldError(f"{path}: expected a mapping with a `demands` list")
    entries = []
    for index, raw in enumerate(data.get("demands") or []):
        if not isinstance(raw, dict) or not isinstance(raw.get("anchor"), str):
            raise GoldError(f"{path}: demand {index + 1} has no `anchor` string")
        addressees = raw.get("addressees")
        entries.append(GoldEntry(
            anchor=raw["anchor"],
            number=None if raw.get("number") is None else str(raw["number"]),
            addressees=None if addressees is None else [_spellings(a) for a in addressees],
            optional_addressees=[_spellings(a) for a in raw.get("optional_addressees") or []],
            optional=bool(raw.get("optional", False)),
        ))
    return GoldDoc(name=path.stem, document=str(data.get("document") or path.stem),
                   entries=entries)


def _spellings(value: Any) -> list[str]:
    return [_norm_name(part) for part in str(value).split("|") if part.strip()]


def flatten(record: dict[str, Any]) -> list[Unit]:
    """Every demand and item of one output record, in document order."""
    units: list[Unit] = []

    def visit(demand: dict[str, Any]) -> None:
        text = " ".join(str(demand.get(key) or "") for key in ("title", "text"))
        units.append(Unit(text=text, number=demand.get("number"),
                          addressees=[str(a) for a in demand.get("addressees") or []]))
        for item in demand.get("items") or []:
            visit(item)

    for demand in record.get("demands") or []:
        visit(demand)
    return units


def score_document(gold: GoldDoc, record: dict[str, Any] | None) -> DocScore:
    """Score one document's output record (None: the document is missing or failed)."""
    score = DocScore(name=gold.name, missing_document=record is None)
    units = flatten(record) if record is not None else []
    reduced = [reduce(unit.text) for unit in units]
    matched_to: dict[int, GoldEntry] = {}
    score.units = len(units)
    for entry in gold.entries:
        if not entry.optional:
            score.required += 1
        anchor = reduce(entry.anchor)
        candidates = [i for i, text in enumerate(reduced)
                      if i not in matched_to and anchor and anchor in text]
        if not candidates:
            if not entry.optional:
                score.misses.append(entry.anchor)
            continue
        best = min(candidates, key=lambda i: (len(reduced[i]), i))
        matched_to[best] = entry
        unit = units[best]
        if entry.optional:
            score.optional_units += 1
        else:
            score.found += 1
            score.matched_units += 1
        if entry.number is not None:
            score.numbers += 1
            if _norm_number(unit.number) == _norm_number(entry.number):
                score.numbers_right += 1
            else:
                score.wrong_numbers.append({"anchor": entry.anchor, "gold": entry.number,
                                            "predicted": unit.number})
        if entry.addressees is not None:
            score.addressees += 1
            if _addressees_right(entry, unit.addressees):
                score.addressees_right += 1
            else:
                score.wrong_addressees.append({
                    "anchor": entry.anchor,
                    "gold": ["|".join(s) for s in entry.addressees],
                    "optional": ["|".join(s) for s in entry.optional_addressees],
                    "predicted": unit.addressees,
                })
    score.false_demands = [units[i].text.strip() for i in range(len(units))
                           if i not in matched_to]
    return score


def _addressees_right(entry: GoldEntry, predicted: list[str]) -> bool:
    names = {_norm_name(name) for name in predicted}
    gold = entry.addressees or []
    if not all(any(s in names for s in spellings) for spellings in gold):
        return False
    allowed = {s for spellings in gold + entry.optional_addressees for s in spellings}
    return all(name in allowed for name in names)


def evaluate(gold_docs: list[GoldDoc], records: dict[str, dict[str, Any] | None]) -> EvalResult:
    """Score records (keyed by document file name without extension) against gold."""
    overall = DocScore(name="overall")
    documents = []
    for gold in gold_docs:
        score = score_document(gold, records.get(gold.name))
        overall.add(score)
        documents.append(score)
    return EvalResult(overall=overall, documents=documents)


def record_key(source: str) -> str:
    """The join key of a record: its source file name without extension."""
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0] if "." in name else name


def read_predictions(path: Path) -> list[dict[str, Any]]:
    """Records from a demandx output file in YAML (stream), JSON or JSONL.

    Raises:
        GoldError: the file cannot be read or holds no records.
    """
    try:
        text = path.read_text(encoding="utf-8") if str(path) != "-" else _stdin()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read predictions: {exc}") from exc
    return parse_predictions(text, str(path))


def parse_predictions(text: str, path: str) -> list[dict[str, Any]]:
    """Records from the text of demandx output in YAML (stream), JSON or JSONL.

    Raises:
        GoldError: the text holds no records.
    """
    records: list[Any] = []
    stripped = text.lstrip()
    try:
        if stripped.startswith("["):
            records = json.loads(text)
        elif stripped.startswith("{"):
            records = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            records = [doc for doc in yaml.safe_load_all(text) if doc is not None]
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise GoldError(f"{path}: not demandx output (YAML, JSON or JSONL): {exc}") from exc
    if not all(isinstance(r, dict) and "source" in r for r in records):
        raise GoldError(f"{path}: every record needs a `source` (is this demandx output?)")
    return records


def _stdin() -> str:
    import sys

    return sys.stdin.read()
