"""Domain records more than one folder of tests builds on."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from diary import domain

PLUS2 = dt.timezone(dt.timedelta(hours=2))


def full_session() -> domain.Session:
    """A session with one of everything: three readings, three ratings, a note in Unicode."""
    started = dt.datetime(2026, 11, 18, 9, 30, tzinfo=PLUS2)
    return domain.Session(
        started_at=started,
        route=domain.Route.IV,
        dose_mg=36.0,
        dose_mg_per_kg=0.5,
        weight_kg=72.0,
        duration_min=40,
        phase=domain.Phase.INDUCTION,
        clinic="Riverside — Zürich",
        note="Music helped 🎵",
        vitals=(
            domain.VitalReading(domain.VitalLabel.PRE, 128, 82, 70, 98, taken_at=started),
            domain.VitalReading(
                domain.VitalLabel.FORTY,
                141,
                90,
                84,
                97,
                taken_at=started + dt.timedelta(minutes=40),
            ),
            domain.VitalReading(domain.VitalLabel.DISCHARGE, 130, 84),
        ),
        side_effects=(
            domain.SideEffectRating(
                "dizziness", domain.Severity.MODERATE, onset_min=10, duration_min=45
            ),
            domain.SideEffectRating(
                "dissociation", domain.Severity.SEVERE, 5, 60, note="far away, then calm"
            ),
            domain.SideEffectRating("nausea", domain.Severity.NONE),
        ),
    )


def clinic_session(at: dt.datetime, **changes: object) -> domain.Session:
    """A nasal-spray session of two devices with what the clinic recorded: the lot, the
    observation, what it noted (sedation yes, dissociation no) and who took the person home."""
    recorded = domain.Session(
        at,
        domain.Route.INTRANASAL,
        dose_mg=56.0,
        devices=2,
        lot="EK-42",
        observed_min=120,
        ready_after_min=95,
        noted_sedation=domain.Told.YES,
        noted_dissociation=domain.Told.NO,
        home_with="partner",
    )
    return replace(recorded, **changes)
