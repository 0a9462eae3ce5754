"""The spaCy component that reads sentences: is this a demand, a finding, or neither,
and whom does it address?

A *clause* here is a sentence, or a part of one between semicolons (motions chain their
clauses with ";": "notes ...; expresses concern ...; and calls on the Government ...").
A clause is a demand when a trigger matches (a demand verb such as "fordert",
"verzoekt", "calls on", or a deontic modal in a main clause: "muss", "moet", "must")
and it is not a finding ("stellt fest", "overwegende"), a question, or the authors'
own commitment ("Wir werden ...", "Wir müssen ...").
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language as SpacyLanguage
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from demandx import addressees as _addr
from demandx.lang import Language, load_language
from demandx.patterns import (
    GAP,
    UNASKED_SLOTS,
    ClauseFilter,
    Compiled,
    PatternMatchers,
    Prefilter,
    WordSets,
    compile_pattern,
    gated_prefilter,
    match_runs,
    prefilter_regex,
)

COMPONENT = "demandx_demands"
_MIN_SLOGAN_WORDS = 3   # "Digitalpakt jetzt verlängern"; "Schüler demonstrieren" is a report
_VERDICT_GROUPS = ("request", "modal", "reader", "asking", "continuing", "non_trigger",
                   "finding", "commitment")
_DOC_ATTR = "dx_clauses"

if not Doc.has_extension(_DOC_ATTR):
    Doc.set_extension(_DOC_ATTR, default=None)

# a finding a clause opens on follows at most its subject ("Der Deutsche Bundestag stellt
# fest", "De gemeenteraad keurt ... goed")
_STATES_WITHIN = 3
_NAME_WORDS_AFTER = 3   # "Amnesty International Deutschland", "Caritas Österreich"
_STRONG_SLOTS = {"NP", "ASKER"}   # any phrase counts here, not only known actors
_EXPLICIT_SLOTS = {"NP"}  # the phrase right after the call verb: "verzoekt NP"


@dataclass
class Clause:
    """What the component found in one clause; offsets are characters of the Doc text."""

    start: int
    end: int
    demand: bool = False
    finding: bool = False
    question: bool = False
    commitment: bool = False
    # the clause opens on its finding, its subject at most before it ("Der Landtag stellt
    # fest", "The Council notes"), not a finding word deeper in ("a law that recognises")
    states: bool = False
    triggers: list[str] = field(default_factory=list)
    addressees: list[str] = field(default_factory=list)
    implied: list[str] = field(default_factory=list)   # addressees implied by the demand
    settled: bool = False        # an explicit construction names the addressee: "verzoekt X"
    names_actor: bool = False    # some word of the clause names an actor ("Regierung")
    to_reader: bool = False      # addressed to a letter's recipient ("Wir bitten Sie")
    continues: bool = False      # goes on with a demand before it, if any ("Zudem soll")

    @property
    def refinable(self) -> bool:
        """Whether a trained pipeline's reading could find this demand's addressee where
        the surface rules could not: an actor is named, and either a modal demand names
        no one (the parse finds owners: "bei der Ausrichtung der Hochschulen") or the
        name was only guessed from a subject position (parts of speech bound the phrase).
        An explicit request that names no one ("spreekt uit dat ...") stays as it is."""
        return (self.demand and not self.settled and self.names_actor
                and (bool(self._modal) or bool(self.addressees)))
    content_words: int = 0       # words besides trigger, addressee, pronouns and stop words
    _request: list[tuple[int, int]] = field(default_factory=list, repr=False)
    _modal: list[int] = field(default_factory=list, repr=False)
    _used: set[int] = field(default_factory=set, repr=False)

    @property
    def trigger_kind(self) -> str | None:
        return self.triggers[0] if self.triggers else None

    @property
    def calls(self) -> int:
        """How many request and modal matches make this clause a demand."""
        return len(self._request) + len(self._modal)


@SpacyLanguage.factory(COMPONENT, default_config={"language": None})
def make_demand_component(nlp: SpacyLanguage, name: str, language: str | None):
    """Factory: the demand reader for `language` (default: the pipeline's own language)."""
    return DemandComponent(nlp, name, language or nlp.lang)


class DemandComponent:
    """Sets `doc._.dx_clauses`: a `Clause` for every clause of the Doc."""

    def __init__(self, nlp: SpacyLanguage, name: str, language: str):
        self.name = name
        self.language = language
        self.vocab = nlp.vocab
        self.lang: Language | None = None
        self._matchers: dict[str, Matcher] = {}
        self._filters: dict[str, ClauseFilter] = {}
        self._subsets: dict[str, PatternMatchers] = {}
        self._words = WordSets()
        self._slots: dict[str, tuple[str | None, ...]] = {}
        self._clause_words: tuple = (frozenset(), frozenset(), (frozenset(), frozenset()))

    def initialize(self, get_examples=None, *, nlp=None) -> None:
        """Compile the language's patterns into matchers (once)."""
        if self.lang is not None:
            return
        self.lang = load_language(self.language)
        lang = self.lang
        groups = {
            "request": lang.triggers["request"],
            "modal": lang.triggers["modal"],
            "reader": lang.triggers["reader"],
            "asking": lang.triggers["asking"],
            "continuing": lang.triggers["continuing"],
            "non_trigger": lang.non_triggers,
            "finding": lang.consideration_cues,
            "commitment": lang.commitment_cues,
            "addressee": lang.addressee_patterns,
            "heading": lang.heading_addressee_patterns,
            "lead": lang.lead_addressee_patterns,
            "part": lang.part_addressee_patterns,
            "point": lang.point_addressee_patterns,
            "counterpart": lang.counterpart_patterns,
        }
        # One matcher per group, each run only on the clauses that hold words its
        # patterns need (ClauseFilter): a Matcher costs its patterns times the tokens it
        # reads. Splitting them keeps each group's matches in the order one matcher
        # gives, which is what the verdicts read (the order of the request matches
        # orders the names they imply); so does a Matcher of only the group's patterns
        # whose words a run of clauses holds (PatternMatchers). The addressee slots
        # need the noun phrases marked first.
        for group, patterns in groups.items():
            if not patterns:
                continue
            # the token patterns are demandx's own compilation of the language's
            # pattern strings, which load_language checks: validating each again with
            # spaCy's schema took a tenth of a cold run's rule set-up
            matcher = Matcher(self.vocab, validate=False)
            keyed = []
            for number, pattern in enumerate(patterns):
                compiled: Compiled = compile_pattern(pattern, lang)
                for variant, (tokens, slots) in enumerate(compiled.variants):
                    key = f"{group}:{number}:{variant}"
                    matcher.add(key, [tokens])
                    self._slots[key] = slots
                    keyed.append((key, tokens))
            self._matchers[group] = matcher
            self._subsets[group] = PatternMatchers(matcher, keyed)
            self._filters[group] = ClauseFilter([tokens for _key, tokens in keyed],
                                                self._words)
        # the abbreviations inside a sentence, the words that open one after them, and
        # the words that open a main clause of the authors after a comma
        self._clause_words = (lang.words.get("abbreviations", frozenset()),
                              lang.articles | lang.pronouns | lang.author_pronouns,
                              (lang.coordinators, lang.author_pronouns))

    def __call__(self, doc: Doc) -> Doc:
        if self.lang is None:
            self.initialize()
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Clause]:
        """The clauses of `doc` with their verdicts and addressees.

        Noun phrases are found and flagged on the tokens (for the addressee patterns'
        slots) only when a clause is a demand: most text has none, and the flags are
        the expensive part."""
        if self.lang is None:
            self.initialize()
        return self._match(doc, list(_clauses(doc, *self._clause_words)), force=False)

    def refine(self, doc: Doc) -> Clause | None:
        """Read a whole Doc (one demand clause, passed through a trained pipeline) as one
        clause and find its addressees with the parts of speech and the parse; None if no
        trigger is found in it."""
        if self.lang is None:
            self.initialize()
        clauses = self._match(doc, [doc[:]], force=True)
        return clauses[0] if clauses and clauses[0].triggers else None

    def _match(self, doc: Doc, spans: list[Span], force: bool) -> list[Clause]:
        lang = self.lang
        assert lang is not None
        # every match and phrase is looked at in the one clause it starts in: a
        # paragraph of many sentences costs its length, not its length squared
        starts = [span.start for span in spans]
        found = [{group: [] for group in _VERDICT_GROUPS} for _span in spans]
        present = self._words.presence(doc, spans)
        for group in _VERDICT_GROUPS:
            for match_id, start, end in self._run(group, doc, spans, present):
                index = _clause_at(starts, spans, start)
                if index is not None:
                    found[index][group].append((match_id, start, end, None))
        judged = [self._judge(doc, span, found[index]) for index, span in enumerate(spans)]
        # "Wir fordern X. Zudem soll die Quote ... angehoben werden": what an adverb joins
        # to the demand before it goes on with it; after anything else it may report a
        # plan ("Zudem soll die Brücke 2027 fertig sein")
        for (before, _s, _r), (clause, _span, _rejected) in itertools.pairwise(judged):
            if clause.continues and not clause.demand and before.demand and not (
                    clause.finding or clause.question or clause.commitment):
                clause.triggers = ["continuing"]
                clause.demand = True
        if force:
            for clause, _span, _r in judged:
                clause.demand = bool(clause.triggers)
        # only the phrases and matches inside demand clauses are read
        demands = [index for index, (clause, _s, _r) in enumerate(judged) if clause.demand]
        if demands:
            phrases = _addr.find_phrases(doc, lang, within=[(spans[index].start,
                                                             spans[index].end)
                                                            for index in demands])
            _addr.mark_phrases(doc, phrases)
            by_start = {phrase.start: phrase for phrase in phrases}
            local_phrases: list[list] = [[] for _span in spans]
            for phrase in phrases:
                index = _clause_at(starts, spans, phrase.start)
                if index is not None:
                    local_phrases[index].append(phrase)
            addressee_matches: list[list] = [[] for _span in spans]
            for match in self._run("addressee", doc, [spans[i] for i in demands],
                                   present.some(demands), with_alignments=True):
                index = _clause_at(starts, spans, match[1])
                if index is not None:
                    addressee_matches[index].append(match)
            for index, (clause, span, rejected) in enumerate(judged):
                if clause.demand:
                    self._address(doc, clause, span, rejected, addressee_matches[index],
                                  by_start, local_phrases[index])
        return [clause for clause, _span, _r in judged]

    def _run(self, group: str, doc: Doc, spans: list[Span], present: list[int], **options):
        matchers = self._subsets.get(group)
        if matchers is None:
            return []
        return match_runs(matchers, doc, self._filters[group].selections(spans, present),
                          **options)

    def names_in(self, doc: Doc, group: str, opening: bool = False) -> list[str]:
        """Addressees the patterns of one group find in a text that is no demand clause:
        a heading ("heading"), a paragraph leading into a list ("lead"), a point of a list
        of demands ("point"); with `opening`, only a match that opens the text."""
        if self.lang is None:
            self.initialize()
        if group not in self._matchers:
            return []
        whole = [doc[:]]
        if not self._filters[group].selections(whole, self._words.presence(doc, whole)):
            return []  # no pattern of the group finds the words it needs
        phrases = _addr.find_phrases(doc, self.lang)
        _addr.mark_phrases(doc, phrases)
        by_start = {phrase.start: phrase for phrase in phrases}
        # ... or opens the text after a point's run-in title ("Psychosoziale Beratung
        # ausbauen. Das Ministerium soll ...")
        after_title = _after_run_in_title(doc) if opening else 0
        if after_title:
            doc[after_title].is_sent_start = True
        matches = self._matchers[group](doc, with_alignments=True)
        if opening:
            matches = [match for match in matches if match[1] in (0, after_title)]
        names, _strong = self._slot_names(doc, matches, by_start)
        return _addr.dedupe(names)

    def set_annotations(self, doc: Doc, clauses: list[Clause]) -> None:
        doc._.set(_DOC_ATTR, clauses)

    # --- judging one clause ---------------------------------------------------------

    def _judge(self, doc: Doc, span: Span, found) -> tuple[Clause, Span, set[int]]:
        lang = self.lang
        assert lang is not None
        clause = Clause(start=span.start_char, end=span.end_char)
        inside = _within(span)
        blocked = {t for _, s, e, _al in _only(found["non_trigger"], inside)
                   for t in range(s, e)}

        def unblocked(group: str) -> list[tuple[int, int]]:
            """The group's matches in the clause that no non-trigger overlaps."""
            return [(s, e) for _, s, e, _al in _only(found[group], inside)
                    if not any(t in blocked for t in range(s, e))]

        request = [(s, e) for s, e in unblocked("request")
                   if not (e - s == 1 and _noun_reading(doc, span, s, lang))]
        modal_matches = unblocked("modal")
        modal = [(s, e) for s, e in modal_matches
                 if _main_clause_modal(doc, span, s, lang)
                 and not _first_person(doc, span, s, e, lang)
                 and _obliges_agent(doc, span, s, lang)]
        # a modal that is not the author's demand (subordinate clause, first person)
        # names no addressee either: "spreekt uit dat het kabinet ... moet"
        rejected = {s for s, _e in modal_matches} - {s for s, _e in modal}
        finding = min((s for _, s, _e, _al in _only(found["finding"], inside)), default=None)
        first_trigger = min([s for s, _ in request + modal], default=None)
        clause.finding = finding is not None and (
            first_trigger is None or finding <= first_trigger) and \
            not _called_after(doc, finding, request, lang)
        clause.states = clause.finding and finding - span.start <= _STATES_WITHIN \
            and not any(doc[t].lower_ in lang.subordinators for t in range(span.start, finding))
        # "Der Magistrat wird gebeten zu berichten, wann ...?": the question mark closes
        # the question the call asks to answer; a call that opens its clause ("Wird der
        # Magistrat gebeten ...?") is itself asked
        # a question may itself ask the reader to act ("Could you please ...?", "Bent u
        # bereid ...?"), where one in the mood of a request only asks ("Deelt u ...?")
        asking = unblocked("asking")
        reader = unblocked("reader") + asking
        clause.question = span.text.rstrip().endswith("?") and not asking and not any(
            s > span.start and _clause_break_after(doc, e, span.end) for s, e in request)
        clause.commitment = not request and bool(list(_only(found["commitment"], inside)))
        clause.continues = bool(unblocked("continuing"))
        # a request its mood makes ("Setzen Sie sich dafür ein"): a demand only where a
        # letter names whom it asks (see demandx.extraction); elsewhere it calls on the
        # public to sign, call or come
        clause.triggers = (["request"] if request else []) + (["modal"] if modal else []) + (
            ["reader"] if reader and not (request or modal) else [])
        clause.to_reader = bool(asking)
        clause.demand = bool(clause.triggers) and not (
            clause.finding or clause.question or clause.commitment)
        clause._request = request   # kept for the addressee step
        clause._modal = [s for s, _e in modal]
        clause._used = {t for s, e in request + modal for t in range(s, e)}
        return clause, span, rejected

    def _address(self, doc: Doc, clause: Clause, span: Span, rejected: set[int],
                 addressee_matches, by_start, local_phrases) -> None:
        """Addressees and content words of a demand clause, from the addressee matches
        and the phrases that start in it."""
        lang = self.lang
        assert lang is not None
        inside = _within(span)
        # a call after an infinitive marker is what someone else is to do ("om de
        # regering te verzoeken"), except where the marker opens the clause: a
        # resolution's points ("Resolves: 1. To call on the University to ...")
        matches = [m for m in _only(addressee_matches, inside)
                   if not any(m[1] <= t < m[2] for t in rejected)
                   and not (m[1] - 1 > span.start
                            and doc[m[1] - 1].lower_ in lang.infinitive_markers)]
        names, clause.settled = self._slot_names(doc, matches, by_start)
        if not names and clause._modal:
            names = _addr.owners(doc, span, clause._modal, by_start, lang)
        clause.implied = _addr.dedupe(_addr.implied(doc, span, clause._request, lang))
        clause.settled = clause.settled or bool(clause.implied)
        clause.addressees = _addr.dedupe(names + clause.implied)
        clause.content_words = _content_words(span, clause._used, local_phrases, lang)
        clause.names_actor = any(phrase.is_actor for phrase in local_phrases)

    def _slot_names(self, doc: Doc, matches, by_start) -> tuple[list[str], bool]:
        """Names in the slots of addressee matches, and whether one came from an explicit
        construction (an NP slot: "verzoekt NP") rather than an actor guess."""
        names: list[str] = []
        speakers: set[str] = set()
        strong = False
        prepositions = self.lang.words.get("prepositions", frozenset())
        complementizers = self.lang.words.get("complementizers", frozenset())
        subject_pronouns = self.lang.words.get("subject_pronouns", frozenset())
        for key, start, _end, alignments in matches:
            slots = self._slots[self.vocab.strings[key]]
            seen_slot_starts = set()
            crossed = False
            for offset, element in enumerate(alignments):
                slot = slots[element]
                if slot == GAP:
                    # "demand that the college divest from fossil fuels": past the
                    # opener of a "that" clause the slot is no argument of the verb
                    crossed = crossed or doc[start + offset].lower_ in complementizers
                    continue
                if slot is None or crossed:
                    continue
                token = start + offset
                phrase = by_start.get(token)
                if phrase is None or token in seen_slot_starts:
                    continue
                seen_slot_starts.add(token)
                if _addr.owned_by_reader(doc, phrase, self.lang) and not phrase.is_actor:
                    # "vragen wij uw aandacht": the reader's, not the one asked (but "bij
                    # uw college", "your council" is the reader's body, asked)
                    continue
                if slot == "SUBJECT" and token == start + 1 and start > 0 \
                        and doc[start - 1].lower_ in subject_pronouns:
                    # "Er solle die Hochschulen unterstützen": the pronoun before the
                    # verb is its subject, so the phrase after the verb is its object
                    continue
                if token == start and _governed(doc, token, prepositions, self.lang):
                    # a pattern that opens on its slot ("NP aufgefordert") reads an
                    # object: "zu einem deutlich besseren Angebot aufgefordert" names none
                    continue
                found = _addr.phrase_names(doc, phrase, slot not in _STRONG_SLOTS, self.lang)
                if slot in UNASKED_SLOTS:
                    speakers.update(name.lower() for name in found)
                    continue
                strong = strong or (bool(found) and slot in _EXPLICIT_SLOTS
                                    and not _name_may_go_on(doc, phrase.end, self.lang))
                names += found
        return [name for name in names if name.lower() not in speakers], strong


