"""The demand reader runs its Matchers only on the clauses a pattern can match in, with
only the patterns that can match there (demandx.patterns.ClauseFilter,
PatternMatchers): the matches inside clauses, their order and alignments must be those
the Matchers of all the patterns find on the whole Doc."""

from __future__ import annotations

import re

import pytest
from spacy.matcher import Matcher

from conftest import CORPUS, SEEDS
from demandx import addressees, patterns
from demandx.analysis import COMPONENT, _clauses
from demandx.lang import load_language
from demandx.language import detect_language
from demandx.nlp import cheap_pipeline
from demandx.patterns import (
    ClauseFilter,
    WordSets,
    compile_pattern,
    match_runs,
    required_words,
)

# clause ends right after a pattern's optional tail, clauses split at semicolons, a
# pattern's words spread over two clauses
SENTENCES = [
    ("de", "Der Bundestag fordert die Bundesregierung auf; die Länder müssen handeln, und "
           "der Bund muss zahlen. Wir rufen die Stadt Landau auf. Rief er? Nein; auf!"),
    ("de", "Die Landesregierung wird aufgefordert, dass der Bund und die Länder "
           "entscheiden; ferner wird die Regierung gebeten. Wie von X gefordert."),
    ("nl", "De Kamer verzoekt de regering; het kabinet moet handelen, en de gemeente moet "
           "betalen. Spreekt uit dat de provincie moet."),
    ("en", "The House calls on the Government; the council must act, and the state "
           "should pay. Notes that the minister must."),
]


def _texts() -> list[tuple[str, str]]:
    texts = list(SENTENCES)
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        texts.append((detect_language(text) or "de", text))
    motions = CORPUS / "moties" / "docs"
    if motions.is_dir():
        texts += [("nl", path.read_text(encoding="utf-8"))
                  for path in sorted(motions.glob("*.txt"))[:40]]
    return texts


def _inside(match, spans) -> bool:
    return any(span.start <= match[1] and match[2] <= span.end for span in spans)


def _read(code: str, text: str):
    """The cheap pipeline's demand reader and `text` read by that pipeline, with the
    phrase marks the addressee patterns read (every clause's here)."""
    nlp = cheap_pipeline(code)
    component = nlp.get_pipe(COMPONENT)
    component.initialize()
    doc = nlp(text)
    addressees.mark_phrases(doc, addressees.find_phrases(doc, component.lang))
    return component, doc


def _plain(match) -> tuple:
    return tuple(tuple(part) if isinstance(part, list) else part for part in match)


@pytest.mark.parametrize(("code", "text"), _texts(), ids=lambda v: v[:24])
def test_matches_inside_clauses_are_those_of_the_whole_doc(code, text):
    component, doc = _read(code, text)
    spans = list(_clauses(doc))
    for group, matcher in component._matchers.items():
        whole = [_plain(m) for m in matcher(doc, with_alignments=True) if _inside(m, spans)]
        runs = component._filters[group].selections(spans,
                                                    component._words.presence(doc, spans))
        found = [_plain(m) for m in match_runs(component._subsets[group], doc, runs,
                                               with_alignments=True)
                 if _inside(m, spans)]
        assert found == whole


@pytest.mark.parametrize(("code", "text"), _texts()[:8], ids=lambda v: v[:24])
def test_a_matcher_of_some_patterns_keeps_their_order_among_all(code, text):
    component, doc = _read(code, text)
    for group, matcher in component._matchers.items():
        every = [_plain(m) for m in matcher(doc, with_alignments=True)]
        count = len(component._subsets[group]._patterns)
        for selection in (0b1010101010101010101010101010101 & ((1 << count) - 1),
                          0b0110011001100110011001100110011 & ((1 << count) - 1)):
            if not selection:
                continue
            keys = {doc.vocab.strings[key] for index, (key, _tokens)
                    in enumerate(component._subsets[group]._patterns)
                    if selection >> index & 1}
            some = [_plain(m) for m in component._subsets[group](selection)(
                doc, with_alignments=True)]
            assert some == [m for m in every if m[0] in keys]


