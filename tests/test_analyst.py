"""For the analyst: normalised addressees, --addressee, CSV, show, diff, schema."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from typer.testing import CliRunner

from conftest import SEEDS, _models, needs_shared
from demandx.cli import app
from demandx.taxonomy import categories, classify

runner = CliRunner()
RESOLUTION = SEEDS / "000_c0e25bf6d5223cae.txt"


@pytest.mark.parametrize(
    ("name", "canonical", "category"),
    [
        pytest.param("nächste Bundesregierung", "Bundesregierung", "national-government",
                     id="de-next-government"),
        pytest.param("Bundesregierung", "Bundesregierung", "national-government", id="de"),
        pytest.param("komende kabinet", "regering", "national-government", id="nl-cabinet"),
        pytest.param("regering", "regering", "national-government", id="nl-government"),
        pytest.param("Government", "Government", "national-government", id="en"),
        pytest.param("Landesregierung", "Landesregierung", "state-government", id="state"),
        pytest.param("Stadt Landau", "Stadt Landau", "municipality", id="city"),
        pytest.param("gemeenten", "gemeenten", "municipality", id="nl-municipalities"),
        pytest.param("Bundestag", "Bundestag", "parliament", id="parliament"),
        pytest.param("Europäische Union", "EU", "eu", id="eu"),
        pytest.param("Politik", "Politik", "parties", id="politics"),
        pytest.param("Unternehmen", "Unternehmen", "employers", id="companies"),
        pytest.param("Gewerkschaften", "Gewerkschaften", "unions", id="unions"),
        pytest.param("Sozialpartner", "Sozialpartner", "social-partners", id="partners"),
        pytest.param("Hochschulen", "Hochschulen", "education-research", id="education"),
        pytest.param("Secretary of State for Health", "Secretary of State for Health",
                     "national-government", id="en-named-with-preposition"),
        pytest.param("Minister van Financiën", "Minister van Financiën", "national-government",
                     id="nl-named-with-preposition"),
        pytest.param("Mayor of London", "Mayor of London", "municipality", id="en-mayor"),
        pytest.param("DFB", "DFB", "other", id="unknown"),
    ],
)
def test_taxonomy(name, canonical, category):
    actor = classify(name)
    assert (actor.canonical, actor.category) == (canonical, category)
    assert category in categories()


def test_addressee_filter_by_name_and_category():
    by_name = yaml.safe_load(runner.invoke(app, ["extract", str(RESOLUTION), "-a",
                                                 "Unternehmen"]).stdout)
    assert len(by_name["demands"]) == 9
    by_category = yaml.safe_load(runner.invoke(app, ["extract", str(RESOLUTION), "-a",
                                                     "parties"]).stdout)
    assert [d["number"] for d in by_category["demands"]] == [str(n) for n in range(1, 9)]


def test_csv_has_one_row_per_demand_and_item():
    result = runner.invoke(app, ["extract", str(SEEDS / "003_3016d25004927096.txt"),
                                 "-f", "csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 17
    item = next(r for r in rows if r["id"] == "1.2")
    assert item["parent"] == "1" and item["depth"] == "1"
    assert "national-government" in item["categories"].split(" | ")


def test_show_plain_when_piped():
    result = runner.invoke(app, ["show", str(RESOLUTION)])
    assert result.exit_code == 0
    assert "\x1b[" not in result.stdout
    assert "Forderungen an die Politik" in result.stdout
    assert "Punkt 1" in result.stdout and "lines 25–33" in result.stdout
    flat = runner.invoke(app, ["show", str(RESOLUTION), "--only-demands", "--lines"]).stdout
    assert "Forderungen an die Unternehmen" not in flat.split("die uneingeschränkte")[0][-200:]
    assert "### **Punkt 1:" in flat  # the source lines


def test_diff_versions(tmp_path):
    old = tmp_path / "v1.md"
    new = tmp_path / "v2.md"
    old.write_text("## Forderungen an die Stadt\n\n1. Mehr Busse in allen Stadtteilen\n"
                   "2. Sichere Radwege an allen Hauptstraßen bauen\n3. Tempo 30 vor Schulen\n",
                   encoding="utf-8")
    new.write_text("## Forderungen an die Stadt\n\n1. Mehr Busse in allen Stadtteilen\n"
                   "2. Kostenloser Nahverkehr für Schülerinnen und Schüler\n"
                   "3. Sichere Radwege an allen Haupt- und Nebenstraßen bauen\n", encoding="utf-8")
    result = runner.invoke(app, ["diff", str(old), str(new), "--exit-code"])
    assert result.exit_code == 1
    report = yaml.safe_load(result.stdout)
    assert report["summary"] == {"added": 1, "removed": 1, "changed": 1, "unchanged": 1}
    assert report["added"][0]["text"].startswith("Kostenloser Nahverkehr")
    assert report["removed"][0]["text"] == "Tempo 30 vor Schulen"
    assert report["changed"][0]["fields"] == ["number", "text"]
    saved = tmp_path / "v1.yaml"
    runner.invoke(app, ["extract", str(old), "-o", str(saved)])
    same = runner.invoke(app, ["diff", str(saved), str(old), "--exit-code", "-f", "json"])
    assert same.exit_code == 0
    assert json.loads(same.stdout)["summary"]["unchanged"] == 3
    table = runner.invoke(app, ["diff", str(old), str(new), "-f", "table"])
    assert "removed" in table.stdout and "1 added, 1 removed, 1 changed" in table.stdout


def schema_validator():
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(runner.invoke(app, ["schema"]).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_seed_records_validate_against_the_schema():
    validator = schema_validator()
    records = json.loads(runner.invoke(app, ["extract", str(SEEDS), "-f", "json"]).stdout)
    for record in records:
        validator.validate(record)


def test_every_corpus_record_validates_against_the_schema():
    validator = schema_validator()
    from demandx.api import extract_many

    docs = needs_shared("corpus", "docs")
    for outcome in extract_many([docs, needs_shared("corpus", "large")], models=_models()):
        assert outcome.error is None
        validator.validate(outcome.document.to_dict())


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("national-govt", "did you mean national-government?", id="typo"),
        pytest.param("Partys", "did you mean parties?", id="close-to-category"),
        pytest.param("local-authority", "categories: national-government", id="slug"),
    ],
)
def test_addressee_that_is_no_category_is_a_usage_error(value, expected):
    result = runner.invoke(app, ["extract", str(RESOLUTION), "-a", value])
    assert result.exit_code == 2
    assert expected in result.stderr
    assert result.stdout == ""


def test_addressee_free_text_name_is_kept_with_a_warning(tmp_path):
    doc = tmp_path / "dfb.md"
    doc.write_text("# Forderungen\n\n1. Wir fordern den DFB auf, die Regeln zu ändern.\n",
                   encoding="utf-8")
    result = runner.invoke(app, ["extract", str(doc), "-a", "DFB"])
    assert result.exit_code == 0
    assert "'DFB' is neither a category nor a name the taxonomy knows" in result.stderr
    assert yaml.safe_load(result.stdout)["demands"][0]["addressees"] == ["DFB"]
    known = runner.invoke(app, ["extract", str(doc), "-a", "Bundesregierung"])
    assert known.exit_code == 0 and "Warning" not in known.stderr