def _name_may_go_on(doc: Doc, end: int, lang: Language) -> bool:
    """Whether the name of a phrase may go on past `end`, which only the parse tells:
    where every noun is capitalised, a capitalised word right after it that ends the
    phrase may be its name ("an die Kassenärztliche Vereinigung Westfalen-Lippe und die
    ...", "an die Genossenschaft Oberland,"); one a bare noun joins is the first of a
    series of objects ("von der Bundesregierung Mietpreisbremse und Preiskommission")."""
    if not lang.nouns_capitalised or end + 1 >= len(doc) or doc.has_annotation("DEP"):
        return False
    # a name of several words ("von Amnesty International Deutschland eine Erklärung")
    last = min(end + _NAME_WORDS_AFTER, len(doc) - 2)
    while end < last and _capitalised_word(doc[end]) and _capitalised_word(doc[end + 1]):
        end += 1
    word, after = doc[end], doc[end + 1]
    if not _capitalised_word(word) or word.is_sent_start:
        return False
    # ... and where a function word follows it, not the next noun of a series: "von der
    # Sozialwirtschaft Österreich als Arbeitgeberverband", whose place the parse may join
    if after.lower_ in lang.coordinators:
        return end + 2 < len(doc) and doc[end + 2].lower_ in lang.articles
    return after.is_punct or after.is_stop


