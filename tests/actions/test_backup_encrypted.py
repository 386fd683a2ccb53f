"""An encrypted diary's backup: an age file (passphrase recipient) that age -d / pyrage opens,
restoring exactly; --plain writes the same JSON a plain diary's backup holds."""

from __future__ import annotations

from pathlib import Path

import pyrage
import pytest

from diary.actions.backup import backup, restore
from diary.actions.diary import writing
from diary.actions.log import log_mood
from diary.domain import MoodEntry
from diary.files.backup import BackupError
from tests.actions.conftest import day
from tests.actions.test_backup import fill
from tests.encrypted import SECRETS, encrypt_diary, unlock

BACKUP_PASSPHRASE = "backup passphrase 42"


def test_an_age_backup_round_trips_exactly(db_path: Path, tmp_path: Path) -> None:
    fill(db_path)
    with writing(db_path) as store:
        log_mood(store, MoodEntry(day("2026-11-20"), 7, note=SECRETS[0]))
    backup(db_path, tmp_path / "plain.json")  # before encryption: the reference bytes
    key = encrypt_diary(db_path).key
    unlock(db_path, key)
    line = backup(db_path, tmp_path / "b.age", ask=lambda: BACKUP_PASSPHRASE)
    assert "age-encrypted" in line
    data = (tmp_path / "b.age").read_bytes()
    assert data.startswith(b"age-encryption.org/v1\n")
    assert SECRETS[0].encode() not in data and b"walk" not in data
    # the standard age format: pyrage (the age library) opens it with the passphrase alone
    assert pyrage.passphrase.decrypt(data, BACKUP_PASSPHRASE) == (
        (tmp_path / "plain.json").read_bytes()
    )
    again = tmp_path / "again.db"
    done = restore(again, tmp_path / "b.age", merge=False, ask=lambda: BACKUP_PASSPHRASE)
    # the data came out of an encrypted backup into a plain file: it says so
    assert done.lines[-1] == (
        "The backup was encrypted; this diary is not (`diary encrypt` encrypts it)."
    )
    merged = restore(again, tmp_path / "b.age", merge=True, ask=lambda: BACKUP_PASSPHRASE)
    assert merged.lines[-1] == done.lines[-1]
    plain = restore(tmp_path / "plain.db", tmp_path / "plain.json", merge=False, ask=str)
    assert len(plain.lines) == 1  # a plain backup asks nothing and says nothing of it
    backup(again, tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == (tmp_path / "plain.json").read_bytes()


def test_a_wrong_backup_passphrase_restores_nothing(db_path: Path, tmp_path: Path) -> None:
    fill(db_path)
    key = encrypt_diary(db_path).key
    unlock(db_path, key)
    backup(db_path, tmp_path / "b.age", ask=lambda: BACKUP_PASSPHRASE)
    again = tmp_path / "again.db"
    with pytest.raises(BackupError, match="the passphrase does not open this age-encrypted"):
        restore(again, tmp_path / "b.age", merge=False, ask=lambda: "not it")
    assert not again.exists()
    with pytest.raises(BackupError, match="is an age-encrypted backup; its passphrase"):
        restore(again, tmp_path / "b.age", merge=False)


def test_plain_writes_the_json_with_no_passphrase(db_path: Path, tmp_path: Path) -> None:
    fill(db_path)
    backup(db_path, tmp_path / "before.json")
    unlock(db_path, encrypt_diary(db_path).key)
    backup(db_path, tmp_path / "plain.json", plain=True, ask=None)
    assert (tmp_path / "plain.json").read_bytes() == (tmp_path / "before.json").read_bytes()


def test_the_age_command_opens_it(db_path: Path, tmp_path: Path) -> None:
    import shutil

    import pexpect

    if shutil.which("age") is None:
        pytest.skip("the age command is not installed here (pyrage's decrypt is tested above)")
    fill(db_path)
    backup(db_path, tmp_path / "plain.json")
    unlock(db_path, encrypt_diary(db_path).key)
    backup(db_path, tmp_path / "b.age", ask=lambda: BACKUP_PASSPHRASE)
    child = pexpect.spawn(
        "age", ["-d", "-o", str(tmp_path / "out.json"), str(tmp_path / "b.age")], timeout=60
    )
    child.expect("passphrase")
    child.sendline(BACKUP_PASSPHRASE)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (tmp_path / "out.json").read_bytes() == (tmp_path / "plain.json").read_bytes()
