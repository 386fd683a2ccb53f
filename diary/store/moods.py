"""Mood entries: one row per local day in `moods`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from diary.domain import MoodEntry, NotFoundError
from diary.domain.errors import ANY_SAVED, ChangedElsewhereError
from diary.domain.mood import keep_mood_fields
from diary.store.connection import Connected, day_range
from diary.store.damage import MOOD_RULES, decoded_by

_MOOD_COLUMNS = ("day", "mood", "anxiety", "sleep_hours", "note")
_SELECT_MOODS = f"SELECT rowid, {', '.join(_MOOD_COLUMNS)} FROM moods"
INSERT_MOOD = (
    "INSERT INTO moods (day, mood, anxiety, sleep_hours, note, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


def now_stamp() -> str:
    """The moment a mood is written, local time with its offset, to the second."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def mood_values(entry: MoodEntry, stamp: str) -> tuple[object, ...]:
    """The values of INSERT_MOOD for entry, written at stamp."""
    return (entry.day.isoformat(), entry.mood, entry.anxiety, entry.sleep_hours, entry.note, stamp)


def _mood(row: tuple) -> MoodEntry:
    v = decoded_by(MOOD_RULES, "moods", row[0], _MOOD_COLUMNS, row[1:])
    return MoodEntry(v["day"], v["mood"], v["anxiety"], v["sleep_hours"], v["note"])


class MoodRecords(Connected):
    """Reading, saving and deleting the mood of a day."""

    def mood_for(self, day: dt.date) -> MoodEntry | None:
        rows = self._rows(f"{_SELECT_MOODS} WHERE day = ?", [day.isoformat()])
        return _mood(rows[0]) if rows else None

    def moods_between(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[MoodEntry]:
        """Mood entries from start to end (both included), oldest first."""
        rows = self._rows(
            f"{_SELECT_MOODS} WHERE day >= ? AND day <= ? ORDER BY day",
            day_range(start, end),
        )
        return [_mood(r) for r in rows]

    def save_mood(
        self, entry: MoodEntry, keep: Collection[str] = (), *, over: object = ANY_SAVED
    ) -> MoodEntry | None:
        """Save the day's mood, replacing that day's entry but for the fields named in keep
        (anxiety, sleep, note: those stay as saved); returns the entry it replaced.

        over, when given, is the entry the saver last saw (None: not logged then): when the
        day's saved entry is no longer that one, nothing is written and
        ChangedElsewhereError names what is saved now (read in the same transaction)."""
        with self.transaction() as db:
            previous = self.mood_for(entry.day)
            if over is not ANY_SAVED and previous != over:
                raise ChangedElsewhereError(
                    f"the mood of {entry.day.isoformat()} was changed elsewhere since this "
                    "form showed it",
                    saved=previous,
                )
            entry = keep_mood_fields(entry, previous, keep)
            db.execute(
                f"{INSERT_MOOD} ON CONFLICT (day) DO UPDATE SET mood = excluded.mood, "
                "anxiety = excluded.anxiety, sleep_hours = excluded.sleep_hours, "
                "note = excluded.note, updated_at = excluded.updated_at",
                mood_values(entry, now_stamp()),
            )
        return previous

    def delete_mood(self, day: dt.date) -> None:
        with self.transaction() as db:
            if not db.execute("DELETE FROM moods WHERE day = ?", (day.isoformat(),)).rowcount:
                raise NotFoundError(f"no mood is logged for {day.isoformat()}")


class MoodStore(MoodRecords):
    """A diary opened for its moods alone (`diary mood`): the other record types never load."""
