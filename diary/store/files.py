"""The diary file itself: refusing, untouched, a file that is not a diary, and creating one.

Every check here reads the file without writing it, so a refused file keeps its bytes, its
modification time and its folder as they were.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import suppress
from pathlib import Path

from diary.domain import NotADiaryError
from diary.store.cipher import is_encrypted_header
from diary.store.connection import StoreError
from diary.store.schema import SCHEMA_VERSION

APPLICATION_ID = 0x44494159  # "DIAY": stamped in every diary file's header
SQLITE_MAGIC = b"SQLite format 3\x00"


def _read_header(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(100)


def check_file(path: Path) -> bytes:
    """Refuse, without writing, a path that is not a diary database this version can open;
    returns the header it read (so the file is opened by Python once: closing a second
    handle on it would drop the POSIX locks SQLite holds on it in this process)."""
    if path.is_dir():
        raise NotADiaryError(f"{path} is a folder, not a diary database; give a file path")
    try:
        header = _read_header(path)
    except PermissionError:
        raise NotADiaryError(f"{path} cannot be read (permission denied)") from None
    if not header:
        raise NotADiaryError(f"{path} is an empty file, not a diary database; left untouched")
    if not header.startswith(SQLITE_MAGIC) and is_encrypted_header(header):
        return header  # an encrypted diary: its header is checked once it is opened
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise NotADiaryError(f"{path} is not a diary database (not SQLite); left untouched")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise NotADiaryError(
            f"{path} is an SQLite file of another program, not a diary database; left untouched"
        )
    if int.from_bytes(header[60:64], "big") > SCHEMA_VERSION:
        raise newer_refusal(path, int.from_bytes(header[60:64], "big"))
    return header


def newer_refusal(path: Path, version: int) -> NotADiaryError:
    """The refusal of a file whose schema version is newer than this diary knows."""
    return NotADiaryError(
        f"{path} was written by a newer diary (schema {version}, this one knows "
        f"{SCHEMA_VERSION}); update diary to open it; left untouched"
    )


def file_version(path: Path) -> int:
    """The schema version, read through a read-only connection (sees a pending WAL too)."""
    sidecars = [path.with_name(path.name + end) for end in ("-wal", "-shm")]
    made = [side for side in sidecars if not side.exists()]
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            probe.execute("PRAGMA schema_version").fetchone()
            return int(probe.execute("PRAGMA user_version").fetchone()[0])
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        for side in made:  # the probe's own -wal/-shm: a refused file leaves nothing beside it
            side.unlink(missing_ok=True)
        name = getattr(error, "sqlite_errorname", "")
        if name.startswith("SQLITE_READONLY"):  # WAL needs -wal and -shm beside the file
            raise StoreError(
                f"cannot open {path}: its folder is read-only, and the diary needs to write "
                f"{path.name}-wal and {path.name}-shm beside it; nothing was read or written"
            ) from None
        if name.startswith(("SQLITE_IOERR", "SQLITE_FULL", "SQLITE_CANTOPEN")):
            raise StoreError(
                f"cannot open {path}: {error} (is the disk full?); nothing was read or written"
            ) from None
        raise NotADiaryError(
            f"{path} cannot be read as a database ({error}); left untouched"
        ) from None


def create(path: Path) -> None:
    """Make a new, stamped, empty diary file atomically; never replace one that appeared."""
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
    handle, temp_name = tempfile.mkstemp(prefix=".diary-new-", dir=folder)
    os.close(handle)
    temp = Path(temp_name)
    try:
        os.chmod(temp, 0o600)
        db = sqlite3.connect(temp, isolation_level=None)
        try:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute("PRAGMA journal_mode = WAL")
        finally:
            db.close()
        with suppress(FileExistsError):  # another process created it meanwhile: keep theirs
            os.link(temp, path)
    finally:
        temp.unlink(missing_ok=True)
