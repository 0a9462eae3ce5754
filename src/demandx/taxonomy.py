"""Normalised addressees: a canonical name and a category for every addressee, from the
cross-language taxonomy in lang/actors.yaml ("die nächste Bundesregierung" ->
Bundesregierung, national-government; "het komende kabinet" -> regering,
national-government; "Stadt Landau" -> Stadt Landau, municipality)."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import yaml

from demandx.errors import LanguageDataError
from demandx.lang import safe_loader
from demandx.model import Actor, Demand, Document

OTHER = "other"


@dataclass(frozen=True)
class _Entry:
    canonical: str | None
    category: str
    heads: tuple[str, ...]
    names: frozenset[str]


@lru_cache(maxsize=1)
def _taxonomy() -> tuple[dict[str, str], tuple[_Entry, ...]]:
    text = resources.files("demandx.lang").joinpath("actors.yaml").read_text(encoding="utf-8")
    data = yaml.load(text, Loader=safe_loader())
    categories = data.get("categories") or {}
    entries = []
    problems = []
    for number, raw in enumerate(data.get("actors") or [], start=1):
        category = raw.get("category")
        if category not in categories:
            problems.append(f"actor entry {number}: unknown category {category!r}")
            continue
        entries.append(_Entry(
            canonical=raw.get("canonical"),
            category=category,
            heads=tuple(str(h).lower() for h in raw.get("heads") or []),
            names=frozenset(str(n).lower() for n in raw.get("names") or []),
        ))
    if problems:
        raise LanguageDataError("lang/actors.yaml: " + "; ".join(problems))
    return dict(categories), tuple(entries)


def categories() -> dict[str, str]:
    """Category -> description, in the taxonomy's order."""
    return _taxonomy()[0]


def classify(name: str) -> Actor:
    """The canonical name and category of an addressee as written.

    A whole-name match wins, then a head word (any word of the name, the last one
    first: "Stadt Landau" -> Stadt), then the longest compound ending ("Landesregierung"
    ends in "landesregierung" before "regierung").
    """
    return _classify(name)


@lru_cache(maxsize=4096)
def _classify(name: str) -> Actor:
    lower = " ".join(name.lower().split())
    words = lower.split()
    best: tuple[int, int] | None = None
    chosen: _Entry | None = None
    for order, entry in enumerate(_taxonomy()[1]):
        score = _score(entry, lower, words)
        if score and (best is None or (score, -order) > best):
            best, chosen = (score, -order), entry
    if chosen is None:
        return Actor(name, name, OTHER)
    return Actor(name, chosen.canonical or name, chosen.category)


def _score(entry: _Entry, lower: str, words: list[str]) -> int:
    if lower in entry.names:
        return 10_000
    score = 0
    for head in entry.heads:
        if " " in head:
            if lower == head or lower.endswith(" " + head) or lower.startswith(head + " "):
                score = max(score, 5_000 + len(head))
        elif words and words[-1] == head:
            score = max(score, 4_000 + len(head))
        elif head in words:
            score = max(score, 3_000 + len(head))
        elif words and words[-1].endswith(head) and len(words[-1]) > len(head) + 2:
            score = max(score, len(head))
    return score


def matches(actor: Actor, wanted: str) -> bool:
    """Whether an addressee fits a `--addressee` filter: its name, canonical name or
    category, compared without case."""
    wanted = wanted.strip().lower()
    return wanted in (actor.name.lower(), actor.canonical.lower(), actor.category.lower())


def select(document: Document, wanted: list[str]) -> Document:
    """The document with only the demands addressed to one of `wanted` (a name, canonical
    name or category). A demand is kept when it matches or one of its items does; its
    items are filtered the same way."""
    if not wanted:
        return document

    def keep(demand: Demand) -> Demand | None:
        items = [kept for kept in (keep(item) for item in demand.items) if kept is not None]
        if any(matches(actor, w) for actor in demand.actors for w in wanted) or items:
            return replace(demand, items=items)
        return None

    demands = [kept for kept in (keep(d) for d in document.demands) if kept is not None]
    return replace(document, demands=demands)


@lru_cache(maxsize=1)
def _known_names() -> frozenset[str]:
    """Every name the taxonomy knows, lower-case: canonical names, names and heads."""
    known: set[str] = set()
    for entry in _taxonomy()[1]:
        if entry.canonical:
            known.add(entry.canonical.lower())
        known.update(entry.names)
        known.update(entry.heads)
    return frozenset(known)


# A filter written like a category (lower-case words joined by hyphens, such as
# "national-govt") is meant as one; a name of that shape would be a slug, not an actor.
_CATEGORY_SHAPE = re.compile(r"[a-z]+(?:-[a-z]+)+")


def check_filter(wanted: str) -> str | None:
    """Whether a `--addressee` value can match anything.

    Returns None for a category or a name the taxonomy knows; for any other name a
    warning (it is kept as a free-text name, matched against addressees as written:
    the taxonomy does not list every actor).

    Raises:
        ValueError: the value is written like a category but is none (a typo such as
            "national-govt" would silently filter everything away); the message lists
            the categories and suggests the nearest.
    """
    value = " ".join(wanted.split()).lower()
    if value in categories() or value in _known_names():
        return None
    close = difflib.get_close_matches(value, list(categories()), n=1, cutoff=0.75)
    if close or _CATEGORY_SHAPE.fullmatch(value):
        hint = f" (did you mean {close[0]}?)" if close else ""
        raise ValueError(f"unknown category {wanted!r}{hint}; categories: "
                         + ", ".join(categories()))
    return (f"{wanted!r} is neither a category nor a name the taxonomy knows; it is kept "
            "as a free-text name and matches addressees written exactly so")