@pytest.mark.parametrize(("code", "text"), _texts()[:8], ids=lambda v: v[:24])
def test_one_matcher_per_group_keeps_the_order_of_one_matcher_for_all(code, text):
    component, doc = _read(code, text)
    combined = Matcher(doc.vocab)
    for key in component._slots:   # in the order the patterns were added
        combined.add(key, component._matchers[key.split(":")[0]].get(key)[1])
    together = [_plain(m) for m in combined(doc, with_alignments=True)]
    for group, matcher in component._matchers.items():
        alone = [_plain(m) for m in matcher(doc, with_alignments=True)]
        assert alone == [m for m in together
                         if doc.vocab.strings[m[0]].startswith(group + ":")]


def test_required_words_are_the_mandatory_words(de_lang):
    tokens, _slots = compile_pattern("rief _{0,6} auf", de_lang).variants[0]
    assert required_words(tokens) == [frozenset({"rief"}), frozenset({"auf"})]
    # optional words, slots and regular expressions require nothing
    tokens, _slots = compile_pattern("NP @adverbs* ,? /^x+$/ dass", de_lang).variants[0]
    assert required_words(tokens) == [frozenset({"dass"})]


def test_a_pattern_that_requires_no_word_keeps_every_clause(de_lang):
    nlp = cheap_pipeline("de")
    doc = nlp("Eins. Zwei. Drei.")
    spans = list(doc.sents)
    words = WordSets()
    anything = ClauseFilter([compile_pattern("NP _", de_lang).variants[0][0]], words)
    two = ClauseFilter([compile_pattern("zwei", de_lang).variants[0][0]], words)
    present = words.presence(doc, spans)
    assert anything.runs(spans, present) == [(0, len(doc))]
    assert two.runs(spans, present) == [(spans[1].start, spans[1].end)]


def test_selections_name_the_patterns_a_clause_holds_the_words_of(de_lang):
    nlp = cheap_pipeline("de")
    doc = nlp("Eins. Zwei drei. Drei. Vier.")
    spans = list(doc.sents)
    words = WordSets()
    both = ClauseFilter([compile_pattern(p, de_lang).variants[0][0]
                         for p in ("zwei", "drei", "NP _")], words)
    present = words.presence(doc, spans)
    # the pattern without words everywhere; adjacent clauses merged, with both their sets
    assert both.selections(spans, present) == [(0, spans[-1].end, 0b111)]
    three = ClauseFilter([compile_pattern(p, de_lang).variants[0][0]
                          for p in ("zwei", "drei")], words)
    assert three.selections(spans, words.presence(doc, spans)) == [
        (spans[1].start, spans[2].end, 0b11)]
    assert three.selections(spans[2:], words.presence(doc, spans[2:])) == [
        (spans[2].start, spans[2].end, 0b10)]


@pytest.mark.parametrize(("code", "text"), _texts()[:8], ids=lambda v: v[:24])
def test_native_tests_match_as_in_lists_do(code, text, monkeypatch):
    # one value or every phrase mark: the Matcher's own comparison instead of a list
    nlp = cheap_pipeline(code)
    component = nlp.get_pipe(COMPONENT)
    component.initialize()
    lang = component.lang
    doc = nlp(text)
    addressees.mark_phrases(doc, addressees.find_phrases(doc, lang))

    def matcher() -> Matcher:
        built = Matcher(nlp.vocab, validate=True)
        for number, pattern in enumerate(lang.addressee_patterns + lang.non_triggers
                                         + lang.triggers["request"]):
            for variant, (tokens, _slots) in enumerate(
                    compile_pattern(pattern, lang).variants):
                built.add(f"{number}:{variant}", [tokens])
        return built

    native = matcher()
    monkeypatch.setattr(patterns, "_one_of", lambda attribute, values: {
        attribute: {"IN": values}})
    listed = matcher()
    assert [_plain(m) for m in native(doc, with_alignments=True)] == \
        [_plain(m) for m in listed(doc, with_alignments=True)]


