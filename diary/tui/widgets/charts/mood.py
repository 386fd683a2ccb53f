"""Mood 0-10 by day with its 7-day mean, the session days along the bottom and, under them,
the days another medicine was started, changed or stopped (a record, not a reading of it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from diary import analysis
from diary.domain import MoodEntry, Session
from diary.domain.medicines import MedicineChange, MedicineEvent
from diary.tui.widgets.charts.axes import date_ticks, even_top, plot_rows
from diary.tui.widgets.charts.colours import ChartColours

BOTTOM = -2  # a tick step under mood 0, for the session and medicine marks
SESSION_ROW = -1
MEDICINE_ROW = BOTTOM
MEDICINE_MARKS = {MedicineChange.START: "+", MedicineChange.CHANGE: "~", MedicineChange.STOP: "×"}
TITLE = "Mood 0-10 (unlogged days left empty)"
MEDICINE_TITLE = "Mood 0-10 (unlogged days empty) · medicine: + start ~ change × stop"


def draw_mood(
    plt: Any,
    start: dt.date,
    end: dt.date,
    moods: list[MoodEntry],
    sessions: list[Session],
    every_mood: list[MoodEntry],
    colours: ChartColours,
    height: int,
    medicines: Sequence[MedicineEvent] = (),
) -> None:
    """Draw on a cleared plotext figure: moods, sessions and medicine events of the window;
    the 7-day mean reads every mood, so its first days count the days before the window."""
    days = (end - start).days + 1
    if moods:
        plt.scatter(
            [(m.day - start).days for m in moods],
            [m.mood for m in moods],
            marker="dot",
            color=colours.series[0],
        )
    mean = analysis.rolling_mean_7(every_mood, start, end)
    run_x: list[int] = []
    run_y: list[float] = []
    for index, (_, value) in enumerate(mean):
        if value is not None:
            run_x.append(index)
            run_y.append(value)
        if (value is None or index == len(mean) - 1) and run_x:
            plt.plot(run_x, run_y, marker="braille", color=colours.text)
            run_x, run_y = [], []
    if sessions:
        plt.scatter(
            [(s.day - start).days for s in sessions],
            [SESSION_ROW] * len(sessions),
            marker="▲",
            color=colours.series[1],
        )  # along the bottom, under mood 0
    for change, mark in MEDICINE_MARKS.items():
        days_of = sorted({(e.day - start).days for e in medicines if e.change is change})
        if days_of:
            plt.scatter(days_of, [MEDICINE_ROW] * len(days_of), marker=mark, color=colours.text)
    plt.ylim(BOTTOM, even_top(BOTTOM, 10, 2, plot_rows(height, xlabel=True)))
    plt.yticks([0, 2, 4, 6, 8, 10])
    plt.xlim(-0.5, days - 0.5)
    plt.xticks(*date_ticks(start, days))
    plt.title(MEDICINE_TITLE if medicines else TITLE)
    plt.xlabel("• daily mood  ⣀ 7-day mean (4 of 7 days logged)  ▲ session day")
