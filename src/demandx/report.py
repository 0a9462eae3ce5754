"""A self-contained HTML report (`demandx report`): each document as a reader sees it
(headings, lists, paragraphs; no Markdown marks, page furniture or margin letters), with
its demands highlighted in place and their demand sentences marked more strongly,
addressees as tags (canonical name and category), a list to jump to each demand, a
search box, filters by addressee (or none) and category, and an export of the demands
shown as CSV.

Everything the page needs is inside it (no network resources). Every piece of document
text goes through html.escape, so a document that contains `<script>` shows it as text.
"""

from __future__ import annotations

import html
import json
import re
from array import array
from collections import Counter

from demandx.lines import Line, split_lines
from demandx.model import Demand, Document, Text
from demandx.report_assets import CSS, JS

_LIST_MARKER = re.compile(r"^(?:[-*•·–▪◦]\s|\(?\d{1,3}[.)]\s|\(?[a-zA-Z][.)]\s|[IVX]{1,5}\.\s)")
_INDENT_EM = 1.5


def render(documents: list[tuple[Text, Document]], title: str = "demandx report") -> str:
    """The report page for documents and their extraction results."""
    actors: Counter[tuple[str, str]] = Counter()
    categories: Counter[str] = Counter()
    without = 0
    for _text, document in documents:
        for demand in document.all_demands():
            for actor in {(a.canonical, a.category) for a in demand.actors}:
                actors[actor] += 1
            for category in {a.category for a in demand.actors}:
                categories[category] += 1
            without += not demand.actors
    total = sum(1 for _t, d in documents for _ in d.all_demands())
    nav = [f"<h1>{_e(title)}</h1>",
           f'<p class="count"><span id="shown">{total}</span> of {total} demands shown</p>',
           '<input id="search" type="search" placeholder="Search demands" '
           'aria-label="Search demands">',
           '<button id="export" type="button">Export shown demands (CSV)</button>',
           '<div class="filters">',
           _actor_boxes(actors, without),
           _boxes("Category", "category", [(c, c, "", n) for c, n in _by_count(categories)]),
           "</div>"]
    body = []
    for index, (text, document) in enumerate(documents):
        doc_id = f"doc{index}"
        heading = _e(document.title or document.source)
        count = sum(1 for _ in document.all_demands())
        nav.append(f'<h2><a href="#{doc_id}">{heading}</a></h2>')
        nav.extend(_link(doc_id, document, demand) for demand in document.all_demands())
        body.append(f'<h2 id="{doc_id}">{heading}</h2>')
        body.append(f'<p class="count">{_e(document.source)} · {_e(document.language or "?")}'
                    f" · {count} demand{'' if count == 1 else 's'}</p>")
        body.append(f'<div class="doc">{_reader_view(text, document, doc_id)}</div>')
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width\"><title>{_e(title)}</title>"
            f"<style>{CSS}</style></head>\n<body><nav>{''.join(nav)}</nav>"
            f"<main>{''.join(body)}</main><script>{JS}</script></body></html>\n")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _by_count(counts: Counter) -> list[tuple]:
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _json(values: list[str]) -> str:
    return _e(json.dumps(values, ensure_ascii=False))


def _key(doc_id: str, demand: Demand) -> str:
    return f"{doc_id}-{demand.id}"


def _tags(demand: Demand) -> str:
    if not demand.actors:
        return '<span class="tag none">no addressee</span>'
    return "".join(f'<span class="tag" title="{_e(a.name)}">{_e(a.canonical)} '
                   f"<small>{_e(a.category)}</small></span>" for a in demand.actors)


def _link(doc_id: str, document: Document, demand: Demand) -> str:
    label = f"<b>{_e(demand.label)}</b> " if demand.label else ""
    words = " ".join(((demand.title or "") + " " + demand.text).split())
    short = words if len(words) <= 140 else words[:139] + "…"
    canonical = sorted({a.canonical for a in demand.actors})
    searched = " ".join([words, *(a.name for a in demand.actors), *canonical]).lower()
    return (f'<a class="demand-link" href="#{_e(_key(doc_id, demand))}" data-demand="1"'
            f' data-key="{_e(_key(doc_id, demand))}" data-source="{_e(document.source)}"'
            f' data-id="{_e(demand.id)}" data-number="{_e(demand.number or "")}"'
            f' data-title="{_e(demand.title or "")}" data-text="{_e(demand.text)}"'
            f' data-actors="{_json(canonical)}"'
            f' data-categories="{_json(sorted({a.category for a in demand.actors}))}"'
            f' data-search="{_e(searched)}">{label}{_e(short)}<br>{_tags(demand)}</a>')


def _actor_boxes(actors: Counter[tuple[str, str]], without: int) -> str:
    rows = [(canonical, canonical, category, n)
            for (canonical, category), n in _by_count(actors)]
    if without:
        rows.append(("", "no addressee", "", without))
    return _boxes("Addressee", "actor", rows)


