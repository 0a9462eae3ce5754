"""Who is asked to act: everything demandx knows about addressees lives here.

* From the dependency parse (trained pipelines): `AddresseeRuler`, a spaCy component
  whose DependencyMatcher patterns (the language file's `addressee_grammar`) name the
  object of a call verb, the subject of a passive call, the object of "an", "von", "op",
  "on" after their verbs, whatever noun it is; `without_patients` drops the subject of a
  passive, which is acted on, not asked to act.
* From the surface (every pipeline, and the only reading of blank ones): noun phrases
  and which of them name actors, read by the language's `addressee_patterns` in
  demandx.analysis.
* From the demand's own words: the owner of what a modal demand is about (`owners`),
  the actor a demanded thing implies (`implied`: a coalition agreement -> the cabinet).
* From the letter: the recipient its salutation names (`salutation_names`), for what
  the authors ask or say to the reader (`speaks_to_reader`).

Noun phrases come from the part-of-speech tags when the pipeline has a tagger, and from
surface rules otherwise (an article, modifiers, a head; German nouns are capitalised).
An actor is a phrase whose head is in the language's actor list ("Regierung",
"kabinet"), ends in an actor suffix ("Bundesregierung", "Landesregierung"), or is an
acronym ("DFB", "EU"). A phrase is named as written, without its article:
"die nächste Bundesregierung" -> "nächste Bundesregierung", "de Stad Landau" -> "Stad Landau".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple

import srsly
from spacy.language import Language as SpacyLanguage
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Span

from demandx.lang import Language, function_words, load_language
from demandx.patterns import ACTOR, PHRASE, SUBJECT

# A title ending a compound names one who takes a name ("Arbeitsminister",
# "Landeshauptstadt Wiesbaden"); shorter ones ("rat", "land") end too many words that do
# not ("Vorrat", "Ausland").
_MIN_TITLE_SUFFIX = 5
_ACRONYM = re.compile(r"^[A-ZÄÖÜ]{2,6}$")
_MIXED_ACRONYM = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{1,5}$")
# a name of letters and a number: "G20", "COP30", "C40"
_CODED_NAME = re.compile(r"^[A-ZÄÖÜ][A-Za-zÄÖÜäöü]{0,5}\d{1,4}$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_NOUN_POS = {"NOUN", "PROPN"}
_MODIFIER_POS = {"ADJ", "NUM"}
_DET_POS = {"DET"}


@dataclass(frozen=True)
class Phrase:
    """A noun phrase (or a group of coordinated ones) in a Doc, by token indices.

    `members` are (start, end, name_start) of each phrase in the group; the name of a
    member is doc[name_start:end] (without its article).
    """

    start: int
    end: int
    members: tuple[tuple[int, int, int], ...]
    actors: tuple[bool, ...]
    nominative: bool

    @property
    def is_actor(self) -> bool:
        return any(self.actors)


def is_actor_word(word: str, lang: Language) -> bool:
    """Whether a (head) word names an actor."""
    return _is_actor_word(word, lang.code)


@lru_cache(maxsize=65536)
def _is_actor_word(word: str, code: str) -> bool:
    lang = load_language(code)
    lower = word.lower()
    if lower in lang.not_actors:
        return False
    if lower in lang.actor_heads or lower in lang.actor_named:
        return True
    # an actor noun with a case or plural ending the lexicon leaves out: "von Bund und
    # Ländern", "integrated care boards"
    if any(lower.endswith(ending) and lower[:-len(ending)] in lang.actor_heads
           for ending in (*lang.words.get("case_endings", ()),
                          *lang.words.get("plural_endings", ()))):
        return True
    if _ACRONYM.match(word) and not _ROMAN.match(word):
        return True
    # a title as the end of a compound is one too: "Oberbürgermeister", "Bundespräsidentin"
    return any(lower.endswith(suffix) and len(lower) > len(suffix) + 2
               for suffix in lang.actor_suffixes) or _is_title_word(lower, code)


@lru_cache(maxsize=16)
def verb_forms(code: str) -> frozenset[str]:
    """The verb forms the language file lists (demand verbs, modals, auxiliaries)."""
    lang = load_language(code)
    return frozenset(word for name, words in lang.words.items()
                     if name.endswith(("verbs", "modals", "_aux")) for word in words)


class _Tok(NamedTuple):
    """What the phrase rules read of a token, taken from the Doc once."""

    text: str
    lower: str
    stop: bool
    punct: bool
    sent_start: bool
    pos: str
    participle: bool   # "komende", "zuständigen": a verb form used as an adjective
    oblique: bool      # its morphology marks a case, and not the nominative


def find_phrases(doc: Doc, lang: Language,
                 within: list[tuple[int, int]] | None = None) -> list[Phrase]:
    """The noun phrases of a Doc, coordinated ones grouped; with `within` (token ranges
    of clauses, in order), only those that start in these clauses.

    Clauses end at a sentence's closing punctuation or a semicolon, which no phrase
    holds (its words are letters; a comma or "&" is the only mark between them), so a
    clause is read here as the reading of the whole Doc reads it: the phrases of the
    clauses that are no demand, most of a long paragraph's, are not looked for."""
    toks = _features(doc, _verb_words(lang.code), within)
    tagged = doc.has_annotation("POS")
    simple: list[tuple[int, int, int, int]] = []   # start, end, name_start, head
    n = len(toks)
    i = 0
    for start, end in within if within is not None else [(0, n)]:
        i = max(i, start)
        while i < end:
            found = _phrase_at(toks, i, lang, tagged)
            if found is None:
                i += 1
                continue
            i = found[1]
            if i + 1 < n and toks[i].text in lang.words.get("name_possessives", ()):
                # the owner before a possessive is the determiner of the phrase after
                # it, which names the one meant: "the city's housing department"
                owned = _phrase_at(toks, i + 1, lang, tagged)
                if owned is None:
                    continue
                found = (found[0], *owned[1:])
                i = owned[1]
            simple.append(found)
    return _group(toks, _with_members_of(toks, _with_genitives(toks, _without_short_names(
        toks, simple), lang), lang), lang)


def _after_classifier(toks: list[_Tok], name_start: int, end: int, lang: Language) -> int:
    """Where a name starts that a common noun classifies ("the regulator Ofwat", "de
    toezichthouder NVWA", "werkgeversorganisatie Jeugdzorg Nederland", "groenteverwerker
    FreshPack"): at the proper name, where common nouns are written in lower case. A
    title that takes a name keeps it ("de gemeente Utrecht", "the housing minister
    Angela Rayner"). A short name takes none of the words in lower case before it, which
    describe it ("die landeseigene HOWOGE", "de landelijke NVWA")."""
    described = _described_short_name([tok.text for tok in toks[name_start:end]])
    if described:
        return name_start + described
    if lang.nouns_capitalised:
        return name_start
    first = end
    while first > name_start and toks[first - 1].text[:1].isupper():
        first -= 1
    if first in (name_start, end):
        return name_start
    classifier = toks[first - 1]
    if classifier.text.islower() and classifier.lower not in lang.actor_named \
            and not _is_title(classifier.lower, lang) and (
                is_actor_word(classifier.text, lang) or _common_before_name(
                    toks[name_start:first], lang)):
        return first
    return name_start


def _common_before_name(words: list[_Tok], lang: Language) -> bool:
    """Whether the words before a name are a common noun that classifies it, with its
    adjectives or the first part of a compound cut short ("groenteverwerker", "Twentse
    machinebouwer", "groente- en fruitverwerker"), not a name with a preposition ("Board
    of Trustees", "Secretary of State for Education")."""
    *before, classifier = words
    if _adjective(classifier.lower, lang) or any(
            pattern.match(classifier.lower) for pattern in lang.participles):
        return False  # "the incoming Ombudsman": a name's adjective, no noun
    return not classifier.stop and all(
        tok.lower in lang.coordinators or (not tok.stop and (
            tok.text.islower() or _adjective(tok.lower, lang) or _cut_short(tok.text)))
        for tok in before)


def _described_short_name(words: list[str]) -> int:
    """How many words in lower case open `words` before a short name they describe
    ("landeseigene HOWOGE", "landelijke NVWA"); 0 where no short name follows them."""
    count = 0
    while count < len(words) and words[count].islower():
        count += 1
    return count if 0 < count < len(words) and _ACRONYM.match(words[count]) else 0


def _without_short_names(toks: list[_Tok], simple):
    """Phrases less the short name in brackets right after one ("the Department for
    Education (DfE), the councils and ..."): it names the same body, and a series goes
    on past it."""
    ends = {found[1] for found in simple}
    return [found for found in simple
            if not (found[1] - found[0] == 1 and found[0] - 1 in ends
                    and toks[found[0] - 1].text == "(" and found[1] < len(toks)
                    and toks[found[1]].text == ")")]


def _with_members_of(toks: list[_Tok], simple, lang: Language):
    """Phrases of members with the body they belong to ("die Mitglieder in
    Aufsichtsräten", "de leden van de Tweede Kamer", "the members of the Board"): the
    members alone name no one, so the body is part of the phrase, whose head stays."""
    members = lang.words.get("member_nouns")
    prepositions = lang.words.get("member_prepositions", frozenset())
    if not members:
        return simple
    merged: list[tuple[int, int, int, int]] = []
    for found in simple:
        if merged and found[0] - merged[-1][1] == 1 and toks[merged[-1][3]].lower in members \
                and toks[merged[-1][1]].lower in prepositions:
            start, _end, name_start, head = merged[-1]
            merged[-1] = (start, found[1], name_start, head)
        else:
            merged.append(found)
    return merged


def _with_genitives(toks: list[_Tok], simple, lang: Language):
    """Phrases with the genitive attribute that follows them ("Der Magistrat der Stadt
    Wiesbaden wird gebeten"): the attribute is part of the phrase, whose head stays. After
    a noun of what an owner decides, the genitive is that owner, a phrase of its own ("bei
    der Ausrichtung der Hochschulen": see owners)."""
    articles = lang.words.get("genitive_articles")
    if not articles:
        return simple
    merged: list[tuple[int, int, int, int]] = []
    for found in simple:
        if merged and merged[-1][1] == found[0] and toks[found[0]].lower in articles \
                and not toks[merged[-1][3]].lower.endswith(lang.decision_nouns):
            start, _end, name_start, head = merged[-1]
            merged[-1] = (start, found[1], name_start, head)
        else:
            merged.append(found)
    return merged


@cache
def _verb_words(code: str) -> frozenset[str]:
    """The modal verbs of the language's patterns, and the verbs it lists as ending a
    phrase: a phrase ends before them even where the stop list lacks one ("the college
    shall", "het waterschap dient", "the harbormaster urging him")."""
    lang = load_language(code)
    return frozenset().union(*(lang.words.get(name, frozenset()) for name in (
        "modals", "may_modals", "reader_modals", "phrase_end_verbs")))


