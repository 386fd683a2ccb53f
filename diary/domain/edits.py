"""Editing saved records: what a form does not show, or a command does not give, is kept,
never silently dropped."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from diary.domain.model import (
    MoodEntry,
    Session,
    Severity,
    SideEffectRating,
    VitalLabel,
    VitalReading,
)

# the optional fields of a day's entry, in the order a change line names what was kept
MOOD_OPTIONAL = ("note", "sleep", "anxiety")


def keep_mood_fields(
    entry: MoodEntry, saved: MoodEntry | None, keep: Collection[str]
) -> MoodEntry:
    """entry, with the fields named in keep ("anxiety", "sleep", "note") taken from saved."""
    if saved is None:
        return entry
    return replace(
        entry,
        anxiety=saved.anxiety if "anxiety" in keep else entry.anxiety,
        sleep_hours=saved.sleep_hours if "sleep" in keep else entry.sleep_hours,
        note=saved.note if "note" in keep else entry.note,
    )


def _mood_field(entry: MoodEntry, field: str) -> object:
    return {"anxiety": entry.anxiety, "sleep": entry.sleep_hours, "note": entry.note}[field]


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def mood_change_line(saved: MoodEntry | None, entry: MoodEntry) -> str:
    """What saving entry over saved changed and kept: "mood 6 -> 8; note, sleep and
    anxiety kept". Empty for a new day."""
    if saved is None:
        return ""
    changes = [f"mood {saved.mood} -> {entry.mood}"] if saved.mood != entry.mood else []
    kept = []
    for field in MOOD_OPTIONAL:
        before, after = _mood_field(saved, field), _mood_field(entry, field)
        if before == after:
            if before not in (None, ""):
                kept.append(field)
        elif after in (None, ""):
            changes.append(f"{field} cleared")
        elif field == "note":
            changes.append("note added" if not before else "note changed")
        elif before is None:
            changes.append(f"{field} {after:g}")
        else:
            changes.append(f"{field} {before:g} -> {after:g}")
    parts = changes or ["nothing changed"]
    if kept:
        parts.append(f"{_listed(kept)} kept")
    return "; ".join(parts)


def keep_what_the_form_omits(
    edited: Session,
    saved: Session,
    form_labels: Collection[VitalLabel],
    form_symptoms: Collection[str],
) -> Session:
    """The edited session plus what its form could not show of the saved one.

    Kept: each reading's SpO2 and, where the form gives no time, its time; readings whose
    label the form has no row for, and any second reading of a label; side-effect notes;
    ratings of symptoms the form did not list. A symptom the form lists and the person set
    to 0 stays rated "none" when it was rated before (so its note survives).
    """
    first: dict[VitalLabel, VitalReading] = {}
    others: list[VitalReading] = []
    for reading in saved.vitals:
        if reading.label in form_labels and reading.label not in first:
            first[reading.label] = reading
        else:
            others.append(reading)
    vitals = []
    for reading in edited.vitals:
        before = first.get(reading.label)
        if before is not None:
            reading = replace(
                reading,
                spo2=before.spo2,
                taken_at=reading.taken_at if reading.taken_at is not None else before.taken_at,
            )
        vitals.append(reading)

    saved_ratings = {r.symptom: r for r in saved.side_effects}
    ratings: list[SideEffectRating] = []
    for rating in edited.side_effects:
        before_rating = saved_ratings.get(rating.symptom)
        if before_rating is not None and not rating.note:
            rating = replace(rating, note=before_rating.note)
        ratings.append(rating)
    rated = {r.symptom for r in ratings}
    for key, before_rating in saved_ratings.items():
        if key in rated:
            continue
        if key in form_symptoms:  # shown in the form and left at (or set to) none
            ratings.append(
                replace(before_rating, severity=Severity.NONE, onset_min=None, duration_min=None)
            )
        else:
            ratings.append(before_rating)
    return replace(edited, vitals=(*vitals, *others), side_effects=tuple(ratings))
