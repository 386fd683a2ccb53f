"""A damaged row: its error, and the rules each column's stored value is read through.

The rule builders, a day's mood rules and a setting's need only the one-value checks, so the
quick log reads the day it replaces, and the app's first frame its theme, through the same
rules as `diary check` without loading them all.
"""

from __future__ import annotations

from diary.domain import ValidationError, values
from diary.domain.stored import stored_day, stored_moment
from diary.domain.values import MAX_NOTE_CHARS, MAX_SHORT_TEXT
from diary.store.connection import StoreError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    Rule = Callable[[str, object], object]


class DamagedRowError(StoreError):
    """A stored row that breaks the diary's rules (exit 1); points to `diary check`."""

    def __init__(self, table: str, row_id: object, column: str, value: object, accepted: str):
        self.table = table
        self.row_id = row_id
        self.column = column
        self.value = value
        self.accepted = accepted
        super().__init__(f"{self.what}; run `diary check` to list every damaged row")

    @property
    def what(self) -> str:
        """The damage in words: 'moods row 3: mood holds 'seven', not a whole number 0-10'."""
        return (
            f"damaged row: {self.table} row {self.row_id}: {self.column} holds "
            f"{_shown(self.value)}, not {self.accepted}"
        )


def _shown(value: object) -> str:
    """The value as Python writes it (control characters escaped), both ends if long."""
    text = repr(value)
    return text if len(text) <= 80 else text[:38] + "..." + text[-38:]


def whole(low: int, high: int) -> Rule:
    def rule(field: str, value: object) -> object:
        if type(value) is not int:
            raise ValidationError(field, value, f"a whole number {low}-{high}")
        return values.whole_number(field, value, low, high)

    return rule


def number(low: float, high: float, *, low_open: bool = False) -> Rule:
    def rule(field: str, value: object) -> object:
        if type(value) not in (int, float):
            raise ValidationError(field, value, f"a number {low:g}-{high:g}")
        return values.decimal(field, value, low, high, low_open=low_open)

    return rule


def text(max_chars: int = MAX_NOTE_CHARS) -> Rule:
    def rule(field: str, value: object) -> object:
        if not isinstance(value, str):
            raise ValidationError(field, value, "text")
        return values.text(field, value, max_chars)

    return rule


def flag(field: str, value: object) -> object:
    if value not in (0, 1) or type(value) is not int:
        raise ValidationError(field, value, "0 or 1")
    return bool(value)


def optional(rule: Rule) -> Rule:
    def optional(field: str, value: object) -> object:
        return None if value is None else rule(field, value)

    return optional


_SCORE = whole(0, 10)

MOOD_RULES: Mapping[str, Rule] = {
    "day": stored_day,
    "mood": _SCORE,
    "anxiety": optional(_SCORE),
    "sleep_hours": optional(number(*values.SLEEP_HOURS)),
    "note": text(),
    "updated_at": stored_moment,
}

SETTINGS_RULES: Mapping[str, Rule] = {"key": text(MAX_SHORT_TEXT), "value": text()}


def decoded_by(
    rules: Mapping[str, Rule],
    table: str,
    row_id: object,
    columns: Sequence[str],
    row: Sequence[object],
) -> dict:
    """The row's values by column, each read through its rule; raises DamagedRowError."""
    found = {}
    for column, value in zip(columns, row, strict=True):
        try:
            found[column] = rules[column](column, value)
        except ValidationError as error:
            raise DamagedRowError(table, row_id, column, value, error.accepted) from None
    return found
