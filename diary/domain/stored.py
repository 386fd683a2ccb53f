"""What a stored or restored value may hold: the typed-input rules without "not in the future".

The diary file and a backup hold days and moments as ISO text. Every reader (the store,
a restore) checks them here, so a value that would break a later computation (a day past
what the date type can step over, a moment without an offset, an offset no place uses) is
named where it is read instead of crashing a report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from diary.domain.errors import ValidationError
from diary.domain.values import EARLIEST_DAY, ascii_digits

LATEST_DAY = dt.date(9000, 12, 31)  # far enough for any diary, far from the date type's end
LOWEST_OFFSET = dt.timedelta(hours=-12)  # the offsets the world's time zones use
HIGHEST_OFFSET = dt.timedelta(hours=14)


def _day_shape(text: str) -> bool:
    """The shape \\d{4}-\\d{2}-\\d{2} (ASCII digits), read without `re` (`diary mood`)."""
    return (
        len(text) == 10
        and text[4] == text[7] == "-"
        and all(ascii_digits(part) for part in (text[:4], text[5:7], text[8:]))
    )


def _moment_shape(text: str) -> bool:
    """The shape dddd-dd-dd[T ]dd:dd(:dd(.d{1,6})?)?([+-]dd:dd|Z), d an ASCII digit."""
    if len(text) < 17 or not _day_shape(text[:10]) or text[10] not in ("T", " "):
        return False
    if text[13] != ":" or not ascii_digits(text[11:13]) or not ascii_digits(text[14:16]):
        return False
    rest = text[16:]
    if rest.endswith("Z"):
        seconds = rest[:-1]
    elif len(rest) >= 6 and rest[-6] in ("+", "-") and rest[-3] == ":":
        if not (ascii_digits(rest[-5:-3]) and ascii_digits(rest[-2:])):
            return False
        seconds = rest[:-6]
    else:
        return False
    whole, dot, fraction = seconds[3:].partition(".")
    return not seconds or (
        seconds[0] == ":"
        and len(seconds) >= 3
        and ascii_digits(seconds[1:3])
        and not whole
        and (not dot or ascii_digits(fraction, 6))
    )


TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`diary mood`)
if TYPE_CHECKING:
    from enum import Enum
    from typing import TypeVar

    Choice = TypeVar("Choice", bound=Enum)
    Parsed = TypeVar("Parsed")


def _iso(
    field: str,
    value: object,
    shape: Callable[[str], bool],
    parse: Callable[[str], Parsed],
    accepted: str,
) -> Parsed:
    """value parsed, if it is text of the shape that parse takes; else the error saying what
    is accepted."""
    if not isinstance(value, str) or not shape(value):
        raise ValidationError(field, value, accepted)
    try:
        return parse(value)
    except ValueError:
        raise ValidationError(field, value, accepted) from None


def stored_day(field: str, value: object) -> dt.date:
    """An ISO date YYYY-MM-DD, from EARLIEST_DAY to LATEST_DAY."""
    accepted = f"an ISO date YYYY-MM-DD from {EARLIEST_DAY} to {LATEST_DAY}"
    parsed = _iso(field, value, _day_shape, dt.date.fromisoformat, accepted)
    if not EARLIEST_DAY <= parsed <= LATEST_DAY:
        raise ValidationError(field, value, accepted)
    return parsed


def stored_moment(field: str, value: object) -> dt.datetime:
    """An ISO date and time with its UTC offset (-12:00 to +14:00), on a day in range."""
    accepted = (
        "an ISO date and time with its UTC offset like 2026-11-20T09:30:00+01:00, "
        f"from {EARLIEST_DAY} to {LATEST_DAY}"
    )
    parsed = _iso(field, value, _moment_shape, dt.datetime.fromisoformat, accepted)
    offset = parsed.utcoffset()
    if offset is None or not LOWEST_OFFSET <= offset <= HIGHEST_OFFSET:
        raise ValidationError(field, value, accepted)
    if not EARLIEST_DAY <= parsed.date() <= LATEST_DAY:
        raise ValidationError(field, value, accepted)
    return parsed


def stored_choice(field: str, value: object, choices: type[Choice]) -> Choice:
    """One of an enum's stored values, exactly as the diary writes it."""
    for choice in choices:
        if value == choice.value and type(value) is type(choice.value):
            return choice
    accepted = "one of " + ", ".join(str(c.value) for c in choices)
    raise ValidationError(field, value, accepted)
