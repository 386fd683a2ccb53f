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


def _save(store: Store, event: MedicineEvent, today: dt.date) -> MedicineSaved:
    checked = check_event(event, today)
    saved = store.add_medicine_event(checked, lambda events: fits(checked, events))
    current = medicines_on(store.medicine_events(), saved.day)
    after = next((m for m in current if m.name == saved.name), None)
    return MedicineSaved(saved, after)


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
    """Save a medicine started on `since` (ValidationError: bad value, or taken already)."""
    event = MedicineEvent(
        name,
        since,
        MedicineChange.START,
        medicine_class(med_class),
        dose,
        unit,
        schedule,  # type: ignore[arg-type]
    )
    return _save(store, event, today)


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
    event = MedicineEvent(
        name, on, MedicineChange.CHANGE, MedicineClass.OTHER, dose, unit, schedule
    )  # type: ignore[arg-type]
    return _save(store, event, today)


def stop_medicine(store: Store, name: str, *, on: dt.date | str, today: dt.date) -> MedicineSaved:
    """Save that a medicine taken on `on` stopped that day."""
    event = MedicineEvent(name, on, MedicineChange.STOP)  # type: ignore[arg-type]
    return _save(store, event, today)


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
