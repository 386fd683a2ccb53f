"""Writing export files safely: whole or not at all, readable only by their owner."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from diary.domain import DiaryError, ValidationError


class ExportError(DiaryError):
    """An export could not be written where it was asked to go."""


TO_STDOUT = Path("-")  # `-o -`: text goes to standard output, no file is written


def check_target(path: Path, *, protect: Path | None = None, replace: bool = False) -> Path:
    """Refuse (as bad input) a target that is a folder, sits in a missing or read-only folder,
    or is the diary database or one of its -wal, -shm, -journal files; and a file that is
    there already unless told to replace it."""
    path = path.expanduser()
    if path.is_dir():
        raise ValidationError("output file", str(path), "a file name, not a folder", key="output")
    if not path.parent.is_dir():
        raise ValidationError(
            "output file", str(path), "a file in an existing folder", key="output"
        )
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise ValidationError(
            "output file", str(path), "a file in a folder you can write to", key="output"
        )
    if protect is not None and _is_part_of(path, protect):
        raise ValidationError(
            "output file", str(path), "a file other than the diary database itself", key="output"
        )
    if path.exists() and not replace:
        raise ValidationError(
            "output file",
            str(path),
            "a file that is not there yet (--force replaces it)",
            key="output",
        )
    return path


def _is_part_of(path: Path, database: Path) -> bool:
    """True when path is the database or one of SQLite's files beside it (any case)."""
    for part in (database, *(database.with_name(database.name + s) for s in SIDE_FILES)):
        if path.exists() and part.exists() and os.path.samefile(path, part):
            return True
        if path.resolve().as_posix().casefold() == part.resolve().as_posix().casefold():
            return True
    return False


SIDE_FILES = ("-wal", "-shm", "-journal")


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write data to path through a temporary file (0600), so a crash leaves no half file."""
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as error:
        raise ExportError(f"cannot write in {path.parent}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data.encode("utf-8") if isinstance(data, str) else data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp_name, 0o600)
        os.replace(temp_name, path)
    except OSError as error:
        Path(temp_name).unlink(missing_ok=True)
        raise ExportError(f"cannot write {path}: {error.strerror or error}") from None
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
