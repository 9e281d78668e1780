"""nltk without the extras its package init drags in.

`import nltk` (which any `from nltk.x import y` runs first) imports scikit-learn, scipy.stats
and pandas for classifiers and collocation statistics that briefing never uses: seconds of
every cold run. `install()` (called once from `briefing/__init__`) makes the first import of
nltk run with those packages refused; nltk catches the ImportError, as it does when they are
not installed. They stay importable afterwards for any code that imports them itself.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType

# What nltk's init imports only inside `try: ... except ImportError`.
OPTIONAL = ("sklearn", "scipy.stats", "pandas", "matplotlib")


class _Refuse(MetaPathFinder):
    """Refuses the OPTIONAL packages while nltk's init runs."""

    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if any(name == package or name.startswith(f"{package}.") for package in OPTIONAL):
            raise ModuleNotFoundError(f"{name} is not needed by briefing's use of nltk", name=name)
        return None


class _LightInit(Loader):
    """nltk's own loader, run with _Refuse in front of the other finders."""

    def __init__(self, inner: Loader) -> None:
        self._inner = inner

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        refuse = _Refuse()
        sys.meta_path.insert(0, refuse)
        try:
            self._inner.exec_module(module)
        finally:
            sys.meta_path.remove(refuse)


class _NltkFinder(MetaPathFinder):
    def find_spec(
        self, name: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if name != "nltk":
            return None
        spec = PathFinder.find_spec(name, path)
        if spec is not None and spec.loader is not None:
            spec.loader = _LightInit(spec.loader)
        return spec


def install() -> None:
    """From now on, the first `import nltk` leaves out the OPTIONAL packages (idempotent)."""
    if "nltk" not in sys.modules and not any(isinstance(f, _NltkFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _NltkFinder())
