"""PHQ-9 and GAD-7 totals over the window, with the PHQ-9 band edges."""

from __future__ import annotations

import datetime as dt
from typing import Any

from diary.domain import CheckIn
from diary.domain.questionnaires import GAD7, PHQ9
from diary.tui.widgets.charts.axes import date_ticks


def draw_checkins(plt: Any, start: dt.date, end: dt.date, checkins: list[CheckIn]) -> None:
    """Draw on a cleared plotext figure."""
    days = (end - start).days + 1
    for scale, marker in ((PHQ9, "hd"), (GAD7, "dot")):
        points = [c for c in checkins if c.kind == scale.kind and start <= c.day <= end]
        if points:
            plt.plot(
                [(c.day - start).days for c in points],
                [c.total for c in points],
                marker=marker,
                label=f"{scale.title} total",
            )
    for band in PHQ9.bands[1:]:
        plt.hline(band.low)
    plt.ylim(0, 27)
    plt.yticks([0, 5, 10, 15, 20, 25])
    plt.xlim(-0.5, days - 0.5)
    plt.xticks(*date_ticks(start, days))
    plt.title("PHQ-9 and GAD-7 totals · PHQ-9 band edges at 5, 10, 15, 20")
