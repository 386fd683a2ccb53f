"""`diary backup` and `diary restore`: exact round trips, merges, and every bad file refused."""

from __future__ import annotations

import datetime as dt
import json
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diary.domain import (
    BUILTIN_SYMPTOMS,
    CheckIn,
    CheckinKind,
    MoodEntry,
    Phase,
    Route,
    Session,
    Settings,
    Severity,
    SideEffectRating,
    VitalLabel,
    VitalReading,
    symptom_key,
)
from diary.files.backup.format import FORMAT, backup_text, store_tables, write_backup
from diary.files.backup.reading import read_backup
from diary.store import open_store

UTC = dt.UTC
AT = dt.datetime(2026, 11, 10, 10, 0, tzinfo=UTC)


def _session(
    at: dt.datetime = AT, dose: float = 36.0, effects: tuple[SideEffectRating, ...] = ()
) -> Session:
    return Session(
        started_at=at,
        route=Route.IV,
        dose_mg=dose,
        dose_mg_per_kg=0.5,
        weight_kg=72.0,
        duration_min=40,
        phase=Phase.INDUCTION,
        clinic="Riverside",
        note="Music helped — «calme»",
        vitals=(
            VitalReading(VitalLabel.PRE, 128, 82, 70, 98, taken_at=at),
            VitalReading(VitalLabel.FORTY, 141, 90, taken_at=at + dt.timedelta(minutes=40)),
        ),
        side_effects=effects or (SideEffectRating("dizziness", Severity.MODERATE, 10, 45),),
    )


def _fill(path: Path) -> None:
    """A small diary with one of everything, and a deleted session so ids have a gap."""
    with open_store(path) as store:
        store.add_symptom("Headache")
        store.set_symptom_hidden("vomiting", True)
        store.save_settings(Settings(name="Ana", country="GB", default_weight_kg=72.0))
        store.bulk_add(
            [
                MoodEntry(dt.date(2026, 11, 1), 4, 6, 7.5, "Прогулка 🙂"),
                MoodEntry(dt.date(2026, 11, 2), 6),
                MoodEntry(dt.date(2026, 11, 3), 5, note='quote " and \\ and\nnewline'),
            ],
            [
                _session(AT - dt.timedelta(days=3)),
                _session(AT - dt.timedelta(days=2)),
                _session(AT, effects=(SideEffectRating("headache", Severity.MILD),)),
            ],
            [CheckIn(CheckinKind.PHQ9, dt.date(2026, 11, 2), (1, 2, 1, 0, 3, 1, 0, 0, 1))],
        )
        store.delete_session(1)
        store.add_vital(VitalReading(VitalLabel.OTHER, 121, 79, taken_at=AT))


@pytest.fixture
def full_db(db_path: Path) -> Path:
    _fill(db_path)
    return db_path


def _snapshot(path: Path) -> dict:
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
    assert document["format_version"] == 1
    assert document["schema_version"] == 1
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
    assert _snapshot(copy) == _snapshot(full_db)
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


# --- restore refusals ------------------------------------------------------------------------


def _good_document(full_db: Path) -> dict:
    with open_store(full_db) as store:
        return json.loads(backup_text(*store.snapshot_rows()))


def _edit(document: dict, table: str, index: int, **changes: object) -> dict:
    document["tables"][table][index].update(changes)
    return document


