"""PHQ-9 and GAD-7 totals over the window: a marker on each day a check-in was taken, and
the PHQ-9 band edges as lines named on the axis."""

from __future__ import annotations

import datetime as dt
from typing import Any

from diary.domain import CheckIn
from diary.domain.questionnaires import GAD7, PHQ9
from diary.tui.widgets.charts.axes import date_ticks, even_top, plot_rows
from diary.tui.widgets.charts.colours import ChartColours

MARKERS = {PHQ9.kind: "●", GAD7.kind: "◆"}
SHORT_NAMES = {"moderately severe": "mod. severe"}  # so the axis stays narrow at 80 columns


def band_ticks() -> tuple[list[int], list[str]]:
    """A tick at each PHQ-9 band's low edge, labelled with the band's name."""
    bands = PHQ9.bands
    return [b.low for b in bands], [f"{b.low} {SHORT_NAMES.get(b.name, b.name)}" for b in bands]


def draw_checkins(
    plt: Any,
    start: dt.date,
    end: dt.date,
    checkins: list[CheckIn],
    colours: ChartColours,
    height: int,
) -> None:
    """Draw on a cleared plotext figure."""
    days = (end - start).days + 1
    for band in PHQ9.bands[1:]:
        plt.hline(band.low, color=colours.reference)
    for scale, colour in ((PHQ9, colours.series[0]), (GAD7, colours.series[1])):
        points = [c for c in checkins if c.kind == scale.kind and start <= c.day <= end]
        xs = [(c.day - start).days for c in points]
        ys = [c.total for c in points]
        if len(points) > 1:
            plt.plot(xs, ys, marker="braille", color=colour)
        if points:
            plt.scatter(xs, ys, marker=MARKERS[scale.kind], color=colour)
    plt.ylim(0, even_top(0, 27, 5, plot_rows(height, xlabel=True)))
    plt.yticks(*band_ticks())
    plt.xlim(-0.5, days - 0.5)
    plt.xticks(*date_ticks(start, days))
    plt.title("PHQ-9 and GAD-7 totals · lines and names: PHQ-9 bands")
    phq, gad = MARKERS[PHQ9.kind], MARKERS[GAD7.kind]
    plt.xlabel(f"{phq} PHQ-9 (0-27)  {gad} GAD-7 (0-21) · a mark on each check-in's day")
