"""What the Today screen shows beside the form: the last session, the PHQ-9 reminder, and
the last 30 days of mood."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from diary.actions import ranges
from diary.domain import CheckinKind
from diary.domain.questionnaires import phq9_reminder

if TYPE_CHECKING:
    from diary.domain import Session
    from diary.store import Store

STRIP_DAYS = 30


class TodayContext:
    """The context of one day: its last session, how long since a PHQ-9, recent moods.

    A plain class, not a dataclass: Today reads it before its first frame, and making a
    dataclass costs about 1 ms of that (its methods are compiled when the class is made)."""

    __slots__ = ("day", "last_number", "last_session", "moods", "phq9_days")

    def __init__(
        self,
        *,
        day: dt.date,
        last_session: Session | None,
        last_number: int | None,
        phq9_days: int | None,  # see domain.questionnaires.phq9_reminder: None, -1 or days since
        moods: dict[dt.date, int],
    ) -> None:
        self.day = day
        self.last_session = last_session
        self.last_number = last_number
        self.phq9_days = phq9_days
        self.moods = moods

    @property
    def days_since_session(self) -> int | None:
        return None if self.last_session is None else (self.day - self.last_session.day).days

    @property
    def strip_days(self) -> list[dt.date]:
        start = ranges.last_days(self.day, STRIP_DAYS)
        return [start + dt.timedelta(days=i) for i in range(STRIP_DAYS)]


def today_context(store: Store, day: dt.date) -> TodayContext:
    last = store.last_session()
    number = None if last is None else store.session_numbers().get(last.id or 0)
    start = ranges.last_days(day, STRIP_DAYS)
    return TodayContext(
        day=day,
        last_session=last,
        last_number=number,
        phq9_days=phq9_reminder(store.last_checkin_day(CheckinKind.PHQ9, day), day),
        moods={m.day: m.mood for m in store.moods_between(start, day)},
    )
