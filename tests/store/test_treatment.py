"""Schema 2 (issue 16): the migration of a real version-1 file, copied first, and the
session's clinic fields, medicine events and mornings after through the store."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from diary import domain
from diary.actions.medicines import change_medicine, start_medicine, stop_medicine
from diary.actions.morning import rate_morning_after
from diary.domain import NotADiaryError, Told
from diary.domain.medicines import MedicineClass, medicines_on
from diary.store import SCHEMA_VERSION, open_store
from tests.records import clinic_session

V1_FILE = Path(__file__).parents[1] / "data" / "v1" / "diary-v1.db"
TODAY = dt.date(2026, 11, 20)
AT = dt.datetime(2026, 11, 10, 9, 0, tzinfo=dt.UTC)
CLINIC = clinic_session(AT, home_with="partner — Zoë")


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    """The version-1 file written by the version-1 code, copied so the fixture stays."""
    target = tmp_path / "diary.db"
    shutil.copyfile(V1_FILE, target)
    target.chmod(0o600)
    return target


def _version(path: Path) -> int:
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA user_version").fetchone()[0]
    finally:
        db.close()


def test_the_fixture_is_a_version_1_file() -> None:
    assert _version(V1_FILE) == 1 and SCHEMA_VERSION == 2


def test_a_version_1_file_is_copied_then_migrated(v1_copy: Path) -> None:
    original = v1_copy.read_bytes()
    with open_store(v1_copy) as store:
        assert store.schema_version == 2
        sessions = store.sessions_between()
        settings = store.settings()
        moods = store.moods_between()
    (copy,) = v1_copy.parent.glob("diary.db.v1-before-migration-*.bak")
    assert copy.read_bytes() == original  # the copy was taken before any step ran
    assert copy.stat().st_mode & 0o777 == 0o600
    assert _version(copy) == 1
    # everything version 1 held is there, the new fields empty
    assert [(s.day.isoformat(), s.dose_mg, s.clinic) for s in sessions] == [
        ("2026-03-03", 56.0, "North clinic"),
        ("2026-03-06", 84.0, ""),
    ]
    assert [len(s.vitals) for s in sessions] == [3, 0]
    assert [r.symptom for r in sessions[0].side_effects] == ["dizziness", "nausea"]
    first = sessions[0]
    assert (first.lot, first.observed_min, first.ready_after_min, first.devices) == (
        "",
        None,
        None,
        None,
    )
    assert first.noted("sedation") == Told.NOT_TOLD and first.rems_medicines == ()
    assert (settings.name, settings.default_weight_kg) == ("Sam Example", 70.0)
    assert [(m.day.isoformat(), m.mood) for m in moods] == [("2026-03-02", 6), ("2026-03-04", 7)]
    with open_store(v1_copy):  # migrated once: no second copy
        pass
    assert len(list(v1_copy.parent.glob("*.bak"))) == 1


def test_a_version_1_file_with_a_version_2_table_is_refused_untouched(v1_copy: Path) -> None:
    db = sqlite3.connect(v1_copy)
    db.execute("CREATE TABLE medicine_events (id INTEGER PRIMARY KEY)")
    db.commit()
    db.close()
    before = v1_copy.read_bytes()
    with pytest.raises(NotADiaryError, match="objects this diary did not create: table medicine"):
        open_store(v1_copy)
    assert v1_copy.read_bytes() == before
    assert not list(v1_copy.parent.glob("*.bak"))


def test_a_version_2_file_lacking_a_table_or_with_a_trigger_is_refused(db_path: Path) -> None:
    with open_store(db_path):
        pass
    db = sqlite3.connect(db_path)
    db.execute("CREATE TRIGGER wipe AFTER INSERT ON morning_after BEGIN DELETE FROM moods; END")
    db.commit()
    db.close()
    with pytest.raises(NotADiaryError, match="trigger wipe"):
        open_store(db_path)
    db = sqlite3.connect(db_path)
    db.execute("DROP TRIGGER wipe")
    db.execute("DROP TABLE morning_after_ratings")
    db.commit()
    db.close()
    with pytest.raises(NotADiaryError, match="lacks parts of a schema 2 diary"):
        open_store(db_path)


def test_the_clinic_fields_round_trip(db_path: Path) -> None:
    with open_store(db_path) as store:
        saved = store.add_session(CLINIC)
        assert replace(saved, id=None) == CLINIC
        changed = store.update_session(
            replace(saved, noted_breathing=Told.NO, devices=3, dose_mg=84.0, lot="")
        )
    with open_store(db_path) as store:
        again = store.session(saved.id or 0)
    assert again == changed
    assert (again.devices, again.dose_mg, again.lot, again.noted("breathing")) == (
        3,
        84.0,
        "",
        Told.NO,
    )


def test_medicine_events_answer_what_was_taken_on_a_day(db_path: Path) -> None:
    with open_store(db_path) as store:
        early = store.add_session(replace(CLINIC, started_at=AT - dt.timedelta(days=20)))
        start_medicine(
            store, "Sertraline", dose="50", unit="mg", schedule="1 daily",
            since="2026-09-01", med_class="antidepressant", today=TODAY,
        )  # fmt: skip
        start_medicine(
            store, "lorazepam", dose=1, unit="mg", since="2026-10-01",
            med_class="benzodiazepine", today=TODAY,
        )  # fmt: skip
        stop_medicine(store, "LORAZEPAM", on="2026-11-01", today=TODAY)
        change_medicine(store, "sertraline", dose=100, on="2026-11-05", today=TODAY)
        late = store.add_session(CLINIC)
        events = store.medicine_events()
        early = store.session(early.id or 0)
    assert [(e.name, e.change.value) for e in events] == [
        ("Sertraline", "start"),
        ("lorazepam", "start"),
        ("lorazepam", "stop"),
        ("Sertraline", "change"),
    ]
    on_oct_21 = medicines_on(events, dt.date(2026, 10, 21))
    assert [(m.name, m.dose, m.med_class) for m in on_oct_21] == [
        ("lorazepam", 1.0, MedicineClass.BENZODIAZEPINE),
        ("Sertraline", 50.0, MedicineClass.ANTIDEPRESSANT),
    ]
    assert [m.name for m in medicines_on(events, dt.date(2026, 11, 1))] == ["Sertraline"]
    assert medicines_on(events, dt.date(2026, 11, 5))[0].text == "Sertraline 100 mg, 1 daily"
    # the session of Oct 21, saved before the events, lists the benzodiazepine current then;
    # the antidepressant is not a REMS class. Nov 10: nothing in those classes
    assert [m.name for m in early.rems_medicines] == ["lorazepam"]
    assert late.rems_medicines == ()


def test_a_medicine_that_does_not_fit_is_refused_and_nothing_saved(db_path: Path) -> None:
    with open_store(db_path) as store:
        start_medicine(store, "sertraline", dose=50, unit="mg", since="2026-09-01", today=TODAY)
        for attempt, words in (
            (lambda: start_medicine(store, "Sertraline", dose=5, unit="mg", since="2026-10-01",
                                    today=TODAY), "not already taken on 2026-10-01"),
            (lambda: stop_medicine(store, "zopiclone", on="2026-10-01", today=TODAY),
             "being taken on 2026-10-01"),
            (lambda: change_medicine(store, "sertraline", dose=9, on="2026-08-01", today=TODAY),
             "being taken on 2026-08-01"),
        ):  # fmt: skip
            with pytest.raises(domain.ValidationError, match=words):
                attempt()
        assert len(store.medicine_events()) == 1


def test_the_morning_after_is_stored_against_its_session_with_its_own_time(
    db_path: Path,
) -> None:
    rated = AT + dt.timedelta(hours=23)
    with open_store(db_path) as store:
        saved = store.add_session(CLINIC)
        ratings = [
            domain.SideEffectRating("grogginess", 1),
            domain.SideEffectRating("dizziness", 0),
        ]
        session, morning = rate_morning_after(store, ratings, now=rated, note="slept 9 h")
        assert session.id == saved.id
        with pytest.raises(domain.AlreadySavedError):
            rate_morning_after(store, ratings[:1], now=rated)
        rate_morning_after(store, ratings[:1], now=rated, replace=True)
        replaced = store.morning_after(saved.id or 0)
    assert (morning.rated_at, morning.note) == (rated, "slept 9 h")
    assert [(r.symptom, int(r.severity)) for r in morning.ratings] == [
        ("grogginess", 1),
        ("dizziness", 0),
    ]
    assert replaced is not None and len(replaced.ratings) == 1 and replaced.note == ""
    with open_store(db_path) as store:
        store.delete_session(saved.id or 0)
        assert store.mornings_between() == []  # deleted with its session
