"""Faults under the diary: a read-only file or folder, and a full disk.

Each refusal is one line on stderr, exit 1, no traceback, and nothing half-written: the
file's bytes stay as they were and it passes `PRAGMA integrity_check`. Read-only cases run
as real processes without the power to ignore file permissions (root keeps it otherwise);
a full disk is forced with SQLite's max_page_count in-process, and for real on a small
tmpfs when this machine lets the test mount one.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import hashlib
import json
import os
import sqlite3
import stat
import subprocess
from pathlib import Path

import pytest

from diary.domain import MoodEntry, Route, Session
from diary.store import open_store
from diary.store import opening as store_module
from tests.conftest import fill_disk, run_diary
from tests.kinds import Kind

BIG_NOTE = "Долгий день, long day 🌧️ " * 4_000  # about 100 KB: needs pages a full file lacks
PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH = 1, 2


# --- helpers ------------------------------------------------------------------------------


def _drop_override() -> None:
    """In the child: give up root's power to ignore permissions (a no-op for other users)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def run_unprivileged(*args: str) -> subprocess.CompletedProcess:
    """`diary ARGS` as a real process that file permissions apply to."""
    return run_diary(*args, preexec_fn=_drop_override)


@pytest.fixture
def permissions_apply(tmp_path: Path) -> None:
    """Skip unless a read-only file really stops run_unprivileged's processes."""
    probe = tmp_path / "probe"
    probe.write_text("x")
    probe.chmod(0o400)
    try:
        done = subprocess.run(
            ["sh", "-c", f"echo y >> '{probe}'"],
            preexec_fn=_drop_override,
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError) as error:
        pytest.skip(f"cannot start a process without CAP_DAC_OVERRIDE here: {error}")
    probe.chmod(0o600)
    if done.returncode == 0:
        pytest.skip("file permissions do not stop this machine's processes (cannot drop caps)")
    probe.unlink()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir()) if p.is_file()}


def one_line(err: str) -> str:
    assert "Traceback" not in err, err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert err.startswith("diary: "), err
    return err.rstrip("\n")


def make_diary(path: Path, kind: Kind) -> None:
    """A small diary of that kind, checkpointed so the whole of it is in the one file."""
    with kind.open(path) as store:
        store.save_mood(MoodEntry(dt.date(2026, 11, 18), 4, note="before"))
        store.add_session(Session(dt.datetime(2026, 11, 17, 9, tzinfo=dt.UTC), Route.IV))
    assert not path.with_name(path.name + "-wal").exists()


WRITES = {
    "mood": ("mood", "7"),
    "session add": ("session", "add", "--route", "im", "--dose-mg", "50", "--bp-pre", "128/82"),
    "checkin": ("checkin", "phq9", "--answers", "1,1,1,1,1,1,1,1,0"),
    "settings": ("settings", "--name", "Ann"),
}


# --- a read-only file ---------------------------------------------------------------------


@pytest.mark.parametrize("command", list(WRITES))
def test_a_read_only_file_refuses_a_save_in_one_line(
    kind: Kind, command: str, tmp_path: Path, db_path: Path, permissions_apply: None
) -> None:
    make_diary(db_path, kind)
    db_path.chmod(0o400)
    before = folder_state(tmp_path)
    done = run_unprivileged(*WRITES[command], "--db", str(db_path))
    assert done.returncode == 1, done.stderr
    assert done.stdout == ""
    line = one_line(done.stderr)
    assert line == (
        f"diary: cannot write to {db_path}: attempt to write a readonly database; "
        "nothing was saved"
    )
    # nothing half-written, and no read-only -wal/-shm left behind to block later saves
    assert folder_state(tmp_path) == before
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o400
    assert kind.integrity(db_path) == "ok"


def test_a_read_only_file_can_still_be_read(
    kind: Kind, tmp_path: Path, db_path: Path, permissions_apply: None
) -> None:
    make_diary(db_path, kind)
    db_path.chmod(0o400)
    before = folder_state(tmp_path)
    done = run_unprivileged("due", "--db", str(db_path))
    assert (done.returncode, done.stderr) == (1, "")  # exit 1: today's mood is missing
    assert done.stdout == (
        "No mood logged for today (2026-11-20). Log it with: diary mood SCORE\n"
    )
    assert folder_state(tmp_path) == before


