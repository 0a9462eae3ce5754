"""Which parts of the document tree are demands, and whom each one addresses.

Demand units are of three kinds:

* a numbered heading ("### Punkt 1: ...") in a part of the document where someone is
  called on to act: its body is its text, the demand sentences of the body its statements;
* a list item in such a part (after a heading like "Forderungen an die Politik" or a
  lead-in like "Wir erwarten:" / "verzoekt de regering:"), or a list item that makes a
  demand of its own;
* a demand sentence (or semicolon clause) in prose, outside any demand unit.

Addressee scopes nest: the unit's own sentences, the list's lead-in, the section heading,
the document's overall call. List items and points keep the scope's addressee and add
the actors their own sentences name ("Kommunen dürfen nicht ..." under "Forderungen
an die Politik": Politik and Kommunen); a prose sentence names its own addressee and
falls back to the scope's only when it names none.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from demandx.addressees import (
    clean_name,
    dedupe,
    opens_in_imperative,
    verb_forms,
)
from demandx.analysis import MAX_RUN_IN_WORDS, Clause
from demandx.blocks import column_role, has_heading_cue, looks_like_heading
from demandx.labels import Marker
from demandx.lang import Language, function_words
from demandx.mapped import Mapped
from demandx.structure import Node, Tree, opens_operative_part

# A lead-in that only announces the list ("Wir erwarten:") has fewer content words.
_MIN_LEAD_IN_CONTENT = 3
# letters of the shortest particle and verb stem around an infix infinitive marker
# ("an-zu-fangen", "ein-zu-richten")
_MIN_PARTICLE = 2
_MIN_INFINITIVE_STEM = 4
# the word classes of the verbs that open a motion's operative clauses, and how far into
# a paragraph its first word is looked for
_CALL_VERB_CLASSES = ("request_verbs", "particle_verbs")
_FIRST_WORD_CHARS = 40
# The fewest content words of a heading that is a demand phrase, not a topic ("Energie
# und Klima" has two)
_MIN_DEMAND_PHRASE_WORDS = 3
_MAX_SLOGAN_WORDS = 15   # a demand written as a short paragraph, not an argument
# A list item that only groups its sub-items ("Neubauten", "Privat:").
_MAX_CATEGORY_WORDS = 4


@dataclass
class Unit:
    """One demand found in the tree, before it becomes an output record."""

    kind: str                             # "heading", "item", "sentence"
    marker: Marker | None
    title: Mapped | None
    text: Mapped
    statements: list[Mapped]
    addressees: list[str]
    section: list[str]
    span: tuple[int, int]
    items: list[Unit] = field(default_factory=list)


@dataclass(frozen=True)
class _Scope:
    demand_section: bool = False          # under a heading that calls for action
    excluded: bool = False                # under "Begründung", "Kontakt", ...
    demand_parent: bool = False           # inside a demand unit or a category of demands
    finding: bool = False                 # under a lead-in that states findings
    addressees: tuple[str, ...] = ()      # nearest scope that names an actor
    section: tuple[str, ...] = ()


@dataclass(frozen=True)
class _PartTitle:
    """What a numbered point shaped as a heading says of its part, as a heading would."""

    demands: bool                         # a part of demands ("3. Unsere Forderungen")
    excluded: bool                        # an excluded part ("4. Begründung")
    names: tuple[str, ...]                # whom it addresses ("3.1 An den Kreistag")

    @property
    def names_part(self) -> bool:
        """Whether the title only names its part or whom it addresses."""
        return self.demands or self.excluded or bool(self.names)

    def scope(self, scope: _Scope) -> _Scope:
        demand_section = scope.demand_section or self.demands
        return replace(scope, demand_section=demand_section, excluded=self.excluded,
                       addressees=(self.names if demand_section else ()) or scope.addressees)


@dataclass(frozen=True)
class _Lead:
    kind: str                             # "heading", "demand", "finding", "neutral"
    addressees: tuple[str, ...] = ()
    column: int = 0                       # the table column whose cells name the addressee
    # the formula that opens a motion's operative part ("Der Stadtrat möge beschließen:"),
    # or a call whose complement the points are ("Lingebos Blijft eist dat:"): each point
    # says who is to act
    own_subjects: bool = False


# Clauses of a block's text (its Mapped text), from the analysis pass.
ClauseLookup = Callable[[Node], list[Clause]]
HeadingLookup = Callable[..., list[str]]   # (node, announced=False) -> names
# "demand", "finding" or None for a lead-in written in another language than the document
# (petition templates: "establish that:" / "and request:" above Dutch lists).
ForeignLeadLookup = Callable[[str], "str | None"]
# Whom a block names by the language's patterns of a group ("lead", "point").
NamesLookup = Callable[[Node, str], list[str]]
# whom a block speaks to as "Sie", "u", "you": a letter's recipients, after its salutation
RecipientsLookup = Callable[[Node], list[str]]
PartNamesLookup = Callable[[Node], list[str]]


class DemandFinder:
    """Walks a document tree and returns its demand units."""

    def __init__(self, tree: Tree, lang: Language, clauses: ClauseLookup,
                 heading_addressees: HeadingLookup, document_addressees: list[str],
                 foreign_lead: ForeignLeadLookup | None = None,
                 names_in: NamesLookup | None = None,
                 recipients: RecipientsLookup | None = None,
                 counterparts: PartNamesLookup | None = None):
        self.tree = tree
        self.lang = lang
        self.clauses = clauses
        self.heading_addressees = heading_addressees
        self.document_addressees = tuple(document_addressees)
        self.foreign_lead = foreign_lead
        self.names_in = names_in or (lambda _node, _group: [])
        # whom a letter's salutation names, by node: asked by the points in the imperative
        self.recipients = recipients or (lambda _node: [])
        # the other side of a negotiation a part reports, by the section that heads it
        self.counterparts = counterparts or (lambda _node: [])
        # whether a heading reads as a demand phrase, by node: each is asked once per
        # sibling, so a part with many headings costs its length, not its length squared
        self._phrases: dict[int, bool] = {}

    def find(self) -> list[Unit]:
        # A document titled like a list of demands ("Forderungen an die Stadt Landau",
        # "Onze eisen") is one: its lists are demands wherever they stand.
        title = (self.tree.title or "").lower()
        scope = _Scope(addressees=self.document_addressees,
                       demand_section=has_heading_cue(title, self.lang.demand_headings))
        return self._container(self.tree.root, scope)

    # --- containers ---------------------------------------------------------------

    def _container(self, node: Node, scope: _Scope,
                   lead: _Lead = _Lead("heading")) -> list[Unit]:
        units: list[Unit] = []
        children = node.children
        slogans = self._slogans(node, scope)
        carried: set[int] = set()
        prose_before = False
        asked_before: tuple[str, ...] = ()   # whom the paragraph before asked last
        run_in = False   # whether a paragraph with a run-in head may be a point here
        led: set[int] = set()   # paragraphs a lead-in's colon leads into
        listed: tuple[str, ...] | None = None   # whom the point before asked, if a demand
        groups: _Lead | None = None   # a lead-in whose colon leads into subheaded groups
        for index, child in enumerate(children):
            following = children[index + 1] if index + 1 < len(children) else None
            led_in, run_in = run_in, False
            after_point, listed = listed, None
            if child.kind != "para":
                asked_before = ()
            if index in carried:
                continue
            if child.kind in ("para", "item") and self._led_by_excluded_part(children, index):
                # "Lees ook:" + the headlines it links to, "Kontakt:" + the address: the
                # paragraph or list an excluded part's name leads into is that part's
                continue
            if index in slogans:
                units.append(_sentence_unit(child.block.text(self.lang).strip(),
                                            scope.addressees, scope))
                continue
            if child.kind == "para" and child.block is not None and child.block.column_head:
                lead = self._column_lead(child, lead)
            elif child.kind == "para" and (index in led or (
                    led_in and lead.kind == "demand"
                    and _opens_with_run_in_head(child.block.text(self.lang).text))):
                # "fordert die Gewerkschaft unter anderem:" + "Mehr Lehrer gegen
                # Unterrichtsausfall: Auch mit ..." + "Mehr Lehrer für kleinere Klassen:
                # ...": paragraphs that lost their bullets are the lead-in's points
                units += self._point(child, scope, lead)
                run_in = True
            elif child.kind == "para":
                if scope.finding and self._opens_call(child):
                    # "overwegende dat" + its points + "verzoeken Gedeputeerde Staten" +
                    # points: the motion's call ends the findings its part opened with
                    scope = replace(scope, finding=False)
                # "Begründung: Die WC-Benutzung ist ein Grundrecht. ...": a paragraph that
                # a section's name opens belongs to that section
                own = replace(scope, excluded=True) if self._runs_in_excluded(child) \
                    else scope
                if after_point is not None:
                    self._go_on_from_points(child)
                found = self._prose(child, own, announces_list=_is_list(following)
                                    or _subheads_points(following),
                                    following=following,
                                    before=asked_before or after_point or ())
                lead = self._lead_of(child, scope)
                if lead.kind == "demand" and not lead.addressees and asked_before and \
                        self._continues_call(child.block.text(self.lang).text):
                    # "Der Regierungsrat wird beauftragt, ... Dabei ist sicherzustellen,
                    # dass" + points: the mandate going on asks whom it asked
                    lead = replace(lead, addressees=asked_before)
                elif not found and lead.kind == "neutral" and asked_before and \
                        self._bridges(child.block.text(self.lang).text, following):
                    # "Der Regierungsrat wird beauftragt, ... vorzulegen." + "Die Vorlage
                    # soll insbesondere folgende Elemente enthalten:" + points: what the
                    # demand before asks for, detailed
                    lead = _Lead("demand", asked_before)
                run_in = child.block.text(self.lang).text.rstrip().endswith(":")
                if run_in and lead.kind == "demand":
                    led = self._led_paragraphs(children, index + 1)
                groups = lead if run_in and lead.kind == "demand" else None
                if found and lead.kind in ("neutral", "heading") and self._bridges(
                        child.block.text(self.lang).text, following):
                    found[-1] = self._carried_on(found[-1], child, children, index + 1,
                                                 scope, carried)
                units += found
                asked_before = tuple(found[-1].addressees) if found else ()
                if not scope.addressees:
                    # "Wir fordern die Parlamentsverwaltung auf, ...": a call that opens
                    # a part names whom the rest of the part addresses (not one that
                    # closes a paragraph further on), and so do demands named with their
                    # addressee ("Eltern haben sechs Forderungen an das Rathaus gestellt.")
                    named = (self._call_addressees(child) if not prose_before else ()) \
                        or tuple(self.heading_addressees(child))
                    if named:   # (most paragraphs name no one: the scope stays as it is)
                        scope = replace(scope, addressees=named)
                prose_before = True
            elif child.kind == "item":
                groups = None
                points = self._point(child, scope, lead)
                units += points
                listed = tuple(points[-1].addressees) if points else None
            elif child.kind == "section" and child.marker is not None \
                    and child.marker.kind == "label" and (
                        self._point_context(scope, _heading_lead(lead))
                        or self._labelled_demand(child, scope)):
                # numbered headings are the part's structure: a paragraph before one
                # that neither demands nor states findings does not decide what it is
                units += self._point(child, scope, _heading_lead(lead))
            elif child.kind == "section" and self._names_a_demand(child, scope):
                # "Unsere Forderungen" + "## Öffnung historischer Daten" + its list: a
                # heading that is a demand phrase heads the demand its list details
                units += self._point(child, scope, _heading_lead(lead))
            elif child.kind == "section":
                # "Wir fordern:" + "Entgelt" + its points + "Arbeitszeit" + its points: a
                # lead-in's colon leads into each group of points under a subhead
                if groups is not None and _subheads_points(child):
                    units += self._section(child, replace(
                        scope, demand_section=True,
                        addressees=groups.addressees or scope.addressees))
                else:
                    units += self._section(child, scope)
                    lead, groups = _Lead("heading"), self._leads_out(child, scope)
            else:
                lead = _Lead("neutral")
        return units

    def _leads_out(self, node: Node, scope: _Scope) -> _Lead | None:
        """The lead-in that ends a section and leads, with its colon, into the groups of
        points after it, which a layout set as headings of their own level ("„Schule
        darf kein Sparposten sein“ – LSV legt Forderungskatalog vor" + "... fordert die
        LSV die Landesregierung auf, die folgenden Maßnahmen abzusichern:" +
        "LERNMITTEL" + its points + "SCHULGEBÄUDE" + its points)."""
        last = node.children[-1] if node.children else None
        if last is None or last.kind != "para" or last.block is None or \
                not last.block.text(self.lang).text.rstrip().endswith(":"):
            return None
        lead = self._lead_of(last, scope)
        return lead if lead.kind == "demand" else None

    def _go_on_from_points(self, node: Node) -> None:
        """Marks the first clause of a paragraph after a list of demands a demand where it
        goes on with them ("1. ... 4. ..." + "Zudem soll der Regierungsrat ... prüfen, ob
        ..."), as the analysis component marks one after a demand sentence of its own
        paragraph."""
        clauses = self.clauses(node)
        first = clauses[0] if clauses else None
        if first is not None and first.continues and not first.demand and not (
                first.finding or first.question or first.commitment):
            first.triggers = ["continuing"]
            first.demand = True

    def _opens_call(self, node: Node) -> bool:
        """Whether a paragraph opens on the call verb of a motion's operative part, its
        subject the body named before ("verzoeken Gedeputeerde Staten", "draagt het
        dagelijks bestuur op"), not a call someone else makes ("Das Forum fordert ...")."""
        clauses = self.clauses(node)
        if not clauses or not clauses[0].demand or clauses[0].trigger_kind != "request":
            return False
        words = _WORD.findall(node.block.text(self.lang).text[:_FIRST_WORD_CHARS].lower())
        return bool(words) and any(words[0] in self.lang.words.get(name, ())
                                   for name in _CALL_VERB_CLASSES)

    def _led_paragraphs(self, children: list[Node], start: int) -> set[int]:
        """The paragraphs a demand lead-in's colon leads into when no list follows
        ("Der Gemeinderat möge beschließen:", "verzoekt het college:", "calls on the
        Government to:" + paragraphs): the run of plain paragraphs up to the next
        heading or the end of the part. A run that goes on into prose without such an
        end gives the lead-in only its first paragraph, as the reader cannot tell where
        the motion's text gives way to its reasons."""
        run = []
        for index in range(start, len(children)):
            child = children[index]
            if _is_list(child):
                # "Council is asked to consider the following motions:" + a note +
                # "1. Fairtrade Mark": the colon leads into the list, past the note
                return set()
            if child.kind != "para":
                break
            if not self._plain_point(child):
                return set(run[:1]) if index > start else set()
            run.append(index)
        return set(run)

    def _plain_point(self, node: Node) -> bool:
        """A paragraph that can be a lead-in's point: a sentence of its own (one opening
        in lower case goes on with the lead-in's sentence: "verzoekt de regering inzicht
        te geven in:" + "de kosten;" + "de termijnen;"), no lead-in of its own, no
        finding, no excluded part's run-in name ("Begründung: ...")."""
        if node.block is None or node.block.column_head:
            return False
        text = node.block.text(self.lang).text.strip()
        clauses = self.clauses(node)
        return bool(text) and not text[0].islower() and not text.endswith(":") \
            and not self._runs_in_excluded(node) \
            and not _only_finds(clauses)

    def _carried_on(self, unit: Unit, node: Node, children: list[Node], start: int,
                    scope: _Scope, carried: set[int]) -> Unit:
        """A demand whose paragraph goes on into a list in a sentence that asks nothing
        itself ("Der Regierungsrat wird eingeladen, ... aufzuzeigen, wie ... . Dabei ist
        insbesondere darzulegen," + "– wie die Kosten verteilt werden"; "We ask the
        Council to publish a report. It would cover:" + points): the list holds the
        demand's points, and the sentence that leads into them is its text."""
        text = node.block.text(self.lang)
        begin = next((i for i in range(len(text.text)) if text.to_doc(i) >= unit.span[0]), 0)
        tail = text.slice(begin).strip()
        lead = _Lead("demand", tuple(unit.addressees))
        inner = replace(scope, demand_parent=True, addressees=tuple(unit.addressees))
        points: list[Unit] = []
        for index in range(start, len(children)):
            if not _is_list(children[index]):
                break
            carried.add(index)
            points += self._point(children[index], inner, lead)
        return replace(unit, text=tail, span=(unit.span[0], max(unit.span[1],
                                                                tail.doc_span()[1])),
                       items=[*unit.items, *points])

    def _bridges(self, text: str, following: Node | None) -> bool:
        """Whether a demand paragraph's last sentence, which asks nothing itself, carries
        the demand on into the list after it: it goes on in the list ("Dabei ist
        insbesondere darzulegen," + "– wie ..."), or says what the demanded thing is to
        hold ("It would cover:"). Evidence after a demand ("Die Zahlen zeigen:", "Last
        year it provided:") is no part of it."""
        if not _is_list(following):
            return False
        if _continues_in(text, following):
            return True
        classes = self.lang.words
        modals = classes.get("modals", frozenset()) | classes.get("reader_modals", frozenset()) \
            | classes.get("wish_modals", frozenset()) | classes.get("agent_modals", frozenset())
        words = _last_sentence_words(text)
        # ... or opens on the demanded thing ("Dieses umfasst mindestens:")
        back = bool(words) and words[0] in classes.get("anaphora", frozenset())
        return text.rstrip().endswith(":") and (bool(modals & set(words)) or back)

    def _column_lead(self, node: Node, lead: _Lead) -> _Lead:
        """What a table's column header adds to the lead-in before the table: a column
        of demands makes its rows demands, a column of addressees names whom each row
        asks; any other column header leaves the lead-in as it is."""
        role = column_role(node.block.text(self.lang).text, self.lang)
        if role == "demand":
            return replace(lead, kind="demand")
        if role == "addressee":
            return replace(lead, column=node.block.lines[0].hint.column)
        return lead

    def _column_names(self, node: Node, column: int) -> list[str]:
        """Whom a table row's cell in the addressee column names ("Landesregierung",
        "Bund und Länder"); none where the cell is more than names (a sentence)."""
        cell = next((child.block.text(self.lang).text for child in node.children
                     if child.kind == "para" and child.block is not None
                     and child.block.lines[0].hint is not None
                     and child.block.lines[0].hint.column == column), "")
        joints = "|".join(re.escape(word) for word in sorted(self.lang.coordinators))
        names = []
        for part in re.split(rf"[,;/]|\s(?:{joints})\s", cell):
            words = clean_name(part).split()
            # "de wethouder", "the Council": the name without its article, as the
            # grammar gives names
            while words[1:] and words[0].lower() in self.lang.articles:
                words = words[1:]
            if not 0 < len(words) <= _MAX_CATEGORY_WORDS:
                return []
            names.append(" ".join(words))
        return dedupe(names)

    def _slogans(self, node: Node, scope: _Scope) -> set[int]:
        """Paragraphs that are a list written without markers: under a demand heading,
        two or more short one-sentence paragraphs right after it ("Unsere Forderungen" +
        "Mehr Personal in den Kitas." + "Bessere Bezahlung ...") are one demand each."""
        if node.kind != "section" or not scope.demand_section or scope.excluded \
                or scope.finding:
            return set()
        run = []
        for index, child in enumerate(node.children):
            if child.kind != "para" or child.block is None or not self._is_slogan(child):
                break
            run.append(index)
        # a paragraph of the run that makes its own demand is a prose unit already
        slogans = {index for index in run
                   if not any(c.demand for c in self.clauses(node.children[index]))}
        return slogans if len(slogans) >= 2 else set()

    def _is_slogan(self, node: Node) -> bool:
        text = node.block.text(self.lang).text.strip()
        clauses = self.clauses(node)
        return (0 < len(text.split()) <= _MAX_SLOGAN_WORDS and text[-1:] in ".!"
                and len(clauses) <= 1 and not any(c.finding for c in clauses))

    def _section(self, node: Node, scope: _Scope) -> list[Unit]:
        text = node.block.text(self.lang).text if node.block else ""
        lower = text.lower()
        is_title = node is self.tree.title_node
        # "To the Board of Trustees", "An den Kreistag": a heading inside a part of
        # demands names whom the demands under it address
        names = self.heading_addressees(node) or (
            self.names_in(node, "part") if scope.demand_section and not is_title else [])
        # "I. Der Deutsche Bundestag stellt fest:": the part a finding heads is the
        # preamble of a motion; its modal sentences argue, the operative part demands
        clauses = self.clauses(node)
        findings = _only_finds(clauses)
        # a heading that announces reasons ("Folgende Argumente für unsere Forderung:")
        # heads a justification, however it names the demand
        findings = findings or self._justifies(text)
        # a lead-in set as a heading names no part of the document
        lead_in = self._is_marked_lead_in(node)
        inner = replace(
            scope,
            demand_section=(scope.demand_section
                            or has_heading_cue(lower, self.lang.demand_headings)),
            excluded=scope.excluded or has_heading_cue(lower, self.lang.excluded_headings),
            addressees=tuple(names) or tuple(dedupe([*scope.addressees,
                                                     *self.counterparts(node)])),
            section=scope.section if is_title or lead_in or not text
            else (*scope.section, text),
            demand_parent=False,
            finding=findings,
        )
        units: list[Unit] = []
        # "Der Landtag möge beschließen:" set as a heading opens the operative part: the
        # body that decides is not asked
        operative = opens_operative_part(text, self.lang)
        if not inner.excluded and node.block is not None and not operative:
            # a heading over a list ("Wat wij vragen", "Was wir fordern") announces it
            # as a lead-in does, colon or not
            units += self._prose(node, scope, announces_list=any(
                _is_list(child) for child in node.children), heading=not lead_in,
                following=node.children[0] if lead_in else None)
        return units + self._container(
            node, inner, self._lead_of(node, scope) if lead_in else _Lead("heading"))

    def _calls_on_another(self, node: Node, addressees: list[str]) -> bool:
        """Whether every demand of a paragraph is a call that names whom it asks, and
        none of them the ones given."""
        demands = [c for c in self.clauses(node) if c.demand]
        given = {name.lower() for name in addressees}
        return bool(demands) and all(
            c.trigger_kind == "request" and c.settled and c.addressees
            and not given & {name.lower() for name in c.addressees} for c in demands)

    def _names_a_demand(self, node: Node, scope: _Scope) -> bool:
        """Whether an unnumbered heading in a part of demands is a demand phrase over the
        list that details it ("Offene Schnittstellen für Daten und Dokumente", "Öffnung
        historischer Daten"), not a topic that groups demands ("Energie und Klima",
        "Verkehr"): three words or more that are no function words, no call, finding,
        question or part name of its own; and one of a series of such headings (a lone
        one is the title of what it heads: "Entschließung ... „Familien stärken“")."""
        if not scope.demand_section or scope.excluded or scope.finding or \
                node.parent is None or not self._demand_phrase(node):
            return False
        return any(other is not node and other.kind == "section" and other.marker is None
                   and self._demand_phrase(other) for other in node.parent.children)

    def _demand_phrase(self, node: Node) -> bool:
        """A heading over a list that reads as a demand phrase (see _names_a_demand)."""
        if id(node) not in self._phrases:
            self._phrases[id(node)] = self._reads_as_demand_phrase(node)
        return self._phrases[id(node)]

    def _reads_as_demand_phrase(self, node: Node) -> bool:
        if node.block is None or not any(_is_list(child) for child in node.children):
            return False
        text = node.block.text(self.lang).text.strip()
        lower = text.lower()
        # (a heading with a demand cue, "Verzoeken aan het kabinet", names the part or whom
        # its list asks: a lead-in)
        if not text or text[-1] in ":?" or self.clauses(node) or \
                has_heading_cue(lower, self.lang.demand_headings) or \
                has_heading_cue(lower, self.lang.excluded_headings):
            return False
        function = function_words(self.lang.code)
        return sum(1 for word in _WORD.findall(lower) if word not in function) >= \
            _MIN_DEMAND_PHRASE_WORDS

    def _part_title(self, node: Node, text: str, scope: _Scope) -> _PartTitle | None:
        """What a numbered point says of its part when it is the part's title, as a
        heading is ("3. Unsere Forderungen" + "3.1 An den Kreistag" + its list): the shape
        of a heading, with points or paragraphs under it. None when it is no title."""
        if node.marker is None or node.marker.kind != "label" or not node.children or \
                not text or not looks_like_heading(text) or scope.excluded:
            return None
        lower = text.lower()
        return _PartTitle(
            demands=has_heading_cue(lower, self.lang.demand_headings),
            excluded=has_heading_cue(lower, self.lang.excluded_headings),
            names=tuple(self.heading_addressees(node) or self.names_in(node, "part")))

    def _beside_demand_part(self, node: Node) -> bool:
        """Whether a numbered part stands beside the part its document names as its
        demands ("1. Ausgangslage", "2. Rückblick" beside "3. Unsere Forderungen"): the
        document keeps its demands there, and the other parts' titles are none of them."""
        if node.parent is None or node.block is None:
            return False
        own = self._part_title(node, node.block.text(self.lang).text, _Scope())
        if own is None or own.demands:
            return False
        return any(
            sibling is not node and sibling.block is not None
            and (title := self._part_title(sibling, sibling.block.text(self.lang).text,
                                           _Scope())) is not None and title.demands
            for sibling in node.parent.children)

    def _is_marked_lead_in(self, node: Node) -> bool:
        """A call set as a heading over its list is the list's lead-in, as it is without
        the markup: converters from PDF and Word write "**draagt het college op:**",
        "## Wir fordern den Kreistag auf," on a line of their own, and a resolution's
        "### roept de minister op om" goes on in its items. A heading that names the part
        ("Unsere Forderungen an die Stadt:") makes no call; one that calls ends in
        neither a colon nor a comma ("Wir fordern mehr Busse")."""
        if node.block is None or len(node.block.lines) != 1 or not node.children or \
                not _is_list(node.children[0]):
            return False
        clauses = self.clauses(node)
        text = node.block.text(self.lang).text.rstrip()
        return (text[-1:] in ":," or _continues_in(text, node.children[0])) and \
            bool(clauses) and clauses[-1].demand

    # --- prose -----------------------------------------------------------------------

    def _prose(self, node: Node, scope: _Scope, announces_list: bool,
               heading: bool = False, following: Node | None = None,
               before: tuple[str, ...] = ()) -> list[Unit]:
        """Demand sentences of a paragraph (or heading) outside any demand unit; `before`
        is whom the demand of the paragraph before it asked last."""
        if scope.excluded or scope.finding or node.block is None:
            return []
        text = node.block.text(self.lang)
        clauses = [c for c in self.clauses(node) if c.demand]
        units = []
        for position, clause in enumerate(clauses):
            piece = text.slice(clause.start, clause.end).strip()
            asked = tuple(clause.addressees) or (
                before if clause.trigger_kind == "continuing"
                or self._continues_call(piece.text) else ()) or scope.addressees
            before = asked
            last = position == len(clauses) - 1
            # "Der Landtag möge beschließen:", "Wir erwarten:": what follows is the demand,
            # whether a list or paragraphs; "Der Magistrat wird gebeten in der X-Straße"
            # + list: a sentence that goes on in its items is theirs
            lead_in = announces_list or (not heading and piece.text.rstrip().endswith(":"))
            if opens_operative_part(piece.text, self.lang):
                continue  # ... whatever follows it: the body that decides is not asked
            if last and lead_in and (_is_pure_lead_in(piece.text, clause, self.lang,
                                                      heading, _is_list(following)) or (
                    not heading and _continues_in(piece.text, following))):
                continue
            leads = _is_list(following) or _subheads_points(following)
            if leads and ((last and self._points_ahead(piece.text)) or (
                    # "Wir richten folgende Forderungen an die Rektorin." over its list,
                    # whatever sentence follows it there (with a colon, the lead-in
                    # rules above judge it)
                    not piece.text.rstrip().endswith(":")
                    and self._announces_demands(piece.text))):
                continue
            # "Immediate Demands", "Our demands": a heading that only names what its
            # section holds (the noun is the call verb's form in English)
            if heading and clause.content_words < _MIN_LEAD_IN_CONTENT and \
                    has_heading_cue(text.text.lower(), self.lang.demand_headings):
                continue
            units.append(_sentence_unit(piece, asked, scope))
        return units

    def _continues_call(self, text: str) -> bool:
        """Whether a demand that names no one asks whom the demand before it asked: its
        subject is a pronoun for them ("Auch der Bund sei gefordert. Er solle ..."), or
        it prescribes without an agent ("ist ... zu ergänzen", "Auf X ist zu verzichten"),
        the register of a mandate that goes on ("Der Stadtrat wird beauftragt, ... Dabei
        ist der Baumbestand ... zu ergänzen.")."""
        # (up to a colon: what follows one argues for the demand, "Die Klassen dürften
        # nicht wachsen: Mehr als 24 Kinder seien nicht zu verantworten.")
        sentence = text.split(":", 1)[0]
        words = _WORD.findall(sentence)
        classes = self.lang.words
        if words and words[0].lower() in classes.get("personal_anaphora", frozenset()):
            return True
        # the infinitive ends its clause, before any comma: "ist dem Stadtrat eine Vorlage
        # zu unterbreiten, die ..."
        # (or its marker stands inside a verb with a particle: "ist sicherzustellen")
        be = classes.get("obligation_be", frozenset())
        for clause in sentence.split(","):
            written = _WORD.findall(clause)
            words = [word.lower() for word in written]
            if any(word in be for word in words) and words and (any(
                    word in self.lang.infinitive_markers for word in words[-3:-1])
                    or self._infix_infinitive(written[-1])):
                return True
        return False

    def _infix_infinitive(self, word: str) -> bool:
        """Whether a word is an infinitive with its marker between particle and stem
        ("sicherzustellen", "einzurichten"), not a noun that holds the letters
        ("Kreiszuschuss")."""
        if not word.islower() or not word.endswith(self.lang.endings("infinitive_endings")):
            return False
        return any(len(word) - at - len(marker) >= _MIN_INFINITIVE_STEM
                   for marker in self.lang.words.get("infix_infinitive_markers", ())
                   if (at := word.find(marker, _MIN_PARTICLE)) != -1)

    def _lead_of(self, node: Node, scope: _Scope) -> _Lead:
        """What a paragraph makes of the list that follows it."""
        clauses = self.clauses(node)
        text = node.block.text(self.lang).text if node.block is not None else ""
        if clauses and clauses[-1].finding:
            return _Lead("finding")
        if self._justifies(text):
            # "Wir sehen folgende Argumente für unsere Forderung, ...:" announces reasons,
            # whatever it demands on the way
            return _Lead("finding")
        # "Wir brauchen die Unterstützung der Landesministerien. Deshalb fordern wir:",
        # "Het kabinet moet de afspraken afdwingen. Onze eisen:": the lead-in names the
        # addressee in an earlier sentence
        named = tuple(next((c.addressees for c in reversed(clauses)
                            if c.demand and c.addressees), []))
        if clauses and clauses[-1].demand:
            if opens_operative_part(text, self.lang):
                # "Der Kreistag möge beschließen:": the body that decides does not do
                # what its points decide; each point's own subject does
                return _Lead("demand", (), own_subjects=True)
            return _Lead("demand", named, own_subjects=self._ends_on_complementizer(text))
        if self._names_demands(text) or self._announces_demands(text):
            return _Lead("demand", tuple(self.heading_addressees(node, announced=True))
                         or named)
        if self.foreign_lead is not None and text:
            kind = self.foreign_lead(text)
            if kind is not None:
                return _Lead(kind)
        # "To President Lee, the Trustees and the Administration:": an address line over
        # the list names whom its points ask, and leaves what they are to the heading
        if text.rstrip().endswith(":") and len(node.block.lines) == 1:
            names = self.names_in(node, "lead")
            if names:
                return _Lead("heading", tuple(names))
        if text.rstrip().endswith(":") and any(c.demand for c in clauses):
            # "Damit die Kommunen handlungsfähig bleiben, braucht es ein abgestimmtes
            # Vorgehen. Konkret heißt das:": a demand's paragraph leads on into its
            # points, under whatever the heading makes them
            return _Lead("heading", named)
        return _Lead("neutral")

    def _ends_on_complementizer(self, text: str) -> bool:
        """Whether a lead-in's call ends on the word that opens its complement, which
        its points complete ("eist dat:", "fordern, dass:", "demand that:")."""
        words = _WORD.findall(text.rstrip().removesuffix(":"))
        return bool(words) and text.rstrip().endswith(":") and \
            words[-1].lower() in self.lang.words.get("complementizers", frozenset())

    def _opens_in_imperative(self, text: str) -> bool:
        """Whether a point opens in the imperative, itself or after its run-in title
        ("Students at the table. Create two voting seats ...")."""
        title, stop, rest = text.partition(". ")
        return opens_in_imperative(text, self.lang) or (
            bool(stop) and len(title.split()) <= MAX_RUN_IN_WORDS
            and opens_in_imperative(rest, self.lang))

    def _led_by_excluded_part(self, children: list[Node], index: int) -> bool:
        """Whether the paragraph at `index`, or the list it is an item of, comes right after
        a paragraph that names an excluded part."""
        start = index
        if children[index].kind == "item":
            while start > 0 and children[start - 1].kind == "item":
                start -= 1
        return start > 0 and self._names_excluded_part(children[start - 1])

    def _names_excluded_part(self, node: Node) -> bool:
        """A paragraph that is only the name of an excluded part and a colon."""
        text = node.block.text(self.lang).text.strip() if node.block is not None else ""
        return node.kind == "para" and text.endswith(":") and \
            text[:-1].strip().lower() in self.lang.excluded_headings

    def _runs_in_excluded(self, node: Node) -> bool:
        """A paragraph that opens with the name of an excluded section and a colon."""
        text = node.block.text(self.lang).text if node.block is not None else ""
        name, colon, _rest = text.partition(":")
        return bool(colon) and len(name.split()) <= 2 and \
            name.strip().lower() in self.lang.excluded_headings

    def _call_addressees(self, node: Node) -> tuple[str, ...]:
        """Whom a paragraph's explicit calls name ("fordern X auf", "verzoekt X"); not
        a letter's recipient, whom only the letter's own requests address."""
        return tuple(dedupe([name for clause in self.clauses(node)
                             if clause.demand and clause.trigger_kind == "request"
                             and not clause.to_reader for name in clause.addressees]))

    def _names_demands(self, text: str) -> bool:
        """A lead-in that is a demand heading written as a paragraph ("Unsere Forderungen
        an die Bundesregierung:", "Onze eisen:", or the question the list answers: "Wat
        vraagt de vzw aan de Vlaamse regering?"): it announces the list like a heading."""
        text = text.strip()
        return text.endswith((":", "?")) and looks_like_heading(text[:-1].rstrip()) and \
            has_heading_cue(text.lower(), self.lang.demand_headings)

    def _announces_demands(self, text: str) -> bool:
        """A lead-in whose last sentence points ahead to demands ("We present the
        following demands to the administration.", "Wir stellen folgende Forderungen"),
        with or without a colon, or names them before its colon ("Their demands
        include:")."""
        words = _last_sentence_words(text)
        nouns = self.lang.word_class("demand_nouns")
        pointing = self.lang.words.get("announcing_nouns", frozenset())
        if words and words[0] in self.lang.words.get("anaphora", frozenset()) \
                and text.rstrip().endswith(":") and any(
                    word == noun or (word.startswith(noun)
                                     and len(word) - len(noun) >= _COMPOUND_REST)
                    for noun in nouns
                    for word in _sentence_words(text, _SENTENCE_BEFORE_LAST)):
            return True  # "... stelden ze hun eisenbundel voor. Die telt drie punten:"
        if not (nouns | pointing) & set(words):
            return False
        # "The protesters issued a list of demands, which include:", "Below is the full
        # list of demands the students presented.", "Wir stellen folgende Forderungen"
        ahead = self.lang.words.get("ahead_pronouns", frozenset())
        cataphoric = any(word in self.lang.cataphora
                         and (nouns | pointing) & set(words[index + 1:index + 3])
                         for index, word in enumerate(words))
        if not nouns & set(words):
            return cataphoric   # "submits the following claim to ...:"
        return text.rstrip().endswith(":") or bool(ahead & set(words)) or cataphoric

    def _points_ahead(self, text: str) -> bool:
        """A sentence whose object is what follows it ("We demand the following of the
        trustees.", "Wir fordern Folgendes von der Stadt."): it demands nothing of its
        own, whatever it names."""
        words = _last_sentence_words(text)
        pronouns = self.lang.words.get("ahead_pronouns", frozenset())
        prepositions = self.lang.words.get("ahead_prepositions", frozenset())
        verbs = verb_forms(self.lang.code)
        # the pronoun is the call's object, right after the verb or its article ("the
        # cuts described below" is no object of "urge")
        return any(word in pronouns and index > 0
                   and (words[index - 1] in self.lang.articles or words[index - 1] in verbs)
                   and (index + 1 == len(words) or words[index + 1] in prepositions)
                   for index, word in enumerate(words))

    def _justifies(self, text: str) -> bool:
        """A lead-in that introduces reasons ("durch folgende Faktoren legitimiert:")."""
        if not text.rstrip().endswith(":"):
            return False
        return bool(set(_last_sentence_words(text)) & self.lang.justification_words)

    # --- points and items -------------------------------------------------------------

    def _point_context(self, scope: _Scope, lead: _Lead) -> bool:
        """Whether a numbered point or list item stands where demands are listed."""
        if scope.excluded or scope.finding or lead.kind == "finding":
            return False
        if scope.demand_parent or lead.kind == "demand":
            return True
        return lead.kind == "heading" and scope.demand_section

    def _groups_demands(self, node: Node, text: str) -> bool:
        """A numbered heading of a few words that only groups the demands in its list
        ("2.1 Finanzierung" over "- Die Bundesregierung muss ...", "- Das Land soll
        ..."): its items ask on their own (not only as points under a topic: "1. Bildung"
        over "- Mehr Lehrkräfte"), and the heading asks nothing of anyone."""
        items = [child for child in node.children if child.kind == "item"]
        return node.kind == "section" and bool(items) and \
            len(items) == len(node.children) and \
            0 < len(text.rstrip(":").split()) <= _MAX_CATEGORY_WORDS and \
            any(any(c.demand for c in self.clauses(item)) or self._obliges(item)
                for item in items)

    def _obliges(self, node: Node) -> bool:
        """Whether a point says what must be in a sentence of its own, with a modal
        ("Psychische Gesundheit soll ... verankert werden"), whatever it obliges."""
        assert node.block is not None
        modals = self.lang.words.get("modals", frozenset()) | \
            self.lang.words.get("agent_modals", frozenset())
        return bool(modals & {word.lower() for word in node.block.text(self.lang).text.split()})

    def _labelled_demand(self, node: Node, scope: _Scope) -> bool:
        """A point its label calls a demand ("Demand One: Transparency", "Forderung 3:"),
        wherever it stands."""
        marker = node.marker
        return marker is not None and marker.style.startswith("word:") and \
            not (scope.excluded or scope.finding) and \
            marker.style[len("word:"):] in self.lang.word_class("demand_nouns")

    def _point(self, node: Node, scope: _Scope, lead: _Lead) -> list[Unit]:
        """A list item or a numbered heading, and what is under it."""
        block = node.block
        assert block is not None
        own_text = block.text(self.lang)
        if not own_text.text and not node.children:
            return []  # an empty bullet
        clauses = self.clauses(node)
        if not own_text.text.strip():
            # a label without words over its text ("Artikel 1" + "De gemeenteraad keurt
            # het plan goed."): the text says what the point is
            clauses = [c for child in node.children if child.kind == "para"
                       for c in self.clauses(child)]
        own_demand = any(c.demand for c in clauses)
        own_finding = _only_finds(clauses)
        in_context = (self._point_context(scope, lead) and not self._beside_demand_part(node))\
            or self._labelled_demand(node, scope)
        inherited = lead.addressees or scope.addressees
        if lead.column:
            inherited = tuple(self._column_names(node, lead.column)) or inherited
        category = not own_demand and (_is_category(own_text.text, node)
                                       or self._groups_demands(node, own_text.text))
        # a call on someone is the operative part, wherever a layout put it ("I. Der
        # Bundestag stellt fest: ... I. Der Bundestag fordert die Bundesregierung auf,")
        own_call = any(c.demand and c.trigger_kind == "request" and c.addressees
                       for c in clauses)
        under_findings = (scope.finding or lead.kind == "finding") and not own_call
        # a point that states a finding ("1. Der Landtag stellt fest, dass ...") is none
        # of the list's demands
        states = own_finding and clauses[-1].states
        # a point where the authors commit themselves ("We will hold a rally ...") asks
        # no one, whatever list it stands in
        commits = _only_commits(clauses)
        # a point that only asks ("1. Seit wann ist dem Stadtrat ... bekannt?") is one of
        # an inquiry's questions, whatever its lead-in asks for
        # (not "Neem een toets op: wat doet de maatregel?", a demand and its question)
        asks = own_text.text.rstrip().endswith("?") and ":" not in own_text.text and \
            not own_demand and \
            all(c.question for c in clauses) and not any(
                child.kind == "para" for child in node.children)
        # "3. Unsere Forderungen", "3.1 An den Kreistag": a numbered title that names the
        # part or whom it addresses is the part's heading, none of its demands
        part_title = self._part_title(node, own_text.text, scope)
        names_part = part_title is not None and not own_demand and part_title.names_part
        is_unit = not scope.excluded and not under_findings and not category and \
            not states and not asks and not commits and not names_part and \
            (in_context or own_demand)
        own_names = [n for c in clauses if c.demand for n in c.addressees]
        recipients = self.recipients(node)
        if in_context and own_demand and not category and not inherited and \
                recipients and self._opens_in_imperative(own_text.text):
            # "Reverse the closure of the Center. The Center must stay open ...": a point
            # that asks in the imperative asks the letter's recipient, whom the modal that
            # goes on with it does not replace (a call in it that names someone does)
            own_names = [n for c in clauses if c.demand and c.trigger_kind == "request"
                         for n in c.addressees] or list(recipients)
        if in_context and not own_demand and not category and (
                not inherited or lead.own_subjects):
            # "President Lee will issue a statement", "That the trustees divest": forms
            # that demand only as points of a list of demands name whom they ask there,
            # where no lead-in has named whom the list asks ("Wir fordern von der
            # Politik: ... Die Kommunen sollen ..." asks the Politik)
            # ... and where the lead-in is the formula of a motion's operative part or
            # a call its points complete, the point's own subject is the one obliged
            # ("Der Stadtrat möge beschließen: ... 3. Die Verwaltung legt ... vor")
            own_names = self.names_in(node, "point")
            # "Schrap de ondergrens", "Fund the library": in a letter, its recipient; so
            # is any point of a list of demands that names no one ("To President Lee and
            # the Board of Trustees:" + "1. Tuition freeze. Freeze tuition ..."), but
            # not the points of a motion's operative part, which the letter that sends
            # it to the chair ("Sehr geehrte Frau Präsidentin") does not ask, nor the
            # sub-points that detail a point
            if not own_names and recipients and (self._opens_in_imperative(own_text.text) or (
                    not lead.own_subjects and not scope.demand_parent)):
                own_names = list(recipients)
        # a point that names whom it asks keeps them: "Der Bundesrat möge beschließen:
        # 1. Der Bundesrat bittet die Bundesregierung" asks the Bundesregierung alone
        addressees = dedupe(own_names or list(inherited))
        child_scope = replace(
            scope,
            demand_parent=(is_unit or (category and in_context)) and not own_finding,
            finding=own_finding or under_findings,
            addressees=tuple(addressees) if (is_unit or category) else scope.addressees,
            section=(*scope.section, own_text.text) if category else scope.section,
        )
        if not is_unit:
            if category or node.kind == "item":
                if part_title is not None and not category:
                    child_scope = part_title.scope(child_scope)
                return self._container(node, child_scope)
            return self._section(node, scope)
        is_heading = node.kind == "section"
        body_units: list[Unit] = []
        body_parts: list[Mapped] = []
        asked: list[str] = []
        obliged: list[str] = []
        statements = [own_text.slice(c.start, c.end).strip() for c in clauses if c.demand]
        for child in node.children:
            if child.kind == "para" and body_parts and node.kind == "section" \
                    and self._calls_on_another(child, addressees):
                # "Demand 6: ..." + its text + "We also call on the City to ...": a
                # paragraph that calls on another after the heading's text is a demand
                # of its own
                body_units += self._prose(child, child_scope, announces_list=False)
                continue
            if child.kind == "para":
                body_parts.append(child.block.text(self.lang))
                for clause in self.clauses(child):
                    if clause.demand:
                        piece = child.block.text(self.lang).slice(clause.start, clause.end)
                        statements.append(piece.strip())
                        if clause.trigger_kind == "request":
                            # a call in the point's text names whom it asks, over the
                            # lead-in ("3. Finanzierung sichern" + "Wir fordern den Senat
                            # auf, ..."); whom a modal obliges is asked besides
                            asked = dedupe([*asked, *clause.addressees])
                        else:
                            obliged = dedupe([*obliged, *clause.addressees])
                        addressees = dedupe([*(own_names + asked or inherited), *obliged])
            elif child.kind in ("item", "section"):
                sub_lead = _Lead("demand", tuple(addressees))
                sub_scope = replace(child_scope, addressees=tuple(addressees))
                if child.kind == "item" or (child.marker is not None
                                            and child.marker.kind == "label"):
                    body_units += self._point(child, sub_scope, sub_lead)
                else:
                    body_units += self._section(child, sub_scope)
        if body_units and not body_parts and not is_heading and len(clauses) == 1 \
                and (block.marker is None or block.marker.kind != "label") \
                and own_text.text.rstrip().endswith(":") \
                and _is_pure_lead_in(own_text.text, clauses[0], self.lang, leads_list=True):
            # "- Verzoekt het college: - ...; - ...": a bullet that only leads into its
            # sub-items asks nothing of its own; they are the demands
            return body_units
        if is_heading:
            title, text = own_text, Mapped.join(body_parts, "\n\n")
        else:
            title, text = None, Mapped.join([own_text, *body_parts], "\n\n")
        spans = [part.doc_span() for part in (own_text, *body_parts) if part]
        # a marker without words ("0." + "0:") starts where its body does
        start, end = (spans[0][0], max(span[1] for span in spans)) if spans else (0, 0)
        return [Unit(
            kind="heading" if is_heading else "item", marker=block.marker, title=title,
            text=text, statements=statements, addressees=addressees,
            section=list(scope.section), span=(start, end), items=body_units,
        )]


def _heading_lead(lead: _Lead) -> _Lead:
    """What a numbered heading takes from the paragraph before it: a neutral one leaves
    it to the part's heading."""
    return _Lead("heading", lead.addressees) if lead.kind == "neutral" else lead


def _last_sentence_words(text: str) -> list[str]:
    """The lower-case words of a lead-in's last sentence, the one that leads into what
    follows."""
    return _sentence_words(text, 1)


_SENTENCE_BEFORE_LAST = 2
# the shortest noun a demand noun opens as a compound ("eisenbundel", "Forderungskatalog";
# not a verb's ending: "demanded", "eist")
_COMPOUND_REST = 4


def _sentence_words(text: str, from_end: int) -> list[str]:
    """The lower-case words of a text's sentence `from_end` sentences from its end (1:
    the last); none where the text has fewer."""
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    if from_end > len(sentences):
        return []
    return [word.lower() for word in re.findall(r"[^\W\d_]+", sentences[-from_end])]


# A paragraph's run-in head: a few words and a colon before its first sentence
# ("Mehr Lehrer für kleinere Klassen: Lehrermangel und ...").
_WORD = re.compile(r"[^\W\d_]+")
_RUN_IN_HEAD = re.compile(r"^[^\W\d_][^.!?:;\n]{2,80}:\s+\S")


def _opens_with_run_in_head(text: str) -> bool:
    found = _RUN_IN_HEAD.match(text.strip())
    return found is not None and \
        len(found.group().rsplit(":", 1)[0].split()) <= MAX_RUN_IN_WORDS


def _only_finds(clauses: list[Clause]) -> bool:
    """Whether a text ends on a finding and asks for nothing ("Der Landtag stellt fest")."""
    return bool(clauses) and clauses[-1].finding and not any(c.demand for c in clauses)


def _only_commits(clauses: list[Clause]) -> bool:
    """Whether a text opens with the authors' own commitment and asks for nothing ("Wir
    werden am Donnerstag demonstrieren.", "We will keep collecting testimonies.")."""
    return bool(clauses) and clauses[0].commitment and not any(c.demand for c in clauses)


def _subheads_points(node: Node | None) -> bool:
    """Whether a node is a subhead over points ("Entgelt" + "(1) ..."), which a lead-in
    before it leads into as into a list."""
    return node is not None and node.kind == "section" and node.marker is None and \
        bool(node.children) and node.children[0].kind == "item"


def _is_list(node: Node | None) -> bool:
    return node is not None and (node.kind == "item" or (
        node.kind == "section" and node.marker is not None and node.marker.kind == "label"))


def _sentence_unit(piece: Mapped, addressees: Iterable[str], scope: _Scope) -> Unit:
    """A demand that stands as a sentence or paragraph of its own, outside any list."""
    return Unit(kind="sentence", marker=None, title=None, text=piece, statements=[piece],
                addressees=list(addressees), section=list(scope.section),
                span=piece.doc_span())


def _is_pure_lead_in(text: str, clause: Clause, lang: Language,
                     heading: bool = False, leads_list: bool = False) -> bool:
    """"Wir erwarten:", "and request voor het eind van dit jaar:": a lead-in that only
    announces the list after it; the items are the demands. A heading needs no colon,
    but must name no one: a heading that names the addressee stays a demand. A lead-in
    with one call that ends on whom it asks, over a list ("In addition, the meeting calls
    on the landlord:", "This Council calls on the Mayor to:", "fordert die Hausverwaltung
    auf:"), asks for nothing before its colon."""
    if heading:
        return clause.content_words < _MIN_LEAD_IN_CONTENT and not clause.addressees
    # a line that ends without a mark, or on a comma, and leads into a list goes on in
    # it as a colon would ("verzoeken Gedeputeerde Staten" + "• Provinciale Staten te
    # informeren ...", "Der Magistrat wird beauftragt," + "1. Ein Kataster ... zu erstellen")
    end = text.rstrip()[-1:]
    if not (end == ":" or (leads_list and (end.isalnum() or end == ","))):
        return False
    if clause.content_words < _MIN_LEAD_IN_CONTENT:
        return True
    # one call, into a list: "The union demands a pay rise and calls on the employers
    # to:" demands the rise itself, and a quote after the colon is no list
    if not leads_list or clause.calls != 1:
        return False
    body = text.rstrip().removesuffix(":").removesuffix(",")
    # the call's verb right before the list, or its subject pronoun after it: "„Die Lage
    # ist ernst“, schreiben sie und fordern:", "..., fordern wir:" (the list is its object)
    last = [word.strip(".,;()„“\"'").lower() for word in body.split()[-2:]]
    pronouns = lang.author_pronouns | lang.pronouns
    if last and last[-1] in pronouns:
        last = last[:-1]
    if last and last[-1] in verb_forms(lang.code):
        return True
    if _list_is_object(body, lang):
        return True
    # what may follow the name: "calls on the Mayor to:", "fordert die Stadt auf:"; the
    # particle or marker that closes the call closes what it asks of whom, however long
    # the names between ("fordern den Verkehrsverbund Rhein-Neckar (VRN), das Land und
    # die Landkreise im Verbundgebiet auf:")
    closers = lang.infinitive_markers | lang.words.get("particle", frozenset())
    words = body.split()
    if words and words[-1].lower() in closers:
        return True
    return any(body.endswith(name) for name in clause.addressees)


def _list_is_object(body: str, lang: Language) -> bool:
    """Whether the object of a lead-in's last call is the list after it: "We ask you to
    take the following steps before the framework is agreed:", "... auf, folgende
    Maßnahmen umzusetzen:". The object comes after the last comma, with no other call
    joined to it and no preposition before it: not "zu bauen und dabei folgende Punkte
    zu beachten", "insbesondere für folgende Gruppen", "following the petition"."""
    words = [word.strip(";.()").lower() for word in body.rsplit(",", 1)[-1].split()]
    prepositions = lang.words.get("prepositions", frozenset())
    # (a coordinator an article follows joins nouns, not calls: "verzoeken u en de leden
    # van uw Kamer om ... de volgende punten te steunen")
    joined = any(word in lang.coordinators and (
        index + 1 == len(words) or words[index + 1] not in lang.articles)
        for index, word in enumerate(words))
    return not joined and any(
        word in lang.cataphora and word not in lang.adverbs and index + 1 < len(words)
        and words[index + 1] not in lang.articles
        and (index == 0 or words[index - 1] not in prepositions)
        for index, word in enumerate(words))


def _continues_in(text: str, following: Node | None) -> bool:
    """Whether a sentence goes on in the list after it: it ends on a word or a comma, and
    the first item starts in lower case ("Der Magistrat wird gebeten in der X-Straße" +
    "beim Schultoreingang ... vorzunehmen", "wird beauftragt," + "1. ein Konzept ...")."""
    if not _is_list(following) or following.block is None:
        return False
    first = following.block.lines[0].text
    marker = following.block.marker
    first = first[marker.length:] if marker is not None else first
    end = text.rstrip()[-1:]
    return (end.isalnum() or end == ",") and first.lstrip()[:1].islower()


def _is_category(text: str, node: Node) -> bool:
    """A bullet that only groups the bullets under it ("Neubauten", "Privat:"). A
    numbered point is a point, however short."""
    if node.marker is None or node.marker.kind != "bullet":
        return False
    has_items = any(child.kind == "item" for child in node.children)
    words = text.rstrip(":").split()
    return has_items and 0 < len(words) <= _MAX_CATEGORY_WORDS and (
        text.endswith(":") or len(words) == 1)