def _features(doc: Doc, verbs: frozenset[str] = frozenset(),
              within: list[tuple[int, int]] | None = None) -> list[_Tok]:
    """The token features the rules read, taken in one pass over C arrays (creating a
    Python Token object per token costs more than all the rules together); with
    `within`, only those of the tokens in and around these ranges (a rule reads a few
    tokens past a clause's end), the others a gap no phrase crosses."""
    from spacy.attrs import IS_PUNCT, IS_STOP, MORPH, ORTH, POS, SENT_START

    n = len(doc)
    if not n:
        return []
    array = doc.to_array([ORTH, IS_STOP, IS_PUNCT, SENT_START, POS, MORPH])
    if within is None:
        indices: list[int] = list(range(n))
        rows = array.tolist()
    else:
        indices = sorted({index for start, end in within
                          for index in range(max(0, start - _AROUND), min(n, end + _AROUND))})
        rows = array[indices].tolist()
    strings = doc.vocab.strings
    tagged = doc.has_annotation("POS")
    features = [_GAP] * n
    # a token's features are a function of its row: each distinct row is worked out
    # once, as texts repeat their words (string ids are hashes of the strings, the same
    # in every vocabulary)
    known = _KNOWN_ROWS.setdefault((verbs, tagged), {})
    if len(known) > _KNOWN_MOST:
        known.clear()
    for index, (orth, stop, punct, sent_start, pos, morph) in zip(indices, rows, strict=True):
        key = (orth, stop, punct, sent_start == 1 or index == 0, pos, morph)
        tok = known.get(key)
        if tok is None:
            tok = known[key] = _row_features(strings, verbs, tagged, *key)
        features[index] = tok
    return features


_KNOWN_ROWS: dict[tuple[frozenset[str], bool], dict[tuple, _Tok]] = {}
_KNOWN_MOST = 200_000   # rows kept per vocabulary of verbs; more start the memory anew


def _row_features(strings, verbs: frozenset[str], tagged: bool, orth: int, stop: int,
                  punct: int, opens: bool, pos: int, morph: int) -> _Tok:
    """The features of a token with this row of the Doc's arrays."""
    from spacy.morphology import Morphology

    word = strings[orth]
    pos_name = strings[pos] if tagged and pos else ""
    participle = False
    if morph and pos_name in ("VERB", "AUX", "ADJ"):
        forms = Morphology.feats_to_dict(strings[morph]).get("VerbForm", "")
        participle = "Part" in forms.split(",")
    oblique = False
    if morph and pos_name in _NOUN_POS:
        morph_text = strings[morph]
        oblique = "Case=" in morph_text and "Nom" not in morph_text
    lower = word.lower()
    return _Tok(word, lower, bool(stop) or lower in verbs, bool(punct), opens, pos_name,
                participle, oblique)


# How far around a clause the rules read its neighbours ("the phrase after the next"),
# and what stands for a token they do not read: a mark that ends every phrase.
_AROUND = 8
_GAP = _Tok("", "", True, True, True, "", False, False)


def _phrase_at(toks: list[_Tok], i: int, lang: Language, tagged: bool):
    """(start, end, name_start, head) of the noun phrase starting at token i, or None."""
    if not tagged and toks[i].lower in verb_forms(lang.code):
        return None  # without tags, the language's own call verbs are known not to be nouns
    n = len(toks)
    j = i
    if toks[i].lower in lang.subordinators and i + 1 < n and (
            _proper_name(toks, i + 1, lang) or _conjunction_after_verb(toks, i, lang)):
        # "wil dat PostNL ...", "wil dat werkgevers ...": the conjunction, not the
        # demonstrative (which takes no name, and no plural)
        return None
    if toks[i].lower in lang.articles or (tagged and toks[i].pos in _DET_POS):
        j = i + 1
    if j + 1 < n and toks[j].text.isdigit() and not toks[j + 1].punct and (
            j > i or (i > 0 and toks[i - 1].text in lang.words.get("name_possessives", ()))):
        # a count after the determiner is no part of the name: "the 32 local
        # authorities", "die 16 Länder", "Scotland's 32 councils" (a bare one may open
        # the subject after the verb: "fordern 40 Bürgermeister die Regierung auf")
        j += 1
    name_start = j
    while j < n and _is_modifier(toks, j, lang, tagged):
        j += 1
    if j >= n or not _is_head(toks[j], lang, tagged, j == 0 or toks[j].sent_start):
        return None
    if not tagged and lang.open_compounds:
        # without tags, the head is the last of a run of content words:
        # "incoming European Commission", "world leaders"
        # but a name does not run on into a lower-case word ("President Smith issue"),
        # and an actor that takes a name heads it ("President Smith"), unless another
        # actor follows it ("the city council"); an acronym
        # modifies the words after it ("the UK government", "NHS trusts")
        # and an actor does not run on into a verb with its object ("that the college
        # create a department": a word with an article after it)
        # and an actor that opens a "that" clause is its subject, the verb right after
        # it ("demand that the university divest")
        clause_subject = i > 0 and \
            toks[i - 1].lower in lang.words.get("complementizers", frozenset())
        while True:
            while j + 1 < n and _is_content(toks[j + 1], lang) and (
                    toks[j].lower not in lang.actor_named
                    or toks[j + 1].lower in lang.actor_heads) and not (
                    clause_subject and _ends_clause_subject(toks, j, lang)) and not (
                    toks[j].text[:1].isupper() and toks[j + 1].text[:1].islower()
                    and not _ACRONYM.match(toks[j].text) and not toks[j].sent_start) and not (
                    toks[j].lower in lang.actor_heads and j + 2 < n
                    and toks[j + 2].lower in lang.articles) and not \
                    _trailing_participle(toks, j + 1, lang) and \
                    toks[j + 1].lower not in verb_forms(lang.code):
                j += 1
            # a possessive inside a name: "the National Women's Committee"
            if not _possessive_in_name(toks, j, lang):
                break
            j += 2
    head = j
    j += 1
    head_tok = toks[head]
    if head_tok.lower in lang.words.get("time_nouns", frozenset()) or head_tok.lower in lang.months:
        return None  # "vraagt al jaren om", "by December 1": a time, never one who can be asked
    # A name after an actor that takes one ("Stadt Landau", "de gemeente Utrecht"), or a
    # multi-word proper name where common nouns are lower case ("Autoriteit Persoonsgegevens").
    # An acronym takes a name too: "der LH Wiesbaden", "der DGB Bayern".
    # Where only names are capitalised, a common noun that names no actor classifies the
    # name after it: "groenteverwerker FreshPack", "the retailer Northmart".
    takes_name = _is_title(head_tok.lower, lang) or (
        not lang.nouns_capitalised and head_tok.text[:1].isupper() and not head_tok.sent_start
    ) or _ACRONYM.match(head_tok.text) is not None or (
        not lang.nouns_capitalised and head_tok.text.islower() and j < n
        and toks[j].text[:1].isupper() and not toks[j].sent_start
        and not is_actor_word(head_tok.text, lang))
    while j < n and takes_name and _is_name(toks[j], tagged):
        j += 1
        # a name of two places joined by a slash: "Ortsbeirat Westend/Bleichstraße"
        if j + 1 < n and toks[j].text == "/" and _is_name(toks[j + 1], tagged):
            j += 1
    # an acronym right after an actor that closes the phrase names its region or branch,
    # whatever tag a tagger gives it ("vom Kommunalen Arbeitgeberverband NRW (KAV NW)");
    # one the clause goes on after may be an object of its own ("verzoekt de regering NS
    # te verzoeken")
    if j + 1 < n and j == head + 1 and _ACRONYM.match(toks[j].text) and not toks[j].stop \
            and not _ROMAN.match(toks[j].text) and toks[j + 1].punct \
            and is_actor_word(head_tok.text, lang):
        j += 1
    # a legal form closes a company's name, whatever the head before it: "die
    # ÖBB-Infrastruktur AG", "Southern Water Ltd"
    if j < n and toks[j].lower in lang.words.get("legal_forms", frozenset()):
        j += 1
    # An institution's name that goes on with a preposition ("Department for Transport",
    # "Minister van Financiën"): only when written as a name, with capitals on both sides.
    # Where every noun is capitalised, only an actor's name goes on so ("Bundesministerium
    # für Arbeit und Soziales"), not "Geld für Schulen".
    # A name opening the sentence goes on so where a name follows its preposition ("Dean
    # of Students Kevin Marsh should ...").
    # The name so far ends on the head or on the name a title took ("the state
    # Department of Public Health").
    # Where titles are written in lower case, the owner's preposition names a portfolio
    # after an actor: "de minister van Volkshuisvesting".
    last_tok = toks[j - 1]
    owner = not lang.nouns_capitalised and last_tok.text[:1].islower() \
        and is_actor_word(head_tok.text, lang)
    prepositions = lang.owner_prepositions if owner else lang.name_prepositions
    if owner or (last_tok.text[:1].isupper() and (
            not last_tok.sent_start or (j + 1 < n and _proper_name(toks, j + 1, lang))) and (
            not lang.nouns_capitalised
            or head_tok.lower.endswith(lang.endings("portfolio_endings")))):
        while j + 1 < n and toks[j].lower in prepositions:
            # (with the article a name takes there: "Leader of the Council", "Raad van
            # de Europese Unie")
            # (not where every noun is capitalised: "für die Kosten" is no portfolio)
            article = not lang.nouns_capitalised and _article_before_name(toks, j + 1, lang)
            if not (article or _is_name(toks[j + 1], False)
                    or (owner and _lower_word(toks[j + 1], lang))):
                break
            j += article
            lower_body = toks[j + 1].text[:1].islower()
            j += 2
            while j < n and _is_name(toks[j], False):
                j += 1
            # "Director of Children's Services"
            while _possessive_in_name(toks, j - 1, lang):
                j += 2
                while j < n and _is_name(toks[j], False):
                    j += 1
            # its object may be a series of names: "Office of Diversity and Inclusion",
            # "Department for Culture, Media and Sport"
            # ... but an actor after the joiner starts a name of its own: "the Board of
            # Trustees and President Lee" (not a body's members in lower case)
            # (a comma goes on only into a series that a coordinator ends, not into an
            # apposition: "de Vlaamse minister van Welzijn, Hilde Claeys")
            while j + 1 < n and (toks[j].lower in lang.coordinators or (
                    toks[j].text == "," and _series_goes_on(toks, j + 1, lang))) \
                    and ((lower_body and _lower_word(toks[j + 1], lang))
                         or (_is_name(toks[j + 1], False)
                             and not _starts_own_name(toks[j + 1], lang))):
                j += 2
                while j < n and _is_name(toks[j], False):
                    j += 1
    if tagged:
        while j < n and toks[j].pos == "PROPN" and head_tok.pos == "PROPN":
            j += 1
        j = _bare_genitive_end(toks, j, lang)
    name_start = _after_classifier(toks, name_start, j, lang)
    # (only where a bracket follows, as it rarely does)
    if any(tok.text == "(" for tok in toks[j:j + _ACRONYM_REACH]):
        # a place the short name repeats is the name's too: "Kommunaler
        # Arbeitgeberverband Hessen (KAV Hessen)", "Landesverband Bayern (LV Bayern)"
        j += _repeated_in_short_name(toks, j)
        for first in (name_start, head):
            added = acronym_definition(
                [(tok.text, tok.stop) for tok in toks[first:j]],
                [(tok.text, tok.stop) for tok in toks[j:j + _ACRONYM_REACH]])
            if added:
                return i, j + added, name_start, head
    return i, j, name_start, head


