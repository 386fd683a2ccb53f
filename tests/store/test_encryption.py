"""An encrypted diary's file: nothing readable in its bytes, closed to plain SQLite, and each
refusal (wrong passphrase, damaged file, no diary) its own line with the file untouched."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import sqlite3
from pathlib import Path

import pytest

from diary.domain import BUILTIN_SYMPTOMS, LockedError, MoodEntry, NotADiaryError, Settings
from diary.store import StoreError, cipher, open_store
from tests.encrypted import PASSPHRASE, SECRETS, counts, encrypt_diary, file_bytes, integrity
from tests.records import full_session

NOTE, NAME, SYMPTOM = SECRETS


def _fill(path: Path) -> None:
    with open_store(path) as store:
        store.save_mood(MoodEntry(dt.date(2026, 11, 19), 6, note=f"a note: {NOTE}"))
        store.add_session(dataclasses.replace(full_session(), clinic="Riverside Clinic"))
        store.add_symptom(SYMPTOM)
        store.save_settings(Settings(name=NAME, country="IE"))


def _readable_words() -> list[bytes]:
    words = [*SECRETS, "Riverside Clinic", "far away, then calm", "dissociation"]
    words += [s.label for s in BUILTIN_SYMPTOMS]
    return [w.encode() for w in words]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def encrypted(db_path: Path) -> bytes:
    _fill(db_path)
    return encrypt_diary(db_path).key


def test_no_note_symptom_or_setting_in_the_file_or_its_wal(db_path: Path) -> None:
    _fill(db_path)
    assert SECRETS[0].encode() in file_bytes(db_path)  # the plain file does hold them
    key = encrypt_diary(db_path).key
    with open_store(db_path, key=key) as store:  # a save in progress: pages in the -wal
        store.save_mood(MoodEntry(dt.date(2026, 11, 20), 7, note=f"again {NOTE}"))
        store.add_symptom(f"{SYMPTOM}-2")
        wal = db_path.with_name("diary.db-wal")
        assert wal.stat().st_size > 0
        seen = file_bytes(db_path)
        assert not [w for w in _readable_words() if w in seen]
        assert b"SQLite format 3" not in seen
    seen = file_bytes(db_path)
    assert not [w for w in _readable_words() if w in seen]
    assert b"SQLite format 3" not in seen


def test_plain_sqlite_cannot_read_it(db_path: Path, encrypted: bytes) -> None:
    db = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        db.close()


def test_the_key_opens_everything_as_it_was(db_path: Path, encrypted: bytes) -> None:
    with open_store(db_path, key=encrypted) as store:
        assert store.mood_for(dt.date(2026, 11, 19)).note == f"a note: {NOTE}"
        assert store.settings().name == NAME
        assert SYMPTOM in [s.label for s in store.symptoms()]
    assert integrity(db_path, encrypted) == "ok"


def test_no_key_is_locked_and_touches_nothing(db_path: Path, encrypted: bytes) -> None:
    before = sorted(p.name for p in db_path.parent.iterdir()), _digest(db_path)
    with pytest.raises(LockedError, match=r"the diary is locked: run `diary unlock`"):
        open_store(db_path)
    assert (sorted(p.name for p in db_path.parent.iterdir()), _digest(db_path)) == before


def test_a_wrong_passphrase_has_its_own_line(db_path: Path, encrypted: bytes) -> None:
    before = _digest(db_path)
    salt = cipher.read_salt(db_path)
    with pytest.raises(cipher.WrongPassphraseError, match=r"^wrong passphrase"):
        cipher.key_for_secret("not the passphrase", salt)
    with pytest.raises(cipher.WrongPassphraseError, match=r"^wrong passphrase"):
        open_store(db_path, key=bytes(32))
    assert _digest(db_path) == before


def test_the_recovery_code_opens_it_alone(db_path: Path) -> None:
    _fill(db_path)
    new = encrypt_diary(db_path)
    code = new.recovery_code
    assert len(code.split("-")) == 13
    salt = cipher.read_salt(db_path)
    assert cipher.key_for_secret(code, salt) == new.key
    assert cipher.key_for_secret(code.lower().replace("-", " "), salt) == new.key
    assert cipher.key_for_secret(PASSPHRASE, salt) == new.key
    with open_store(db_path, key=cipher.key_for_secret(code, salt)) as store:
        assert store.settings().name == NAME


def _cut(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:-100])


def _flip_first_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[200] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [_cut, _flip_first_page], ids=["cut short", "page 1"])
def test_a_damaged_encrypted_file_has_its_own_line(
    db_path: Path, encrypted: bytes, damage
) -> None:
    damage(db_path)
    before = sorted(p.name for p in db_path.parent.iterdir()), _digest(db_path)
    with pytest.raises(NotADiaryError, match="is an encrypted diary that is damaged"):
        open_store(db_path, key=encrypted)
    assert (sorted(p.name for p in db_path.parent.iterdir()), _digest(db_path)) == before


def test_a_file_of_random_bytes_is_no_diary(db_path: Path) -> None:
    import random

    db_path.write_bytes(random.Random(5).randbytes(8192))
    before = _digest(db_path)
    with pytest.raises(NotADiaryError, match=r"is not a diary database \(not SQLite\)"):
        open_store(db_path, key=bytes(32))
    assert _digest(db_path) == before


def test_changing_the_passphrase_keeps_every_row(db_path: Path, encrypted: bytes) -> None:
    from diary.actions import encryption

    before = counts(db_path, encrypted)
    new = encryption.new_key("a new passphrase here")
    encryption.change_passphrase(db_path, encrypted, new)
    salt = cipher.read_salt(db_path)
    assert not cipher.key_fits(encrypted, salt)
    with pytest.raises(cipher.WrongPassphraseError):
        cipher.key_for_secret(PASSPHRASE, salt)
    assert cipher.key_for_secret("a new passphrase here", salt) == new.key
    assert counts(db_path, new.key) == before
    assert integrity(db_path, new.key) == "ok"
    assert sorted(p.name for p in db_path.parent.iterdir() if p.is_file()) == ["diary.db"]


def test_decrypting_gives_the_plain_file_back(db_path: Path, encrypted: bytes) -> None:
    from diary.actions import encryption

    before = counts(db_path, encrypted)
    encryption.decrypt(db_path, encrypted)
    assert counts(db_path, None) == before
    db = sqlite3.connect(db_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    with open_store(db_path) as store:
        assert store.settings().name == NAME


def test_a_diary_open_elsewhere_is_not_converted(db_path: Path, encrypted: bytes) -> None:
    from diary.actions import encryption

    with open_store(db_path, key=encrypted) as other:  # e.g. the app, still open
        other.save_mood(MoodEntry(dt.date(2026, 11, 20), 5))
        with pytest.raises(StoreError, match="open in another program"):
            encryption.decrypt(db_path, encrypted)
        other.save_mood(MoodEntry(dt.date(2026, 11, 18), 4))  # it goes on saving
    assert cipher.is_encrypted_header(cipher.read_salt(db_path))
    with open_store(db_path, key=encrypted) as store:
        assert [m.mood for m in store.moods_between(None, None)] == [4, 6, 5]
    assert sorted(p.name for p in db_path.parent.iterdir() if p.is_file()) == ["diary.db"]


def _stamped(path: Path, key: bytes, pragma: str) -> None:
    db = cipher.open_encrypted(path, key, 30.0)
    db.execute(pragma)
    db.close()


@pytest.mark.parametrize(
    ("pragma", "says"),
    [
        ("PRAGMA user_version = 99", "was written by a newer diary (schema 99"),
        ("PRAGMA application_id = 7", "is encrypted but not a diary database; left untouched"),
    ],
)
def test_an_encrypted_file_of_a_newer_diary_or_another_program(
    db_path: Path, encrypted: bytes, pragma: str, says: str
) -> None:
    _stamped(db_path, encrypted, pragma)
    before = sorted(p.name for p in db_path.parent.iterdir()), _digest(db_path)
    with pytest.raises(NotADiaryError, match=re.escape(says)):
        open_store(db_path, key=encrypted)
    assert (sorted(p.name for p in db_path.parent.iterdir()), _digest(db_path)) == before


def _encrypted_version_0(path: Path) -> bytes:
    """An encrypted diary file as version 0 left it: stamped, user_version 0, no tables."""
    import os

    import sqlcipher3

    from diary.store import APPLICATION_ID

    key = os.urandom(cipher.KEY_BYTES)
    db = sqlcipher3.connect(str(path))
    db.execute(f"PRAGMA key = {cipher.key_pragma(key, cipher.salt_for(os.urandom(8), key))}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("VACUUM")  # the header written: a file of one page, not zero bytes
    db.commit()
    db.close()
    return key


def test_an_encrypted_diary_is_copied_encrypted_before_a_migration(db_path: Path) -> None:
    from diary.actions.encryption import plaintext_copies
    from diary.store import SCHEMA_VERSION, encrypted

    key = _encrypted_version_0(db_path)
    with open_store(db_path, key=key) as store:
        assert store.schema_version == SCHEMA_VERSION
        store.save_mood(MoodEntry(dt.date(2026, 11, 20), 7, note=NOTE))
    (copy,) = db_path.parent.glob("diary.db.v0-before-migration-*.bak")
    assert encrypted.is_encrypted(copy)
    assert cipher.read_salt(copy) == cipher.read_salt(db_path)  # the same passphrase opens it
    db = cipher.open_encrypted(copy, key, 30.0)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
    db.close()
    assert plaintext_copies(db_path) == []  # not offered as a plain copy to delete
    with open_store(db_path, key=key):  # an up-to-date file is not copied again
        pass
    assert len(list(db_path.parent.glob("*.bak"))) == 1


def test_a_failed_encrypted_copy_before_a_migration_leaves_no_copy_and_one_line(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy kept before a migration of an encrypted diary fails (a full disk, say):
    nothing is left under a copy's name that would pass for a whole one, the file is as it
    was, and the refusal is one StoreError line, not SQLCipher's own exception."""
    from diary.store import encrypted
    from diary.store.connection import StoreError

    key = _encrypted_version_0(db_path)
    before = sorted(p.name for p in db_path.parent.iterdir()), _digest(db_path)
    real = encrypted.cipher.open_encrypted

    class FullDisk:  # the export into the copy fails as a full disk would, half written
        def __init__(self, db: object) -> None:
            self.db = db

        def execute(self, sql: str, *args: object) -> object:
            if "sqlcipher_export" in sql:
                self.db.execute("CREATE TABLE copy.half (x)")  # type: ignore[attr-defined]
                raise encrypted.database_errors("OperationalError")[-1]("database or disk is full")
            return self.db.execute(sql, *args)  # type: ignore[attr-defined]

        def close(self) -> None:
            self.db.close()  # type: ignore[attr-defined]

    monkeypatch.setattr(
        encrypted.cipher, "open_encrypted", lambda *a, **k: FullDisk(real(*a, **k))
    )
    with pytest.raises(StoreError, match="the copy kept before it could not be written"):
        open_store(db_path, key=key)
    monkeypatch.setattr(encrypted.cipher, "open_encrypted", real)
    assert list(db_path.parent.glob("*.bak")) == []
    assert (sorted(p.name for p in db_path.parent.iterdir()), _digest(db_path)) == before
