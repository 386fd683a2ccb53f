"""Ask once before a delete (or a file replaced)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from diary.tui.start import SCREENS_CSS


class ConfirmScreen(ModalScreen[bool]):
    """A question with two answers (Delete and Keep unless told); y/n answer it too, escape
    keeps."""

    CSS_PATH = SCREENS_CSS  # read once Today is drawn (tui/start.py)

    AUTO_FOCUS = "#keep"
    BINDINGS = [
        Binding("y", "answer(True)", "Yes, delete"),
        Binding("n,escape", "answer(False)", "No, keep"),
    ]

    def __init__(
        self,
        question: str,
        *,
        yes: str = "Delete",
        no: str = "Keep",
        hint: str | None = None,
    ) -> None:
        """hint: the line under the question; by default what `u` does after a delete (every
        delete the app asks about can be put back for a few seconds: DiaryApp.deleted)."""
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(self.question, id="confirm-question")
            seconds = getattr(self.app, "UNDO_SECONDS", 10.0)
            hint = (
                f"After deleting, u puts it back for {seconds:g} seconds."
                if self.hint is None
                else self.hint
            )
            yield Static(hint, classes="hint")
            with Horizontal(id="confirm-buttons"):
                yield Button(
                    f"{self.no} (n)", id="keep", variant="primary", action="screen.answer(False)"
                )
                yield Button(
                    f"{self.yes} (y)", id="delete", variant="error", action="screen.answer(True)"
                )

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
