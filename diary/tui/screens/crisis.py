"""The calm panel with crisis resources shown after a PHQ-9 item 9 answered above 0."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from diary.domain.crisis import CrisisResources, panel_lines
from diary.tui.start import SCREENS_CSS


class CrisisScreen(ModalScreen[None]):
    """Resources for the country in settings; it never blocks: any key closes it."""

    CSS_PATH = SCREENS_CSS  # read once Today is drawn (tui/start.py)

    BINDINGS = [Binding("escape,enter,space", "close", "Close")]
    AUTO_FOCUS = "#close"

    def __init__(self, resources: CrisisResources) -> None:
        super().__init__()
        self.resources = resources

    def compose(self) -> ComposeResult:
        title, *rest = panel_lines(self.resources)
        with Vertical(id="crisis-box"):
            yield Static(title, id="crisis-title")
            for line in rest:
                yield Static(line, classes="crisis-line")
            yield Button("Close", id="close", compact=True, action="screen.close")

    def action_close(self) -> None:
        self.dismiss(None)
