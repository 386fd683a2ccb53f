"""Sessions with vitals and side effects, their numbers, edits and deletes; stand-alone vitals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from diary import domain
from diary.domain.pressure import reading_flags
from diary.store import Store, open_store
from tests.records import full_session
from tests.store.conftest import UTC, counts


def test_session_round_trip_with_vitals_and_side_effects(store: Store, db_path: Path) -> None:
    session = full_session()
    saved = store.add_session(session)
    assert saved.id is not None
    assert saved.started_at == session.started_at
    assert saved.started_at.utcoffset() == dt.timedelta(hours=2)
    assert saved.side_effects == session.side_effects
    assert [(v.label, v.systolic, v.diastolic, v.heart_rate, v.spo2) for v in saved.vitals] == [
        (domain.VitalLabel.PRE, 128, 82, 70, 98),
        (domain.VitalLabel.FORTY, 141, 90, 84, 97),
        (domain.VitalLabel.DISCHARGE, 130, 84, None, None),
    ]
    assert [v.taken_at for v in saved.vitals] == [v.taken_at for v in session.vitals]
    assert {v.session_id for v in saved.vitals} == {saved.id}
    without_ids = domain.Session(
        **{
            f: getattr(saved, f)
            for f in domain.Session.__dataclass_fields__
            if f not in ("id", "vitals")
        },
        vitals=tuple(
            domain.VitalReading(v.label, v.systolic, v.diastolic, v.heart_rate, v.spo2, v.taken_at)
            for v in saved.vitals
        ),
    )
    assert without_ids == session
    with open_store(db_path) as reopened:
        assert reopened.session(saved.id) == saved
        assert reopened.sessions_between(dt.date(2026, 11, 18), dt.date(2026, 11, 18)) == [saved]
        assert reopened.sessions_between(dt.date(2026, 11, 19)) == []
        assert reopened.last_session() == saved


def test_session_numbers_follow_time_not_insertion(store: Store) -> None:
    late = store.add_session(
        domain.Session(dt.datetime(2026, 11, 10, 9, tzinfo=UTC), domain.Route.IM)
    )
    early = store.add_session(
        domain.Session(dt.datetime(2026, 11, 3, 9, tzinfo=UTC), domain.Route.ORAL)
    )
    assert store.session_numbers() == {early.id: 1, late.id: 2}
    assert store.last_session() == late


def test_update_and_delete_session_cascade(store: Store, db_path: Path) -> None:
    saved = store.add_session(full_session())
    other = store.add_session(
        domain.Session(
            dt.datetime(2026, 11, 19, 10, tzinfo=UTC),
            domain.Route.INTRANASAL,
            dose_mg=56.0,
            vitals=(domain.VitalReading(domain.VitalLabel.PRE, 120, 80),),
            side_effects=(domain.SideEffectRating("nausea", domain.Severity.MILD),),
        )
    )
    assert counts(db_path)["vitals"] == 4
    assert counts(db_path)["side_effects"] == 4
    changed = domain.Session(
        started_at=saved.started_at,
        route=domain.Route.IM,
        dose_mg=50.0,
        phase=domain.Phase.BOOSTER,
        vitals=(domain.VitalReading(domain.VitalLabel.OTHER, 150, 95, taken_at=saved.started_at),),
        side_effects=(domain.SideEffectRating("vomiting", domain.Severity.MILD, note="once"),),
        id=saved.id,
    )
    updated = store.update_session(changed)
    assert (updated.route, updated.dose_mg, updated.dose_mg_per_kg, updated.phase) == (
        domain.Route.IM,
        50.0,
        None,
        domain.Phase.BOOSTER,
    )
    assert [(v.label, v.text) for v in updated.vitals] == [(domain.VitalLabel.OTHER, "150/95")]
    assert updated.side_effects == (
        domain.SideEffectRating("vomiting", domain.Severity.MILD, note="once"),
    )
    assert counts(db_path)["vitals"] == 2
    assert counts(db_path)["side_effects"] == 2
    store.delete_session(saved.id)
    assert counts(db_path)["sessions"] == 1
    assert counts(db_path)["vitals"] == 1
    assert counts(db_path)["side_effects"] == 1
    assert store.sessions_between() == [store.session(other.id)]
    with pytest.raises(domain.NotFoundError, match=f"session {saved.id} does not exist"):
        store.session(saved.id)
    with pytest.raises(domain.NotFoundError):
        store.delete_session(saved.id)
    with pytest.raises(domain.NotFoundError):
        store.update_session(changed)
    assert counts(db_path)["vitals"] == 1  # the failed update changed nothing


def test_standalone_vital(store: Store) -> None:
    taken = dt.datetime(2026, 11, 17, 8, 15, tzinfo=UTC)
    saved = store.add_vital(
        domain.VitalReading(domain.VitalLabel.OTHER, 152, 96, 77, 99, taken_at=taken)
    )
    assert saved.id is not None
    assert saved == domain.VitalReading(
        domain.VitalLabel.OTHER, 152, 96, 77, 99, taken, None, saved.id
    )
    assert reading_flags(saved) == ()  # 152/96 "other": the 140/90 guide is for pre-dose
    store.add_session(full_session())
    assert store.standalone_vitals() == [saved]
