"""Every stored row read through the domain's rules: a damaged one is named, never crashed on.

A row the diary wrote always passes. One changed by another program, a bad disk or a bad
restore (a mood of "seven", a route the code does not know, a time it cannot read, a note
stored as bytes) raises DamagedRowError naming the table, the row, the column and the
value; `diary check` lists every such row.
"""

from __future__ import annotations

from diary.domain import ValidationError
from diary.domain.stored import stored_choice, stored_day, stored_moment
from diary.store.damage import (
    MOOD_RULES,
    SETTINGS_RULES,
    DamagedRowError,
    decoded_by,
    flag,
    number,
    optional,
    text,
    whole,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from diary import domain
    from diary.store.damage import Rule


def _choice(choices: type) -> Rule:
    return lambda field, value: stored_choice(field, value, choices)


# A mood's and a setting's rules need only one-value checks; the other tables' name the
# domain's record types and limits, whose dataclasses and enums would cost the app's first
# paint (Today reads only moods and its theme), so they are made when first asked for.
_RULES: dict[str, Mapping[str, Rule]] = {"moods": MOOD_RULES, "settings": SETTINGS_RULES}


def rules(table: str) -> Mapping[str, Rule]:
    """The rules of the table's columns."""
    if table not in _RULES:
        _RULES.update(_all_rules())
    return _RULES[table]


def _all_rules() -> dict[str, Mapping[str, Rule]]:
    from diary import domain
    from diary.domain import validation as check
    from diary.domain.clinic import MAX_DEVICES
    from diary.domain.medicine_input import MAX_MEDICINE_DOSE, MAX_NAME_CHARS, MAX_UNIT_CHARS
    from diary.domain.medicines import MedicineChange, MedicineClass

    ident = whole(1, 2**63 - 1)
    minutes = optional(whole(*check.MINUTES))
    name = text(MAX_NAME_CHARS)
    dose = optional(number(0, MAX_MEDICINE_DOSE, low_open=True))

    return {
        "symptoms": {
            "key": text(60),
            "label": text(check.MAX_SHORT_TEXT),
            "builtin": flag,
            "hidden": flag,
            "position": whole(-(2**62), 2**62),
        },
        "sessions": {
            "id": ident,
            "started_at": stored_moment,
            "day": stored_day,
            "route": _choice(domain.Route),
            "dose_mg": optional(number(0, check.MAX_DOSE_MG, low_open=True)),
            "dose_mg_per_kg": optional(number(0, check.MAX_DOSE_MG_PER_KG, low_open=True)),
            "weight_kg": optional(number(*check.WEIGHT_KG)),
            "duration_min": minutes,
            "phase": optional(_choice(domain.Phase)),
            "clinic": text(check.MAX_SHORT_TEXT),
            "note": text(),
            "lot": text(check.MAX_SHORT_TEXT),
            "observed_min": minutes,
            "ready_after_min": minutes,
            "noted_sedation": _choice(domain.Told),
            "noted_dissociation": _choice(domain.Told),
            "noted_breathing": _choice(domain.Told),
            "home_with": text(check.MAX_SHORT_TEXT),
            "devices": optional(whole(1, MAX_DEVICES)),
        },
        "vitals": {
            "id": ident,
            "session_id": optional(ident),
            "taken_at": optional(stored_moment),
            "label": _choice(domain.VitalLabel),
            "systolic": whole(*check.SYSTOLIC),
            "diastolic": whole(*check.DIASTOLIC),
            "heart_rate": optional(whole(*check.HEART_RATE)),
            "spo2": optional(whole(*check.SPO2)),
        },
        "side_effects": {
            "session_id": ident,
            "symptom": text(60),
            "severity": _choice(domain.Severity),
            "onset_min": minutes,
            "duration_min": minutes,
            "note": text(),
        },
        "checkins": {"id": ident, "kind": _choice(domain.CheckinKind), "day": stored_day},
        "checkin_answers": {"checkin_id": ident, "item": whole(1, 100), "answer": whole(0, 3)},
        "medicine_events": {
            "id": ident,
            "name": name,
            "day": stored_day,
            "event": _choice(MedicineChange),
            "class": _choice(MedicineClass),
            "dose": dose,
            "unit": text(MAX_UNIT_CHARS),
            "schedule": text(check.MAX_SHORT_TEXT),
        },
        "session_medicines": {
            "session_id": ident,
            "name": name,
            "class": _choice(MedicineClass),
            "dose": dose,
            "unit": text(MAX_UNIT_CHARS),
            "schedule": text(check.MAX_SHORT_TEXT),
            "since": stored_day,
        },
        "morning_after": {"session_id": ident, "rated_at": stored_moment, "note": text()},
        "morning_after_ratings": {
            "session_id": ident,
            "symptom": text(60),
            "severity": _choice(domain.Severity),
        },
    }


def decoded(table: str, row_id: object, columns: Sequence[str], row: Sequence[object]) -> dict:
    """The row's values by column, each read through its rule; raises DamagedRowError."""
    values = decoded_by(rules(table), table, row_id, columns, row)
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
        from diary.domain.values import decimal

        try:
            decimal("default_weight_kg", values["value"], 0, 1000)  # as a restore allows
        except ValidationError as error:
            raise DamagedRowError(
                table, row_id, "value of default_weight_kg", values["value"], error.accepted
            ) from None


def check_answers(checkin_id: int, kind: domain.CheckinKind, items: Sequence[int]) -> None:
    """Refuse a check-in whose answer rows are not items 1..n, each once."""
    from diary.domain.questionnaires import questionnaire

    count = len(questionnaire(kind).items)
    if sorted(items) != list(range(1, count + 1)):
        raise DamagedRowError(
            "checkins", checkin_id, "answers", sorted(items), f"answers to items 1-{count}"
        )
