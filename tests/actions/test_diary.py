"""Which file an action opens, and that reading never creates a diary."""

from __future__ import annotations

from pathlib import Path

import pytest

from diary.actions.diary import diary_path, reading, require, writing
from diary.domain import DiaryError


def test_the_path_given_wins_over_the_environment(tmp_path: Path) -> None:
    assert diary_path(tmp_path / "mine.db") == tmp_path / "mine.db"
    assert diary_path(None) == tmp_path / "diary.db"  # DIARY_DB from the conftest
    assert diary_path("~/x.db") == Path.home() / "x.db"


def test_reading_a_missing_diary_gives_none_and_makes_no_file(db_path: Path) -> None:
    with reading(db_path) as store:
        assert store is None
    assert not db_path.exists()


def test_writing_creates_the_diary_private(db_path: Path) -> None:
    with writing(db_path) as store:
        assert store.is_empty()
    assert db_path.stat().st_mode & 0o777 == 0o600
    with reading(db_path) as store:
        assert store is not None


def test_require_names_what_needs_the_diary(db_path: Path) -> None:
    with pytest.raises(DiaryError, match=r"no diary at .*diary\.db: nothing to export"):
        require(db_path, "nothing to export")
    db_path.touch()
    require(db_path, "nothing to export")
