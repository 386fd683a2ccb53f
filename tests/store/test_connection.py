"""The connection: WAL, foreign keys and busy timeout; a failed save writes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from diary.domain import Route, Session, Severity, SideEffectRating, VitalLabel, VitalReading
from diary.store import APPLICATION_ID, SCHEMA_VERSION, Store
from tests.store.conftest import UTC, counts


def test_wal_foreign_keys_and_busy_timeout(store: Store, db_path: Path) -> None:
    db = store._db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert store.schema_version == SCHEMA_VERSION == 2
    header = db_path.read_bytes()[:100]
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert header[18:20] == b"\x02\x02"  # WAL, stamped in the file itself


def test_a_failed_save_writes_nothing(store: Store, db_path: Path) -> None:
    bad = Session(
        dt.datetime(2026, 11, 19, 10, tzinfo=UTC),
        Route.IV,
        vitals=(VitalReading(VitalLabel.PRE, 120, 80),),
        side_effects=(SideEffectRating("not_in_catalogue", Severity.MILD),),  # foreign key
    )
    with pytest.raises(Exception, match="nothing was saved"):
        store.add_session(bad)
    assert counts(db_path) == {**counts(db_path), "sessions": 0, "vitals": 0, "side_effects": 0}