def _capitalised_word(token) -> bool:
    return token.text[:1].isupper() and not token.is_stop and not token.is_punct


def _called_after(doc: Doc, finding: int, request: list[tuple[int, int]],
                  lang: Language) -> bool:
    """Whether a call of the main clause follows a finding set off by a comma or
    semicolon, or joined to it as a second verb of its subject: "De raad, gehoord de
    beraadslaging, draagt het college op ...", "neemt kennis van het rapport; verzoekt
    het college ...", "betreurt de gebrekkige communicatie en eist dat ..." (the call in
    the finding's own "dat" clause, "stellt fest, dass die Regierung aufgefordert ist",
    is part of it)."""
    for start, _end in request:
        breaks = [t for t in range(finding, start) if doc[t].text in (",", ";")]
        joined = any(doc[t].lower_ in lang.coordinators for t in (start - 1, start)
                     if finding < t)
        # ... or after a phrase the finding word opens, the call's subject after it: "Gelet
        # op het voorgaande verzoek ik u: ..." (the main clause is the call)
        joined = joined or (start + 1 < len(doc)
                            and doc[start + 1].lower_ in lang.author_pronouns)
        # a "dat" clause the finding opens may go on past a comma ("constaterende dat de
        # motie ( 31 839, nr. 966 ) het kabinet verzocht")
        if (breaks or joined) and not any(doc[t].lower_ in lang.subordinators
                                          for t in range(finding, start)):
            return True
    return False


