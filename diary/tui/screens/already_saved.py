"""The question when a like record is saved already: replace it, keep both, or cancel."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from diary.domain.duplicates import IfSaved
from diary.tui.start import SCREENS_CSS


class AlreadySavedScreen(ModalScreen[IfSaved | None]):
    """Names the saved record; r replaces it, b keeps both, escape cancels (nothing saved)."""

    CSS_PATH = SCREENS_CSS  # read once Today is drawn (tui/start.py)

    AUTO_FOCUS = "#cancel"
    BINDINGS = [
        Binding("r", "answer('replace')", "Replace it"),
        Binding("b", "answer('also')", "Keep both"),
        Binding("escape", "answer('')", "Cancel"),
    ]

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason

    def compose(self) -> ComposeResult:
        with Vertical(id="already-box"):
            reason = self.reason[:1].upper() + self.reason[1:]
            yield Static(f"{reason}.", id="already-question")
            yield Static("Replace it with this one, or keep both?", classes="hint")
            with Horizontal(id="already-buttons"):
                yield Button(
                    "Replace (r)",
                    id="replace",
                    variant="warning",
                    compact=True,
                    action="screen.answer('replace')",
                )
                yield Button(
                    "Keep both (b)", id="also", compact=True, action="screen.answer('also')"
                )
                yield Button(
                    "Cancel (esc)",
                    id="cancel",
                    variant="primary",
                    compact=True,
                    action="screen.answer('')",
                )

    def action_answer(self, answer: str) -> None:
        self.dismiss(IfSaved(answer) if answer else None)


def ask_already_saved(screen, reason: str, save, kept: str) -> None:  # type: ignore[no-untyped-def]
    """Ask about reason; on replace or keep both call save(choice), on cancel say kept."""

    def answered(choice: IfSaved | None) -> None:
        if choice is None:
            screen.notify(kept)
        else:
            save(choice)

    screen.app.push_screen(AlreadySavedScreen(reason), answered)
