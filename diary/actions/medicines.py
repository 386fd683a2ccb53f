"""Other medicines: starting, changing and stopping one (dated events), and what was taken.

Record only: nothing here judges a combination or advises on one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from diary.domain.medicine_input import check_event, fits, medicine_class
from diary.domain.medicines import (
    Medicine,
    MedicineChange,
    MedicineClass,
    MedicineEvent,
    changes_between,
    medicines_on,
)
from diary.store import Store


@dataclass(frozen=True, slots=True)
class MedicineSaved:
    """A saved event, and the medicine as it stands after it (None after a stop)."""

    event: MedicineEvent
    medicine: Medicine | None


def new_medicine_event(
    change: MedicineChange,
    name: str,
    *,
    day: dt.date | str,
    today: dt.date,
    dose: float | str | None = None,
    unit: str = "",
    schedule: str = "",
    med_class: MedicineClass | str = MedicineClass.OTHER,
) -> MedicineEvent:
    """A start, change or stop as typed, checked on its own (ValidationError): check it
    before opening the diary, so a bad value writes nothing."""
    event = MedicineEvent(
        name,
        day,  # type: ignore[arg-type]
        change,
        medicine_class(med_class),
        dose,  # type: ignore[arg-type]
        unit,
        schedule,
    )
    return check_event(event, today)


def save_medicine_event(store: Store, event: MedicineEvent) -> MedicineSaved:
    """Save a checked event when it fits the saved ones (ValidationError: a start of a
    medicine taken already, a change or stop of one not taken that day, or not after its
    last event), with every session's REMS-class list, in one transaction."""
    saved = store.add_medicine_event(event, lambda events: fits(event, events))
    current = medicines_on(store.medicine_events(), saved.day)
    return MedicineSaved(saved, next((m for m in current if m.name == saved.name), None))


def start_medicine(
    store: Store,
    name: str,
    *,
    dose: float | str | None,
    unit: str,
    schedule: str = "",
    since: dt.date | str,
    med_class: MedicineClass | str = MedicineClass.OTHER,
    today: dt.date,
) -> MedicineSaved:
    """Save a medicine started on `since`."""
    event = new_medicine_event(
        MedicineChange.START,
        name,
        day=since,
        today=today,
        dose=dose,
        unit=unit,
        schedule=schedule,
        med_class=med_class,
    )
    return save_medicine_event(store, event)


def change_medicine(
    store: Store,
    name: str,
    *,
    dose: float | str | None,
    unit: str = "",
    schedule: str = "",
    on: dt.date | str,
    today: dt.date,
) -> MedicineSaved:
    """Save a new dose (unit and schedule kept unless given) of a medicine taken on `on`."""
    event = new_medicine_event(
        MedicineChange.CHANGE, name, day=on, today=today, dose=dose, unit=unit, schedule=schedule
    )
    return save_medicine_event(store, event)


def stop_medicine(store: Store, name: str, *, on: dt.date | str, today: dt.date) -> MedicineSaved:
    """Save that a medicine taken on `on` stopped that day (not taken from that day on)."""
    event = new_medicine_event(MedicineChange.STOP, name, day=on, today=today)
    return save_medicine_event(store, event)


def undo_medicine_event(store: Store, event_id: int) -> MedicineEvent:
    """Delete one saved event (the undo of a start, change or stop)."""
    return store.delete_medicine_event(event_id)


def medicines_taken(store: Store, day: dt.date) -> list[Medicine]:
    """Every medicine being taken on day, by name."""
    return medicines_on(store.medicine_events(), day)


def medicine_history(
    store: Store, start: dt.date | None = None, end: dt.date | None = None
) -> list[MedicineEvent]:
    """Every start, change and stop from start to end (both included), oldest first."""
    return changes_between(store.medicine_events(), start or dt.date.min, end or dt.date.max)
