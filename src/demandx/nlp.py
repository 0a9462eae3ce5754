"""spaCy pipelines: which one to load for a language, loaded lazily and once per process.

A pipeline is given per language as a *spec*:

* `blank`: spaCy's tokenizer and rule-based sentencizer only (no model files);
* a directory (`models/de`, any path holding a spaCy `config.cfg`);
* an installed package name (`de_core_news_sm`);
* nothing: the pipeline bundled with demandx for that language if there is one, else blank.

Specs come from `--model de=SPEC` (several allowed) or the environment variable
`DEMANDX_MODELS="de=SPEC,nl=SPEC"`.
"""

from __future__ import annotations

import os
import threading
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from demandx import collector
from demandx.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language as SpacyLanguage

ENV_VAR = "DEMANDX_MODELS"
BLANK = "blank"
_CACHE: dict[tuple[str, str], SpacyLanguage] = {}
# re-entrant: loading a trained pipeline first gets the blank one it shares a tokenizer with
_LOCK = threading.RLock()
_SHARED_TOKENIZER = "demandx.shared_tokenizer.v1"


def parse_model_specs(values: list[str] | None, env: str | None = None) -> dict[str, str]:
    """`["de=models/de", "nl=blank"]` (and the environment variable) -> {"de": ..., "nl": ...}.
    Command-line values win over the environment.

    Raises:
        ModelError: a value is not of the form LANG=SPEC.
    """
    specs: dict[str, str] = {}
    env = os.environ.get(ENV_VAR, "") if env is None else env
    for source, items in ((ENV_VAR, [v for v in env.split(",") if v.strip()]),
                          ("--model", values or [])):
        for item in items:
            lang, sep, spec = item.partition("=")
            if not sep or not lang.strip() or not spec.strip():
                raise ModelError(f"{source}: expected LANG=MODEL (such as de=models/de), "
                                 f"got {item!r}")
            specs[lang.strip()] = spec.strip()
    return specs


@cache
def bundled_model(lang: str) -> Path | None:
    """The pipeline shipped with demandx for `lang`, if there is one."""
    try:
        folder = resources.files("demandx.models").joinpath(lang)
    except ModuleNotFoundError:
        return None
    path = Path(str(folder))
    return path if (path / "config.cfg").is_file() else None


def check_spec(lang: str, spec: str) -> None:
    """Fail early on a spec that names nothing loadable (pipelines load lazily, perhaps
    only deep into a batch, so a typo would otherwise surface late or never).

    Raises:
        ModelError: not "blank", not a directory holding a spaCy config.cfg, and not an
            installed package.
    """
    import importlib.util

    if spec == BLANK or (Path(spec) / "config.cfg").is_file():
        return
    if "/" not in spec and importlib.util.find_spec(spec.replace("-", "_")) is not None:
        return
    raise ModelError(f"cannot load spaCy pipeline {spec!r} for {lang}: not 'blank', not a "
                     "directory with a config.cfg, and not an installed package")


def resolve_spec(lang: str, spec: str | None) -> str:
    """The spec that will be loaded for `lang`: explicit, else bundled, else blank."""
    if spec:
        return spec
    bundled = bundled_model(lang)
    return str(bundled) if bundled else BLANK


def cheap_pipeline(lang: str) -> SpacyLanguage:
    """The blank pipeline (tokenizer, sentencizer, demand reader) every document goes
    through first, whatever pipeline is chosen: it decides what is a demand."""
    return get_pipeline(lang, BLANK)


def refining_pipeline(lang: str, spec: str | None = None) -> SpacyLanguage | None:
    """The trained pipeline that re-reads demand sentences whose addressee the cheap pass
    could not settle, or None when the choice for `lang` is the blank pipeline."""
    if resolve_spec(lang, spec) == BLANK:
        return None
    return get_pipeline(lang, spec)


def get_pipeline(lang: str, spec: str | None = None) -> SpacyLanguage:
    """The spaCy pipeline for `lang`, loaded on first use and cached for the process.

    Raises:
        ModelError: the spec names nothing spaCy can load, or a pipeline for another language.
    """
    resolved = resolve_spec(lang, spec)
    key = (lang, resolved)
    with _LOCK:
        if key not in _CACHE:
            _CACHE[key] = _load(lang, resolved)
            collector.started()
        return _CACHE[key]


def _load(lang: str, spec: str) -> SpacyLanguage:
    import spacy

    from demandx import analysis  # registers the demandx_demands factory

    if spec == BLANK:
        nlp = spacy.blank(lang)
        _keep_hyphenated_words(nlp)
        nlp.add_pipe("sentencizer")
    else:
        # demandx's rules read forms, parts of speech and the parse, not lemmas (the
        # word lists hold every form; the trained lemmatizer measured no better):
        # leaving the lemmatizer out saves a fifth of the time
        exclude = ["ner", "textcat", "textcat_multilabel", "lemmatizer", "tagger",
                   "trainable_lemmatizer", "tokenizer"]
        try:
            base = _shareable_base(lang, spec)
            if base is not None:
                _register_shared_tokenizer()
                nlp = spacy.load(spec, vocab=base.vocab, exclude=exclude, config={
                    "nlp": {"tokenizer": {"@tokenizers": _SHARED_TOKENIZER}}})
            else:
                nlp = spacy.load(spec, exclude=exclude)
                _load_tokenizer(nlp)
        except (OSError, ValueError, ImportError) as exc:
            raise ModelError(f"cannot load spaCy pipeline {spec!r} for {lang}: "
                             f"{str(exc).splitlines()[0]}") from exc
        if nlp.lang != lang:
            raise ModelError(f"pipeline {spec!r} is for language {nlp.lang!r}, not {lang!r}")
        if not any(name in nlp.pipe_names for name in ("parser", "senter", "sentencizer")):
            nlp.add_pipe("sentencizer", first=True)
    component = nlp.add_pipe(analysis.COMPONENT, config={"language": lang})
    component.initialize(nlp=nlp)
    if nlp.has_pipe("parser"):
        from demandx.addressees import GRAMMAR_COMPONENT
        from demandx.lang import load_language

        data = load_language(lang)
        patterns = [{"label": label, "pattern": pattern}
                    for label, pattern in data.addressee_grammar]
        nlp.add_pipe(GRAMMAR_COMPONENT).initialize(
            nlp=nlp, patterns=patterns, name_prepositions=sorted(data.name_prepositions),
            owner_prepositions=sorted(data.owner_prepositions),
            role_particles=sorted(data.words.get("role_particles", ())),
            pair_suffixes=sorted(data.words.get("feminine_suffixes", ())))
    return nlp