def _governed(doc: Doc, start: int, prepositions: frozenset[str], lang: Language) -> bool:
    """Whether a preposition governs the phrase at `start`, across the articles, adverbs
    and adjectives a phrase reader may leave out of it (lower-case words where nouns are
    capitalised: "zu einem deutlich besseren Angebot")."""
    for index in range(start - 1, max(start - 4, -1), -1):
        word = doc[index]
        if word.lower_ in prepositions:
            return True
        between = word.lower_ in lang.articles or word.lower_ in lang.adverbs or (
            word.is_alpha and word.text.islower() if lang.nouns_capitalised
            else any(pattern.match(word.lower_) for pattern in lang.adjectives))
        if not between:
            return False
    return False


def _clause_break_after(doc: Doc, start: int, end: int) -> bool:
    return any(doc[i].text == "," for i in range(start, end))


def _sentences(doc: Doc, abbreviations: frozenset[str] = frozenset(),
               openers: frozenset[str] = frozenset()):
    """The sentencizer's sentences, less the breaks before a lower-case word: in the
    languages demandx reads no sentence starts with one, so the mark before it ended a
    quote ("Wij vragen je ‘ja!’ te zeggen") or an abbreviation ("u. a. die Länder");
    and less the breaks after an abbreviation the language lists ("Die Oö.
    Landesregierung")."""
    start = None
    for sent in doc.sents:
        first = sent[0].text[:1]
        if start is not None and not (first.isalpha() and first.islower()) \
                and not _after_abbreviation(doc, sent.start, abbreviations, openers):
            end = _before_opening_quote(doc, sent.start)
            yield doc[start:end]
            start = end
        if start is None:
            start = sent.start
    if start is not None:
        yield doc[start:len(doc)]


