"""One document, end to end: Text -> lines -> tree -> clauses -> demand units -> Document.

spaCy runs only on the text that can hold a demand: a cheap regular expression built
from the language's trigger patterns picks those blocks, and everything else is never
tokenised.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache, cached_property
from typing import TYPE_CHECKING

from demandx.addressees import (
    address_line_names,
    after_addressee_label,
    bare_title,
    cited_names,
    clean_name,
    complements_only,
    dedupe,
    field_names,
    grammar_names,
    letter_note_names,
    may_anchor_grammar,
    may_cite,
    salutation_names,
    speaks_to_reader,
    unshouted,
    without_objects,
    without_patients,
)
from demandx.analysis import (
    COMPONENT,
    Clause,
    commitment_block,
    finding_block,
    finding_regex,
    may_be_slogan,
    prefilter,
    slogan_clause,
)
from demandx.blocks import call_regex, has_heading_cue
from demandx.datelines import is_date_line
from demandx.demands import DemandFinder
from demandx.lang import Language, available_languages, load_language
from demandx.language import detect_language
from demandx.lines import split_lines
from demandx.model import Document, Text
from demandx.nlp import cheap_pipeline, refining_pipeline
from demandx.patterns import prefilter_regex
from demandx.records import to_records
from demandx.structure import Node, Tree, build_tree

if TYPE_CHECKING:
    from spacy.tokens import Doc

DEFAULT_LANGUAGE = "de"
_SALUTATION_WITHIN = 40   # blocks from the top where a letter's salutation stands (a web page
#                           puts its menus, share buttons and address lines before it)
_FIELD_WITHIN = 25        # blocks from the top where a document names its addressees

_GREETING_WORDS = 8       # "Sehr geehrte Damen und Herren,", "Dear Sir or Madam,"
_BATCH = 64
_HEADLINE_WORDS = 14      # the most words of a headline read as a possible slogan


def extract_text(text: Text, lang: str | None = None,
                 models: dict[str, str] | None = None) -> Document:
    """The demands of one loaded document.

    Args:
        text: the document as a loader returned it.
        lang: "de", "nl", "en", or None to detect it from the text.
        models: pipeline spec per language (see demandx.nlp); missing ones use the default.
    """
    return extract_texts([text], lang=lang, models=models)[0]


def extract_texts(texts: list[Text], lang: str | None = None,
                  models: dict[str, str] | None = None) -> list[Document]:
    """The demands of several loaded documents, in their order. spaCy reads the candidate
    blocks of all of them in one batch per language, which saves its per-call cost on
    many small documents; the result is the same as one document at a time."""
    prepared = [_Prepared(text, lang) for text in texts]
    by_code: dict[str, list[_Prepared]] = {}
    for item in prepared:
        if _has_content(item.tree):
            by_code.setdefault(item.code, []).append(item)
    for code, items in by_code.items():
        spec = (models or {}).get(code)
        _read([item.analysis for item in items], cheap_pipeline(code),
              lambda code=code, spec=spec: refining_pipeline(code, spec))
    return [item.document() for item in prepared]


class _Prepared:
    """One document on its way: language, tree, analysis."""

    def __init__(self, text: Text, lang: str | None):
        self.text = text
        self.detected = lang or detect_language(text.text)
        self.code = self.detected or DEFAULT_LANGUAGE
        self.language = load_language(self.code)
        self.tree = build_tree(split_lines(text), self.language, text.title)
        self.analysis = _Analysis(self.tree, self.language, cheap_pipeline(self.code)) \
            if _has_content(self.tree) else None

    def document(self) -> Document:
        if self.analysis is None:
            return Document(source=self.text.source, language=self.detected,
                            title=self.tree.title)
        analysis = self.analysis
        finder = DemandFinder(self.tree, self.language, analysis.clauses,
                              analysis.heading_addressees, analysis.document_addressees(),
                              _foreign_lead(self.code), analysis.names_in,
                              recipients=analysis.recipients_of,
                              counterparts=analysis.counterparts_in)
        return Document(source=self.text.source, language=self.detected,
                        title=self.tree.title, demands=to_records(finder.find(), self.text))


@cache
def counterpart_regex(code: str) -> re.Pattern[str] | None:
    """A regex that finds every text where the language's counterpart patterns could
    match (compiled once per language and process)."""
    lang = load_language(code)
    return prefilter_regex(list(lang.counterpart_patterns), lang)


def _foreign_lead(code: str):
    # Each regex is built when a lead-in first needs it, not with the document: most
    # documents have no lead-in that reaches this test, and the other languages' demand
    # verbs are large regexes (50-90 ms of a one-document run to compile). The regexes
    # are the ones those languages' own documents use (cached once per process).
    others = [other for other in available_languages() if other != code]

    def lookup(text: str) -> str | None:
        # only a short line that introduces a list can be a template lead-in
        if len(text) > 200 or not text.rstrip().endswith(":"):
            return None
        for other in others:
            lang = load_language(other)
            for regex, kind in ((finding_regex(lang), "finding"), (call_regex(other), "demand")):
                if regex is not None and regex.search(text):
                    return kind
        return None

    return lookup


def _read(analyses: list[_Analysis], nlp, get_refiner) -> None:
    """Two passes over the documents' candidate blocks, each one batch: the cheap blank
    pipeline decides which clauses are demands; then, when a trained pipeline is chosen,
    it parses the demand clauses, and whom each asks to act is read from the parse
    (demandx.addressees.AddresseeRuler). Where the parse names no one, the demand keeps
    what the surface rules found, refined by parts of speech where they help."""
    work = [(analysis, node) for analysis in analyses for node in analysis.candidates()]
    texts = (analysis._texts[id(node)] for analysis, node in work)
    for (analysis, node), doc in zip(work, nlp.pipe(texts, batch_size=_BATCH), strict=True):
        analysis.set_clauses(node, doc._.dx_clauses or [])
    headlines = [(analysis, node) for analysis in analyses for node in analysis.headlines()]
    demands = [(analysis, clause, text) for analysis in analyses
               for clause, text in analysis.demand_clauses()
               if _needs_parse(clause, text, analysis.lang)]
    # a settled clause is parsed only for the morphology of the names it read
    citing = [(analysis, clause, text) for analysis in analyses
              for clause, text in analysis.demand_clauses()
              if clause.settled and may_cite(clause.addressees, analysis.lang)]
    if not demands and not headlines and not citing:
        return
    refiner = get_refiner()  # loaded only when there is something to read
    if refiner is None:
        return
    component = refiner.get_pipe(COMPONENT)
    # a headline over its date that no call was read in may be a slogan, which only the
    # parse tells from a report ("Lernmittelfreiheit bundesweit umsetzen" / "LSV wählt
    # neuen Vorstand")
    docs = refiner.pipe((analysis._texts[id(node)] for analysis, node in headlines),
                        batch_size=_BATCH, disable=[COMPONENT])
    for (analysis, node), doc in zip(headlines, docs, strict=True):
        slogan = slogan_clause(doc, analysis.lang)
        if slogan is not None:
            analysis.set_clauses(node, [slogan])
    docs = refiner.pipe((text for _a, _clause, text in citing), batch_size=_BATCH,
                        disable=[COMPONENT])
    for (analysis, clause, _text), doc in zip(citing, docs, strict=True):
        clause.addressees = cited_names(clause.addressees, doc, analysis.lang)
    # the demand component only reads the parse here: it does not run inside the pipe
    docs = refiner.pipe((text for _a, _clause, text in demands), batch_size=_BATCH,
                        disable=[COMPONENT])
    for (analysis, clause, _text), doc in zip(demands, docs, strict=True):
        _read_addressees(analysis, clause, doc, component)
        clause.addressees = cited_names(clause.addressees, doc, analysis.lang)


def _read_addressees(analysis: _Analysis, clause: Clause, doc: Doc, component) -> None:
    """Whom a demand clause asks, from its parse where the parse names anyone, else from
    what the surface read, refined by parts of speech where they help."""
    # a request the reader's mood makes asks the reader, whom a modal in what it asks
    # for obliges or not
    names = grammar_names(doc, analysis.lang, analysis.recipients,
                          obliged=not (clause.to_reader and "reader" in clause.triggers))
    clause.to_reader = clause.to_reader or bool(set(names) & set(analysis.recipients))
    if names:
        # subjects of the clause asked for add to what the surface read ("dass der
        # DFB ... und die Politik ...", where the parse loses the second)
        clause.addressees = without_patients(dedupe(clause.addressees + names), doc) \
            if complements_only(doc) else dedupe(names + clause.implied)
        clause.settled = True
        return
    # a call whose object the surface could not bound, nor the parse attach to its
    # particle ("fordern die Tarifgemeinschaft deutscher Länder auf"): the phrases
    # the parts of speech bound, in the call's own construction
    if clause.refinable or not clause.addressees:
        refined = component.refine(doc)
        if refined is not None and refined.addressees and (
                clause.refinable or refined.settled):
            clause.addressees = refined.addressees
    clause.addressees = without_objects(without_patients(clause.addressees, doc), doc)


def _needs_parse(clause: Clause, text: str, lang: Language) -> bool:
    """Whether the parse can tell more about a demand clause's addressee: a call verb of
    the addressee grammar whose object the surface did not settle (the phrase right after
    it, as in "verzoekt de regering", settles it), or a named actor or subject the parse
    may bound, own or show to be the patient of a passive. A demand that names no one and
    has no such verb ("Die Mieten müssen sinken") has nothing for it to read."""
    if clause.settled:
        return False
    return clause.refinable or bool(clause.addressees) or may_anchor_grammar(text, lang)


def _has_content(tree: Tree) -> bool:
    return bool(tree.root.children)


# The key of `_Analysis._counterparts` for what the whole document asks (no section's id)
_WHOLE_DOCUMENT = 0


def _walk(node: Node) -> Iterator[Node]:
    for child in node.children:
        yield child
        yield from _walk(child)


class _Analysis:
    """The clauses of one document's blocks, filled in by `_read`."""

    def __init__(self, tree: Tree, lang: Language, nlp):
        self.tree = tree
        self.lang = lang
        self.nlp = nlp
        self.component = nlp.get_pipe(COMPONENT)
        self._clauses: dict[int, list[Clause]] = {}
        self._named: dict[tuple[int, str], list[str]] = {}
        self._texts: dict[int, str] = {}

    def candidates(self) -> list[Node]:
        """Blocks that can hold a demand, and lead-ins that may state findings ("Der
        Bundestag stellt fest:"), whose verdict decides what the part under them is (the
        rest never reaches spaCy); a block that is one finding clause, and a point that
        opens with the authors' commitment and has no trigger, get their verdict here
        without a reading."""
        regex = prefilter(self.lang)
        findings = finding_regex(self.lang)
        nodes = []
        for node in _walk(self.tree.root):
            if node.block is None or node.kind == "closing":
                continue
            text = node.block.text(self.lang).text
            if not text:
                continue
            finding = finding_block(text, self.lang)
            if finding is not None:
                self._clauses[id(node)] = [finding]
            elif regex is None or regex.search(text) or (
                    findings is not None and (text.rstrip().endswith(":")
                                              or self._is_point(node))
                    and findings.search(text)):
                nodes.append(node)
                self._texts[id(node)] = text
            elif self._is_point(node):
                # a point where the authors commit themselves is none of a list's
                # demands ("We will hold a rally"): its verdict, without a reading
                commitment = commitment_block(text, self.lang)
                if commitment is not None:
                    self._clauses[id(node)] = [commitment]
        return nodes

    def _is_point(self, node: Node) -> bool:
        """A point, or the text under a label without words ("Artikel 1" + "De
        gemeenteraad keurt het plan goed."): its verdict says what the point is, a
        finding or not, where a list of demands would make it one."""
        parent = node.parent
        return node.kind == "item" or (
            node.kind == "para" and parent is not None and parent.block is not None
            and parent.kind in ("item", "section") and not parent.block.text(self.lang).text)

    def set_clauses(self, node: Node, clauses: list[Clause]) -> None:
        self._clauses[id(node)] = clauses
        recipients = self.recipients_of(node)
        if not recipients:
            for clause in clauses:
                if clause.triggers == ["reader"]:
                    clause.demand = False   # a call on the public, not on a recipient
            return
        # "Wir fordern Sie auf", "wir fordern ... ein Angebot": what a letter's authors
        # ask of the one they write to, who is the recipient its salutation names. A
        # demand in the third person ("Der Bundesrat bittet ...", "Die Mieten müssen
        # sinken") is not addressed by the salutation.
        text = self._texts[id(node)]
        for clause in clauses:
            if clause.demand and clause.to_reader:
                # "Bent u bereid de NZa te vragen ...?": the reader is asked, whom else
                # the question names is asked on by the reader
                clause.addressees = dedupe([*recipients, *clause.addressees])
                clause.settled = True
                continue
            if clause.demand and not clause.addressees and (
                    "reader" in clause.triggers
                    or speaks_to_reader(text[clause.start:clause.end], self.lang)):
                clause.addressees = list(recipients)
                clause.to_reader = True

    def headlines(self) -> list[Node]:
        """Headlines over a date line in which no demand was read: a heading whose part
        opens with its date, or a one-line paragraph with its date after it (press
        releases, news items, the teasers of an overview of them)."""
        found = []
        for parent in (self.tree.root, *_walk(self.tree.root)):
            children = parent.children
            for index, node in enumerate(children):
                if node.block is None or any(c.demand for c in self.clauses(node)):
                    continue
                if node.kind == "section":
                    # its date opens its part, or is a heading of its own over it
                    dated = [node.children[0] if node.children else None,
                             children[index - 1] if index > 0 else None]
                elif node.kind == "para" and len(node.block.lines) == 1:
                    # its date under it, or over it ("14.03.2025" + headline + teaser)
                    dated = [children[index + 1] if index + 1 < len(children) else None,
                             children[index - 1] if index > 0 else None]
                else:
                    continue
                text = node.block.text(self.lang).text
                if len(text.split()) > _HEADLINE_WORDS or text.rstrip().endswith(".") \
                        or not may_be_slogan(text, self.lang):
                    continue
                if any(other is not None and other.block is not None and is_date_line(
                        other.block.text(self.lang).text, self.lang) for other in dated):
                    self._texts[id(node)] = text
                    found.append(node)
        return found

    def demand_clauses(self) -> list[tuple[Clause, str]]:
        """The demand clauses found in the candidate blocks, with their text."""
        return [(clause, self._texts[key][clause.start:clause.end])
                for key, clauses in self._clauses.items() for clause in clauses
                if clause.demand and key in self._texts]

    def clauses(self, node: Node) -> list[Clause]:
        return self._clauses.get(id(node), [])

    def heading_addressees(self, node: Node, announced: bool = False) -> list[str]:
        """Whom a heading that names demands names ("Forderungen an die Politik"); with
        `announced`, whom a lead-in the demand finder found to announce them names, by
        whatever noun ("submits the following claim to Shannonside Logistics Ltd:")."""
        text = node.block.text(self.lang).text if node.block is not None else ""
        if not announced and not has_heading_cue(text.lower(), self.lang.demand_headings):
            return []
        return self._names(node, "heading", opening=False)

    def names_in(self, node: Node, group: str) -> list[str]:
        """Whom a paragraph leading into a list ("lead") or a point of a list of demands
        ("point") names, by the language's patterns of that group. The form opens the
        paragraph or point: "..., dass die Länder" inside a point is what the point's
        addressee is asked to bring about."""
        return self._names(node, group, opening=True)

    def _names(self, node: Node, group: str, opening: bool) -> list[str]:
        key = (id(node), group)
        if key not in self._named:
            text = unshouted(node.block.text(self.lang).text if node.block is not None
                              else "", self.lang)
            self._named[key] = self.component.names_in(self.nlp.make_doc(text), group,
                                                       opening=opening) if text else []
        return self._named[key]

    @cached_property
    def salutation(self) -> list[str]:
        """The addressee of a letter, from its salutation ("Liebes Studierendenwerk X,"):
        a one-line paragraph near the top; where the salutation names no one ("Sehr
        geehrte Damen und Herren"), from its address line ("An die Fraktionen ...")."""
        return self._greeting[0]

    @cached_property
    def _greeting(self) -> tuple[list[str], Node | None]:
        """The salutation's names and the block it stands in (None for an address line)."""
        top = [node for node in itertools.islice(_walk(self.tree.root), _SALUTATION_WITHIN)
               if node.block is not None and len(node.block.lines) == 1]
        paragraphs = [node for node in top if node.kind == "para"]
        lines = [node.block.text(self.lang).text for node in paragraphs]
        for node, line in zip(paragraphs, lines, strict=True):
            names = salutation_names([line], self.lang)
            if names:
                # "Sehr geehrte Frau Ministerin,": the line about the letter names her
                return (self._noted if bare_title(names, self.lang) and self._noted
                        else names), node
        # only a letter has an address line: one that greets ("Sehr geehrte Damen und
        # Herren,": a short line of its own that ends in a comma) or closes ("Mit
        # freundlichen Grüßen")
        greets = any(line.rstrip().endswith(",") and len(line.split()) <= _GREETING_WORDS
                     for line in lines)
        address = [node.block.text(self.lang).text for node in top]
        if not (greets or any(node.kind == "closing" for node in _walk(self.tree.root))):
            # ... but an address line that leads into the text with a colon addresses
            # it, letter or not ("To President Okafor and the Board of Trustees:")
            address = [line for line in address if line.rstrip().endswith(":")]
        return address_line_names(address, self.lang) or self._noted, None

    @cached_property
    def _counterparts(self) -> dict[int, list[str]]:
        """The other side of a negotiation the text reports ("Die Verhandlungen mit den
        Arbeitgebern beginnen am ...", "bij de start van de cao-onderhandelingen met
        ..."), whom it says its demands are for ("Our demands are addressed to ..."), and
        the employer a pay claim is made of ("meer loon bij groenteverwerker X"), read in
        every paragraph and heading: the demands that name no one are made of it. By the
        part whose demands it is for: the section it stands in where that makes demands
        (the id of the section), else the part around it; the whole document
        (`_WHOLE_DOCUMENT`) where the title names its demands ("Cao-eisen ...", "Unsere
        Forderungen zur Tarifrunde") or no part around it makes demands (a claim's
        introduction). A chapter of a programme that reports a negotiation among its
        demands ("dass die EU die Verhandlungen mit der Türkei weiterführt") names no one
        for the other chapters."""
        prefilter = counterpart_regex(self.lang.code)
        found: dict[int, list[str]] = {}
        if prefilter is None:
            return found
        whole = has_heading_cue((self.tree.title or "").lower(), self.lang.demand_headings)

        def visit(node: Node, part: int) -> None:
            for child in node.children:
                own = part
                if child.kind == "section":
                    if whole or child is self.tree.title_node:
                        own = _WHOLE_DOCUMENT
                    elif self._makes_demands(child):
                        own = id(child)
                if child.block is not None and child.kind in ("para", "section"):
                    text = child.block.text(self.lang).text
                    if prefilter.search(text):
                        names = self.component.names_in(self.nlp.make_doc(text), "counterpart")
                        found[own] = dedupe([*found.get(own, []), *names])
                visit(child, own)

        visit(self.tree.root, _WHOLE_DOCUMENT)
        return found

    def _makes_demands(self, section: Node) -> bool:
        """Whether a paragraph or point anywhere under a section makes a demand."""
        return any(c.demand for node in _walk(section) if node.kind in ("para", "item")
                   for c in self.clauses(node))

    def counterparts_in(self, node: Node) -> list[str]:
        """The counterparts of the part a section heads (see _counterparts)."""
        return self._counterparts.get(id(node), [])

    @cached_property
    def _noted(self) -> list[str]:
        """The recipient a line about the letter names, wherever it stands ("Offener
        Brief an ...", "Dieser Brief geht an ...")."""
        return letter_note_names([node.block.text(self.lang).text for node in _walk(self.tree.root)
                                  if node.block is not None and node.kind in ("para", "section")],
                                 self.lang)

    @cached_property
    def recipients(self) -> list[str]:
        """Whom the document speaks to as "Sie", "u", "you": the recipient its salutation
        or address line names, else the one its addressee field names (a petition's "An:
        Bürgermeisterin ...")."""
        return self.salutation or self.field_addressees

    def recipients_of(self, node: Node) -> list[str]:
        """The recipients a block speaks to: a salutation opens the letter it greets
        with, so a resolution's demands before the open letter that follows them
        ("Sehr geehrte Frau Ministerin," half-way down) are not addressed to its
        recipient."""
        recipients = self.recipients
        start = self._greeting[1]
        if not recipients or start is None:
            return recipients
        return recipients if self._order.get(id(node), 0) >= self._order[id(start)] else []

    @cached_property
    def _order(self) -> dict[int, int]:
        return {id(node): index for index, node in enumerate(_walk(self.tree.root))}

    @cached_property
    def field_addressees(self) -> list[str]:
        """Whom a field near the top names as the addressees of the document's demands
        ("Adressat*innen: KMK, HRK", or the list under "Addressees:")."""
        nodes = list(itertools.islice(_walk(self.tree.root), _FIELD_WITHIN))
        for position, node in enumerate(nodes):
            if node.block is None or node.kind not in ("para", "section"):
                continue
            rest = after_addressee_label(node.block.text(self.lang).text.strip(), self.lang)
            if rest is None:
                continue
            if rest:
                return field_names(rest, self.lang)
            items = [child for child in node.children if child.kind == "item"] or [
                following for following in itertools.takewhile(
                    lambda n: n.kind == "item", nodes[position + 1:])]
            return dedupe([clean_name(item.block.text(self.lang).text) for item in items
                           if item.block is not None])
        return []

    def document_addressees(self) -> list[str]:
        """The document's overall call: the addressee its title names, and those implied
        by what it calls for (a coalition agreement -> the coming government)."""
        names: list[str] = []
        if self.tree.title_node is not None:
            names += self.heading_addressees(self.tree.title_node)
        names += self.field_addressees
        names += self._counterparts.get(_WHOLE_DOCUMENT, [])
        for clauses in self._clauses.values():
            for clause in clauses:
                if clause.demand:
                    names += clause.implied
        return dedupe(names)
