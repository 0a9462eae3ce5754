"""Language data: one YAML file per language (`de.yaml`, `nl.yaml`, `en.yaml`) plus `base.yaml`.

Each file has the same keys (listed in `_KEYS`). Code holds no words of any language:
everything a rule needs to know about German or Dutch is in these files, read once per
process and validated on load.

Pattern syntax (used by `triggers`, `non_triggers`, `consideration_cues`, `commitment_cues`,
`addressee_patterns`, `heading_addressee_patterns`, `lead_addressee_patterns`,
`part_addressee_patterns`, `counterpart_patterns`,
`point_addressee_patterns`): tokens separated by spaces,
matched against a spaCy Doc token by token.

    @name       a token whose lower-case form is in the word class `words.name`
                (or in a list key such as `articles`, `adverbs`, `author_pronouns`)
    word        a token whose lower-case form is `word` (also punctuation: `,`)
    /regex/     a token whose lower-case form matches the regular expression
    _           any token
    ~           any token but a clause break (, ; :)
    ^           the next token starts a sentence, follows `,` `;` `:`, or `,` and a
                coordinator ("..., und der Bund muss")
    NP          a noun phrase (the addressee slot of an explicit request: "verzoekt NP")
    ACTOR       a noun phrase naming an actor (`actors` below)
    SUBJECT     an actor noun phrase in the nominative, such as the subject of a modal
    SPEAKER     an actor noun phrase in the nominative that asks ("bittet der Bundesrat
                die Bundesregierung"): never an addressee of the clause
    ASKER       any noun phrase where only the one who asks can stand ("Daarnaast vraagt
                de vereniging aandacht"): never an addressee of the clause
    PATIENT     any noun phrase that is acted on or is to receive ("dat de wet strikt
                wordt gehandhaafd", "dass die Kommunen mehr Geld erhalten"): never an
                addressee of the clause
    ROLE        any noun phrase that gives the part an actor acts in ("Der Bürgermeister
                als Straßenpolizeibehörde"): never an addressee of the clause

    Each element may end in an operator: ? (optional), * (any number), + (one or more),
    {m,n} (between m and n). The element right after ^ takes none.

`triggers` has five kinds: `request` (a call in any voice: "fordert", "verzoekt"),
`modal` (an obligation, its subject the addressee: "muss", "moet"), and `reader` (a
request its mood makes, to the reader: "Setzen Sie sich ... ein"), which is a demand only
in a letter whose salutation names the recipient; `asking` (a question that asks the
reader to act: "Bent u bereid ...?", "Could you please ...?"), a `reader` request that
its question mark does not turn into a mere question ("Deelt u de mening ...?" is one);
and `continuing` (what goes on with the demand of the clause before it, and is a demand
only after one: "Zudem soll ...").

Dependency patterns (`addressee_grammar`): a list of `{label, pattern}` entries, each
`pattern` a spaCy DependencyMatcher pattern (RIGHT_ID, RIGHT_ATTRS, LEFT_ID, REL_OP) with
one node named `addressee`. Anywhere in RIGHT_ATTRS, the string "@name" stands for the
sorted words of that word class, and an IN list of several ("@a", "@b") for their words
together.

Worked example (de): "@particle_verbs @author_pronouns? @adverbs* ACTOR _{0,12} @particle"
matches "fordern wir daher die Stadt Landau auf" and makes "Stadt Landau" the addressee.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from demandx.errors import LanguageDataError

if TYPE_CHECKING:
    from demandx.lang.data import Language

# The data files, read from the package's folder as a path: the command line lists the
# languages at every start (its --lang choices), and importlib.resources with its
# readers (tempfile, zipfile) took 7 ms of `demandx --help`'s 100. demandx runs from a
# folder anyway: its pipelines load from paths.
_FOLDER = Path(__file__).parent


@cache
def safe_loader():
    """The safe YAML loader, in C where PyYAML was built with libyaml (same data, 10x
    less time); PyYAML is imported only when data is read, not when the command line
    lists the languages. It refuses a key given twice in one mapping, which YAML readers
    otherwise let the second silently replace."""
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        def construct_mapping(self, node, deep=False):
            seen = set()
            for key_node, _value in node.value:
                key = self.construct_object(key_node, deep=deep)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        None, None, f"the key {key!r} is given twice", key_node.start_mark)
                seen.add(key)
            return super().construct_mapping(node, deep)

    return Loader

# key -> kind: "list" (list of words), "patterns" (list of pattern strings),
# "regexes", "map" (word -> word), "classes" (name -> list of words), "str",
# "triggers" (kind -> list of patterns), "actors".
_KEYS: dict[str, str] = {
    "code": "str",
    "name": "str",
    "nouns_capitalised": "bool",
    "verb_final_subordinates": "bool",
    "open_compounds": "bool",
    "detect_words": "list",
    "articles": "list",
    "nominative_articles": "list",
    "author_pronouns": "list",
    "adverbs": "list",
    "coordinators": "list",
    "correlatives": "list",
    "cataphora": "list",
    "infinitive_markers": "list",
    "negations": "list",
    "subordinators": "list",
    "pronouns": "list",
    "months": "list",
    "label_words": "list",
    "number_words": "list",
    "hyphen_keep_words": "list",
    "closing_lines": "regexes",
    "justification_words": "list",
    "salutations": "regexes",
    "recipient_lines": "regexes",
    "letter_notes": "regexes",
    "adjectives": "regexes",
    "participles": "regexes",
    "demand_headings": "list",
    "excluded_headings": "list",
    "demand_columns": "list",
    "addressee_columns": "list",
    "consideration_cues": "patterns",
    "commitment_cues": "patterns",
    "actors": "actors",
    "implied_addressees": "map",
    "citation_adjective_endings": "map",
    "citation_gender_articles": "map",
    "dependency_labels": "map",
    "genitive_prepositions": "list",
    "decision_nouns": "list",
    "words": "classes",
    "triggers": "triggers",
    "non_triggers": "patterns",
    "addressee_patterns": "patterns",
    "heading_addressee_patterns": "patterns",
    "lead_addressee_patterns": "patterns",
    "part_addressee_patterns": "patterns",
    "point_addressee_patterns": "patterns",
    "counterpart_patterns": "patterns",
    "addressee_grammar": "dep_patterns",
}
_ACTOR_KEYS = ("heads", "suffixes", "named", "name_prepositions", "not_actors")
_TRIGGER_KINDS = ("request", "modal", "reader", "asking", "continuing")
# List keys that patterns may also name with @ (besides the `words` classes).
_LIST_CLASSES = ("articles", "author_pronouns", "adverbs", "coordinators", "months",
                 "negations", "subordinators")
_SLOTS = ("NP", "ACTOR", "SUBJECT")
_LANGUAGE_FILE = re.compile(r"^[a-z]{2,3}\.yaml$")
_ELEMENT = re.compile(r"^(?P<body>.+?)(?P<op>\?|\*|\+|\{\d*,\d*\})?$")


def __getattr__(name: str) -> Any:
    # The Language class is defined on first use, in demandx.lang.data: the command
    # line imports this module at every start for the --lang choices, and making the
    # frozen dataclass of 45 fields (dataclasses writes and compiles its methods) was
    # 5 of the 7 ms this import took in `demandx --help`.
    if name == "Language":
        from demandx.lang.data import Language

        return Language
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def function_words(code: str) -> frozenset[str]:
    """The language's function words (those of its file and spaCy's stop words): the
    words that open no imperative and carry no content."""
    from spacy.util import get_lang_class

    lang = load_language(code)
    return (lang.articles | lang.adverbs | lang.coordinators | lang.subordinators
            | lang.author_pronouns | lang.words.get("second_person", frozenset())
            | lang.words.get("prepositions", frozenset())
            | frozenset(get_lang_class(code).Defaults.stop_words))


def available_languages() -> list[str]:
    """Codes of the languages that have a data file, sorted."""
    # language files are named by their ISO 639 code; base.yaml and actors.yaml are not
    return sorted(entry.name[: -len(".yaml")] for entry in _FOLDER.iterdir()
                  if _LANGUAGE_FILE.match(entry.name))


@cache
def load_language(code: str) -> Language:
    """Read, merge with base.yaml, validate and cache the data of one language.

    Raises:
        LanguageDataError: the language has no file, or its file is malformed
            (every problem is listed in one message).
    """
    known = available_languages()
    if code not in known:
        raise LanguageDataError(
            f"unknown language {code!r}: demandx has data for {', '.join(known)}"
        )
    base = _read_yaml("base.yaml")
    data = _read_yaml(f"{code}.yaml")
    problems = _validate(code, data)
    if problems:
        raise LanguageDataError(f"lang/{code}.yaml: " + "; ".join(problems))
    merged = _merge(base, data)
    return _build(merged)


def _read_yaml(name: str) -> dict[str, Any]:
    """One data file as a dict."""
    import yaml

    text = (_FOLDER / name).read_text(encoding="utf-8")
    try:
        # libyaml where PyYAML has it: the pure-Python reader took 0.07 s of every start
        data = yaml.load(text, Loader=safe_loader()) or {}
    except yaml.YAMLError as exc:
        raise LanguageDataError(f"lang/{name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise LanguageDataError(f"lang/{name}: expected a mapping of keys at the top")
    return data


def _validate(code: str, data: dict[str, Any]) -> list[str]:
    """Every problem in one language file: unknown keys (with near misses), missing keys,
    wrong types and patterns that name undefined word classes."""
    import difflib

    problems: list[str] = []
    for key in sorted(set(data) - set(_KEYS)):
        near = difflib.get_close_matches(key, _KEYS, n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        problems.append(f"unknown key {key!r}{hint}")
    missing = sorted(set(_KEYS) - set(data))
    if missing:
        problems.append(f"missing keys {', '.join(missing)}")
    if data.get("code") not in (None, code):
        problems.append(f"code is {data.get('code')!r} but the file is {code}.yaml")
    for key, kind in _KEYS.items():
        if key in data:
            problems.extend(_check_kind(key, kind, data[key]))
    classes = set(data.get("words") or {}) | set(_LIST_CLASSES) | {"quote_open"}
    for key, kind in _KEYS.items():
        if kind == "patterns":
            patterns = data.get(key) or []
        elif kind == "triggers":
            patterns = [p for group in (data.get(key) or {}).values() for p in group or []]
        else:
            continue
        for pattern in patterns:
            problems.extend(f"{key}: {p}" for p in pattern_problems(str(pattern), classes))
    return problems


def _check_kind(key: str, kind: str, value: Any) -> list[str]:
    """Type problems of one key's value."""
    if kind == "str":
        return [] if isinstance(value, str) else [f"{key} must be a string"]
    if kind == "bool":
        return [] if isinstance(value, bool) else [f"{key} must be true or false"]
    if kind in ("list", "patterns", "regexes"):
        if not isinstance(value, list):
            return [f"{key} must be a list"]
        not_text = [item for item in value if not isinstance(item, str)]
        if not_text:
            # YAML reads on/off/yes/no as booleans and digits as numbers
            return [f"{key}: {item!r} is not text; write it in quotes" for item in not_text]
        if kind == "regexes":
            problems = []
            for item in value:
                try:
                    re.compile(str(item))
                except re.error as exc:
                    problems.append(f"{key}: bad regular expression {item!r}: {exc}")
            return problems
        return []
    if kind == "map":
        return [] if isinstance(value, dict) else [f"{key} must be a mapping"]
    if kind == "classes":
        if not isinstance(value, dict):
            return [f"{key} must be a mapping of class name to word list"]
        problems = [f"{key}.{name} must be a list" for name, words in value.items()
                    if not isinstance(words, list)]
        problems += [f"{key}.{name}: {word!r} is not text; write it in quotes"
                     for name, words in value.items() if isinstance(words, list)
                     for word in words if not isinstance(word, str)]
        problems += [f"{key}.{name}: {word!r} has a space; classes match single tokens"
                     for name, words in value.items() if isinstance(words, list)
                     for word in words if " " in str(word)]
        return problems
    if kind == "triggers":
        if not isinstance(value, dict):
            return [f"{key} must be a mapping of kind to pattern list"]
        unknown = sorted(set(value) - set(_TRIGGER_KINDS))
        return [f"{key}: unknown kind {k!r} (expected {', '.join(_TRIGGER_KINDS)})"
                for k in unknown]
    if kind == "dep_patterns":
        return _dep_pattern_problems(key, value)
    if kind == "actors":
        if not isinstance(value, dict):
            return [f"{key} must be a mapping"]
        problems = [f"{key}.{name}: {word!r} is not text; write it in quotes"
                    for name, words in value.items() if isinstance(words, list)
                    for word in words if not isinstance(word, str)]
        unknown = sorted(set(value) - set(_ACTOR_KEYS))
        missing = sorted(set(_ACTOR_KEYS) - set(value))
        return (problems + [f"{key}: unknown key {k!r}" for k in unknown]
                + [f"{key}: missing key {k!r}" for k in missing])
    return []


