"""The morning after a session: how lingering side effects felt, rated with its own time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from diary.domain.model import Severity, SideEffectRating


@dataclass(frozen=True, slots=True)
class MorningAfter:
    """Ratings (symptom and severity 0-3) taken after a session, stored against it.

    The ratings reuse SideEffectRating; only symptom and severity are kept (onset,
    duration and note of a rating stay empty: the morning's note is `note`)."""

    session_id: int
    rated_at: dt.datetime
    ratings: tuple[SideEffectRating, ...]
    note: str = ""

    def is_next_morning(self, session_day: dt.date) -> bool:
        """Rated on the day after the session's day: only then is it its next morning."""
        return self.rated_at.date() == session_day + dt.timedelta(days=1)

    def severity_of(self, symptom: str) -> Severity | None:
        """The morning's severity of a symptom; None when it was not rated that morning."""
        for rating in self.ratings:
            if rating.symptom == symptom:
                return rating.severity
        return None
