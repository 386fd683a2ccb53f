"""Logging and deleting a day's mood through the actions."""

from __future__ import annotations

from pathlib import Path

import pytest

from diary.actions.log import delete_mood, log_mood, mood_today
from diary.domain import DiaryError, MoodEntry
from diary.store import Store
from tests.actions.conftest import day


def test_log_mood_saves_and_says_what_it_replaced(store: Store) -> None:
    first = log_mood(store, MoodEntry(day("2026-11-20"), 6, note="ok"))
    assert first.previous is None
    again = log_mood(store, MoodEntry(day("2026-11-20"), 8))
    assert again.previous == MoodEntry(day("2026-11-20"), 6, note="ok")
    assert store.mood_for(day("2026-11-20")).mood == 8


def test_delete_mood_returns_what_was_deleted(store: Store) -> None:
    log_mood(store, MoodEntry(day("2026-11-19"), 4, anxiety=3))
    assert delete_mood(store, day("2026-11-19")) == MoodEntry(day("2026-11-19"), 4, anxiety=3)
    assert store.mood_for(day("2026-11-19")) is None
    with pytest.raises(DiaryError):
        delete_mood(store, day("2026-11-19"))


def test_mood_today_reads_without_creating(db_path: Path, store: Store) -> None:
    log_mood(store, MoodEntry(day("2026-11-20"), 7))
    assert mood_today(db_path, day("2026-11-20")).mood == 7
    assert mood_today(db_path, day("2026-11-21")) is None
    elsewhere = db_path.with_name("none.db")
    assert mood_today(elsewhere, day("2026-11-20")) is None
    assert not elsewhere.exists()


def test_log_mood_keeps_the_fields_it_is_told_to_keep(store: Store) -> None:
    log_mood(store, MoodEntry(day("2026-11-19"), 6, 3, 7.0, "a note"))
    logged = log_mood(store, MoodEntry(day("2026-11-19"), 8), keep=("note", "sleep"))
    assert logged.entry == MoodEntry(day("2026-11-19"), 8, None, 7.0, "a note")
    assert store.mood_for(day("2026-11-19")) == logged.entry
    assert logged.change == "mood 6 -> 8; anxiety cleared; note and sleep kept"