@pytest.mark.parametrize("code", ["de", "nl", "en"])
def test_shared_prefix_alternation_takes_the_same_strings(code):
    import re

    from demandx.lang import load_language

    lang = load_language(code)
    for name in lang.words:
        words = sorted(lang.word_class(name), key=len, reverse=True)
        shared = re.compile(r"\b(?:" + patterns._alternation(words) + r")\b", re.IGNORECASE)
        flat = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
        probes = [variant for word in words for variant in (
            word, word.upper(), word.title(), word[:-1], word + "e", f"x {word}, y")]
        assert [bool(shared.search(p)) for p in probes] == \
            [bool(flat.search(p)) for p in probes], name


@pytest.mark.parametrize(("code", "text"), _texts(), ids=lambda v: v[:24])
def test_phrases_looked_for_in_some_clauses_are_those_of_the_whole_doc(code, text):
    # the demand reader looks for phrases only in demand clauses: no phrase runs across
    # a clause's end, so those it finds there are the whole Doc's
    component, doc = _read(code, text)
    spans = list(_clauses(doc, *component._clause_words))
    whole = addressees.find_phrases(doc, component.lang)
    assert not any(phrase.start < span.start < phrase.end
                   for phrase in whole for span in spans)
    for chosen in (spans, spans[::2], spans[1::3]):
        within = [(span.start, span.end) for span in chosen]
        assert addressees.find_phrases(doc, component.lang, within=within) == \
            [phrase for phrase in whole if any(s <= phrase.start < e for s, e in within)]


@pytest.mark.parametrize("code", ["de", "nl", "en"])
def test_the_opening_guard_changes_no_answer_of_the_prefilter(code, monkeypatch):
    from demandx.lang import load_language

    lang = load_language(code)
    sets = [[p for kind in ("request", "modal", "reader") for p in lang.triggers[kind]],
            list(lang.triggers["request"]), list(lang.consideration_cues)]
    guarded = [patterns.prefilter_regex(found, lang) for found in sets]
    assert any(regex.pattern.startswith("(?=") for regex in guarded)
    monkeypatch.setattr(patterns, "_GUARDED", 10**9)
    plain = [patterns.prefilter_regex(found, lang) for found in sets]
    probes = [text for _code, text in _texts()]
    probes += [line for text in probes for line in text.splitlines()]
    probes += [text[i:i + 80] for text in probes[:60] for i in range(0, len(text), 37)]
    for one, other in zip(guarded, plain, strict=True):
        assert [bool(one.search(p)) for p in probes] == [bool(other.search(p)) for p in probes]
        opener, unguarded = (re.compile(r"\s*(?:" + r.pattern + ")", re.IGNORECASE)
                             for r in (one, other))
        assert [bool(opener.match(p)) for p in probes] == \
            [bool(unguarded.match(p)) for p in probes]


@pytest.mark.parametrize("code, text, parse", [
    # the complement pattern needs its call verb and "dass"
    ("de", "Wir wollen mehr Kitas in allen Stadtteilen.", False),
    ("de", "Wir wollen, dass die Kreise mehr Kitas bauen.", True),
    # reported speech without "dass" needs its call verb and the modal of the duty
    ("de", "Der Verband fordert mehr Kitas in allen Stadtteilen.", False),
    ("de", "Die Kreise sollen mehr Kitas bauen, fordert der Verband.", True),
    # the support pattern needs its verb and the noun of the support
    ("de", "Wir brauchen mehr Kitas.", False),
    ("de", "Wir brauchen die Unterstützung der Kreise.", True),
    ("nl", "Wij willen meer woningen.", False),
])
def test_a_clause_is_parsed_only_with_every_word_a_grammar_pattern_names(code, text, parse):
    assert addressees.may_anchor_grammar(text, load_language(code)) is parse


