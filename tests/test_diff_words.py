"""`demandx diff`: what changed inside a changed demand, and versions in directories."""

from __future__ import annotations

import pytest
import yaml
from typer.testing import CliRunner

from demandx.cli import app
from demandx.worddiff import marked

runner = CliRunner()

LONG = ("Die Landesregierung muss die Gebühren für Kitas in allen Städten und Gemeinden des "
        "Landes bis zum Jahr 2026 vollständig abschaffen und die Kommunen dafür entschädigen.")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param("Sichere Radwege an allen Hauptstraßen bauen",
                     "Sichere Radwege an allen Haupt- und Nebenstraßen bauen",
                     "Sichere Radwege an allen [-Hauptstraßen-] {+Haupt- und Nebenstraßen+} "
                     "bauen", id="replaced"),
        pytest.param(LONG, LONG.replace("2026 vollständig", "2027"),
                     "… des Landes bis zum Jahr [-2026 vollständig-] {+2027+} abschaffen und "
                     "die Kommunen dafür entschädigen.", id="long-with-context"),
        pytest.param("Mehr Busse", "Mehr Busse und Bahnen", "Mehr Busse {+und Bahnen+}",
                     id="added-at-the-end"),
        pytest.param("Tempo 30\nvor Schulen", "Tempo 30 vor Schulen", "Tempo 30 vor Schulen",
                     id="spacing-does-not-count"),
    ],
)
def test_marked_word_changes(old, new, expected):
    assert marked(old, new) == expected


def _versions(tmp_path):
    old = tmp_path / "old"
    new = tmp_path / "new"
    old.mkdir()
    new.mkdir()
    head = "## Forderungen an die Stadt\n\n1. Mehr Busse in allen Stadtteilen\n"
    (old / "antrag.md").write_text(head + f"2. {LONG}\n", encoding="utf-8")
    (new / "antrag.md").write_text(head + f"2. {LONG.replace('2026', '2027')}\n",
                                   encoding="utf-8")
    (new / "brief.md").write_text("# Forderungen\n\n1. Die Stadt muss Radwege bauen.\n",
                                  encoding="utf-8")
    return old, new


def test_yaml_says_which_words_changed(tmp_path):
    old, new = _versions(tmp_path)
    result = runner.invoke(app, ["diff", str(old / "antrag.md"), str(new / "antrag.md")])
    assert result.exit_code == 0, result.stderr
    changed = yaml.safe_load(result.stdout)["changed"]
    assert [c["fields"] for c in changed] == [["text"]]
    assert "bis zum Jahr [-2026-] {+2027+} vollständig" in changed[0]["words"]


def test_table_shows_the_changed_words_not_two_prefixes(tmp_path):
    old, new = _versions(tmp_path)
    result = runner.invoke(app, ["diff", str(old / "antrag.md"), str(new / "antrag.md"),
                                 "-f", "table"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    assert "[-2026-] {+2027+}" in result.stdout
    assert "→ Die Landesregierung" not in result.stdout


def test_directories_are_compared_by_file_name(tmp_path):
    old, new = _versions(tmp_path)
    result = runner.invoke(app, ["diff", str(old), str(new)])
    assert result.exit_code == 0, result.stderr
    reports = {(r["old"], r["new"]): r["summary"] for r in yaml.safe_load_all(result.stdout)}
    assert reports == {
        ((old / "antrag.md").as_posix(), (new / "antrag.md").as_posix()):
            {"added": 0, "removed": 0, "changed": 1, "unchanged": 1},
        (None, (new / "brief.md").as_posix()):
            {"added": 1, "removed": 0, "changed": 0, "unchanged": 0},
    }


def test_saved_output_against_a_directory(tmp_path):
    old, _new = _versions(tmp_path)
    saved = tmp_path / "demands.yaml"
    assert runner.invoke(app, ["extract", str(old), "-o", str(saved)]).exit_code == 0
    same = runner.invoke(app, ["diff", str(saved), str(old), "--exit-code"])
    assert same.exit_code == 0, same.stdout
    (old / "antrag.md").write_text("## Forderungen an die Stadt\n\n1. Weniger Busse\n",
                                   encoding="utf-8")
    assert runner.invoke(app, ["diff", str(saved), str(old), "--exit-code"]).exit_code == 1
