"""Shared by the actions' tests: a diary file opened through the actions, never the CLI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from diary.actions.diary import writing
from diary.domain import Route, Session, Severity, SideEffectRating, VitalLabel, VitalReading
from diary.store import Store

UTC = dt.UTC


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def session_on(text: str, *felt: tuple[str, int], hour: int = 10) -> Session:
    started = dt.datetime.combine(day(text), dt.time(hour), tzinfo=UTC)
    return Session(
        started_at=started,
        route=Route.IV,
        dose_mg=35.0,
        vitals=(VitalReading(VitalLabel.PRE, 150, 95),),
        side_effects=tuple(SideEffectRating(key, Severity(level)) for key, level in felt),
    )


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with writing(db_path) as opened:
        yield opened
