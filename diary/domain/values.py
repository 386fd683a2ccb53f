"""The checks of one typed value: a whole number, a number, a text, a day.

They import nothing but the standard library's lightest modules (not even `re`: the shapes
below are read by hand), so `diary mood 7` checks what was typed with the same rules as
every form without loading the record types.
"""

from __future__ import annotations

import datetime as dt
import math

from diary.domain.errors import ValidationError

SLEEP_HOURS = (0.0, 24.0)
MAX_NOTE_CHARS = 200_000
MAX_SHORT_TEXT = 200  # a name, a clinic, a lot number: one short line
EARLIEST_DAY = dt.date(1900, 1, 1)
_SPACE = " \t\n\r\f\v"  # what the regular expression \s matches in ASCII


def ascii_digits(text: str, most: int | None = None) -> bool:
    """Whether text is one or more of 0-9 (at most `most` of them): never another script's
    digits, which str.isdigit accepts."""
    return bool(text) and text.isascii() and text.isdigit() and (most is None or len(text) <= most)


def _unsigned(text: str) -> str:
    """text without the ASCII space around it and one leading + or -."""
    body = text.strip(_SPACE)
    return body[1:] if body[:1] in ("+", "-") else body


def _whole_number_text(text: str) -> bool:
    """The shape \\s*[+-]?\\d{1,9}\\s* (ASCII): a sign, up to nine digits, space around."""
    return ascii_digits(_unsigned(text), 9)


def _decimal_text(text: str) -> bool:
    """The shape \\s*[+-]?(\\d+(\\.\\d*)?|\\.\\d+)\\s* (ASCII): 7, 7., 7.5 or .5, signed,
    space around."""
    whole, _, fraction = _unsigned(text).partition(".")
    parts = (whole, fraction)
    return bool(whole or fraction) and all(not part or ascii_digits(part) for part in parts)


def whole_number(field: str, value: object, low: int, high: int, *, key: str = "") -> int:
    """A whole number within low..high, from an int or its text."""
    accepted = f"a whole number {low}-{high}"
    if isinstance(value, bool):
        raise ValidationError(field, value, accepted, key=key)
    if isinstance(value, int):
        number = value
    elif (isinstance(value, float) and value.is_integer()) or (
        isinstance(value, str) and _whole_number_text(value)
    ):
        number = int(value)
    else:
        raise ValidationError(field, value, accepted, key=key)
    if not low <= number <= high:
        raise ValidationError(field, value, accepted, key=key)
    return number


def decimal(
    field: str, value: object, low: float, high: float, *, low_open: bool = False, key: str = ""
) -> float:
    """A finite number within low..high (above low when low_open), from a number or text."""
    accepted = (
        f"a number above {low:g} and at most {high:g}"
        if low_open
        else f"a number {low:g}-{high:g}"
    )
    if isinstance(value, bool):
        raise ValidationError(field, value, accepted, key=key)
    if isinstance(value, int | float) or (isinstance(value, str) and _decimal_text(value)):
        number = float(value)
    else:
        raise ValidationError(field, value, accepted, key=key)
    too_low = number <= low if low_open else number < low
    if not math.isfinite(number) or number > high or too_low:
        raise ValidationError(field, value, accepted, key=key)
    return number + 0.0  # -0 typed is 0: never shown back as "-0"


def text(field: str, value: object, max_chars: int = MAX_NOTE_CHARS, *, key: str = "") -> str:
    """Free text up to max_chars characters; kept exactly as typed."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(field, value, "text", key=key)
    if len(value) > max_chars:
        raise ValidationError(
            field, f"{len(value)} characters", f"at most {max_chars:,} characters", key=key
        )
    try:  # a byte that is not UTF-8 in argv arrives as a lone surrogate SQLite cannot store
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(value[error.start])
        what = f"byte 0x{code - 0xDC00:02X}" if 0xDC80 <= code <= 0xDCFF else f"U+{code:04X}"
        raise ValidationError(
            field,
            f"text with {what} at character {error.start + 1}",
            "UTF-8 text (is the terminal set to UTF-8?)",
            key=key,
        ) from None
    return value


def day(field: str, value: object, today: dt.date, *, key: str = "") -> dt.date:
    """A calendar day: ISO date, 'today' or 'yesterday'; not after tomorrow."""
    accepted = "an ISO date (YYYY-MM-DD), 'today' or 'yesterday', at most one day ahead"
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        parsed = value
    elif isinstance(value, str):
        word = value.strip().casefold()
        if word == "today":
            parsed = today
        elif word == "yesterday":
            parsed = today - dt.timedelta(days=1)
        else:
            try:
                parsed = dt.date.fromisoformat(value.strip())
            except ValueError:
                raise ValidationError(field, value, accepted, key=key) from None
    else:
        raise ValidationError(field, value, accepted, key=key)
    if parsed > today + dt.timedelta(days=1) or parsed < EARLIEST_DAY:
        raise ValidationError(field, value, accepted, key=key)
    return parsed
