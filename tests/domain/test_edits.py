"""Editing a session keeps what the form cannot show (worked out by hand)."""

from __future__ import annotations

import datetime as dt

from diary.domain import Route, Session, Severity, SideEffectRating, VitalLabel, VitalReading
from diary.domain.edits import keep_what_the_form_omits

START = dt.datetime(2026, 11, 18, 10, 0, tzinfo=dt.UTC)
LATER = dt.datetime(2026, 11, 18, 12, 0, tzinfo=dt.UTC)
FORM_LABELS = [VitalLabel.PRE, VitalLabel.FORTY, VitalLabel.DISCHARGE]
FORM_SYMPTOMS = ["dizziness", "nausea", "vomiting"]

SAVED = Session(
    started_at=START,
    route=Route.IV,
    dose_mg=35,
    vitals=(
        VitalReading(VitalLabel.PRE, 120, 80, 70, spo2=98, taken_at=START),
        VitalReading(VitalLabel.DISCHARGE, 125, 82, spo2=97, taken_at=LATER),
        VitalReading(VitalLabel.OTHER, 150, 95, taken_at=LATER),
    ),
    side_effects=(
        SideEffectRating("dizziness", Severity.MODERATE, note="worse standing up"),
        SideEffectRating("nausea", Severity.NONE, note="none today"),
        SideEffectRating("anxiety", Severity.MILD),  # not in this form (hidden since)
    ),
    id=7,
)


def test_the_form_edit_keeps_spo2_times_other_readings_notes_and_unlisted_ratings() -> None:
    edited = Session(  # what the form gives back: new BP, dizziness lowered to mild
        started_at=START,
        route=Route.IV,
        dose_mg=40,
        vitals=(
            VitalReading(VitalLabel.PRE, 122, 81, 70, taken_at=START),
            VitalReading(VitalLabel.DISCHARGE, 126, 83),  # the form has no discharge time
        ),
        side_effects=(SideEffectRating("dizziness", Severity.MILD),),
        id=7,
    )
    merged = keep_what_the_form_omits(edited, SAVED, FORM_LABELS, FORM_SYMPTOMS)
    assert merged.dose_mg == 40
    assert merged.vitals == (
        VitalReading(VitalLabel.PRE, 122, 81, 70, spo2=98, taken_at=START),
        VitalReading(VitalLabel.DISCHARGE, 126, 83, spo2=97, taken_at=LATER),
        VitalReading(VitalLabel.OTHER, 150, 95, taken_at=LATER),
    )
    assert merged.side_effects == (
        SideEffectRating("dizziness", Severity.MILD, note="worse standing up"),
        SideEffectRating("nausea", Severity.NONE, note="none today"),  # left at none: kept
        SideEffectRating("anxiety", Severity.MILD),  # not in the form: untouched
    )


def test_a_symptom_set_to_none_in_the_form_stays_rated_none_with_its_note() -> None:
    edited = Session(started_at=START, route=Route.IV, side_effects=(), id=7)
    merged = keep_what_the_form_omits(edited, SAVED, FORM_LABELS, FORM_SYMPTOMS)
    assert merged.side_effects[0] == SideEffectRating(
        "dizziness", Severity.NONE, note="worse standing up"
    )
    assert [r.severity for r in merged.side_effects] == [0, 0, 1]


def test_a_mood_change_line_names_what_changed_and_what_was_kept() -> None:
    from diary.domain import MoodEntry
    from diary.domain.mood import keep_mood_fields, mood_change_line

    day = dt.date(2026, 11, 19)
    saved = MoodEntry(day, 6, 3, 7.5, "slept badly")
    typed = MoodEntry(day, 8)
    kept = keep_mood_fields(typed, saved, ("anxiety", "sleep", "note"))
    assert kept == MoodEntry(day, 8, 3, 7.5, "slept badly")
    assert mood_change_line(saved, kept) == "mood 6 -> 8; note, sleep and anxiety kept"
    assert mood_change_line(saved, MoodEntry(day, 6, None, 8.0, "")) == (
        "note cleared; sleep 7.5 -> 8; anxiety cleared"
    )
    assert mood_change_line(MoodEntry(day, 6), MoodEntry(day, 6, 2, note="x")) == (
        "note added; anxiety 2"
    )
    assert mood_change_line(saved, saved) == "nothing changed; note, sleep and anxiety kept"
    assert mood_change_line(None, typed) == ""
    assert keep_mood_fields(typed, None, ("note",)) == typed
