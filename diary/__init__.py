"""diary: a private, local-first terminal diary for ketamine treatment.

Also the one helper its packages share: lazy_names, a package's names loaded from their
modules on first use (PEP 562), so that `diary mood 7` loads only what a quick log needs.
"""

from __future__ import annotations

__version__ = "0.1.0"

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable


def lazy_names(
    package: str, modules: dict[str, str], space: dict[str, object]
) -> Callable[[str], object]:
    """The package's __getattr__: each name in modules loads from package.module when first
    used, and then stays in space (the package's globals) as a plain lookup."""

    def __getattr__(name: str) -> object:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(__import__(f"{package}.{module}", fromlist=[name]), name)
        space[name] = value
        return value

    return __getattr__
