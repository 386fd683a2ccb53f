"""Logging a day's mood, and the reminder when today's is missing."""

from __future__ import annotations

from diary.actions.diary import reading, writing
from diary.domain.errors import ANY_SAVED
from diary.domain.mood import MoodEntry, keep_mood_fields, mood_change_line
from diary.store.moods import MoodRecords, MoodStore

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Collection

    from diary.store.paths import StrPath


class MoodLogged:
    """A saved day's mood (as saved) and the entry it replaced, if any. (A plain class:
    `diary mood 7` does not import dataclasses.)"""

    __slots__ = ("entry", "previous")

    def __init__(self, entry: MoodEntry, previous: MoodEntry | None) -> None:
        self.entry = entry
        self.previous = previous

    @property
    def change(self) -> str:
        """What changed and what was kept ("mood 6 -> 8; note kept"); empty for a new day."""
        return mood_change_line(self.previous, self.entry)


def log_mood(
    store: MoodRecords, entry: MoodEntry, keep: Collection[str] = (), *, over: object = ANY_SAVED
) -> MoodLogged:
    """Save the day's mood (a checked entry) in one transaction. A form that shows every
    field replaces the day's entry; a command keeps the fields it was not given (keep:
    "anxiety", "sleep", "note") as they are saved.

    A form passes over, the entry it showed (None: the day was not logged): when another
    writer (a shell command, a second window) changed the day since, nothing is saved and
    ChangedElsewhereError says what is saved now, so the person chooses to replace it."""
    previous = store.save_mood(entry, keep, over=over)
    return MoodLogged(keep_mood_fields(entry, previous, keep), previous)


def log_mood_in(path: StrPath, entry: MoodEntry, keep: Collection[str] = ()) -> MoodLogged:
    """log_mood in the diary at path (created when there is none), opened for its moods
    alone: the quick log."""
    with writing(path, MoodStore) as store:
        return log_mood(store, entry, keep)


def delete_mood(store: MoodRecords, day: dt.date) -> MoodEntry:
    """Delete the mood of a day; returns what was deleted."""
    entry = store.mood_for(day)
    store.delete_mood(day)
    assert entry is not None  # delete_mood refuses a day with no mood
    return entry


def mood_today(path: StrPath, today: dt.date) -> MoodEntry | None:
    """Today's entry, or None when it is missing (or there is no diary yet)."""
    with reading(path, MoodStore) as store:
        return None if store is None else store.mood_for(today)