def _after_abbreviation(doc: Doc, start: int, abbreviations: frozenset[str],
                        openers: frozenset[str]) -> bool:
    """Whether the sentencizer broke after a listed abbreviation inside a name ("Die Oö.
    Landesregierung"), not at the end of a sentence ("in Oö. Die Landesregierung ...")."""
    return start >= 2 and doc[start - 1].text == "." and \
        doc[start - 2].lower_ in abbreviations and doc[start - 2].whitespace_ == "" \
        and doc[start].lower_ not in openers


def _before_opening_quote(doc: Doc, start: int) -> int:
    """Where a sentence that the sentencizer starts at `start` really starts: before a
    quotation mark that it left at the end of the sentence before (`gefordert. "Die
    Schulen ...`), one with a space before it and none after."""
    if start >= 2:
        quote = doc[start - 1]
        if quote.is_quote and not quote.whitespace_ and doc[start - 2].whitespace_:
            return start - 1
    return start


def _clauses(doc: Doc, abbreviations: frozenset[str] = frozenset(),
             openers: frozenset[str] = frozenset(),
             joined: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())):
    """Sentences, split further at semicolons that separate clauses of some length, and
    before a main clause of the authors joined with a comma ("..., and we ask the Dean
    to report", "..., und wir fordern die Stadt auf"): each asks on its own."""
    for sent in _sentences(doc, abbreviations, openers):
        start = sent.start
        for token in sent:
            if token.i - start >= 3 and sent.end - token.i > 3 and (
                    token.text == ";" or _joins_authors(doc, token.i, joined)):
                yield doc[start:token.i + 1]
                start = token.i + 1
        if start < sent.end:
            yield doc[start:sent.end]


def _joins_authors(doc: Doc, index: int,
                   joined: tuple[frozenset[str], frozenset[str]]) -> bool:
    """A comma, a coordinator and an author pronoun: ", and we", ", und wir", ", en wij"."""
    coordinators, authors = joined
    return doc[index].text == "," and doc[index + 1].lower_ in coordinators \
        and doc[index + 2].lower_ in authors


def _clause_at(starts: list[int], spans: list[Span], token: int) -> int | None:
    """The index of the clause (of spans in order, not overlapping; `starts` their first
    tokens) that holds `token`."""
    index = bisect.bisect_right(starts, token) - 1
    return index if index >= 0 and token < spans[index].end else None


def _within(span: Span):
    return lambda s, e: span.start <= s and e <= span.end


def _only(matches, inside):
    return [m for m in matches if inside(m[1], m[2])]


_CLAUSE_OPENING_MARKS = (",", ";", ":", "(", "–", "—")
_AGENT_SUBJECT_WORDS = 5   # "Landkreise und kreisfreie Städte sollen"
_AGENT_NAME_WORDS = 10     # "Das Bundesamt für Wirtschaft und Ausfuhrkontrolle (BAFA) soll"
_BRACKET_WORDS = 6         # the longest bracket _clause_start steps over


def _clause_start(doc: Doc, span: Span, index: int) -> int:
    """The first token of the clause the token at `index` stands in, within `span`."""
    start = index
    while start > span.start and doc[start - 1].text not in _CLAUSE_OPENING_MARKS:
        start -= 1
        if doc[start].text == ")":
            # a bracket goes with the words before it: "Das Bundesamt (BAFA) soll"
            opening = next((i for i in range(start - 1, max(span.start, start - _BRACKET_WORDS)
                                             - 1, -1) if doc[i].text == "("), None)
            if opening is not None:
                start = opening
    return start


