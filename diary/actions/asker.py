"""How the face asks for a passphrase when the diary is locked: held here, apart from the
lock's own work, so that a face can say it without loading encryption (`diary mood 7`)."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable

    Ask = Callable[[str], str]  # shows the prompt, returns what was typed (no echo)

_asker: list[Ask] = []


def set_asker(ask: Ask | None) -> None:
    """The face's way to ask for a passphrase when the diary is locked (None: never ask)."""
    _asker.clear()
    if ask is not None:
        _asker.append(ask)


def asker() -> Ask | None:
    """The face's asker, or None when it never asks (a reminder, the app's own screens)."""
    return _asker[0] if _asker else None
