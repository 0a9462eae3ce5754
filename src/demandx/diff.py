"""What changed between two versions of a document's demands (`demandx diff`).

Demands are matched across versions by their number and by how alike their text is
(rapidfuzz): first pairs with the same number whose texts are still alike, then the
most alike remaining pairs. Unmatched old demands were removed, unmatched new ones
added; matched pairs whose text, number or addressees differ were changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# How alike two demand texts must be (0-100, rapidfuzz token-set ratio) to be versions of
# one demand; with the same number a lower bar suffices, and the same number breaks ties
# (lists get renumbered when a point is inserted, so similarity comes first).
SAME_DEMAND = 70.0
SAME_NUMBERED_DEMAND = 60.0
NUMBER_BONUS = 5.0


@dataclass
class _Flat:
    """A demand or item of one version, with where it sits."""

    id: str
    number: str | None
    title: str | None
    text: str
    addressees: list[str]

    @property
    def words(self) -> str:
        return " ".join(part for part in (self.title, self.text) if part)

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "number": self.number, "title": self.title,
                "text": self.text, "addressees": list(self.addressees)}


@dataclass
class DocumentDiff:
    """The changes between two versions of one document."""

    old_source: str | None
    new_source: str | None
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)
    unchanged: int = 0

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or self.changed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old_source,
            "new": self.new_source,
            "summary": {"added": len(self.added), "removed": len(self.removed),
                        "changed": len(self.changed), "unchanged": self.unchanged},
            "added": self.added,
            "removed": self.removed,
            "changed": self.changed,
        }


def flatten(record: dict[str, Any]) -> list[_Flat]:
    """Every demand and item of a record, depth first."""
    out: list[_Flat] = []

    def visit(demand: dict[str, Any]) -> None:
        out.append(_Flat(str(demand["id"]), demand.get("number"), demand.get("title"),
                         demand.get("text") or "", list(demand.get("addressees") or [])))
        for item in demand.get("items") or []:
            visit(item)

    for demand in record.get("demands") or []:
        visit(demand)
    return out


def check_record(record: Any, name: str) -> None:
    """Raise InputError unless `record` has the shape of a demandx record where diff
    reads it (saved output may have been edited by hand, or be something else)."""
    from demandx.errors import InputError

    def fail(where: str, expected: str) -> None:
        raise InputError(name, f"not demandx output: {where} should be {expected}")

    if not isinstance(record, dict):
        fail("each record", "a mapping")
    if not isinstance(record.get("source"), str):
        fail("`source`", "a string")
    stack = [("demands", record.get("demands"))]
    while stack:
        where, demands = stack.pop()
        if demands is None:
            continue
        if not isinstance(demands, list):
            fail(f"`{where}`", "a list")
        for index, demand in enumerate(demands):
            here = f"{where}[{index}]"
            if not isinstance(demand, dict):
                fail(f"`{here}`", "a mapping")
            if not isinstance(demand.get("id"), (str, int)) or isinstance(demand["id"], bool):
                fail(f"`{here}.id`", "a string")
            for key in ("number", "title", "text"):
                if demand.get(key) is not None and not isinstance(demand[key], str):
                    fail(f"`{here}.{key}`", "a string or null")
            names = demand.get("addressees")
            if names is not None and not (isinstance(names, list)
                                          and all(isinstance(n, str) for n in names)):
                fail(f"`{here}.addressees`", "a list of strings")
            stack.append((f"{here}.items", demand.get("items")))


def diff_records(old: dict[str, Any] | None, new: dict[str, Any] | None) -> DocumentDiff:
    """The changes from `old` to `new` (either may be None: a document added or removed)."""
    from rapidfuzz import fuzz
    from rapidfuzz.process import cdist

    result = DocumentDiff(old["source"] if old else None, new["source"] if new else None)
    before = flatten(old) if old else []
    after = flatten(new) if new else []
    pairs: list[tuple[int, int]] = []
    if before and after:
        scores = cdist([d.words for d in before], [d.words for d in after],
                       scorer=fuzz.token_set_ratio, workers=1)
        pairs = _match(before, after, scores)
    matched_old = {i for i, _ in pairs}
    matched_new = {j for _, j in pairs}
    result.removed = [d.to_dict() for i, d in enumerate(before) if i not in matched_old]
    result.added = [d.to_dict() for j, d in enumerate(after) if j not in matched_new]
    for i, j in sorted(pairs, key=lambda pair: pair[1]):
        change = _changes(before[i], after[j])
        if change:
            result.changed.append({"old": before[i].to_dict(), "new": after[j].to_dict(),
                                   "fields": change})
        else:
            result.unchanged += 1
    return result


def _match(before: list[_Flat], after: list[_Flat], scores) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: the most alike texts first, the same number a bonus."""
    candidates = []
    for i, old in enumerate(before):
        for j, new in enumerate(after):
            score = float(scores[i][j])
            numbered = bool(old.number) and old.number == new.number
            if score >= SAME_DEMAND or (numbered and score >= SAME_NUMBERED_DEMAND):
                bonus = NUMBER_BONUS if numbered else 0.0
                candidates.append((-(score + bonus), i, j))  # then document order: stable
    candidates.sort()
    used_old: set[int] = set()
    used_new: set[int] = set()
    pairs = []
    for _score, i, j in candidates:
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs.append((i, j))
    return pairs


def _changes(old: _Flat, new: _Flat) -> list[str]:
    fields = []
    if old.number != new.number:
        fields.append("number")
    if (old.title or "") != (new.title or ""):
        fields.append("title")
    if old.text != new.text:
        fields.append("text")
    if old.addressees != new.addressees:
        fields.append("addressees")
    return fields
