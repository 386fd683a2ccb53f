"""Reading a backup file and checking all of it: the file, its header, then its tables.

Nothing is written until this has passed: a bad file is refused with one line naming
the problem. rows.py checks the tables, row by row, with the domain's own validation.
"""

from __future__ import annotations

import json
import stat
from collections.abc import Callable
from pathlib import Path

from diary.files.backup import age
from diary.files.backup.format import (
    COLUMNS,
    FORMAT,
    FORMAT_VERSION,
    NEW_IN_V2,
    SESSION_DEFAULTS_V1,
    Backup,
    BackupError,
)
from diary.files.backup.rows import read_tables
from diary.store import SCHEMA_VERSION

MAX_BYTES = 256 * 1024 * 1024  # years of a diary take a few MB; this is far beyond any real one
TOP_KEYS = ("format", "format_version", "schema_version", "written_by", "tables")


def _refuse(path: Path, reason: str) -> BackupError:
    return BackupError(f"{path}: {reason}; nothing was restored")


def _load_json(path: Path, ask: Callable[[], str] | None = None) -> object:
    try:
        if path.is_dir():
            raise _refuse(path, "is a folder, not a backup file")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would wait forever, /dev/zero never ends
            raise _refuse(path, "is a pipe, device or socket, not a backup file; not opened")
        size = info.st_size
        if size > MAX_BYTES:
            raise _refuse(
                path,
                f"is {size:,} bytes; a diary backup is at most {MAX_BYTES:,} bytes",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise _refuse(path, "does not exist") from None
    except OSError as error:
        raise _refuse(path, f"cannot be read ({error.strerror or error})") from None
    if age.is_age(data):
        if ask is None:
            raise _refuse(path, "is an age-encrypted backup; its passphrase is needed")
        try:
            data = age.decrypt(data, ask())
        except BackupError as error:
            raise _refuse(path, str(error)) from None
    if not data.strip():
        raise _refuse(path, "is empty, not a diary backup")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _refuse(
            path, f"is not a diary backup (not UTF-8 text: bad byte at offset {error.start})"
        ) from None
    del data
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        # near the end (a cut keyword like `nul` is reported at its start) or in a string
        near_end = len(text.rstrip()) - error.pos <= 5
        if near_end or error.msg.startswith("Unterminated string"):
            reason = (
                f"ends early at line {error.lineno} column {error.colno}: the file is "
                "truncated or incomplete"
            )
        else:
            reason = f"is not valid JSON ({error.msg} at line {error.lineno} column {error.colno})"
        raise _refuse(path, reason) from None
    except RecursionError:
        raise _refuse(path, "is not a diary backup (JSON nested too deeply)") from None
    except ValueError as error:  # e.g. an integer with thousands of digits
        raise _refuse(path, f"is not valid JSON ({error})") from None


def read_backup(path: Path, ask: Callable[[], str] | None = None) -> Backup:
    """Read and fully check a backup file (plain JSON, or age-encrypted: ask gives its
    passphrase); raises BackupError naming what is wrong."""
    document = _load_json(path, ask)
    try:
        return parse_backup(document)
    except BackupError as error:
        raise _refuse(path, str(error)) from None


def parse_backup(document: object) -> Backup:
    """Check a parsed backup document in full; raises BackupError on the first problem."""
    schema, tables = _header(document)
    return Backup(schema, read_tables(tables))


def _version(document: dict, key: str, known: int, verb: str) -> int:
    """document[key] as a version number this diary can read, or a BackupError naming it."""
    version = document.get(key)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise BackupError(f"{key} {version!r} is not a version number")
    if version > known:
        raise BackupError(
            f"was written by a newer diary ({key} {version}; this diary {verb} {known}); "
            "update diary to restore it"
        )
    return version


def _header(document: object) -> tuple[int, dict]:
    """The schema version and the tables of a document that is a backup this diary reads."""
    if not isinstance(document, dict) or "format" not in document:
        raise BackupError(f'is JSON but not a diary backup (no "format": "{FORMAT}")')
    if document["format"] != FORMAT:
        raise BackupError(
            f"is JSON but not a diary backup (format is {document['format']!r}, "
            f"expected {FORMAT!r})"
        )
    format_version = _version(document, "format_version", FORMAT_VERSION, "reads")
    schema = _version(document, "schema_version", SCHEMA_VERSION, "knows")
    unknown = [k for k in document if k not in TOP_KEYS]
    if unknown:
        raise BackupError(f"has unknown top-level key {unknown[0]!r}")
    if "written_by" in document and not isinstance(document["written_by"], str):
        raise BackupError("written_by is not text")
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise BackupError('has no "tables" object')
    if format_version == 1:
        tables = version_1_tables(tables)
    for name in COLUMNS:
        if name not in tables:
            raise BackupError(f"tables.{name} is missing")
    unknown = [k for k in tables if k not in COLUMNS]
    if unknown:
        raise BackupError(f"has unknown table {unknown[0]!r}")
    return schema, tables


def version_1_tables(tables: dict) -> dict:
    """A format-1 backup's tables as format 2 has them: sessions with the clinic fields
    empty (not told), and no medicine events or mornings after. A format-1 row that has a
    format-2 field already is left as it is, so the check refuses it."""
    for name in NEW_IN_V2:
        if name in tables:
            raise BackupError(f"has unknown table {name!r} (format_version 1 has none)")
    sessions = tables.get("sessions")
    upgraded = dict(tables)
    if isinstance(sessions, list):
        upgraded["sessions"] = [
            {**SESSION_DEFAULTS_V1, **row}
            if isinstance(row, dict) and not set(row) & set(SESSION_DEFAULTS_V1)
            else row
            for row in sessions
        ]
    return upgraded | {name: [] for name in NEW_IN_V2}