def _keep_hyphenated_words(nlp: SpacyLanguage) -> None:
    """A hyphen between letters joins one word ("Vice-Chancellor", "Secretary-General"),
    as spaCy's German and Dutch tokenizers already keep it ("Kita-Träger"): split there,
    an office was read as its first part ("We call on the Vice-Chancellor" -> "Vice"),
    and the rules, which read a hyphenated word as one, met it in three tokens."""
    if len(nlp.tokenizer("a-b")) == 1:
        return  # (testing each rule compiles its large character classes: 0.05 s)
    import re

    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes or ())
    # the same rules, less a single hyphen: dashes still part clauses ("The Council
    # must—as a matter of urgency—review", "policy--and")
    changed = [pattern if not re.search(pattern, "a-b") else f"(?!-[^-]){pattern}"
               for pattern in infixes]
    if changed != infixes:
        nlp.tokenizer.infix_finditer = compile_infix_regex(changed).finditer


def _shareable_base(lang: str, spec: str) -> SpacyLanguage | None:
    """The blank pipeline for `lang`, when the trained pipeline at `spec` can share its
    tokenizer and vocabulary; else None.

    Building a stock tokenizer means adding thousands of special cases: most of a
    pipeline's load time, and every process needs the blank pipeline anyway. Sharing
    is safe only when the trained pipeline would build the very same tokenizer and
    its vocabulary adds nothing that changes what a word is (lookup tables, vectors):
    checked from the files, before anything is loaded. Installed packages, whose
    vocabularies may hold such tables, load on their own."""
    from spacy import util

    path = Path(spec)
    vocab = path / "vocab"
    try:
        config = util.load_config(path / "config.cfg", interpolate=False)
        vectors = util.srsly.read_json(vocab / "vectors.cfg") \
            if (vocab / "vectors.cfg").is_file() else {}
        # an empty table set is serialised as an empty msgpack map: one byte
        tables = (vocab / "lookups.bin").is_file() and (vocab / "lookups.bin").stat().st_size > 1
        has_vectors = _has_vectors(vocab / "vectors")
    except (OSError, ValueError):
        return None
    nlp_config = config.get("nlp", {})
    if (nlp_config.get("lang") != lang or tables or has_vectors
            or vectors.get("mode", "default") != "default"
            or nlp_config.get("tokenizer") != {"@tokenizers": "spacy.Tokenizer.v1"}):
        return None
    base = get_pipeline(lang, BLANK)
    return base if _is_saved_tokenizer(path / "tokenizer", base.tokenizer) else None


def _has_vectors(path: Path) -> bool:
    import numpy

    if not path.is_file():
        return False
    # mapped, not read: only the array's header is needed
    return numpy.load(path, mmap_mode="r", allow_pickle=False).size > 0


def _is_saved_tokenizer(saved: Path, tokenizer) -> bool:
    """Whether the tokenizer saved at `saved` is `tokenizer` (compared as bytes, which
    is cheap, where reading it would re-add every special case)."""
    try:
        return saved.read_bytes() == tokenizer.to_bytes(exclude=["vocab"])
    except OSError:
        return False


@cache
def _register_shared_tokenizer() -> None:
    """A spaCy tokenizer factory that hands a trained pipeline the tokenizer of the blank
    pipeline for its language (see _shareable_base), so that it is built only once."""
    from spacy import registry

    def create(nlp: SpacyLanguage):
        base = _CACHE[(nlp.lang, BLANK)]
        if base.vocab is not nlp.vocab:
            raise ValueError("a shared tokenizer needs the blank pipeline's vocabulary")
        return base.tokenizer

    registry.tokenizers.register(_SHARED_TOKENIZER, func=lambda: create)


def _load_tokenizer(nlp: SpacyLanguage) -> None:
    """The pipeline's saved tokenizer, read only when it differs from the language's
    stock tokenizer, which spaCy has already built from the config. Reading it means
    re-adding thousands of special cases: half of a pipeline's load time, paid again
    in every worker process, for a tokenizer that is usually the stock one."""
    saved = nlp.path / "tokenizer" if nlp.path is not None else None
    if saved is None or not saved.is_file():
        return
    if not _is_saved_tokenizer(saved, nlp.tokenizer):
        nlp.tokenizer.from_disk(saved, exclude=["vocab"])


def describe(lang: str, spec: str | None = None) -> str:
    """What would be loaded for `lang`, in words (for --verbose and error messages)."""
    resolved = resolve_spec(lang, spec)
    return "blank pipeline (tokenizer + sentencizer)" if resolved == BLANK else resolved
