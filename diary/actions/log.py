"""Logging a day's mood, and the reminder when today's is missing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from diary.actions.diary import reading
from diary.domain import MoodEntry
from diary.store import Store


@dataclass(frozen=True, slots=True)
class MoodLogged:
    """A saved day's mood and the entry it replaced, if any."""

    entry: MoodEntry
    previous: MoodEntry | None


def log_mood(store: Store, entry: MoodEntry) -> MoodLogged:
    """Save the day's mood (a checked entry), replacing that day's entry."""
    return MoodLogged(entry, store.save_mood(entry))


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
