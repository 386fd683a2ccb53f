"""Side effects per session as a grid: a row per symptom, a column per session, 0-3 digits."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from diary.domain.text import shown

SEVERITY_CELL = {
    0: ("·", "dim"),
    1: ("1", "bold black on #fee08b"),
    2: ("2", "bold black on #fc8d59"),
    3: ("3", "bold white on #d73027"),
}


def grid_text(columns: list[str], rows: list[tuple[str, list[int]]], burdens: list[int]) -> Text:
    """Columns are session labels (numbers); each row a symptom's severities; burdens below."""
    text = Text(no_wrap=True)
    width = 22
    text.append(f"{'session #':<{width}}" + "".join(f"{c[-3:]:>3}" for c in columns))
    text.append("\n")
    for label, severities in rows:
        text.append(f"{shown(label, one_line=True)[: width - 1]:<{width}}")
        for severity in severities:
            glyph, style = SEVERITY_CELL[severity]
            text.append("  ")
            text.append(glyph, style=style)
        text.append("\n")
    text.append(f"{'burden (sum)':<{width}}")
    text.append("".join(f"{b:>3}" for b in burdens))
    text.append("\n\nKey: · none  ")
    for level, word in ((1, "mild"), (2, "moderate"), (3, "severe")):
        glyph, style = SEVERITY_CELL[level]
        text.append(glyph, style=style)
        text.append(f" {word}  ")
    return text


class SeverityGrid(Static):
    """The grid for the sessions in the window (the most recent ones that fit)."""

    DEFAULT_CSS = """
    SeverityGrid { height: auto; width: auto; }
    """

    def show(self, columns: list[str], rows: list[tuple[str, list[int]]], burdens: list[int]):
        self.update(
            grid_text(columns, rows, burdens) if columns else Text("No sessions in this window.")
        )
