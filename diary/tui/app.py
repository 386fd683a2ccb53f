"""Placeholder app until the TUI issue lands: says plainly that only the CLI works yet."""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class DiaryApp(App[None]):
    TITLE = "diary"
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(self, db_path: Path | None) -> None:
        super().__init__()
        self.db_path = db_path

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            "The diary's screens are not built yet.\n\n"
            "Log from the shell for now: diary mood 7, diary session add --route iv ...\n"
            "See diary --help. Press q to quit."
        )
        yield Footer()


def run(path: Path | str | None) -> int:
    DiaryApp(Path(path) if path else None).run()
    return 0
