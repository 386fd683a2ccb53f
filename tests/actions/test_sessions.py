"""Saving, editing and deleting sessions through the actions; numbers follow time."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from diary.actions.sessions import add_session, catalogue, delete_session, save_session
from diary.domain import BUILTIN_SYMPTOMS
from diary.store import Store
from tests.actions.conftest import session_on


def test_numbers_count_by_time_not_by_order_of_saving(store: Store) -> None:
    later = add_session(store, session_on("2026-11-10", ("nausea", 2)))
    assert later.number == 1
    earlier = add_session(store, session_on("2026-11-01"))
    assert earlier.number == 1
    assert store.session_numbers()[later.session.id] == 2


def test_save_session_edits_in_place_when_it_has_an_id(store: Store) -> None:
    saved = save_session(store, session_on("2026-11-10")).session
    edited = save_session(store, dataclasses.replace(saved, dose_mg=40.0, note="calmer"))
    assert edited.session.id == saved.id
    assert [s.dose_mg for s in store.sessions_between()] == [40.0]


def test_delete_session_returns_it_with_its_ratings(store: Store) -> None:
    saved = add_session(store, session_on("2026-11-10", ("dizziness", 3))).session
    deleted = delete_session(store, saved.id)
    assert deleted.session.side_effects == saved.side_effects
    assert deleted.morning is None  # not rated the morning after
    assert store.sessions_between() == []


def test_catalogue_without_a_diary_is_the_built_in_one(db_path: Path) -> None:
    assert catalogue(db_path) == list(BUILTIN_SYMPTOMS)
    assert not db_path.exists()
