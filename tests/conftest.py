"""Every test runs on its own database in tmp_path with a pinned clock; none sees the user's."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from diary.cli import main

# The same examples on every run and machine, so CI never flakes on a new random draw and a
# failure reproduces; tests keep their own example counts.
settings.register_profile("diary", derandomize=True, deadline=None, database=None)
settings.load_profile("diary")

TODAY = "2026-11-20"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point DIARY_DB, HOME and XDG folders into tmp_path and pin today to TODAY."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(home / "Documents"))
    monkeypatch.setenv("DIARY_DB", str(tmp_path / "diary.db"))
    monkeypatch.setenv("DIARY_TODAY", TODAY)
    monkeypatch.setenv("TZ", "UTC")
    return tmp_path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "diary.db"


STARTED = "Started a new diary at "


def split_started(stderr: str) -> tuple[str, str]:
    """stderr without the one line a command prints when it makes a new diary file, and
    that line ("" when none). Tests of other things compare the rest exactly; the line
    itself is tested in tests/cli/test_new_diary.py."""
    lines = stderr.splitlines(keepends=True)
    started = [line for line in lines if line.startswith(STARTED)]
    assert len(started) <= 1, stderr
    return "".join(line for line in lines if not line.startswith(STARTED)), "".join(started)


@dataclass
class Result:
    code: int
    out: str
    err: str
    started: str = ""  # the "Started a new diary at PATH" line, when one was made


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]):
    """Run `diary ARGS...` in this process; returns exit code, stdout and stderr."""

    def run(*args: str) -> Result:
        try:
            code = main(list(args))
        except SystemExit as exit_:  # --help and --version
            code = int(exit_.code or 0)
        captured = capsys.readouterr()
        err, started = split_started(captured.err)
        return Result(code, captured.out, err, started)

    return run


def run_diary(
    *args: str, env: dict[str, str] | None = None, **kwargs
) -> subprocess.CompletedProcess:
    """Run `python -m diary ARGS...` as a real process with this test's environment;
    stderr comes without the "Started a new diary" line (see split_started)."""
    done = subprocess.run(
        [sys.executable, "-m", "diary", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        **kwargs,
    )
    if isinstance(done.stderr, str):
        done.stderr, _ = split_started(done.stderr)
    return done
