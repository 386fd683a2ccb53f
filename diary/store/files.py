"""The diary file itself: refusing, untouched, a file that is not a diary, and creating one.

Every check here reads the file without writing it, so a refused file keeps its bytes, its
modification time and its folder as they were.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat

from diary.domain import BadPathError, NotADiaryError
from diary.store import paths
from diary.store.cipher import is_encrypted_header
from diary.store.connection import StoreError, held_header
from diary.store.schema import (
    SCHEMA_FINGERPRINT,
    SCHEMA_VERSION,
    SchemaObject,
    fingerprint,
    schema_differences,
    schema_objects,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`diary mood`)
if TYPE_CHECKING:
    from collections.abc import Sequence

    from diary.store.paths import StrPath

APPLICATION_ID = 0x44494159  # "DIAY": stamped in every diary file's header
SQLITE_MAGIC = b"SQLite format 3\x00"


_KINDS = (
    (stat.S_ISFIFO, "named pipe (FIFO)"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)


def check_path(path: StrPath) -> bool:
    """Refuse a path that cannot be a diary file, without opening it; True when it exists.

    Only stat is used: a FIFO, socket or device is never opened, since reading one can
    block forever or consume what another program wrote to it.
    """
    file_name = paths.name(path)
    if not file_name or file_name == "..":
        raise BadPathError(f"{path} names no file; give a file path such as ~/diary.db", key="db")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise BadPathError(
                f"{path} is a link to {os.readlink(path)}, which does not exist", key="db"
            ) from None
        return False
    except NotADirectoryError:
        raise NotADiaryError(
            f"{paths.folder(path)} is a file, so {file_name} cannot go in it"
        ) from None
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            raise BadPathError(
                f"{_short(path)}: the name is too long for the file system", key="db"
            ) from None
        raise StoreError(f"cannot look at {path}: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise NotADiaryError(f"{path} is a folder, not a diary database; give a file path")
    for test, kind in _KINDS:
        if test(info.st_mode):
            raise NotADiaryError(f"{path} is a {kind}, not a diary database; not opened")
    if not stat.S_ISREG(info.st_mode):
        raise NotADiaryError(f"{path} is not a regular file, not a diary database; not opened")
    return True


def tighten_mode(path: StrPath) -> int | None:
    """Make an existing diary file (and a -wal or -shm beside it) its owner's alone when its
    group or others could read or write it, keeping the owner's bits (a read-only file stays
    read-only); returns the mode the file had, or None when nothing was changed. A file of
    another user is left as it is."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    mode = stat.S_IMODE(info.st_mode)
    getuid = getattr(os, "getuid", None)  # not on Windows, where modes mean little
    if not mode & 0o077 or getuid is None or info.st_uid != getuid():
        return None
    for part in (path, paths.beside(path, "-wal"), paths.beside(path, "-shm")):
        try:
            os.chmod(part, stat.S_IMODE(os.stat(part).st_mode) & 0o700)
        except OSError:  # a sidecar not there; a file system that keeps no modes
            if part is path:
                return None
    return mode


def _listed(items: list[str], most: int = 3) -> str:
    """The first few items, and how many more: one line however damaged the file."""
    shown = ", ".join(items[:most])
    return shown if len(items) <= most else f"{shown} and {len(items) - most} more"


def _short(path: StrPath) -> str:
    """A path short enough for one line: both ends kept."""
    text = str(path)
    return text if len(text) <= 120 else text[:57] + "..." + text[-60:]


def _read_header(path: StrPath) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(100)


def check_file(path: StrPath) -> bytes:
    """Refuse, without writing, a path that is not a diary database this version can open;
    returns the header it read (so the file is opened by Python once: closing a second
    handle on it would drop the POSIX locks SQLite holds on it in this process)."""
    check_path(path)
    try:
        # a file this process has open already was checked then, and must not be reopened
        header = held_header(path) or _read_header(path)
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


def newer_refusal(path: StrPath, version: int) -> NotADiaryError:
    """The refusal of a file whose schema version is newer than this diary knows."""
    return NotADiaryError(
        f"{path} was written by a newer diary (schema {version}, this one knows "
        f"{SCHEMA_VERSION}); update diary to open it; left untouched"
    )


