"""The exceptions every layer raises; the faces turn them into one line."""

from __future__ import annotations

import datetime as dt


class DiaryError(Exception):
    """Anything the diary refuses or cannot do; `str()` is the one-line reason.

    `key` names the field the refusal is about ("db", "output"), so a face can name it
    its own way (the command line adds the flag).
    """

    exit_code = 1

    def __init__(self, *args: object, key: str = "") -> None:
        super().__init__(*args)
        self.key = key


class ValidationError(DiaryError):
    """A value a person typed is outside what the diary accepts (exit 2).

    `field` names the value in words ("dose in mg"); `key` is the stable name of the field
    ("dose_mg") by which a face finds its own name for it: the CLI adds its flag, the app
    shows its on-screen label.
    """

    exit_code = 2

    def __init__(self, field: str, value: object, accepted: str, *, key: str = "") -> None:
        self.field = field
        self.value = value
        self.accepted = accepted
        self.key = key
        if isinstance(value, dt.date):  # a day or moment reads as ISO, not as its repr
            shown = value.isoformat()
        else:
            shown = value if isinstance(value, str) else repr(value)
        if isinstance(shown, str) and len(shown) > 120:  # keep both ends: a path's file name
            shown = shown[:57] + "..." + shown[-60:]
        self.shown = shown
        self.hint = ""
        super().__init__(self.line(field), key=key)

    @classmethod
    def missing(cls, field: str, hint: str, *, key: str = "") -> ValidationError:
        """A field left empty that must be given, e.g. 'mood: pick a whole number 0-10'."""
        error = cls(field, "", hint, key=key)
        error.hint = hint
        error.args = (error.line(field),)
        return error

    def line(self, name: str) -> str:
        """The one-line reason with the field called `name`."""
        if self.hint:
            return f"{name}: {self.hint}"
        return f"{name}: {self.shown!r} is not accepted; expected {self.accepted}"

    def keyed(self, key: str) -> ValidationError:
        """This error with its field's key set (when the check that raised it had none)."""
        if not self.key:
            self.key = key
        return self


class NotADiaryError(DiaryError):
    """The file exists but is not a diary database this version understands (exit 1)."""


class BadPathError(DiaryError):
    """A path that cannot name a diary file: empty, too long, a dangling link (exit 2)."""

    exit_code = 2


class NotFoundError(DiaryError):
    """A record asked for by id or date does not exist (exit 2: the id was bad input)."""

    exit_code = 2


class LockedError(DiaryError):
    """The diary is encrypted and no key is at hand, nor a terminal to ask for one (exit 1)."""

    def __init__(self, *args: object, key: str = "") -> None:
        super().__init__(*(args or ("the diary is locked: run `diary unlock`",)), key=key)


class AlreadySavedError(DiaryError):
    """A record like the one being saved is already there (exit 2): a second check-in of
    the same kind on a day, a session within minutes of another. Nothing is written until
    the person says to replace it or keep both."""

    exit_code = 2

    def __init__(self, message: str, *, existing_id: int | None) -> None:
        super().__init__(message)
        self.existing_id = existing_id


ANY_SAVED = object()  # a save's `over` when it replaces whatever is saved (see below)


class ChangedElsewhereError(DiaryError):
    """What a form is saving over changed since the form showed it (another window, a
    shell command): nothing is written until the person says to replace it. `saved` is
    what is saved now (None when it was deleted)."""

    def __init__(self, message: str, *, saved: object) -> None:
        super().__init__(message)
        self.saved = saved
