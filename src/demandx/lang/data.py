"""The validated data of one language, as the rules use it (built by
demandx.lang.load_language; defined here so that importing demandx.lang stays cheap)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from demandx.lang import _LIST_CLASSES


@dataclass(frozen=True)
class Language:
    """The validated data of one language, ready for the rules to use."""

    code: str
    name: str
    # every noun is written with a capital (German): a capital does not mark a name
    nouns_capitalised: bool
    # the finite verb of a subordinate clause stands at its end (German, Dutch)
    verb_final_subordinates: bool
    # nouns modify nouns as separate words ("world leaders"), where German and Dutch
    # write one word: a noun phrase's head is then the last of a run of words
    open_compounds: bool
    detect_words: frozenset[str]
    articles: frozenset[str]
    nominative_articles: frozenset[str]
    author_pronouns: frozenset[str]
    adverbs: frozenset[str]
    coordinators: frozenset[str]
    # correlative pairs, (opening word, joining words), that group two phrases as one:
    # ("sowohl", "als auch")
    correlatives: tuple[tuple[str, str], ...]
    cataphora: frozenset[str]
    infinitive_markers: frozenset[str]
    negations: frozenset[str]
    subordinators: frozenset[str]
    pronouns: frozenset[str]
    months: frozenset[str]
    label_words: frozenset[str]
    number_words: tuple[str, ...]     # one, two, ...: "Demand One:"
    hyphen_keep_words: frozenset[str]
    closing_lines: tuple[re.Pattern[str], ...]
    justification_words: frozenset[str]
    salutations: tuple[re.Pattern[str], ...]
    # A letter's address line ("An die Fraktionen des Gemeinderats"): group "name"
    recipient_lines: tuple[re.Pattern[str], ...]
    letter_notes: tuple[re.Pattern[str], ...]
    # Without a tagger: the forms of a word that is an adjective before its noun
    adjectives: tuple[re.Pattern[str], ...]
    # Without a tagger: the forms of a word that, right after a noun, is a participle
    # modifying it ("world leaders meeting in Belém"), no part of its name
    participles: tuple[re.Pattern[str], ...]
    demand_headings: tuple[str, ...]
    excluded_headings: tuple[str, ...]
    # a table column's header: the rows are demands / the cells name whom a row asks
    demand_columns: frozenset[str]
    addressee_columns: frozenset[str]
    consideration_cues: tuple[str, ...]
    commitment_cues: tuple[str, ...]
    actor_heads: frozenset[str]
    actor_suffixes: tuple[str, ...]
    actor_named: frozenset[str]
    name_prepositions: frozenset[str]
    not_actors: frozenset[str]
    implied_addressees: dict[str, str]
    # the ending an adjective before a name's head is cited with, by its number
    # ("plur") or gender ("masc", "fem", "neut"): the strong nominative, where a
    # language inflects adjectives by case
    citation_adjective_endings: dict[str, str]
    # articles that show a masculine or neuter singular's gender ("der": "masc")
    citation_gender_articles: dict[str, str]
    dependency_labels: dict[str, str]
    genitive_prepositions: frozenset[str]
    decision_nouns: tuple[str, ...]
    words: dict[str, frozenset[str]]
    triggers: dict[str, tuple[str, ...]]
    non_triggers: tuple[str, ...]
    addressee_patterns: tuple[str, ...]
    heading_addressee_patterns: tuple[str, ...]
    lead_addressee_patterns: tuple[str, ...]
    part_addressee_patterns: tuple[str, ...]
    point_addressee_patterns: tuple[str, ...]
    counterpart_patterns: tuple[str, ...]
    # (label, DependencyMatcher pattern) with word classes expanded
    addressee_grammar: tuple[tuple[str, list[dict[str, Any]]], ...] = ()

    @cached_property
    def owner_prepositions(self) -> frozenset[str]:
        """The name prepositions that mark an owner: where titles are written in lower
        case they join a portfolio or body to its title ("de minister van Financiën")."""
        return self.name_prepositions & self.genitive_prepositions

    def endings(self, name: str) -> tuple[str, ...]:
        """The words of a `words` class as str.endswith takes them (none where the
        language has no such class)."""
        return _as_endings(self.words.get(name, frozenset()))

    def word_class(self, name: str) -> frozenset[str]:
        """The words of `@name` in a pattern: a `words` class or a list key."""
        if name in self.words:
            return self.words[name]
        if name in _LIST_CLASSES:
            return getattr(self, name)
        raise KeyError(name)


@cache
def _as_endings(words: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(words))
