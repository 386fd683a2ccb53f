"""A small diary with one of everything, for the backup, restore and merge tests."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from diary import domain
from diary.files.backup import BackupError, backup_text, read_backup
from diary.store import open_store
from tests.records import full_session

AT = dt.datetime(2026, 11, 10, 10, 0, tzinfo=dt.UTC)
# what a refusal says a row id, a day or a moment must be
DAY = "an ISO date YYYY-MM-DD from 1900-01-01 to 9000-12-31"
ID = "a whole number 1-9223372036854775807"
NUMBER = "a number (not text)"
MOMENT = (
    "an ISO date and time with its UTC offset like 2026-11-20T09:30:00+01:00, "
    "from 1900-01-01 to 9000-12-31"
)


def make_session(
    at: dt.datetime = AT, dose: float = 36.0, effects: tuple[domain.SideEffectRating, ...] = ()
) -> domain.Session:
    """The full session at another time, with two readings and one rating by default."""
    return replace(
        full_session(),
        started_at=at,
        dose_mg=dose,
        clinic="Riverside",
        note="Music helped — «calme»",
        vitals=(
            domain.VitalReading(domain.VitalLabel.PRE, 128, 82, 70, 98, taken_at=at),
            domain.VitalReading(
                domain.VitalLabel.FORTY, 141, 90, taken_at=at + dt.timedelta(minutes=40)
            ),
        ),
        side_effects=effects
        or (domain.SideEffectRating("dizziness", domain.Severity.MODERATE, 10, 45),),
    )


def fill(path: Path) -> None:
    """A small diary with one of everything, and a deleted session so ids have a gap."""
    with open_store(path) as store:
        store.add_symptom("Headache")
        store.set_symptom_hidden("vomiting", True)
        store.save_settings(domain.Settings(name="Ana", country="GB", default_weight_kg=72.0))
        store.bulk_add(
            [
                domain.MoodEntry(dt.date(2026, 11, 1), 4, 6, 7.5, "Прогулка 🙂"),
                domain.MoodEntry(dt.date(2026, 11, 2), 6),
                domain.MoodEntry(dt.date(2026, 11, 3), 5, note='quote " and \\ and\nnewline'),
            ],
            [
                make_session(AT - dt.timedelta(days=3)),
                make_session(AT - dt.timedelta(days=2)),
                make_session(
                    AT, effects=(domain.SideEffectRating("headache", domain.Severity.MILD),)
                ),
            ],
            [
                domain.CheckIn(
                    domain.CheckinKind.PHQ9, dt.date(2026, 11, 2), (1, 2, 1, 0, 3, 1, 0, 0, 1)
                )
            ],
        )
        store.delete_session(1)
        store.add_vital(domain.VitalReading(domain.VitalLabel.OTHER, 121, 79, taken_at=AT))


@pytest.fixture
def full_db(db_path: Path) -> Path:
    fill(db_path)
    return db_path


def snapshot(path: Path) -> dict:
    """Everything the app can read back from a diary, as domain records."""
    with open_store(path) as store:
        return {
            "moods": store.moods_between(),
            "sessions": store.sessions_between(),
            "checkins": store.checkins_between(),
            "symptoms": store.symptoms(),
            "settings": store.settings(),
            "vitals": store.standalone_vitals(),
        }


def good_document(full_db: Path) -> dict:
    """The diary's backup, parsed: the document the refusal tests break one thing in."""
    with open_store(full_db) as store:
        return json.loads(backup_text(*store.snapshot_rows()))


def edit(document: dict, table: str, index: int, **changes: object) -> dict:
    """The document with fields of one row changed."""
    document["tables"][table][index].update(changes)
    return document


def written(path: Path, document: object) -> Path:
    """The document written as JSON to path."""
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def refusal(path: Path) -> str:
    """What reading the backup at path is refused with."""
    with pytest.raises(BackupError) as refused:
        read_backup(path)
    return str(refused.value)


def refused_in_these_words(full_db: Path, tmp_path: Path, change, reason: str) -> None:
    """The diary's backup, broken by change, is refused naming itself and then reason."""
    bad = written(tmp_path / "bad.json", change(good_document(full_db)))
    assert refusal(bad) == f"{bad}: {reason}; nothing was restored"


def bad_row(
    table: str, index: int, says: str, **changes: object
) -> tuple[Callable[[dict], dict], str]:
    """A case: fields of one row changed, refused naming the table and the row, then says."""
    return (lambda d: edit(d, table, index, **changes), f"{table} row {index + 1}: {says}")


def by_table(**tables: dict) -> dict:
    """One table of cases, each named by its table and then its own name."""
    return {
        f"{table}: {case}": pair for table, cases in tables.items() for case, pair in cases.items()
    }
