"""Opening the diary file: finding it, refusing what is not a diary, creating, migrating."""

from __future__ import annotations

import os
import sqlite3
import sys

from diary.domain import BadPathError, DiaryError, NotADiaryError
from diary.store import cipher, files, paths, schema
from diary.store.connection import Connected, StoreError, connect, database_errors
from diary.store.schema import SCHEMA_VERSION

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import TypeVar

    from diary.store.encrypted import KeySource
    from diary.store.paths import StrPath

    Opened = TypeVar("Opened", bound=Connected)


def expand_user(given: StrPath) -> str:
    """The path with `~` or `~user` expanded, spelled as pathlib spells it; an unknown user
    is refused in one line."""
    expanded = paths.expanded(given)
    if expanded is None:  # where Path.expanduser says "Could not determine home directory."
        raise BadPathError(f"{given}: no such user, so its ~ cannot be expanded")
    return expanded


def data_folder() -> str:
    """The user data folder the diary lives in: platformdirs' user_data_dir("diary").

    On Linux, with an absolute $HOME and $XDG_DATA_HOME absolute or not set (nearly always),
    it is found here, as the XDG spec and every platformdirs 4 release say: $XDG_DATA_HOME/diary,
    else ~/.local/share/diary (importing platformdirs costs a quick log about 7 ms). Anything
    else, a relative $XDG_DATA_HOME among it (releases differ on that one), is platformdirs'
    to say. tests/store/test_opening.py checks both give the same folder."""
    home = os.environ.get("HOME", "")
    xdg = os.environ.get("XDG_DATA_HOME", "")
    android = "ANDROID_DATA" in os.environ or "ANDROID_ROOT" in os.environ
    plain = not xdg.strip() or os.path.isabs(xdg)
    if sys.platform.startswith("linux") and os.path.isabs(home) and plain and not android:
        base = xdg if xdg.strip() else os.path.expanduser("~/.local/share")
        return paths.normal(os.path.join(base, "diary"))
    import platformdirs

    return paths.normal(platformdirs.user_data_dir("diary", appauthor=False))


def default_path() -> str:
    """`DIARY_DB`, or diary.db in the platform's user data folder."""
    env = os.environ.get("DIARY_DB")
    if env:
        return expand_user(env)
    return paths.normal(os.path.join(data_folder(), "diary.db"))


def open_store(
    path: StrPath | None = None,
    key: KeySource | None = None,
    kind: type[Opened] | None = None,
) -> Opened:
    """Open (creating or migrating when needed) the diary database at path. An encrypted
    diary needs its key: key(file salt) gives it (asked only when the file is encrypted).
    kind: the class of what is returned, the whole Store unless a command needs less (a quick
    log opens only the mood records, so it does not load every record type)."""
    if kind is None:
        from diary.store.records import Store

        kind = Store  # type: ignore[assignment]
    target = expand_user(path) if path is not None else default_path()
    if not files.check_path(target):
        folder = paths.folder(target)
        if paths.exists(folder) and not os.path.isdir(folder):
            raise NotADiaryError(f"{folder} is a file, so {paths.name(target)} cannot go in it")
        try:
            made = files.create(target)
        except OSError as error:
            raise StoreError(f"cannot create {target}: {error.strerror or error}") from None
        except sqlite3.Error as error:  # the header could not be written: a full disk
            raise StoreError(f"cannot create {target}: {error}; nothing was made") from None
        fresh = True
    else:
        fresh = made = False
    sidecars = [paths.beside(target, end) for end in ("-wal", "-shm")]
    absent = [side for side in sidecars if not paths.exists(side)]
    try:
        header = files.check_file(target)
        if not fresh and cipher.is_encrypted_header(header):
            salt = header[: cipher.SALT_BYTES]
            from pathlib import Path  # the encrypted diary's code reads paths with pathlib

            from diary.store import encrypted

            db = encrypted.open_encrypted_diary(
                Path(target), salt, key, [Path(side) for side in absent], _connect
            )
            return kind(target, db, made=absent, header=header)
        version = files.file_version(target)
        if version > SCHEMA_VERSION:
            raise files.newer_refusal(target, version)
        if version < SCHEMA_VERSION and not fresh:
            with schema.migration_lock(target):
                if files.file_version(target) < SCHEMA_VERSION:  # not migrated meanwhile
                    schema.copy_before_migration(target, version)
                return kind(target, _connect(target), made=absent, header=header)
        return kind(target, _connect(target), made=absent, header=header)
    except DiaryError:
        if made:  # a new file the schema could not be written into (a full disk): not kept
            for part in (target, *absent):
                paths.unlink(part)
        raise


def _connect(path: StrPath, key: bytes | None = None) -> sqlite3.Connection:
    """A connection to path with its schema brought up to date (tests wrap this one); key:
    an encrypted diary's raw key."""
    try:
        db = connect(path, key)
        schema.migrate(db)
    except database_errors("DatabaseError") as error:
        raise StoreError(f"cannot open {path}: {error}") from None
    return db
