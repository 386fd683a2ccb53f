"""The one question asked before typed work would be lost: save, discard or stay."""

from __future__ import annotations

from enum import StrEnum

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from diary.tui.start import SCREENS_CSS

QUESTION = "Leave without saving? (save / discard / stay)"


class Leave(StrEnum):
    """The three answers to the leave question."""

    SAVE = "save"
    DISCARD = "discard"
    STAY = "stay"


class LeaveScreen(ModalScreen[Leave]):
    """Asks whether to save, discard or keep typed work; escape and Enter (on Stay) stay."""

    CSS_PATH = SCREENS_CSS  # read once Today is drawn (tui/start.py)

    AUTO_FOCUS = "#stay"
    BINDINGS = [
        Binding("s", "answer('save')", "Save"),
        Binding("d", "answer('discard')", "Discard"),
        Binding("escape", "answer('stay')", "Stay"),
    ]

    def __init__(self, what: str, *, can_save: bool = True, why_not: str = "") -> None:
        super().__init__()
        self.what = what
        self.can_save = can_save
        self.why_not = why_not

    def compose(self) -> ComposeResult:
        with Vertical(id="leave-box"):
            yield Static(QUESTION, id="leave-question")
            yield Static(f"Not saved yet: {self.what}.", id="leave-what", classes="hint")
            if not self.can_save:
                yield Static(self.why_not, id="leave-why-not", classes="hint")
            with Horizontal(id="leave-buttons"):
                yield Button(
                    "Save (s)",
                    id="save",
                    disabled=not self.can_save,
                    compact=True,
                    action="screen.answer('save')",
                )
                yield Button(
                    "Discard (d)",
                    id="discard",
                    variant="error",
                    compact=True,
                    action="screen.answer('discard')",
                )
                yield Button(
                    "Stay (esc)",
                    id="stay",
                    variant="primary",
                    compact=True,
                    action="screen.answer('stay')",
                )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer" and parameters == (Leave.SAVE.value,):
            return self.can_save
        return True

    def action_answer(self, answer: str) -> None:
        self.dismiss(Leave(answer))