def _dep_pattern_problems(key: str, value: Any) -> list[str]:
    """Shape problems of a list of dependency patterns (spaCy checks the rest when the
    patterns are added to a DependencyMatcher)."""
    if not isinstance(value, list):
        return [f"{key} must be a list"]
    problems = []
    for number, entry in enumerate(value):
        where = f"{key}[{number}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("label"), str) \
                or not isinstance(entry.get("pattern"), list):
            problems.append(f"{where} must have a label (text) and a pattern (list)")
            continue
        nodes = entry["pattern"]
        if not all(isinstance(node, dict) and "RIGHT_ID" in node for node in nodes):
            problems.append(f"{where}: every node needs a RIGHT_ID")
        elif sum(node["RIGHT_ID"] == "addressee" for node in nodes) != 1:
            problems.append(f"{where}: exactly one node must be named 'addressee'")
    return problems


def _expand_classes(value: Any, data: dict[str, Any]) -> Any:
    """A dependency pattern with every "@name" replaced by its word class's words."""
    if isinstance(value, dict):
        return {k: _expand_classes(v, data) for k, v in value.items()}
    if isinstance(value, list) and value and all(_is_class(v) for v in value):
        # an IN list of several classes: their words together
        return sorted({word for v in value for word in _expand_classes(v, data)})
    if isinstance(value, list):
        return [_expand_classes(v, data) for v in value]
    if _is_class(value):
        name = value[1:]
        words = (data.get("words") or {}).get(name)
        if words is None and name in _LIST_CLASSES:
            words = data.get(name)
        if words is None:
            raise LanguageDataError(f"lang/{data.get('code')}.yaml: addressee_grammar uses "
                                    f"undefined word class {value}")
        return sorted({str(w).lower() for w in words})
    return value


