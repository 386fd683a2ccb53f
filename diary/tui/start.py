"""What the app's start leaves out until it can wait, so Today is drawn sooner: the
remembered theme set without a second parse of every stylesheet, garbage collection paused
until the first frame, the other screens' rules read after it; the palette's verbs and the
other modes' screens, imported when first asked for."""

from __future__ import annotations

import gc
import os
from typing import TYPE_CHECKING

from textual.app import App

from diary.tui.themes import THEMES

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.screen import Screen


def start_in_theme(app: App, name: str) -> None:
    """Register the diary's themes and start app (not yet running) in the one named, as
    `app.theme = name` would, without Textual's theme watcher: that queues a reparse of
    every stylesheet, about 20 ms of the first paint, when the first parse, still to come,
    can use the theme's variables instead. Nothing listens to theme changes yet (the app
    subscribes on mount)."""
    for theme in THEMES:
        app.register_theme(theme)
    app.set_reactive(App.theme, name)  # no watcher; what it would do follows
    dark = app.current_theme.dark
    app.set_class(True, f"-theme-{name}", update=False)
    app.set_class(dark, "-dark-mode", update=False)
    app.set_class(not dark, "-light-mode", update=False)
    if not dark:  # App.__init__ made the ANSI colour filter for a dark theme
        app._refresh_truecolor_filter(app.ansi_theme)
    app.stylesheet.set_variables(app.get_css_variables())


def first_frame_drawn() -> None:
    """Resume garbage collection when the launcher paused it for the start
    (launch.open_app): its passes over the many objects the imports and the first screen
    make, nearly none of them garbage, cost tens of ms of the first paint. What the start
    made lives as long as the app, so it is kept out of the collector's later passes
    (gc.freeze), the little garbage among it too (on the ten-year demo about 1,800 objects,
    0.2 MB, measured with gc.DEBUG_SAVEALL).
    """
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


# The rules of every screen but Today (each names it as its CSS_PATH): app.tcss holds the
# shared ones and Today's, so the first frame parses about a third of the diary's own CSS.
SCREENS_CSS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "screens.tcss")


def read_screens_css(app: App) -> None:
    """Add the other screens' rules once Today is drawn (parsed when next styled, on their
    own: Textual keeps the parsed rules of every other source). A screen shown before this
    runs reads them itself, as Textual does a screen's CSS_PATH: then every stylesheet is
    parsed again and the app restyled, tens of ms that showing a screen later does not pay."""
    if not app.stylesheet.has_source(SCREENS_CSS):
        app.stylesheet.read(SCREENS_CSS)


def palette_verbs() -> type[Provider]:
    """The palette's verbs, imported when the palette first opens (as Textual loads its own
    system commands): its module and its Command dataclass are no part of the first paint."""
    from diary.tui.commands import DiaryCommands

    return DiaryCommands


def lazy_screen(module: str, name: str):
    """A mode's screen, imported when first shown: only Today's imports delay the first paint."""

    def make() -> Screen:
        from importlib import import_module

        return getattr(import_module(f"diary.tui.screens.{module}"), name)()

    return make