def _main_clause_modal(doc: Doc, span: Span, index: int, lang: Language) -> bool:
    """Whether the modal at `index` stands in a main clause.

    Limits: a German modal at the end of its clause ("..., in der die Menschheit
    zusammenarbeiten muss,") stands in a subordinate clause, unless a phrase set between
    commas follows it right after its subject ("Die Stadt muss, wie versprochen, ...");
    in any language, a clause
    opened by a subordinator ("dat", "dass", "which") is subordinate; in Dutch and
    English, so is a modal after a subordinator that an article or pronoun follows
    ("spreekt uit dat het kabinet ... moet"): "dat beleid moet" keeps its modal, since
    there "dat" is a demonstrative.
    """
    if _reported(doc, span, index, lang):
        return True
    following = doc[index + 1] if index + 1 < span.end else None
    start = _clause_start(doc, span, index)
    if lang.verb_final_subordinates and (following is None or following.is_punct) \
            and index > span.start + 1 \
            and not _second_before_insertion(doc, span, start, index, lang):
        return False
    for token in doc[start:min(index, start + 3)]:
        # right before the verb the word is an adverb, the clause a main one: "Damit
        # muss das EEG so ausgerichtet werden", "Da muss die Stadt handeln"
        if token.lower_ in lang.subordinators and token.i + 1 != index:
            return False
        if not (token.is_stop or token.pos_ == "ADP"):
            break
    if not lang.verb_final_subordinates:
        # a relative pronoun as the modal's subject: "a factor which should be reflected",
        # "het plan dat moet zorgen voor ..." (not "Dat moet anders", which opens its clause)
        if index - 1 > start and doc[index - 1].lower_ in lang.subordinators:
            return False
        for position in range(start, index - 1):
            following = doc[position + 1].lower_
            if doc[position].lower_ in lang.subordinators and (
                    following in lang.articles or following in lang.pronouns):
                return False
    return True


def _second_before_insertion(doc: Doc, span: Span, start: int, index: int,
                             lang: Language) -> bool:
    """Whether a modal before a comma is the second part of its sentence, after its
    subject, with a phrase set between commas after it ("Die Stadt muss, wie im Vorjahr
    versprochen, die Mittel erhöhen", "Die Europäische Union muss, 50 Jahre nach dem
    Abkommen, endlich ... sorgen"): a subordinate clause ends on the verb the modal
    goes with ("..., in der die Menschheit zusammenarbeiten muss,") or opens on a
    subordinator ("Was die Stadt tun muss, ...")."""
    before = doc[index - 1]
    return start == span.start and index + 1 < span.end and doc[index + 1].text == "," \
        and doc[start].lower_ not in lang.subordinators \
        and before.text[:1].isupper() and before.is_alpha


def _obliges_agent(doc: Doc, span: Span, index: int, lang: Language) -> bool:
    """Whether a modal that obliges only an agent ("sollen") does so here: an actor is its
    subject right before it, and its clause ends on an act, not on the auxiliary of a
    plan, a rumour or a passive. Every other modal obliges by itself."""
    if doc[index].lower_ not in lang.words.get("agent_modals", frozenset()):
        return True
    start = _clause_start(doc, span, index)
    # the subject opens the clause: "Über die Förderung durch den Bund sollen
    # Akteure ..." has its subject after the verb; one that its article opens may be a
    # long name ("Das Bundesamt für Wirtschaft und Ausfuhrkontrolle (BAFA) soll")
    longest = _AGENT_NAME_WORDS if doc[start].lower_ in lang.articles else _AGENT_SUBJECT_WORDS
    # (or the short name in brackets after it: "Das Bundesamt (BAFA) soll")
    bracket = doc[index - 1].text == ")" and index - 3 >= start and doc[index - 3].text == "("
    last = index - 2 if bracket else index - 1
    # (or the name right after it: "Das Sozialministerium Baden-Württemberg soll")
    if last > start and doc[last].text[:1].isupper() and not doc[last].is_stop \
            and not _addr.is_actor_word(doc[last].text, lang):
        last -= 1
    if last < start or index - start - 3 * bracket > longest \
            or not _addr.is_actor_word(doc[last].text, lang):
        return False
    # the verb that ends its clause: the first lower-case infinitive before a mark, past
    # an adjective a comma follows ("ein niedrigschwelliges, anonymes Angebot erhalten")
    infinitives = lang.endings("infinitive_endings")
    verb = None
    for end in range(index + 1, span.end):
        if doc[end].is_punct and end - 1 > index:
            verb = doc[end - 1]
            if verb.text.islower() and verb.lower_.endswith(infinitives):
                break
    verb = verb if verb is not None else doc[span.end - 1]
    return verb.lower_ not in lang.words.get("agent_modal_endings", frozenset())


def _reported(doc: Doc, span: Span, index: int, lang: Language) -> bool:
    """Whether the modal at `index` is in reported speech: a clause that a verb of saying
    introduces ("Koerselman benadrukte dat het kabinet ... moet komen", "betonte, dass
    die Regierung handeln müsse"), which news use to report a demand."""
    say_verbs = lang.words.get("say_verbs", frozenset())
    complementizers = lang.words.get("complementizers", frozenset())
    for position in range(index - 1, span.start, -1):
        token = doc[position]
        if token.lower_ in lang.subordinators:
            if token.lower_ not in complementizers:
                return False
            before = position - 1
            if before > span.start and doc[before].text == ",":
                before -= 1
            # the speaker after the verb: "Daarom vinden wij dat ...", "betonte sie, dass"
            if before > span.start and (doc[before].lower_ in lang.pronouns
                                        or doc[before].lower_ in lang.author_pronouns):
                before -= 1
            return before >= span.start and doc[before].lower_ in say_verbs
    return False


