"""Compile the pattern strings of the language files (syntax: demandx/lang/__init__.py)
into spaCy `Matcher` patterns, and into one cheap regular expression per pattern set
that finds the text worth giving to spaCy at all; and, once the text is tokenised, tell
the clauses a Matcher can match in from those it cannot, and which of its patterns can
(`ClauseFilter`, `PatternMatchers`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from demandx.lang import Language

# Noun phrases are written into the Doc's entity annotation before the addressee
# patterns run (by demandx.addressees.mark_phrases), labelled with what they are; the
# Matcher then reads the native ENT_IOB/ENT_TYPE attributes, which is many times faster
# than custom token extensions. The pipelines demandx loads have no entity recogniser.
SUBJECT = "DX_SUBJECT"     # an actor in the nominative: "die Regierung (muss)"
ACTOR = "DX_ACTOR"         # an actor in another case: "(fordert) die Regierung (auf)"
PHRASE = "DX_NP"           # any other noun phrase
# SPEAKER: the actor who asks, named after the verb ("bittet der Bundesrat die
# Bundesregierung"), ASKER, any phrase where only the one who asks can stand
# ("Daarnaast vraagt de vereniging aandacht"), PATIENT, the subject of a passive ("dat
# de wet strikt wordt gehandhaafd"), and ROLE, the part an actor acts in ("Der
# Bürgermeister als Straßenpolizeibehörde"): their names are taken out of the clause's
# addressees.
_SLOT_TYPES = {"NP": [SUBJECT, ACTOR, PHRASE], "ACTOR": [SUBJECT, ACTOR], "SUBJECT": [SUBJECT],
               "SPEAKER": [SUBJECT], "ASKER": [SUBJECT, ACTOR, PHRASE],
               "PATIENT": [SUBJECT, ACTOR, PHRASE], "ROLE": [SUBJECT, ACTOR, PHRASE]}
UNASKED_SLOTS = frozenset({"SPEAKER", "ASKER", "PATIENT", "ROLE"})
# The slot entry of a wildcard element (`_`, `~`): the words a pattern skips, which the
# addressee step reads (a slot reached across "that" is not the verb's argument).
GAP = "DX_GAP"
_CLAUSE_PUNCT = [",", ";", ":"]
_OPERATOR = re.compile(r"^(?P<body>.+?)(?P<op>\?|\*|\+|\{\d*,\d*\})?$")
# In the prefilter, a separator and a word never share a character: otherwise a run of
# punctuation could be split between them in exponentially many ways (found by fuzzing).
_SEPARATOR = r"[\s,;:()\"'„“”«»]+"
_ANY_WORD = r"[^\s,;:()\"'„“”«»]+"


@dataclass(frozen=True)
class Compiled:
    """One pattern string as Matcher patterns. `slots[i]` is the slot name ("NP", ...) of
    element i of the token pattern, GAP for a wildcard, or None; several variants come
    from a leading ^."""

    source: str
    variants: tuple[tuple[list[dict[str, Any]], tuple[str | None, ...]], ...]


def compile_pattern(pattern: str, lang: Language) -> Compiled:
    """Turn one pattern string into Matcher token patterns with their slot positions."""
    elements = pattern.split()
    anchored = bool(elements) and elements[0] == "^"
    if anchored:
        elements = elements[1:]
    tokens: list[dict[str, Any]] = []
    slots: list[str | None] = []
    after_slot: list[int] = []   # word tests right after a slot
    for element in elements:
        match = _OPERATOR.match(element)
        assert match is not None
        body, op = match.group("body"), match.group("op")
        if body in _SLOT_TYPES:
            # A phrase is its first token plus the tokens inside it, so two phrases in a
            # row stay two phrases.
            start: dict[str, Any] = {"ENT_IOB": "B", **_one_of("ENT_TYPE", _SLOT_TYPES[body])}
            inside: dict[str, Any] = {"ENT_IOB": "I", "OP": "*"}
            if op:
                raise ValueError(f"{pattern!r}: a phrase slot takes no operator")
            tokens += [start, inside]
            slots += [body, body]
            continue
        spec = _token_spec(body, lang)
        if slots and slots[-1] in _SLOT_TYPES and "REGEX" in spec.get("LOWER", {}):
            after_slot.append(len(tokens))
        if op:
            spec["OP"] = op
        tokens.append(spec)
        slots.append(GAP if body in ("_", "~") else None)
    # a slot holds its whole phrase: a word test after it, which a word inside the phrase
    # might pass ("^ SUBJECT /^(?!sind$)/" on "Die Beiräte der Schulen und ..."), reads a
    # word outside it or the first of the next phrase (one variant each: the Matcher
    # tests one IOB value natively)
    bodies = [tokens]
    for index in after_slot:
        bodies = [[*body[:index], dict(body[index], ENT_IOB=iob), *body[index + 1:]]
                  for body in bodies for iob in ("O", "B")]
    if not anchored:
        return Compiled(pattern, tuple((body, tuple(slots)) for body in bodies))
    variants: list[tuple[list[dict[str, Any]], tuple[str | None, ...]]] = []
    for body in bodies:
        at_start = [dict(body[0], IS_SENT_START=True), *body[1:]]
        # one variant per punctuation mark: a plain ORTH test is native to the Matcher,
        # an IN list is a Python call for every token
        after_punct = [([{"ORTH": mark}, *body], (None, *slots)) for mark in _CLAUSE_PUNCT]
        # ", und der Bund muss ...": a clause opened by a comma and a coordinator
        after_joiner = [{"ORTH": ","}, {"LOWER": {"IN": sorted(lang.coordinators)}}, *body]
        # "FNV: ‘Kabinet moet ...’": a quotation opens a clause of its own
        after_quote = [{"IS_LEFT_PUNCT": True, "IS_QUOTE": True}, *body]
        variants += [(at_start, tuple(slots)), *after_punct,
                     (after_joiner, (None, None, *slots)), (after_quote, (None, *slots))]
    return Compiled(pattern, tuple(variants))


def _token_spec(body: str, lang: Language) -> dict[str, Any]:
    """The Matcher dict of one non-slot element."""
    if body == "_":
        return {}
    if body == "~":
        return {"ORTH": {"NOT_IN": _CLAUSE_PUNCT}}
    if body.startswith("@"):
        return _one_of("LOWER", sorted(lang.word_class(body[1:])))
    if len(body) > 2 and body.startswith("/") and body.endswith("/"):
        return {"LOWER": {"REGEX": body[1:-1]}}
    return {"LOWER": body.lower()}


def _one_of(attribute: str, values: list[str]) -> dict[str, Any]:
    """A token test for one of `values`. The Matcher compares a single value natively;
    an IN list is a Python call for every token it tries, the most of its time on long
    clauses. The marks demandx writes are the only entities in a Doc (mark_phrases
    sets every other token outside), so a slot that takes all of them needs no test."""
    if attribute == "ENT_TYPE" and set(values) == set(_SLOT_TYPES["NP"]):
        return {}
    if len(values) == 1:
        return {attribute: values[0]}
    return {attribute: {"IN": values}}


def prefilter_regex(patterns: list[str], lang: Language) -> re.Pattern[str] | None:
    """A regular expression that matches every text in which one of `patterns` can match.

    It over-approximates on purpose (phrase slots match any words, `^` is ignored, gaps count
    words, which are never more than tokens), so that text it rejects can skip spaCy.
    """
    alternatives = [(_pattern_units(parts), parts)
                    for parts in (_pattern_parts(p, lang) for p in patterns)]
    alternatives = [(units, parts) for units, parts in alternatives if units]
    if not alternatives:
        return None
    either = _by_opening([units for units, _parts in alternatives])
    guard = _opening_guard([parts[0] for _a, parts in alternatives]) \
        if len(alternatives) >= _GUARDED else None
    if guard is None:
        return re.compile(either, re.IGNORECASE)
    return re.compile(f"(?={guard})(?:{either})", re.IGNORECASE)


def gated_prefilter(patterns: list[str], lang: Language) -> re.Pattern[str] | Prefilter | None:
    """prefilter_regex behind a word look-up (Prefilter) where every alternative needs
    words it can look up; the same answers as the regular expression alone."""
    regex = prefilter_regex(patterns, lang)
    if regex is None:
        return None
    needs = [_needed_words(parts) for parts in (_pattern_parts(p, lang) for p in patterns)
             if _pattern_units(parts)]
    return Prefilter(regex, needs) if all(needs) else regex


# The word characters that Python's re, ignoring case, equates with their lower case
# and nothing else: ASCII and the Latin-1 letters. It also equates "ſ" with "s", "ı"
# with "i" and "µ" with "μ", which a look-up of lower-case forms would miss.
_UNPLAIN = re.compile(r"[^\W\x00-\x7f\xc0-\xd6\xd8-\xf6\xf8-\xff]")
_WORD = re.compile(r"\w+")


def _needed_words(parts: list[tuple[str, str | None, list[str] | None]]
                  ) -> tuple[frozenset[str], ...]:
    """The lower-case word sets of the elements a pattern's alternative of the prefilter
    cannot do without, where every word is one run of plain word characters: a text
    holds a match of such an element only where one of its words is a word of the text."""
    return tuple(frozenset(word.lower() for word in words)
                 for _regex, op, words in parts
                 if op in (None, "", "+") and words is not None
                 and all(_WORD.fullmatch(word) and not _UNPLAIN.search(word)
                         for word in words))


class Prefilter:
    """A prefilter regular expression with a cheaper test first: each of its
    alternatives needs a word of each of some word sets (`needs`, one tuple of sets per
    alternative), and a text that does not hold them for any alternative is turned down
    by looking its words up, without the regex.

    Python's re searches a text it does not match to the end, trying the alternatives
    at every word that opens one ("de", "het", "wir"); most texts lack a word the rest
    of every alternative needs (its verb, its noun), which a look-up of the text's
    words finds at a fraction of the cost. A text with a word character outside the
    plain range (_UNPLAIN) goes to the regex."""

    _REMEMBERED = 4096   # distinct sets of needed words present whose verdict is kept

    def __init__(self, regex: re.Pattern[str], needs: list[tuple[frozenset[str], ...]]):
        self.regex = regex
        self.pattern = regex.pattern
        bits: dict[frozenset[str], int] = {}
        self._of_word: dict[str, int] = {}
        masks = []
        for sets in needs:
            mask = 0
            for words in sets:
                if words not in bits:
                    bit = bits[words] = 1 << len(bits)
                    for word in words:
                        self._of_word[word] = self._of_word.get(word, 0) | bit
                mask |= bits[words]
            masks.append(mask)
        self._masks = tuple(masks)
        self._verdicts: dict[int, bool] = {}
        # the needed words as one regular expression: a text's other words are skipped
        # by re, not looked up one by one
        self._needed = re.compile(r"\b(?:" + _alternation(sorted(self._of_word)) + r")\b")

    def search(self, text: str) -> re.Match[str] | None:
        return self.regex.search(text) if self._may_match(text) else None

    def _may_match(self, text: str) -> bool:
        if _UNPLAIN.search(text):
            return True
        of_word = self._of_word
        present = 0
        # lower case maps each plain word character to one plain word character, so
        # that the words of the text stay the same runs
        for word in self._needed.findall(text.lower()):
            present |= of_word[word]
        verdict = self._verdicts.get(present)
        if verdict is None:
            verdict = any(present & mask == mask for mask in self._masks)
            if len(self._verdicts) >= self._REMEMBERED:
                self._verdicts.clear()
            self._verdicts[present] = verdict
        return verdict


# Python's re tries every alternative at every position of the text: with a few dozen
# patterns, most of the time goes to alternatives whose first word is not there. A
# look-ahead for the words that open any of them (one shared-prefix alternation, see
# _alternation) turns most positions down at once; it is one more look at every
# position, which pays where it spares many alternatives.
_GUARDED = 10


def _opening_guard(firsts: list[tuple[str, str | None, list[str] | None]]) -> str | None:
    """A look-ahead body that matches wherever one of the alternatives whose first parts
    are `firsts` can start (each opens with that word: a match of the alternative at a
    position is a match of the guard there, so the guard changes no answer); None when
    an alternative may open otherwise (with a phrase, a gap or an optional word)."""
    words: set[str] = set()
    others: list[str] = []
    for word, op, listed in firsts:
        if word == _ANY_WORD or op not in (None, "", "+"):
            return None
        if listed is not None:
            words.update(listed)
        elif word not in others:
            others.append(word)
    branches = ([_alternation(sorted(words))] if words else []) + others
    return r"\b(?:" + "|".join(branches) + r")\b"


def _alternation(words: list[str]) -> str:
    """The words as one alternation that shares their prefixes ("auf(?:gefordert|
    zufordern)"): the same strings, also ignoring case, which Python's re compares
    character by character, but a flat list of forty verbs is tried word by word at
    every position of the text, and was most of the time this regular expression takes."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    branches = [re.escape(char) + _trie_regex(child) for char, child in node.items() if char]
    if not branches:
        return ""
    if "" not in node and len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")