def _repeated_in_short_name(toks: list[_Tok], j: int) -> int:
    """1 where the word at j is a name that the bracketed short name right after it ends
    on, else 0."""
    if j + 2 >= len(toks) or toks[j + 1].text != "(" or not toks[j].text[:1].isupper():
        return 0
    close = next((k for k in range(j + 2, min(len(toks), j + _ACRONYM_REACH))
                  if toks[k].text.startswith(")")), None)
    return int(close is not None and close - 1 > j + 1 and toks[close - 1].text == toks[j].text)


def _bare_genitive_end(toks: list[_Tok], j: int, lang: Language) -> int:
    """Where a genitive plural without article that follows a phrase at token j ends
    ("Tarifgemeinschaft" + "deutscher Länder"): lower-case adjectives with the strong
    ending, and their capitalised noun; j where none follows."""
    endings = lang.endings("bare_genitive_endings")
    k = j
    while endings and k < len(toks) and toks[k].pos == "ADJ" and not toks[k].stop \
            and toks[k].text.islower() and toks[k].lower.endswith(endings):
        k += 1
    if k > j and k < len(toks) and toks[k].pos in _NOUN_POS and toks[k].text[:1].isupper():
        return k + 1
    return j


_ACRONYM_WORDS = 6   # the most capitalised words an acronym's definition adds to a phrase
_ACRONYM_REACH = _ACRONYM_WORDS + 3   # ... and the bracketed acronym after them


def acronym_definition(name: list[tuple[str, bool]], after: list[tuple[str, bool]]) -> int:
    """How many of the (text, is stop word) words `after` a name go on with it up to the
    acronym they define together: "dem Arbeitgeberverband" + "Süßwaren Nord (ASN)",
    "werkgeversvereniging" + "Schoonmaak Nederland (WSN)" (function words are no letter
    of it: "Employers Council of Ulster (ECU)"); 0 where they define none."""
    k = 0
    # (a series of names inside it: "Landesamt für Geologie, Rohstoffe und Bergbau")
    while k < len(after) and k < _ACRONYM_WORDS and (after[k][0].isalpha() or (
            after[k][0] == "," and k + 1 < len(after) and after[k + 1][0][:1].isupper())) \
            and (after[k][0][:1].isupper() or after[k][1] or after[k][0] == ","):
        k += 1
    if k == 0 or k + 2 >= len(after) or after[k][0] != "(" or after[k + 2][0] != ")" \
            or not _short_name(after[k + 1][0]):
        return 0
    words = [(text.lower(), stop) for text, stop in name + after[:k] if text != ","]
    acronym = after[k + 1][0].lower()
    initials = "".join(word[0] for word, stop in words if not stop)
    # ... or one made of the parts of compounds, as German and Dutch write them ("Bundesamt
    # für Wirtschaft und Ausfuhrkontrolle (BAFA)")
    return k if initials == acronym or _compound_acronym(acronym, [w for w, _s in words]) else 0


def _short_name(word: str) -> bool:
    """An acronym, also one with lower-case letters ("BAFA", "KfW", "BaFin")."""
    return bool(_ACRONYM.match(word)) or (
        bool(_MIXED_ACRONYM.match(word)) and sum(c.isupper() for c in word) >= 2)


def _compound_acronym(acronym: str, words: list[str]) -> bool:
    """Whether an acronym's letters stand in order in a name's words: the first is the
    first word's initial, the last stands in the last word."""
    if len(acronym) < 2 or acronym[0] != words[0][:1] or len(words) < 2:
        return False
    text = "".join(words)
    last = text.find(acronym[-1], len(text) - len(words[-1]))
    if last < 0:
        return False
    letters = iter(text[1:last])
    return all(letter in letters for letter in acronym[1:-1])


def _cut_short(word: str) -> bool:
    """Whether a word is a compound cut short before the part it shares with the next
    ("Schul-" in "Schul- und Kita-Träger")."""
    return word.endswith("-")


def _article_before_name(toks: list[_Tok], j: int, lang: Language) -> bool:
    """Whether token j is an article before a name inside a name ("of the Council")."""
    return j + 1 < len(toks) and toks[j].lower in lang.articles \
        and _is_name(toks[j + 1], False)


def _starts_own_name(tok: _Tok, lang: Language) -> bool:
    """Whether a name after the joiner of a series in a name starts a name of its own:
    an actor's own word or a title ("the Board of Trustees and President Lee", "... and
    Council"), not a compound that merely ends on one ("minister van Infrastructuur en
    Waterstaat")."""
    return tok.lower in lang.actor_heads or _is_title(tok.lower, lang)


def _series_goes_on(toks: list[_Tok], start: int, lang: Language) -> bool:
    """Whether the names after a comma in a name run on, across commas, to a
    coordinator ("Department for Culture, Media and Sport")."""
    for tok in toks[start:start + _SERIES_TOKENS]:
        if tok.lower in lang.coordinators:
            return True
        if tok.text != "," and not _is_name(tok, False):
            return False
    return False


_SERIES_TOKENS = 12


def _lower_body(tok: _Tok, lang: Language) -> bool:
    """A body written in lower case after its owner's preposition ("het college van
    burgemeester en schepenen", "de raad van bestuur")."""
    return tok.text[:1].islower() and is_actor_word(tok.text, lang)


def _lower_word(tok: _Tok, lang: Language) -> bool:
    """A lower-case content word: the other members of such a body, joined without an
    article ("en schepenen")."""
    return tok.text.isalpha() and tok.text.islower() \
        and tok.lower not in function_words(lang.code) and tok.lower not in verb_forms(lang.code)


def _trailing_participle(toks: list[_Tok], j: int, lang: Language) -> bool:
    """Whether token j, after a noun, is a participle that modifies it rather than the
    head of a compound: a lower-case participle form that ends the run of content words
    ("world leaders meeting in Belém", "companies operating in", but "the planning
    department")."""
    tok = toks[j]
    return tok.text.islower() and any(p.match(tok.lower) for p in lang.participles) and (
        j + 1 >= len(toks) or not _is_content(toks[j + 1], lang))


def _possessive_in_name(toks: list[_Tok], j: int, lang: Language) -> bool:
    """Whether a name goes on past a possessive after token j: a capitalised word on
    either side ("Women's Committee", "Children’s Commissioner")."""
    if j + 2 >= len(toks) or not toks[j].text[:1].isupper() \
            or not toks[j + 2].text[:1].isupper():
        return False
    mark = toks[j + 1].text
    return mark in lang.words.get("name_possessives", ()) or (
        mark in lang.words.get("plural_possessives", ()) and toks[j].lower.endswith("s"))


def _ends_clause_subject(toks: list[_Tok], j: int, lang: Language) -> bool:
    """Whether the subject of a "that" clause ends at token j, the clause's verb next:
    the word after that one opens its object or complement ("the police commissioner
    resign.", "board members vote against"), or token j is an actor and the next word no
    other actor and no plural ("that landlords freeze rents", not "that school
    governors")."""
    after = toks[j + 2] if j + 2 < len(toks) else None
    if after is None or after.punct or after.lower in lang.articles or \
            after.lower in lang.words.get("prepositions", frozenset()):
        return True
    following = toks[j + 1].lower
    return toks[j].lower in lang.actor_heads and following not in lang.actor_heads \
        and following not in lang.actor_named and not following.endswith("s")


def _conjunction_after_verb(toks: list[_Tok], i: int, lang: Language) -> bool:
    """Whether a word that is a conjunction after a verb and a singular demonstrative
    before a noun is the conjunction: a plural noun or a title follows it, which the
    demonstrative takes neither of ("wil dat werkgevers de lonen verhogen", "wil dat
    minister Bruins ..."). After the one who asks ("wil de bond dat werkgevers ...") or
    any noun it is the conjunction or the relative pronoun, never the demonstrative; so it
    is where it opens a point that goes on from a lead-in ("Wij willen:" + "dat
    woningcorporaties meer ruimte krijgen")."""
    endings = tuple(lang.words.get("plural_endings", ()))
    following = toks[i + 1].lower
    if not endings or (i > 0 and toks[i - 1].lower in lang.words.get("prepositions", ())):
        return False
    return following in lang.actor_named or (
        following.isalpha() and following not in lang.articles and following.endswith(endings))


def _is_modifier(toks: list[_Tok], j: int, lang: Language, tagged: bool) -> bool:
    tok = toks[j]
    if tagged:
        return (tok.pos in _MODIFIER_POS or tok.participle) and tok.lower not in lang.adverbs
    word = tok.text
    if not word.isalpha() or tok.stop or tok.lower in lang.adverbs:
        return False
    if _is_title(tok.lower, lang):
        return False  # a title before a name heads it: "Arbeitsminister Heil"
    if lang.nouns_capitalised:
        # lower-case adjectives ("nächste", "zuständigen") and capitalised proper
        # adjectives before a noun ("Deutsche Bundestag", "Europäische Kommission")
        return _adjective(tok.lower, lang) and (
            word.islower() or (word.istitle() and j + 1 < len(toks)
                               and toks[j + 1].text[:1].isupper()))
    # "komende", "toekomstige": an -e adjective, when a word that can head the phrase
    # follows ("het college een plan": "college" is the head)
    following = toks[j + 1] if j + 1 < len(toks) else None
    if following is None or following.stop or following.punct:
        return False
    if tok.lower in lang.actor_heads:
        return False  # "moet het college ingrijpen": the actor heads, the verb follows
    if not _adjective(tok.lower, lang):
        return False
    if word.islower():
        return True
    # capitalised before a name or an actor ("de Europese commissie"), unless it takes a
    # name itself ("Gedeputeerde Staten")
    # ... or before a common noun that classifies a name ("Twentse machinebouwer HTS")
    return word.istitle() and tok.lower not in lang.actor_named and (
        following.text.istitle() or following.lower in lang.actor_heads or (
            following.text.islower() and j + 2 < len(toks)
            and toks[j + 2].text[:1].isupper() and not toks[j + 2].punct))


def _is_title(lower: str, lang: Language) -> bool:
    """An actor that takes a name, also as the end of a compound where nouns are written
    as one word ("Oberbürgermeister Müller", "Arbeitsminister Heil")."""
    return _is_title_word(lower, lang.code)


