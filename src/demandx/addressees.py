"""Who is asked to act: noun phrases, which of them name actors, and their names.

Noun phrases come from the part-of-speech tags when the pipeline has a tagger, and from
surface rules otherwise (an article, modifiers, a head; German nouns are capitalised).
An actor is a phrase whose head is in the language's actor list ("Regierung",
"kabinet"), ends in an actor suffix ("Bundesregierung", "Landesregierung"), or is an
acronym ("DFB", "EU"). A phrase is named as written, without its article:
"die nächste Bundesregierung" -> "nächste Bundesregierung", "de Stad Landau" -> "Stad Landau".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from demandx.lang import Language
from demandx.patterns import ACTOR_START, NP_INSIDE, NP_START, SUBJECT_START

_ACRONYM = re.compile(r"^[A-ZÄÖÜ]{2,6}$")
_ROMAN = re.compile(r"^[IVXLC]+$")
_GERMAN_ADJ = re.compile(r"^[a-zäöüß][a-zäöüß\-]*(e|en|er|es|em)$")
_NOUN_POS = {"NOUN", "PROPN"}
_MODIFIER_POS = {"ADJ", "NUM"}
_DET_POS = {"DET"}

for _name in (NP_START, NP_INSIDE, ACTOR_START, SUBJECT_START):
    if not Token.has_extension(_name):
        Token.set_extension(_name, default=False)


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
    lower = word.lower()
    if lower in lang.not_actors:
        return False
    if lower in lang.actor_heads:
        return True
    if _ACRONYM.match(word) and not _ROMAN.match(word):
        return True
    return any(lower.endswith(suffix) and len(lower) > len(suffix) + 2
               for suffix in lang.actor_suffixes)


def find_phrases(tokens: Doc, lang: Language) -> list[Phrase]:
    """The noun phrases of a Doc, coordinated ones grouped."""
    tagged = _has_pos(tokens)
    simple: list[tuple[int, int, int, int]] = []   # start, end, name_start, head
    i = 0
    n = len(tokens)
    while i < n:
        found = _phrase_at(tokens, i, lang, tagged)
        if found is None:
            i += 1
            continue
        simple.append(found)
        i = found[1]
    return _group(tokens, simple, lang)


def _has_pos(tokens) -> bool:
    return any(token.pos_ for token in tokens[:5])


def _phrase_at(tokens, i: int, lang: Language, tagged: bool):
    """(start, end, name_start, head) of the noun phrase starting at token i, or None."""
    n = len(tokens)
    token = tokens[i]
    j = i
    if token.lower_ in lang.articles or (tagged and token.pos_ in _DET_POS):
        j = i + 1
    name_start = j
    while j < n and _is_modifier(tokens[j], lang, tagged):
        j += 1
    if j >= n or not _is_head(tokens[j], lang, tagged, j == 0 or tokens[j].is_sent_start):
        return None
    head = j
    j += 1
    head_lower = tokens[head].lower_
    # A name after an actor that takes one ("Stadt Landau", "de gemeente Utrecht"), or a
    # multi-word proper name where common nouns are lower case ("Autoriteit Persoonsgegevens").
    takes_name = head_lower in lang.actor_named or (
        lang.code != "de" and tokens[head].text[:1].isupper() and not tokens[head].is_sent_start)
    while j < n and takes_name and _is_name(tokens[j], tagged):
        j += 1
    if tagged:
        while j < n and tokens[j].pos_ == "PROPN" and tokens[head].pos_ == "PROPN":
            j += 1
    return i, j, name_start, head


def _is_modifier(token: Token, lang: Language, tagged: bool) -> bool:
    if tagged:
        return token.pos_ in _MODIFIER_POS and token.lower_ not in lang.adverbs
    word = token.text
    if not word.isalpha() or token.is_stop or token.lower_ in lang.adverbs:
        return False
    if lang.code == "de":
        # lower-case adjectives ("nächste", "zuständigen") and capitalised proper
        # adjectives before a noun ("Deutsche Bundestag", "Europäische Kommission")
        return bool(_GERMAN_ADJ.match(word.lower())) and (
            word.islower() or (word.istitle() and token.i + 1 < len(token.doc)
                               and token.nbor(1).text[:1].isupper()))
    return word.islower() and word.lower().endswith("e") and len(word) > 3


def _is_head(token: Token, lang: Language, tagged: bool, at_start: bool) -> bool:
    word = token.text
    if tagged:
        return token.pos_ in _NOUN_POS or (token.pos_ == "X" and _ACRONYM.match(word) is not None)
    if not any(c.isalpha() for c in word) or token.is_punct:
        return False
    if token.lower_ in lang.articles or token.lower_ in lang.adverbs:
        return False
    if lang.code == "de":
        if token.is_stop and not _ACRONYM.match(word):
            return False
        return word[:1].isupper() and not (at_start and token.lower_ in lang.subordinators)
    return not token.is_stop and (word.isalpha() or "-" in word)


def _is_name(token: Token, tagged: bool) -> bool:
    if tagged:
        return token.pos_ == "PROPN"
    return token.text[:1].isupper() and token.text.replace("-", "").isalpha() \
        and not token.is_sent_start


def _group(tokens, simple, lang: Language) -> list[Phrase]:
    """Coordinated phrases ("die Bundesregierung und die Länder") as one group."""
    phrases: list[Phrase] = []
    index = 0
    while index < len(simple):
        members = [simple[index]]
        while index + 1 < len(simple):
            end = members[-1][1]
            following = simple[index + 1]
            between = [t for t in tokens[end:following[0]]]
            # members of one group look alike: all with an article or all without
            alike = (tokens[following[0]].lower_ in lang.articles) == \
                (tokens[members[0][0]].lower_ in lang.articles)
            if len(between) == 1 and alike and (between[0].lower_ in lang.coordinators
                                                or between[0].text == ","):
                members.append(following)
                index += 1
            else:
                break
        if len(members) > 1 and tokens[members[-2][1]].text == ",":
            # "A, B" without a conjunction closing the series is an apposition, not a group
            last_gap = tokens[members[-2][1]:members[-1][0]]
            if all(t.text == "," for t in last_gap):
                index -= len(members) - 1
                members = members[:1]
        start = members[0][0]
        phrases.append(Phrase(
            start=start,
            end=members[-1][1],
            members=tuple((s, e, ns) for s, e, ns, _ in members),
            actors=tuple(_member_is_actor(tokens, m, lang) for m in members),
            nominative=(tokens[start].lower_ in lang.nominative_articles
                        or tokens[start].lower_ not in lang.articles),
        ))
        index += 1
    return phrases


def _member_is_actor(tokens, member, lang: Language) -> bool:
    _start, end, name_start, head = member
    words = [t.text for t in tokens[name_start:end]]
    if len(words) >= 2 and " ".join(words[-2:]).lower() in lang.actor_heads:
        return True
    return is_actor_word(tokens[head].text, lang)


def mark_phrases(doc: Doc, phrases: list[Phrase]) -> None:
    """Set the token flags the addressee patterns match on (NP, ACTOR, SUBJECT slots)."""
    for token in doc:
        for name in (NP_START, NP_INSIDE, ACTOR_START, SUBJECT_START):
            token._.set(name, False)
    for phrase in phrases:
        first = doc[phrase.start]
        first._.set(NP_START, True)
        if phrase.is_actor:
            first._.set(ACTOR_START, True)
            if phrase.nominative:
                first._.set(SUBJECT_START, True)
        for token in doc[phrase.start + 1:phrase.end]:
            token._.set(NP_INSIDE, True)


def phrase_names(doc: Doc, phrase: Phrase, actors_only: bool) -> list[str]:
    """The names of a phrase group's members (only the actors among them if asked)."""
    names = []
    for (_start, end, name_start), actor in zip(phrase.members, phrase.actors, strict=True):
        if actors_only and not actor:
            continue
        name = clean_name(doc[name_start:end].text)
        if name:
            names.append(name)
    return names


def clean_name(text: str) -> str:
    """An addressee name without quotes, trailing punctuation or doubled spaces."""
    text = " ".join(text.split())
    return text.strip(" ,;:.!?\"'„“”«»()[]")


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
