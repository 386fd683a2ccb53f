"""A saved session as typed texts, and an edit's typed texts put over it (by hand)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from diary.domain import (
    Phase,
    Route,
    Session,
    Severity,
    SideEffectRating,
    VitalLabel,
    VitalReading,
)
from diary.domain.clinic import ClinicTexts
from diary.domain.forms import SessionTexts, SymptomTexts, VitalTexts, texts_of, typed_over

START = dt.datetime(2026, 11, 18, 10, 0, tzinfo=dt.UTC)
HOUR = dt.timedelta(hours=1)

SAVED = Session(
    started_at=START,
    route=Route.INTRANASAL,
    dose_mg=56,
    weight_kg=72.5,
    duration_min=40,
    phase=Phase.MAINTENANCE,
    clinic="North",
    note="calm",
    vitals=(
        VitalReading(VitalLabel.PRE, 120, 80, 70),
        VitalReading(VitalLabel.DISCHARGE, 125, 82),
    ),
    side_effects=(
        SideEffectRating("dizziness", Severity.MODERATE, onset_min=5, duration_min=30),
        SideEffectRating("nausea", Severity.NONE),
    ),
    devices=2,
    id=7,
)

NOTHING_TYPED = SessionTexts(at="", route="")


def test_texts_of_a_saved_session() -> None:
    assert texts_of(SAVED) == SessionTexts(
        at="2026-11-18 10:00",
        route="intranasal",
        dose_mg="56",
        dose_mg_per_kg=None,
        weight_kg="72.5",
        duration_min="40",
        phase="maintenance",
        clinic="North",
        note="calm",
        vitals=[
            VitalTexts(VitalLabel.PRE, pair="120/80", heart_rate="70"),
            VitalTexts(VitalLabel.DISCHARGE, pair="125/82"),
        ],
        symptoms=[
            SymptomTexts("dizziness", "2", "5", "30", explicit=True),
            SymptomTexts("nausea", "0", explicit=True),
        ],
    )


def test_nothing_typed_over_a_session_is_the_session() -> None:
    assert typed_over(SAVED, NOTHING_TYPED) == texts_of(SAVED)


def test_typed_fields_replace_the_saved_ones_and_blank_texts_clear_them() -> None:
    typed = SessionTexts(
        at="2026-11-19 09:30",
        route="iv",
        dose_mg="35",
        weight_kg="",
        phase="booster",
        clinic="",
        note="tired",
    )
    over = typed_over(SAVED, typed)
    assert (over.at, over.route, over.dose_mg, over.weight_kg, over.duration_min) == (
        "2026-11-19 09:30",
        "iv",
        "35",
        "",
        "40",
    )
    assert (over.phase, over.clinic, over.note) == ("booster", "", "tired")


def test_a_typed_reading_or_rating_replaces_that_label_or_symptom_only() -> None:
    typed = SessionTexts(
        at="",
        route="",
        vitals=[
            VitalTexts(VitalLabel.DISCHARGE, pair="118/76"),
            VitalTexts(VitalLabel.FORTY, pair="130/85"),
        ],
        symptoms=[SymptomTexts("nausea", "1", explicit=True), SymptomTexts("headache", "2")],
    )
    over = typed_over(SAVED, typed)
    assert over.vitals == [
        VitalTexts(VitalLabel.PRE, pair="120/80", heart_rate="70"),
        VitalTexts(VitalLabel.DISCHARGE, pair="118/76"),
        VitalTexts(VitalLabel.FORTY, pair="130/85"),
    ]
    assert over.symptoms == [
        SymptomTexts("dizziness", "2", "5", "30", explicit=True),
        SymptomTexts("nausea", "1", explicit=True),
        SymptomTexts("headache", "2"),
    ]


def test_a_blank_reading_keeps_the_saved_one() -> None:
    typed = SessionTexts(at="", route="", vitals=[VitalTexts(VitalLabel.PRE, pair="")])
    assert typed_over(SAVED, typed).vitals == texts_of(SAVED).vitals


def test_typed_devices_work_the_dose_out_again_unless_a_dose_is_typed_too() -> None:
    devices = ClinicTexts(devices="3")
    assert typed_over(SAVED, SessionTexts(at="", route="", record=devices)).dose_mg is None
    with_dose = SessionTexts(at="", route="", dose_mg="84", record=devices)
    assert typed_over(SAVED, with_dose).dose_mg == "84"
    assert typed_over(SAVED, with_dose).record == devices


def test_a_retyped_pressure_keeps_the_saved_heart_rate() -> None:
    """The command line has no heart-rate flag: `--bp-pre 125/80` fixes the pressure only."""
    typed = SessionTexts(at="", route="", vitals=[VitalTexts(VitalLabel.PRE, pair="125/80")])
    assert typed_over(SAVED, typed).vitals[0] == VitalTexts(
        VitalLabel.PRE, pair="125/80", heart_rate="70"
    )


def test_an_edit_keeps_two_readings_of_one_label_once_each() -> None:
    """A restore or an import can hold two readings of a label; a note-only edit keeps each
    of them once, with its own SpO2 and time (each edit used to add another copy)."""
    from diary.domain.forms import session_from_texts
    from diary.domain.symptoms import BUILTIN_SYMPTOMS

    two = replace(
        SAVED,
        route=Route.IV,
        devices=None,
        vitals=(
            VitalReading(VitalLabel.PRE, 120, 80, 70, taken_at=START),
            VitalReading(VitalLabel.OTHER, 130, 85, spo2=97, taken_at=START + HOUR / 3),
            VitalReading(VitalLabel.OTHER, 140, 90, taken_at=START + HOUR),
        ),
    )
    typed = SessionTexts(at="", route="", note="after")
    edited, errors = session_from_texts(
        typed_over(two, typed), START + 2 * HOUR, BUILTIN_SYMPTOMS, session_id=7, saved=two
    )
    assert not errors and edited is not None
    assert edited.note == "after"
    shown = [
        (v.label, v.systolic, v.diastolic, v.heart_rate, v.spo2, v.taken_at) for v in edited.vitals
    ]
    assert sorted(shown, key=lambda v: (v[0], v[1])) == sorted(
        [(v.label, v.systolic, v.diastolic, v.heart_rate, v.spo2, v.taken_at) for v in two.vitals],
        key=lambda v: (v[0], v[1]),
    )