@lru_cache(maxsize=65536)
def _is_title_word(lower: str, code: str) -> bool:
    lang = load_language(code)
    stems = [lower] + [lower[:-len(ending)] for ending in lang.words.get("genitive_endings", ())
                       if lower.endswith(ending)]
    return any(stem in lang.actor_named or (lang.nouns_capitalised and any(
        stem.endswith(title) and len(stem) > len(title) for title in lang.actor_named
        if len(title) >= _MIN_TITLE_SUFFIX)) for stem in stems)


def _adjective(word: str, lang: Language) -> bool:
    return any(pattern.match(word) for pattern in lang.adjectives)


def _is_head(tok: _Tok, lang: Language, tagged: bool, at_start: bool) -> bool:
    word = tok.text
    if tagged:
        return tok.pos in _NOUN_POS or (tok.pos == "X" and _ACRONYM.match(word) is not None)
    if tok.punct or not any(c.isalpha() for c in word):
        return False
    if tok.lower in lang.articles or tok.lower in lang.adverbs:
        return False
    if tok.lower in lang.cataphora:
        return False  # "het volgende", "Folgendes": what follows, not a noun
    if lang.nouns_capitalised:
        if tok.stop and not _ACRONYM.match(word):
            return False
        return word[:1].isupper() and not (at_start and tok.lower in lang.subordinators)
    return not tok.stop and (word.isalpha() or "-" in word or _CODED_NAME.match(word) is not None)


def _is_content(tok: _Tok, lang: Language) -> bool:
    return (tok.text.replace("-", "").isalpha() and not tok.stop and not tok.punct
            and tok.lower not in lang.adverbs and tok.lower not in lang.articles
            and tok.lower not in lang.subordinators and tok.lower not in lang.name_prepositions)


def _is_name(tok: _Tok, tagged: bool) -> bool:
    if tagged:
        return tok.pos == "PROPN"
    return tok.text[:1].isupper() and tok.text.replace("-", "").isalpha() \
        and not tok.sent_start


def _titled(tok: _Tok, lang: Language) -> bool:
    return tok.lower in lang.actor_named and tok.text[:1].isupper()


@cache
def _genitive_only(code: str) -> frozenset[str]:
    """Articles only a genitive takes ("des", "eines"; not "der")."""
    lang = load_language(code)
    return lang.words.get("genitive_articles", frozenset()) - frozenset(lang.nominative_articles)


def _group(toks: list[_Tok], simple, lang: Language) -> list[Phrase]:
    """Coordinated phrases ("die Bundesregierung und die Länder") as one group."""
    phrases: list[Phrase] = []
    index = 0
    while index < len(simple):
        members = [simple[index]]
        first_has_article = toks[members[0][0]].lower in lang.articles
        while index + 1 < len(simple):
            end = members[-1][1]
            following = simple[index + 1]
            # one joining word between, and members that look alike: all with an article
            # or all without
            if _correlated(toks, members[0][0], end, following[0], lang):
                members.append(following)
                index += 1
                continue
            # (past the short name in brackets after a member: "den Verkehrsverbund
            # Rhein-Neckar (VRN), das Land und die Landkreise")
            if end + 3 < following[0] and toks[end].text == "(" and toks[end + 2].text == ")":
                end += 3
            if following[0] - end != 1:
                break
            joiner = toks[end]
            # a title before a name takes no article, nor does a name: "the trustees and
            # President Lee", "President Lee and the trustees", "the President and Congress"
            alike = (toks[following[0]].lower in lang.articles) == first_has_article or \
                _titled(toks[following[0]], lang) or _titled(toks[members[0][0]], lang) \
                or _proper_name(toks, following[0], lang) \
                or _paired(toks, members[-1][3], following[3], lang) \
                or _cut_short(toks[end - 1].text) \
                or (first_has_article and joiner.text.isalpha()
                    and _shares_article(toks, following, lang))
            if alike and (joiner.lower in lang.coordinators or joiner.text == ","):
                members.append(following)
                index += 1
            else:
                break
        # "A, B" without a conjunction closing the series is an apposition, not a group;
        # so is what follows a series that one closed ("A und B, die Fachkräfte")
        while len(members) > 1 and toks[members[-2][1]].text == ",":
            members.pop()
            index -= 1
        members = _pairs_joined(toks, members, lang)
        start = members[0][0]
        phrases.append(Phrase(
            start=start,
            end=members[-1][1],
            members=tuple((s, e, ns) for s, e, ns, _ in members),
            actors=tuple(_member_is_actor(toks, m, lang) for m in members),
            # where the morphology marks the head's case, it decides ("müssen die
            # Hochschulen ... ausstatten": the object after the modal)
            nominative=(toks[start].lower in lang.nominative_articles
                        or toks[start].lower not in lang.articles)
            and not toks[members[0][3]].oblique,
        ))
        index += 1
    return phrases


def _shares_article(toks: list[_Tok], member, lang: Language) -> bool:
    """Whether a member after a conjunction shares the first member's article: it is one
    noun without one ("de steden en gemeenten", "die Dörfer und Ortsteile"), or opens on
    an adjective before an actor ("den Landkreisen und kreisfreien Städten", "the
    councils and local health boards")."""
    start, end, name_start, head = member
    if start != name_start:
        return False
    if start == head == end - 1:
        return True  # a bare noun: "die Dörfer und Ortsteile"
    return start < head and toks[start].text[:1].islower() \
        and is_actor_word(toks[end - 1].text, lang)


def _pairs_joined(toks: list[_Tok], members: list, lang: Language) -> list:
    """Members that name one group in its women's and men's forms ("Bürgermeisterinnen
    und Bürgermeister", "Lehrer und Lehrerinnen") as one member: one addressee."""
    if len(members) < 2:
        return members
    joined = [members[0]]
    for member in members[1:]:
        before = joined[-1]
        # a compound cut short before its shared last part names one group with the
        # next: "Schul- und Kita-Träger", "gemeente- en provinciebesturen"
        if _paired(toks, before[3], member[3], lang) or _cut_short(toks[before[1] - 1].text) \
                or _places_of_one_body(toks, before, member, lang):
            # (a name the joined words classify starts where it does: "groente- en
            # fruitverwerker FreshPack")
            joined[-1] = (before[0], member[1],
                          _after_classifier(toks, before[2], member[1], lang), member[3])
        else:
            joined.append(member)
    return joined


def _places_of_one_body(toks: list[_Tok], before, member, lang: Language) -> bool:
    """Whether a name of one word and the name after "and" name one body: "the Calder and
    Rossendale Combined Transport Authority", "the Overview and Scrutiny Committee"
    (where only names are capitalised: the first names no actor, the second, without an
    article, ends on one)."""
    _start, end, name_start, head = before
    m_start, m_end, m_name_start, _head = member
    return not lang.nouns_capitalised and head == name_start and end == head + 1 \
        and toks[head].text[:1].isupper() and not is_actor_word(toks[head].text, lang) \
        and toks[end].lower in lang.coordinators and m_start == m_name_start == end + 1 \
        and m_end - m_start >= 2 and is_actor_word(toks[m_end - 1].text, lang) \
        and all(tok.text[:1].isupper() for tok in toks[m_start:m_end])


def _paired(toks: list[_Tok], head: int, other: int, lang: Language) -> bool:
    """Whether the heads at `head` and `other` are one group's women's and men's forms."""
    suffixes = tuple(lang.words.get("feminine_suffixes", ()))
    first, second = toks[head].lower, toks[other].lower
    return bool(suffixes) and (_gender_pair(first, second, suffixes)
                               or _gender_pair(second, first, suffixes))


def _gender_pair(feminine: str, other: str, suffixes: tuple[str, ...]) -> bool:
    """Whether `feminine` is the women's form of `other`: its stem with a feminine suffix
    ("lehrerinnen"/"lehrer", "ärztinnen"/"ärzte", "kolleginnen"/"kollegen")."""
    return any(feminine.endswith(suffix) and len(feminine) > len(suffix) + 2
               and other.startswith(feminine[:-len(suffix)]) and len(other) < len(feminine)
               for suffix in suffixes)


def _correlated(toks: list[_Tok], first: int, end: int, following: int,
                lang: Language) -> bool:
    """Whether two phrases are joined by a correlative pair: "sowohl den Staat als auch
    die Unternehmer", "zowel het kabinet als de gemeenten"."""
    if first == 0 or not lang.correlatives:
        return False
    pair = (toks[first - 1].lower, " ".join(tok.lower for tok in toks[end:following]))
    return pair in lang.correlatives


def _member_is_actor(toks: list[_Tok], member, lang: Language) -> bool:
    _start, end, name_start, head = member
    if end - name_start >= 2 and \
            f"{toks[end - 2].lower} {toks[end - 1].lower}" in lang.actor_heads:
        return True
    word = toks[head].text
    # a name written as one, from its head on, wherever its capitals stand ("Dean of
    # Students Kevin Marsh should", at the opening of a sentence; not a name that only
    # modifies the head: "NI public sector procurement")
    if any(_proper_name(toks, index, lang) for index in range(head, end)):
        return True
    if _shouted(toks, head):
        # "DIE KOSTEN MÜSSEN SINKEN": capitals that run on are emphasis, not an acronym
        word = word.capitalize()
    return is_actor_word(word, lang)


def _proper_name(toks: list[_Tok], index: int, lang: Language) -> bool:
    """Where common nouns are written in lower case, a capitalised head that does not
    open the sentence is a name: "The Office of Student Affairs must", "Dean Okafor"."""
    tok = toks[index]
    return not lang.nouns_capitalised and tok.text[:1].isupper() and not tok.sent_start \
        and not _shouted(toks, index) and tok.text.isalpha() \
        and not _title_cased(toks, index)


def _title_cased(toks: list[_Tok], index: int) -> bool:
    """Whether the sentence around `index` capitalises its every content word ("Tuition
    Fees Must Be Frozen"): there capitals mark no name."""
    start = index
    while start > 0 and not toks[start].sent_start:
        start -= 1
    end = index + 1
    while end < len(toks) and not toks[end].sent_start:
        end += 1
    words = [t.text for t in toks[start:end] if t.text.isalpha() and not t.stop]
    return len(words) >= 3 and all(word[:1].isupper() for word in words)


def _shouted(toks: list[_Tok], index: int) -> bool:
    def caps(i: int) -> bool:
        return 0 <= i < len(toks) and len(toks[i].text) > 1 and toks[i].text.isalpha() \
            and toks[i].text.isupper()
    return caps(index) and (caps(index - 1) or caps(index + 1))


def mark_phrases(doc: Doc, phrases: list[Phrase]) -> None:
    """Write the phrases into the Doc's entities, labelled for the addressee patterns'
    slots (NP, ACTOR, SUBJECT; see demandx.patterns)."""
    spans = []
    for phrase in phrases:
        label = (SUBJECT if phrase.nominative else ACTOR) if phrase.is_actor else PHRASE
        spans.append(Span(doc, phrase.start, phrase.end, label=label))
    doc.set_ents(spans, default="outside")


