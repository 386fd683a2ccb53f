"""The screen an encrypted diary opens on while locked: the passphrase (or recovery code),
typed with no echo; the key is derived in a worker so the screen never freezes."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Header, Input, Static
from textual.worker import Worker, WorkerState

from diary.domain import DiaryError
from diary.tui.start import SCREENS_CSS
from diary.tui.widgets.footer import KeysFooter


class UnlockScreen(Screen[bytes]):
    """Ask for the passphrase; dismissed with the key once it fits."""

    CSS_PATH = SCREENS_CSS  # read once Today is drawn (tui/start.py)

    BINDINGS = [Binding("escape", "app.quit", "Quit")]
    AUTO_FOCUS = "#unlock-passphrase"

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="unlock-box"):
            yield Static("This diary is encrypted and locked.", classes="screen-title")
            yield Static(f"Passphrase for {self.path.name} (or recovery code):")
            yield Input(password=True, id="unlock-passphrase", placeholder="passphrase")
            yield Static("", id="unlock-message")
            yield Static(
                "[$diary-hint]Enter unlocks until the app closes · "
                "`diary unlock --for 8h` in a shell "
                "keeps it unlocked for a while · Escape quits[/]",
                classes="hint",
            )
        yield KeysFooter()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        secret = event.value
        event.input.value = ""  # never left on screen or in the widget
        if not secret:
            return
        event.input.disabled = True
        self.query_one("#unlock-message", Static).update("Unlocking…")
        self._unlock(secret)

    def _unlock(self, secret: str) -> None:
        from diary.actions.lock import unlock_with

        def attempt() -> bytes | str:
            """The key, or the one-line reason it was refused."""
            try:
                return unlock_with(self.path, secret)
            except DiaryError as error:
                return str(error)

        self.run_worker(attempt, thread=True, exclusive=True)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The key derived (dismiss with it), or refused (say why and ask again)."""
        if event.state != WorkerState.SUCCESS:
            return
        result = event.worker.result
        if isinstance(result, bytes):
            self.dismiss(result)
            return
        self.query_one("#unlock-message", Static).update(f"[b]{result}[/b]")
        field = self.query_one(Input)
        field.disabled = False
        field.focus()
