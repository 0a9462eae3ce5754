"""Batches: input order, the same records with any number of workers, Dask, start-up."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import SEEDS, needs_shared
from demandx.api import extract_many, find_documents


def records(outcomes):
    return [(o.source, o.document.to_dict() if o.document else str(o.error))
            for o in outcomes]


def test_workers_give_the_same_records_in_input_order(tmp_path):
    for index in range(20):
        (tmp_path / f"doc{index:02}.txt").write_text(
            f"Wir fordern die Stadt auf, {index} Bäume zu pflanzen.\n", encoding="utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"no pdf")
    inputs = [str(tmp_path), str(SEEDS), str(tmp_path / "missing.txt")]
    one = records(extract_many(inputs, jobs=1))
    two = records(extract_many(inputs, jobs=2))
    assert one == two
    names = [source.rsplit("/", 1)[-1] for source, _ in one]
    assert names[0] == "broken.pdf" and names[1] == "doc00.txt"
    assert "missing.txt" in names[-1]
    assert "no such file" in one[-1][1]


def test_find_documents_lists_errors_in_place(tmp_path):
    found = find_documents([str(SEEDS), str(tmp_path / "nope")])
    assert len(found) == 5
    assert "no such file" in str(found[-1])


def test_dask_cluster_gives_the_same_records():
    distributed = pytest.importorskip("dask.distributed")
    docs = needs_shared("corpus", "moties", "docs")
    files = sorted(docs.glob("*.txt"))[:200]
    single = records(extract_many(files))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        on_dask = records(extract_many(files, client=client))
    assert on_dask == single
    assert len(single) == 200


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["extract", "--help"]])
def test_help_does_not_import_spacy(args):
    code = ("import sys\nfrom demandx.cli import app\n"
            f"try:\n    app({args!r})\nexcept SystemExit:\n    pass\n"
            "print('spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip().splitlines()[-1] == "False"
