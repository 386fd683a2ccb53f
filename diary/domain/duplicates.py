"""When a new record repeats a saved one: the same check-in on a day, a session close to
another. Saving it anyway is the person's choice: replace the saved one, or keep both."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

from diary.domain.model import CheckIn, Session

# two sessions starting this close are most likely the same one entered twice
SAME_SESSION_MINUTES = 30


class IfSaved(StrEnum):
    """What to do when a like record is already saved."""

    REFUSE = "refuse"  # say so and write nothing (the default)
    REPLACE = "replace"  # the new record takes the saved one's place
    ALSO = "also"  # keep both


def same_day_checkin(saved: Iterable[CheckIn], new: CheckIn) -> CheckIn | None:
    """A saved check-in of new's kind on new's day (the first), else None."""
    return next(
        (c for c in saved if c.kind == new.kind and c.day == new.day and c.id != new.id),
        None,
    )


def near_session(saved: Iterable[Session], new: Session) -> Session | None:
    """The saved session starting closest to new, within SAME_SESSION_MINUTES, else None."""
    window = dt.timedelta(minutes=SAME_SESSION_MINUTES)
    close = [
        s
        for s in saved
        if s.id != new.id or new.id is None
        if abs(s.started_at - new.started_at) <= window
    ]
    return min(close, key=lambda s: abs(s.started_at - new.started_at), default=None)


def minutes_apart(a: Session, b: Session) -> int:
    return round(abs(a.started_at - b.started_at).total_seconds() / 60)