def _pattern_parts(pattern: str, lang: Language) -> list[tuple[str, str | None,
                                                              list[str] | None]]:
    """The elements of a pattern in the raw text: (regular expression of the word,
    operator, the words it is the alternation of where it is one)."""
    parts: list[tuple[str, str | None, list[str] | None]] = []
    for element in pattern.split():
        if element == "^":
            continue
        match = _OPERATOR.match(element)
        assert match is not None
        body, op = match.group("body"), match.group("op")
        words: list[str] | None = None
        if body in _SLOT_TYPES or body in ("_", "~"):
            word = _ANY_WORD
        elif body.startswith("@"):
            words = sorted(lang.word_class(body[1:]), key=len, reverse=True)
            if not all(w.replace(".", "").replace("-", "").isalnum() for w in words):
                continue  # punctuation is glued to words in raw text: leave it out
            word = "(?:" + _alternation(words) + ")"
        elif len(body) > 2 and body.startswith("/") and body.endswith("/"):
            inner = body[1:-1].lstrip("^").rstrip("$")
            # a regex that also takes the space between words could split a run of words
            # in exponentially many ways when repeated: any one word stands for it here,
            # as the Matcher tests each token against the regex itself
            word = _ANY_WORD if re.fullmatch(inner, "a b", re.IGNORECASE) \
                else "(?:" + inner + ")"
        elif not body.replace(".", "").replace("-", "").isalnum():
            continue
        else:
            word = re.escape(body)
            words = [body]
        if body in _SLOT_TYPES:
            op = "+"
        parts.append((word, op, words))
    return parts