def _noun_reading(doc: Doc, span: Span, index: int, lang: Language) -> bool:
    """A call verb's form (the last word of a request match) right after an article or a
    preposition is the noun: "these demands are not met", "the following demands", "de
    volgende eisen", "a list of demands".
    A call noun ("doen een beroep op") is meant as a noun."""
    if doc[index].lower_ not in _addr.verb_forms(lang.code):
        return False
    if index == span.start and doc[index].lower_ in lang.word_class("demand_nouns") and (
            index + 1 == span.end or _opens_complement(doc[index + 1], lang)
            or doc[index + 1].like_num):
        # no subject before it: "Demands of the Student Union to the Board", a column's
        # header "Demand", the numbers of points: "Demands 1 and 4 are time-sensitive"
        return True
    # a pronoun next to it makes it the verb: "Das fordern wir", "Wir alle fordern"
    persons = lang.author_pronouns | lang.pronouns
    after = doc[index + 1].lower_ if index + 1 < span.end else ""
    before = index - 1
    if before >= span.start and doc[before].lower_ in lang.cataphora:
        before -= 1
    if after in persons or (before - 1 >= span.start and doc[before - 1].lower_ in persons):
        return False
    # where nouns modify nouns as words of their own, a call word right before "is" or
    # "are" heads a compound that is the subject: "The ballot mandate is valid"
    if lang.open_compounds and after in lang.words.get("passive_aux", frozenset()) | \
            lang.words.get("past_passive_aux", frozenset()):
        return True  # ... or "was", "were": "That request was never put to a vote"
    if before < span.start:
        return False
    # where only names are capitalised, a capital inside a sentence makes a name of the
    # verb's form: "Home   Demands   Timeline", "the Student Demands Committee"
    if not lang.nouns_capitalised and doc[index].is_title and not doc[index].is_sent_start:
        return True
    word = doc[before].lower_
    # no finite verb follows a preposition: "a list of demands", "een lijst van eisen"
    # (but "zu fordern", "te eisen" are infinitives), nor a count: "fourteen demands",
    # "drie eisen", "14 demands" (not a version in a name, "Arbeit 4.0 empfiehlt", nor a
    # year, "vom 17. Januar 2025 bittet der Bundesrat")
    number = doc[before].text
    count = doc[before].like_num and (number.isalpha() or (number.isdigit() and len(number) < 4))
    return word in lang.articles or count or (
        word in lang.words.get("prepositions", ()) and word not in lang.infinitive_markers)


def _opens_complement(token, lang: Language) -> bool:
    """A preposition or colon after a noun ("Demands of ...", "Eisen aan ...", "Demands:"),
    where a verb would take its object ("Demand that your MP ...")."""
    return token.text == ":" or token.lower_ in lang.words.get("prepositions", ()) or \
        token.lower_ in lang.words.get("ahead_prepositions", ())


def _first_person(doc: Doc, span: Span, index: int, end: int, lang: Language) -> bool:
    """"Wir müssen", "müssen wir", "we must": the authors commit themselves (also with a
    second modal joined to it: "dürfen und können wir nicht"). Where the obligation is
    put in a "that" clause, its subject is the one obliged, not the authors who judge it
    needed ("Daarom achten wij het noodzakelijk dat de minister ...")."""
    if doc[end - 1].lower_ in lang.words.get("complementizers", ()):
        return any(token.lower_ in lang.author_pronouns
                   for token in doc[end:min(span.end, end + 2)])
    end = index + 2
    if index + 1 < span.end and doc[index + 1].lower_ in lang.coordinators:
        end += 2
    window = doc[max(span.start, index - 2):min(span.end, end)]
    return any(token.lower_ in lang.author_pronouns for token in window)


_WORD = re.compile(r"\w")


def _content_words(span: Span, used: set[int], phrases, lang: Language) -> int:
    """Words of a clause that say what is demanded: not the trigger, not the addressee
    phrase right after it, not pronouns or function words. "Wir erwarten:" has none."""
    skip = set(used)
    for phrase in phrases:
        if phrase.is_actor:
            skip.update(range(phrase.start, phrase.end))
    skip.update(_author_apposition(span, lang))
    count = 0
    for token in span:
        if token.i in skip or token.is_stop or token.is_punct or not _WORD.search(token.text):
            continue
        if token.lower_ in lang.author_pronouns or token.lower_ in lang.adverbs \
                or token.lower_ in lang.cataphora:
            continue
        count += 1
    return count


def _author_apposition(span: Span, lang: Language) -> range:
    """The tokens of an apposition that says who the authors are ("We, the students of
    X, demand the following:"): it names the authors, not what they demand."""
    if len(span) < 3 or span[0].lower_ not in lang.author_pronouns or span[1].text != ",":
        return range(0)
    for token in span[2:]:
        if token.text == ",":
            return range(span[1].i, token.i + 1)
    return range(0)


def prefilter(lang: Language) -> re.Pattern[str] | Prefilter | None:
    """A regex that finds every text where a demand trigger could match (compiled once
    per language)."""
    return _prefilter(lang.code)


@cache
def _prefilter(code: str) -> re.Pattern[str] | Prefilter | None:
    lang = load_language(code)
    # ("continuing" matters only after a demand in the same block, which these find)
    patterns = [pattern for kind in ("request", "modal", "reader", "asking")
                for pattern in lang.triggers[kind]]
    return gated_prefilter(patterns, lang)