def _is_class(value: Any) -> bool:
    return isinstance(value, str) and value.startswith("@")


_MOST = re.compile(r"^\{\d*,(\d+)\}$")
_WIDEST_ANY_GAP = 12


def pattern_problems(pattern: str, classes: set[str]) -> list[str]:
    """What is wrong with one pattern string (empty list: nothing)."""
    import difflib

    problems = []
    elements = pattern.split()
    if len(elements) > 1 and elements[0] == "^" and elements[1][-1:] in ("?", "*", "+", "}"):
        # the start is tested on the first element, which an optional one may skip and
        # a repeated one would ask of every word it takes
        problems.append(f"{pattern!r}: the element after ^ must be one word, neither "
                        "optional nor repeated")
    for element in elements:
        match = _ELEMENT.match(element)
        body = match.group("body") if match else element
        most = _MOST.match(match.group("op") or "") if match else None
        if body == "_" and most and int(most.group(1)) > _WIDEST_ANY_GAP:
            # a gap of any tokens crosses clause breaks: a wide one makes the Matcher keep
            # so many partial matches that a long text takes minutes and gigabytes
            problems.append(f"{pattern!r}: a gap of any tokens spans at most "
                            f"{_WIDEST_ANY_GAP} (use ~ for one that stays in its clause)")
        if body.startswith("@") and body[1:] not in classes:
            near = difflib.get_close_matches(body[1:], sorted(classes), n=1)
            hint = f" (did you mean @{near[0]}?)" if near else ""
            problems.append(f"{pattern!r} uses undefined word class {body}{hint}")
        if body.startswith("/") and body.endswith("/") and len(body) > 1:
            try:
                re.compile(body[1:-1])
            except re.error as exc:
                problems.append(f"{pattern!r}: bad regular expression {body}: {exc}")
    return problems


