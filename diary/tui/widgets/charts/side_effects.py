"""Side effects per session as a grid: a row per symptom, a column per session, 0-3 digits."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual.widgets import Static

from diary.domain.text import shown
from diary.tui.widgets.charts.colours import digit_colour

# A grade's digit, in black or white (whichever reads better), on the theme variable named
SEVERITY_CELL = {1: "severity-1", 2: "severity-2", 3: "severity-3"}
LABEL_WIDTH = 24  # "Grogginess / drowsiness", the longest built-in name, and a space
CELL_WIDTH = 3


def fit_columns(width: int) -> int:
    """How many session columns fit beside the names in `width` cells (4 for the scroll bar
    and the pane's edges)."""
    return max(1, (width - LABEL_WIDTH - 4) // CELL_WIDTH)


def _name(label: str) -> str:
    label = shown(label, one_line=True)  # a stored label is drawn as text, never as codes
    return label if len(label) < LABEL_WIDTH else label[: LABEL_WIDTH - 2] + "…"


def severity_cell(severity: int, variables: Mapping[str, str]) -> tuple[str, str]:
    """A grade's glyph and style ("·" dim for none), colours from App.theme_variables."""
    if severity == 0:
        return "·", "dim"
    background = variables[SEVERITY_CELL[severity]]
    return str(severity), f"bold {digit_colour(background)} on {background}"


def grid_text(
    columns: list[str],
    rows: list[tuple[str, list[int]]],
    burdens: list[int],
    variables: Mapping[str, str],
) -> Text:
    """Columns are session labels (numbers); each row a symptom's severities; burdens below."""
    text = Text(no_wrap=True)
    width = LABEL_WIDTH
    text.append(f"{'session #':<{width}}" + "".join(f"{c[-3:]:>3}" for c in columns))
    text.append("\n")
    for label, severities in rows:
        text.append(f"{_name(label):<{width}}")
        for severity in severities:
            glyph, style = severity_cell(severity, variables)
            text.append("  ")
            text.append(glyph, style=style)
        text.append("\n")
    text.append(f"{'burden (sum)':<{width}}")
    text.append("".join(f"{b:>3}" for b in burdens))
    text.append("\n\nKey: · none  ")
    for level, word in ((1, "mild"), (2, "moderate"), (3, "severe")):
        glyph, style = severity_cell(level, variables)
        text.append(glyph, style=style)
        text.append(f" {word}  ")
    return text


def range_line(columns: list[str], first: int, last: int) -> str:
    """Which sessions the grid shows of how many, and the keys that show the others."""
    total = len(columns)
    if total == 0:
        return ""
    numbers = f"#{columns[first]}–#{columns[last]}"
    if first == 0 and last == total - 1:
        return f"All {total} sessions in this window: {numbers}"
    keys = (["< earlier"] if first > 0 else []) + (["> later"] if last < total - 1 else [])
    return (
        f"Showing {numbers}: {last - first + 1} of the {total} sessions in this window · "
        + " · ".join(keys)
    )


class SeverityGrid(Static):
    """Every session of the window, as many columns as fit at a time; < and > page through,
    and the first line names the sessions shown and how many there are."""

    DEFAULT_CSS = """
    SeverityGrid { height: auto; width: auto; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: list[str] = []
        self.rows: list[tuple[str, list[int]]] = []
        self.burdens: list[int] = []
        self.first = 0
        self.fit = 1

    def show(
        self,
        columns: list[str],
        rows: list[tuple[str, list[int]]],
        burdens: list[int],
        fit: int,
    ) -> None:
        """All the window's sessions; the latest `fit` shown unless these are the sessions
        already shown (a redraw keeps the page)."""
        same = columns == self.columns
        self.columns, self.rows, self.burdens, self.fit = columns, rows, burdens, max(1, fit)
        if not same:
            self.first = len(columns)
        self._draw()

    def page(self, step: int) -> None:
        """Show the `fit` sessions before (step -1) or after (step 1) those shown."""
        self.first += step * self.fit
        self._draw()

    @property
    def last(self) -> int:
        return min(len(self.columns), self.first + self.fit) - 1

    def _draw(self) -> None:
        self.first = max(0, min(self.first, len(self.columns) - self.fit))
        if not self.columns:
            self.update(Text("No sessions in this window."))
            return
        cut = slice(self.first, self.last + 1)
        text = Text(range_line(self.columns, self.first, self.last) + "\n\n", no_wrap=True)
        text.append_text(
            grid_text(
                self.columns[cut],
                [(label, severities[cut]) for label, severities in self.rows],
                self.burdens[cut],
                self.app.theme_variables,
            )
        )
        self.update(text)