def _pattern_units(parts: list[tuple[str, str | None, list[str] | None]]) -> list[str]:
    """The regular expression of a pattern's elements in the raw text, one piece per
    element (each after the first with the separator before it); none where every
    element is any word."""
    if all(w == _ANY_WORD for w, _op, _words in parts):
        return []
    units = []
    for index, (word, op, _words) in enumerate(parts):
        # Words are separated by whitespace or stand next to punctuation: "fordert, dass".
        sep = "" if index == 0 else _SEPARATOR
        unit = f"{sep}{word}" if word == _ANY_WORD else rf"{sep}\b{word}\b"
        if op in (None, ""):
            units.append(unit)
        elif op == "+":
            units.append(f"(?:{unit})+")
        else:
            units.append(f"(?:{unit}){op}")
    return units


def _by_opening(alternatives: list[list[str]]) -> str:
    """The alternatives (each its pieces, from _pattern_units) as one alternation, those
    that open with the same piece sharing it: "x(?:y|z)" takes the same texts as
    "xy|xz", but where x matches, Python's re tries the opening of each alternative in
    turn, and the openings many patterns share ("@articles", "@author_pronouns") are
    common words."""
    rests: dict[str, list[str]] = {}
    for units in alternatives:
        rests.setdefault(units[0], []).append("".join(units[1:]))
    return "|".join(f"(?:{opening}{ends[0]})" if len(ends) == 1
                    else f"(?:{opening}(?:{'|'.join(ends)}))"
                    for opening, ends in rests.items())


