"""The only package that speaks SQL: opens, checks, migrates, reads and writes the diary file.

The file is refused, and left byte-for-byte untouched, when it is not a diary database or
comes from a newer version. Every save is one transaction: all of it lands or none.

    files.py       refusing what is not a diary; creating a new file
    schema.py      the tables and their migrations; the copy taken before one
    connection.py  the connection's pragmas, transactions and reads (the encryption seam)
    moods.py, sessions.py, checkins.py, symptoms.py, settings.py, medicines.py,
    morning.py     one record type each
    rows.py        the whole file at once: exports, backups, restores, imports
    decoding.py    every row read through the domain's rules; a damaged one is named
    checking.py    `diary check`: integrity, links, every damaged row, the rows that survive
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from diary.domain import BadPathError, DiaryError, NotADiaryError
from diary.store import cipher, encrypted, files, schema
from diary.store.checking import CheckRows, Findings
from diary.store.checkins import CheckinRecords
from diary.store.connection import StoreError, connect, database_errors
from diary.store.decoding import DamagedRowError
from diary.store.encrypted import KeySource
from diary.store.files import APPLICATION_ID, check_path
from diary.store.medicines import MedicineRecords
from diary.store.moods import MoodRecords
from diary.store.morning import MorningRecords
from diary.store.schema import SCHEMA_VERSION, TABLES
from diary.store.sessions import SessionRecords
from diary.store.settings import SettingsRecords
from diary.store.symptoms import SymptomRecords

__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "TABLES",
    "DamagedRowError",
    "Findings",
    "Store",
    "StoreError",
    "check_path",
    "default_path",
    "expand_user",
    "open_store",
]


class Store(
    MoodRecords,
    SessionRecords,
    CheckinRecords,
    SymptomRecords,
    SettingsRecords,
    MedicineRecords,
    MorningRecords,
    CheckRows,
):
    """An open diary database. Methods take and return domain records, never rows."""


def expand_user(given: Path | str) -> Path:
    """The path with `~` or `~user` expanded; an unknown user is refused in one line."""
    try:
        return Path(given).expanduser()
    except RuntimeError:  # Path.expanduser: "Could not determine home directory."
        raise BadPathError(f"{given}: no such user, so its ~ cannot be expanded") from None


def default_path() -> Path:
    """`DIARY_DB`, or diary.db in the platform's user data folder."""
    env = os.environ.get("DIARY_DB")
    if env:
        return expand_user(env)
    import platformdirs  # only when no path was given: keeps quick commands quick

    return Path(platformdirs.user_data_dir("diary", appauthor=False)) / "diary.db"


def open_store(path: Path | str | None = None, key: KeySource | None = None) -> Store:
    """Open (creating or migrating when needed) the diary database at path. An encrypted
    diary needs its key: key(file salt) gives it (asked only when the file is encrypted)."""
    target = expand_user(path) if path is not None else default_path()
    if not files.check_path(target):
        if target.parent.exists() and not target.parent.is_dir():
            raise NotADiaryError(f"{target.parent} is a file, so {target.name} cannot go in it")
        try:
            made = files.create(target)
        except OSError as error:
            raise StoreError(f"cannot create {target}: {error.strerror or error}") from None
        except sqlite3.Error as error:  # the header could not be written: a full disk
            raise StoreError(f"cannot create {target}: {error}; nothing was made") from None
        fresh = True
    else:
        fresh = made = False
    sidecars = [target.with_name(target.name + end) for end in ("-wal", "-shm")]
    absent = [side for side in sidecars if not side.exists()]
    try:
        header = files.check_file(target)
        if not fresh and cipher.is_encrypted_header(header):
            salt = header[: cipher.SALT_BYTES]
            db = encrypted.open_encrypted_diary(
                target, salt, key, absent, lambda p, k: _connect(p, k)
            )
            return Store(target, db, made=absent, header=header)
        version = files.file_version(target)
        if version > SCHEMA_VERSION:
            raise files.newer_refusal(target, version)
        if version < SCHEMA_VERSION and not fresh:
            with schema.migration_lock(target):
                if files.file_version(target) < SCHEMA_VERSION:  # not migrated meanwhile
                    schema.copy_before_migration(target, version)
                return Store(target, _connect(target), made=absent, header=header)
        return Store(target, _connect(target), made=absent, header=header)
    except DiaryError:
        if made:  # a new file the schema could not be written into (a full disk): not kept
            for part in (target, *absent):
                part.unlink(missing_ok=True)
        raise


def _connect(path: Path, key: bytes | None = None) -> sqlite3.Connection:
    """A connection to path with its schema brought up to date (tests wrap this one); key:
    an encrypted diary's raw key."""
    try:
        db = connect(path, key)
        schema.migrate(db)
    except database_errors("DatabaseError") as error:
        raise StoreError(f"cannot open {path}: {error}") from None
    return db
