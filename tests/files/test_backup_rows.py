"""`diary restore`: every row checked in full, each bad one refused in its own words.

Sessions, vital readings and side effects are in test_backup_session_rows.py.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from diary.files.backup import read_backup
from tests.files.conftest import (
    ID,
    MOMENT,
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
    "a key as a number": (
        lambda d: edit(d, "settings", 0, key=5),
        "settings row 1: key: '5' is not accepted; expected text",
    ),
    "an empty key": (
        lambda d: edit(d, "settings", 0, key=""),
        "settings row 1: key: '' is not accepted; expected a setting name",
    ),
    "a key too long": (
        lambda d: edit(d, "settings", 0, key="k" * 201),
        "settings row 1: key: '201 characters' is not accepted; expected at most 200 characters",
    ),
    "a key twice, named before its value": (
        lambda d: edit(d, "settings", 1, key="country", value=5),
        "settings row 2: key: 'country' is not accepted; expected each key once in settings",
    ),
    "a value not text": (
        lambda d: edit(d, "settings", 2, value=None),
        "settings row 3: value of name: 'None' is not accepted; expected text",
    ),
    "a weight not a number": (
        lambda d: edit(d, "settings", 1, value="heavy"),
        "settings row 2: default_weight_kg: 'heavy' is not accepted; expected a number 0-1000",
    ),
}

SYMPTOMS = {
    "a key in capitals": (
        lambda d: edit(d, "symptoms", 11, key="Headache"),
        "symptoms row 12: key: 'Headache' is not accepted; expected lower-case words joined "
        "by _, like blurred_vision",
    ),
    "a key too long": (
        lambda d: edit(d, "symptoms", 11, key="h" * 61),
        "symptoms row 12: key: '61 characters' is not accepted; expected at most 60 characters",
    ),
    "a key twice, named before its built-in flag": (
        lambda d: edit(d, "symptoms", 11, key="nausea"),
        "symptoms row 12: key: 'nausea' is not accepted; expected each key once in symptoms",
    ),
    "builtin a word": (
        lambda d: edit(d, "symptoms", 11, builtin="yes"),
        "symptoms row 12: builtin: 'yes' is not accepted; expected true or false",
    ),
    "builtin 2": (
        lambda d: edit(d, "symptoms", 11, builtin=2),
        "symptoms row 12: builtin: '2' is not accepted; expected true or false",
    ),
    "an own symptom marked built-in": (
        lambda d: edit(d, "symptoms", 11, builtin=True),
        "symptoms row 12: builtin of headache: 'True' is not accepted; expected not built-in",
    ),
    "a built-in marked own, as 0": (
        lambda d: edit(d, "symptoms", 0, builtin=0),
        "symptoms row 1: builtin of dizziness: '0' is not accepted; expected built-in",
    ),
    "a blank label": (
        lambda d: edit(d, "symptoms", 11, label="  "),
        "symptoms row 12: symptom label: '  ' is not accepted; expected 1-60 characters with "
        "a letter or digit",
    ),
    "no label": (
        lambda d: edit(d, "symptoms", 11, label=None),
        "symptoms row 12: symptom label: 'None' is not accepted; expected 1-60 characters with "
        "a letter or digit",
    ),
    "a label as a number": (
        lambda d: edit(d, "symptoms", 11, label=5),
        "symptoms row 12: symptom label: '5' is not accepted; expected text",
    ),
    "hidden a word": (
        lambda d: edit(d, "symptoms", 11, hidden="no"),
        "symptoms row 12: hidden: 'no' is not accepted; expected true or false",
    ),
    "a negative position": (
        lambda d: edit(d, "symptoms", 11, position=-1),
        "symptoms row 12: position: '-1' is not accepted; expected a whole number 0-1000000000",
    ),
    "a position as text": (
        lambda d: edit(d, "symptoms", 11, position="3"),
        "symptoms row 12: position: '3' is not accepted; expected a whole number 0-1000000000 "
        "(not text)",
    ),
}

MOODS = {
    "a day that does not exist": (
        lambda d: edit(d, "moods", 0, day="2026-02-30"),
        "moods row 1: day: '2026-02-30' is not accepted; expected an ISO date YYYY-MM-DD "
        "from 1900-01-01 to 9000-12-31",
    ),
    "a day as a word": (
        lambda d: edit(d, "moods", 0, day="today"),
        "moods row 1: day: 'today' is not accepted; expected an ISO date YYYY-MM-DD "
        "from 1900-01-01 to 9000-12-31",
    ),
    "a day as a number": (
        lambda d: edit(d, "moods", 0, day=20261101),
        "moods row 1: day: '20261101' is not accepted; expected an ISO date YYYY-MM-DD "
        "from 1900-01-01 to 9000-12-31",
    ),
    "a day before 1900": (
        lambda d: edit(d, "moods", 0, day="1899-12-31"),
        "moods row 1: day: '1899-12-31' is not accepted; expected an ISO date YYYY-MM-DD "
        "from 1900-01-01 to 9000-12-31",
    ),
    "a day twice": (
        lambda d: edit(d, "moods", 1, day="2026-11-01"),
        "moods row 2: day: '2026-11-01' is not accepted; expected each day once in moods",
    ),
    "a mood as text": (
        lambda d: edit(d, "moods", 0, mood="4"),
        "moods row 1: mood: '4' is not accepted; expected a number (not text)",
    ),
    "an anxiety as text": (
        lambda d: edit(d, "moods", 0, anxiety="6"),
        "moods row 1: anxiety: '6' is not accepted; expected a number (not text)",
    ),
    "mood 12": (
        lambda d: edit(d, "moods", 1, mood=12),
        "moods row 2: mood: '12' is not accepted; expected a whole number 0-10",
    ),
    "mood 4.5": (
        lambda d: edit(d, "moods", 1, mood=4.5),
        "moods row 2: mood: '4.5' is not accepted; expected a whole number 0-10",
    ),
    "sleep as text": (
        lambda d: edit(d, "moods", 0, sleep_hours="7"),
        "moods row 1: sleep_hours: '7' is not accepted; expected a number (not text)",
    ),
    "sleep 25 hours": (
        lambda d: edit(d, "moods", 0, sleep_hours=25),
        "moods row 1: sleep: '25' is not accepted; expected a number 0-24",
    ),
    "a note not text, named before the mood's range": (
        lambda d: edit(d, "moods", 1, mood=12, note=5),
        "moods row 2: note: '5' is not accepted; expected text",
    ),
    "updated_at a word": (
        lambda d: edit(d, "moods", 0, updated_at="yesterday"),
        f"moods row 1: updated_at: 'yesterday' is not accepted; expected {MOMENT}",
    ),
    "updated_at month 13": (
        lambda d: edit(d, "moods", 0, updated_at="2026-13-01T00:00:00+00:00"),
        f"moods row 1: updated_at: '2026-13-01T00:00:00+00:00' is not accepted; expected {MOMENT}",
    ),
    "updated_at before 1900": (
        lambda d: edit(d, "moods", 0, updated_at="1899-01-01T00:00:00+00:00"),
        f"moods row 1: updated_at: '1899-01-01T00:00:00+00:00' is not accepted; expected {MOMENT}",
    ),
}

CHECKINS = {
    "id 0": (
        lambda d: edit(d, "checkins", 0, id=0),
        f"checkins row 1: id: '0' is not accepted; expected {ID}",
    ),
    "an id twice": (
        _append("checkins", {"id": 1, "kind": "gad7", "day": "2026-11-03"}),
        "checkins row 2: id: '1' is not accepted; expected each id once in checkins",
    ),
    "an unknown kind": (
        lambda d: edit(d, "checkins", 0, kind="bdi"),
        "checkins row 1: questionnaire: 'bdi' is not accepted; expected one of phq9, gad7",
    ),
    "a kind as a number": (
        lambda d: edit(d, "checkins", 0, kind=9),
        "checkins row 1: questionnaire: '9' is not accepted; expected one of phq9, gad7",
    ),
    "a day that does not exist": (
        lambda d: edit(d, "checkins", 0, day="2026-11-31"),
        "checkins row 1: day: '2026-11-31' is not accepted; expected an ISO date YYYY-MM-DD "
        "from 1900-01-01 to 9000-12-31",
    ),
    "an answer of a missing check-in": (
        lambda d: edit(d, "checkin_answers", 0, checkin_id=5),
        "checkin_answers row 1: checkin_id: '5' is not accepted; expected the id of a check-in "
        "in this backup",
    ),
    "item 0": (
        lambda d: edit(d, "checkin_answers", 0, item=0),
        "checkin_answers row 1: item: '0' is not accepted; expected a whole number 1-99",
    ),
    "an item twice": (
        lambda d: edit(d, "checkin_answers", 1, item=1),
        "checkin_answers row 2: checkin_id and item: '(1, 1)' is not accepted; expected each "
        "checkin_id and item once in checkin_answers",
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
