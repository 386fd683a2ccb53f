"""What a crash of the app leaves: a short report without health data, and one line.

Textual's own handler prints a traceback with every frame's local variables, so a
person's mood entries and notes would land in the terminal's scrollback. The report keeps
only where the code stopped: the exception's type and each frame's file, line and
function; never a message or a value, which may quote an entry.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import traceback
from pathlib import Path

from diary.domain import DiaryError


class AppCrashed(DiaryError):
    """The app stopped on an internal error (exit 1); its report was written where it says."""


def write_report(error: BaseException, folder: Path) -> Path:
    """The report as a 0600 file in folder (the system's temporary folder if that fails)."""
    frames = traceback.extract_tb(error.__traceback__)
    lines = [
        f"diary crashed at {dt.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"error: {type(error).__module__}.{type(error).__qualname__}",
        "where (innermost last):",
        *(f"  {Path(f.filename).name}:{f.lineno} in {f.name}" for f in frames),
        "",
        "No message, value or local variable is kept: they may hold diary entries.",
    ]
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    for place in (folder, Path(tempfile.gettempdir())):
        try:
            handle, name = tempfile.mkstemp(
                prefix=f"diary-crash-{stamp}-", suffix=".txt", dir=place
            )
        except OSError:
            continue
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write("\n".join(lines) + "\n")
        return Path(name)
    raise AppCrashed("the app stopped on an internal error; no report could be written")


def crashed(error: BaseException, folder: Path) -> AppCrashed:
    """The one line a crash ends with, naming the report."""
    where = write_report(error, folder)
    return AppCrashed(
        f"the app stopped on an internal error ({type(error).__name__}); nothing typed since "
        f"the last save was kept; a short report without health data is in {where}"
    )
