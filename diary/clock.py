"""The one clock of the diary; `DIARY_TODAY` pins it so tests and screenshots are stable.

`DIARY_TODAY=2026-11-20` makes today that day and "now" noon of it (local offset);
`DIARY_TODAY=2026-11-20T08:30` pins the time as well. A pinned day must lie in
1900-01-01..9000-12-31, so that a year of windows either side of it stays a real date.
"""

from __future__ import annotations

import datetime as dt
import os

from diary.domain.errors import DiaryError, ValidationError

EARLIEST_PIN = dt.date(1900, 1, 1)
LATEST_PIN = dt.date(9000, 12, 31)


def now() -> dt.datetime:
    """The current local time with its UTC offset, to the second."""
    pinned = os.environ.get("DIARY_TODAY", "").strip()
    if pinned:
        try:
            if "T" in pinned or " " in pinned:
                moment = dt.datetime.fromisoformat(pinned)
            else:
                moment = dt.datetime.combine(dt.date.fromisoformat(pinned), dt.time(12, 0))
        except ValueError:
            raise DiaryError(
                f"DIARY_TODAY: {pinned!r} is not an ISO date or date and time"
            ) from None
        if not EARLIEST_PIN <= moment.date() <= LATEST_PIN:
            raise ValidationError(
                "DIARY_TODAY", pinned, f"a day from {EARLIEST_PIN} to {LATEST_PIN}"
            )
        return (moment if moment.tzinfo else moment.astimezone()).replace(microsecond=0)
    return dt.datetime.now().astimezone().replace(microsecond=0)


def today() -> dt.date:
    """Today's local date."""
    return now().date()
