"""The stylesheet and script of the HTML report (`demandx report`), kept apart from the
Python that fills the page. The script reads only data attributes and sets only text and
classes: document text never becomes markup."""

from __future__ import annotations

CSS = """
:root { --hl: #fff3b0; --hl-item: #e3f2ff; --stmt: #ffd166; --tag: #1b6e3a; --dim: #9aa0a6; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
       color: #202124; display: grid; grid-template-columns: minmax(260px, 32%) 1fr;
       height: 100vh; }
nav { overflow-y: auto; border-right: 1px solid #ddd; padding: 12px; background: #fafafa; }
main { overflow-y: auto; padding: 16px 32px; }
h1 { font-size: 18px; margin: 0 0 8px; }
h2 { font-size: 17px; margin: 28px 0 4px; }
.doc h3 { font-size: 16px; margin: 18px 0 6px; }
.doc h4, .doc h5, .doc h6 { font-size: 15px; margin: 14px 0 4px; }
.doc p { margin: 0 0 10px; white-space: pre-line; }
.doc .li { margin: 0 0 6px; white-space: pre-line; }
.doc hr { border: 0; border-top: 1px solid #ddd; }
.doc { max-width: 52em; }
#search { width: 100%; padding: 6px 8px; margin: 0 0 8px; font: inherit; }
.filters label { display: inline-block; margin: 2px 8px 2px 0; white-space: nowrap; }
.filters fieldset { border: 1px solid #ddd; margin: 0 0 8px; padding: 6px 8px; }
.cat { color: #5f6368; font-size: 12px; }
.demand-link { display: block; padding: 4px 6px; margin: 2px 0; border-radius: 4px;
               color: inherit; text-decoration: none; border-left: 3px solid var(--tag); }
.demand-link:hover { background: #eef; }
mark { background: var(--hl); border-radius: 2px; padding: 0 1px; }
mark.item { background: var(--hl-item); }
mark.stmt { background: var(--stmt); box-shadow: inset 0 -2px #c77700; }
.tag { display: inline-block; font: 11px/1.6 system-ui, sans-serif; color: #fff;
       background: var(--tag); border-radius: 8px; padding: 0 6px; margin: 0 2px; }
.tag small { opacity: .8; }
.tag.none { background: var(--dim); }
.hidden { display: none !important; }
mark.dimmed { background: transparent; box-shadow: none; }
.count { color: #5f6368; font-size: 13px; }
button { font: inherit; padding: 4px 10px; margin: 0 0 10px; }
"""

JS = """
(function () {
  var search = document.getElementById('search');
  function selected(name) {
    return Array.from(document.querySelectorAll('input[name="' + name + '"]:checked'))
      .map(function (box) { return box.value; });
  }
  function links() { return Array.from(document.querySelectorAll('a.demand-link')); }
  function fits(el, actors, cats, query) {
    var a = JSON.parse(el.getAttribute('data-actors'));
    var c = JSON.parse(el.getAttribute('data-categories'));
    var byActor = actors.length === 0 || a.some(function (x) { return actors.indexOf(x) >= 0; })
      || (a.length === 0 && actors.indexOf('') >= 0);
    var byCat = cats.length === 0 || c.some(function (x) { return cats.indexOf(x) >= 0; });
    var byText = !query || el.getAttribute('data-search').indexOf(query) >= 0;
    return byActor && byCat && byText;
  }
  function apply() {
    var actors = selected('actor'), cats = selected('category');
    var query = search.value.trim().toLowerCase();
    var visible = {}, shown = 0;
    links().forEach(function (el) {
      var ok = fits(el, actors, cats, query);
      el.classList.toggle('hidden', !ok);
      if (ok) { visible[el.getAttribute('data-key')] = true; shown += 1; }
    });
    document.querySelectorAll('mark[data-key]').forEach(function (el) {
      el.classList.toggle('dimmed', !visible[el.getAttribute('data-key')]);
    });
    document.getElementById('shown').textContent = shown;
  }
  function cell(value) {
    var text = String(value);
    // a cell starting like a formula is text to a spreadsheet, not a formula to run
    if (/^[=+\\-@\\t\\r]/.test(text)) { text = "'" + text; }
    return '"' + text.replace(/"/g, '""') + '"';
  }
  window.demandxExportCsv = function () {
    var head = ['source', 'id', 'number', 'title', 'text', 'addressees', 'categories'];
    var rows = [head.join(',')];
    links().filter(function (el) { return !el.classList.contains('hidden'); })
      .forEach(function (el) {
        rows.push([el.getAttribute('data-source'), el.getAttribute('data-id'),
          el.getAttribute('data-number'), el.getAttribute('data-title'),
          el.getAttribute('data-text'),
          JSON.parse(el.getAttribute('data-actors')).join(' | '),
          JSON.parse(el.getAttribute('data-categories')).join(' | ')].map(cell).join(','));
      });
    return rows.join('\\r\\n') + '\\r\\n';
  };
  document.getElementById('export').addEventListener('click', function () {
    var blob = new Blob(['\\ufeff' + window.demandxExportCsv()], {type: 'text/csv'});
    var link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = 'demands.csv';
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
  document.querySelectorAll('.filters input').forEach(function (box) {
    box.addEventListener('change', apply);
  });
  search.addEventListener('input', apply);
  apply();
})();
"""
