"""The store: every record round trip, permissions, WAL, migration and refusal of strange files."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from diary.domain import (
    BUILTIN_SYMPTOMS,
    CheckIn,
    CheckinKind,
    MoodEntry,
    NotADiaryError,
    NotFoundError,
    Phase,
    Route,
    Session,
    Settings,
    Severity,
    SideEffectRating,
    Symptom,
    VitalLabel,
    VitalReading,
)
from diary.store import APPLICATION_ID, SCHEMA_VERSION, TABLES, Store, open_store

UTC = dt.UTC
PLUS2 = dt.timezone(dt.timedelta(hours=2))


def full_session() -> Session:
    started = dt.datetime(2026, 11, 18, 9, 30, tzinfo=PLUS2)
    return Session(
        started_at=started,
        route=Route.IV,
        dose_mg=36.0,
        dose_mg_per_kg=0.5,
        weight_kg=72.0,
        duration_min=40,
        phase=Phase.INDUCTION,
        clinic="Riverside — Zürich",
        note="Music helped 🎵",
        vitals=(
            VitalReading(VitalLabel.PRE, 128, 82, 70, 98, taken_at=started),
            VitalReading(
                VitalLabel.FORTY, 141, 90, 84, 97, taken_at=started + dt.timedelta(minutes=40)
            ),
            VitalReading(VitalLabel.DISCHARGE, 130, 84),
        ),
        side_effects=(
            SideEffectRating("dizziness", Severity.MODERATE, onset_min=10, duration_min=45),
            SideEffectRating("dissociation", Severity.SEVERE, 5, 60, note="far away, then calm"),
            SideEffectRating("nausea", Severity.NONE),
        ),
    )


def counts(path: Path) -> dict[str, int]:
    db = sqlite3.connect(path)
    try:
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        db.close()


@pytest.fixture
def store(db_path: Path):
    with open_store(db_path) as opened:
        yield opened


# --- round trips --------------------------------------------------------------------------


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


def test_session_round_trip_with_vitals_and_side_effects(store: Store, db_path: Path) -> None:
    session = full_session()
    saved = store.add_session(session)
    assert saved.id is not None
    assert saved.started_at == session.started_at
    assert saved.started_at.utcoffset() == dt.timedelta(hours=2)
    assert saved.side_effects == session.side_effects
    assert [(v.label, v.systolic, v.diastolic, v.heart_rate, v.spo2) for v in saved.vitals] == [
        (VitalLabel.PRE, 128, 82, 70, 98),
        (VitalLabel.FORTY, 141, 90, 84, 97),
        (VitalLabel.DISCHARGE, 130, 84, None, None),
    ]
    assert [v.taken_at for v in saved.vitals] == [v.taken_at for v in session.vitals]
    assert {v.session_id for v in saved.vitals} == {saved.id}
    without_ids = Session(
        **{
            f: getattr(saved, f) for f in Session.__dataclass_fields__ if f not in ("id", "vitals")
        },
        vitals=tuple(
            VitalReading(v.label, v.systolic, v.diastolic, v.heart_rate, v.spo2, v.taken_at)
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
    late = store.add_session(Session(dt.datetime(2026, 11, 10, 9, tzinfo=UTC), Route.IM))
    early = store.add_session(Session(dt.datetime(2026, 11, 3, 9, tzinfo=UTC), Route.ORAL))
    assert store.session_numbers() == {early.id: 1, late.id: 2}
    assert store.last_session() == late


def test_update_and_delete_session_cascade(store: Store, db_path: Path) -> None:
    saved = store.add_session(full_session())
    other = store.add_session(
        Session(
            dt.datetime(2026, 11, 19, 10, tzinfo=UTC),
            Route.INTRANASAL,
            dose_mg=56.0,
            vitals=(VitalReading(VitalLabel.PRE, 120, 80),),
            side_effects=(SideEffectRating("nausea", Severity.MILD),),
        )
    )
    assert counts(db_path)["vitals"] == 4
    assert counts(db_path)["side_effects"] == 4
    changed = Session(
        started_at=saved.started_at,
        route=Route.IM,
        dose_mg=50.0,
        phase=Phase.BOOSTER,
        vitals=(VitalReading(VitalLabel.OTHER, 150, 95, taken_at=saved.started_at),),
        side_effects=(SideEffectRating("vomiting", Severity.MILD, note="once"),),
        id=saved.id,
    )
    updated = store.update_session(changed)
    assert (updated.route, updated.dose_mg, updated.dose_mg_per_kg, updated.phase) == (
        Route.IM,
        50.0,
        None,
        Phase.BOOSTER,
    )
    assert [(v.label, v.text) for v in updated.vitals] == [(VitalLabel.OTHER, "150/95")]
    assert updated.side_effects == (SideEffectRating("vomiting", Severity.MILD, note="once"),)
    assert counts(db_path)["vitals"] == 2
    assert counts(db_path)["side_effects"] == 2
    store.delete_session(saved.id)
    assert counts(db_path)["sessions"] == 1
    assert counts(db_path)["vitals"] == 1
    assert counts(db_path)["side_effects"] == 1
    assert store.sessions_between() == [store.session(other.id)]
    with pytest.raises(NotFoundError, match=f"session {saved.id} does not exist"):
        store.session(saved.id)
    with pytest.raises(NotFoundError):
        store.delete_session(saved.id)
    with pytest.raises(NotFoundError):
        store.update_session(changed)
    assert counts(db_path)["vitals"] == 1  # the failed update changed nothing


def test_standalone_vital(store: Store) -> None:
    taken = dt.datetime(2026, 11, 17, 8, 15, tzinfo=UTC)
    saved = store.add_vital(VitalReading(VitalLabel.OTHER, 152, 96, 77, 99, taken_at=taken))
    assert saved.id is not None
    assert saved == VitalReading(VitalLabel.OTHER, 152, 96, 77, 99, taken, None, saved.id)
    assert saved.above_reference
    store.add_session(full_session())
    assert store.standalone_vitals() == [saved]


def test_custom_symptom_add_hide_and_use(store: Store) -> None:
    headache = store.add_symptom("Taste change")
    assert headache == Symptom("taste_change", "Taste change")
    keys = [s.key for s in store.symptoms()]
    assert keys == [s.key for s in BUILTIN_SYMPTOMS] + ["taste_change"]
    store.set_symptom_hidden("nausea", True)
    visible = [s.key for s in store.symptoms(include_hidden=False)]
    assert "nausea" not in visible
    assert "taste_change" in visible
    assert next(s for s in store.symptoms() if s.key == "nausea").hidden
    saved = store.add_session(
        Session(
            dt.datetime(2026, 11, 19, 10, tzinfo=UTC),
            Route.ORAL,
            side_effects=(SideEffectRating("taste_change", Severity.MILD),),
        )
    )
    assert store.session(saved.id).side_effects[0].symptom == "taste_change"
    with pytest.raises(Exception, match="a name not already in the list"):
        store.add_symptom("taste change")
    with pytest.raises(NotFoundError):
        store.set_symptom_hidden("no_such", True)
    store.set_symptom_hidden("nausea", False)
    assert "nausea" in [s.key for s in store.symptoms(include_hidden=False)]


def test_checkin_round_trip(store: Store) -> None:
    phq = store.save_checkin(
        CheckIn(CheckinKind.PHQ9, dt.date(2026, 11, 1), (1, 2, 0, 3, 1, 0, 2, 1, 1))
    )
    gad = store.save_checkin(
        CheckIn(CheckinKind.GAD7, dt.date(2026, 11, 15), (0, 1, 0, 1, 0, 0, 3))
    )
    assert phq.total == 11
    assert store.checkins_between() == [phq, gad]
    assert store.checkins_between(dt.date(2026, 11, 2)) == [gad]
    store.delete_checkin(phq.id)
    assert store.checkins_between() == [gad]


def test_settings_round_trip(store: Store, db_path: Path) -> None:
    assert store.settings() == Settings()
    chosen = Settings("Ann Ó'Brien", "IE", 68.5, "metric", {"theme": "dark"})
    store.save_settings(chosen)
    with open_store(db_path) as reopened:
        assert reopened.settings() == chosen
    store.save_settings(Settings(name="Ann"))
    assert store.settings() == Settings(name="Ann")


def test_holds_data_and_first_day(store: Store) -> None:
    assert store.is_empty() and not store.holds_data()
    assert store.first_day() is None
    store.save_mood(MoodEntry(dt.date(2026, 11, 5), 5))
    store.add_session(Session(dt.datetime(2026, 10, 30, 9, tzinfo=UTC), Route.IV))
    assert not store.is_empty()
    assert store.first_day() == dt.date(2026, 10, 30)


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


# --- the file -----------------------------------------------------------------------------


def test_new_folder_0700_and_file_0600(tmp_path: Path) -> None:
    path = tmp_path / "new" / "diary.db"
    with open_store(path) as store:
        store.save_mood(MoodEntry(dt.date(2026, 11, 20), 7))
        wal = path.with_name("diary.db-wal")
        assert stat.S_IMODE(wal.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["diary.db"]


def test_wal_foreign_keys_and_busy_timeout(store: Store, db_path: Path) -> None:
    db = store._db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert store.schema_version == SCHEMA_VERSION == 1
    header = db_path.read_bytes()[:100]
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert header[18:20] == b"\x02\x02"  # WAL, stamped in the file itself


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
    }


# --- migration ----------------------------------------------------------------------------


def version_0_file(path: Path) -> bytes:
    """A diary file as version 0 left it: stamped, user_version 0, one stray table and row."""
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("CREATE TABLE notes_from_v0 (id INTEGER PRIMARY KEY, text TEXT)")
    db.execute("INSERT INTO notes_from_v0 (text) VALUES ('kept through the migration')")
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
    assert db.execute("SELECT text FROM notes_from_v0").fetchall() == [
        ("kept through the migration",)
    ]
    assert db.execute("SELECT mood FROM moods").fetchall() == [(7,)]
    db.close()
    with open_store(db_path):  # an up-to-date file is not copied again
        pass
    assert len(list(db_path.parent.glob("*.bak"))) == 1


def test_a_new_file_is_not_copied(db_path: Path) -> None:
    with open_store(db_path):
        pass
    assert not list(db_path.parent.glob("*.bak"))


# --- refusals -----------------------------------------------------------------------------


def real_diary_bytes(path: Path) -> bytes:
    with open_store(path) as store:
        store.save_mood(MoodEntry(dt.date(2026, 11, 20), 7, note="x" * 5000))
        store.add_session(full_session())
    return path.read_bytes()


def make_random(path: Path) -> None:
    import random

    path.write_bytes(random.Random(3).randbytes(8192))


def make_empty(path: Path) -> None:
    path.write_bytes(b"")


def make_text(path: Path) -> None:
    path.write_text("date,mood\n2026-11-20,7\n", encoding="utf-8")


def make_other_sqlite(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE moods (day TEXT, mood INTEGER)")
    db.execute("INSERT INTO moods VALUES ('2026-11-20', 7)")
    db.commit()
    db.close()


def make_newer(path: Path) -> None:
    real_diary_bytes(path)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()


def make_truncated(path: Path) -> None:
    real = path.with_name("real.db")
    data = real_diary_bytes(real)
    path.write_bytes(data[:1000])


def make_short_header(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (make_random, "is not a diary database (not SQLite); left untouched"),
        (make_empty, "is an empty file, not a diary database; left untouched"),
        (make_text, "is not a diary database (not SQLite); left untouched"),
        (make_short_header, "is not a diary database (not SQLite); left untouched"),
        (make_other_sqlite, "is an SQLite file of another program, not a diary database"),
        (
            make_newer,
            f"was written by a newer diary (schema {SCHEMA_VERSION + 1}, this one knows "
            f"{SCHEMA_VERSION}); update diary to open it; left untouched",
        ),
        (make_truncated, "cannot be read as a database"),
    ],
)
def test_strange_files_are_refused_and_left_untouched(make, says: str, tmp_path: Path) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "diary.db"
    make(path)
    before = path.read_bytes()
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    names = sorted(p.name for p in folder.iterdir())
    with pytest.raises(NotADiaryError) as caught:
        open_store(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path} ")
    assert says in message
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == 1_000_000_000_000_000_000
    assert sorted(p.name for p in folder.iterdir()) == names  # no -wal, -shm or .bak left


def test_a_folder_where_the_file_should_be(tmp_path: Path) -> None:
    path = tmp_path / "diary.db"
    path.mkdir()
    with pytest.raises(NotADiaryError) as caught:
        open_store(path)
    assert str(caught.value) == f"{path} is a folder, not a diary database; give a file path"
    assert list(path.iterdir()) == []


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("mine")
    with pytest.raises(NotADiaryError) as caught:
        open_store(blocker / "diary.db")
    assert str(caught.value) == f"{blocker} is a file, so diary.db cannot go in it"
    assert blocker.read_text() == "mine"


def test_refusal_through_the_command(cli, db_path: Path) -> None:
    make_other_sqlite(db_path)
    before = db_path.read_bytes()
    result = cli("mood", "7")
    assert result.code == 1
    assert result.out == ""
    assert result.err == (
        f"diary: {db_path} is an SQLite file of another program, not a diary database; "
        "left untouched\n"
    )
    assert db_path.read_bytes() == before