def test_once_the_file_is_writable_again_a_save_lands(
    kind: Kind, tmp_path: Path, db_path: Path, permissions_apply: None
) -> None:
    make_diary(db_path, kind)
    db_path.chmod(0o400)
    assert run_unprivileged("mood", "7", "--db", str(db_path)).returncode == 1
    db_path.chmod(0o600)  # the person fixes the permission: nothing stale may block the save
    done = run_unprivileged("mood", "7", "--db", str(db_path))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "Mood 7/10 saved for 2026-11-20.\n"
    with kind.open(db_path) as store:
        assert [(m.day.day, m.mood) for m in store.moods_between()] == [(18, 4), (20, 7)]


# --- a read-only folder -------------------------------------------------------------------


def test_a_read_only_folder_is_named_in_one_line(
    kind: Kind, tmp_path: Path, permissions_apply: None
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "diary.db"
    make_diary(path, kind)
    folder.chmod(0o500)  # the file is writable, but its -wal and -shm cannot be made
    try:
        before = folder_state(folder)
        for args in (("mood", "7"), ("list",)):
            done = run_unprivileged(*args, "--db", str(path))
            assert done.returncode == 1, done.stderr
            assert done.stdout == ""
            assert one_line(done.stderr) == (
                f"diary: cannot open {path}: its folder is read-only, and the diary needs to "
                "write diary.db-wal and diary.db-shm beside it; nothing was read or written"
            )
        new = folder / "new.db"
        done = run_unprivileged("mood", "7", "--db", str(new))
        assert done.returncode == 1
        assert one_line(done.stderr) == f"diary: cannot create {new}: Permission denied"
        assert folder_state(folder) == before
    finally:
        folder.chmod(0o700)
    assert kind.integrity(path) == "ok"


@pytest.fixture
def read_only_mount(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A small tmpfs at tmp_path/ro, to be made read-only (root only: skipped otherwise)."""
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o700)
    mount = ["mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", str(folder)]
    if os.geteuid() != 0 or subprocess.run(mount, capture_output=True).returncode != 0:
        pytest.skip("mounting a read-only file system needs root here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], capture_output=True, check=True)


def test_a_diary_on_a_read_only_file_system_is_named_in_one_line(
    kind: Kind, read_only_mount: Path
) -> None:
    """A diary on a read-only mount (an old disk, a backup drive): the probe cannot make its
    -wal and -shm, and cleaning up what it never made used to fail with a traceback (EROFS)
    on every command, reads too."""
    path = read_only_mount / "diary.db"
    make_diary(path, kind)
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    before = folder_state(read_only_mount)
    for args in (("mood", "7"), ("list",), ("check",), ("backup", "-o", "-")):
        done = run_diary(*args, "--db", str(path))
        assert done.returncode == 1, done.stderr
        assert done.stdout == ""
        assert one_line(done.stderr) == (
            f"diary: cannot open {path}: its folder is read-only, and the diary needs to "
            "write diary.db-wal and diary.db-shm beside it; nothing was read or written"
        )
    assert folder_state(read_only_mount) == before


# --- a full disk, forced with max_page_count ---------------------------------------------


def _daylio_file(path: Path) -> Path:
    lines = ["full_date,date,weekday,time,mood,activities,note_title,note"]
    day = dt.date(2020, 1, 1)
    for i in range(1500):
        lines.append(f"{day + dt.timedelta(days=i)},x,x,9:00,good,walk,,{'n' * 60}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _backup_file(source: Path, target: Path, cli) -> Path:
    with open_store(source) as store:  # a plain diary's backup, restored into either kind
        store.bulk_add(
            [MoodEntry(dt.date(2020, 1, 1) + dt.timedelta(days=i), i % 11) for i in range(800)],
            [],
        )
    assert cli("backup", "-o", str(target), "--db", str(source)).code == 0
    return target


@pytest.mark.parametrize(
    "command",
    ["mood", "session add", "import daylio", "restore", "demo"],
)
def test_a_full_disk_saves_nothing_and_says_so(
    kind: Kind, command: str, cli, tmp_path: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_diary(db_path, kind)
    args = {
        "mood": ("mood", "7", "--note", BIG_NOTE),
        "session add": ("session", "add", "--route", "iv", "--note", BIG_NOTE),
        "import daylio": ("import", "daylio", str(_daylio_file(tmp_path / "daylio.csv"))),
        "restore": (
            "restore",
            "--merge",
            str(_backup_file(tmp_path / "other.db", tmp_path / "b.json", cli)),
        ),
        "demo": ("demo", "--no-open", "--years", "1"),
    }[command]
    target = tmp_path / "empty.db" if command == "demo" else db_path
    if command == "demo":
        kind.make(target)
    before = kind.counts(target)
    original = store_module._connect

    def connect(path: Path, key: bytes | None = None) -> sqlite3.Connection:
        db = original(path, key)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        return db

    monkeypatch.setattr(store_module, "_connect", connect)
    result = cli(*args, "--db", str(target))
    assert result.code == 1, result.err
    assert one_line(result.err) == (
        f"diary: cannot write to {target}: database or disk is full; nothing was saved"
    )
    assert kind.counts(target) == before
    assert kind.integrity(target) == "ok"
    monkeypatch.setattr(store_module, "_connect", original)  # room again: the same save lands
    assert cli(*args, "--db", str(target)).code == 0
    assert kind.counts(target) != before


# --- a full disk, for real ----------------------------------------------------------------


def test_a_really_full_disk(kind: Kind, small_disk: Path, tmp_path: Path) -> None:
    path = small_disk / "diary.db"
    make_diary(path, kind)
    before = kind.counts(path)
    # the app holds the diary open (its -wal and -shm exist), then the disk fills up
    holder = kind.connect(path)
    holder.execute("SELECT COUNT(*) FROM moods").fetchone()
    filler = fill_disk(small_disk)
    try:
        done = run_diary("mood", "7", "--note", "x" * 50_000, "--db", str(path))
        assert done.returncode == 1
        assert done.stdout == ""
        assert one_line(done.stderr) == (
            f"diary: cannot write to {path}: database or disk is full; nothing was saved"
        )
        csv = small_disk / "out.csv"
        done = run_diary("export", "csv", "-o", str(csv), "--db", str(path))
        assert done.returncode == 1
        assert one_line(done.stderr) == f"diary: cannot write {csv}: No space left on device"
        assert not csv.exists()
        assert [p.name for p in small_disk.iterdir() if p.name.startswith(".out.csv")] == []
        done = run_diary(
            "backup", *kind.backup_flags, "-o", str(small_disk / "b.json"), "--db", str(path)
        )
        assert done.returncode == 1
        assert "No space left on device" in one_line(done.stderr)
        assert holder.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert kind.counts(path) == before
        # nobody has it open now, so a new process must make its -shm on the full disk
        holder.close()  # the last connection: SQLite removes -wal and -shm, freeing room
        fill_disk(small_disk)
        done = run_diary("mood", "7", "--db", str(path))
        assert done.returncode == 1
        line = one_line(done.stderr)
        assert line.startswith(f"diary: cannot open {path}: disk I/O error"), line
        assert line.endswith("(is the disk full?); nothing was read or written"), line
    finally:
        holder.close()
        filler.unlink()
    done = run_diary("mood", "7", "--note", "x" * 50_000, "--db", str(path))
    assert (done.returncode, done.stderr) == (0, "")  # room again: it saves
    assert kind.counts(path) == {**before, "moods": before["moods"] + 1}
    assert kind.integrity(path) == "ok"


def test_backup_json_left_whole_on_a_full_disk(kind: Kind, small_disk: Path) -> None:
    """An earlier backup at the target is kept whole when a new one cannot be written."""
    path = small_disk / "diary.db"
    make_diary(path, kind)
    target = small_disk / "b.json"
    assert (
        run_diary("backup", *kind.backup_flags, "-o", str(target), "--db", str(path)).returncode
        == 0
    )
    first = target.read_bytes()
    with kind.open(path) as store:
        store.save_mood(MoodEntry(dt.date(2026, 11, 19), 6, note="y" * 20_000))
    holder = kind.connect(path)  # the app is open: the backup can read the diary
    holder.execute("SELECT COUNT(*) FROM moods").fetchone()
    filler = fill_disk(small_disk)
    try:
        done = run_diary(
            "backup", *kind.backup_flags, "-o", str(target), "--db", str(path), "--force"
        )
        assert done.returncode == 1
        assert one_line(done.stderr) == f"diary: cannot write {target}: No space left on device"
        assert target.read_bytes() == first
        assert json.loads(first)["tables"]["moods"][0]["note"] == "before"
        assert sorted(p.name for p in small_disk.iterdir()) == [
            "b.json",
            "diary.db",
            "diary.db-shm",
            "diary.db-wal",
            "filler",
        ]
    finally:
        holder.close()
        filler.unlink()