_COUNT = re.compile(r"^\{(\d*)(?:,\d*)?\}$")


def required_words(tokens: list[dict[str, Any]]) -> list[frozenset[str]]:
    """The word sets of the tokens a match of one Matcher token pattern cannot do
    without and that test the lower-case form: every match holds a token of each."""
    return [test for test in required_tests(tokens) if isinstance(test, frozenset)]


def required_tests(tokens: list[dict[str, Any]]) -> list[frozenset[str] | str]:
    """The tests of the lower-case form that a match of one Matcher token pattern cannot
    do without: a word set, or a regular expression the form holds a match of. Every
    match holds a token that passes each."""
    required: list[frozenset[str] | str] = []
    for spec in tokens:
        op = spec.get("OP")
        count = _COUNT.match(op) if op else None
        # "!" is a mandatory token too, but one that is *not* the word: no help here
        if not (op is None or op == "+" or (count and int(count.group(1) or 0) > 0)):
            continue
        test = _lower_test(spec)
        if test is not None:
            required.append(test)
    return required


def required_sequences(tokens: list[dict[str, Any]]
                       ) -> list[tuple[tuple[frozenset[str] | str, int, int, bool], ...]]:
    """The chains of two or more elements of one Matcher token pattern that each take
    exactly one token and test its lower-case form, with the fewest and the most tokens
    that the elements between two of them take ("@coordinators @modals", "@be ~{0,12}
    zu"): a match holds tokens that pass them in order, that many tokens apart. Each
    element is (test, fewest, most, unbroken) for the tokens before it, `unbroken`
    where only clause words (`~`) stand there, no comma, semicolon or colon; an element
    that takes any number of tokens ("*", "+") ends a chain.

    The Matcher follows every way a bounded gap can be filled on its own (a gap of
    twelve after a common word is thousands of partial matches), so a clause where the
    words stand but not so near each other, or with a comma between, is worth telling
    apart."""
    sequences = []
    chain: list[tuple[frozenset[str] | str, int, int, bool]] = []
    fewest = most = 0
    unbroken = True
    for spec in [*tokens, {"OP": "*"}]:
        op = spec.get("OP")
        test = _lower_test(spec) if op is None else None
        if test is not None:
            chain.append((test, fewest, most, unbroken) if chain else (test, 0, 0, True))
            fewest = most = 0
            unbroken = True
            continue
        takes = _tokens_taken(op)
        if takes is not None:
            fewest, most = fewest + takes[0], most + takes[1]
            unbroken = unbroken and _clause_word(spec)
            continue
        if len(chain) >= 2:
            sequences.append(tuple(chain))
        chain = []
        fewest = most = 0
        unbroken = True
    return sequences


