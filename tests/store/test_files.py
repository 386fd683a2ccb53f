"""The file: new folder 0700 and file 0600, and strange files refused, left untouched."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from diary.domain import MoodEntry, NotADiaryError
from diary.store import SCHEMA_VERSION, open_store
from tests.kinds import Kind
from tests.records import full_session


def test_new_folder_0700_and_file_0600(tmp_path: Path) -> None:
    path = tmp_path / "new" / "diary.db"
    with open_store(path) as store:
        store.save_mood(MoodEntry(dt.date(2026, 11, 20), 7))
        wal = path.with_name("diary.db-wal")
        assert stat.S_IMODE(wal.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in path.parent.iterdir()) == ["diary.db"]


def test_a_diary_others_could_read_is_made_its_owners_alone(tmp_path: Path) -> None:
    from diary.store import tighten_mode

    path = tmp_path / "diary.db"
    with open_store(path) as store:
        store.save_mood(MoodEntry(dt.date(2026, 11, 20), 7))
    assert tighten_mode(path) is None  # 0600 already: nothing to do
    wal = path.with_name("diary.db-wal")
    wal.write_bytes(b"")
    for loose, tight in ((0o644, 0o600), (0o666, 0o600), (0o444, 0o400), (0o604, 0o600)):
        path.chmod(loose)
        wal.chmod(loose)
        assert tighten_mode(path) == loose
        assert stat.S_IMODE(path.stat().st_mode) == tight  # a read-only file stays so
        assert stat.S_IMODE(wal.stat().st_mode) == tight
    assert tighten_mode(tmp_path / "missing.db") is None


def real_diary_bytes(path: Path) -> bytes:
    with open_store(path) as store:
        store.save_mood(MoodEntry(dt.date(2026, 11, 20), 7, note="x" * 5000))
        store.add_session(full_session())
    return path.read_bytes()


def make_random(path: Path) -> None:
    import random

    path.write_bytes(random.Random(3).randbytes(8192))


def make_empty(path: Path) -> None:
    path.write_bytes(b"")


def make_text(path: Path) -> None:
    path.write_text("date,mood\n2026-11-20,7\n", encoding="utf-8")


def make_other_sqlite(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE moods (day TEXT, mood INTEGER)")
    db.execute("INSERT INTO moods VALUES ('2026-11-20', 7)")
    db.commit()
    db.close()


def make_newer(path: Path) -> None:
    real_diary_bytes(path)
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()


def make_truncated(path: Path) -> None:
    real = path.with_name("real.db")
    data = real_diary_bytes(real)
    path.write_bytes(data[:1000])


def make_short_header(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20)


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (make_random, "is not a diary database (not SQLite); left untouched"),
        (make_empty, "is an empty file, not a diary database; left untouched"),
        (make_text, "is not a diary database (not SQLite); left untouched"),
        (make_short_header, "is not a diary database (not SQLite); left untouched"),
        (make_other_sqlite, "is an SQLite file of another program, not a diary database"),
        (
            make_newer,
            f"was written by a newer diary (schema {SCHEMA_VERSION + 1}, this one knows "
            f"{SCHEMA_VERSION}); update diary to open it; left untouched",
        ),
        (make_truncated, "cannot be read as a database"),
    ],
)
def test_strange_files_are_refused_and_left_untouched(
    make, says: str, kind: Kind, tmp_path: Path
) -> None:
    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "diary.db"
    make(path)
    before = path.read_bytes()
    os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    names = sorted(p.name for p in folder.iterdir())
    key = bytes(range(32)) if kind.is_encrypted else None  # unlocked: a key is at hand
    with pytest.raises(NotADiaryError) as caught:
        open_store(path, key=key)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path} ")
    assert says in message
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == 1_000_000_000_000_000_000
    assert sorted(p.name for p in folder.iterdir()) == names  # no -wal, -shm or .bak left


def test_a_folder_where_the_file_should_be(tmp_path: Path) -> None:
    path = tmp_path / "diary.db"
    path.mkdir()
    with pytest.raises(NotADiaryError) as caught:
        open_store(path)
    assert str(caught.value) == f"{path} is a folder, not a diary database; give a file path"
    assert list(path.iterdir()) == []


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("mine")
    with pytest.raises(NotADiaryError) as caught:
        open_store(blocker / "diary.db")
    assert str(caught.value) == f"{blocker} is a file, so diary.db cannot go in it"
    assert blocker.read_text() == "mine"


def test_refusal_through_the_command(cli, db_path: Path) -> None:
    make_other_sqlite(db_path)
    before = db_path.read_bytes()
    result = cli("mood", "7")
    assert result.code == 1
    assert result.out == ""
    assert result.err == (
        f"diary: {db_path} is an SQLite file of another program, not a diary database; "
        "left untouched\n"
    )
    assert db_path.read_bytes() == before


def test_a_second_store_on_an_open_file_does_not_reopen_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening the file from Python and closing it would drop SQLite's POSIX locks on it in
    this process: a second store (the app's worker threads) takes the header already read."""
    from diary.store import files

    path = tmp_path / "diary.db"
    with open_store(path):
        pass
    with open_store(path) as first:
        opened: list[Path] = []
        real = files._read_header

        def counting(target: Path) -> bytes:
            opened.append(target)
            return real(target)

        monkeypatch.setattr(files, "_read_header", counting)
        with open_store(path) as second:
            second.save_mood(MoodEntry(dt.date(2026, 11, 20), 5))
        assert first.mood_for(dt.date(2026, 11, 20)) == MoodEntry(dt.date(2026, 11, 20), 5)
        assert opened == []
    with open_store(path):  # closed everywhere: the next open reads the header again
        pass
    assert opened == [str(path)]  # the store reads paths as text (diary.store.paths)
