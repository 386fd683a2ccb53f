"""Other medicines as dated events (start, change, stop), and what was taken on a day.

A record only: the diary names the class a person gives a medicine and shows which ones
were current on a session's day; it never warns about, or advises on, a combination.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class MedicineClass(StrEnum):
    """The classes a medicine is recorded under."""

    ANTIDEPRESSANT = "antidepressant"
    BENZODIAZEPINE = "benzodiazepine"
    SEDATIVE = "sedative"
    STIMULANT = "stimulant"
    MAOI = "maoi"
    MOOD_STABILISER = "mood-stabiliser"
    ANTIPSYCHOTIC = "antipsychotic"
    OTHER = "other"

    @property
    def label(self) -> str:
        return CLASS_LABELS[self]


CLASS_LABELS = {
    MedicineClass.ANTIDEPRESSANT: "antidepressant",
    MedicineClass.BENZODIAZEPINE: "benzodiazepine",
    MedicineClass.SEDATIVE: "other sedative or sleep medicine",
    MedicineClass.STIMULANT: "stimulant",
    MedicineClass.MAOI: "MAOI",
    MedicineClass.MOOD_STABILISER: "mood stabiliser",
    MedicineClass.ANTIPSYCHOTIC: "antipsychotic",
    MedicineClass.OTHER: "other",
}

REMS_CLASSES = frozenset(
    {
        MedicineClass.BENZODIAZEPINE,
        MedicineClass.SEDATIVE,
        MedicineClass.STIMULANT,
        MedicineClass.MAOI,
    }
)
"""The classes the esketamine REMS monitoring form asks about; a session lists these."""


class MedicineChange(StrEnum):
    """What an event did to a medicine."""

    START = "start"
    CHANGE = "change"
    STOP = "stop"


@dataclass(frozen=True, slots=True)
class MedicineEvent:
    """One dated event: a medicine started, its dose or schedule changed, or it stopped.

    A start carries the class and the dose; a change the new dose (unit, schedule);
    a stop only the day."""

    name: str
    day: dt.date
    change: MedicineChange
    med_class: MedicineClass = MedicineClass.OTHER
    dose: float | None = None
    unit: str = ""
    schedule: str = ""
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Medicine:
    """A medicine as it stood on some day: worked out from its events."""

    name: str
    med_class: MedicineClass
    dose: float | None
    unit: str
    schedule: str
    since: dt.date
    # the day of the last change, when one set the dose or schedule it stands at (the
    # record of a session's medicines does not keep it)
    changed: dt.date | None = field(default=None, compare=False)

    @property
    def dose_since(self) -> dt.date:
        """The first day of the dose and schedule it stands at: its last change, else its
        start."""
        return self.changed or self.since

    @property
    def since_text(self) -> str:
        """'since 2026-04-28 (started 2025-03-26)' when a change set the dose it stands at,
        else 'since 2025-03-26': the dose is never dated from a start that had another."""
        text = f"since {self.dose_since.isoformat()}"
        if self.dose_since != self.since:
            text += f" (started {self.since.isoformat()})"
        return text

    @property
    def dose_text(self) -> str:
        """'50 mg, 1 daily': the dose, unit and schedule that are given."""
        dose = "" if self.dose is None else f"{self.dose:g} {self.unit}".strip()
        return ", ".join(part for part in (dose, self.schedule) if part)

    @property
    def text(self) -> str:
        """'sertraline 50 mg, 1 daily'."""
        return f"{self.name} {self.dose_text}".strip()


def name_key(name: str) -> str:
    """A medicine's name as names are compared: spaces around it, case, and how an accent
    was typed (é as one character or as e and a combining accent) make no difference."""
    import unicodedata

    return unicodedata.normalize("NFC", name.strip()).casefold()


def same_name(a: str, b: str) -> bool:
    return name_key(a) == name_key(b)


def ordered(events: list[MedicineEvent] | tuple[MedicineEvent, ...]) -> list[MedicineEvent]:
    """Events by day, then in the order they were saved."""
    return sorted(events, key=lambda e: (e.day, e.id or 0))


def medicines_on(
    events: list[MedicineEvent] | tuple[MedicineEvent, ...], day: dt.date
) -> list[Medicine]:
    """Every medicine being taken on day (started on or before it, not stopped on or before
    it), as its last change on or before the day left it; by name."""
    current: dict[str, Medicine] = {}
    for event in ordered(events):
        if event.day > day:
            break
        key = name_key(event.name)
        if event.change == MedicineChange.START:
            current[key] = Medicine(
                event.name, event.med_class, event.dose, event.unit, event.schedule, event.day
            )
        elif event.change == MedicineChange.CHANGE and key in current:
            was = current[key]
            current[key] = Medicine(
                was.name,
                was.med_class,
                event.dose,
                event.unit or was.unit,
                event.schedule or was.schedule,
                was.since,
                event.day,
            )
        elif event.change == MedicineChange.STOP:
            current.pop(key, None)
    return sorted(current.values(), key=lambda m: m.name.casefold())


def rems_on(
    events: list[MedicineEvent] | tuple[MedicineEvent, ...], day: dt.date
) -> tuple[Medicine, ...]:
    """The medicines in the REMS classes current on day: what a session that day lists."""
    return tuple(m for m in medicines_on(events, day) if m.med_class in REMS_CLASSES)


def changes_between(
    events: list[MedicineEvent] | tuple[MedicineEvent, ...], start: dt.date, end: dt.date
) -> list[MedicineEvent]:
    """Every event from start to end (both included), oldest first."""
    return [e for e in ordered(events) if start <= e.day <= end]