def finding_regex(lang: Language) -> re.Pattern[str] | None:
    """A regex that finds every text where a finding cue could match."""
    return _cue_prefilter(lang.code, "consideration_cues")


@cache
def _cue_prefilter(code: str, cues: str) -> re.Pattern[str] | None:
    lang = load_language(code)
    return prefilter_regex(list(getattr(lang, cues)), lang)


def finding_block(text: str, lang: Language) -> Clause | None:
    """A block that is one clause opening with a finding cue ("overwegende dat ... moet
    ...;") is a finding whatever modal it holds: the verdict the full reading would give,
    without the reading. None when the block needs reading."""
    opener = _opener(lang.code, "consideration_cues")
    if opener is None or not opener.match(text) or _CLAUSE_BREAK.search(text.rstrip()):
        return None
    for word in _WORDS.findall(text.lower()):
        if word in lang.subordinators:
            break  # what follows is the finding's own clause: "overwegende dat ... en"
        if word in lang.coordinators:
            return None  # a call may be its second verb: "betreurt ... en eist dat ..."
        if word in lang.author_pronouns:
            return None  # the authors' own verb: "Gelet op het voorgaande verzoek ik u:"
    return Clause(start=0, end=len(text), finding=True, states=True)


def commitment_block(text: str, lang: Language) -> Clause | None:
    """A block with no demand trigger that opens with the authors' commitment ("We will
    hold a rally ...", "Wir werden ..."): the verdict the full reading would give, without
    the reading. None when it opens otherwise."""
    opener = _opener(lang.code, "commitment_cues")
    if opener is None or not opener.match(text):
        return None
    return Clause(start=0, end=len(text), commitment=True)


_CLAUSE_BREAK = re.compile(r"[.!?;:]\s+\S")
_WORDS = re.compile(r"\w+")


@cache
def _opener(code: str, cues: str) -> re.Pattern[str] | None:
    """A regex that matches where one of the cues could open a text."""
    found = _cue_prefilter(code, cues)
    return re.compile(r"\s*(?:" + found.pattern + ")", re.IGNORECASE) if found else None


# The most words of a point's run-in title, a short sentence or head of its own
# ("Gebühren abschaffen.", "Mehr Lehrer für kleinere Klassen:").
MAX_RUN_IN_WORDS = 8


def _after_run_in_title(doc: Doc) -> int:
    """The index of the token after a run-in title that opens `doc`, else 0."""
    for token in doc[:MAX_RUN_IN_WORDS + 1]:
        if token.text in (".", ":", "!"):
            after = token.i + 1
            return after if after < len(doc) and doc[after].text[:1].isupper() else 0
    return 0


def may_be_slogan(text: str, lang: Language) -> bool:
    """Whether a headline has a slogan's shape before any parse: it ends on "!", or on a
    lower-case word with an infinitive's ending (what `slogan_clause` then reads)."""
    text = text.rstrip()
    if text.endswith("!"):
        return True
    words = text.rstrip(".…").split()
    endings = lang.endings("infinitive_endings")
    return len(words) >= _MIN_SLOGAN_WORDS and bool(endings) and words[-1].islower() \
        and words[-1].endswith(endings)


def slogan_clause(doc: Doc, lang: Language) -> Clause | None:
    """The demand of a headline written as a slogan, read from its parse: an infinitive
    without a subject that ends it ("Lernmittelfreiheit endlich bundesweit umsetzen",
    "Langstudeerboete definitief van tafel halen"), or an exclamation without a verb
    ("Mehr Geld für Schulen jetzt!", "Basisbeurs omhoog naar 450 euro, nu!"). A finite
    verb makes it a report ("LSV wählt neuen Vorstand"), a question or a colon a topic."""
    words = [token for token in doc if not token.is_punct]
    text = doc.text.rstrip()
    if len(words) < _MIN_SLOGAN_WORDS or text.endswith(("?", ":")):
        return None
    verbs = [token for token in doc if token.pos_ in ("VERB", "AUX")]
    if not verbs:
        shaped = text.endswith("!") and len(words) > _MIN_SLOGAN_WORDS and any(
            token.pos_ in ("NOUN", "PROPN") for token in words)
    else:
        # (the morphology of a bare infinitive at a headline's end is no guide: the
        # parser, trained on sentences, often reads it as a finite plural; its form,
        # the tense and the subject are)
        verb = verbs[-1]
        endings = lang.endings("infinitive_endings")
        shaped = len(verbs) == 1 and verb.pos_ == "VERB" and verb.text[:1].islower() \
            and bool(endings) and verb.lower_.endswith(endings) \
            and "Past" not in verb.morph.get("Tense") \
            and not any(_subject_of_finite(child) for child in verb.children) \
            and (verb.i + 1 == len(doc) or doc[verb.i + 1].is_punct)
    return Clause(start=0, end=len(doc.text), demand=True, triggers=["slogan"]) \
        if shaped else None


def _subject_of_finite(token) -> bool:
    """Whether a verb's subject, as the parse has it, makes the verb finite: a pronoun or
    a plural ("Lehrkräfte protestieren"); a singular noun is what an infinitive acts on,
    which a parser trained on sentences takes for the subject ("Schulsozialarbeit
    dauerhaft absichern"), and so is a noun whose case is marked as another than the
    nominative ("Schulbusse im Landkreis klimatisieren")."""
    cases = token.morph.get("Case")
    return token.dep_.startswith("nsubj") and (not cases or "Nom" in cases) and (
        token.pos_ == "PRON" or "Plur" in token.morph.get("Number"))
