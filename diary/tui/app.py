"""DiaryApp: the screens, the keys that reach them, and the command palette's verbs."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from diary.actions.diary import diary_path, writing
from diary.tui.screens.today import TodayScreen

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from diary.store import Store


def _lazy(module: str, name: str):
    """A mode's screen, imported when first shown: only Today's imports delay the first paint."""

    def make() -> Screen:
        from importlib import import_module

        return getattr(import_module(f"diary.tui.screens.{module}"), name)()

    return make


DARK, LIGHT = "textual-dark", "textual-light"


class DiaryApp(App[None]):
    """The diary's terminal app, open on one database."""

    TITLE = "diary"
    CSS_PATH = "app.tcss"
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
        Binding("y", "switch_mode('symptoms')", "Symptoms", show=False),
        Binding("g", "switch_mode('trends')", "Trends"),
        Binding("c", "checkin", "Check-in", show=False),
        Binding("e", "switch_mode('export')", "Export", show=False),
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False),
        Binding("ctrl+l", "lock", "Lock (encrypted diary)", show=False),
        Binding("q", "quit", "Quit"),
    ]
    LOCKED_ACTIONS = ("quit", "toggle_theme", "help")  # all that works while locked
    LOCK_CHECK_S = 5.0  # how soon an expired unlock or a `diary lock` in a shell locks the app

    def __init__(
        self, store: Store | None, *, path: Path | None = None, offer_encryption: bool = False
    ) -> None:
        """The app on an open store, or (store None) on the locked encrypted diary at path."""
        super().__init__()
        self.store = store
        self.path = store.path if store is not None else Path(path or "")
        self._offer_encryption = offer_encryption
        self._reopened: ExitStack = ExitStack()
        self._covered: Screen | None = None  # the screen ctrl+l covered, until it shows again
        # from the open store, not the file: reading the file while it is open here would
        # drop the POSIX locks SQLite holds on it (a locked start is encrypted by definition)
        self.encrypted = store.encrypted if store is not None else True
        self.sub_title = self.lock_state()

    def lock_state(self) -> str:
        """The header's subtitle: the file, and for an encrypted one whether it is unlocked."""
        if not self.encrypted:
            return str(self.path)
        if self.store is None:
            return f"{self.path} · encrypted · locked"
        from diary.actions import lock

        current = lock.session(self.path)
        until = lock.until_text(current.until if current else None)
        return f"{self.path} · encrypted · unlocked {until}"

    def close_store(self) -> None:
        """Close a store the app opened itself (after an unlock)."""
        self._reopened.close()

    def open_thread_store(self) -> AbstractContextManager[Store]:
        """A second connection for a worker thread (SQLite connections stay in one thread)."""
        return writing(self.store.path)

    def get_default_screen(self) -> Screen:
        return TodayScreen()  # on a locked start it stays empty under the unlock screen

    def on_mount(self) -> None:
        self.theme = DARK
        self.add_mode(self.TODAY, TodayScreen)
        if self.encrypted:
            self.set_interval(self.LOCK_CHECK_S, self._check_unlock)
        if self.store is None:
            self._ask_to_unlock()
        elif self._offer_encryption:
            self.notify(
                "This new diary is not encrypted. `diary encrypt` in a shell protects it with "
                "a passphrase (optional).",
                timeout=12,
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.store is None:
            return action in self.LOCKED_ACTIONS
        if action == "lock":
            return self.encrypted
        return True

    def _ask_to_unlock(self) -> None:
        from diary.tui.screens.unlock import UnlockScreen

        self.push_screen(UnlockScreen(self.path), callback=self._unlocked)

    def _unlocked(self, key: bytes | None) -> None:
        from diary.actions import lock

        if key is None:
            return
        if lock.session(self.path) is None:
            lock.hold(self.path, key)  # this process only, until it ends
        self.store = self._reopened.enter_context(writing(self.path))
        self.sub_title = self.lock_state()

    def action_lock(self) -> None:
        """Lock now: forget the key (here and in the runtime folder), close the diary, and
        cover the screen with the unlock screen; typed work underneath stays as it was."""
        from diary.actions import lock

        if not self.encrypted or self.store is None:
            return
        lock.lock(self.path)
        self._covered = self.screen
        store, self.store = self.store, None
        store.close()
        self.sub_title = self.lock_state()
        self._ask_to_unlock()

    def back_from_lock(self, screen: Screen) -> bool:
        """Whether screen shows again after an unlock it was covered by (then it keeps what
        was typed in it rather than reloading); asked once."""
        covered, self._covered = self._covered, None
        return covered is screen

    def _check_unlock(self) -> None:
        from diary.actions import lock

        if self.store is not None and lock.session(self.path) is None:
            self.action_lock()  # the unlock expired, or `diary lock` ended it
        elif self.store is not None:
            self.sub_title = self.lock_state()

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

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand(
            "Today",
            "Log today's mood, sleep, anxiety and a note",
            self.action_today,
        )
        yield SystemCommand("New session", "Record a treatment session", self.action_new_session)
        yield SystemCommand(
            "History",
            "Every day and session; open to edit or delete",
            lambda: self.switch_mode("history"),
        )
        yield SystemCommand(
            "Symptoms",
            "Add your own symptom, hide or show any",
            lambda: self.switch_mode("symptoms"),
        )
        yield SystemCommand(
            "Check-in", "Answer a PHQ-9 or GAD-7 questionnaire", self.action_checkin
        )
        yield SystemCommand(
            "Export", "Write the doctor's report or a CSV", lambda: self.switch_mode("export")
        )
        yield SystemCommand("Help", "Every key on one screen", self.action_help)
        yield SystemCommand(
            "Light or dark", "Switch between the light and dark theme", self.action_toggle_theme
        )
        yield from super().get_system_commands(screen)


def run(path: Path | str | None) -> int:
    """Open the diary at path (refusing a file it does not understand) and run the app; a
    locked encrypted diary opens on the unlock screen."""
    from diary.actions.lock import is_locked

    target = diary_path(path)
    if is_locked(target):
        app = DiaryApp(None, path=target)
        try:
            app.run()
        finally:
            app.close_store()
        return 0
    fresh = not target.exists()
    with writing(target) as store:
        app = DiaryApp(store, offer_encryption=fresh)
        try:
            app.run()
        finally:
            app.close_store()
    return 0
