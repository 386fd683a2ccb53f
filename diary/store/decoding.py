"""Every stored row read through the domain's rules: a damaged one is named, never crashed on.

A row the diary wrote always passes. One changed by another program, a bad disk or a bad
restore (a mood of "seven", a route the code does not know, a time it cannot read, a note
stored as bytes) raises DamagedRowError naming the table, the row, the column and the
value; `diary check` lists every such row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from diary import domain
from diary.domain import ValidationError
from diary.domain import validation as check
from diary.domain.clinic import MAX_DEVICES
from diary.domain.medicine_input import MAX_MEDICINE_DOSE, MAX_NAME_CHARS, MAX_UNIT_CHARS
from diary.domain.medicines import MedicineChange, MedicineClass
from diary.domain.questionnaires import questionnaire
from diary.domain.stored import stored_choice, stored_day, stored_moment
from diary.domain.values import MAX_NOTE_CHARS
from diary.store.connection import StoreError

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


def _whole(low: int, high: int) -> Rule:
    def rule(field: str, value: object) -> object:
        if type(value) is not int:
            raise ValidationError(field, value, f"a whole number {low}-{high}")
        return check.whole_number(field, value, low, high)

    return rule


def _number(low: float, high: float, *, low_open: bool = False) -> Rule:
    def rule(field: str, value: object) -> object:
        if type(value) not in (int, float):
            raise ValidationError(field, value, f"a number {low:g}-{high:g}")
        return check.decimal(field, value, low, high, low_open=low_open)

    return rule


def _text(max_chars: int = MAX_NOTE_CHARS) -> Rule:
    def rule(field: str, value: object) -> object:
        if not isinstance(value, str):
            raise ValidationError(field, value, "text")
        return check.text(field, value, max_chars)

    return rule


def _flag(field: str, value: object) -> object:
    if value not in (0, 1) or type(value) is not int:
        raise ValidationError(field, value, "0 or 1")
    return bool(value)


def _optional(rule: Rule) -> Rule:
    def optional(field: str, value: object) -> object:
        return None if value is None else rule(field, value)

    return optional


def _choice(choices: type) -> Rule:
    return lambda field, value: stored_choice(field, value, choices)


_ID = _whole(1, 2**63 - 1)
_MINUTES = _optional(_whole(*check.MINUTES))
_SCORE = _whole(0, 10)
_NAME = _text(MAX_NAME_CHARS)
_DOSE = _optional(_number(0, MAX_MEDICINE_DOSE, low_open=True))

RULES: Mapping[str, Mapping[str, Rule]] = {
    "settings": {"key": _text(check.MAX_SHORT_TEXT), "value": _text()},
    "symptoms": {
        "key": _text(60),
        "label": _text(check.MAX_SHORT_TEXT),
        "builtin": _flag,
        "hidden": _flag,
        "position": _whole(-(2**62), 2**62),
    },
    "moods": {
        "day": stored_day,
        "mood": _SCORE,
        "anxiety": _optional(_SCORE),
        "sleep_hours": _optional(_number(*check.SLEEP_HOURS)),
        "note": _text(),
        "updated_at": stored_moment,
    },
    "sessions": {
        "id": _ID,
        "started_at": stored_moment,
        "day": stored_day,
        "route": _choice(domain.Route),
        "dose_mg": _optional(_number(0, check.MAX_DOSE_MG, low_open=True)),
        "dose_mg_per_kg": _optional(_number(0, check.MAX_DOSE_MG_PER_KG, low_open=True)),
        "weight_kg": _optional(_number(*check.WEIGHT_KG)),
        "duration_min": _MINUTES,
        "phase": _optional(_choice(domain.Phase)),
        "clinic": _text(check.MAX_SHORT_TEXT),
        "note": _text(),
        "lot": _text(check.MAX_SHORT_TEXT),
        "observed_min": _MINUTES,
        "ready_after_min": _MINUTES,
        "noted_sedation": _choice(domain.Told),
        "noted_dissociation": _choice(domain.Told),
        "noted_breathing": _choice(domain.Told),
        "home_with": _text(check.MAX_SHORT_TEXT),
        "devices": _optional(_whole(1, MAX_DEVICES)),
    },
    "vitals": {
        "id": _ID,
        "session_id": _optional(_ID),
        "taken_at": _optional(stored_moment),
        "label": _choice(domain.VitalLabel),
        "systolic": _whole(*check.SYSTOLIC),
        "diastolic": _whole(*check.DIASTOLIC),
        "heart_rate": _optional(_whole(*check.HEART_RATE)),
        "spo2": _optional(_whole(*check.SPO2)),
    },
    "side_effects": {
        "session_id": _ID,
        "symptom": _text(60),
        "severity": _choice(domain.Severity),
        "onset_min": _MINUTES,
        "duration_min": _MINUTES,
        "note": _text(),
    },
    "checkins": {"id": _ID, "kind": _choice(domain.CheckinKind), "day": stored_day},
    "checkin_answers": {"checkin_id": _ID, "item": _whole(1, 100), "answer": _whole(0, 3)},
    "medicine_events": {
        "id": _ID,
        "name": _NAME,
        "day": stored_day,
        "event": _choice(MedicineChange),
        "class": _choice(MedicineClass),
        "dose": _DOSE,
        "unit": _text(MAX_UNIT_CHARS),
        "schedule": _text(check.MAX_SHORT_TEXT),
    },
    "session_medicines": {
        "session_id": _ID,
        "name": _NAME,
        "class": _choice(MedicineClass),
        "dose": _DOSE,
        "unit": _text(MAX_UNIT_CHARS),
        "schedule": _text(check.MAX_SHORT_TEXT),
        "since": stored_day,
    },
    "morning_after": {"session_id": _ID, "rated_at": stored_moment, "note": _text()},
    "morning_after_ratings": {
        "session_id": _ID,
        "symptom": _text(60),
        "severity": _choice(domain.Severity),
    },
}


def decoded(table: str, row_id: object, columns: Sequence[str], row: Sequence[object]) -> dict:
    """The row's values by column, each read through its rule; raises DamagedRowError."""
    rules = RULES[table]
    values = {}
    for column, value in zip(columns, row, strict=True):
        try:
            values[column] = rules[column](column, value)
        except ValidationError as error:
            raise DamagedRowError(table, row_id, column, value, error.accepted) from None
    _check_row(table, row_id, values)
    return values