def _correlative(pair: str) -> tuple[str, str]:
    """"sowohl als auch" -> ("sowohl", "als auch"): the word that opens the first phrase
    and the words that join the second."""
    first, _, rest = pair.lower().partition(" ")
    return first, rest


def _merge(base: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
    """The language's data with base.yaml's lists and word classes added."""
    merged = dict(data)
    for key, value in base.items():
        if key == "words":
            words = dict(value)
            words.update(data.get("words") or {})
            merged["words"] = words
        elif isinstance(value, list):
            merged[key] = list(data.get(key) or []) + [v for v in value
                                                       if v not in (data.get(key) or [])]
    return merged


def _lower_set(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or [])


def _build(data: dict[str, Any]) -> Language:
    """The typed Language from merged, validated data."""
    from demandx.lang.data import Language

    actors = data["actors"]
    return Language(
        code=data["code"],
        name=data["name"],
        nouns_capitalised=data["nouns_capitalised"],
        verb_final_subordinates=data["verb_final_subordinates"],
        open_compounds=data["open_compounds"],
        detect_words=_lower_set(data["detect_words"]),
        articles=_lower_set(data["articles"]),
        nominative_articles=_lower_set(data["nominative_articles"]),
        author_pronouns=_lower_set(data["author_pronouns"]),
        adverbs=_lower_set(data["adverbs"]),
        coordinators=_lower_set(data["coordinators"]),
        correlatives=tuple(_correlative(str(pair)) for pair in data["correlatives"] or []),
        cataphora=_lower_set(data["cataphora"]),
        infinitive_markers=_lower_set(data["infinitive_markers"]),
        negations=_lower_set(data["negations"]),
        subordinators=_lower_set(data["subordinators"]),
        pronouns=_lower_set(data["pronouns"]),
        months=_lower_set(data["months"]),
        label_words=_lower_set(data["label_words"]),
        number_words=tuple(str(w).lower() for w in data["number_words"] or []),
        hyphen_keep_words=_lower_set(data["hyphen_keep_words"]),
        closing_lines=tuple(re.compile(str(r), re.IGNORECASE) for r in data["closing_lines"]),
        justification_words=_lower_set(data["justification_words"]),
        salutations=tuple(re.compile(str(r), re.IGNORECASE) for r in data["salutations"]),
        recipient_lines=tuple(re.compile(str(r)) for r in data["recipient_lines"]),
        letter_notes=tuple(re.compile(str(r), re.IGNORECASE) for r in data["letter_notes"]),
        adjectives=tuple(re.compile(str(r)) for r in data["adjectives"]),
        participles=tuple(re.compile(str(r)) for r in data["participles"]),
        demand_headings=tuple(str(h).lower() for h in data["demand_headings"]),
        excluded_headings=tuple(str(h).lower() for h in data["excluded_headings"]),
        demand_columns=_lower_set(data["demand_columns"]),
        addressee_columns=_lower_set(data["addressee_columns"]),
        consideration_cues=tuple(str(p) for p in data["consideration_cues"]),
        commitment_cues=tuple(str(p) for p in data["commitment_cues"]),
        actor_heads=_lower_set(actors["heads"]),
        actor_suffixes=tuple(sorted(_lower_set(actors["suffixes"]), key=len, reverse=True)),
        actor_named=_lower_set(actors["named"]),
        name_prepositions=_lower_set(actors["name_prepositions"]),
        not_actors=_lower_set(actors["not_actors"]),
        implied_addressees={str(k).lower(): str(v) for k, v in
                            (data["implied_addressees"] or {}).items()},
        citation_adjective_endings={str(k).lower(): str(v) for k, v in
                                    (data["citation_adjective_endings"] or {}).items()},
        citation_gender_articles={str(k).lower(): str(v) for k, v in
                                  (data["citation_gender_articles"] or {}).items()},
        dependency_labels={str(k).lower(): str(v) for k, v in
                           (data["dependency_labels"] or {}).items()},
        genitive_prepositions=_lower_set(data["genitive_prepositions"]),
        decision_nouns=tuple(sorted(_lower_set(data["decision_nouns"]))),
        words={name: _lower_set(words) for name, words in (data["words"] or {}).items()},
        triggers={kind: tuple(str(p) for p in (data["triggers"].get(kind) or []))
                  for kind in _TRIGGER_KINDS},
        non_triggers=tuple(str(p) for p in data["non_triggers"] or []),
        addressee_patterns=tuple(str(p) for p in data["addressee_patterns"]),
        heading_addressee_patterns=tuple(str(p) for p in data["heading_addressee_patterns"]),
        lead_addressee_patterns=tuple(str(p) for p in data["lead_addressee_patterns"] or []),
        part_addressee_patterns=tuple(str(p) for p in data["part_addressee_patterns"] or []),
        point_addressee_patterns=tuple(str(p) for p in data["point_addressee_patterns"] or []),
        counterpart_patterns=tuple(str(p) for p in data["counterpart_patterns"] or []),
        addressee_grammar=tuple((entry["label"], _expand_classes(entry["pattern"], data))
                                for entry in data["addressee_grammar"] or []),
    )
