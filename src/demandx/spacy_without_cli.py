"""Import spaCy without its command line, which demandx never runs.

`import spacy` imports `spacy.cli` for one name (`spacy.info`), and with it weasel,
typer, requests, httpx and jinja2: 0.3-0.5 s CPU of every demandx process's start,
measured here with bench/run.py. `install()` puts a finder in front of the import system
that, when spaCy is first imported, lets `spacy/__init__.py` find a stand-in for
`spacy.cli.info` and takes the stand-in out right after: `import spacy.cli` still gives
the real command line, and `spacy.info()` imports it when called. Should a spaCy
version need more of its command line while importing, the import is simply done again
the usual way.

The same loader then lets spaCy's registries look up their plugins' entry points per
group once: catalogue filters the process's whole list of entry points (every
installed package's) on each lookup, and loading demandx's two pipelines makes some
150 of them, 50-60 ms in a development environment, against about 30 for
`spacy.blank`. The groups are the same entry points in the same order.

Only demandx's own processes install it (`demandx.cli.main` and the `--jobs` workers): a
program that imports demandx as a library gets spaCy as spaCy imports itself.
"""

from __future__ import annotations

import importlib.machinery
import sys
import types


def install() -> None:
    """Make the first `import spacy` of this process skip spaCy's command line."""
    if "spacy" not in sys.modules and not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())


def _info(*args, **kwargs):
    from spacy.cli.info import info

    return info(*args, **kwargs)


def _stand_ins() -> dict[str, types.ModuleType]:
    cli = types.ModuleType("spacy.cli")
    info = types.ModuleType("spacy.cli.info")
    info.info = _info
    return {"spacy.cli": cli, "spacy.cli.info": info}


# Plain classes, not importlib.abc's: the import system only calls their methods, and
# importlib.abc imports importlib.resources, 5 ms of `demandx --help`.
class _Finder:
    """Finds spaCy as the path finder does, with a loader that hides its command line."""

    def find_spec(self, name, path=None, target=None):
        if name != "spacy":
            return None
        sys.meta_path.remove(self)  # once is enough: then spaCy is in sys.modules
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return None  # installed some other way: let the other finders import it
        spec.loader = _Loader(spec.loader)
        return spec


class _Loader:
    def __init__(self, loader) -> None:
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module) -> None:
        # spaCy's own loader from here on (importlib.resources asks it for files)
        module.__spec__.loader = module.__loader__ = self.loader
        stand_ins = _stand_ins()
        sys.modules.update(stand_ins)
        try:
            self.loader.exec_module(module)
        except ImportError:
            _remove(stand_ins)
            self.loader.exec_module(module)  # a spaCy that needs more of spacy.cli
        finally:
            _remove(stand_ins)
        _entry_points_by_group()


def _entry_points_by_group() -> None:
    catalogue = sys.modules.get("catalogue")
    found = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if hasattr(found, "select") and not isinstance(found, _EntryPointGroups):
        catalogue.AVAILABLE_ENTRY_POINTS = _EntryPointGroups(found)


class _EntryPointGroups:
    """importlib.metadata's entry points, where selecting by group filters them once."""

    def __init__(self, entry_points) -> None:
        self._entry_points = entry_points
        self._groups: dict[str, object] = {}

    def select(self, **params):
        if params.keys() != {"group"}:
            return self._entry_points.select(**params)
        group = params["group"]
        if group not in self._groups:
            # catalogue only iterates what it gets: one object can serve every lookup
            self._groups[group] = self._entry_points.select(group=group)
        return self._groups[group]

    def __getattr__(self, name):
        return getattr(self._entry_points, name)


def _remove(stand_ins: dict[str, types.ModuleType]) -> None:
    for name, stand_in in stand_ins.items():
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