def file_version(path: StrPath) -> int:
    """The schema version, once the file's schema is exactly the one of that version.

    Read through a read-only connection (it sees a pending WAL too), so a file with a
    trigger, view, index or table the diary did not create, or lacking one it did, is
    refused before anything is written to it.
    """
    sidecars = [paths.beside(path, end) for end in ("-wal", "-shm")]
    made = [side for side in sidecars if not paths.exists(side)]
    try:
        probe = sqlite3.connect(f"{paths.file_uri(path)}?mode=ro", uri=True)
        try:
            probe.execute("PRAGMA trusted_schema = OFF")
            probe.execute("PRAGMA schema_version").fetchone()
            version = int(probe.execute("PRAGMA user_version").fetchone()[0])
            found = schema_objects(probe)
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        remove_made(made)
        name = getattr(error, "sqlite_errorname", "")
        if name.startswith("SQLITE_READONLY") or (
            name.startswith("SQLITE_CANTOPEN") and read_only_folder(path)
        ):  # WAL needs -wal and -shm beside the file
            raise StoreError(
                f"cannot open {path}: its folder is read-only, and the diary needs to write "
                f"{paths.name(path)}-wal and {paths.name(path)}-shm beside it; nothing was read "
                "or written"
            ) from None
        if name.startswith(("SQLITE_IOERR", "SQLITE_FULL", "SQLITE_CANTOPEN")):
            raise StoreError(
                f"cannot open {path}: {error} (is the disk full?); nothing was read or written"
            ) from None
        raise NotADiaryError(
            f"{path} cannot be read as a database ({error}); left untouched"
        ) from None
    if version <= SCHEMA_VERSION:
        try:
            check_schema(path, found, version)
        except NotADiaryError:
            remove_made(made)
            raise
    return version


def remove_made(made: Sequence[StrPath]) -> None:
    """Remove the -wal and -shm a refused probe made; one it could not make (a read-only
    folder or file system) is not there to remove, and unlinking it there fails (EROFS)."""
    for side in made:
        if paths.exists(side):
            paths.unlink(side)


def read_only_folder(path: StrPath) -> bool:
    """True when nothing can be written beside path (a read-only folder or file system)."""
    folder = os.path.dirname(os.path.abspath(path))
    return not os.access(folder, os.W_OK)


def check_schema(path: StrPath, found: frozenset[SchemaObject], version: int) -> None:
    """Refuse a file whose tables, indexes, triggers or views are not exactly its version's."""
    if version == SCHEMA_VERSION and fingerprint(found) == SCHEMA_FINGERPRINT:
        return
    extra, missing = schema_differences(found, version)
    changed = sorted(set(extra) & set(missing))
    extra = [item for item in extra if item not in changed]
    missing = [item for item in missing if item not in changed]
    if extra:
        raise NotADiaryError(
            f"{path} has objects this diary did not create: {_listed(extra)}; left untouched"
        )
    if changed:
        raise NotADiaryError(
            f"{path} has {_listed(changed)} changed from what this diary created; left untouched"
        )
    if missing:
        raise NotADiaryError(
            f"{path} lacks parts of a schema {version} diary: {_listed(missing)}; left untouched"
        )


def create(path: StrPath) -> bool:
    """Make a new, stamped, empty diary file atomically; never replace one that appeared.

    True when this call made it (False: another process made it meanwhile)."""
    folder = paths.folder(path)
    if not paths.exists(folder):
        os.makedirs(folder, mode=0o700)  # the folders above it are made as mkdir -p makes them
    import tempfile  # only for a new file: an everyday save does not pay for it

    handle, temp_name = tempfile.mkstemp(prefix=".diary-new-", dir=folder)
    os.close(handle)
    temp = temp_name
    try:
        os.chmod(temp, 0o600)
        db = sqlite3.connect(temp, isolation_level=None)
        try:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute("PRAGMA journal_mode = WAL")
        finally:
            db.close()
        try:
            os.link(temp, path)
        except FileExistsError:  # another process created it meanwhile: keep theirs
            return False
        return True
    finally:
        paths.unlink(temp)
