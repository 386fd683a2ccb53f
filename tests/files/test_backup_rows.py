"""`diary restore`: every row checked in full, each bad one refused in its own words.

Sessions, vital readings and side effects are in test_backup_session_rows.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from diary.files.backup import read_backup
from tests.files.conftest import (
    DAY,
    ID,
    MOMENT,
    bad_row,
    by_table,
    edit,
    good_document,
    refused_in_these_words,
    written,
)

MOOD_COLUMNS = "day, mood, anxiety, sleep_hours, note, updated_at"


def _append(table: str, row: dict) -> Callable[[dict], dict]:
    return lambda d: d["tables"][table].append(row) or d


def _pop(table: str) -> Callable[[dict], dict]:
    return lambda d: d["tables"][table].pop() and d


def _drop(table: str, index: int, *fields: str) -> Callable[[dict], dict]:
    def change(document: dict) -> dict:
        for field in fields:
            del document["tables"][table][index][field]
        return document

    return change


SHAPES = {
    "rows not a list": (
        lambda d: d["tables"].update(moods={}) or d,
        "tables.moods is not a list of rows",
    ),
    "a row not an object": (
        lambda d: d["tables"]["moods"].insert(1, []) or d,
        f"moods row 2 is not an object with {MOOD_COLUMNS}",
    ),
    "a row lacking two fields": (
        _drop("moods", 0, "note", "mood"),
        "moods row 1 lacks mood, note",
    ),
    "an unknown field": (
        lambda d: edit(d, "moods", 0, energy=3),
        f"moods row 1 has unknown field 'energy' (expected {MOOD_COLUMNS})",
    ),
    "every row's shape before any row's values": (
        lambda d: edit(edit(d, "moods", 0, mood=12), "moods", 2, energy=3),
        f"moods row 3 has unknown field 'energy' (expected {MOOD_COLUMNS})",
    ),
    "tables in order": (
        lambda d: edit(edit(d, "settings", 0, key=""), "moods", 0, energy=3),
        "settings row 1: key: '' is not accepted; expected a setting name",
    ),
}

SETTINGS = {
    "a key as a number": bad_row("settings", 0, "key: '5' is not accepted; expected text", key=5),
    "an empty key": bad_row(
        "settings", 0, "key: '' is not accepted; expected a setting name", key=""
    ),
    "a key too long": bad_row(
        "settings",
        0,
        "key: '201 characters' is not accepted; expected at most 200 characters",
        key="k" * 201,
    ),
    "a key twice, named before its value": bad_row(
        "settings",
        1,
        "key: 'country' is not accepted; expected each key once in settings",
        key="country",
        value=5,
    ),
    "a value not text": bad_row(
        "settings", 2, "value of name: 'None' is not accepted; expected text", value=None
    ),
    "a weight not a number": bad_row(
        "settings",
        1,
        "default_weight_kg: 'heavy' is not accepted; expected a number 0-1000",
        value="heavy",
    ),
}

SYMPTOMS = {
    "a key in capitals": bad_row(
        "symptoms",
        11,
        "key: 'Headache' is not accepted; expected lower-case words joined "
        "by _, like blurred_vision",
        key="Headache",
    ),
    "a key too long": bad_row(
        "symptoms",
        11,
        "key: '61 characters' is not accepted; expected at most 60 characters",
        key="h" * 61,
    ),
    "a key twice, named before its built-in flag": bad_row(
        "symptoms",
        11,
        "key: 'nausea' is not accepted; expected each key once in symptoms",
        key="nausea",
    ),
    "builtin a word": bad_row(
        "symptoms", 11, "builtin: 'yes' is not accepted; expected true or false", builtin="yes"
    ),
    "builtin 2": bad_row(
        "symptoms", 11, "builtin: '2' is not accepted; expected true or false", builtin=2
    ),
    "an own symptom marked built-in": bad_row(
        "symptoms",
        11,
        "builtin of headache: 'True' is not accepted; expected not built-in",
        builtin=True,
    ),
    "a built-in marked own, as 0": bad_row(
        "symptoms", 0, "builtin of dizziness: '0' is not accepted; expected built-in", builtin=0
    ),
    "a blank label": bad_row(
        "symptoms",
        11,
        "symptom label: '  ' is not accepted; expected 1-60 characters with a letter or digit",
        label="  ",
    ),
    "no label": bad_row(
        "symptoms",
        11,
        "symptom label: 'None' is not accepted; expected 1-60 characters with a letter or digit",
        label=None,
    ),
    "a label as a number": bad_row(
        "symptoms", 11, "symptom label: '5' is not accepted; expected text", label=5
    ),
    "hidden a word": bad_row(
        "symptoms", 11, "hidden: 'no' is not accepted; expected true or false", hidden="no"
    ),
    "a negative position": bad_row(
        "symptoms",
        11,
        "position: '-1' is not accepted; expected a whole number 0-1000000000",
        position=-1,
    ),
    "a position as text": bad_row(
        "symptoms",
        11,
        "position: '3' is not accepted; expected a whole number 0-1000000000 (not text)",
        position="3",
    ),
}

MOODS = {
    "a day that does not exist": bad_row(
        "moods",
        0,
        f"day: '2026-02-30' is not accepted; expected {DAY}",
        day="2026-02-30",
    ),
    "a day as a word": bad_row(
        "moods",
        0,
        f"day: 'today' is not accepted; expected {DAY}",
        day="today",
    ),
    "a day as a number": bad_row(
        "moods",
        0,
        f"day: '20261101' is not accepted; expected {DAY}",
        day=20261101,
    ),
    "a day before 1900": bad_row(
        "moods",
        0,
        f"day: '1899-12-31' is not accepted; expected {DAY}",
        day="1899-12-31",
    ),
    "a day twice": bad_row(
        "moods",
        1,
        "day: '2026-11-01' is not accepted; expected each day once in moods",
        day="2026-11-01",
    ),
    "a mood as text": bad_row(
        "moods", 0, "mood: '4' is not accepted; expected a number (not text)", mood="4"
    ),
    "an anxiety as text": bad_row(
        "moods", 0, "anxiety: '6' is not accepted; expected a number (not text)", anxiety="6"
    ),
    "mood 12": bad_row(
        "moods", 1, "mood: '12' is not accepted; expected a whole number 0-10", mood=12
    ),
    "mood 4.5": bad_row(
        "moods", 1, "mood: '4.5' is not accepted; expected a whole number 0-10", mood=4.5
    ),
    "sleep as text": bad_row(
        "moods",
        0,
        "sleep_hours: '7' is not accepted; expected a number (not text)",
        sleep_hours="7",
    ),
    "sleep 25 hours": bad_row(
        "moods", 0, "sleep: '25' is not accepted; expected a number 0-24", sleep_hours=25
    ),
    "a note not text, named before the mood's range": bad_row(
        "moods", 1, "note: '5' is not accepted; expected text", mood=12, note=5
    ),
    "updated_at a word": bad_row(
        "moods",
        0,
        f"updated_at: 'yesterday' is not accepted; expected {MOMENT}",
        updated_at="yesterday",
    ),
    "updated_at month 13": bad_row(
        "moods",
        0,
        f"updated_at: '2026-13-01T00:00:00+00:00' is not accepted; expected {MOMENT}",
        updated_at="2026-13-01T00:00:00+00:00",
    ),
    "updated_at before 1900": bad_row(
        "moods",
        0,
        f"updated_at: '1899-01-01T00:00:00+00:00' is not accepted; expected {MOMENT}",
        updated_at="1899-01-01T00:00:00+00:00",
    ),
}

CHECKINS = {
    "id 0": bad_row("checkins", 0, f"id: '0' is not accepted; expected {ID}", id=0),
    "an id twice": (
        _append("checkins", {"id": 1, "kind": "gad7", "day": "2026-11-03"}),
        "checkins row 2: id: '1' is not accepted; expected each id once in checkins",
    ),
    "an unknown kind": bad_row(
        "checkins",
        0,
        "questionnaire: 'bdi' is not accepted; expected one of phq9, gad7",
        kind="bdi",
    ),
    "a kind as a number": bad_row(
        "checkins", 0, "questionnaire: '9' is not accepted; expected one of phq9, gad7", kind=9
    ),
    "a day that does not exist": bad_row(
        "checkins",
        0,
        f"day: '2026-11-31' is not accepted; expected {DAY}",
        day="2026-11-31",
    ),
    "an answer of a missing check-in": bad_row(
        "checkin_answers",
        0,
        "checkin_id: '5' is not accepted; expected the id of a check-in in this backup",
        checkin_id=5,
    ),
    "item 0": bad_row(
        "checkin_answers", 0, "item: '0' is not accepted; expected a whole number 1-99", item=0
    ),
    "an item twice": bad_row(
        "checkin_answers",
        1,
        "checkin_id and item: '(1, 1)' is not accepted; expected each "
        "checkin_id and item once in checkin_answers",
        item=1,
    ),
    "answer 4, named before a missing answer": (
        lambda d: edit(_pop("checkin_answers")(d), "checkin_answers", 0, answer=4),
        "checkin_answers row 1: answer: '4' is not accepted; expected a whole number 0-3",
    ),
    "an answer missing": (
        _pop("checkin_answers"),
        "checkins row 1: check-in 1 (phq9) has answers for items [1, 2, 3, 4, 5, 6, 7, 8]; "
        "expected items 1-9",
    ),
    "an item too many": (
        _append("checkin_answers", {"checkin_id": 1, "item": 10, "answer": 0}),
        "checkins row 1: check-in 1 (phq9) has answers for items [1, 2, 3, 4, 5, 6, 7, 8, 9, "
        "10]; expected items 1-9",
    ),
    "a check-in with no answers": (
        _append("checkins", {"id": 2, "kind": "gad7", "day": "2026-11-03"}),
        "checkins row 2: check-in 2 (gad7) has answers for items none; expected items 1-7",
    ),
}

ROW_REFUSALS = by_table(
    shape=SHAPES, settings=SETTINGS, symptoms=SYMPTOMS, moods=MOODS, checkins=CHECKINS
)


@pytest.mark.parametrize("case", sorted(ROW_REFUSALS))
def test_bad_row_refused_in_these_words(full_db: Path, tmp_path: Path, case: str) -> None:
    refused_in_these_words(full_db, tmp_path, *ROW_REFUSALS[case])


def test_an_empty_default_weight_is_restored(full_db: Path, tmp_path: Path) -> None:
    """The weight setting is checked as a number only when it holds one."""
    good = written(tmp_path / "good.json", edit(good_document(full_db), "settings", 1, value=""))
    assert dict(read_backup(good).tables["settings"])["default_weight_kg"] == ""
