"""Axis ticks shared by the date-based charts."""

from __future__ import annotations

import datetime as dt


def date_ticks(start: dt.date, days: int, count: int = 5) -> tuple[list[int], list[str]]:
    """Day-index ticks with readable date labels across a window of `days` days."""
    if days <= 1:
        return [0], [start.strftime("%d %b")]
    step = max(1, (days - 1) // (count - 1))
    positions = list(range(0, days, step))
    fmt = "%d %b" if days <= 400 else "%b %Y"
    return positions, [(start + dt.timedelta(days=p)).strftime(fmt) for p in positions]


UNLAID_HEIGHT = 19  # a plot's height at 80x24, for a plot drawn before it is laid out


def plot_rows(height: int, *, xlabel: bool) -> int:
    """The rows plotext draws data on in a plot `height` rows tall with a title: less the
    frame's two lines, the x ticks and, when there is one, the x label."""
    if height < 8:
        height = UNLAID_HEIGHT
    return height - 4 - (1 if xlabel else 0)


def even_top(low: float, high: float, step: float, rows: int) -> float:
    """The top of a y range from low that holds high and in which every `step` of the axis
    spans the same whole number of rows, so ticks a step apart sit evenly (never half a row
    off). The range grows a little above high where the rows do not divide evenly."""
    intervals = rows - 1
    per_step = max(1, int(intervals * step // (high - low)))
    return low + intervals * step / per_step
