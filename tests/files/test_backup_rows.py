"""`diary restore`: every row checked in full, each bad one refused in its own words.

Sessions, vital readings and side effects are in test_backup_session_rows.py.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from diary.files.backup import read_backup
from tests.conftest import refused
from tests.files.conftest import (
    DAY,
    ID,
    MOMENT,
    NUMBER,
    bad_row,
    by_table,
    edit,
    good_document,
    refused_in_these_words,
    written,
)

MOOD_COLUMNS = "day, mood, anxiety, sleep_hours, note, updated_at"
BOOLEAN = "true or false"
LABEL = "1-60 characters with a letter or digit"
POSITION = "a whole number 0-1000000000"
in_settings = partial(bad_row, "settings")
in_symptoms = partial(bad_row, "symptoms")
in_moods = partial(bad_row, "moods")
in_checkins = partial(bad_row, "checkins")
in_answers = partial(bad_row, "checkin_answers")


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
    "a key as a number": in_settings(0, refused("key", 5, "text"), key=5),
    "an empty key": in_settings(0, refused("key", "", "a setting name"), key=""),
    "a key too long": in_settings(
        0, refused("key", "201 characters", "at most 200 characters"), key="k" * 201
    ),
    "a key twice, named before its value": in_settings(
        1, refused("key", "country", "each key once in settings"), key="country", value=5
    ),
    "a value not text": in_settings(2, refused("value of name", None, "text"), value=None),
    "a weight not a number": in_settings(
        1, refused("default_weight_kg", "heavy", "a number 0-1000"), value="heavy"
    ),
}

SYMPTOMS = {
    "a key in capitals": in_symptoms(
        11,
        refused("key", "Headache", "lower-case words joined by _, like blurred_vision"),
        key="Headache",
    ),
    "a key too long": in_symptoms(
        11, refused("key", "61 characters", "at most 60 characters"), key="h" * 61
    ),
    "a key twice, named before its built-in flag": in_symptoms(
        11, refused("key", "nausea", "each key once in symptoms"), key="nausea"
    ),
    "builtin a word": in_symptoms(11, refused("builtin", "yes", BOOLEAN), builtin="yes"),
    "builtin 2": in_symptoms(11, refused("builtin", 2, BOOLEAN), builtin=2),
    "an own symptom marked built-in": in_symptoms(
        11, refused("builtin of headache", True, "not built-in"), builtin=True
    ),
    "a built-in marked own, as 0": in_symptoms(
        0, refused("builtin of dizziness", 0, "built-in"), builtin=0
    ),
    "a blank label": in_symptoms(11, refused("symptom label", "  ", LABEL), label="  "),
    "no label": in_symptoms(11, refused("symptom label", None, LABEL), label=None),
    "a label as a number": in_symptoms(11, refused("symptom label", 5, "text"), label=5),
    "hidden a word": in_symptoms(11, refused("hidden", "no", BOOLEAN), hidden="no"),
    "a negative position": in_symptoms(11, refused("position", -1, POSITION), position=-1),
    "a position as text": in_symptoms(
        11, refused("position", "3", "a whole number 0-1000000000 (not text)"), position="3"
    ),
}

MOODS = {
    "a day that does not exist": in_moods(0, refused("day", "2026-02-30", DAY), day="2026-02-30"),
    "a day as a word": in_moods(0, refused("day", "today", DAY), day="today"),
    "a day as a number": in_moods(0, refused("day", 20261101, DAY), day=20261101),
    "a day before 1900": in_moods(0, refused("day", "1899-12-31", DAY), day="1899-12-31"),
    "a day twice": in_moods(
        1, refused("day", "2026-11-01", "each day once in moods"), day="2026-11-01"
    ),
    "a mood as text": in_moods(0, refused("mood", "4", NUMBER), mood="4"),
    "an anxiety as text": in_moods(0, refused("anxiety", "6", NUMBER), anxiety="6"),
    "mood 12": in_moods(1, refused("mood", 12, "a whole number 0-10"), mood=12),
    "mood 4.5": in_moods(1, refused("mood", 4.5, "a whole number 0-10"), mood=4.5),
    "sleep as text": in_moods(0, refused("sleep_hours", "7", NUMBER), sleep_hours="7"),
    "sleep 25 hours": in_moods(0, refused("sleep", 25, "a number 0-24"), sleep_hours=25),
    "a note not text, named before the mood's range": in_moods(
        1, refused("note", 5, "text"), mood=12, note=5
    ),
    "updated_at a word": in_moods(
        0, refused("updated_at", "yesterday", MOMENT), updated_at="yesterday"
    ),
    "updated_at month 13": in_moods(
        0,
        refused("updated_at", "2026-13-01T00:00:00+00:00", MOMENT),
        updated_at="2026-13-01T00:00:00+00:00",
    ),
    "updated_at before 1900": in_moods(
        0,
        refused("updated_at", "1899-01-01T00:00:00+00:00", MOMENT),
        updated_at="1899-01-01T00:00:00+00:00",
    ),
}

CHECKINS = {
    "id 0": in_checkins(0, refused("id", 0, ID), id=0),
    "an id twice": (
        _append("checkins", {"id": 1, "kind": "gad7", "day": "2026-11-03"}),
        "checkins row 2: id: '1' is not accepted; expected each id once in checkins",
    ),
    "an unknown kind": in_checkins(
        0, refused("questionnaire", "bdi", "one of phq9, gad7"), kind="bdi"
    ),
    "a kind as a number": in_checkins(0, refused("questionnaire", 9, "one of phq9, gad7"), kind=9),
    "a day that does not exist": in_checkins(
        0, refused("day", "2026-11-31", DAY), day="2026-11-31"
    ),
    "an answer of a missing check-in": in_answers(
        0, refused("checkin_id", 5, "the id of a check-in in this backup"), checkin_id=5
    ),
    "item 0": in_answers(0, refused("item", 0, "a whole number 1-99"), item=0),
    "an item twice": in_answers(
        1,
        refused(
            "checkin_id and item", "(1, 1)", "each checkin_id and item once in checkin_answers"
        ),
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
