"""Moods: the round trip, replacing a day's entry, deleting it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from diary.domain import MoodEntry, NotFoundError
from diary.store import Store, open_store


def test_mood_round_trip_with_unicode_note_and_replacement(store: Store, db_path: Path) -> None:
    entry = MoodEntry(dt.date(2026, 11, 19), 6, anxiety=4, sleep_hours=6.5, note="Café ☕ — ok")
    assert store.save_mood(entry) is None
    assert store.mood_for(dt.date(2026, 11, 19)) == entry
    bare = MoodEntry(dt.date(2026, 11, 20), 0)
    store.save_mood(bare)
    assert store.moods_between() == [entry, bare]
    assert store.moods_between(dt.date(2026, 11, 20), dt.date(2026, 11, 20)) == [bare]
    again = MoodEntry(dt.date(2026, 11, 19), 8)
    assert store.save_mood(again) == entry  # the entry it replaced
    assert store.mood_for(dt.date(2026, 11, 19)) == again
    store.delete_mood(dt.date(2026, 11, 19))
    assert store.moods_between() == [bare]
    with pytest.raises(NotFoundError, match="no mood is logged for 2026-11-19"):
        store.delete_mood(dt.date(2026, 11, 19))
    with open_store(db_path) as reopened:
        assert reopened.moods_between() == [bare]
