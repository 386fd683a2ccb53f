"""Reading the days and sessions of a range, for `diary list` and the History screen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from diary.domain import BUILTIN_SYMPTOMS, MoodEntry, Session, Symptom
from diary.store import Store


@dataclass(frozen=True, slots=True)
class DaysAndSessions:
    """The days and sessions of a range, with the numbers and symptom names to show them."""

    moods: list[MoodEntry] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    numbers: dict[int, int] = field(default_factory=dict)
    symptoms: list[Symptom] = field(default_factory=lambda: list(BUILTIN_SYMPTOMS))

    @property
    def empty(self) -> bool:
        return not self.moods and not self.sessions


def days_and_sessions(
    store: Store | None, start: dt.date | None = None, end: dt.date | None = None
) -> DaysAndSessions:
    """Moods and sessions from start to end (None: open-ended), oldest first; nothing when
    there is no diary (store None)."""
    if store is None:
        return DaysAndSessions()
    return DaysAndSessions(
        store.moods_between(start, end),
        store.sessions_between(start, end),
        store.session_numbers(),
        store.symptoms(),
    )