BAD_DOCUMENTS = {
    "mood 12": (lambda d: _edit(d, "moods", 1, mood=12), "moods row 2: mood: '12'"),
    "mood as text": (lambda d: _edit(d, "moods", 0, mood="4"), "moods row 1: mood"),
    "bad day": (lambda d: _edit(d, "moods", 0, day="2026-02-30"), "moods row 1: day"),
    "duplicate day": (lambda d: _edit(d, "moods", 1, day="2026-11-01"), "moods row 2: day"),
    "unknown symptom": (
        lambda d: _edit(d, "side_effects", 0, symptom="sneezing"),
        "side_effects row 1: symptom: 'sneezing'",
    ),
    "severity 4": (lambda d: _edit(d, "side_effects", 0, severity=4), "side_effects row 1"),
    "vital of a missing session": (
        lambda d: _edit(d, "vitals", 0, session_id=99),
        "vitals row 1: session_id: '99'",
    ),
    "side effect of a missing session": (
        lambda d: _edit(d, "side_effects", 1, session_id=1),
        "side_effects row 2: session_id",
    ),
    "answer of a missing check-in": (
        lambda d: _edit(d, "checkin_answers", 0, checkin_id=5),
        "checkin_answers row 1: checkin_id",
    ),
    "check-in missing an answer": (
        lambda d: d["tables"]["checkin_answers"].pop() and d,
        "checkins row 1: check-in 1 (phq9) has answers for items [1, 2, 3, 4, 5, 6, 7, 8]",
    ),
    "diastolic above systolic": (
        lambda d: _edit(d, "vitals", 0, diastolic=150),
        "vitals row 1: blood pressure pre-dose: '128/150'",
    ),
    "unknown route": (lambda d: _edit(d, "sessions", 0, route="rectal"), "sessions row 1: route"),
    "a word as started_at": (
        lambda d: _edit(d, "sessions", 0, started_at="yesterday"),
        "sessions row 1: started_at",
    ),
    "duplicate session id": (lambda d: _edit(d, "sessions", 1, id=2), "sessions row 2: id"),
    "unknown field": (
        lambda d: _edit(d, "moods", 0, energy=3),
        "moods row 1 has unknown field 'energy'",
    ),
    "missing field": (
        lambda d: d["tables"]["moods"][0].pop("note") and d,
        "moods row 1 lacks note",
    ),
    "missing table": (lambda d: d["tables"].pop("vitals") and d, "tables.vitals is missing"),
    "unknown table": (lambda d: d["tables"].update(pets=[]) or d, "unknown table 'pets'"),
    "rows not a list": (lambda d: d["tables"].update(moods={}) or d, "tables.moods is not a list"),
    "other format": (lambda d: d.update(format="daylio") or d, "not a diary backup"),
    "no format": (lambda d: d.pop("format") and d, "not a diary backup"),
    "JSON list": (lambda d: [d], "not a diary backup"),
    "newer format": (
        lambda d: d.update(format_version=2) or d,
        "written by a newer diary (format_version 2; this diary reads 1)",
    ),
    "newer schema": (
        lambda d: d.update(schema_version=99) or d,
        "written by a newer diary (schema_version 99",
    ),
    "format_version as text": (lambda d: d.update(format_version="1") or d, "format_version"),
    "built-in flag on own symptom": (
        lambda d: _edit(d, "symptoms", 11, builtin=True),
        "symptoms row 12: builtin of headache",
    ),
    "bad weight setting": (
        lambda d: d["tables"]["settings"][1].update(value="heavy") or d,
        "settings row 2: default_weight_kg",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_DOCUMENTS))
def test_invalid_backup_refused_and_nothing_written(cli, full_db, tmp_path, case) -> None:
    change, expected = BAD_DOCUMENTS[case]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(change(_good_document(full_db))), encoding="utf-8")
    empty_db = tmp_path / "empty.db"
    result = cli("restore", "--db", str(empty_db), str(bad))
    assert result.code == 2
    assert result.err.count("\n") == 1, result.err
    assert expected in result.err
    assert result.err.rstrip().endswith("nothing was restored")
    assert not empty_db.exists()  # checked in full before the diary is even opened
    before = full_db.read_bytes()
    assert cli("restore", "--merge", str(bad)).code == 2
    assert full_db.read_bytes() == before


def _garbage(size: int) -> bytes:
    return random.Random(6).randbytes(size)


