"""The yardstick for first paint: a minimal Textual app (Header, one DataTable, Footer).

bench/bench_first_paint.py waits for LABEL to show on screen, as it waits for "Today ·"
in the diary, so both are timed from launch to a painted body.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

LABEL = "Minimal ·"


class MinimalApp(App[None]):
    """Header, a three-row table filled on mount, and a footer with one binding."""

    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Name", "Value")
        table.add_rows([(LABEL, "1"), ("second", "2"), ("third", "3")])


if __name__ == "__main__":
    MinimalApp().run()
