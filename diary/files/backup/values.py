"""What a backup's fields may hold: JSON's own types first, then the domain's ranges.

Each check raises the domain's ValidationError naming the field; rows.py adds the table
and the row number.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TypeVar

from diary.domain import ValidationError
from diary.domain import validation as check
from diary.domain.stored import stored_day, stored_moment

# Restore checks ranges but not "is it in the future": a backup must restore on a machine
# whose clock is behind the one that wrote it.
FAR_DAY = dt.date(9999, 12, 30)
FAR_NOW = dt.datetime(9999, 12, 30, 12, 0, tzinfo=dt.UTC)
MAX_ID = 2**63 - 1
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # how a date, and a moment, start
When = TypeVar("When", dt.date, dt.datetime)


def whole(field: str, value: object, low: int, high: int) -> int:
    """A whole number low..high, written as a JSON number."""
    if isinstance(value, str):  # the format stores numbers as JSON numbers, never as text
        raise ValidationError(field, value, f"a whole number {low}-{high} (not text)")
    return check.whole_number(field, value, low, high)


def number(field: str, value: object) -> object:
    """The value unchanged unless it is text; the domain checks its range."""
    if isinstance(value, str):
        raise ValidationError(field, value, "a number (not text)")
    return value


def numbers(row: dict, *fields: str) -> list[object]:
    """The row's values of those fields, in that order, each checked by number()."""
    return [number(field, row[field]) for field in fields]


def text(field: str, value: object, max_chars: int = check.MAX_NOTE_CHARS) -> str:
    """Text up to max_chars characters; null is not text here."""
    if not isinstance(value, str):
        raise ValidationError(field, value, "text")
    return check.text(field, value, max_chars)


def flag(field: str, value: object) -> bool:
    """true or false (also 1 or 0)."""
    if isinstance(value, bool):
        return value
    if value in (0, 1) and isinstance(value, int):
        return bool(value)
    raise ValidationError(field, value, "true or false")


def day(field: str, value: object) -> dt.date:
    """An ISO date, YYYY-MM-DD exactly, in the range the diary stores (domain.stored)."""
    return stored_day(field, value)


def moment(field: str, value: object) -> dt.datetime:
    """An ISO date and time with its UTC offset, as the diary stores one: a time without
    an offset, or with one no time zone uses (-14:00), would break every later comparison."""
    return stored_moment(field, value)


def optional_moment(field: str, value: object) -> str | None:
    """A moment as ISO text, or None for null."""
    return None if value is None else moment(field, value).isoformat()
