"""Year in pixels: one cell per day of the window's months, coloured by mood, digit inside
(in black or white, whichever reads better on the band's colour)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from rich.text import Text
from textual.widgets import Static

from diary.tui.widgets.charts.colours import digit_colour

# Mood 0-10 in five bands; each band has a colour (the theme variable named here) and the
# cell also shows the digit, so colour never carries the meaning alone. "·" is a day not
# logged.
BANDS = (
    (0, 2, "mood-band-0-2"),
    (3, 4, "mood-band-3-4"),
    (5, 5, "mood-band-5"),
    (6, 7, "mood-band-6-7"),
    (8, 10, "mood-band-8-10"),
)


def band_variable(mood: int) -> str:
    return next(variable for low, high, variable in BANDS if low <= mood <= high)


def cell_style(mood: int, variables: Mapping[str, str]) -> str:
    """The digit on its band's colour, from the theme's variables (App.theme_variables)."""
    colour = variables[band_variable(mood)]
    return f"bold {digit_colour(colour)} on {colour}"


def month_starts(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first day of each month from start's to end's, oldest first."""
    starts = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        starts.append(dt.date(year, month, 1))
        year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    return starts


def pixels_text(
    start: dt.date, end: dt.date, moods: dict[dt.date, int], variables: Mapping[str, str]
) -> Text:
    """A month a row, a day a cell: the mood digit (10 as 'X') on its band's colour; the
    days of those months outside start..end are left blank."""
    styles = {mood: cell_style(mood, variables) for mood in range(11)}  # not one per cell
    text = Text(no_wrap=True)
    text.append("day      " + "".join(f"{d:<2}" if d % 5 == 1 else "  " for d in range(1, 32)))
    text.append("\n")
    for first in month_starts(start, end):
        text.append(f"{first:%b %Y} ", style="bold")  # "Sep 2026", never "Sep 26"
        day = first
        while day.month == first.month:
            if day > end or day < start:
                text.append("  ")
            elif day in moods:
                mood = moods[day]
                glyph = "X" if mood == 10 else str(mood)
                text.append(f"{glyph} ", style=styles[mood])
            else:
                text.append("· ", style="dim")
            day += dt.timedelta(days=1)
        text.append("\n")
    text.append("\nKey: digit = mood (X = 10), · = not logged   ")
    for low, high, _ in BANDS:
        label = f"{low}-{high}" if low != high else f"{low}"
        text.append(f" {label} ", style=styles[low])
        text.append(" ")
    return text


class YearPixels(Static):
    """The window's months of mood as a calendar of cells."""

    DEFAULT_CSS = """
    YearPixels { height: auto; width: auto; }
    """

    def show(self, start: dt.date, end: dt.date, moods: dict[dt.date, int]) -> None:
        self.update(pixels_text(start, end, moods, self.app.theme_variables))