def _boxes(legend: str, name: str, rows: list[tuple[str, str, str, int]]) -> str:
    if not rows:
        return ""
    boxes = "".join(
        f'<label><input type="checkbox" name="{name}" value="{_e(value)}"> {_e(shown)} '
        + (f'<span class="cat">{_e(category)}</span> ' if category else "")
        + f'<span class="count">({count})</span></label>'
        for value, shown, category, count in rows)
    return f"<fieldset><legend>{legend}</legend>{boxes}</fieldset>"


def _reader_view(text: Text, document: Document, doc_id: str) -> str:
    """The document's lines as headings, list items and paragraphs, with each demand's
    words in a <mark> (an item's inside its parent's take the item) and its demand
    sentences marked as such."""
    demands = list(document.all_demands())
    paint = _Paint(text.text, demands, doc_id)
    out: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append("<p>" + "\n".join(paragraph) + "</p>")
            paragraph.clear()

    for line in split_lines(text):
        if line.skip:
            continue  # page furniture: transparent, a paragraph goes on across it
        if line.blank:
            flush()
            continue
        if line.rule:
            flush()
            out.append("<hr>")
            continue
        content = paint.line(line)
        kind, level = _kind(line)
        if kind == "heading":
            flush()
            tag = f"h{min(2 + level, 6)}"
            out.append(f"<{tag}>{content}</{tag}>")
        elif kind == "item":
            flush()
            margin = f' style="margin-left:{_INDENT_EM * level:g}em"' if level else ""
            out.append(f'<div class="li"{margin}>{content}</div>')
        else:
            paragraph.append(content)
    flush()
    return "".join(out)


def _kind(line: Line) -> tuple[str, int]:
    """How a reader sees a line: ("heading", level), ("item", depth) or ("para", 0)."""
    hint = line.hint
    if line.heading_level or line.bold or (hint is not None and hint.kind == "heading"):
        return "heading", max(line.heading_level, hint.level if hint else 0, 1)
    if hint is not None and hint.kind == "item":
        return "item", max(hint.level - 1, 0)
    if _LIST_MARKER.match(line.text):
        return "item", min(line.indent // 2, 6)
    return "para", 0


class _Paint:
    """Which demand owns each document offset (the innermost), and which offsets are in
    one of its demand sentences."""

    def __init__(self, document: str, demands: list[Demand], doc_id: str):
        self.demands = demands
        self.doc_id = doc_id
        size = len(document)
        self.owner = array("i", [-1]) * size
        self.statement = bytearray(size)
        # outer spans first, so that an item's span overwrites its parent's
        order = sorted(range(len(demands)),
                       key=lambda i: (-(demands[i].span.end - demands[i].span.start), i))
        for index in order:
            span = demands[index].span
            end = min(span.end, size)
            self.owner[span.start:end] = array("i", [index]) * max(end - span.start, 0)
        for demand in demands:
            for start, end in _statement_spans(document, demand):
                self.statement[start:end] = b"\x01" * (end - start)
        self.opened: set[int] = set()

    def line(self, line: Line) -> str:
        """A line's clean words as HTML, in marks where demands are."""
        content = line.content
        runs: list[tuple[int, int, str]] = []
        for position, char in enumerate(content.text):
            offset = content.to_doc(position)
            inside = 0 <= offset < len(self.owner)
            owner = self.owner[offset] if inside else -1
            strong = owner >= 0 and inside and self.statement[offset] == 1
            state = owner * 2 + strong if owner >= 0 else -1
            if runs and runs[-1][0] == state:
                runs[-1] = (state, owner, runs[-1][2] + char)
            else:
                runs.append((state, owner, char))
        return "".join(self._run(state, owner, chars) for state, owner, chars in runs)

    def _run(self, state: int, owner: int, chars: str) -> str:
        if owner < 0:
            return _e(chars)
        demand = self.demands[owner]
        key = _key(self.doc_id, demand)
        head = ""
        if owner not in self.opened:
            self.opened.add(owner)
            head = f'<span id="{_e(key)}"></span>{_tags(demand)}'
        classes = "demand" + (" item" if "." in demand.id else "") + (" stmt" if state % 2
                                                                        else "")
        return f'{head}<mark class="{classes}" data-key="{_e(key)}">{_e(chars)}</mark>'


def _statement_spans(document: str, demand: Demand) -> list[tuple[int, int]]:
    """Where the demand's statements stand in the document, inside its span: their words
    in order, whatever markup, spacing or line breaks lie between them."""
    region = document[demand.span.start:demand.span.end]
    spans = []
    for statement in demand.statements:
        words = re.findall(r"\w+", statement)
        if not words:
            continue
        # the sentence's closing punctuation belongs to it
        found = re.search(r"\W+".join(map(re.escape, words[:200])) + r"[.!?…]*", region)
        if found:
            spans.append((demand.span.start + found.start(), demand.span.start + found.end()))
    return spans