def phrase_names(doc: Doc, phrase: Phrase, actors_only: bool, lang: Language) -> list[str]:
    """The names of a phrase group's members (only the actors among them if asked). A
    member that is only a genitive ("die Mitglieder des Senats und des
    Abgeordnetenhauses") names the head before it with its own owner."""
    names = []
    genitives = _genitive_only(lang.code)
    for index, ((start, end, name_start), actor) in enumerate(
            zip(phrase.members, phrase.actors, strict=True)):
        if actors_only and not actor:
            continue
        text = doc[name_start:end].text
        if index and doc[start].lower_ in genitives:
            _start, before_end, before_name = phrase.members[index - 1]
            owner = next((i for i in range(before_name + 1, before_end)
                          if doc[i].lower_ in genitives), None)
            if owner is not None:
                text = f"{doc[before_name:owner].text} {doc[start:end].text}"
        name = named(text, lang)
        if name:
            names.append(name)
    return names


def owned_by_reader(doc: Doc, phrase: Phrase, lang: Language) -> bool:
    """Whether the reader's possessive opens the phrase ("uw aandacht", "your support"):
    it names something of the one the letter asks, who is not that thing."""
    return any(_reader_possessive(doc[i].lower_, lang)
               for i in range(max(phrase.start - 1, 0), phrase.start + 1))


def _reader_possessive(word: str, lang: Language) -> bool:
    return word in lang.words.get("reader_possessives", frozenset())


def clean_name(text: str) -> str:
    """An addressee name without quotes, trailing punctuation or doubled spaces (but the
    last dot of an abbreviation it ends on: "Stedin Netbeheer B.V.")."""
    text = " ".join(text.split())
    cleaned = text.strip(_NAME_TRIM)
    start = len(text) - len(text.lstrip(_NAME_TRIM))
    if _DOTTED_END.search(cleaned) and text[start + len(cleaned):][:1] == ".":
        cleaned += "."
    return cleaned


_NAME_TRIM = " ,;:.!?\"'„“”«»()[]"
# an abbreviation written with dots ("B.V", "e.V") whose last dot the trimming took
_DOTTED_END = re.compile(r"(?:^|\s)(?:\w\.)+\w$")


def named(text: str, lang: Language) -> str:
    """The name of a phrase as an addressee is named: clean, and without the case ending
    its head takes after a preposition ("von Bund und Ländern", "den Schulträgern" name
    "Länder", "Schulträger"), where the lexicon knows the head without it."""
    name = clean_name(text)
    words = name.split(" ")
    functions = function_words(lang.code)
    # the head is the last word, or the one before a genitive or preposition after it
    # ("Landesverbänden der Pflegekassen", "Mitglieder in Aufsichtsräten")
    if words[0].lower() in functions:
        return name
    at = next((index - 1 for index, word in enumerate(words) if word.lower() in functions),
              len(words) - 1)
    words[at] = _without_case_ending(words[at], lang)
    return " ".join(words)


def may_cite(names: list[str], lang: Language) -> bool:
    """Whether a name may hold an adjective whose case ending its citation form
    replaces (see `cited_names`): a word before the last that ends on one."""
    if not lang.citation_adjective_endings:
        return False
    endings = lang.endings("inflected_adjective_endings")
    return any(word.lower().endswith(endings)
               for name in names for word in name.split(" ")[:-1])


def cited_names(names: list[str], doc: Doc, lang: Language) -> list[str]:
    """Names as they are cited: the adjectives before the head in the nominative without
    article (`citation_adjective_endings`), as the morphology of the parsed clause says
    they agree: "vom Kommunalen Arbeitgeberverband NRW" asks the "Kommunaler
    Arbeitgeberverband NRW", "den kreisfreien Städten" the "kreisfreie Städte". A name
    the clause does not spell word for word is left as it is."""
    if not may_cite(names, lang):
        return names
    return dedupe([_cited(name, doc, lang) for name in names])


def _cited(name: str, doc: Doc, lang: Language) -> str:
    words = name.split(" ")
    if len(words) < 2:
        return name
    functions = function_words(lang.code)
    for start in range(len(doc) - len(words) + 1):
        tokens = doc[start:start + len(words)]
        if all(token.text == word for token, word in zip(tokens[:-1], words, strict=False)) \
                and tokens[-1].text.startswith(words[-1]):
            break
    else:
        return name
    # the article before the name, where it says its number
    article = doc[tokens.start - 1] if tokens.start else None
    if article is not None and (article.pos_ not in ("DET", "ADP")
                                or not article.morph.get("Number")):
        article = None
    for position, token in enumerate(tokens[:-1]):
        if token.lower_ in functions:
            break  # "Vorstand der Kassenärztlichen Vereinigung": another phrase's
        noun = next((t for t in tokens[position + 1:]
                     if t.pos_ != "ADJ" and not _adjective_shaped(t, lang)), None)
        if (token.pos_ == "ADJ" or _adjective_shaped(token, lang)) and noun is not None \
                and noun.pos_ in ("NOUN", "PROPN"):
            words[position] = _cited_adjective(token, noun, article, lang)
    return " ".join(words)


def _adjective_shaped(token, lang: Language) -> bool:
    """Whether a word the tagger took for a noun is an adjective by its shape: an
    adjective's stem with an inflected ending ("Sächsischen", "Kommunalen")."""
    lower = token.lower_
    return token.pos_ == "NOUN" and any(
        lower.endswith(ending) and lower[:-len(ending)].endswith(lang.endings(
            "adjective_stem_endings")) for ending in lang.endings("inflected_adjective_endings"))


def _cited_adjective(token, noun, article, lang: Language) -> str:
    """The adjective with the ending of its number and gender, where the morphology
    gives it the number and gender of its noun and the number of its article (a tagger
    that disagrees with itself is not followed: "Die kommunalen Aufgabenträger" read as
    a singular; "vom" is masculine or neuter)."""
    # (a word the tagger took for a noun has the features of that reading: the noun it
    # stands before has the ones it agrees with)
    agrees = token if token.pos_ == "ADJ" else noun
    number, gender = agrees.morph.get("Number"), agrees.morph.get("Gender")
    key = "plur" if number == ["Plur"] else (gender[0].lower() if len(gender) == 1 else "")
    # (an article whose form shows the gender the adjective and noun agree on agrees with
    # them, whatever number the tagger gave it: "den Hessischen Landtag" is no plural)
    shows = article is not None and lang.citation_gender_articles.get(article.lower_) == key
    if number != noun.morph.get("Number") or (
            number == ["Sing"] and gender != noun.morph.get("Gender")) or (
            article is not None and number != article.morph.get("Number") and not shows):
        return token.text
    if key in set(lang.citation_gender_articles.values()) and (
            article is None or lang.citation_gender_articles.get(article.lower_) != key):
        return token.text  # a masculine or neuter its article does not show
    target = lang.citation_adjective_endings.get(key)
    if target is None or not token.text[:1].isalpha():
        return token.text
    for ending in sorted(lang.endings("inflected_adjective_endings"), key=len, reverse=True):
        if token.lower_.endswith(ending) and len(token.text) > len(ending) + 2:
            return token.text[:len(token.text) - len(ending)] + target
    return token.text


def _without_case_ending(word: str, lang: Language) -> str:
    lower = word.lower()
    if _ends_on_head(lower, lang.code):
        return word  # the ending is the plural's own ("Schulbehörden", "Kommunen")
    for ending in lang.words.get("case_endings", ()):
        if lower.endswith(ending) and _ends_on_head(lower[:-len(ending)], lang.code):
            return word[:len(word) - len(ending)]
    return word


@lru_cache(maxsize=65536)
def _ends_on_head(word: str, code: str) -> bool:
    """Whether a word is an actor head of the lexicon, or a compound that ends on one."""
    lang = load_language(code)
    return word in lang.actor_heads or any(
        word.endswith(head) and len(word) > len(head) + 2 and len(head) > 3
        for head in lang.actor_heads)


def dedupe(names: list[str]) -> list[str]:
    """Names in first-seen order, each once (case-insensitively)."""
    seen: set[str] = set()
    out = []
    for name in names:
        key = name.lower()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out


# --- addressees from the dependency parse -------------------------------------------

GRAMMAR_COMPONENT = "demandx_addressees"
# The patterns labelled so find the subject a modal obliges: an addressee only when the
# language's actor list says it names one that can act
SUBJECT_LABEL = "subject"
# ... and the agent of a passive a modal obliges ("muss vom Land getragen werden"), in
# whatever case its preposition takes
AGENT_LABEL = "agent"
OBJECT_LABEL = "object"
# The patterns labelled so find the subject of the clause a demand verb asks for ("fordern,
# dass die Kita-Träger ... einstellen"): the parse may miss a coordinated one that the
# surface rules read ("dass der DFB ... und die Politik ..."), so these add to them
COMPLEMENT_LABEL = "complement"
# The patterns labelled so find an object set before the verb that the parse took for
# its subject ("Die Bezirksregierung bitten wir, ..."): only one before its verb is
FRONTED_LABEL = "fronted"
SPANS_KEY = "dx_addressees"
# Dependents that belong to an addressee's name: "zuständigen Landesministerien",
# "Vlaamse regering", "Stadt Landau", "world leaders".
_NAME_DEPS = {"amod", "compound", "flat", "flat:name", "fixed", "nummod", "goeswith"}
# Words that do not start a name, whatever the parse attaches: "Ook de provincies"
_NOT_IN_NAMES = {"DET", "ADP", "PUNCT", "ADV", "CCONJ", "SCONJ", "PRON", "PART"}


@SpacyLanguage.factory(GRAMMAR_COMPONENT, default_config={"spans_key": SPANS_KEY})
def make_addressee_ruler(nlp: SpacyLanguage, name: str, spans_key: str) -> AddresseeRuler:
    """Factory: an AddresseeRuler, its patterns given in `initialize`."""
    return AddresseeRuler(nlp.vocab, name, spans_key)


