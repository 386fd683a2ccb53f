"""`diary restore`: every bad file refused in one line, before the diary is opened."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

import pytest

from diary.domain import CheckIn, CheckinKind, Settings, VitalLabel, VitalReading
from diary.files.backup import backup_text
from diary.store import open_store
from tests.files.conftest import bad_row, edit, good_document, refusal, refused_in_these_words

# --- restore refusals ------------------------------------------------------------------------


BAD_DOCUMENTS = {
    "mood 12": bad_row("moods", 1, "mood: '12'", mood=12),
    "mood as text": bad_row("moods", 0, "mood", mood="4"),
    "bad day": bad_row("moods", 0, "day", day="2026-02-30"),
    "duplicate day": bad_row("moods", 1, "day", day="2026-11-01"),
    "unknown symptom": bad_row("side_effects", 0, "symptom: 'sneezing'", symptom="sneezing"),
    "severity 4": bad_row("side_effects", 0, "severity of dizziness", severity=4),
    "vital of a missing session": bad_row("vitals", 0, "session_id: '99'", session_id=99),
    "side effect of a missing session": bad_row("side_effects", 1, "session_id", session_id=1),
    "answer of a missing check-in": bad_row("checkin_answers", 0, "checkin_id", checkin_id=5),
    "check-in missing an answer": (
        lambda d: d["tables"]["checkin_answers"].pop() and d,
        "checkins row 1: check-in 1 (phq9) has answers for items [1, 2, 3, 4, 5, 6, 7, 8]",
    ),
    "diastolic above systolic": bad_row(
        "vitals", 0, "blood pressure pre-dose: '128/150'", diastolic=150
    ),
    "unknown route": bad_row("sessions", 0, "route", route="rectal"),
    "a word as started_at": bad_row("sessions", 0, "started_at", started_at="yesterday"),
    "duplicate session id": bad_row("sessions", 1, "id", id=2),
    "unknown field": (
        lambda d: edit(d, "moods", 0, energy=3),
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
        lambda d: d.update(format_version=3) or d,
        "written by a newer diary (format_version 3; this diary reads 2)",
    ),
    "newer schema": (
        lambda d: d.update(schema_version=99) or d,
        "written by a newer diary (schema_version 99",
    ),
    "format_version as text": (lambda d: d.update(format_version="1") or d, "format_version"),
    "built-in flag on own symptom": bad_row("symptoms", 11, "builtin of headache", builtin=True),
    "bad weight setting": (
        lambda d: d["tables"]["settings"][1].update(value="heavy") or d,
        "settings row 2: default_weight_kg",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_DOCUMENTS))
def test_invalid_backup_refused_and_nothing_written(cli, full_db, tmp_path, case) -> None:
    change, expected = BAD_DOCUMENTS[case]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(change(good_document(full_db))), encoding="utf-8")
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


# --- each refusal's exact words ----------------------------------------------------------------


FILE_REFUSALS = {
    "0 bytes": (b"", "is empty, not a diary backup"),
    "only spaces": (b"  \n\t ", "is empty, not a diary backup"),
    "Latin-1 text": (
        '{"format": "é"}'.encode("latin-1"),
        "is not a diary backup (not UTF-8 text: bad byte at offset 12)",
    ),
    "cut after a brace": (
        b'{"format": "diary-backup", "tables": {',
        "ends early at line 1 column 39: the file is truncated or incomplete",
    ),
    "cut in a string": (
        b'{\n  "format": "diary-b',
        "ends early at line 2 column 13: the file is truncated or incomplete",
    ),
    "not JSON": (b"name,mood\nAna,7\n", "is not valid JSON (Expecting value at line 1 column 1)"),
    "a stray comma": (
        b'{"format": "diary-backup",, "tables": {}}',
        "is not valid JSON (Expecting property name enclosed in double quotes at line 1 "
        "column 27)",
    ),
    "deeply nested": (
        b"[" * 200_000 + b"]" * 200_000,
        "is not a diary backup (JSON nested too deeply)",
    ),
}


@pytest.mark.parametrize("case", sorted(FILE_REFUSALS))
def test_bad_file_refused_in_these_words(tmp_path: Path, case: str) -> None:
    data, reason = FILE_REFUSALS[case]
    bad = tmp_path / "bad.json"
    bad.write_bytes(data)
    assert refusal(bad) == f"{bad}: {reason}; nothing was restored"


def test_huge_integer_refused_as_not_json(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"format": "diary-backup", "format_version": ' + b"9" * 5000 + b"}")
    said = refusal(bad)
    assert said.startswith(f"{bad}: is not valid JSON (Exceeds the limit (4300 digits)")
    assert said.endswith("); nothing was restored")


def test_missing_file_folder_and_unreadable_file_refused_in_these_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert refusal(tmp_path / "nope.json") == (
        f"{tmp_path / 'nope.json'}: does not exist; nothing was restored"
    )
    assert refusal(tmp_path) == f"{tmp_path}: is a folder, not a backup file; nothing was restored"
    locked = tmp_path / "locked.json"
    locked.write_text("{}", encoding="utf-8")

    def refuse(path: Path) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert refusal(locked) == f"{locked}: cannot be read (Permission denied); nothing was restored"

    def fail(path: Path) -> bytes:
        raise OSError("disk on fire")

    monkeypatch.setattr(Path, "read_bytes", fail)
    assert refusal(locked) == f"{locked}: cannot be read (disk on fire); nothing was restored"


NOT_A_BACKUP = 'is JSON but not a diary backup (no "format": "diary-backup")'
DOCUMENT_REFUSALS = {
    "no format": (lambda d: d.pop("format") and d, NOT_A_BACKUP),
    "JSON list": (lambda d: [d], NOT_A_BACKUP),
    "JSON number": (lambda d: 7, NOT_A_BACKUP),
    "other format": (
        lambda d: d.update(format="daylio") or d,
        "is JSON but not a diary backup (format is 'daylio', expected 'diary-backup')",
    ),
    "format_version as text": (
        lambda d: d.update(format_version="1") or d,
        "format_version '1' is not a version number",
    ),
    "format_version true": (
        lambda d: d.update(format_version=True) or d,
        "format_version True is not a version number",
    ),
    "schema_version 0": (
        lambda d: d.update(schema_version=0) or d,
        "schema_version 0 is not a version number",
    ),
    "no schema_version": (
        lambda d: d.pop("schema_version") and d,
        "schema_version None is not a version number",
    ),
    "newer format": (
        lambda d: d.update(format_version=3, comment="x") or d,
        "was written by a newer diary (format_version 3; this diary reads 2); "
        "update diary to restore it",
    ),
    "newer schema": (
        lambda d: d.update(schema_version=99) or d,
        "was written by a newer diary (schema_version 99; this diary knows 2); "
        "update diary to restore it",
    ),
    "unknown top-level key": (
        lambda d: d.update(comment="x", tables=[]) or d,
        "has unknown top-level key 'comment'",
    ),
    "written_by a number": (lambda d: d.update(written_by=3) or d, "written_by is not text"),
    "no tables": (lambda d: d.pop("tables") and d, 'has no "tables" object'),
    "tables a list": (lambda d: d.update(tables=[]) or d, 'has no "tables" object'),
    "missing table before unknown table": (
        lambda d: d["tables"].update(pets=d["tables"].pop("vitals")) or d,
        "tables.vitals is missing",
    ),
    "unknown table": (lambda d: d["tables"].update(pets=[]) or d, "has unknown table 'pets'"),
}


@pytest.mark.parametrize("case", sorted(DOCUMENT_REFUSALS))
def test_bad_document_refused_in_these_words(full_db: Path, tmp_path: Path, case: str) -> None:
    refused_in_these_words(full_db, tmp_path, *DOCUMENT_REFUSALS[case])