def damages(
    table: str, row_id: object, columns: Sequence[str], row: Sequence[object]
) -> list[DamagedRowError]:
    """Every column of the row that breaks its rule (`decoded` stops at the first)."""
    found = []
    for column, value in zip(columns, row, strict=True):
        try:
            decoded(table, row_id, (column,), (value,))
        except DamagedRowError as error:
            found.append(error)
    if not found:
        try:
            decoded(table, row_id, columns, row)
        except DamagedRowError as error:
            found.append(error)
    return found


def _check_row(table: str, row_id: object, values: dict) -> None:
    """The rules that span columns: a session's day is its start's, a weight setting is one."""
    both = {"day", "started_at"} <= values.keys()
    if table == "sessions" and both and values["started_at"].date() != values["day"]:
        raise DamagedRowError(
            table, row_id, "day", values["day"].isoformat(), "the day of started_at"
        )
    if table == "settings" and values.get("key") == "default_weight_kg" and values.get("value"):
        try:
            check.decimal("default_weight_kg", values["value"], 0, 1000)  # as a restore allows
        except ValidationError as error:
            raise DamagedRowError(
                table, row_id, "value of default_weight_kg", values["value"], error.accepted
            ) from None


def check_answers(checkin_id: int, kind: domain.CheckinKind, items: Sequence[int]) -> None:
    """Refuse a check-in whose answer rows are not items 1..n, each once."""
    count = len(questionnaire(kind).items)
    if sorted(items) != list(range(1, count + 1)):
        raise DamagedRowError(
            "checkins", checkin_id, "answers", sorted(items), f"answers to items 1-{count}"
        )
