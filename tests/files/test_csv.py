"""The CSV layer on domain objects: neutralising, one row per day, tidy tables."""

from __future__ import annotations

import csv
import datetime as dt
import io
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diary import domain
from diary.files.csv import daily_table, neutralise, to_csv, write_tables
from diary.files.writing import check_target

UTC = dt.UTC


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+41 79 000 00 00", "'+41 79 000 00 00"),
        ("-3", "'-3"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        (" =1", " =1"),
        ("a=1", "a=1"),
        ("'=1", "'=1"),
        ("", ""),
        (None, ""),
        (7, "7"),
        (6.5, "6.5"),
        (-1, "'-1"),
    ],
)
def test_neutralise(cell: object, shown: str) -> None:
    assert neutralise(cell) == shown


@given(st.text())
def test_no_cell_a_spreadsheet_would_run_survives(text: str) -> None:
    out = to_csv(["note"], [[text]])
    (row,) = list(csv.reader(io.StringIO(out, newline="")))[1:]
    assert not row[0].startswith(("=", "+", "-", "@", "\t", "\r"))
    assert row[0] in (text, "'" + text)


def test_to_csv_quotes_commas_quotes_and_newlines() -> None:
    out = to_csv(["a", "b"], [["x, y", 'say "hi"\nnext line']])
    assert out == 'a,b\r\n"x, y","say ""hi""\nnext line"\r\n'


def test_daily_table_fills_every_day_and_picks_each_symptom() -> None:
    symptoms = [*domain.BUILTIN_SYMPTOMS[:2], domain.Symptom("headache", "Headache")]
    at = dt.datetime(2026, 11, 2, 10, tzinfo=UTC)
    session = domain.Session(
        at,
        domain.Route.INTRANASAL,
        dose_mg=84.0,
        vitals=(
            domain.VitalReading(domain.VitalLabel.PRE, 128, 82),
            domain.VitalReading(domain.VitalLabel.DISCHARGE, 130, 84),
        ),
        side_effects=(
            domain.SideEffectRating("nausea", domain.Severity.SEVERE),
            domain.SideEffectRating("headache", domain.Severity.MILD),
        ),
        note="long day",
    )
    mood = domain.MoodEntry(dt.date(2026, 11, 2), 4, 6, 7.25, "tired")
    header, rows = daily_table(
        dt.date(2026, 11, 1), dt.date(2026, 11, 3), [mood], [session], symptoms
    )
    assert header == [
        "date",
        "mood",
        "anxiety",
        "sleep_hours",
        "session",
        "bp_pre",
        "bp_40",
        "bp_discharge",
        "dizziness_severity",
        "nausea_severity",
        "headache_severity",
        "note",
    ]
    assert len(set(header)) == len(header)
    assert rows == [
        ["2026-11-01", "", "", "", "", "", "", "", "", "", "", ""],
        [
            "2026-11-02",
            4,
            6,
            "7.25",
            "intranasal 84 mg",
            "128/82",
            "",
            "130/84",
            0,
            3,
            1,
            "tired | session: long day",
        ],
        ["2026-11-03", "", "", "", "", "", "", "", "", "", "", ""],
    ]


def test_header_has_no_duplicate_even_with_the_anxiety_symptom() -> None:
    header, _ = daily_table(
        END := dt.date(2026, 11, 20), END, [], [], list(domain.BUILTIN_SYMPTOMS)
    )
    assert header.count("anxiety") == 1
    assert "anxiety_severity" in header
    assert len(set(header)) == len(header)


def test_write_tables_one_file_each_0600(tmp_path: Path) -> None:
    tables = {
        "moods": (["day", "mood", "note"], [("2026-11-20", 7, "=bad")]),
        "sessions": (["id", "route"], [(1, "iv"), (2, "im")]),
    }
    written = write_tables(tmp_path, tables)
    assert [p.name for p in written] == ["moods.csv", "sessions.csv"]
    assert (tmp_path / "moods.csv").read_bytes() == b"day,mood,note\r\n2026-11-20,7,'=bad\r\n"
    assert (tmp_path / "sessions.csv").read_bytes() == b"id,route\r\n1,iv\r\n2,im\r\n"
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in written)


def test_check_target(tmp_path: Path) -> None:
    db = tmp_path / "diary.db"
    db.write_bytes(b"x")
    assert check_target(tmp_path / "ok.csv", protect=db) == tmp_path / "ok.csv"
    (tmp_path / "sub").mkdir()
    with pytest.raises(Exception, match="a file other than the diary database itself"):
        check_target(tmp_path / "sub" / ".." / "diary.db", protect=db)
    with pytest.raises(Exception, match="a file name, not a folder"):
        check_target(tmp_path, protect=db)
    with pytest.raises(Exception, match="a file in an existing folder"):
        check_target(tmp_path / "nope" / "x.csv", protect=db)