class AddresseeRuler:
    """Finds who a demand clause asks to act from its dependency parse, in the manner of
    spaCy's SpanRuler: DependencyMatcher patterns passed in `initialize` (from the
    language file's `addressee_grammar`), results as spans on `doc.spans[spans_key]`
    labelled with the construction ("object", "passive", "to", "from", "subject",
    "complement"), serialisable.

    Each pattern names one node "addressee": the noun that is the object of a call
    verb, the subject of a passive call, the object of "an"/"von"/"op"/"on". Whatever
    the noun is, it is the addressee; its name is the noun with the modifiers and name
    parts the parse attaches to it, and each noun coordinated with it is an addressee
    too ("die Bundesregierung und die Länder")."""

    def __init__(self, vocab, name: str = GRAMMAR_COMPONENT, spans_key: str = SPANS_KEY):
        self.vocab = vocab
        self.name = name
        self.spans_key = spans_key
        self.clear()

    @property
    def patterns(self) -> list[dict[str, Any]]:
        return list(self._patterns)

    def clear(self) -> None:
        self._patterns: list[dict[str, Any]] = []
        self.name_prepositions: frozenset[str] = frozenset()
        self.owner_prepositions: frozenset[str] = frozenset()
        self.role_particles: frozenset[str] = frozenset()
        self.pair_suffixes: tuple[str, ...] = ()
        self._addressee_node: dict[str, int] = {}
        self.matcher = DependencyMatcher(self.vocab, validate=True)

    def initialize(self, get_examples=None, *, nlp=None,
                   patterns: list[dict[str, Any]] | None = None,
                   name_prepositions: list[str] | None = None,
                   owner_prepositions: list[str] | None = None,
                   role_particles: list[str] | None = None,
                   pair_suffixes: list[str] | None = None) -> None:
        """`patterns`: {"label", "pattern"} entries; `name_prepositions`: prepositions
        that may stand inside an institution's name ("Department for Transport");
        `owner_prepositions`: those of them that join a portfolio or a body written in
        lower case ("minister van justitie", "college van burgemeester en wethouders");
        `role_particles`: the words that give the part an actor acts in, which is no
        part of its name ("de gemeente als werkgever"); `pair_suffixes`: the endings of a
        group's women's form, which with the men's form names one group ("Mieterinnen
        und Mietern")."""
        self.clear()
        self.add_patterns(patterns or [])
        self.name_prepositions = frozenset(name_prepositions or ())
        self.owner_prepositions = frozenset(owner_prepositions or ())
        self.role_particles = frozenset(role_particles or ())
        self.pair_suffixes = tuple(pair_suffixes or ())

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        for entry in patterns:
            key = f"{entry['label']}:{len(self._patterns)}"
            nodes = entry["pattern"]
            self.matcher.add(key, [nodes])
            self._addressee_node[key] = [n["RIGHT_ID"] for n in nodes].index("addressee")
            self._patterns.append({"label": entry["label"], "pattern": nodes})

    def __call__(self, doc: Doc) -> Doc:
        found: dict[tuple[int, int], str] = {}
        if self._patterns and doc.has_annotation("DEP"):
            by_verb: dict[int, list[tuple[str, int]]] = {}
            for match_id, tokens in self.matcher(doc):
                key = self.vocab.strings[match_id]
                if key.startswith(COMPLEMENT_LABEL + ":") and _marked(doc[tokens[0]]):
                    continue
                if key.startswith(SUBJECT_LABEL + ":") and not _shares_subject(
                        doc[tokens[0]], doc[tokens[self._addressee_node[key]]]):
                    continue
                # the first node of every pattern is the call verb
                by_verb.setdefault(tokens[0], []).append(
                    (key.split(":", 1)[0], tokens[self._addressee_node[key]]))
            for _verb, candidates in sorted(by_verb.items()):
                for label, index in _first_object(doc, _without_appositions(doc, candidates)):
                    head = doc[index]
                    for start, end in _groups_joined(doc, [
                            _name_span(token, self.name_prepositions, self.owner_prepositions,
                                       self.role_particles)
                            for token in (head, *_conjuncts(head))
                            if not _in_role(token, self.role_particles)], self.pair_suffixes):
                        found.setdefault((start, end), label)
        doc.spans[self.spans_key] = [Span(doc, start, end, label=label)
                                     for (start, end), label in sorted(found.items())]
        return doc

    def _settings(self) -> dict[str, Any]:
        return {"patterns": self._patterns,
                "name_prepositions": sorted(self.name_prepositions),
                "owner_prepositions": sorted(self.owner_prepositions),
                "role_particles": sorted(self.role_particles),
                "pair_suffixes": sorted(self.pair_suffixes)}

    def to_bytes(self, *, exclude=()) -> bytes:
        return srsly.json_dumps(self._settings()).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=()) -> AddresseeRuler:
        self.initialize(**srsly.json_loads(data.decode("utf-8")))
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "settings.json", self._settings())

    def from_disk(self, path, *, exclude=()) -> AddresseeRuler:
        self.initialize(**srsly.read_json(Path(path) / "settings.json"))
        return self


def _in_role(token, role_particles: frozenset[str]) -> bool:
    """Whether a noun gives the part an actor acts in ("Die Kommunen als Schulträger",
    "de gemeente als werkgever"), however the parse attaches its particle."""
    return any(child.lower_ in role_particles and child.i < token.i
               for child in token.children if child.dep_ in ("case", "mark", "cc"))


def _groups_joined(doc: Doc, spans: list[tuple[int, int]],
                   pair_suffixes: tuple[str, ...]) -> list[tuple[int, int]]:
    """Coordinated names that name one group as one name: a compound cut short before
    the part it shares with the next ("Schul- und Kita-Träger", not "Schul-"), and a
    group's women's and men's forms ("rät den Mieterinnen und Mietern")."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and start > joined[-1][0] and (
                _cut_short(doc[joined[-1][1] - 1].text)
                or _gender_forms(doc, joined[-1][1], start, end, pair_suffixes)):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def _gender_forms(doc: Doc, before_end: int, start: int, end: int,
                  suffixes: tuple[str, ...]) -> bool:
    """Whether the names before `before_end` and from `start` to `end`, one conjunction
    between them, end on one group's women's and men's forms."""
    if not suffixes or start != before_end + 1 or doc[before_end].pos_ != "CCONJ":
        return False
    first, second = doc[before_end - 1].lower_, doc[end - 1].lower_
    return _gender_pair(first, second, suffixes) or _gender_pair(second, first, suffixes)


def _shares_subject(modal, subject) -> bool:
    """Whether the verb a modal goes with may take a subject the parse hangs on another
    verb: only a conjunct whose modal follows its coordinator, of a verb no subordinator
    opens ("Der Bund dürfe sich nicht zurückziehen und müsse ...
    fortsetzen"; not "Da Kitaträger ... erhalten, sollten diese Mieten ... angeboten
    werden", a main clause the parse joined to the clause before it)."""
    verb = modal.head
    if subject.head == verb or modal.dep_ == "ROOT" or subject.head == modal:
        return True
    # the clause leaves its subject out only where the modal follows the coordinator
    # right away ("und müsse", "en moet"; not "und die Länder müssen", "en daarom
    # moeten de gemeenten")
    before = modal.doc[modal.i - 1] if modal.i else None
    return before is not None and (before.pos_ == "CCONJ" or before.text == ",") \
        and not _marked(subject.head)


def _marked(verb) -> bool:
    """Whether a verb is opened by a marker ("omdat wij verwachten dat ...", "verzoekt de
    regering te eisen dat ..."): a reason given or what another is to ask, not the call
    whose clause names the one asked."""
    return any(child.dep_ == "mark" for child in verb.children)


