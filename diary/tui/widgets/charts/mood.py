"""Mood 0-10 by day with its 7-day mean and the session days along the bottom."""

from __future__ import annotations

import datetime as dt
from typing import Any

from diary import analysis
from diary.domain import MoodEntry, Session
from diary.tui.widgets.charts.axes import date_ticks


def draw_mood(
    plt: Any,
    start: dt.date,
    end: dt.date,
    moods: list[MoodEntry],
    sessions: list[Session],
    every_mood: list[MoodEntry],
) -> None:
    """Draw on a cleared plotext figure: moods and sessions of the window; the 7-day mean
    reads every mood, so its first days count the days before the window."""
    days = (end - start).days + 1
    if moods:
        plt.scatter(
            [(m.day - start).days for m in moods],
            [m.mood for m in moods],
            marker="dot",
            label="daily mood",
        )
    mean = analysis.rolling_mean_7(every_mood, start, end)
    run_x: list[int] = []
    run_y: list[float] = []
    labelled = False
    for index, (_, value) in enumerate(mean):
        if value is not None:
            run_x.append(index)
            run_y.append(value)
        if (value is None or index == len(mean) - 1) and run_x:
            plt.plot(run_x, run_y, marker="braille", label=None if labelled else "7-day mean")
            labelled = True
            run_x, run_y = [], []
    if sessions:
        plt.scatter(
            [(s.day - start).days for s in sessions],
            [-0.6] * len(sessions),
            marker="▲",
            label="session",
        )  # along the bottom: the legend covers the top left
    plt.ylim(-1, 10.5)
    plt.yticks([0, 2, 4, 6, 8, 10])
    plt.xlim(-0.5, days - 0.5)
    plt.xticks(*date_ticks(start, days))
    plt.title("Mood 0-10 (unlogged days left empty)")
