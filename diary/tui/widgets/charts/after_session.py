"""Mean mood by day relative to a session, over the sessions of the window."""

from __future__ import annotations

from typing import Any

from diary import analysis
from diary.domain import MoodEntry, Session


def draw_after_session(plt: Any, every_mood: list[MoodEntry], sessions: list[Session]) -> None:
    """Draw on a cleared plotext figure."""
    profile = analysis.session_aligned_mood(every_mood, sessions)
    points = [(p.offset, p.mean) for p in profile if p.mean is not None]
    if points:
        plt.plot([p[0] for p in points], [p[1] for p in points], marker="hd", label="mean mood")
        plt.vline(0)
    plt.ylim(0, 10)
    plt.xticks(list(range(-3, 15)), [f"{o:+d}" if o else "S" for o in range(-3, 15)])
    plt.title(f"Mean mood by day relative to a session (S) · {len(sessions)} sessions")
    plt.xlabel("days from the session")
