"""The treatment record in the FHIR bundle: other medicines as MedicationStatements (one
per dose held: from a start or change to the next change or the stop), what the clinic
recorded at a session (in its statement's note), and the morning-after ratings as
Observations part of the session's statement. Named by text only: no code is borrowed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from diary.domain import Session, Severity
from diary.domain.clinic import clinic_record
from diary.domain.medicines import MedicineChange, MedicineEvent, ordered, same_name
from diary.domain.morning import MorningAfter


def clinic_notes(session: Session) -> list[str]:
    """The clinic's record of a session as note parts, e.g. 'lot EK-42'."""
    parts = clinic_record(session)
    if session.rems_medicines:
        taken = ", ".join(f"{m.text} ({m.med_class.label})" for m in session.rems_medicines)
        parts.append(f"REMS-class medicines that day: {taken}")
    return parts


def medicine_periods(
    events: Sequence[MedicineEvent],
) -> list[tuple[MedicineEvent, dt.date | None, bool]]:
    """Each start or change with the day its dose ended (the next event's day, None while
    held) and whether that end was a stop."""
    periods = []
    events = ordered(events)
    for index, event in enumerate(events):
        if event.change == MedicineChange.STOP:
            continue
        later = [e for e in events[index + 1 :] if same_name(e.name, event.name)]
        end = later[0] if later else None
        stopped = end is not None and end.change == MedicineChange.STOP
        periods.append((event, None if end is None else end.day, stopped))
    return periods


def medicine_statements(
    events: Sequence[MedicineEvent], start: dt.date, end: dt.date, when: Any, ids: Any
) -> Iterable[dict[str, Any]]:
    """A MedicationStatement (without meta and subject) for each dose held in start..end."""
    for event, until, stopped in medicine_periods(events):
        if event.day > end or (until is not None and until <= start):
            continue
        period: dict[str, Any] = {"start": when(event.day)}
        if until is not None:
            period["end"] = when(until - dt.timedelta(days=1) if until > event.day else until)
        status = "active" if until is None else ("stopped" if stopped else "completed")
        dosage: dict[str, Any] = {"text": _dose_text(event) or "dose not recorded"}
        if event.dose is not None:
            dosage["doseAndRate"] = [{"doseQuantity": {"value": event.dose, "unit": event.unit}}]
        notes = [f"class: {event.med_class.label}", f"recorded as a {event.change.value}"]
        yield {
            "resourceType": "MedicationStatement",
            "id": ids("medicine-statement", event.id or f"{event.name}/{event.day}"),
            "status": status,
            "medicationCodeableConcept": {"text": event.name},
            "effectivePeriod": period,
            "dosage": [dosage],
            "note": [{"text": "; ".join(notes)}],
        }


def _dose_text(event: MedicineEvent) -> str:
    dose = "" if event.dose is None else f"{event.dose:g} {event.unit}".strip()
    return ", ".join(part for part in (dose, event.schedule) if part)


def morning_observations(
    mornings: Iterable[MorningAfter], statement_url: Mapping[int, str], labels: Mapping[str, str]
) -> Iterable[tuple[tuple[object, ...], dict[str, Any], dt.datetime, dict[str, Any]]]:
    """(key, code, when, fields) of an Observation per morning-after rating of a session
    in the bundle."""
    for morning in mornings:
        url = statement_url.get(morning.session_id)
        if url is None:
            continue
        for rating in morning.ratings:
            severity = Severity(rating.severity)
            label = labels.get(rating.symptom, rating.symptom)
            fields: dict[str, Any] = {
                "valueCodeableConcept": {"text": severity.word},
                "partOf": [{"reference": url}],
            }
            if morning.note:
                fields["note"] = [{"text": morning.note}]
            yield (
                (morning.session_id, "morning-after", rating.symptom),
                {"text": f"side effect the morning after: {label}"},
                morning.rated_at,
                fields,
            )
