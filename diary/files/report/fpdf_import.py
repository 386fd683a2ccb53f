"""Import fpdf2 without the modules it loads at its own import for features the report
never uses: about a third of fpdf2's import time.

- Pillow (raster images; the chart is a vector drawing) and cryptography's serialization
  package, for PKCS#12 (signing, which also needs endesive; the AES of `--password` is
  elsewhere): optional to fpdf2, which catches the ImportError, so they are blocked.
- fontTools.varLib's package code (building variable fonts; fpdf2 and fontTools' subsetter
  use only its submodules varStore, models and builder, which load as usual) and
  fontTools.varLib.instancer (pinning a variable font's axes: `add_font(variations=...)`),
  and unittest.mock (fpdf2's signing patches endesive with it): each stands in as a module
  that loads the real one at first use, so what fpdf2 would do with them still works.

Everything is put back once fpdf2 is in: any later import in the process gets the real
module, and the varLib package's own code runs the first time a name of it is asked for.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
import warnings
from collections.abc import Callable

# optional to fpdf2: it catches the ImportError
BLOCKED = ("PIL", "cryptography.hazmat.primitives.serialization")
# a package whose own code waits (its submodules load as usual), and modules that wait whole
UNRUN_PACKAGE = "fontTools.varLib"
DEFERRED = ("fontTools.varLib.instancer", "unittest.mock")
# names fpdf2 takes from a deferred module at its import (`from unittest.mock import patch`)
DEFERRED_NAMES = {"unittest.mock": ("patch",)}


class _Deferred(types.ModuleType):
    """Stands in for a module until something of it is used: then imports the real one."""

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        if sys.modules.get(self.__name__) is self:  # asked for while fpdf2 is importing
            del sys.modules[self.__name__]
        return getattr(importlib.import_module(self.__name__), name)


def _deferred_name(module: str, name: str) -> Callable[..., object]:
    def call(*args, **kwargs):
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    call.__name__ = call.__qualname__ = name
    return call


class _UnrunPackage(types.ModuleType):
    """A package whose own code has not run: its submodules import as usual (the import
    system reads only __path__ and __spec__), and the first other name asked of it runs it."""

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        submodule = f"{self.__name__}.{name}"
        if submodule in sys.modules or importlib.util.find_spec(submodule) is not None:
            return importlib.import_module(submodule)
        self.__class__ = types.ModuleType  # from now on an ordinary module
        self.__spec__.loader.exec_module(self)
        return getattr(self, name)


def _unrun_package(name: str) -> types.ModuleType | None:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None or spec.submodule_search_locations is None:
        return None
    package = _UnrunPackage(name)
    package.__spec__ = spec
    package.__loader__ = spec.loader
    package.__file__ = spec.origin
    package.__path__ = list(spec.submodule_search_locations)
    package.__package__ = name
    return package


def import_fpdf() -> None:
    """Import fpdf2 (once) with the modules above blocked or waiting."""
    if "fpdf" in sys.modules:
        return
    placed: list[str] = []

    def place(name: str, module: types.ModuleType | None) -> None:
        if name not in sys.modules:
            sys.modules[name] = module  # type: ignore[assignment]  # None: ImportError
            placed.append(name)

    for name in BLOCKED:
        place(name, None)
    if UNRUN_PACKAGE not in sys.modules and importlib.util.find_spec("fontTools"):
        package = _unrun_package(UNRUN_PACKAGE)
        if package is not None:
            parent, _, child = UNRUN_PACKAGE.rpartition(".")
            sys.modules[UNRUN_PACKAGE] = package  # stays: it is the package, its code waiting
            setattr(sys.modules[parent], child, package)
    for name in DEFERRED:
        stand_in = _Deferred(name)
        for attr in DEFERRED_NAMES.get(name, ()):
            setattr(stand_in, attr, _deferred_name(name, attr))
        place(name, stand_in)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", "Pillow could not be imported")
            import fpdf  # noqa: F401
    finally:
        for name in placed:
            module = sys.modules.get(name)
            if module is None or isinstance(module, _Deferred):
                sys.modules.pop(name, None)  # the real one imports when next asked for
