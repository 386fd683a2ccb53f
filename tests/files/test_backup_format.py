"""`diary backup`: the documented JSON, and exact round trips over real and generated diaries."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diary import domain
from diary.files.backup import FORMAT, backup_text, read_backup, store_tables, write_backup
from diary.store import open_store
from tests.files.conftest import snapshot

# --- backup --------------------------------------------------------------------------------


def test_backup_writes_documented_private_json(cli, full_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "backup.json"
    result = cli("backup", "-o", str(target))
    assert result.code == 0, result.err
    assert result.out == (
        f"Backed up 4 settings, 12 symptoms, 3 moods, 2 sessions, 4 vital readings, "
        f"1 stand-alone vital reading, 2 side effects, 1 check-in to {target}\n"
    )
    assert target.stat().st_mode & 0o777 == 0o600
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["format"] == FORMAT == "diary-backup"
    assert document["format_version"] == 2
    assert document["schema_version"] == 2
    tables = document["tables"]
    assert [s["id"] for s in tables["sessions"]] == [2, 3]
    assert tables["settings"] == [
        {"key": "country", "value": "GB"},
        {"key": "default_weight_kg", "value": "72.0"},
        {"key": "name", "value": "Ana"},
        {"key": "units", "value": "metric"},
    ]
    assert {
        "key": "vomiting",
        "label": "Vomiting",
        "builtin": True,
        "hidden": True,
        "position": 2,
    } in tables["symptoms"]
    assert tables["symptoms"][-1] == {
        "key": "headache",
        "label": "Headache",
        "builtin": False,
        "hidden": False,
        "position": 11,
    }
    assert tables["moods"][0] == {
        "day": "2026-11-01",
        "mood": 4,
        "anxiety": 6,
        "sleep_hours": 7.5,
        "note": "Прогулка 🙂",
        "updated_at": tables["moods"][0]["updated_at"],
    }
    assert "Прогулка 🙂" in target.read_text(encoding="utf-8")  # UTF-8, not \u escapes
    assert [v["session_id"] for v in tables["vitals"]] == [2, 2, 3, 3, None]
    assert [a["answer"] for a in tables["checkin_answers"]] == [1, 2, 1, 0, 3, 1, 0, 0, 1]


def test_settings_table_sorted_by_key(cli, full_db: Path, tmp_path: Path) -> None:
    cli("backup", "-o", str(tmp_path / "b.json"))
    keys = [s["key"] for s in json.loads((tmp_path / "b.json").read_text())["tables"]["settings"]]
    assert keys == ["country", "default_weight_kg", "name", "units"]


def test_backup_restore_backup_is_byte_identical_with_same_ids(cli, full_db, tmp_path) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    copy = tmp_path / "copy.db"
    assert cli("backup", "-o", str(first)).code == 0
    restored = cli("restore", "--db", str(copy), str(first))
    assert restored.code == 0, restored.err
    assert restored.out == (
        f"Restored 4 settings, 12 symptoms, 3 moods, 2 sessions, 4 vital readings, "
        f"1 stand-alone vital reading, 2 side effects, 1 check-in from {first} into {copy}\n"
    )
    assert cli("backup", "--db", str(copy), "-o", str(second)).code == 0
    assert second.read_bytes() == first.read_bytes()
    assert snapshot(copy) == snapshot(full_db)
    with open_store(copy) as store:
        assert [s.id for s in store.sessions_between()] == [2, 3]
        assert store.session_numbers() == {2: 1, 3: 2}


def test_backup_refuses_without_a_diary_and_creates_none(cli, db_path, tmp_path) -> None:
    result = cli("backup", "-o", str(tmp_path / "b.json"))
    assert result.code == 2
    assert result.err == f"diary: --db: there is no diary at {db_path}; nothing was backed up\n"
    assert not db_path.exists()
    assert not (tmp_path / "b.json").exists()


@pytest.mark.parametrize("where", ["the diary", "missing folder", "a folder"])
def test_backup_refuses_bad_targets(cli, full_db: Path, tmp_path: Path, where: str) -> None:
    target = {
        "the diary": full_db,
        "missing folder": tmp_path / "nope" / "b.json",
        "a folder": tmp_path,
    }[where]
    before = full_db.read_bytes()
    result = cli("backup", "-o", str(target))
    assert result.code == 2
    assert result.err.startswith("diary: output file (-o): ") and result.err.count("\n") == 1
    assert full_db.read_bytes() == before


# --- the round trip over generated diaries ---------------------------------------------------

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
offsets = st.integers(-12 * 4, 14 * 4).map(lambda q: dt.timezone(dt.timedelta(minutes=15 * q)))
moments = st.builds(
    lambda d, tz: d.replace(tzinfo=tz),
    st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2026, 11, 19)),
    offsets,
)
maybe_int = lambda lo, hi: st.none() | st.integers(lo, hi)  # noqa: E731
positive = st.floats(0.001, 1000, allow_nan=False)


@st.composite
def vitals(draw: st.DrawFn) -> domain.VitalReading:
    systolic = draw(st.integers(51, 300))
    return domain.VitalReading(
        label=draw(st.sampled_from(domain.VitalLabel)),
        systolic=systolic,
        diastolic=draw(st.integers(30, min(200, systolic - 1))),
        heart_rate=draw(maybe_int(20, 250)),
        spo2=draw(maybe_int(50, 100)),
        taken_at=draw(st.none() | moments),
    )


@st.composite
def diaries(draw: st.DrawFn) -> dict:
    labels = draw(
        st.lists(
            st.text(st.sampled_from("abcxyzé _-"), min_size=1, max_size=8).filter(
                lambda t: domain.symptom_key(t) and t.strip()
            ),
            max_size=3,
        )
    )
    keys = [s.key for s in domain.BUILTIN_SYMPTOMS]
    own = []
    for label in labels:
        if domain.symptom_key(label) not in keys:
            keys.append(domain.symptom_key(label))
            own.append(label)
    sessions = draw(
        st.lists(
            st.builds(
                domain.Session,
                started_at=moments,
                route=st.sampled_from(domain.Route),
                dose_mg=st.none() | positive,
                dose_mg_per_kg=st.none() | st.floats(0.01, 20),
                weight_kg=st.none() | st.floats(20, 400),
                duration_min=maybe_int(1, 1440),
                phase=st.none() | st.sampled_from(domain.Phase),
                clinic=texts,
                note=texts,
                vitals=st.lists(vitals(), max_size=3).map(tuple),
                side_effects=st.lists(
                    st.builds(
                        domain.SideEffectRating,
                        symptom=st.sampled_from(keys),
                        severity=st.sampled_from(domain.Severity),
                        onset_min=maybe_int(0, 1440),
                        duration_min=maybe_int(0, 1440),
                        note=texts,
                    ),
                    max_size=4,
                    unique_by=lambda r: r.symptom,
                ).map(tuple),
            ),
            max_size=3,
        )
    )
    moods = draw(
        st.dictionaries(
            st.dates(dt.date(2000, 1, 1), dt.date(2026, 11, 20)),
            st.tuples(
                st.integers(0, 10),
                maybe_int(0, 10),
                st.none() | st.floats(0, 24),
                texts,
            ),
            max_size=5,
        )
    )
    checkins = draw(
        st.lists(
            st.sampled_from(domain.CheckinKind).flatmap(
                lambda kind: st.builds(
                    domain.CheckIn,
                    kind=st.just(kind),
                    day=st.dates(dt.date(2000, 1, 1), dt.date(2026, 11, 20)),
                    answers=st.lists(
                        st.integers(0, 3),
                        min_size=9 if kind == domain.CheckinKind.PHQ9 else 7,
                        max_size=9 if kind == domain.CheckinKind.PHQ9 else 7,
                    ).map(tuple),
                )
            ),
            max_size=2,
        )
    )
    return {
        "own": own,
        "hidden": draw(st.lists(st.sampled_from(keys), max_size=2)),
        "settings": draw(
            st.none()
            | st.builds(
                domain.Settings,
                name=texts,
                country=texts,
                default_weight_kg=st.none() | st.floats(20, 400),
                extra=st.dictionaries(
                    st.text(
                        st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=5
                    ).filter(lambda k: k not in ("name", "country", "units", "default_weight_kg")),
                    texts,
                    max_size=2,
                ),
            )
        ),
        "moods": [domain.MoodEntry(day, *values) for day, values in moods.items()],
        "sessions": sessions,
        "checkins": checkins,
        "vitals": draw(st.lists(vitals(), max_size=2)),
        "delete": draw(st.booleans()),
    }


def _make(path: Path, diary: dict) -> None:
    with open_store(path) as store:
        for label in diary["own"]:
            store.add_symptom(label)
        for key in diary["hidden"]:
            store.set_symptom_hidden(key, True)
        if diary["settings"] is not None:
            store.save_settings(diary["settings"])
        store.bulk_add(diary["moods"], diary["sessions"], diary["checkins"])
        for reading in diary["vitals"]:
            store.add_vital(reading)
        if diary["delete"] and diary["sessions"]:
            store.delete_session(1)  # leaves a gap in the ids


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(diary=diaries())
def test_backup_restore_backup_round_trip_over_generated_diaries(diary: dict) -> None:
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        _make(base / "a.db", diary)
        with open_store(base / "a.db") as store:
            first = backup_text(*store.snapshot_rows())
        write_backup(base / "a.json", first)
        backup = read_backup(base / "a.json")
        with open_store(base / "b.db") as store:
            assert store.replace_all(store_tables(backup))
            second = backup_text(*store.snapshot_rows())
        assert second == first
        assert snapshot(base / "b.db") == snapshot(base / "a.db")
