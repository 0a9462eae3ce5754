"""The language data files: every file valid, the same keys, patterns that compile."""

from __future__ import annotations

import pytest
import yaml

from demandx.errors import LanguageDataError
from demandx.lang import _KEYS, _read_yaml, _validate, available_languages, load_language
from demandx.patterns import compile_pattern


def test_languages():
    assert available_languages() == ["de", "en", "nl"]


@pytest.mark.parametrize("code", ["de", "en", "nl"])
def test_every_file_has_every_key_and_patterns_compile(code):
    data = _read_yaml(f"{code}.yaml")
    assert set(data) == set(_KEYS)
    lang = load_language(code)
    patterns = [*lang.triggers["request"], *lang.triggers["modal"], *lang.non_triggers,
                *lang.consideration_cues, *lang.commitment_cues, *lang.addressee_patterns,
                *lang.heading_addressee_patterns]
    for pattern in patterns:
        assert compile_pattern(pattern, lang).variants


def test_unknown_key_gets_a_near_miss_and_all_problems_are_listed():
    data = yaml.safe_load(
        "code: de\nname: x\ndetect_wrds: [a]\ntriggers: {request: ['@no_such_class']}\n")
    problems = _validate("de", data)
    assert any("detect_wrds" in p and "detect_words" in p for p in problems)
    assert any("missing keys" in p for p in problems)
    assert any("@no_such_class" in p for p in problems)


def test_yaml_booleans_are_caught():
    problems = _validate("en", {"negations": ["not", False]})
    assert any("write it in quotes" in p for p in problems)


def test_unknown_language():
    with pytest.raises(LanguageDataError, match="unknown language 'fr'"):
        load_language("fr")


@pytest.mark.parametrize("pattern", ["^ bitte? helfen sie", "^ ~{1,3} fordern"])
def test_an_optional_or_repeated_element_after_the_start_anchor_is_caught(pattern):
    # the start is tested on the first element: an optional one would drop the anchor,
    # a repeated one would ask every word it takes to start the sentence
    data = yaml.safe_load(f"code: de\ntriggers: {{request: ['{pattern}']}}\n")
    assert any("must be one word" in p for p in _validate("de", data))


@pytest.mark.parametrize("code", available_languages())
def test_every_trigger_opens_with_a_word_the_prefilter_can_look_for(code):
    # one trigger that opens with a gap or a phrase leaves the cheap prefilter without
    # its look-ahead for opening words, and it then tries every pattern at every position
    # of every text (a quarter more time on the motions)
    from demandx.analysis import prefilter

    assert prefilter(load_language(code)).pattern.startswith("(?=")


def test_a_wide_gap_of_any_tokens_is_caught():
    # "_{0,20}" across clause breaks made the Matcher take minutes and gigabytes on an
    # election programme
    data = yaml.safe_load("code: de\ntriggers: {request: ['sprach sich für _{0,20} aus']}\n")
    assert any("gap of any tokens" in p for p in _validate("de", data))


def test_an_in_list_of_several_word_classes_holds_their_words_together():
    lang = load_language("de")
    verbs = next(pattern[0]["RIGHT_ATTRS"]["LOWER"]["IN"]
                 for label, pattern in lang.addressee_grammar if label == "complement")
    assert lang.word_class("from_verbs") | lang.word_class("want_verbs") == set(verbs)
