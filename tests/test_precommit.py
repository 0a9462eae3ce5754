"""The pre-commit hooks of .pre-commit-hooks.yaml, run by pre-commit in a temporary git
repository. They run as `repo: local` hooks with `language: system` (demandx is
installed where the tests run), so that pre-commit needs no network to build an
environment; entry, file pattern and arguments are the ones the hook file defines."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

pytest.importorskip("pre_commit")
if shutil.which("git") is None:
    pytest.skip("git is not installed", allow_module_level=True)

HOOKS = {hook["id"]: hook for hook in
         yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
DEMANDS = "# Forderungen an die Stadt\n\n1. Die Stadt muss Radwege bauen.\n"


def _local(hook_id: str, **extra) -> dict:
    hook = {**HOOKS[hook_id], "language": "system", **extra}
    hook.pop("description", None)
    return hook


def _git(repo: Path, *args: str, env: dict) -> None:
    subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)


def _pre_commit(repo: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files",
                           "--color", "never"], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture
def repo(tmp_path):
    repo = tmp_path / "papers"
    (repo / "docs").mkdir(parents=True)
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""),
           "GIT_CONFIG_NOSYSTEM": "1", "NO_COLOR": "1"}
    env.pop("DEMANDX_MODELS", None)
    _git(repo, "init", "-q", env=env)
    config = {"repos": [{"repo": "local", "hooks": [
        _local("demandx-extract"),
        _local("demandx-diff", args=["demands.yaml", "docs/"]),
    ]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (repo / "docs" / "antrag.md").write_text(DEMANDS, encoding="utf-8")
    (repo / "docs" / "notes.bin").write_bytes(b"\x00\x01")  # not a document: not passed
    saved = subprocess.run(["demandx", "extract", "docs/", "-o", "demands.yaml"], cwd=repo,
                           env=env, capture_output=True, text=True)
    assert saved.returncode == 0, saved.stderr
    _git(repo, "add", "-A", env=env)
    return repo, env


def test_hooks_pass_on_documents_with_demands_and_fresh_output(repo):
    path, env = repo
    result = _pre_commit(path, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "demandx finds demands in changed documents" in result.stdout
    assert "demandx saved demands are up to date" in result.stdout
    assert result.stdout.count("Passed") == 2


def test_hooks_fail_on_a_changed_demand_and_a_document_without_demands(repo):
    path, env = repo
    (path / "docs" / "antrag.md").write_text("# Notizen\n\nEin Bericht über das Jahr.\n",
                                             encoding="utf-8")
    _git(path, "add", "-A", env=env)
    result = _pre_commit(path, env)
    assert result.returncode == 1
    assert result.stdout.count("Failed") == 2, result.stdout
    assert "exit code: 3" in result.stdout
    assert "no demand found in any input" in result.stdout
    assert "removed" in result.stdout  # the diff table names the removed demand
