"""The course of treatment up to a day: when it began, how many sessions, the last one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from diary.domain import Session


@dataclass(frozen=True, slots=True)
class Course:
    """Sessions on record up to a day (the range's end)."""

    first_day: dt.date | None
    sessions: int
    last_day: dt.date | None
    days_since_last: int | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "first_session": None if self.first_day is None else self.first_day.isoformat(),
            "sessions_so_far": self.sessions,
            "last_session": None if self.last_day is None else self.last_day.isoformat(),
            "days_since_last_session": self.days_since_last,
        }


def treatment_course(sessions: Iterable[Session], end: dt.date) -> Course:
    """Session #1's day, the sessions on or before end, and the days from the last to end."""
    days = sorted(s.day for s in sessions if s.day <= end)
    if not days:
        return Course(None, 0, None, None)
    return Course(days[0], len(days), days[-1], (end - days[-1]).days)
