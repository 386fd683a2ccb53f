"""Logging a day's mood, and the reminder when today's is missing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from diary.actions.diary import reading
from diary.domain import MoodEntry
from diary.domain.mood import keep_mood_fields, mood_change_line
from diary.store import Store


@dataclass(frozen=True, slots=True)
class MoodLogged:
    """A saved day's mood (as saved) and the entry it replaced, if any."""

    entry: MoodEntry
    previous: MoodEntry | None

    @property
    def change(self) -> str:
        """What changed and what was kept ("mood 6 -> 8; note kept"); empty for a new day."""
        return mood_change_line(self.previous, self.entry)


def log_mood(store: Store, entry: MoodEntry, keep: Collection[str] = ()) -> MoodLogged:
    """Save the day's mood (a checked entry) in one transaction. A form that shows every
    field replaces the day's entry; a command keeps the fields it was not given (keep:
    "anxiety", "sleep", "note") as they are saved."""
    previous = store.save_mood(entry, keep)
    return MoodLogged(keep_mood_fields(entry, previous, keep), previous)


def delete_mood(store: Store, day: dt.date) -> MoodEntry:
    """Delete the mood of a day; returns what was deleted."""
    entry = store.mood_for(day)
    store.delete_mood(day)
    assert entry is not None  # delete_mood refuses a day with no mood
    return entry


def mood_today(path: Path, today: dt.date) -> MoodEntry | None:
    """Today's entry, or None when it is missing (or there is no diary yet)."""
    with reading(path) as store:
        return None if store is None else store.mood_for(today)
