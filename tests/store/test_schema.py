"""The schema: every table of the design, and a migration that copies the file first."""

from __future__ import annotations

import datetime as dt
import sqlite3
import stat
from pathlib import Path

from diary.domain import BUILTIN_SYMPTOMS, MoodEntry
from diary.store import APPLICATION_ID, SCHEMA_VERSION, Store, open_store
from tests.store.conftest import counts


def test_every_table_of_the_design_exists(store: Store, db_path: Path) -> None:
    assert counts(db_path) == {
        "settings": 0,
        "symptoms": len(BUILTIN_SYMPTOMS),
        "moods": 0,
        "sessions": 0,
        "vitals": 0,
        "side_effects": 0,
        "checkins": 0,
        "checkin_answers": 0,
        "medicine_events": 0,
        "session_medicines": 0,
        "morning_after": 0,
        "morning_after_ratings": 0,
    }


def version_0_file(path: Path) -> bytes:
    """A diary file as version 0 left it: stamped, user_version 0, no tables (a table the
    diary did not create is refused: tests/test_hostile_files.py)."""
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA page_size = 4096")
    db.execute("VACUUM")  # the header written: a file of one page, not zero bytes
    db.commit()
    db.close()
    assert not path.with_name(path.name + "-wal").exists()
    return path.read_bytes()


def test_version_0_file_is_copied_then_migrated(db_path: Path) -> None:
    original = version_0_file(db_path)
    with open_store(db_path) as store:
        assert store.schema_version == SCHEMA_VERSION
        store.save_mood(MoodEntry(dt.date(2026, 11, 20), 7))
    copies = sorted(db_path.parent.glob("diary.db.v0-before-migration-*.bak"))
    assert len(copies) == 1
    assert copies[0].read_bytes() == original
    assert stat.S_IMODE(copies[0].stat().st_mode) == 0o600
    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("SELECT mood FROM moods").fetchall() == [(7,)]
    db.close()
    with open_store(db_path):  # an up-to-date file is not copied again
        pass
    assert len(list(db_path.parent.glob("*.bak"))) == 1


def test_a_new_file_is_not_copied(db_path: Path) -> None:
    with open_store(db_path):
        pass
    assert not list(db_path.parent.glob("*.bak"))


def test_the_schema_fingerprint_is_this_versions() -> None:
    """A file is known as this version's by its fingerprint: it must be the schema's own."""
    from diary.store.schema import SCHEMA_FINGERPRINT, expected_objects, fingerprint

    assert fingerprint(expected_objects(SCHEMA_VERSION)) == SCHEMA_FINGERPRINT
    assert fingerprint(expected_objects(SCHEMA_VERSION - 1)) != SCHEMA_FINGERPRINT
