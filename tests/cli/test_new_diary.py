"""A typo in --db or DIARY_DB never starts a second diary silently: a folder that does not
exist is refused (but for the default data folder), and a new diary file says so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def test_a_db_in_a_folder_that_does_not_exist_is_refused(cli, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "x.db"
    result = cli("--db", str(target), "mood", "5")
    assert (result.code, result.out, result.started) == (2, "", "")
    assert result.err == (
        f"diary: there is no folder {target.parent} for x.db; check the path (--db or "
        "DIARY_DB), or make the folder first; nothing was written\n"
    )
    assert not (tmp_path / "no").exists()


def test_the_same_from_diary_db(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIARY_DB", str(tmp_path / "typo" / "diary.db"))
    result = cli("session", "add", "--route", "iv")
    assert result.code == 2
    assert result.err.startswith(f"diary: there is no folder {tmp_path / 'typo'} ")
    assert not (tmp_path / "typo").exists()


def test_a_new_diary_says_so_once_in_one_line(tmp_path: Path) -> None:
    target = tmp_path / "new.db"
    done = raw("--db", str(target), "mood", "5")
    assert done.returncode == 0
    assert done.stderr == f"Started a new diary at {target}\n"
    assert done.stdout == "Mood 5/10 saved for 2026-11-20.\n"
    again = raw("--db", str(target), "mood", "6")
    assert (again.returncode, again.stderr) == (0, "")


def test_the_default_data_folder_is_made_when_missing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DIARY_DB"}
    folder = Path(env["XDG_DATA_HOME"]) / "diary"
    assert not folder.exists()
    done = raw("mood", "5", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"Started a new diary at {folder / 'diary.db'}\n"
    assert (folder / "diary.db").is_file()


def raw(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    """A real `diary` process, stderr exactly as printed (run_diary drops the started line)."""
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "diary", *args],
        capture_output=True,
        text=True,
        env=env if env is not None else dict(os.environ),
        timeout=120,
    )
