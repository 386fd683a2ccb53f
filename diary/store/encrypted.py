"""An encrypted diary file: opening it with its key, and writing it anew under another key
(or none) beside the old one, verified, then swapped in atomically.

A kill -9 at any moment of a conversion leaves the old file or the new one in place, whole:
the new file is written under a temporary name, checked (integrity, every table's row count),
flushed to the disk, and only then renamed over the old.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Sequence
from contextlib import suppress
from pathlib import Path

from diary.domain import DiaryError, LockedError, NotADiaryError
from diary.store import cipher
from diary.store.connection import StoreError, database_errors
from diary.store.files import (
    APPLICATION_ID,
    check_schema,
    newer_refusal,
    read_only_folder,
    remove_made,
)
from diary.store.schema import SCHEMA_VERSION, TABLES, copy_not_written, schema_objects

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`diary mood`)
if TYPE_CHECKING:
    from typing import Any

KeySource = Callable[[bytes], bytes] | bytes  # the key, or a function of the file's salt


is_encrypted = cipher.is_encrypted_file  # by the name the encryption code knows it


def _key(salt: bytes, source: KeySource | None) -> bytes:
    if source is None:
        raise LockedError()
    key = source(salt) if callable(source) else source
    if not cipher.key_fits(key, salt):
        raise cipher.WrongPassphraseError(
            "wrong passphrase (or recovery code); the diary stays locked"
        )
    return key


def _damaged(path: Path, why: str) -> NotADiaryError:
    return NotADiaryError(
        f"{path} is an encrypted diary that is damaged ({why}); left untouched. "
        "Restore it from a backup."
    )


def open_encrypted_diary(
    path: Path,
    salt: bytes,
    source: KeySource | None,
    absent: Sequence[Path],
    connect_with: Callable[[Path, bytes], sqlite3.Connection],
) -> sqlite3.Connection:
    """A connection to the encrypted diary at path, whose first bytes are salt (made by
    connect_with, which brings the schema up to date), once a read-only look has checked it.

    Refused in one line, the file left as it was: no key (locked), a key that does not fit
    (wrong passphrase), a file cut short or whose first page fails SQLCipher's check
    (damaged), a newer or foreign schema, a read-only folder or a full disk.
    """
    if path.stat().st_size % cipher.PAGE_SIZE:
        raise _damaged(path, "cut short")
    key = _key(salt, source)
    try:
        probe = cipher.open_encrypted(f"{path.resolve().as_uri()}?mode=ro", key, 30.0, uri=True)
        try:
            probe.execute("PRAGMA schema_version").fetchone()
            app_id = probe.execute("PRAGMA application_id").fetchone()[0]
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            found = schema_objects(probe)
        finally:
            probe.close()
    except database_errors("DatabaseError") as error:
        _remove(absent)  # the probe's own -wal/-shm: a refused file leaves nothing beside it
        raise _open_refusal(path, error) from None
    try:
        if app_id != APPLICATION_ID:
            raise NotADiaryError(f"{path} is encrypted but not a diary database; left untouched")
        if version > SCHEMA_VERSION:
            raise newer_refusal(path, version)
        check_schema(path, found, version)  # exactly its version's objects, before any write
    except NotADiaryError:
        _remove(absent)
        raise
    if version < SCHEMA_VERSION:
        copy_before_migration(path, key, salt, version)
    return connect_with(path, key)


def copy_before_migration(path: Path, key: bytes, salt: bytes, version: int) -> Path:
    """An encrypted copy of the file as it was (same key and salt: the same passphrase and
    recovery code open it), beside it, before any migration step runs.

    Written under a temporary name, flushed, and only then given its name (as the plain
    copy in schema.py), so a copy under its name is whole; a failed copy is removed and the
    refusal is one line, nothing changed."""
    from diary.store.schema import link_unique

    temp = path.with_name(f".{path.name}.copy-{os.urandom(4).hex()}")
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # private from the start
    errors = (*database_errors("DatabaseError"), *cipher.cipher_errors(), OSError)
    try:
        source = cipher.open_encrypted(path, key, 30.0)
        try:
            source.execute(
                f"ATTACH DATABASE ? AS copy KEY {cipher.key_pragma(key, salt)}", (str(temp),)
            )
            source.execute("SELECT sqlcipher_export('copy')")
            source.execute(f"PRAGMA copy.user_version = {int(version)}")
            source.execute(f"PRAGMA copy.application_id = {APPLICATION_ID}")
            source.execute("DETACH DATABASE copy")
        finally:
            source.close()
        with temp.open("rb+") as written:
            os.fsync(written.fileno())
        return link_unique(temp, path, version)
    except errors as error:
        raise copy_not_written(path, error) from None
    finally:
        for side in (temp, *_sidecars(temp)):
            with suppress(OSError):
                side.unlink()


def _open_refusal(path: Path, error: BaseException) -> DiaryError:
    """The one line for a file that would not open (as files.file_version words them)."""
    name = getattr(error, "sqlite_errorname", "")
    if name.startswith("SQLITE_READONLY") or (
        name.startswith("SQLITE_CANTOPEN") and read_only_folder(path)
    ):
        return StoreError(
            f"cannot open {path}: its folder is read-only, and the diary needs to write "
            f"{path.name}-wal and {path.name}-shm beside it; nothing was read or written"
        )
    if name.startswith(("SQLITE_IOERR", "SQLITE_FULL", "SQLITE_CANTOPEN")):
        return StoreError(
            f"cannot open {path}: {error} (is the disk full?); nothing was read or written"
        )
    return _damaged(path, str(error))


def _remove(paths: Sequence[Path]) -> None:
    remove_made(paths)  # one a read-only mount kept from being made is not unlinked (EROFS)


def _counts(db: Any, schema_name: str = "main") -> dict[str, int]:
    return {
        table: db.execute(f"SELECT count(*) FROM {schema_name}.{table}").fetchone()[0]
        for table in TABLES
    }


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal")]


def leftovers(path: Path) -> list[Path]:
    """Temporary files a killed conversion left beside the diary (never the diary itself)."""
    found = sorted(path.parent.glob(f".{path.name}.converting-*"))
    return [p for p in found if p.is_file()]


def convert(
    path: Path, old_key: bytes | None, new_key: bytes | None, new_salt: bytes | None
) -> None:
    """Write the diary at path anew beside it (encrypted with new_key and new_salt, or plain
    when new_key is None), verify the copy, then rename it over the original.

    Raises StoreError, the original untouched, when the copy does not verify or the diary is
    open in another process (its -wal would be lost).
    """
    for stale in leftovers(path):  # a killed conversion's half-written copy
        for side in (stale, *_sidecars(stale)):
            side.unlink(missing_ok=True)
    temp = path.with_name(f".{path.name}.converting-{os.urandom(4).hex()}")
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        _write_copy(path, temp, old_key, new_key, new_salt)
        if any(side.exists() for side in _sidecars(path)):
            raise StoreError(
                f"{path} is open in another program (the app?); close it and try again; "
                "nothing was changed"
            )
        os.replace(temp, path)
        cipher.fsync_path(path.parent)
    finally:
        for side in (temp, *_sidecars(temp)):
            with suppress(OSError):
                side.unlink()


def _open(path: Path, key: bytes | None) -> Any:
    if key is None:
        return cipher.open_plain_with_cipher(path)
    return cipher.open_encrypted(path, key, 30.0)


def _write_copy(
    path: Path, temp: Path, old_key: bytes | None, new_key: bytes | None, new_salt: bytes | None
) -> None:
    errors = (*database_errors("DatabaseError"), *cipher.cipher_errors())
    try:
        source = _open(path, old_key)
        try:
            source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            expected = _counts(source)
            version = source.execute("PRAGMA user_version").fetchone()[0]
            attach = cipher.key_pragma(new_key, new_salt) if new_key else "''"
            source.execute(f"ATTACH DATABASE ? AS target KEY {attach}", (str(temp),))
            source.execute("SELECT sqlcipher_export('target')")
            source.execute(f"PRAGMA target.user_version = {int(version)}")
            source.execute(f"PRAGMA target.application_id = {APPLICATION_ID}")
            source.execute("DETACH DATABASE target")
        finally:
            source.close()
        copy = _open(temp, new_key)
        try:
            check = copy.execute("PRAGMA integrity_check").fetchone()[0]
            if check != "ok" or _counts(copy) != expected:
                raise StoreError(f"the new copy of {path} did not verify; nothing was changed")
            if copy.execute("PRAGMA user_version").fetchone()[0] != version:
                raise StoreError(f"the new copy of {path} did not verify; nothing was changed")
            copy.execute("PRAGMA journal_mode = WAL")
        finally:
            copy.close()
    except errors as error:
        raise StoreError(f"cannot convert {path}: {error}; nothing was changed") from None
    cipher.fsync_path(temp)
