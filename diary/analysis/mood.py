"""Mood over time: the 7-day mean, mood by day around a session, a range's mood figures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from fractions import Fraction
from typing import Any

from diary.analysis.rounding import mean_of, round_mean, round_ratio
from diary.analysis.timeline import ONE_DAY, MoodLog, days
from diary.domain import MoodEntry, Session
from diary.domain.numbers import exact

ROLLING_DAYS = 7
ROLLING_MIN_LOGGED = 4
EDGE_DAYS = 14  # first_14_mean and last_14_mean
ALIGNED_OFFSETS = range(-3, 15)


def seven_day_mean(moods: Iterable[MoodEntry] | MoodLog, day: dt.date) -> float | None:
    """Mean of logged moods in day-6..day, only when at least 4 of those days are logged."""
    values = MoodLog.of(moods).logged(day - (ROLLING_DAYS - 1) * ONE_DAY, day)
    if len(values) < ROLLING_MIN_LOGGED:
        return None
    return round_mean(Fraction(sum(values), len(values)))


def rolling_mean_7(
    moods: Iterable[MoodEntry] | MoodLog, start: dt.date, end: dt.date
) -> list[tuple[dt.date, float | None]]:
    """The 7-day mean of every day from start to end (None where fewer than 4 are logged)."""
    log = MoodLog.of(moods)
    window = (ROLLING_DAYS - 1) * ONE_DAY
    logged = log.logged(start - window, start - ONE_DAY)
    total, count = sum(logged), len(logged)
    series: list[tuple[dt.date, float | None]] = []
    for day in days(start, end):  # slide the window: add the new day, drop the oldest
        if (entering := log.on(day)) is not None:
            total, count = total + entering, count + 1
        if (leaving := log.on(day - ROLLING_DAYS * ONE_DAY)) is not None and day > start:
            total, count = total - leaving, count - 1
        series.append((day, round_ratio(total, count) if count >= ROLLING_MIN_LOGGED else None))
    return series


@dataclass(frozen=True, slots=True)
class AlignedMood:
    """The mean mood on one day relative to a session, over the session days that logged it."""

    offset: int
    mean: float | None
    sessions: int


def session_aligned_mood(
    moods: Iterable[MoodEntry] | MoodLog,
    sessions: Iterable[Session],
    offsets: Iterable[int] = ALIGNED_OFFSETS,
) -> list[AlignedMood]:
    """Average mood by day relative to a session (S+offset) across the sessions.

    Each session day counts once, however many sessions it held; a day not logged is left
    out of that offset's mean. A session's days after it count only until its next session:
    S+k (k > 0) is left out from the next session's day on, so a bump at +8 is never the
    next session's. `sessions` of AlignedMood is how many session days each mean rests on.
    """
    log = MoodLog.of(moods)
    days = sorted({s.day for s in sessions})
    next_days = [*days[1:], None][: len(days)]
    points = []
    for offset in offsets:
        shift = dt.timedelta(days=offset)
        values = [
            m
            for d, following in zip(days, next_days, strict=True)
            if (offset <= 0 or following is None or d + shift < following)
            and (m := log.on(d + shift)) is not None
        ]
        mean = Fraction(sum(values), len(values)) if values else None
        points.append(AlignedMood(offset, round_mean(mean), len(values)))
    return points


@dataclass(frozen=True, slots=True)
class MoodSummary:
    """Logged moods in a range: mean, lowest, highest, first and last 14 days."""

    mean: float | None
    min: int | None
    max: int | None
    first_14_mean: float | None
    last_14_mean: float | None
    anxiety_mean: float | None = None  # of the days with anxiety logged (0-10)
    sleep_hours_mean: float | None = None  # of the days with sleep logged

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def mood_summary(
    moods: Iterable[MoodEntry] | MoodLog,
    start: dt.date,
    end: dt.date,
    counted_from: dt.date | None = None,
) -> MoodSummary:
    """The mood figures of `diary stats` for start..end; the first 14 days are counted from
    counted_from when the diary begins after start (days before it could hold nothing)."""
    entries = [] if isinstance(moods, MoodLog) else list(moods)
    log = MoodLog.of(entries or moods)
    values = log.logged(start, end)
    edge = (EDGE_DAYS - 1) * ONE_DAY
    first = max(start, counted_from or start)
    days = [e for e in entries if start <= e.day <= end]
    anxiety = [e.anxiety for e in days if e.anxiety is not None]
    sleep = [exact(e.sleep_hours) for e in days if e.sleep_hours is not None]
    return MoodSummary(
        mean=mean_of(values),
        min=min(values, default=None),
        max=max(values, default=None),
        first_14_mean=round_mean(log.mean(first, min(end, first + edge))),
        last_14_mean=round_mean(log.mean(max(start, end - edge), end)),
        anxiety_mean=mean_of(anxiety),
        sleep_hours_mean=round_mean(sum(sleep, Fraction(0)) / len(sleep)) if sleep else None,
    )