def test_a_word_regex_that_takes_spaces_stands_for_any_one_word_in_the_prefilter(de_lang):
    # repeated, such a regex could split a run of words in exponentially many ways
    loose = patterns.prefilter_regex(["ist /^[^,;:]+$/{0,12} sicherzustellen"], de_lang)
    strict = patterns.prefilter_regex(["ist /^[a-z]+$/{0,12} sicherzustellen"], de_lang)
    assert "[^,;:]" not in loose.pattern
    assert "[a-z]" in strict.pattern
    text = "Dabei ist vor allem und in jedem Fall sicherzustellen, dass"
    assert loose.search(text) and strict.search(text)


@pytest.mark.parametrize("code", ["de", "nl", "en"])
def test_the_word_lookup_changes_no_answer_of_the_prefilter(code):
    lang = load_language(code)
    found = [p for kind in ("request", "modal", "reader", "asking") for p in lang.triggers[kind]]
    gated = patterns.gated_prefilter(found, lang)
    assert isinstance(gated, patterns.Prefilter)
    probes = [text for _code, text in _texts()]
    probes += [line for text in probes for line in text.splitlines()]
    probes += [text[i:i + 80] for text in probes[:60] for i in range(0, len(text), 37)]
    # re, ignoring case, takes "ſ" for "s" and "K" (Kelvin) for "k": such texts go to
    # the regex
    probes += [probe.replace("s", "ſ").replace("k", "\u212a") for probe in probes[:200]]
    assert [bool(gated.search(p)) for p in probes] == \
        [bool(gated.regex.search(p)) for p in probes]
    assert any(gated.search(p) for p in probes) and not all(gated.search(p) for p in probes)


def test_the_words_a_pattern_needs_a_bounded_gap_apart_form_one_chain(de_lang):
    compiled = compile_pattern("@be ~{0,12} zu /^[a-z]{3,}en$/ @clause_end", de_lang)
    tokens, _slots = compiled.variants[0]
    (chain,) = patterns.required_sequences(tokens)
    assert [(fewest, most) for _test, fewest, most, _unbroken in chain] == [
        (0, 0), (0, 12), (0, 0), (0, 0)]
    # only the gap of `~` takes no comma
    assert [unbroken for *_rest, unbroken in chain] == [True, True, True, True]
    compiled = compile_pattern("rief _{0,6} auf", de_lang)
    (chain,) = patterns.required_sequences(compiled.variants[0][0])
    assert [(fewest, most, unbroken) for _test, fewest, most, unbroken in chain] == [
        (0, 0, True), (0, 6, False)]
    # a phrase slot takes any number of tokens: it ends a chain
    compiled = compile_pattern("@modals SUBJECT ~{0,3} zu", de_lang)
    assert patterns.required_sequences(compiled.variants[0][0]) == []


def test_a_pattern_whose_words_a_comma_parts_is_left_out_of_the_clause(de_lang):
    # the Matcher followed every way to fill both gaps of this pattern in this clause
    pattern = "@speak_out_verbs /^(sich|uns)$/ ~{0,12} für ~{0,15} aus"
    nlp = cheap_pipeline("de")
    words = WordSets()
    tokens = compile_pattern(pattern, de_lang).variants[0][0]
    chosen = ClauseFilter([tokens], words)
    for text, kept in (
            ("Wir sprechen uns für Mindestlöhne für alle Lehrenden , Künstler und "
             "Musiker in Kunst und Kultur aus .", False),
            ("Wir sprechen uns für Mindestlöhne für alle Lehrenden in Kunst aus .", True)):
        doc = nlp(text)
        spans = [doc[:]]
        assert bool(chosen.selections(spans, words.presence(doc, spans))) is kept
        matcher = Matcher(doc.vocab)
        matcher.add("p", [tokens])
        assert bool(matcher(doc)) is kept
