"""DiaryApp: the screens, the keys that reach them, and the command palette's verbs."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from diary.actions.diary import diary_path, locked, writing
from diary.domain import DiaryError
from diary.tui.early_keys import EarlyKeys
from diary.tui.locking import Locking
from diary.tui.screens.form import FormScreen
from diary.tui.screens.today import TodayScreen
from diary.tui.signals import close_on_signals
from diary.tui.start import (
    first_frame_drawn,
    lazy_screen,
    palette_verbs,
    read_screens_css,
    start_in_theme,
)
from diary.tui.themes import DARK, LIGHT

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from textual.content import Content
    from textual.theme import Theme
    from textual.widget import AwaitMount

    from diary.store import Store


class DiaryApp(EarlyKeys, Locking, App[None]):
    """The diary's terminal app, open on one database."""

    TITLE = "diary"
    CSS_PATH = "app.tcss"
    COMMANDS = {palette_verbs}  # the diary's verbs, then Textual's own (commands.py)
    MODES = {
        "history": lazy_screen("history", "HistoryScreen"),
        "symptoms": lazy_screen("symptoms", "SymptomsScreen"),
        "export": lazy_screen("export", "ExportScreen"),
        "trends": lazy_screen("trends", "TrendsScreen"),
        "settings": lazy_screen("settings", "SettingsScreen"),
        "medicines": lazy_screen("medicines", "MedicinesScreen"),
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
        Binding("s", "switch_mode('settings')", "Settings"),
        Binding("m", "switch_mode('medicines')", "Medicines", show=False),
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False),
        Binding("ctrl+l", "lock", "Lock (encrypted diary)", show=False),
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "quit", "Quit", show=False),  # Textual only hints at ctrl+q here
        Binding("u", "undo", "Undo delete", show=False),
    ]
    LOCKED_ACTIONS = ("quit", "toggle_theme", "help")  # all that works while locked
    UNDO_SECONDS = 10.0  # how long a delete can be undone
    LOCK_CHECK_S = 5.0  # how soon an expired unlock or a `diary lock` in a shell locks the app

    def __init__(
        self,
        store: Store | None,
        *,
        path: Path | None = None,
        offer_encryption: bool = False,
    ) -> None:
        """The app on an open store, or (store None) on the locked encrypted diary at path."""
        from diary.actions.theme import saved_theme

        super().__init__()
        self.store = store
        # set before the first styling: no restyle on mount (a locked start: dark until then)
        saved = saved_theme(store) if store is not None else None
        theme = saved if saved in (DARK, LIGHT) else DARK
        start_in_theme(self, theme)
        self.path = store.path if store is not None else Path(path or "")
        self._offer_encryption = offer_encryption
        self._reopened: ExitStack = ExitStack()
        self._covered: Screen | None = None  # the screen ctrl+l covered, until it shows again
        # from the open store, not the file: reading the file while it is open here would
        # drop the POSIX locks SQLite holds on it (a locked start is encrypted by definition)
        self.encrypted = store.encrypted if store is not None else True
        self.sub_title = self.lock_state()
        self.failure: DiaryError | None = None  # what stopped the app, said after it closes
        self._deleted: tuple[object, float] | None = None  # the record, when it went

    def _handle_exception(self, error: Exception) -> None:
        """An error that reached the loop closes the app, exit 1, and `run` says it in a
        line: a DiaryError (a damaged row read by a screen) as itself, anything else as a
        crash with a short report (crash.py), never as Textual's traceback with locals."""
        from textual.worker import WorkerFailed

        from diary.tui.crash import crashed

        reason = error.error if isinstance(error, WorkerFailed) else error  # a worker's read
        if isinstance(reason, DiaryError):
            self.failure = reason
        else:
            self.failure = crashed(reason, self.store.path.parent)
            self._keep_for_run_test(error)
        self.exit(return_code=1)  # not super(): its traceback shows locals, entries and notes

    def _keep_for_run_test(self, error: Exception) -> None:
        """run_test re-raises it when the test's block ends: no public way (Textual #2818)."""
        if self._exception is None:  # what Textual's own handler sets, before its traceback
            self._exception = error
            self._exception_event.set()

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's title and sub-title (the file, whether it is unlocked): Textual's,
        with the sub-title in the theme's hint style, as dim read 4.4:1 on the light header."""
        from textual.content import Content

        if not sub_title:
            return Content(title)
        hint = "$diary-hint"
        return Content.assemble(Content(title), (" — ", hint), Content(sub_title).stylize(hint))

    def close_store(self) -> None:
        """Close a store the app opened itself (after an unlock)."""
        self._reopened.close()

    def action_command_palette(self) -> None:
        """ctrl+p: the palette, guarded against keys faster than it (palette.py)."""
        from textual.command import CommandPalette

        from diary.tui.palette import GuardedPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(GuardedPalette(id="--command-palette"))

    def open_thread_store(self) -> AbstractContextManager[Store]:
        """A second connection for a worker thread (SQLite connections stay in one thread)."""
        return writing(self.store.path)

    def get_default_screen(self) -> Screen:
        return TodayScreen()  # on a locked start it stays empty under the unlock screen

    def on_mount(self) -> None:
        close_on_signals(self)
        self.call_after_refresh(first_frame_drawn)
        self.call_after_refresh(read_screens_css, self)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
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

    # --- leaving: every way out asks first when typed work would be lost -----------------

    def forms_with_typed_work(self) -> list[FormScreen]:
        """The screens of the current mode holding unsaved typed work, topmost first.

        Only the current mode's stack can hold any: leaving a mode pops its pushed screens
        after asking, and its own screen's work is saved or discarded then.
        """
        return [
            screen
            for screen in reversed(self.screen_stack)
            # a screen still being made holds nothing yet (and its fields are not there)
            if isinstance(screen, FormScreen)
            and screen.is_mounted
            and screen.has_unsaved_changes()
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

    async def _go(self, mode: str) -> AwaitMount | None:
        """Close what this mode has pushed (forms, dialogs), then show mode's screen; what
        to await for its widgets, when it had to be made."""
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        return self.switch_mode(mode) if mode != self.current_mode else None

    def go(self, mode: str, then: Callable[[Screen], object] | None = None) -> None:
        """Switch to a mode's screen, asking first when typed work would be lost; then(the
        screen shown) once its widgets are mounted, when given (the palette picks a chart or
        an export). The mount is awaited in a worker: awaiting it here, inside the app's own
        message handler, would hold up the very messages that mount it."""

        async def switch() -> None:
            mounted = await self._go(mode)
            if then is None:
                return
            screen = self.screen

            async def when_mounted() -> None:
                if mounted is not None:
                    await mounted
                then(screen)

            self.run_worker(when_mounted(), group="go")

        self.leave_with(self.forms_with_typed_work(), switch)

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

    def _remember_theme(self, theme: Theme) -> None:
        """Keep the theme for the next run; a diary that refuses the save keeps working."""
        from diary.actions.theme import remember_theme
        from diary.domain import DiaryError

        if self.store is None:  # locked: nothing can be saved until it is unlocked
            return
        try:
            remember_theme(self.store, theme.name)
        except DiaryError as error:
            self.notify(f"Theme not remembered: {error}", severity="warning", markup=False)


def run(path: Path | str | None) -> int:
    """Open the diary at path (refusing a file it does not understand) and run the app; a
    locked encrypted diary opens on the unlock screen. A DiaryError that stopped the app is
    raised once the terminal is back."""
    target = diary_path(path)
    if locked(target):  # a plain diary is told from its first bytes: the lock's code waits
        app = DiaryApp(None, path=target)
        try:
            app.run()
        finally:
            app.close_store()
    else:
        fresh = not target.exists()
        with writing(target) as store:
            app = DiaryApp(store, offer_encryption=fresh)
            try:
                app.run()
            finally:
                app.close_store()
    if app.failure is not None:
        raise app.failure
    return app.return_code or 0