def _clause_word(spec: dict[str, Any]) -> bool:
    """Whether an element is the wildcard `~`: any token but a clause's punctuation."""
    return spec.get("ORTH") == {"NOT_IN": _CLAUSE_PUNCT} and set(spec) <= {"ORTH", "OP"}


_BOUNDED = re.compile(r"^\{(\d*),(\d+)\}$")


def _tokens_taken(op: str | None) -> tuple[int, int] | None:
    """The fewest and the most tokens an element with this Matcher operator takes; None
    where there is no most."""
    if op is None or op == "!":
        return 1, 1
    if op == "?":
        return 0, 1
    bounded = _BOUNDED.match(op)
    if bounded:
        return int(bounded.group(1) or 0), int(bounded.group(2))
    return None


def _lower_test(spec: dict[str, Any]) -> frozenset[str] | str | None:
    lower = spec.get("LOWER")
    if isinstance(lower, str):
        return frozenset([lower])
    if isinstance(lower, dict) and set(lower) == {"IN"}:
        return frozenset(lower["IN"])
    if isinstance(lower, dict) and set(lower) == {"REGEX"}:
        return lower["REGEX"]
    return None


class WordSets:
    """The word sets and regular expressions that ClauseFilters need, one bit each: which
    of them a clause holds a word of is read once per Doc for all the filters."""

    def __init__(self) -> None:
        self._bits: dict[frozenset[int] | str, int] = {}
        self._of_word: dict[int, int] = {}
        self._regexes: list[tuple[re.Pattern[str], int]] = []
        # the bits of each lower-case form seen: a regular expression is searched in a
        # form once (as the Matcher's own predicate does, at every token it reads)
        self._seen: dict[int, int] = {}

    def bit(self, words: frozenset[str] | str) -> int:
        """The bit of a set of lower-case forms, or of a regular expression."""
        from spacy.strings import get_string_id

        key = words if isinstance(words, str) else \
            frozenset(get_string_id(word) for word in words)
        if key not in self._bits:
            bit = self._bits[key] = 1 << len(self._bits)
            if isinstance(key, str):
                self._regexes.append((re.compile(key), bit))
            else:
                for word in key:
                    self._of_word[word] = self._of_word.get(word, 0) | bit
            self._seen.clear()
        return self._bits[key]

    def presence(self, doc, spans) -> Presence:
        """For each of `spans` (clauses in order, not overlapping), the bits of the sets
        it holds a word of (with the bits of each token)."""
        from spacy.attrs import LOWER

        lowers = doc.to_array(LOWER).tolist()
        get = self._seen.get
        words = [get(word) for word in lowers]
        if None in words:   # a form not seen before
            strings = doc.vocab.strings
            words = [bits if bits is not None else self._word_bits(word, strings)
                     for word, bits in zip(lowers, words, strict=True)]
        hits = [(index, bits) for index, bits in enumerate(words) if bits]
        present = Presence(words)
        position = 0
        for span in spans:
            while position < len(hits) and hits[position][0] < span.start:
                position += 1
            bits = 0
            while position < len(hits) and hits[position][0] < span.end:
                bits |= hits[position][1]
                position += 1
            present.append(bits)
        return present

    def _word_bits(self, word: int, strings) -> int:
        bits = self._of_word.get(word, 0)
        if self._regexes:
            form = strings[word]
            for regex, bit in self._regexes:
                if regex.search(form):
                    bits |= bit
        self._seen[word] = bits
        return bits


