"""The exports as one call each: the format rule, the range, never over the diary itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from diary.actions.export import (
    check_tables_folder,
    export_daily_csv,
    export_report,
    export_tables,
    report_format,
)
from diary.actions.log import log_mood
from diary.domain import DiaryError, MoodEntry, ValidationError
from diary.store import Store
from tests.actions.conftest import day


def test_the_report_format_comes_from_the_flag_or_the_suffix() -> None:
    assert report_format("x.PDF", None) == "pdf"
    assert report_format("x.htm", None) == "html"
    assert report_format("x.txt", " MD ") == "md"
    with pytest.raises(ValidationError) as refused:
        report_format("x.txt", None)
    assert refused.value.key == "output" and "-o" not in str(refused.value)
    with pytest.raises(ValidationError):
        report_format("x.md", "docx")


def test_daily_csv_from_the_first_day_recorded(store: Store, tmp_path: Path) -> None:
    log_mood(store, MoodEntry(day("2026-11-18"), 5))
    line = export_daily_csv(store, tmp_path / "d.csv", None, None)
    assert line == f"Wrote 3 days (2026-11-18 to 2026-11-20) to {tmp_path / 'd.csv'}"
    assert (tmp_path / "d.csv").read_text().count("\n") == 4  # header and three days


def test_one_day_written_is_one_day(store: Store, tmp_path: Path) -> None:
    log_mood(store, MoodEntry(day("2026-11-20"), 5))
    line = export_daily_csv(store, tmp_path / "d.csv", None, None)
    assert line == f"Wrote 1 day (2026-11-20 to 2026-11-20) to {tmp_path / 'd.csv'}"


def test_the_report_defaults_to_90_days(store: Store, tmp_path: Path) -> None:
    log_mood(store, MoodEntry(day("2026-11-18"), 5))
    line = export_report(store, tmp_path / "r.md", None, None, "md")
    assert line.startswith("Wrote report (md, 2026-08-23 to 2026-11-20)")
    assert (tmp_path / "r.md").stat().st_mode & 0o777 == 0o600


def test_no_export_is_written_over_the_diary(store: Store) -> None:
    before = store.path.read_bytes()
    with pytest.raises(DiaryError):
        export_report(store, store.path, None, None, "md")
    with pytest.raises(DiaryError):
        export_daily_csv(store, store.path, None, None)
    assert store.path.read_bytes() == before


def test_tables_go_to_a_folder_never_a_file(store: Store, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(ValidationError, match="a folder for the tables"):
        check_tables_folder(tmp_path / "file")
    line = export_tables(store, tmp_path / "tables")
    assert line.startswith("Wrote ") and "moods.csv" in line
    assert (tmp_path / "tables").stat().st_mode & 0o777 == 0o700
