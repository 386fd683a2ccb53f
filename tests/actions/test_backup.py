"""Backup, restore and merge through the actions: exact round trip, never over data."""

from __future__ import annotations

from pathlib import Path

import pytest

from diary.actions.backup import HoldsData, backup, restore
from diary.actions.diary import writing
from diary.actions.log import log_mood
from diary.actions.sessions import add_session
from diary.domain import DiaryError, MoodEntry
from diary.files.backup import BackupError
from tests.actions.conftest import day, session_on


def fill(path: Path) -> None:
    with writing(path) as store:
        log_mood(store, MoodEntry(day("2026-11-19"), 6, note="walk"))
        add_session(store, session_on("2026-11-18", ("nausea", 1)))


def test_a_backup_restores_exactly_into_an_empty_diary(db_path: Path, tmp_path: Path) -> None:
    fill(db_path)
    line = backup(db_path, tmp_path / "b.json")
    assert line.startswith("Backed up ") and line.endswith(str(tmp_path / "b.json"))
    again = tmp_path / "again.db"
    restore(again, tmp_path / "b.json", merge=False)
    backup(again, tmp_path / "b2.json")
    assert (tmp_path / "b.json").read_bytes() == (tmp_path / "b2.json").read_bytes()


def test_restore_refuses_a_diary_that_holds_data_and_merge_adds(
    db_path: Path, tmp_path: Path
) -> None:
    fill(db_path)
    backup(db_path, tmp_path / "b.json")
    with pytest.raises(HoldsData):
        restore(db_path, tmp_path / "b.json", merge=False)
    merged = restore(db_path, tmp_path / "b.json", merge=True)
    assert merged.lines[0].startswith("Merged ")
    with writing(db_path) as store:
        assert len(store.moods_between()) == 1 and len(store.sessions_between()) == 1


def test_no_backup_of_a_missing_diary_and_none_over_it(db_path: Path, tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="there is no diary"):
        backup(db_path, tmp_path / "b.json")
    fill(db_path)
    with pytest.raises(DiaryError):
        backup(db_path, db_path)
