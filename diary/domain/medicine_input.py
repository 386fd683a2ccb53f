"""Checks for a medicine event a person types, and whether it fits the events saved.

A start needs the medicine not to be current that day, nor to have later events; a
change or a stop needs it current that day and to come on or after its last event.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from diary.domain.errors import ValidationError
from diary.domain.medicines import (
    MedicineChange,
    MedicineClass,
    MedicineEvent,
    medicines_on,
    name_key,
    ordered,
    same_name,
)
from diary.domain.model import Severity, SideEffectRating, Symptom
from diary.domain.validation import MAX_SHORT_TEXT, day, decimal, known_symptom, severity, text

MAX_NAME_CHARS = 80
MAX_UNIT_CHARS = 20
MAX_MEDICINE_DOSE = 100_000.0  # any unit: mg, mcg, drops, IU


def medicine_class(value: object) -> MedicineClass:
    """A class by its word (antidepressant, mood-stabiliser, MAOI ...) or its label, any case."""
    word = str(value).strip().casefold().replace("_", "-").replace(" ", "-")
    for choice in MedicineClass:
        if word in (choice.value, choice.label.casefold().replace(" ", "-")):
            return choice
    if word in ("sleep", "sleep-medicine", "mood-stabilizer"):
        return (
            MedicineClass.SEDATIVE if word.startswith("sleep") else MedicineClass.MOOD_STABILISER
        )
    raise ValidationError(
        "class", value, "one of " + ", ".join(c.value for c in MedicineClass), key="class"
    )


def medicine_name(value: object) -> str:
    name = text("medicine name", value, MAX_NAME_CHARS, key="medicine").strip()
    if not re.search(r"\w", name):
        raise ValidationError(
            "medicine name", value, f"1-{MAX_NAME_CHARS} characters with a letter", key="medicine"
        )
    return name


def _day_key(change: MedicineChange) -> str:
    """The field a day was typed in: a start's --since, a change's or stop's --on."""
    return "since" if change == MedicineChange.START else "on"


def check_event(event: MedicineEvent, today: dt.date) -> MedicineEvent:
    """The event with every field checked; a stop carries no dose."""
    dose = (
        None
        if event.dose is None
        else decimal("dose", event.dose, 0, MAX_MEDICINE_DOSE, low_open=True, key="dose")
    )
    unit = text("unit", event.unit, MAX_UNIT_CHARS, key="unit").strip()
    if event.change == MedicineChange.STOP and (dose is not None or unit or event.schedule):
        raise ValidationError("dose", f"{dose}", "no dose with a stop", key="dose")
    if event.change == MedicineChange.CHANGE and dose is None and not event.schedule.strip():
        raise ValidationError.missing(
            "dose", "give the new dose or schedule of the change", key="dose"
        )
    if dose is not None and not unit and event.change == MedicineChange.START:
        raise ValidationError.missing("unit", "give the unit of the dose, e.g. mg", key="unit")
    return replace(
        event,
        name=medicine_name(event.name),
        day=day("date", event.day, today, key=_day_key(event.change)),
        change=MedicineChange(event.change),
        med_class=MedicineClass(event.med_class),
        dose=dose,
        unit=unit,
        schedule=text("schedule", event.schedule, MAX_SHORT_TEXT, key="schedule").strip(),
    )


def _before_last(
    event: MedicineEvent, name: str, later: list[MedicineEvent], accepted: str
) -> ValidationError:
    """The refusal of an event dated before the medicine's last saved event."""
    return ValidationError(
        "date",
        event.day.isoformat(),
        f"a day {accepted} {name}'s last saved event ({later[-1].day})",
        key=_day_key(event.change),
    )


def fits(event: MedicineEvent, saved: list[MedicineEvent]) -> MedicineEvent:
    """The event as it is to be saved (a change or stop takes the medicine's saved name and
    class), when it fits the saved events of that medicine; else a ValidationError."""
    own = ordered([e for e in saved if same_name(e.name, event.name)])
    current = {name_key(m.name): m for m in medicines_on(own, event.day)}
    taken = current.get(name_key(event.name))
    later = [e for e in own if e.day > event.day]
    if event.change == MedicineChange.START:
        if taken is not None:
            raise ValidationError(
                "medicine",
                event.name,
                f"a medicine not already taken on {event.day}: {taken.name} is, since "
                f"{taken.since} (change it instead)",
                key="medicine",
            )
        if later:
            raise _before_last(event, event.name, later, "after")
        return event
    verb = "changed" if event.change == MedicineChange.CHANGE else "stopped"
    if taken is None:
        raise ValidationError(
            "medicine",
            event.name,
            f"a medicine being taken on {event.day} to be {verb}",
            key="medicine",
        )
    if later:
        raise _before_last(event, taken.name, later, "on or after")
    if event.change == MedicineChange.STOP:
        return replace(event, name=taken.name, med_class=taken.med_class)
    return replace(
        event,
        name=taken.name,
        med_class=taken.med_class,
        dose=taken.dose if event.dose is None else event.dose,
        unit=event.unit or taken.unit,
        schedule=event.schedule or taken.schedule,
    )


def morning_rating(value: str, catalogue: list[Symptom]) -> SideEffectRating:
    """'grogginess=1' as a morning rating: a symptom of the catalogue and severity 0-3."""
    name, sep, level = (value or "").partition("=")
    if not sep:
        raise ValidationError("symptom", value, "NAME=SEVERITY like grogginess=1", key="symptom")
    return SideEffectRating(
        known_symptom(name, catalogue),
        Severity(severity(f"severity of {name.strip()}", level, key="symptom")),
    )
