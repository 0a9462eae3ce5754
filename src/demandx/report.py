"""A self-contained HTML report (`demandx report`): each document's text with its demands
highlighted in place, addressees as tags, a list to jump to each demand, and filters by
addressee and category.

Everything the page needs is inside it (no network resources). Every piece of document
text goes through html.escape, so a document that contains `<script>` shows it as text.
"""

from __future__ import annotations

import html
import json
from collections import Counter
from itertools import pairwise

from demandx.model import Demand, Document, Text

_CSS = """
:root { --hl: #fff3b0; --hl-item: #e3f2ff; --tag: #1b6e3a; --dim: #9aa0a6; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
       color: #202124; display: grid; grid-template-columns: minmax(240px, 30%) 1fr;
       height: 100vh; }
nav { overflow-y: auto; border-right: 1px solid #ddd; padding: 12px; background: #fafafa; }
main { overflow-y: auto; padding: 16px 24px; }
h1 { font-size: 18px; margin: 0 0 8px; }
h2 { font-size: 16px; margin: 24px 0 8px; }
.filters { margin-bottom: 12px; }
.filters label { display: inline-block; margin: 2px 8px 2px 0; white-space: nowrap; }
.filters fieldset { border: 1px solid #ddd; margin: 0 0 8px; padding: 6px 8px; }
.demand-link { display: block; padding: 4px 6px; margin: 2px 0; border-radius: 4px;
               color: inherit; text-decoration: none; border-left: 3px solid var(--tag); }
.demand-link:hover { background: #eef; }
.text { white-space: pre-wrap; font-family: ui-monospace, Menlo, Consolas, monospace;
        font-size: 13px; background: #fff; border: 1px solid #eee; padding: 12px; }
mark { background: var(--hl); border-radius: 2px; padding: 0 1px; }
mark.item { background: var(--hl-item); }
.tag { display: inline-block; font: 11px/1.6 system-ui, sans-serif; color: #fff;
       background: var(--tag); border-radius: 8px; padding: 0 6px; margin: 0 2px; }
.tag.none { background: var(--dim); }
.hidden { display: none !important; }
mark.dimmed { background: transparent; }
.count { color: #5f6368; font-size: 13px; }
"""

_JS = """
(function () {
  function selected(name) {
    return Array.from(document.querySelectorAll('input[name="' + name + '"]:checked'))
      .map(function (box) { return box.value; });
  }
  function apply() {
    var actors = selected('actor'), cats = selected('category');
    var shown = 0;
    document.querySelectorAll('[data-demand]').forEach(function (el) {
      var a = JSON.parse(el.getAttribute('data-actors'));
      var c = JSON.parse(el.getAttribute('data-categories'));
      var ok = (actors.length === 0 || a.some(function (x) { return actors.indexOf(x) >= 0; }))
            && (cats.length === 0 || c.some(function (x) { return cats.indexOf(x) >= 0; }));
      if (el.tagName === 'MARK') { el.classList.toggle('dimmed', !ok); }
      else { el.classList.toggle('hidden', !ok); if (ok) { shown += 1; } }
    });
    document.getElementById('shown').textContent = shown;
  }
  document.querySelectorAll('.filters input').forEach(function (box) {
    box.addEventListener('change', apply);
  });
  apply();
})();
"""


def render(documents: list[tuple[Text, Document]], title: str = "demandx report") -> str:
    """The report page for documents and their extraction results."""
    actors: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    for _text, document in documents:
        for demand in document.all_demands():
            for actor in demand.actors:
                actors[actor.canonical] += 1
                categories[actor.category] += 1
    total = sum(1 for _t, d in documents for _ in d.all_demands())
    nav = [f"<h1>{_e(title)}</h1>",
           f'<p class="count"><span id="shown">{total}</span> of {total} demands shown</p>',
           '<div class="filters">',
           _checkboxes("Addressee", "actor", actors),
           _checkboxes("Category", "category", categories),
           "</div>"]
    body = []
    for index, (text, document) in enumerate(documents):
        doc_id = f"doc{index}"
        nav.append(f'<h2><a href="#{doc_id}">{_e(document.title or document.source)}</a></h2>')
        for demand in document.all_demands():
            nav.append(_link(doc_id, demand))
        body.append(f'<h2 id="{doc_id}">{_e(document.title or document.source)}</h2>')
        body.append(f'<p class="count">{_e(document.source)} · {_e(document.language or "?")}'
                    f" · {sum(1 for _ in document.all_demands())} demands</p>")
        body.append(f'<div class="text">{_highlight(text.text, document, doc_id)}</div>')
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width\"><title>{_e(title)}</title>"
            f"<style>{_CSS}</style></head>\n<body><nav>{''.join(nav)}</nav>"
            f"<main>{''.join(body)}</main><script>{_JS}</script></body></html>\n")


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _data(demand: Demand) -> str:
    names = sorted({a.canonical for a in demand.actors})
    cats = sorted({a.category for a in demand.actors})
    return (f' data-demand="1" data-actors="{_e(json.dumps(names, ensure_ascii=False))}"'
            f' data-categories="{_e(json.dumps(cats))}"')


def _tags(demand: Demand) -> str:
    if not demand.actors:
        return '<span class="tag none">no addressee</span>'
    return "".join(f'<span class="tag" title="{_e(a.category)}">{_e(a.name)}</span>'
                   for a in demand.actors)


def _link(doc_id: str, demand: Demand) -> str:
    label = f"<b>{_e(demand.label)}</b> " if demand.label else ""
    words = " ".join(((demand.title or "") + " " + demand.text).split())
    short = words if len(words) <= 140 else words[:139] + "…"
    return (f'<a class="demand-link" href="#{doc_id}-{_e(demand.id)}"{_data(demand)}>'
            f"{label}{_e(short)}<br>{_tags(demand)}</a>")


def _highlight(text: str, document: Document, doc_id: str) -> str:
    """The document text, escaped, with each demand's span in a <mark>. Spans of items
    may sit inside their parent's: each character takes the innermost span."""
    demands = list(document.all_demands())
    bounds = sorted({0, len(text)} | {d.span.start for d in demands}
                    | {min(d.span.end, len(text)) for d in demands})
    out: list[str] = []
    opened: set[str] = set()
    for start, end in pairwise(bounds):
        inside = [d for d in demands if d.span.start <= start and end <= d.span.end]
        piece = _e(text[start:end])
        if not inside:
            out.append(piece)
            continue
        demand = max(inside, key=lambda d: (d.span.start, -d.span.end))
        anchor = f"{doc_id}-{demand.id}"
        item = " item" if "." in demand.id else ""
        head = ""
        if anchor not in opened:
            opened.add(anchor)
            head = f'<span id="{_e(anchor)}"></span>{_tags(demand)}'
        out.append(f'{head}<mark class="demand{item}"{_data(demand)}>{piece}</mark>')
    return "".join(out)


def _checkboxes(legend: str, name: str, counts: Counter[str]) -> str:
    if not counts:
        return ""
    boxes = "".join(
        f'<label><input type="checkbox" name="{name}" value="{_e(value)}"> {_e(value)} '
        f'<span class="count">({count})</span></label>'
        for value, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"<fieldset><legend>{legend}</legend>{boxes}</fieldset>"
