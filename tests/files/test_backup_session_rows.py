"""`diary restore`: every session, vital reading and side effect row checked in full."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.files.conftest import ID, MOMENT, by_table, edit, refused_in_these_words

KEYS = (
    "dizziness, nausea, vomiting, dissociation, blurred_vision, high_blood_pressure, anxiety, "
    "confusion, floating_sensation, hallucinations, grogginess, headache"
)


SESSIONS = {
    "id 0": (
        lambda d: edit(d, "sessions", 0, id=0),
        f"sessions row 1: id: '0' is not accepted; expected {ID}",
    ),
    "an id as text": (
        lambda d: edit(d, "sessions", 0, id="2"),
        f"sessions row 1: id: '2' is not accepted; expected {ID} (not text)",
    ),
    "an id twice": (
        lambda d: edit(d, "sessions", 1, id=2),
        "sessions row 2: id: '2' is not accepted; expected each id once in sessions",
    ),
    "started_at a word": (
        lambda d: edit(d, "sessions", 0, started_at="yesterday"),
        f"sessions row 1: started_at: 'yesterday' is not accepted; expected {MOMENT}",
    ),
    "started_at before 1900": (
        lambda d: edit(d, "sessions", 0, started_at="1899-12-31T10:00:00+00:00"),
        "sessions row 1: started_at: '1899-12-31T10:00:00+00:00' is not accepted; expected "
        f"{MOMENT}",
    ),
    "a dose as text": (
        lambda d: edit(d, "sessions", 0, dose_mg="36"),
        "sessions row 1: dose_mg: '36' is not accepted; expected a number (not text)",
    ),
    "a duration as text": (
        lambda d: edit(d, "sessions", 0, duration_min="40"),
        "sessions row 1: duration_min: '40' is not accepted; expected a number (not text)",
    ),
    "an unknown route": (
        lambda d: edit(d, "sessions", 0, route="rectal"),
        "sessions row 1: route: 'rectal' is not accepted; expected one of iv, im, intranasal, "
        "oral, sublingual, other",
    ),
    "dose 0": (
        lambda d: edit(d, "sessions", 0, dose_mg=0),
        "sessions row 1: dose in mg: '0' is not accepted; "
        "expected a number above 0 and at most 1000",
    ),
    "duration 0": (
        lambda d: edit(d, "sessions", 0, duration_min=0),
        "sessions row 1: duration in minutes: '0' is not accepted; expected a whole number 1-1440",
    ),
    "an unknown phase": (
        lambda d: edit(d, "sessions", 0, phase="acute"),
        "sessions row 1: phase: 'acute' is not accepted; expected one of induction, "
        "maintenance, booster",
    ),
    "a clinic as a number": (
        lambda d: edit(d, "sessions", 0, clinic=5),
        "sessions row 1: clinic: '5' is not accepted; expected text",
    ),
    "a clinic too long": (
        lambda d: edit(d, "sessions", 0, clinic="c" * 201),
        "sessions row 1: clinic: '201 characters' is not accepted; expected at most 200 "
        "characters",
    ),
}

VITALS = {
    "id 0": (
        lambda d: edit(d, "vitals", 0, id=0),
        f"vitals row 1: id: '0' is not accepted; expected {ID}",
    ),
    "an id twice": (
        lambda d: edit(d, "vitals", 1, id=3),
        "vitals row 2: id: '3' is not accepted; expected each id once in vitals",
    ),
    "a missing session, named before the label": (
        lambda d: edit(d, "vitals", 0, session_id=99, label="post"),
        "vitals row 1: session_id: '99' is not accepted; expected the id of a session in this "
        "backup",
    ),
    "a session id as text": (
        lambda d: edit(d, "vitals", 0, session_id="2"),
        f"vitals row 1: session_id: '2' is not accepted; expected {ID} (not text)",
    ),
    "an unknown label": (
        lambda d: edit(d, "vitals", 0, label="post"),
        "vitals row 1: label: 'post' is not accepted; expected one of pre, 40min, discharge, "
        "other",
    ),
    "systolic as text": (
        lambda d: edit(d, "vitals", 0, systolic="128"),
        "vitals row 1: systolic: '128' is not accepted; expected a number (not text)",
    ),
    "systolic 400": (
        lambda d: edit(d, "vitals", 0, systolic=400),
        "vitals row 1: blood pressure pre-dose systolic: '400' is not accepted; "
        "expected a whole number 50-300",
    ),
    "diastolic above systolic": (
        lambda d: edit(d, "vitals", 0, diastolic=150),
        "vitals row 1: blood pressure pre-dose: '128/150' is not accepted; "
        "expected systolic above diastolic",
    ),
    "heart rate 10": (
        lambda d: edit(d, "vitals", 0, heart_rate=10),
        "vitals row 1: blood pressure pre-dose heart rate: '10' is not accepted; "
        "expected a whole number 20-250",
    ),
    "SpO2 101": (
        lambda d: edit(d, "vitals", 0, spo2=101),
        "vitals row 1: blood pressure pre-dose SpO2: '101' is not accepted; "
        "expected a whole number 50-100",
    ),
    "taken_at a word": (
        lambda d: edit(d, "vitals", 4, taken_at="later"),
        f"vitals row 5: taken_at: 'later' is not accepted; expected {MOMENT}",
    ),
}

SIDE_EFFECTS = {
    "a missing session": (
        lambda d: edit(d, "side_effects", 1, session_id=1),
        "side_effects row 2: session_id: '1' is not accepted; expected the id of a session in "
        "this backup",
    ),
    "no session": (
        lambda d: edit(d, "side_effects", 0, session_id=None),
        f"side_effects row 1: session_id: 'None' is not accepted; expected {ID}",
    ),
    "an unknown symptom": (
        lambda d: edit(d, "side_effects", 0, symptom="sneezing"),
        "side_effects row 1: symptom: 'sneezing' is not accepted; expected a key in this "
        f"backup's symptoms: {KEYS}",
    ),
    "a label for a key": (
        lambda d: edit(d, "side_effects", 0, symptom="Dizziness"),
        "side_effects row 1: symptom: 'Dizziness' is not accepted; expected a key in this "
        f"backup's symptoms: {KEYS}",
    ),
    "severity as text": (
        lambda d: edit(d, "side_effects", 0, severity="2"),
        "side_effects row 1: severity: '2' is not accepted; expected a number (not text)",
    ),
    "severity 4": (
        lambda d: edit(d, "side_effects", 0, severity=4),
        "side_effects row 1: severity of dizziness: '4' is not accepted; expected a whole "
        "number 0-3",
    ),
    "onset 2000 minutes": (
        lambda d: edit(d, "side_effects", 0, onset_min=2000),
        "side_effects row 1: onset of dizziness (minutes): '2000' is not accepted; expected a "
        "whole number 0-1440",
    ),
    "a negative duration": (
        lambda d: edit(d, "side_effects", 0, duration_min=-1),
        "side_effects row 1: duration of dizziness (minutes): '-1' is not accepted; expected a "
        "whole number 0-1440",
    ),
    "a note as a number": (
        lambda d: edit(d, "side_effects", 0, note=5),
        "side_effects row 1: note: '5' is not accepted; expected text",
    ),
    "a symptom twice in a session": (
        lambda d: edit(d, "side_effects", 1, session_id=2, symptom="dizziness"),
        "side_effects row 2: session_id and symptom: \"(2, 'dizziness')\" is not accepted; "
        "expected each session_id and symptom once in side_effects",
    ),
    "a repeat's rating checked before it is called a repeat": (
        lambda d: edit(d, "side_effects", 1, session_id=2, symptom="dizziness", severity=4),
        "side_effects row 2: severity of dizziness: '4' is not accepted; expected a whole "
        "number 0-3",
    ),
}

REFUSALS = by_table(sessions=SESSIONS, vitals=VITALS, side_effects=SIDE_EFFECTS)


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_bad_session_row_refused_in_these_words(full_db: Path, tmp_path: Path, case: str) -> None:
    refused_in_these_words(full_db, tmp_path, *REFUSALS[case])
