"""DiaryApp: the screens, the keys that reach them, and the command palette's verbs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from diary.actions.diary import diary_path, writing
from diary.tui.commands import DiaryCommands
from diary.tui.screens.today import TodayScreen
from diary.tui.themes import DARK, LIGHT, THEMES

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from textual.theme import Theme

    from diary.store import Store


def _lazy(module: str, name: str):
    """A mode's screen, imported when first shown: only Today's imports delay the first paint."""

    def make() -> Screen:
        from importlib import import_module

        return getattr(import_module(f"diary.tui.screens.{module}"), name)()

    return make


class DiaryApp(App[None]):
    """The diary's terminal app, open on one database."""

    TITLE = "diary"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {DiaryCommands}
    MODES = {
        "history": _lazy("history", "HistoryScreen"),
        "symptoms": _lazy("symptoms", "SymptomsScreen"),
        "export": _lazy("export", "ExportScreen"),
        "trends": _lazy("trends", "TrendsScreen"),
    }
    # Today is the default screen at start, not a MODES entry (that costs ~100 ms of first
    # paint); it becomes the "today" mode once the app is up, for `t` from other modes.
    TODAY = "today"
    BINDINGS = [
        Binding("f1,question_mark", "help", "Help", key_display="?"),
        Binding("t", "today", "Today"),
        Binding("n", "new_session", "Session"),
        Binding("h", "switch_mode('history')", "History"),
        Binding("g", "switch_mode('trends')", "Trends"),
        Binding("c", "checkin", "Check-in"),
        Binding("e", "switch_mode('export')", "Export"),
        Binding("y", "switch_mode('symptoms')", "Symptoms"),
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, store: Store) -> None:
        from diary.actions.settings import saved_theme

        super().__init__()
        self.store = store
        self.sub_title = str(store.path)
        for theme in THEMES:
            self.register_theme(theme)
        saved = saved_theme(store)  # set before the first styling: no restyle on mount
        self.theme = saved if saved in (DARK, LIGHT) else DARK

    def open_thread_store(self) -> AbstractContextManager[Store]:
        """A second connection for a worker thread (SQLite connections stay in one thread)."""
        return writing(self.store.path)

    def get_default_screen(self) -> Screen:
        return TodayScreen()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.add_mode(self.TODAY, TodayScreen)

    def action_today(self) -> None:
        """Back to Today: nothing to do on the first one, else the "today" mode."""
        if self.current_mode != self.DEFAULT_MODE:
            self.switch_mode(self.TODAY)

    def action_help(self) -> None:
        from diary.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_new_session(self) -> None:
        from diary.tui.screens.session import SessionScreen

        if not isinstance(self.screen, SessionScreen):
            self.push_screen(SessionScreen())

    def action_checkin(self) -> None:
        from diary.tui.screens.checkin import CheckinScreen

        if not isinstance(self.screen, CheckinScreen):
            self.push_screen(CheckinScreen())

    def open_session(self, session_id: int) -> None:
        from diary.tui.screens.session import SessionScreen

        self.push_screen(SessionScreen(session_id=session_id))

    async def action_quit(self) -> None:
        """Quit, after asking when a form holds typed work that was not saved."""
        leave = getattr(self.screen, "leave", None)
        if leave is not None:
            leave(self.exit)
        else:
            self.exit()

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK

    def _remember_theme(self, theme: Theme) -> None:
        """Keep the theme for the next run; a diary that refuses the save keeps working."""
        from diary.actions.settings import remember_theme
        from diary.domain import DiaryError

        try:
            remember_theme(self.store, theme.name)
        except DiaryError as error:
            self.notify(f"Theme not remembered: {error}", severity="warning", markup=False)


def run(path: Path | str | None) -> int:
    """Open the diary at path (refusing a file it does not understand) and run the app."""
    with writing(diary_path(path)) as store:
        DiaryApp(store).run()
    return 0
