"""`demandx eval` scoring, on small gold files and predictions written here."""

from __future__ import annotations

import json

import pytest
import yaml
from typer.testing import CliRunner

from demandx.cli import app
from demandx.evaluate import GoldDoc, GoldEntry, evaluate, reduce


def entry(anchor, number=None, addressees=None, optional_addressees=(), optional=False):
    return GoldEntry(anchor=anchor, number=number,
                     addressees=None if addressees is None else [a.lower().split("|")
                                                                 for a in addressees],
                     optional_addressees=[a.lower().split("|") for a in optional_addressees],
                     optional=optional)


def record(*demands):
    return {"source": "doc.txt", "demands": list(demands)}


def demand(text, number=None, addressees=(), items=(), title=None):
    return {"title": title, "text": text, "number": number, "addressees": list(addressees),
            "items": list(items)}


def test_reduce():
    assert reduce("Stein- und Braunkohle, 2030!") == "steinundbraunkohle2030"


def test_precision_recall_numbers_addressees():
    gold = GoldDoc("doc", "doc.txt", [
        entry("Mehr Busse", number="1", addressees=["Stadt Landau|Stadt"]),
        entry("Sichere Radwege", number="Punkt 2", addressees=["Stadt"]),
        entry("Vielleicht", optional=True),
        entry("Nicht gefunden"),
    ])
    predicted = record(
        demand("Wir fordern mehr Busse.", "1", ["Stadt Landau"]),
        demand("Sichere Radwege bauen", "2.", ["die Stadt", "Land"]),
        demand("Vielleicht auch das"),
        demand("Etwas anderes"),
    )
    score = evaluate([gold], {"doc": predicted}).overall
    assert (score.units, score.optional_units, score.matched_units) == (4, 1, 2)
    assert score.precision == pytest.approx(2 / 3)
    assert score.recall == pytest.approx(2 / 3)
    assert score.number_accuracy == 1.0            # "Punkt 2" == "2."
    assert score.addressee_accuracy == 0.5         # "Land" is not a gold spelling


def test_entries_take_the_shortest_unmatched_unit_and_items_count():
    gold = GoldDoc("doc", "doc.txt", [entry("Radwege"), entry("Radwege")])
    predicted = record(demand("Radwege und noch viel mehr Text",
                              items=[demand("Radwege")]))
    score = evaluate([gold], {"doc": predicted}).overall
    assert score.found == 2 and score.units == 2


def test_missing_document_counts_as_all_missed():
    gold = GoldDoc("doc", "doc.txt", [entry("A"), entry("B", optional=True)])
    score = evaluate([gold], {"doc": None}).overall
    assert (score.required, score.found, score.recall) == (1, 0, 0.0)


def test_cli_scores_predictions_file(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "motion.yaml").write_text(yaml.safe_dump({
        "document": "motion.txt", "language": "nl",
        "demands": [{"anchor": "verzoekt de regering", "addressees": ["regering"]}],
    }), encoding="utf-8")
    doc = tmp_path / "motion.txt"
    doc.write_text("verzoekt de regering de huren te bevriezen,\n", encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["extract", str(doc), "-f", "jsonl", "-o", str(out)]).exit_code == 0
    result = runner.invoke(app, ["eval", "--gold", str(gold_dir), "--predictions", str(out),
                                 "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["overall"]["f1"] == 1.0
    assert report["overall"]["addressee_accuracy"] == 1.0
    direct = runner.invoke(app, ["eval", "--gold", str(gold_dir), str(doc)])
    assert direct.exit_code == 0
    assert direct.stdout.strip().splitlines()[-2].startswith("precision 1.000  recall 1.000")


def test_cli_eval_usage_errors(tmp_path):
    runner = CliRunner()
    assert runner.invoke(app, ["eval", "--gold", str(tmp_path)]).exit_code == 2
    assert runner.invoke(app, ["eval", "--gold", str(tmp_path), "-p", "x", "doc"]).exit_code == 2
    result = runner.invoke(app, ["eval", "--gold", str(tmp_path / "none"), "doc.txt"])
    assert result.exit_code == 1 and "no such gold" in result.stderr
