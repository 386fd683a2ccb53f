"""Mean mood by day relative to a session, over the sessions of the window, with how many
sessions each day's mean rests on (a session's days stop at its next session)."""

from __future__ import annotations

from typing import Any

from diary import analysis
from diary.domain import MoodEntry, Session
from diary.tui.widgets.charts.axes import even_top, plot_rows
from diary.tui.widgets.charts.colours import ChartColours

BOTTOM = -2  # a tick step under mood 0, for the per-day session counts
COUNT_ROW = -1


def draw_after_session(
    plt: Any,
    every_mood: list[MoodEntry],
    sessions: list[Session],
    colours: ChartColours,
    height: int,
) -> None:
    """Draw on a cleared plotext figure."""
    profile = analysis.session_aligned_mood(every_mood, sessions)
    points = [(p.offset, p.mean) for p in profile if p.mean is not None]
    if points:
        plt.plot(
            [p[0] for p in points],
            [p[1] for p in points],
            marker="hd",
            color=colours.series[0],
            label="mean mood",
        )
        plt.vline(0, color=colours.reference)
    for point in profile:
        plt.text(
            str(point.sessions),
            point.offset,
            COUNT_ROW,
            color=colours.text,
            background=colours.canvas,
            alignment="center",
        )
    offsets = [p.offset for p in profile]
    plt.xlim(offsets[0] - 0.5, offsets[-1] + 0.5)
    plt.ylim(BOTTOM, even_top(BOTTOM, 10, 2, plot_rows(height, xlabel=True)))
    plt.yticks([0, 2, 4, 6, 8, 10])
    plt.xticks(offsets, [f"{o:+d}" if o else "S" for o in offsets])
    plt.title(f"Mean mood by day from a session (S) · {len(sessions)} sessions")
    plt.xlabel("bottom row: sessions each mean rests on (a session's days end at the next)")
