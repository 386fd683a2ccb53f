"""`diary restore`: a medicine event's change and class are one of the diary's words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from diary.actions.medicines import start_medicine
from diary.store import open_store
from tests.files.conftest import bad_row, refused_in_these_words

CLASSES = (
    "antidepressant, benzodiazepine, sedative, stimulant, maoi, mood-stabiliser, "
    "antipsychotic, other"
)
CASES = {
    "an unknown change": bad_row(
        "medicine_events",
        0,
        "event: 'pause' is not accepted; expected one of start, change, stop",
        event="pause",
    ),
    "a change as a number": bad_row(
        "medicine_events",
        0,
        "event: '1' is not accepted; expected one of start, change, stop",
        event=1,
    ),
    "an unknown class": bad_row(
        "medicine_events",
        0,
        f"class: 'opioid' is not accepted; expected one of {CLASSES}",
        **{"class": "opioid"},
    ),
}


@pytest.fixture
def with_medicine(full_db: Path) -> Path:
    with open_store(full_db) as store:
        day = dt.date(2026, 11, 1)
        start_medicine(store, "sertraline", dose="50", unit="mg", since=day, today=day)
    return full_db


@pytest.mark.parametrize("case", CASES)
def test_bad_medicine_event_refused_in_these_words(
    with_medicine: Path, tmp_path: Path, case: str
) -> None:
    refused_in_these_words(with_medicine, tmp_path, *CASES[case])
