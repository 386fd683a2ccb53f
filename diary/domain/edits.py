"""Editing saved records: what a form does not show, or a command does not give, is kept,
never silently dropped."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from diary.domain.model import (
    Session,
    Severity,
    SideEffectRating,
    VitalLabel,
    VitalReading,
)


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
