"""A one-line sparkline of daily mood where an unlogged day is a gap, never a zero."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.content import Content
from textual.widgets import Static

BLOCKS = "▁▂▃▄▅▆▇█"
GAP = "·"


def strip_text(days: list[dt.date], moods: dict[dt.date, int]) -> str:
    """One character per day: a block whose height is the mood 0-10, a dot when not logged."""
    cells = []
    for day in days:
        mood = moods.get(day)
        cells.append(GAP if mood is None else BLOCKS[min(7, round(mood * 7 / 10))])
    return "".join(cells)


class MoodStrip(Static):
    """The last N days of mood as blocks, with the first and last date under it."""

    DEFAULT_CSS = """
    MoodStrip { height: 2; width: auto; }
    """

    def show(self, days: list[dt.date], moods: dict[dt.date, int]) -> None:
        if not days:
            self.update("")
            return
        blocks = strip_text(days, moods)
        logged = [moods[d] for d in days if d in moods]
        summary = f"  {len(logged)} of {len(days)} days logged" + (
            f", mean {sum(logged) / len(logged):.1f}" if logged else ""
        )
        text = Text(blocks, style="bold")
        text.append(summary)
        text.append("\n")
        left, right = days[0].strftime("%d %b"), days[-1].strftime("%d %b")
        dates = left + " " * max(1, len(blocks) - len(left) - len(right)) + right
        # not "dim": dim of the strip's colour read 3.2:1 on the dark theme, 4.4:1 on the light
        self.update(Content.from_rich_text(text).append(Content.styled(dates, "$text-secondary")))
