"""Days and logged moods: the calendar every other analysis module walks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from diary.domain import MoodEntry, Session

ONE_DAY = dt.timedelta(days=1)


def days(first: dt.date, last: dt.date) -> Iterable[dt.date]:
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


@dataclass(frozen=True, slots=True, eq=False)
class MoodLog:
    """Logged moods by day, for quick look-ups; an unlogged day is simply absent."""

    by_day: Mapping[dt.date, int]
    last_day: dt.date | None

    @classmethod
    def of(cls, moods: Iterable[MoodEntry] | MoodLog) -> MoodLog:
        if isinstance(moods, MoodLog):
            return moods
        by_day = {m.day: m.mood for m in moods}
        return cls(by_day, max(by_day, default=None))

    def on(self, day: dt.date) -> int | None:
        return self.by_day.get(day)

    def logged(self, first: dt.date, last: dt.date) -> list[int]:
        """The logged moods from first to last (both included), oldest first."""
        if first > last:
            return []
        if (last - first).days < len(self.by_day):
            return [m for d in days(first, last) if (m := self.by_day.get(d)) is not None]
        return [m for d, m in sorted(self.by_day.items()) if first <= d <= last]

    def mean(self, first: dt.date, last: dt.date) -> Fraction | None:
        """The exact mean of the logged moods from first to last; None when none is logged."""
        values = self.logged(first, last)
        return Fraction(sum(values), len(values)) if values else None

    def next_logged(self, after: dt.date) -> dt.date | None:
        """The first logged day after this one."""
        if self.last_day is None:
            return None
        return next((d for d in days(after + ONE_DAY, self.last_day) if d in self.by_day), None)


def by_time(sessions: Iterable[Session]) -> list[Session]:
    return sorted(sessions, key=lambda s: s.started_at)
