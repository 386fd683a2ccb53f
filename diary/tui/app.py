"""DiaryApp: the screens, the keys that reach them, and the command palette's verbs."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from diary.actions.diary import diary_path, writing
from diary.tui.screens.form import FormScreen
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
        "settings": _lazy("settings", "SettingsScreen"),
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
        Binding("s", "switch_mode('settings')", "Settings", show=False),
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False),
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "quit", "Quit", show=False),  # Textual only hints at ctrl+q here
        Binding("u", "undo", "Undo delete", show=False),
    ]
    UNDO_SECONDS = 10.0  # how long a delete can be undone

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.sub_title = str(store.path)
        self._deleted: tuple[object, float] | None = None  # the record, when it went

    def open_thread_store(self) -> AbstractContextManager[Store]:
        """A second connection for a worker thread (SQLite connections stay in one thread)."""
        return writing(self.store.path)

    def get_default_screen(self) -> Screen:
        return TodayScreen()

    def on_mount(self) -> None:
        self.theme = DARK
        self.add_mode(self.TODAY, TodayScreen)

    # --- leaving: every way out asks first when typed work would be lost -----------------

    def forms_with_typed_work(self) -> list[FormScreen]:
        """The screens of the current mode holding unsaved typed work, topmost first.

        Only the current mode's stack can hold any: leaving a mode pops its pushed screens
        after asking, and its own screen's work is saved or discarded then.
        """
        return [
            screen
            for screen in reversed(self.screen_stack)
            if isinstance(screen, FormScreen) and screen.has_unsaved_changes()
        ]

    def leave_with(self, forms: list[FormScreen], then: Callable[[], object]) -> None:
        """Run `then`, after asking "save / discard / stay" when any of forms holds typed work."""
        from diary.tui.screens.leave import Leave, LeaveScreen

        dirty = [form for form in forms if form.has_unsaved_changes()]
        if not dirty:
            self.call_next(self._run, then)
            return
        reasons = [form.can_save() for form in dirty]
        why_not = " ".join(reason for ok, reason in reasons if not ok)

        def answered(answer: Leave | None) -> None:
            if answer == Leave.SAVE:
                if not all(form.save_form() for form in dirty):
                    return  # the form shows why; the person stays with their work
            elif answer == Leave.DISCARD:
                for form in dirty:
                    form.discard_form()
            else:
                return
            self.call_next(self._run, then)

        what = ", ".join(form.WORK for form in dirty)
        self.push_screen(
            LeaveScreen(what, can_save=all(ok for ok, _ in reasons), why_not=why_not), answered
        )

    async def _run(self, then: Callable[[], object]) -> None:
        result = then()
        if inspect.isawaitable(result):
            await result

    async def _go(self, mode: str) -> None:
        """Close what this mode has pushed (forms, dialogs), then show mode's screen."""
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        if mode != self.current_mode:
            self.switch_mode(mode)

    def go(self, mode: str) -> None:
        """Switch to a mode's screen, asking first when typed work would be lost."""
        self.leave_with(self.forms_with_typed_work(), lambda: self._go(mode))

    async def action_switch_mode(self, mode: str) -> None:
        self.go(mode)

    def action_today(self) -> None:
        """Back to Today: the first one when it is this mode's, else the "today" mode."""
        today = self.DEFAULT_MODE if self.current_mode == self.DEFAULT_MODE else self.TODAY
        self.go(today)

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
        """Quit, after asking when a screen holds typed work that was not saved."""
        self.leave_with(self.forms_with_typed_work(), self.exit)

    def deleted(self, record: object, what: str) -> None:
        """Say what was deleted and offer to put it back for UNDO_SECONDS (key u)."""
        import time

        self._deleted = (record, time.monotonic())
        self.notify(f"Deleted {what} · u undo", timeout=self.UNDO_SECONDS, markup=False)

    def action_undo(self) -> None:
        """Put back what was deleted a moment ago, exactly as it was."""
        import time

        from diary.actions.undo import undo_delete
        from diary.domain import DiaryError

        if self._deleted is None or time.monotonic() - self._deleted[1] > self.UNDO_SECONDS:
            self._deleted = None
            self.notify("Nothing to undo.")
            return
        record, _ = self._deleted
        self._deleted = None
        try:
            done = undo_delete(self.store, record)  # type: ignore[arg-type]
        except DiaryError as error:
            self.notify(f"Not undone: {error}", severity="error", markup=False)
            return
        self.notify(done.line, markup=False)
        reload = getattr(self.screen, "load", None) or getattr(self.screen, "reload", None)
        if reload is not None:
            reload()

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
            lambda: self.go("history"),
        )
        yield SystemCommand(
            "Symptoms",
            "Add your own symptom, hide or show any",
            lambda: self.go("symptoms"),
        )
        yield SystemCommand(
            "Check-in", "Answer a PHQ-9 or GAD-7 questionnaire", self.action_checkin
        )
        yield SystemCommand(
            "Export", "Write the doctor's report or a CSV", lambda: self.go("export")
        )
        yield SystemCommand(
            "Settings",
            "Name on reports, country for crisis resources, weight",
            lambda: self.go("settings"),
        )
        yield SystemCommand("Help", "Every key on one screen", self.action_help)
        yield SystemCommand(
            "Light or dark", "Switch between the light and dark theme", self.action_toggle_theme
        )
        yield from super().get_system_commands(screen)


def run(path: Path | str | None) -> int:
    """Open the diary at path (refusing a file it does not understand) and run the app."""
    with writing(diary_path(path)) as store:
        DiaryApp(store).run()
    return 0
