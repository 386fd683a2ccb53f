"""The date ranges commands and screens default to, decided once for both faces."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from diary.domain import ValidationError

if TYPE_CHECKING:
    from diary.store import Store

ONE_DAY = dt.timedelta(days=1)
REPORT_DAYS = 90  # the report and the Export screen: the last 90 days, both ends included
LIST_DAYS = 30  # `diary list`: the last 30 days
MAX_DAYS = 366 * 200


def last_days(end: dt.date, days: int) -> dt.date:
    """The first day of the `days` days that end on end."""
    return end - (days - 1) * ONE_DAY


def resolve(
    since: dt.date | None,
    until: dt.date | None,
    today: dt.date,
    default_start: Callable[[dt.date], dt.date | None],
) -> tuple[dt.date, dt.date]:
    """since..until with the defaults filled in: until today, since from default_start(end)
    (or end itself when that gives none); refused when since is after until."""
    end = until or today
    start = since or default_start(end) or end
    if since is None:  # a first entry after the end (e.g. tomorrow's mood) starts nothing later
        start = min(start, end)
    if start > end:
        raise ValidationError(
            "start date", since, f"a day on or before the end date ({end})", key="since"
        )
    if (end - start).days > MAX_DAYS:
        raise ValidationError("start date", start, "a range of at most 200 years", key="since")
    return start, end


def whole_diary(
    since: dt.date | None, until: dt.date | None, today: dt.date, store: Store | None
) -> tuple[dt.date, dt.date]:
    """since..until, by default from the first day the diary holds (with none, or no diary,
    the end) to today."""
    return resolve(since, until, today, lambda end: None if store is None else store.first_day())