def _without_appositions(doc: Doc, candidates: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """One verb's addressees, less an inserted phrase when another is not: "fordert Anna
    Beispiel, Präsidentin des Verbands, die Landesregierung auf" (the parse may take the
    subject's apposition for a second object). An inserted phrase stands between commas;
    where case is marked, it is also in the nominative."""
    unique = sorted(set(candidates), key=lambda c: c[1])
    if len(unique) < 2:
        return unique
    # (a phrase that goes on with the series of the one before is no insertion)
    series = {c for before, c in pairwise(unique) if _series_goes_on_with(doc, before[1], c[1])}
    for inserted in (_between_commas, _nominative):
        kept = [c for c in unique if c in series or not inserted(doc, c[1])]
        if kept and len(kept) < len(unique):
            return kept
    return unique


def _first_object(doc: Doc, candidates: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """One verb's objects less all but the first: the one asked comes before what it is
    asked to do, whose objects the parse may hang on the call verb too ("verzoekt de
    regering de wet in te trekken", "verzoeken u dringend de vergunningverlening ...").
    The first goes on into a series that commas join and a coordinator closes, which the
    parse may take for several objects ("fordern den Verkehrsverbund (VRN), das Land und
    die Landkreise auf")."""
    objects = sorted((c for c in candidates if c[0] == OBJECT_LABEL), key=lambda c: c[1])
    if len(objects) < 2:
        return candidates
    kept = [objects[0]]
    for candidate in objects[1:]:
        if not _series_goes_on_with(doc, kept[-1][1], candidate[1]):
            break
        kept.append(candidate)
    return [c for c in candidates if c[0] != OBJECT_LABEL or c in kept]


def _series_goes_on_with(doc: Doc, before: int, index: int) -> bool:
    """Whether the noun at `index` goes on, after a comma, with the series of the noun at
    `before`, and a coordinator closes that series on it."""
    def bounds(i: int) -> tuple[int, int]:
        words = [t.i for t in doc[i].subtree if not t.is_punct]
        return min(words), max(words)

    _start, end = bounds(before)
    start, _end = bounds(index)
    between = doc[end + 1:start]
    return len(between) > 0 and all(t.is_punct for t in between) \
        and any(t.text == "," for t in between) and bool(_conjuncts(doc[index]))


def _marked_not_nominative(token) -> bool:
    """Whether the morphology marks a case on the token, and not the nominative, on it
    or its article (the article's form tells the case more often than the noun's)."""
    return bool(token.morph.get("Case")) and not _nominative(token.doc, token.i) and not any(
        child.dep_ == "det" and _nominative(token.doc, child.i) for child in token.children)


def _bare_before_verb(token) -> bool:
    """Whether a noun without an article opens its clause before the verb it is the
    subject of ("Landkreise und kreisfreie Städte sollen ..."): the case a tagger gives a
    bare noun is a guess, and the place before the verb is the subject's (not after a
    conjunction: "Da Kitaträger ... erhalten, sollten ...")."""
    first = min(t.i for t in token.subtree)
    opens = first == 0 or token.doc[first - 1].is_punct or token.doc[first].is_sent_start
    return opens and token.i < token.head.i \
        and not any(child.dep_ == "det" for child in token.children) \
        and not any(t.dep_ == "aux" and t.i < token.i for t in token.head.children)


def _nominative(doc: Doc, index: int) -> bool:
    return "Nom" in doc[index].morph.get("Case")


def _between_commas(doc: Doc, index: int) -> bool:
    words = [t.i for t in doc[index].subtree if not t.is_punct]
    start, end = min(words), max(words) + 1
    return start > 0 and doc[start - 1].text == "," and end < len(doc) and doc[end].text == ","


def _conjuncts(token) -> list:
    """Nouns coordinated with an addressee: "die Bundesregierung und die Länder"."""
    return [child for child in token.children
            if child.dep_ == "conj" and child.pos_ in _NOUN_POS and child.i > token.i]


def _conjunct_chain(token) -> list:
    """The conjuncts of `token`, also where a parser chains each to the one before it
    ("für Gesundheit, Pflege und Prävention": "Prävention" hung on "Pflege")."""
    chain = []
    for conjunct in _conjuncts(token):
        chain += [conjunct, *_conjunct_chain(conjunct)]
    return chain


def _name_span(token, name_prepositions: frozenset[str],
               owner_prepositions: frozenset[str] = frozenset(),
               role_particles: frozenset[str] = frozenset()) -> tuple[int, int]:
    """Token range of the name of the noun at `token`: its modifiers and name parts, a
    genitive owner ("Mitglieder des Senats"), and a prepositional part of an
    institution's name written as a name ("Department for Transport"); no article, no
    clause."""
    keep = {token.i}

    def add(word) -> None:
        for child in word.children:
            dep = child.dep_
            cases = [c.lower_ for c in child.children if c.dep_ == "case"]
            # a noun after it in another case than the genitive is no owner, whatever
            # the parse says ("Fraktionen ein offenes Ohr")
            # (where its article marks a case, the article's form decides: "der
            # öffentlichen Universitäten" is one, "jeder Schule" in "die Länder jeder Schule
            # ein Budget" none)
            marked = [det.morph.get("Case") for det in child.children
                      if det.dep_ == "det" and det.morph.get("Case")] or [child.morph.get("Case")]
            not_genitive = all(case and "Gen" not in case for case in marked)
            # a prepositional name part takes no article: "Bundesministerium für Arbeit
            # und Soziales", "Department for Transport", not "Stadt für die Sanierung"
            # Where titles are written in lower case, a portfolio or body after the
            # owner's preposition is named too: "de minister van Volkshuisvesting",
            # "het college van burgemeester en schepenen"
            # (nor across a conjunction: "Die Universitäten und die Zentren für ..." where
            # the parse hangs the portfolio on the first)
            named = bool(cases) and all(case in name_prepositions for case in cases) \
                and not any(c.dep_ == "det" for c in child.children) \
                and not any(t.dep_ in ("cc", "conj") for t in word.doc[word.i + 1:child.i]) \
                and (
                    (word.text[:1].isupper() and child.text[:1].isupper())
                    or (word.text[:1].islower() and all(
                        case in owner_prepositions for case in cases)))
            owner = dep == "nmod" and child.i > word.i and (not cases or named) and not (
                not cases and not_genitive)
            # a name right after a title, no comma between ("Bürgermeister Müller",
            # "Minister Kuipers"), which parsers attach as an apposition
            titled = dep == "appos" and child.i == word.i + 1 and child.text[:1].isupper()
            # ... and a proper name right after a body, which it names ("Landesregierung
            # NRW", "Gemeinderat Bern"), whatever case the parse gives it
            titled = titled or (dep in ("nmod", "flat", "appos") and child.i == word.i + 1
                                and child.pos_ == "PROPN" and not cases)
            if _in_role(child, role_particles):
                continue  # "de gemeente als werkgever": the part it acts in
            if dep in _NAME_DEPS or owner or titled:
                keep.add(child.i)
                add(child)
                if owner and named:
                    keep.update(c.i for c in _conjunct_chain(child)
                                if c.text[:1].isupper() or word.text[:1].islower())

    add(token)
    start, end = min(keep), max(keep) + 1
    doc = token.doc
    # a name is one stretch: stop at a comma or bracket inside it, unless the comma is
    # part of a series the name ends on ("für Soziales, Gesundheit, Pflege und
    # Konsumentenschutz")
    for index in range(token.i, end):
        if doc[index].is_punct and doc[index].text not in ("-", "&", ".") and not (
                doc[index].text == "," and _series_to(doc, index + 1, end)):
            end = index
            break
    for index in range(token.i, start - 1, -1):
        if doc[index].is_punct and doc[index].text not in ("-", "&", "."):
            start = index + 1
            break
    end = _portfolio_series_end(doc, start, end, name_prepositions | owner_prepositions)
    if _described_short_name([t.text for t in doc[start:token.i + 1]]) == token.i - start:
        start = token.i  # "die landeseigene HOWOGE": the words before a short name describe it
    while start < token.i and doc[start].pos_ in _NOT_IN_NAMES:
        start += 1
    end += acronym_definition([(t.text, t.is_stop) for t in doc[start:end]],
                              [(t.text, t.is_stop) for t in doc[end:end + _ACRONYM_REACH]])
    return start, end


def _portfolio_series_end(doc: Doc, start: int, end: int,
                          prepositions: frozenset[str]) -> int:
    """Where a portfolio the parse cut at its first comma ends: the series of capitalised
    names after it that a conjunction closes ("minister van Landbouw, Visserij,
    Voedselzekerheid en Natuur", where the parse hangs the rest elsewhere)."""
    if end >= len(doc) or doc[end].text != "," or not doc[end - 1].text[:1].isupper() \
            or not any(t.lower_ in prepositions for t in doc[start:end]):
        return end
    index = end
    while index + 1 < len(doc) and doc[index].text == "," and doc[index + 1].is_title:
        index += 2
    if index + 1 < len(doc) and (doc[index].dep_ == "cc" or doc[index].pos_ == "CCONJ") \
            and doc[index + 1].is_title:
        return index + 2
    return end


def _series_to(doc: Doc, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` are names in a series that a conjunction
    closes: "Gesundheit, Pflege und Konsumentenschutz"."""
    words = doc[start:end]
    return any(t.dep_ == "cc" for t in words) and all(
        t.text == "," or t.dep_ == "cc" or t.text[:1].isupper() for t in words)


def grammar_names(doc: Doc, lang: Language, salutation: list[str],
                  obliged: bool = True) -> list[str]:
    """The addressees the AddresseeRuler found in `doc`: names as written, without
    article; a second-person pronoun ("Sie", "u", "you") stands for the recipients the
    letter's salutation names, and other pronouns for nobody the clause names. Without
    `obliged`, not whom a modal obliges: in "Sorgen Sie dafür, dass Schulen ... nicht
    verzichten müssen" the reader is asked, the modal says what is to come of it."""
    names: list[str] = []
    second_person = lang.words.get("second_person", frozenset())
    subject_of: set[int] = set()
    for span in doc.spans.get(SPANS_KEY, []):
        if not obliged and span.label_ in (SUBJECT_LABEL, AGENT_LABEL):
            continue
        if span.label_ == COMPLEMENT_LABEL and _allowed(span.root, lang):
            continue  # "fordert, dass Beschäftigte ... verkürzen können": who gains
        if span.label_ in (SUBJECT_LABEL, AGENT_LABEL) and not any(
                is_actor_word(token.text, lang) for token in (span.root, *(
                    child for child in span.root.children if child.dep_ == "compound"))):
            # "Die Löhne müssen steigen": a subject is asked to act if an actor, also
            # where the parse heads the name with the place ("Der Kreis Lippe muss")
            continue
        if span.label_ == FRONTED_LABEL and not _fronted_object(span.root):
            continue
        if span.label_ == SUBJECT_LABEL and _marked_not_nominative(span.root) and not (
                _bare_before_verb(span.root)):
            continue  # "müssen die Hochschulen ... ausstatten": the object the parse took
        if span.label_ == SUBJECT_LABEL:
            if span.root.head.i in subject_of:
                continue  # "Der Staat muss die Schulen ausstatten": a verb has one subject
            subject_of.add(span.root.head.i)
        if span.root.lower_ in lang.words.get("time_nouns", frozenset()):
            continue  # "vraagt al jaren om": the parse may take a time for the object
        if any(_reader_possessive(child.lower_, lang) for child in span.root.children):
            continue  # "vragen wij uw aandacht": the reader's, not the one asked
        if span.start == 0 and span.end < len(doc) and doc[span.end].text == ":":
            continue  # "FNV: ‘Kabinet moet ...’": who speaks, as news headlines write it
        # whatever the parse makes of the reader's pronoun ("verzoeken u": ADP) and
        # hangs on it ("u dringend")
        if span.root.lower_ in second_person:
            names += salutation
            continue
        if len(span) == 1 and span[0].pos_ == "PRON":
            continue
        name = named(span.text, lang)
        if name:
            names.append(name)
    return dedupe(names)


def _allowed(token, lang: Language) -> bool:
    """Whether the verb a subject acts with is one of being allowed or able to ("dass
    Beschäftigte ihre Arbeitszeit verkürzen können")."""
    modals = lang.words.get("may_modals", frozenset()) | lang.words.get(
        "ability_modals", frozenset())
    return any(child.dep_ == "aux" and child.lower_ in modals for child in token.head.children)


def _fronted_object(token) -> bool:
    """Whether a noun the parse took for a second subject is an object set before its
    verb: it stands before the verb, with its article and no preposition ("Die
    Bezirksregierung bitten wir"; not what is asked for after the verb, "Von der
    Landesregierung fordern wir eine Lösung", nor a time or a name the parse misread
    before it, "Am 8. März rufen wir ... auf")."""
    children = [child.dep_ for child in token.children]
    return token.i < token.head.i and "det" in children and "case" not in children


def complements_only(doc: Doc) -> bool:
    """Whether the parse found addressees only as subjects of a clause asked for."""
    spans = doc.spans.get(SPANS_KEY, [])
    return bool(spans) and all(span.label_ == COMPLEMENT_LABEL for span in spans)


def without_patients(names: list[str], doc: Doc) -> list[str]:
    """Names less those the parse shows to be the subject of a passive: "muss das EEG
    so ausgerichtet werden" asks nothing of the EEG."""
    patients = {token.lower_ for token in doc if token.dep_ == "nsubj:pass"}
    # a passive has its auxiliary: without one the parse took an adverb for a participle
    # ("Die Arbeitsinspektion muss ... verstärkt kontrollieren")
    if not patients or not any(token.dep_ == "aux:pass" for token in doc):
        return names
    return [name for name in names if name.split()[-1].lower() not in patients]


def without_objects(names: list[str], doc: Doc) -> list[str]:
    """Names less those the parse shows to be the object of a verb whose subject it
    found: "Der Landesbetrieb muss die Kommunen stärken" asks the Landesbetrieb (whom the
    lexicon may not know as an actor), never the Kommunen the verb acts on."""
    verbs = {span.root.head.i for span in doc.spans.get(SPANS_KEY, [])
             if span.label_ == SUBJECT_LABEL}
    if not verbs:
        return names
    objects = {token.lower_ for token in doc
               if token.dep_ in ("obj", "iobj") and token.head.i in verbs}
    return [name for name in names if name.split()[-1].lower() not in objects]


def may_anchor_grammar(text: str, lang: Language) -> bool:
    """Whether a clause holds the words one of the language's addressee_grammar patterns
    needs: every node of a pattern that names its words (the call verb, "dass", the
    particle, "Unterstützung") must find one in the clause, or the pattern cannot match
    and the clause needs no parse for it ("Wir wollen mehr Kitas" has no "dass" for the
    complement pattern). The subject patterns are left out: they can only name an actor,
    and a clause that names one is parsed anyway."""
    needs = _grammar_needs(lang.code)
    if needs is None:
        return True
    words = {word.lower() for word in _WORD.findall(text)}
    return any(all(words & node for node in pattern) for pattern in needs)


@lru_cache(maxsize=16)
def _grammar_needs(code: str) -> tuple[tuple[frozenset[str], ...], ...] | None:
    """Per pattern, the word sets of its nodes that name their words; None where a
    pattern's first node (its anchor) names none, so that any clause may match it."""
    needs = []
    for label, pattern in load_language(code).addressee_grammar:
        if label in (SUBJECT_LABEL, AGENT_LABEL):
            continue  # read where a clause names an actor (Clause.refinable)
        nodes = [_node_words(node) for node in pattern]
        if nodes[0] is None:
            return None
        needs.append(tuple(words for words in nodes if words is not None))
    return tuple(needs)


def _node_words(node: dict) -> frozenset[str] | None:
    lower = node.get("RIGHT_ATTRS", {}).get("LOWER")
    if isinstance(lower, str):
        return frozenset([lower])
    if isinstance(lower, dict) and isinstance(lower.get("IN"), list):
        return frozenset(lower["IN"])
    return None


# --- addressees implied by the demand's own words --------------------------------

def owners(doc: Doc, span: Span, modals: list[int], by_start, lang: Language) -> list[str]:
    """With a dependency parse: the actor that owns the decisions a modal demand is about,
    when the demand names no actor as its subject. "Der Transfer muss bei der Ausrichtung der
    Hochschulen eine größere Rolle spielen" -> Hochschulen; "... bij het beleid van de
    gemeente" -> gemeente. Only obliques count: "Die Interessen der Beschäftigten müssen
    berücksichtigt werden" owns its subject, and the Beschäftigten are not asked to act.

    Without a parse (blank pipeline) there is no telling a genitive owner from a dative,
    so this rule is left out.
    """
    if not doc.has_annotation("DEP"):
        return []
    labels = lang.dependency_labels
    names: list[str] = []
    for index in modals:
        modal = doc[index]
        verb = modal.head if _label(modal, labels) in ("aux", "aux:pass") else modal
        for oblique in verb.children:
            if _label(oblique, labels) not in ("obl", "obl:arg", "obl:agent") or \
                    not oblique.lower_.endswith(lang.decision_nouns):
                continue
            for owner in oblique.children:
                if span.start <= owner.i < span.end and _label(owner, labels) == "nmod" \
                        and _is_genitive(owner, labels, lang) \
                        and is_actor_word(owner.text, lang):
                    names.append(_phrase_name(doc, owner, by_start))
    return names


def _label(token, labels: dict[str, str]) -> str:
    dep = token.dep_.lower()
    return labels.get(dep, dep)


def _is_genitive(token, labels: dict[str, str], lang: Language) -> bool:
    if "Gen" in token.morph.get("Case"):
        return True
    return any(_label(child, labels) == "case" and child.lower_ in lang.genitive_prepositions
               for child in token.children)


def _phrase_name(doc: Doc, token, by_start) -> str:
    """The name of the noun phrase a token heads, without its article."""
    for phrase in by_start.values():
        for start, end, name_start in phrase.members:
            if start <= token.i < end:
                return clean_name(doc[name_start:end].text)
    return clean_name(token.text)


_IMPLIED_WINDOW = 8


def implied(doc: Doc, span: Span, request: list[tuple[int, int]],
             lang: Language) -> list[str]:
    """Addressees implied by what is demanded: a call for a coalition agreement is a call
    on the coming cabinet ("roept op tot een ambitieus regeerakkoord"). The agreement must
    be what the demand verb asks for (right after it, in the same clause), not a
    reference ("..., conform de afspraken in het coalitieakkoord")."""
    names = []
    for _start, end in request:
        for token in doc[end:min(span.end, end + _IMPLIED_WINDOW)]:
            if token.text in (",", ";", ":"):
                break
            lower = token.lower_
            for key, name in lang.implied_addressees.items():
                if lower == key or (lower.endswith(key) and " " not in key):
                    names.append(name)
    return names


# --- letters -------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


_SALUTATION_TAIL = 20   # the longest words after a salutation's comma that are no greeting


def salutation_names(lines: list[str], lang: Language) -> list[str]:
    """The recipient a letter's salutation names ("Liebes Studierendenwerk X," ->
    Studierendenwerk X), from the first line that is one; a salutation to the public
    ("Liebe Bürgerinnen und Bürger") names no recipient (the language's patterns leave
    it out)."""
    quotes = lang.words.get("quote_open", frozenset())

    def greeted(text: str) -> str | None:
        return next(_names_in([text], lang.salutations, quotes), None)

    for line in lines:
        first, *rest = line.split(",")
        others = [greeted(part) for part in rest]
        # ... and each other one a line of greetings greets: "Geachte bestuurders,
        # geachte minister," (not a sentence that goes on after the salutation)
        if not all(name is not None or len(part.strip()) <= _SALUTATION_TAIL
                   for name, part in zip(others, rest, strict=True)):
            others = []
        named = greeted(first) if others else None
        if named is None:
            named = greeted(line)
        if named is not None:
            return dedupe([named, *(name for name in others if name)])
    return []


def letter_note_names(lines: list[str], lang: Language) -> list[str]:
    """The recipient a line about the letter names ("Offener Brief an Bettina Beispiel,
    Bundesministerin ...", "Dieser Brief geht an den Minister für ..."), from the first
    line that is one."""
    return next(([name] for name in _names_in(lines, lang.letter_notes) if name), [])


def bare_title(names: list[str], lang: Language) -> bool:
    """Whether a salutation names only a title ("Sehr geehrter Herr Minister,")."""
    return len(names) == 1 and " " not in names[0] and is_actor_word(names[0], lang)


def address_line_names(lines: list[str], lang: Language) -> list[str]:
    """The recipient a letter's address line names ("An die Fraktionen des Gemeinderats
    Walzbachtal", "Aan de voorzitter van de Tweede Kamer"), from the first line that is
    one and names an actor: a title that opens with the same word ("An die Zukunft
    denken") names no one."""
    return next((_series(name, lang) for name in _names_in(lines, lang.recipient_lines)
                 if _names_actor(name, lang)), [])


def _names_actor(name: str, lang: Language) -> bool:
    return any(is_actor_word(word, lang) for word in re.findall(r"[^\W\d_][\w-]*", name))


def _series(name: str, lang: Language) -> list[str]:
    """The recipients of an address line that names several ("To President Holloway, the
    Board of Trustees, and the Administration"), each without its article; one name
    where a part names no actor ("Department for Culture, Media and Sport"), or no comma
    makes a series ("college van burgemeester en wethouders" is one body) and no article
    opens a second name ("President Okafor and the Board of Trustees")."""
    words = name.lower().split()
    article_after_joiner = any(word in lang.coordinators and following in lang.articles
                               for word, following in pairwise(words))
    if "," not in name and not article_after_joiner:
        return [name]
    names = split_series(name, lang)
    if len(names) < 2 or not all(_names_actor(part, lang) for part in names):
        return [name]
    return names


_LABEL_MARKS = re.compile(r"[\\*:_/\s]")
_LABEL_CHARS = 40


def after_addressee_label(text: str, lang: Language) -> str | None:
    """What follows a field label that names the addressees, and its colon ("Adressat:innen:
    KMK" -> "KMK", "Addressees:" -> ""), or None where the text opens with no such label.
    The labels are the language's addressee fields, compared without gender marks and
    spaces; the longest one counts."""
    labels = _addressee_labels(lang.code)
    ends = [index for index, char in enumerate(text[:_LABEL_CHARS])
            if char == ":" and _LABEL_MARKS.sub("", text[:index].lower()) in labels]
    return text[ends[-1] + 1:].strip() if ends else None


@cache
def _addressee_labels(code: str) -> frozenset[str]:
    words = load_language(code).words.get("addressee_fields", frozenset())
    return frozenset(_LABEL_MARKS.sub("", word) for word in words)


def field_names(value: str, lang: Language) -> list[str]:
    """The addressees an address field names ("Adressat*innen: KMK, HRK", "Aan: de
    minister van Infrastructuur, via het reactieformulier ..."): nothing after a comma
    that a preposition follows (how to reach them is no one asked)."""
    prepositions = lang.words.get("prepositions", frozenset())
    parts = value.split(",")
    for index in range(1, len(parts)):
        words = parts[index].split()
        if words and words[0].lower() in prepositions:
            value = ",".join(parts[:index])
            break
    return split_series(value, lang)


def unshouted(text: str, lang: Language) -> str:
    """A line set in capitals ("UNSERE FORDERUNGEN AN DIE GESCHÄFTSFÜHRUNG", "ONZE EISEN
    AAN HET COLLEGE") as the language writes its common words: capitals that mark every
    word tell no name from a common word, and read as names they would all be."""
    if " " in text and any(char.isalpha() for char in text) and text == text.upper():
        return text.title() if lang.nouns_capitalised else text.lower()
    return text


def split_series(text: str, lang: Language) -> list[str]:
    """The names of a series ("A, the B, and C", "A; B und C"), each without its article."""
    joiners = "|".join(re.escape(word) for word in sorted(lang.coordinators))
    parts = re.split(rf"[,;]\s*(?:(?:{joiners})\s+)?|\s+(?:{joiners})\s+", text)
    names = []
    for part in parts:
        words = part.split()
        if len(words) > 1 and words[0].lower() in lang.articles:
            words = words[1:]
        name = clean_name(" ".join(words))
        if name:
            names.append(name)
    return names


def _names_in(lines: list[str], patterns, quotes: frozenset[str] = frozenset()) \
        -> Iterator[str]:
    """The "name" group of each line a pattern matches, in order; a letter quoted whole
    ("“Dear Robin Walker,") greets inside its opening quote."""
    opening = "".join(sorted(quotes))
    for line in lines:
        line = line.strip().lstrip(opening)
        for pattern in patterns:
            match = pattern.match(line)
            if match:
                yield clean_name(match.group("name"))


def speaks_to_reader(text: str, lang: Language) -> bool:
    """Whether a clause is said by the authors ("wir", "we") or to the reader ("Sie",
    "u", "please"): in a letter, what it asks is asked of the recipient."""
    persons = lang.words.get("second_person", frozenset()) | lang.author_pronouns \
        | lang.words.get("polite_words", frozenset())
    return any(word.lower() in persons for word in _WORD.findall(text))


def opens_in_imperative(text: str, lang: Language) -> bool:
    """Whether a point of a list opens on a verb that asks the reader: a capitalised word
    that is none of the language's function words, right before an article, "that" or an
    adverb that points to it ("Fund the library", "Schrap de ondergrens", "Zorg dat ...",
    "Zorg ervoor dat ..."). In a letter, the one asked is its recipient. Where every
    noun is capitalised, that is a noun's shape
    ("Ausbau der Radwege"); there the reader is asked with a pronoun ("Sanieren Sie")."""
    if lang.nouns_capitalised or text.rstrip().endswith("?"):
        return False
    words = text.split(None, 2)[:2]
    if len(words) < 2 or not words[0].isalpha() or not words[0][:1].isupper():
        return False
    first, second = words[0].lower(), words[1].lower()
    return first not in function_words(lang.code) and not is_actor_word(words[0], lang) and (
        second in lang.articles or second in lang.words.get("complementizers", frozenset())
        or second in lang.words.get("anticipatory_adverbs", frozenset())
        or second in lang.number_words or second.isdigit())