class Presence(list):
    """WordSets.presence: the bits of each clause, and in `words` those of each token."""

    def __init__(self, words: list[int], clauses: list[int] = ()):
        super().__init__(clauses)
        self.words = words

    def some(self, indices: list[int]) -> Presence:
        """The bits of the clauses at `indices` only."""
        return Presence(self.words, [self[index] for index in indices])


def _in_a_row(words: list[int], start: int, end: int,
              chain: tuple[tuple[int, int, int, bool], ...], punct: int) -> bool:
    """Whether tokens `start` to `end` hold tokens with the bits of the `chain`
    (required_sequences, its tests as bits), in order and as far apart as it says, with
    no token with the bits `punct` (a clause's punctuation) where it says unbroken."""
    (first, _f, _m, _u), rest = chain[0], chain[1:]
    reached = [index for index in range(start, end) if words[index] & first]
    for test, fewest, most, unbroken in rest:
        if not reached:
            return False
        after = set()
        for index in reached:
            for token in range(index + 1, min(index + 2 + most, end)):
                if token >= index + 1 + fewest and words[token] & test:
                    after.add(token)
                if unbroken and words[token] & punct:
                    break   # the gap ends here, and no later token is reached
        reached = sorted(after)
    return bool(reached)


class ClauseFilter:
    """Which clauses of a Doc a Matcher with these token patterns can match inside, and
    which of the patterns can.

    The Matcher tries every pattern at every token, so its cost is the tokens times the
    patterns, whatever the text says; most clauses lack a word some token of each
    pattern must be, and this tells them apart from the tokens' lower-case forms, the
    very values the Matcher compares, so that no match is lost.
    """

    # distinct sets of words present that `selections` remembers what they select for
    _REMEMBERED = 4096

    def __init__(self, patterns: list[list[dict[str, Any]]], words: WordSets):
        masks = []
        # the chains of words each pattern needs, in a row or a bounded gap apart, as
        # the bits of their tests: looked for only in the clauses that hold the
        # pattern's words at all
        self._runs: dict[int, tuple[tuple[tuple[int, int, int, bool], ...], ...]] = {}
        for index, tokens in enumerate(patterns):
            mask = 0
            for required in required_tests(tokens):
                mask |= words.bit(required)
            masks.append(mask)
            runs = tuple(tuple((words.bit(test), fewest, most, unbroken)
                               for test, fewest, most, unbroken in chain)
                         for chain in required_sequences(tokens))
            if runs:
                self._runs[index] = runs
        self._in_runs = sum(1 << index for index in self._runs)
        # the tokens a `~` gap does not take (the Matcher tests their ORTH, which is
        # their lower-case form)
        self._punct = words.bit(frozenset(_CLAUSE_PUNCT))
        self._masks = tuple(masks)
        self._relevant = 0
        for mask in masks:
            self._relevant |= mask
        self._chosen: dict[int, int] = {}

    def runs(self, spans, present: list[int]) -> list[tuple[int, int]]:
        """Token ranges, in order, that hold the `spans` (clauses in order, not
        overlapping; `present` their WordSets.presence) in which a pattern may match;
        adjacent ones are merged, so that the Matcher is called once per run."""
        return [(start, end) for start, end, _chosen in self.selections(spans, present)]

    def selections(self, spans, present: list[int]) -> list[tuple[int, int, int]]:
        """The `runs`, each with the patterns that may match inside one of its clauses
        (bit i for the i-th pattern): any other needs a word that none of them holds."""
        chosen = []
        words = getattr(present, "words", None)
        for span, bits in zip(spans, present, strict=True):
            patterns = self._patterns_for(bits & self._relevant)
            if patterns & self._in_runs and words is not None:
                patterns = self._with_runs(patterns, words, span.start, span.end)
            if patterns:
                chosen.append((span.start, span.end, patterns))
        return _merge(chosen)

    def _with_runs(self, patterns: int, words: list[int], start: int, end: int) -> int:
        """The `patterns` less those whose chains of words (required_sequences) tokens
        `start` to `end` do not hold."""
        held: dict[tuple[tuple[int, int, int, bool], ...], bool] = {}
        left = patterns & self._in_runs
        while left:
            low = left & -left
            left ^= low
            for tests in self._runs[low.bit_length() - 1]:
                found = held.get(tests)
                if found is None:
                    found = held[tests] = _in_a_row(words, start, end, tests, self._punct)
                if not found:
                    patterns &= ~low
                    break
        return patterns

    def _patterns_for(self, bits: int) -> int:
        patterns = self._chosen.get(bits)
        if patterns is None:
            # clauses hold few distinct sets of the words tested: each is worked out once
            patterns = 0
            for index, mask in enumerate(self._masks):
                if bits & mask == mask:
                    patterns |= 1 << index
            if len(self._chosen) >= self._REMEMBERED:
                self._chosen.clear()
            self._chosen[bits] = patterns
        return patterns


