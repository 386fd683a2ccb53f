"""`diary restore`: every session, vital reading and side effect row checked in full."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.files.conftest import ID, MOMENT, bad_row, by_table, refused_in_these_words

KEYS = (
    "dizziness, nausea, vomiting, dissociation, blurred_vision, high_blood_pressure, anxiety, "
    "confusion, floating_sensation, hallucinations, grogginess, headache"
)


SESSIONS = {
    "id 0": bad_row("sessions", 0, f"id: '0' is not accepted; expected {ID}", id=0),
    "an id as text": bad_row(
        "sessions", 0, f"id: '2' is not accepted; expected {ID} (not text)", id="2"
    ),
    "an id twice": bad_row(
        "sessions", 1, "id: '2' is not accepted; expected each id once in sessions", id=2
    ),
    "started_at a word": bad_row(
        "sessions",
        0,
        f"started_at: 'yesterday' is not accepted; expected {MOMENT}",
        started_at="yesterday",
    ),
    "started_at before 1900": bad_row(
        "sessions",
        0,
        f"started_at: '1899-12-31T10:00:00+00:00' is not accepted; expected {MOMENT}",
        started_at="1899-12-31T10:00:00+00:00",
    ),
    "a dose as text": bad_row(
        "sessions", 0, "dose_mg: '36' is not accepted; expected a number (not text)", dose_mg="36"
    ),
    "a duration as text": bad_row(
        "sessions",
        0,
        "duration_min: '40' is not accepted; expected a number (not text)",
        duration_min="40",
    ),
    "an unknown route": bad_row(
        "sessions",
        0,
        "route: 'rectal' is not accepted; expected one of iv, im, intranasal, "
        "oral, sublingual, other",
        route="rectal",
    ),
    "dose 0": bad_row(
        "sessions",
        0,
        "dose in mg: '0' is not accepted; expected a number above 0 and at most 1000",
        dose_mg=0,
    ),
    "duration 0": bad_row(
        "sessions",
        0,
        "duration in minutes: '0' is not accepted; expected a whole number 1-1440",
        duration_min=0,
    ),
    "an unknown phase": bad_row(
        "sessions",
        0,
        "phase: 'acute' is not accepted; expected one of induction, maintenance, booster",
        phase="acute",
    ),
    "a clinic as a number": bad_row(
        "sessions", 0, "clinic: '5' is not accepted; expected text", clinic=5
    ),
    "a clinic too long": bad_row(
        "sessions",
        0,
        "clinic: '201 characters' is not accepted; expected at most 200 characters",
        clinic="c" * 201,
    ),
}

VITALS = {
    "id 0": bad_row("vitals", 0, f"id: '0' is not accepted; expected {ID}", id=0),
    "an id twice": bad_row(
        "vitals", 1, "id: '3' is not accepted; expected each id once in vitals", id=3
    ),
    "a missing session, named before the label": bad_row(
        "vitals",
        0,
        "session_id: '99' is not accepted; expected the id of a session in this backup",
        session_id=99,
        label="post",
    ),
    "a session id as text": bad_row(
        "vitals", 0, f"session_id: '2' is not accepted; expected {ID} (not text)", session_id="2"
    ),
    "an unknown label": bad_row(
        "vitals",
        0,
        "label: 'post' is not accepted; expected one of pre, 40min, discharge, other",
        label="post",
    ),
    "systolic as text": bad_row(
        "vitals",
        0,
        "systolic: '128' is not accepted; expected a number (not text)",
        systolic="128",
    ),
    "systolic 400": bad_row(
        "vitals",
        0,
        "blood pressure pre-dose systolic: '400' is not accepted; expected a whole number 50-300",
        systolic=400,
    ),
    "diastolic above systolic": bad_row(
        "vitals",
        0,
        "blood pressure pre-dose: '128/150' is not accepted; expected systolic above diastolic",
        diastolic=150,
    ),
    "heart rate 10": bad_row(
        "vitals",
        0,
        "blood pressure pre-dose heart rate: '10' is not accepted; expected a whole number 20-250",
        heart_rate=10,
    ),
    "SpO2 101": bad_row(
        "vitals",
        0,
        "blood pressure pre-dose SpO2: '101' is not accepted; expected a whole number 50-100",
        spo2=101,
    ),
    "taken_at a word": bad_row(
        "vitals", 4, f"taken_at: 'later' is not accepted; expected {MOMENT}", taken_at="later"
    ),
}

SIDE_EFFECTS = {
    "a missing session": bad_row(
        "side_effects",
        1,
        "session_id: '1' is not accepted; expected the id of a session in this backup",
        session_id=1,
    ),
    "no session": bad_row(
        "side_effects", 0, f"session_id: 'None' is not accepted; expected {ID}", session_id=None
    ),
    "an unknown symptom": bad_row(
        "side_effects",
        0,
        f"symptom: 'sneezing' is not accepted; expected a key in this backup's symptoms: {KEYS}",
        symptom="sneezing",
    ),
    "a label for a key": bad_row(
        "side_effects",
        0,
        f"symptom: 'Dizziness' is not accepted; expected a key in this backup's symptoms: {KEYS}",
        symptom="Dizziness",
    ),
    "severity as text": bad_row(
        "side_effects",
        0,
        "severity: '2' is not accepted; expected a number (not text)",
        severity="2",
    ),
    "severity 4": bad_row(
        "side_effects",
        0,
        "severity of dizziness: '4' is not accepted; expected a whole number 0-3",
        severity=4,
    ),
    "onset 2000 minutes": bad_row(
        "side_effects",
        0,
        "onset of dizziness (minutes): '2000' is not accepted; expected a whole number 0-1440",
        onset_min=2000,
    ),
    "a negative duration": bad_row(
        "side_effects",
        0,
        "duration of dizziness (minutes): '-1' is not accepted; expected a whole number 0-1440",
        duration_min=-1,
    ),
    "a note as a number": bad_row(
        "side_effects", 0, "note: '5' is not accepted; expected text", note=5
    ),
    "a symptom twice in a session": bad_row(
        "side_effects",
        1,
        "session_id and symptom: \"(2, 'dizziness')\" is not accepted; "
        "expected each session_id and symptom once in side_effects",
        session_id=2,
        symptom="dizziness",
    ),
    "a repeat's rating checked before it is called a repeat": bad_row(
        "side_effects",
        1,
        "severity of dizziness: '4' is not accepted; expected a whole number 0-3",
        session_id=2,
        symptom="dizziness",
        severity=4,
    ),
}

REFUSALS = by_table(sessions=SESSIONS, vitals=VITALS, side_effects=SIDE_EFFECTS)


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_bad_session_row_refused_in_these_words(full_db: Path, tmp_path: Path, case: str) -> None:
    refused_in_these_words(full_db, tmp_path, *REFUSALS[case])