BAD_FILES = {
    "0 bytes": (b"", "is empty"),
    "only spaces": (b"  \n\t ", "is empty"),
    "not JSON": (b"name,mood\nAna,7\n", "is not valid JSON (Expecting value at line 1 column 1)"),
    "1 MB of garbage": (_garbage(2**20), "not UTF-8 text"),
    "1 MB of text garbage": (b"x" * 2**20, "is not valid JSON"),
    "deeply nested": (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
    "huge integer": (
        b'{"format": "diary-backup", "format_version": ' + b"9" * 5000 + b"}",
        "JSON",
    ),
    "Latin-1 text": ('{"format": "é"}'.encode("latin-1"), "not UTF-8 text"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_malformed_file_refused(cli, full_db: Path, tmp_path: Path, case: str) -> None:
    data, expected = BAD_FILES[case]
    bad = tmp_path / "bad.json"
    bad.write_bytes(data)
    before = full_db.read_bytes()
    result = cli("restore", "--merge", str(bad))
    assert result.code == 2
    assert result.err.count("\n") == 1, result.err
    assert expected in result.err
    assert full_db.read_bytes() == before
    assert not (tmp_path / "new.db").exists()


def test_truncated_backup_refused(cli, full_db: Path, tmp_path: Path) -> None:
    with open_store(full_db) as store:
        text = backup_text(*store.snapshot_rows())
    for cut in (len(text) // 3, len(text) // 2, len(text) - 5):
        bad = tmp_path / "cut.json"
        bad.write_text(text[:cut], encoding="utf-8")
        result = cli("restore", "--db", str(tmp_path / "new.db"), str(bad))
        assert result.code == 2
        assert "truncated" in result.err, result.err
        assert not (tmp_path / "new.db").exists()


def test_missing_file_and_folder_refused(cli, tmp_path: Path, db_path: Path) -> None:
    missing = cli("restore", str(tmp_path / "nope.json"))
    assert missing.code == 2 and "does not exist" in missing.err
    folder = cli("restore", str(tmp_path))
    assert folder.code == 2 and "is a folder" in folder.err
    assert not db_path.exists()


def test_backup_with_bom_is_accepted(cli, full_db: Path, tmp_path: Path) -> None:
    with open_store(full_db) as store:
        text = backup_text(*store.snapshot_rows())
    edited = tmp_path / "bom.json"
    edited.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert cli("restore", "--db", str(tmp_path / "new.db"), str(edited)).code == 0


def test_restore_into_a_diary_with_data_refused(cli, full_db: Path, tmp_path: Path) -> None:
    backup = tmp_path / "b.json"
    cli("backup", "-o", str(backup))
    other = tmp_path / "other.db"
    assert cli("mood", "5", "--db", str(other)).code == 0
    before = other.read_bytes()
    result = cli("restore", "--db", str(other), str(backup))
    assert result.code == 2
    assert result.err == (
        f"diary: {other} already holds data; nothing was restored (add what is missing "
        "with --merge, or restore into a new file with --db NEW.db)\n"
    )
    assert other.read_bytes() == before


@pytest.mark.parametrize(
    "change",
    [
        lambda s: s.save_settings(Settings(country="US")),
        lambda s: s.add_symptom("Tinnitus"),
        lambda s: s.set_symptom_hidden("nausea", True),
        lambda s: s.add_vital(VitalReading(VitalLabel.OTHER, 120, 80)),
        lambda s: s.save_checkin(CheckIn(CheckinKind.GAD7, dt.date(2026, 11, 1), (0,) * 7)),
    ],
)
def test_settings_and_symptoms_count_as_data(db_path: Path, change) -> None:
    with open_store(db_path) as store:
        assert not store.holds_data()
        change(store)
        assert store.holds_data()


# --- merge ---------------------------------------------------------------------------------


def test_merge_adds_missing_reports_conflicts_and_never_overwrites(
    cli, full_db: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "b.json"
    assert cli("backup", "-o", str(backup)).code == 0
    other = tmp_path / "other.db"
    with open_store(other) as store:
        store.save_settings(Settings(name="Bo", country="GB"))
        store.bulk_add(
            [
                MoodEntry(dt.date(2026, 11, 2), 3),
                MoodEntry(dt.date(2026, 11, 3), 5, note=('quote " and \\ and\nnewline')),
            ],
            [_session(AT - dt.timedelta(days=3)), _session(AT, dose=50.0)],
        )
    result = cli("restore", "--merge", "--db", str(other), str(backup))
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"Merged {backup} into {other}.",
        "Added 6 (1 setting, 1 symptom, 1 mood, 1 session, 1 stand-alone vital reading, "
        "1 check-in); skipped 13 already present (2 settings, 10 symptoms, 1 mood); "
        "4 conflicts (the diary's values kept, nothing overwritten):",
        "  setting name: value 'Bo' in the diary, 'Ana' in the backup",
        "  symptom vomiting: hidden False in the diary, True in the backup",
        "  mood 2026-11-02: mood 3 in the diary, 6 in the backup",
        "  session 2026-11-10 10:00 iv: differs in dose_mg, side effects",
    ]
    with open_store(other) as store:
        assert store.mood_for(dt.date(2026, 11, 2)).mood == 3  # kept
        assert store.mood_for(dt.date(2026, 11, 1)) == MoodEntry(
            dt.date(2026, 11, 1), 4, 6, 7.5, "Прогулка 🙂"
        )
        assert store.settings().name == "Bo"
        assert store.settings().default_weight_kg == 72.0
        sessions = store.sessions_between()
        assert [(s.started_at, s.dose_mg, s.id) for s in sessions] == [
            (AT - dt.timedelta(days=3), 36.0, 1),
            (AT - dt.timedelta(days=2), 36.0, 3),
            (AT, 50.0, 2),
        ]
        merged = sessions[1]
        assert [v.text for v in merged.vitals] == ["128/82", "141/90"]
        assert all(v.session_id == 3 for v in merged.vitals)
        assert merged.side_effects == (SideEffectRating("dizziness", Severity.MODERATE, 10, 45),)
        assert "headache" in [s.key for s in store.symptoms()]
        assert [c.answers for c in store.checkins_between()] == [(1, 2, 1, 0, 3, 1, 0, 0, 1)]
        assert len(store.standalone_vitals()) == 1
    again = cli("restore", "--merge", "--db", str(other), str(backup))
    assert again.out.splitlines()[1].startswith("Added 0; skipped 19 already present")


def test_merge_into_itself_adds_nothing(cli, full_db: Path, tmp_path: Path) -> None:
    backup = tmp_path / "b.json"
    cli("backup", "-o", str(backup))
    before = _snapshot(full_db)
    result = cli("restore", "--merge", str(backup))
    assert result.code == 0
    assert result.out.splitlines()[1] == (
        "Added 0; skipped 23 already present (4 settings, 12 symptoms, 3 moods, 2 sessions, "
        "1 stand-alone vital reading, 1 check-in); 0 conflicts."
    )
    assert _snapshot(full_db) == before


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
def vitals(draw: st.DrawFn) -> VitalReading:
    systolic = draw(st.integers(51, 300))
    return VitalReading(
        label=draw(st.sampled_from(VitalLabel)),
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
                lambda t: symptom_key(t) and t.strip()
            ),
            max_size=3,
        )
    )
    keys = [s.key for s in BUILTIN_SYMPTOMS]
    own = []
    for label in labels:
        if symptom_key(label) not in keys:
            keys.append(symptom_key(label))
            own.append(label)
    sessions = draw(
        st.lists(
            st.builds(
                Session,
                started_at=moments,
                route=st.sampled_from(Route),
                dose_mg=st.none() | positive,
                dose_mg_per_kg=st.none() | st.floats(0.01, 20),
                weight_kg=st.none() | st.floats(20, 400),
                duration_min=maybe_int(1, 1440),
                phase=st.none() | st.sampled_from(Phase),
                clinic=texts,
                note=texts,
                vitals=st.lists(vitals(), max_size=3).map(tuple),
                side_effects=st.lists(
                    st.builds(
                        SideEffectRating,
                        symptom=st.sampled_from(keys),
                        severity=st.sampled_from(Severity),
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
            st.sampled_from(CheckinKind).flatmap(
                lambda kind: st.builds(
                    CheckIn,
                    kind=st.just(kind),
                    day=st.dates(dt.date(2000, 1, 1), dt.date(2026, 11, 20)),
                    answers=st.lists(
                        st.integers(0, 3),
                        min_size=9 if kind == CheckinKind.PHQ9 else 7,
                        max_size=9 if kind == CheckinKind.PHQ9 else 7,
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
                Settings,
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
        "moods": [MoodEntry(day, *values) for day, values in moods.items()],
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
        assert _snapshot(base / "b.db") == _snapshot(base / "a.db")


def test_oversized_backup_refused_before_reading(cli, full_db, tmp_path, monkeypatch) -> None:
    import diary.files.backup.reading as backup_module

    backup = tmp_path / "b.json"
    cli("backup", "-o", str(backup))
    monkeypatch.setattr(backup_module, "MAX_BYTES", 1000)
    result = cli("restore", "--db", str(tmp_path / "new.db"), str(backup))
    assert result.code == 2
    assert (
        f"is {backup.stat().st_size:,} bytes; a diary backup is at most 1,000 bytes" in result.err
    )
    assert not (tmp_path / "new.db").exists()
