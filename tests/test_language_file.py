"""Adding a language is adding a file: a small fourth language file (French, written for
the test) is found, validated, used by the extraction, and offered by the JSON Schema and
the command line, with no change to the code."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from importlib import resources
from pathlib import Path

import pytest
import yaml

FRENCH = {
    "code": "fr",
    "name": "French",
    "detect_words": ["le", "la", "les", "des", "et", "est", "pour", "nous", "que", "une"],
    "articles": ["le", "la", "les", "l", "un", "une", "des"],
    "nominative_articles": ["le", "la", "les", "un", "une"],
    "author_pronouns": ["nous"],
    "adverbs": ["donc", "aussi", "enfin"],
    "coordinators": ["et", "ou"],
    "cataphora": ["suivantes"],
    "infinitive_markers": ["de"],
    "negations": ["pas", "jamais"],
    "subordinators": ["que", "qui", "si"],
    "pronouns": ["il", "elle", "nous", "vous"],
    "months": ["janvier", "février"],
    "label_words": ["point"],
    "number_words": [],
    "actors": {"heads": ["gouvernement", "mairie"], "suffixes": [], "named": [],
               "name_prepositions": ["de"], "not_actors": []},
    "words": {"request_verbs": ["demandons", "exigeons", "exige", "demande"],
              "object_verbs": ["demandons", "demande"],
              "modals": ["doit", "doivent"]},
    "triggers": {"request": ["@request_verbs"], "modal": ["@modals"]},
    "addressee_patterns": ["@object_verbs au NP", "@object_verbs à la NP",
                           "^ SUBJECT @modals"],
    "heading_addressee_patterns": [],
    "lead_addressee_patterns": [],
    "point_addressee_patterns": [],
    "non_triggers": [],
    "consideration_cues": ["constate"],
    "commitment_cues": ["nous allons"],
    "addressee_grammar": [],
}


@pytest.fixture
def fourth_language(tmp_path, monkeypatch):
    """The package's language folder, copied with fr.yaml added, in place of the real one."""
    import demandx.lang as lang_module

    folder = tmp_path / "lang"
    source = Path(str(resources.files("demandx.lang")))
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    english = yaml.safe_load((source / "en.yaml").read_text(encoding="utf-8"))
    data = {**english, **FRENCH}
    (folder / "fr.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    monkeypatch.setattr(lang_module, "_FOLDER", folder)
    lang_module.load_language.cache_clear()
    yield folder
    lang_module.load_language.cache_clear()


def test_a_language_file_is_all_a_language_needs(fourth_language):
    from demandx.api import extract
    from demandx.lang import available_languages, load_language
    from demandx.loaders import load_bytes
    from demandx.schema import record_schema

    assert "fr" in available_languages()
    assert load_language("fr").name == "French"
    text = load_bytes(b"Nous demandons au maire de rouvrir la piscine.", "<t>", "text")
    document = extract(text, lang="fr", models={"fr": "blank"})
    assert [d.addressees for d in document.demands] == [["maire"]]
    assert "fr" in record_schema()["properties"]["language"]["enum"]


def test_the_command_line_offers_every_language_file(fourth_language):
    script = textwrap.dedent(f"""
        import demandx.lang as lang
        from pathlib import Path
        lang._FOLDER = Path({str(fourth_language)!r})
        from demandx.cli._common import LangChoice
        print(sorted(choice.value for choice in LangChoice))
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True).stdout
    assert "'fr'" in out and "'auto'" in out


def test_a_key_given_twice_in_a_language_file_is_refused(fourth_language):
    # a YAML reader would let the second silently replace the first
    from demandx.errors import LanguageDataError
    from demandx.lang import load_language

    path = fourth_language / "fr.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "name: Français\n", encoding="utf-8")
    with pytest.raises(LanguageDataError, match="'name' is given twice"):
        load_language("fr")
