"""Every test runs on its own database in tmp_path with a pinned clock; none sees the user's."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

from diary.cli import main
from tests.kinds import KINDS, Kind

# The same examples on every run and machine, so CI never flakes on a new random draw and a
# failure reproduces; tests keep their own example counts.
settings.register_profile("diary", derandomize=True, deadline=None, database=None)
settings.load_profile("diary")

TODAY = "2026-11-20"


@pytest.fixture(autouse=True)
def isolated(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point DIARY_DB, HOME, XDG folders and the runtime folder into tmp_path; pin today."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(home / "Documents"))
    # an unlock's key goes here, never to the real runtime folder (nor beside the test diary)
    runtime = tmp_path_factory.mktemp("run")
    runtime.chmod(0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("DIARY_DB", str(tmp_path / "diary.db"))
    monkeypatch.setenv("DIARY_TODAY", TODAY)
    monkeypatch.setenv("TZ", "UTC")
    return tmp_path


@pytest.fixture(params=KINDS)
def kind(request: pytest.FixtureRequest) -> Kind:
    """Each guarantee test runs on a plain diary and on an encrypted one."""
    return Kind(request.param)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "diary.db"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MiB tmpfs mounted in tmp_path; skipped where mounting is not allowed."""
    mount = tmp_path / "small"
    mount.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0700", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, timeout=30)


def write_demo(path: Path, end: dt.date) -> Path:
    """One year of the seeded demo diary (seed 7) ending on end, written to path: the whole
    record (other medicines, mornings after), as `diary demo` makes it."""
    from diary.actions.demo import make_demo

    make_demo(path, end, years=1, seed=7)
    return path


def fill_disk(folder: Path, room: int = 0) -> Path:
    """Take every free byte of the disk under folder but about room of them; the filler file."""
    filler = folder / "filler"
    with filler.open("ab", buffering=0) as out:
        try:
            while True:
                out.write(b"\0" * 4096)
        except OSError:
            pass
    if room:
        os.truncate(filler, max(0, filler.stat().st_size - room))
    return filler


def refused(field: str, value: object, accepted: str) -> str:
    """A refusal as every layer words it: the field, the value as given, what was expected."""
    return f"{field}: {str(value)!r} is not accepted; expected {accepted}"


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
