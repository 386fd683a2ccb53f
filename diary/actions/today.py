"""What the Today screen shows beside the form: the last 30 days of mood, the last session
and the PHQ-9 reminder."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from diary.actions import ranges

if TYPE_CHECKING:
    from diary.domain import Session
    from diary.store import Store
    from diary.store.moods import MoodRecords

STRIP_DAYS = 30


class TodayContext:
    """The lines beside one day's form: its last session and how long since a PHQ-9.

    A plain class, not a dataclass: making a dataclass costs about 1 ms (its methods are
    compiled when the class is made)."""

    __slots__ = ("day", "last_number", "last_session", "phq9_days")

    def __init__(
        self,
        *,
        day: dt.date,
        last_session: Session | None,
        last_number: int | None,
        phq9_days: int | None,  # see domain.questionnaires.phq9_reminder: None, -1 or days since
    ) -> None:
        self.day = day
        self.last_session = last_session
        self.last_number = last_number
        self.phq9_days = phq9_days

    @property
    def days_since_session(self) -> int | None:
        return None if self.last_session is None else (self.day - self.last_session.day).days


def strip_days(day: dt.date) -> list[dt.date]:
    """The days of the mood strip: the last STRIP_DAYS, ending with day."""
    start = ranges.last_days(day, STRIP_DAYS)
    return [start + dt.timedelta(days=i) for i in range(STRIP_DAYS)]


def recent_moods(store: MoodRecords, day: dt.date) -> dict[dt.date, int]:
    """The mood of each day of the strip that has one. Moods alone: Today draws its first
    frame from these and the form, before the record types of sessions and check-ins load."""
    return {m.day: m.mood for m in store.moods_between(strip_days(day)[0], day)}


def today_context(store: Store, day: dt.date) -> TodayContext:
    from diary.domain import CheckinKind
    from diary.domain.questionnaires import phq9_reminder

    last = store.last_session()
    number = None if last is None else store.session_numbers().get(last.id or 0)
    return TodayContext(
        day=day,
        last_session=last,
        last_number=number,
        phq9_days=phq9_reminder(store.last_checkin_day(CheckinKind.PHQ9, day), day),
    )
