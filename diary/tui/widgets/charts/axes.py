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