class PatternMatchers:
    """A Matcher for each subset of one group's patterns that a run of clauses can match
    (ClauseFilter.selections), built on first use and kept.

    A Matcher follows each pattern's partial matches on their own and reports matches
    in the order they complete, so one holding only some of the patterns, added in the
    same order, finds exactly their matches, in the order all of them together give:
    leaving out the patterns that cannot match saves their states at every token."""

    _KEPT = 1024   # subsets kept beyond the whole group; more are built again

    def __init__(self, matcher, patterns: list[tuple[str, list[dict[str, Any]]]]):
        self.matcher = matcher   # every pattern, added in the order of `patterns`
        self._patterns = patterns
        self._every = (1 << len(patterns)) - 1
        self._subsets: dict[int, Any] = {}

    def __call__(self, selection: int):
        """The Matcher of the patterns whose bits `selection` sets."""
        if selection == self._every:
            return self.matcher
        matcher = self._subsets.get(selection)
        if matcher is None:
            from spacy.matcher import Matcher

            # as the whole group's Matcher: demandx's own compiled token patterns,
            # not validated again
            matcher = Matcher(self.matcher.vocab, validate=False)
            for index, (key, tokens) in enumerate(self._patterns):
                if selection >> index & 1:
                    matcher.add(key, [tokens])
            if len(self._subsets) >= self._KEPT:
                self._subsets.clear()
            self._subsets[selection] = matcher
        return matcher


def _merge(ranges: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Adjacent ranges as one, with the patterns of both."""
    merged: list[tuple[int, int, int]] = []
    for start, end, patterns in ranges:
        if merged and merged[-1][1] == start:
            merged[-1] = (merged[-1][0], end, merged[-1][2] | patterns)
        else:
            merged.append((start, end, patterns))
    return merged


def match_runs(matchers, doc, runs: list[tuple[int, int, int]], **options) -> list[tuple]:
    """The Matchers `matchers(patterns)` (PatternMatchers) over the token ranges of
    `runs` (ClauseFilter.selections) of `doc`: every match the whole group's Matcher
    gives on `doc` that lies inside one of the runs' clauses (token offsets into the
    Doc), in the same order; a match across clauses may be left out.

    The Matcher follows every partial match on its own, so a match inside a run is
    found the same way whether the tokens around the run are there or not."""
    if len(runs) == 1 and runs[0][:2] == (0, len(doc)):
        return matchers(runs[0][2])(doc, **options)
    found = []
    for start, end, patterns in runs:
        for key, first, last, *rest in matchers(patterns)(doc[start:end], **options):
            found.append((key, first + start, last + start, *rest))
    return found
