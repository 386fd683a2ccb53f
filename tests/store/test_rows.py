"""The whole file: empty or holding data, and its first day."""

from __future__ import annotations

import datetime as dt

from diary.domain import MoodEntry, Route, Session
from diary.store import Store
from tests.store.conftest import UTC


def test_holds_data_and_first_day(store: Store) -> None:
    assert store.is_empty() and not store.holds_data()
    assert store.first_day() is None
    store.save_mood(MoodEntry(dt.date(2026, 11, 5), 5))
    store.add_session(Session(dt.datetime(2026, 10, 30, 9, tzinfo=UTC), Route.IV))
    assert not store.is_empty()
    assert store.first_day() == dt.date(2026, 10, 30)
