"""The exceptions every layer raises; the faces turn them into one line."""

from __future__ import annotations

import datetime as dt


class DiaryError(Exception):
    """Anything the diary refuses or cannot do; `str()` is the one-line reason."""

    exit_code = 1


class ValidationError(DiaryError):
    """A value a person typed is outside what the diary accepts (exit 2)."""

    exit_code = 2

    def __init__(self, field: str, value: object, accepted: str) -> None:
        self.field = field
        self.value = value
        self.accepted = accepted
        if isinstance(value, dt.date):  # a day or moment reads as ISO, not as its repr
            shown = value.isoformat()
        else:
            shown = value if isinstance(value, str) else repr(value)
        if isinstance(shown, str) and len(shown) > 120:  # keep both ends: a path's file name
            shown = shown[:57] + "..." + shown[-60:]
        super().__init__(f"{field}: {shown!r} is not accepted; expected {accepted}")


class NotADiaryError(DiaryError):
    """The file exists but is not a diary database this version understands (exit 1)."""


class NotFoundError(DiaryError):
    """A record asked for by id or date does not exist (exit 2: the id was bad input)."""

    exit_code = 2
