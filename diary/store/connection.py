"""The open connection: its pragmas, one-transaction writes and reads that fail in one line.

`connect` is the one place a connection to the diary file is made for reading and writing,
so an encryption key (SQLCipher) plugs in there and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
from collections.abc import Iterable, Sequence

from diary.domain import DiaryError
from diary.store import paths

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`diary mood`)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Self

    from diary.store.paths import StrPath

BUSY_TIMEOUT_S = 30.0


class StoreError(DiaryError):
    """The file could not be read or written (disk full, read-only, locked)."""


def database_errors(kind: str = "Error") -> tuple[type[BaseException], ...]:
    """sqlite3's exception class of that name and, once an encrypted diary was opened,
    sqlcipher3's (its own classes, not sqlite3's)."""
    found = [getattr(sqlite3, kind)]
    cipher = sys.modules.get("sqlcipher3.dbapi2")
    if cipher is not None:
        found.append(getattr(cipher, kind))
    return tuple(found)


def connect(path: StrPath, key: bytes | None = None) -> sqlite3.Connection:
    """A connection with foreign keys on, synchronous FULL, WAL and a busy timeout; through
    SQLCipher with the raw key when one is given (an encrypted diary).

    Raises sqlite3.DatabaseError; the caller says which file could not be opened.
    """
    if key is None:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    else:
        from diary.store.cipher import open_encrypted

        db = open_encrypted(path, key, BUSY_TIMEOUT_S)
    db.execute("PRAGMA trusted_schema = OFF")  # no function of the file's schema runs here
    if hasattr(db, "setconfig"):  # Python 3.12+: the schema cannot be written as rows
        db.setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA synchronous = FULL")
    if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.execute("PRAGMA journal_mode = WAL")
    return db


def _identity(path: StrPath) -> tuple[int, int] | None:
    """The file's device and inode, or None when nothing is at path."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


# The diary files this process holds open, by (device, inode): how many stores, and the
# header read when the first one opened. A second store on the same file (the app's worker
# threads) takes the header from here: opening the file again from Python and closing it
# would drop every POSIX lock SQLite holds on it in this process (SQLite's "How To Corrupt
# An SQLite Database File", 2.2), and another process could then write over a transaction.
_HELD: dict[tuple[int, int], list] = {}


def held_header(path: StrPath) -> bytes | None:
    """The header read when this process first opened the file at path, while it is open."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    held = _HELD.get((info.st_dev, info.st_ino))
    return held[1] if held else None


def day_range(start: dt.date | None, end: dt.date | None) -> list[str]:
    """The two parameters of `day >= ? AND day <= ?` for start to end (both included); a
    missing end is the first or last day there can be."""
    return [(start or dt.date.min).isoformat(), (end or dt.date.max).isoformat()]


class Connected:
    """An open diary connection: closing it, one-transaction writes, reads as StoreError."""

    def __init__(
        self,
        path: StrPath,
        db: sqlite3.Connection,
        made: Sequence[StrPath] = (),
        header: bytes = b"",
    ) -> None:
        self.file = os.fspath(path)  # the diary file, as text (see `path`)
        self._db = db
        self._made = tuple(made)  # the -wal/-shm that did not exist before this store opened
        self._identity = _identity(path)  # the file this store opened, to notice a swap
        self._held: tuple[int, int] | None = None
        try:
            info = os.stat(path)
        except OSError:
            return
        self._held = (info.st_dev, info.st_ino)
        _HELD.setdefault(self._held, [0, header])[0] += 1

    def close(self) -> None:
        self._db.close()
        if self._held is not None and (held := _HELD.get(self._held)) is not None:
            held[0] -= 1
            if held[0] <= 0:
                del _HELD[self._held]
            self._held = None
        if self._made and not os.access(self.file, os.W_OK):
            # SQLite made them read-only like the file; left behind, they would block every
            # save once the file is writable again. An empty -wal holds nothing.
            for side in self._made:
                try:
                    if paths.name(side).endswith("-shm") or os.stat(side).st_size == 0:
                        os.unlink(side)
                except OSError:
                    pass

    @property
    def path(self) -> Path:
        """The diary file as a pathlib.Path (imported only here: a quick log never asks)."""
        from pathlib import Path

        return Path(self.file)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def encrypted(self) -> bool:
        """Whether this is an encrypted diary (opened through SQLCipher). Known from the
        connection: reading the file again here would drop SQLite's locks on it."""
        return type(self._db).__module__.startswith("sqlcipher3")

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def transaction(self) -> _Transaction:
        """One write transaction: all of it is saved, or none (also on disk full or crash).

        Refused when the file was deleted, moved or replaced since it was opened: SQLite
        would still write to the open file (and its -wal), which no one would find again."""
        return _Transaction(self)

    def _reading(self) -> _Reading:
        """Reads inside it fail as one StoreError line that names the file."""
        return _Reading(self)

    def _rows(self, sql: str, params: Iterable[object] = ()) -> list[tuple]:
        with self._reading() as db:
            return db.execute(sql, tuple(params)).fetchall()


# The two context managers are classes, not contextlib generators: `diary mood 7` does not
# import contextlib.


class _Transaction:
    """`with store.transaction() as db:` (Connected.transaction)."""

    def __init__(self, store: Connected) -> None:
        self.store = store

    def __enter__(self) -> sqlite3.Connection:
        store = self.store
        if _identity(store.file) != store._identity:
            raise StoreError(
                f"{store.file} was moved, deleted or replaced while the diary was open; "
                "nothing was saved (open the diary again where it now is)"
            )
        try:
            store._db.execute("BEGIN IMMEDIATE")
        except database_errors("OperationalError") as error:
            raise StoreError(f"cannot write to {store.file}: {error}; nothing was saved") from None
        return store._db

    def __exit__(self, kind: type[BaseException] | None, error: object, trace: object) -> None:
        if kind is None:
            try:
                self.store._db.execute("COMMIT")
                return
            except BaseException as failed:
                self._failed(type(failed), failed)
                raise
        self._failed(kind, error)

    def _failed(self, kind: type[BaseException], error: object) -> None:
        """Roll back what the transaction wrote; a database error becomes one StoreError."""
        db = self.store._db
        if db.in_transaction:  # SQLite itself rolls back on a full disk
            db.execute("ROLLBACK")
        if issubclass(kind, database_errors()):
            raise StoreError(
                f"cannot write to {self.store.file}: {error}; nothing was saved"
            ) from None


class _Reading:
    """`with store._reading() as db:` (Connected._reading)."""

    def __init__(self, store: Connected) -> None:
        self.store = store

    def __enter__(self) -> sqlite3.Connection:
        return self.store._db

    def __exit__(self, kind: type[BaseException] | None, error: object, trace: object) -> None:
        if kind is not None and issubclass(kind, database_errors("DatabaseError")):
            raise StoreError(f"cannot read {self.store.file}: {error}") from None
