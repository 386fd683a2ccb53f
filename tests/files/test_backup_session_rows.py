"""`diary restore`: every session, vital reading and side effect row checked in full."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from tests.conftest import refused
from tests.files.conftest import ID, MOMENT, NUMBER, bad_row, by_table, refused_in_these_words

KEYS = (
    "dizziness, nausea, vomiting, dissociation, blurred_vision, high_blood_pressure, anxiety, "
    "confusion, floating_sensation, hallucinations, grogginess, headache"
)
MINUTES = "a whole number 0-1440"
in_sessions = partial(bad_row, "sessions")
in_vitals = partial(bad_row, "vitals")
in_side_effects = partial(bad_row, "side_effects")

SESSIONS = {
    "id 0": in_sessions(0, refused("id", 0, ID), id=0),
    "an id as text": in_sessions(0, refused("id", "2", ID + " (not text)"), id="2"),
    "an id twice": in_sessions(1, refused("id", 2, "each id once in sessions"), id=2),
    "started_at a word": in_sessions(
        0, refused("started_at", "yesterday", MOMENT), started_at="yesterday"
    ),
    "started_at before 1900": in_sessions(
        0,
        refused("started_at", "1899-12-31T10:00:00+00:00", MOMENT),
        started_at="1899-12-31T10:00:00+00:00",
    ),
    "a dose as text": in_sessions(0, refused("dose_mg", "36", NUMBER), dose_mg="36"),
    "a duration as text": in_sessions(0, refused("duration_min", "40", NUMBER), duration_min="40"),
    "an unknown route": in_sessions(
        0,
        refused("route", "rectal", "one of iv, im, intranasal, oral, sublingual, other"),
        route="rectal",
    ),
    "dose 0": in_sessions(
        0, refused("dose in mg", 0, "a number above 0 and at most 1000"), dose_mg=0
    ),
    "duration 0": in_sessions(
        0, refused("duration in minutes", 0, "a whole number 1-1440"), duration_min=0
    ),
    "an unknown phase": in_sessions(
        0, refused("phase", "acute", "one of induction, maintenance, booster"), phase="acute"
    ),
    "a clinic as a number": in_sessions(0, refused("clinic", 5, "text"), clinic=5),
    "a clinic too long": in_sessions(
        0, refused("clinic", "201 characters", "at most 200 characters"), clinic="c" * 201
    ),
}

VITALS = {
    "id 0": in_vitals(0, refused("id", 0, ID), id=0),
    "an id twice": in_vitals(1, refused("id", 3, "each id once in vitals"), id=3),
    "a missing session, named before the label": in_vitals(
        0,
        refused("session_id", 99, "the id of a session in this backup"),
        session_id=99,
        label="post",
    ),
    "a session id as text": in_vitals(
        0, refused("session_id", "2", ID + " (not text)"), session_id="2"
    ),
    "an unknown label": in_vitals(
        0, refused("label", "post", "one of pre, 40min, discharge, other"), label="post"
    ),
    "systolic as text": in_vitals(0, refused("systolic", "128", NUMBER), systolic="128"),
    "systolic 400": in_vitals(
        0, refused("blood pressure pre-dose systolic", 400, "a whole number 50-300"), systolic=400
    ),
    "diastolic above systolic": in_vitals(
        0, refused("blood pressure pre-dose", "128/150", "systolic above diastolic"), diastolic=150
    ),
    "heart rate 10": in_vitals(
        0,
        refused("blood pressure pre-dose heart rate", 10, "a whole number 20-250"),
        heart_rate=10,
    ),
    "SpO2 101": in_vitals(
        0, refused("blood pressure pre-dose SpO2", 101, "a whole number 50-100"), spo2=101
    ),
    "taken_at a word": in_vitals(4, refused("taken_at", "later", MOMENT), taken_at="later"),
}

SIDE_EFFECTS = {
    "a missing session": in_side_effects(
        1, refused("session_id", 1, "the id of a session in this backup"), session_id=1
    ),
    "no session": in_side_effects(0, refused("session_id", None, ID), session_id=None),
    "an unknown symptom": in_side_effects(
        0,
        refused("symptom", "sneezing", f"a key in this backup's symptoms: {KEYS}"),
        symptom="sneezing",
    ),
    "a label for a key": in_side_effects(
        0,
        refused("symptom", "Dizziness", f"a key in this backup's symptoms: {KEYS}"),
        symptom="Dizziness",
    ),
    "severity as text": in_side_effects(0, refused("severity", "2", NUMBER), severity="2"),
    "severity 4": in_side_effects(
        0, refused("severity of dizziness", 4, "a whole number 0-3"), severity=4
    ),
    "onset 2000 minutes": in_side_effects(
        0, refused("onset of dizziness (minutes)", 2000, MINUTES), onset_min=2000
    ),
    "a negative duration": in_side_effects(
        0, refused("duration of dizziness (minutes)", -1, MINUTES), duration_min=-1
    ),
    "a note as a number": in_side_effects(0, refused("note", 5, "text"), note=5),
    "a symptom twice in a session": in_side_effects(
        1,
        refused(
            "session_id and symptom",
            "(2, 'dizziness')",
            "each session_id and symptom once in side_effects",
        ),
        session_id=2,
        symptom="dizziness",
    ),
    "a repeat's rating checked before it is called a repeat": in_side_effects(
        1,
        refused("severity of dizziness", 4, "a whole number 0-3"),
        session_id=2,
        symptom="dizziness",
        severity=4,
    ),
}

REFUSALS = by_table(sessions=SESSIONS, vitals=VITALS, side_effects=SIDE_EFFECTS)


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_bad_session_row_refused_in_these_words(full_db: Path, tmp_path: Path, case: str) -> None:
    refused_in_these_words(full_db, tmp_path, *REFUSALS[case])
