"""Which spaCy pipeline is loaded for a language, and how."""

import pytest
import spacy

from demandx.errors import ModelError
from demandx.nlp import (
    BLANK,
    bundled_model,
    cheap_pipeline,
    get_pipeline,
    parse_model_specs,
    refining_pipeline,
)


def test_specs_from_options_override_the_environment():
    specs = parse_model_specs(["de=models/de"], env="de=blank,nl=blank")
    assert specs == {"de": "models/de", "nl": "blank"}
    with pytest.raises(ModelError, match="LANG=MODEL"):
        parse_model_specs(["models/de"], env="")


def test_blank_choice_means_no_refining_pipeline():
    assert refining_pipeline("de", BLANK) is None


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_bundled_pipeline_has_tagger_and_parser(lang):
    assert bundled_model(lang) is not None
    nlp = refining_pipeline(lang)
    assert {"parser", "demandx_demands"} <= set(nlp.pipe_names)
    assert "lemmatizer" not in nlp.pipe_names and "trainable_lemmatizer" not in nlp.pipe_names
    doc = nlp("Die Bundesregierung muss handeln." if lang == "de" else "Het kabinet moet handelen.")
    assert doc[1].pos_ == "NOUN" and doc[2].pos_ == "AUX"


def test_a_saved_tokenizer_that_differs_from_the_stock_one_is_used(tmp_path):
    # the stock tokenizer is taken from the config without reading the saved one; a
    # pipeline whose saved tokenizer has its own special cases must still get them
    nlp = spacy.blank("de")
    nlp.tokenizer.add_special_case("z.Zt.", [{"ORTH": "z."}, {"ORTH": "Zt."}])
    nlp.to_disk(tmp_path / "custom")
    loaded = get_pipeline("de", str(tmp_path / "custom"))
    assert [t.text for t in loaded.tokenizer("z.Zt.")] == ["z.", "Zt."]
    assert [t.text for t in spacy.blank("de").tokenizer("z.Zt.")] != ["z.", "Zt."]
    # ... and the blank pipeline every document goes through first keeps its own
    assert loaded.tokenizer is not cheap_pipeline("de").tokenizer
    assert [t.text for t in cheap_pipeline("de").tokenizer("z.Zt.")] != ["z.", "Zt."]


@pytest.mark.parametrize("lang", ["de", "nl"])
def test_bundled_pipeline_shares_the_blank_pipelines_tokenizer(lang):
    # built once per process instead of twice: the bundled pipelines use the stock one
    cheap, refining = cheap_pipeline(lang), refining_pipeline(lang)
    assert refining.tokenizer is cheap.tokenizer and refining.vocab is cheap.vocab


def test_a_pipeline_with_lookup_tables_keeps_its_own_vocabulary(tmp_path):
    # lookup tables (such as lexeme norms) change what the blank pass would see
    nlp = spacy.blank("nl")
    nlp.vocab.lookups.add_table("lexeme_norm", {"wij": "we"})
    nlp.to_disk(tmp_path / "tables")
    loaded = get_pipeline("nl", str(tmp_path / "tables"))
    assert loaded.vocab is not cheap_pipeline("nl").vocab
    assert loaded.vocab.lookups.has_table("lexeme_norm")
    assert not cheap_pipeline("nl").vocab.lookups.has_table("lexeme_norm")


def test_pipeline_for_another_language_is_refused(tmp_path):
    spacy.blank("nl").to_disk(tmp_path / "dutch")
    with pytest.raises(ModelError, match="for language 'nl'"):
        get_pipeline("de", str(tmp_path / "dutch"))
