"""Writing export files safely: whole or not at all, readable only by their owner."""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from pathlib import Path

from diary.domain import DiaryError, ValidationError

STDOUT = Path("-")  # `-o -`: the file goes to standard output
_NOT_FILES = ("/dev/", "/proc/")  # where a link leads to a device or a process's stream


class ExportError(DiaryError):
    """An export could not be written where it was asked to go."""


TO_STDOUT = STDOUT  # the actions that hand text back for `-o -` name it so


def check_target(path: Path, *, protect: Path | None = None, replace: bool = False) -> Path:
    """Refuse (as bad input) a target that is a folder, sits in a missing or read-only folder,
    is the diary database or one of its -wal, -shm, -journal files, exists and is not a
    regular file (a FIFO, a device, /dev/stdout: replacing one would break it), or is a
    file that is there already unless told to replace it. A link to a regular file is
    followed: the file it points to is written. `-` is standard output."""
    if path == STDOUT:
        return path
    path = _expanded(path)
    check_reachable(path, "output file")
    _refuse_special(path)
    if path.is_symlink():
        path = path.resolve()
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


def check_reachable(path: Path, field: str, what: str = "a file") -> None:
    """Refuse a name the file system cannot look up at all: too long, or a loop of links
    (pathlib's own checks raise on those rather than answer)."""
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:
            accepted = "a name the file system can hold (this one is too long)"
        elif error.errno == errno.ELOOP:
            accepted = f"{what}, not links that lead round in a loop"
        else:
            return  # absent, or in a folder that is not there: the checks after say which
        raise ValidationError(field, str(path), accepted, key="output") from None


def _expanded(path: Path) -> Path:
    try:
        return path.expanduser()
    except RuntimeError:  # "~nosuchuser/..."
        raise ValidationError(
            "output file", str(path), "a path whose ~user exists", key="output"
        ) from None


def _refuse_special(path: Path) -> None:
    """Refuse, by stat alone (never opening it), a target that is there but is no file."""
    try:
        info = os.stat(path)
    except OSError:
        return  # absent (or unreachable: the folder checks below say why)
    special = not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode)
    if special or any(hop.startswith(_NOT_FILES) for hop in _link_hops(path)):
        raise ValidationError(
            "output file",
            str(path),
            "a regular file (this is a pipe, device or stream; give -o - for standard output)",
            key="output",
        )


def _link_hops(path: Path) -> list[str]:
    """Each link on the way from path to what it names (none when path is no link)."""
    hops: list[str] = []
    here = os.path.abspath(path)
    while os.path.islink(here) and len(hops) < 40:
        hops.append(here)
        here = os.path.join(os.path.dirname(here), os.readlink(here))
    return hops


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
    """Write data to path through a temporary file (0600), so a crash leaves no half file;
    to standard output when path is STDOUT."""
    if path == STDOUT:
        sys.stdout.flush()
        sys.stdout.buffer.write(data.encode("utf-8") if isinstance(data, str) else data)
        sys.stdout.buffer.flush()
        return
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
