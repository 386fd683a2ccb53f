"""Writing export files safely: whole or not at all, readable only by their owner."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from diary.domain import DiaryError, ValidationError


class ExportError(DiaryError):
    """An export could not be written where it was asked to go."""


def check_target(path: Path, *, protect: Path | None = None) -> Path:
    """Refuse (as bad input) a target that is a folder, sits in a missing folder, or is the
    diary database itself."""
    path = path.expanduser()
    if path.is_dir():
        raise ValidationError("-o", str(path), "a file name, not a folder")
    if not path.parent.is_dir():
        raise ValidationError("-o", str(path), "a file in an existing folder")
    if protect is not None and path.exists() and path.resolve() == protect.resolve():
        raise ValidationError("-o", str(path), "a file other than the diary database itself")
    return path


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write data to path through a temporary file (0600), so a crash leaves no half file."""
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
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
