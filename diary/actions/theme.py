"""The app's theme, remembered with the other settings.

Apart from actions/settings.py, whose checks of typed settings the app's first frame does
not need: the theme is read before Today is drawn.
"""

from __future__ import annotations

from dataclasses import replace

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from diary.store import Store

THEME_KEY = "theme"  # the app's theme, kept with the other settings


def saved_theme(store: Store) -> str | None:
    """The theme the app was last left in, if any."""
    return store.setting(THEME_KEY) or None


def remember_theme(store: Store, name: str) -> None:
    """Keep the app's theme for the next run (one transaction; other settings unchanged)."""
    settings = store.settings()
    if settings.extra.get(THEME_KEY) != name:
        store.save_settings(replace(settings, extra={**settings.extra, THEME_KEY: name}))
