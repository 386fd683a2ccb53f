"""What a chart says instead of an empty box: what is missing and the key that fills it."""

from __future__ import annotations

import datetime as dt

from diary.domain import CheckIn, MoodEntry, Session

OTHER_WINDOW = "press 4 for all days"


def missing(
    chart: str,
    start: dt.date,
    end: dt.date,
    moods: list[MoodEntry],
    sessions: list[Session],
    checkins: list[CheckIn],
) -> str | None:
    """None when the chart has something to draw in start..end, else one line saying what
    is missing and which key fills it. The lists hold every record, not only the window's."""

    def within(days: list[dt.date]) -> bool:
        return any(start <= day <= end for day in days)

    mood_days = [m.day for m in moods]
    session_days = [s.day for s in sessions]
    if chart in ("mood", "year"):
        if not moods:
            return "No moods yet: press t to log today's."
        if chart == "mood" and not within(mood_days):
            return f"No moods in this window: {OTHER_WINDOW}, or t to log today's."
        return None
    if chart == "checkins":
        if not checkins:
            return "No check-ins yet: press c to answer a PHQ-9 or GAD-7."
        if not within([c.day for c in checkins]):
            return f"No check-ins in this window: {OTHER_WINDOW}, or c to answer one."
        return None
    if not sessions:
        return "No sessions yet: press n to record one."
    if not within(session_days):
        return f"No sessions in this window: {OTHER_WINDOW}, or n to record one."
    if chart == "aligned" and not moods:
        return "No moods yet to set beside the sessions: press t to log today's."
    if chart == "bp" and not any(s.vitals for s in sessions if start <= s.day <= end):
        return "No blood pressure readings in this window: record them with a session (n)."
    return None
