"""Year in pixels: one cell per day for the last 12 months, coloured by mood, digit inside."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.widgets import Static

# Mood 0-10 in five bands; each band has a colour and the cell also shows the digit,
# so colour never carries the meaning alone. "·" is a day not logged.
BANDS = (
    (0, 2, "#b2182b"),
    (3, 4, "#ef8a62"),
    (5, 5, "#bababa"),
    (6, 7, "#67a9cf"),
    (8, 10, "#2166ac"),
)


def band_colour(mood: int) -> str:
    return next(colour for low, high, colour in BANDS if low <= mood <= high)


def month_starts(end: dt.date, months: int = 12) -> list[dt.date]:
    """The first day of each of the last `months` months, oldest first, ending with end's."""
    starts = []
    year, month = end.year, end.month
    for _ in range(months):
        starts.append(dt.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def pixels_text(end: dt.date, moods: dict[dt.date, int]) -> Text:
    """A month a row, a day a cell: the mood digit (10 as 'X') on its band's colour."""
    text = Text(no_wrap=True)
    text.append("day    " + "".join(f"{d:<2}" if d % 5 == 1 else "  " for d in range(1, 32)))
    text.append("\n")
    for start in month_starts(end):
        text.append(f"{start:%b %y} ", style="bold")
        day = start
        while day.month == start.month:
            if day > end:
                text.append("  ")
            elif day in moods:
                mood = moods[day]
                glyph = "X" if mood == 10 else str(mood)
                text.append(f"{glyph} ", style=f"bold black on {band_colour(mood)}")
            else:
                text.append("· ", style="dim")
            day += dt.timedelta(days=1)
        text.append("\n")
    text.append("\nKey: digit = mood (X = 10), · = not logged   ")
    for low, high, colour in BANDS:
        label = f"{low}-{high}" if low != high else f"{low}"
        text.append(f" {label} ", style=f"bold black on {colour}")
        text.append(" ")
    return text


class YearPixels(Static):
    """The last 12 months of mood as a calendar of cells."""

    DEFAULT_CSS = """
    YearPixels { height: auto; width: auto; }
    """

    def show(self, end: dt.date, moods: dict[dt.date, int]) -> None:
        self.update(pixels_text(end, moods))
