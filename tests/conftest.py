"""Shared fixtures. Tests over ../shared (the corpus beside the repository) skip with a
reason where it is absent, as on a user's machine; set DEMANDX_SHARED to point elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("DEMANDX_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"


def needs_shared(*parts: str) -> Path:
    """The path under ../shared, or skip the test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared corpus is only beside the repository "
                    "in CI and on the developers' machines)")
    return path


@pytest.fixture(scope="session")
def de_lang():
    from demandx.lang import load_language

    return load_language("de")


@pytest.fixture(scope="session")
def nl_lang():
    from demandx.lang import load_language

    return load_language("nl")


@pytest.fixture(scope="session")
def en_lang():
    from demandx.lang import load_language

    return load_language("en")


def extract_str(text: str, lang: str | None = None, fmt: str = "text"):
    """Run the whole pipeline on a string (blank spaCy pipeline unless told otherwise)."""
    from demandx.api import extract
    from demandx.loaders import load_bytes

    loaded = load_bytes(text.encode("utf-8"), "<test>", fmt)
    return extract(loaded, lang=lang, models=_models())


def demands_in(text: str, lang: str | None = None, fmt: str = "text") -> list:
    """Every demand the pipeline finds in a string, the points of a list too."""
    return list(extract_str(text, lang=lang, fmt=fmt).all_demands())


def unit_texts(text: str, lang: str | None = None, fmt: str = "text") -> list[str]:
    """The texts of `demands_in`, their spaces collapsed."""
    return [" ".join(d.text.split()) for d in demands_in(text, lang, fmt)]


def texts_and_addressees(text: str, lang: str | None = None, fmt: str = "text") -> list:
    """(text, addressees) of each of `demands_in`, the text's spaces collapsed."""
    return [(" ".join(d.text.split()), d.addressees) for d in demands_in(text, lang, fmt)]


def _models() -> dict[str, str]:
    spec = os.environ.get("DEMANDX_TEST_MODEL")
    return {code: spec for code in ("de", "nl", "en")} if spec else {}
