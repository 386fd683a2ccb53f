"""The CSV layer on domain objects: neutralising, one row per day, tidy tables."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import stat
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from diary import domain
from diary.files.csv import (
    daily_table,
    neutralise,
    session_table,
    to_csv,
    write_daily_csv,
    write_tables,
)
from diary.files.writing import check_target
from tests.daily_csv import daily_header

UTC = dt.UTC


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+41 79 000 00 00", "'+41 79 000 00 00"),
        ("-3", "-3"),  # a plain number runs nothing: it stays a number
        ("-0.33", "-0.33"),
        ("-3+1", "'-3+1"),
        ("-1e3", "'-1e3"),
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
        (-1, "-1"),
    ],
)
def test_neutralise(cell: object, shown: str) -> None:
    assert neutralise(cell) == shown


@given(st.text())
def test_no_cell_a_spreadsheet_would_run_survives(text: str) -> None:
    out = to_csv(["note"], [[text]])
    (row,) = list(csv.reader(io.StringIO(out, newline="")))[1:]
    if re.fullmatch(r"-?\d+(\.\d+)?", text):  # a plain number: nothing to run
        assert row[0] == text
    else:
        assert not row[0].startswith(("=", "+", "-", "@", "\t", "\r"))
        assert row[0] in (text, "'" + text)


def test_to_csv_quotes_commas_quotes_and_newlines() -> None:
    out = to_csv(["a", "b"], [["x, y", 'say "hi"\nnext line']])
    assert out == 'a,b\r\n"x, y","say ""hi""\nnext line"\r\n'


def test_daily_table_fills_every_day_with_numbers() -> None:
    symptoms = [*domain.BUILTIN_SYMPTOMS[:2], domain.Symptom("headache", "Headache")]
    at = dt.datetime(2026, 11, 2, 10, tzinfo=UTC)
    session = domain.Session(
        at,
        domain.Route.INTRANASAL,
        dose_mg=84.0,
        weight_kg=80.0,
        phase=domain.Phase.INDUCTION,
        vitals=(
            domain.VitalReading(domain.VitalLabel.PRE, 128, 82, heart_rate=71, spo2=98),
            domain.VitalReading(domain.VitalLabel.DISCHARGE, 130, 84),
        ),
        side_effects=(
            domain.SideEffectRating("nausea", domain.Severity.SEVERE),
            domain.SideEffectRating("headache", domain.Severity.MILD),
        ),
        note="long day",
    )
    mood = domain.MoodEntry(dt.date(2026, 11, 2), 4, 6, 7.25, "tired")
    checkins = [  # Nov 2: PHQ-9 14 then 9 (the last saved counts), GAD-7 5; Nov 3: PHQ-9 3
        domain.CheckIn(domain.CheckinKind.PHQ9, dt.date(2026, 11, 2), (2,) * 6 + (1, 0, 1)),
        domain.CheckIn(domain.CheckinKind.GAD7, dt.date(2026, 11, 2), (1,) * 5 + (0, 0)),
        domain.CheckIn(domain.CheckinKind.PHQ9, dt.date(2026, 11, 2), (1,) * 7 + (0, 2)),
        domain.CheckIn(domain.CheckinKind.PHQ9, dt.date(2026, 11, 3), (1, 1, 1) + (0,) * 6),
    ]
    header, rows = daily_table(
        dt.date(2026, 11, 1), dt.date(2026, 11, 3), [mood], [session], symptoms, checkins
    )
    assert header == daily_header(["dizziness", "nausea", "headache"])
    assert len(set(header)) == len(header)
    empty = [""] * 28
    assert rows == [
        ["2026-11-01", *empty],
        [
            "2026-11-02", 4, 6, "7.25", 1, "intranasal", "induction", "84", "1.05",  # 84 / 80
            128, 82, 71, 98, "", "", "", "", 130, 84, "", "",
            9, 2, 5,  # 7 + 2, the last saved; item 9 the highest of the day; GAD-7 1 x 5
            0, 3, 1, "",
            "tired | session: long day | 2 PHQ-9s: 14, 9 (phq9 the last, phq9_item9 the highest "
            "item 9)",
        ],
        ["2026-11-03", *[""] * 20, 3, 0, "", "", "", "", "", ""],
    ]  # fmt: skip


def test_an_item_9_above_0_is_never_hidden_by_a_later_phq9_of_the_day() -> None:
    # Nov 2: PHQ-9 10 with item 9 = 3, then PHQ-9 5 with item 9 = 0 (saved after it): the
    # day's score is the last (5), but its item 9 is the highest (3), as in the report
    checkins = [
        domain.CheckIn(domain.CheckinKind.PHQ9, dt.date(2026, 11, 2), (1,) * 7 + (0, 3)),
        domain.CheckIn(domain.CheckinKind.PHQ9, dt.date(2026, 11, 2), (1,) * 5 + (0,) * 4),
    ]
    header, rows = daily_table(dt.date(2026, 11, 2), dt.date(2026, 11, 2), [], [], [], checkins)
    row = dict(zip(header, rows[0], strict=True))
    assert (row["phq9"], row["phq9_item9"]) == (5, 3)
    assert row["note"] == "2 PHQ-9s: 10, 5 (phq9 the last, phq9_item9 the highest item 9)"


def test_header_has_no_duplicate_even_with_the_anxiety_symptom() -> None:
    header, _ = daily_table(
        END := dt.date(2026, 11, 20), END, [], [], list(domain.BUILTIN_SYMPTOMS)
    )
    assert header.count("anxiety") == 1
    assert "se_anxiety" in header and "se_high_blood_pressure" in header
    assert len(set(header)) == len(header)


def test_session_table_gives_the_figures_of_diary_stats() -> None:
    from diary import analysis

    day = dt.date(2026, 11, 10)
    first = domain.Session(
        dt.datetime(2026, 11, 10, 9, tzinfo=UTC),
        domain.Route.IV,
        dose_mg_per_kg=0.5,
        weight_kg=70.5,
        vitals=(
            domain.VitalReading(domain.VitalLabel.PRE, 120, 70),
            domain.VitalReading(domain.VitalLabel.FORTY, 165, 80),
        ),
        side_effects=(domain.SideEffectRating("nausea", domain.Severity.MILD, duration_min=30),),
        id=1,
    )
    moods = [domain.MoodEntry(day - dt.timedelta(days=n), 4) for n in (1, 2, 3)]
    moods += [domain.MoodEntry(day + dt.timedelta(days=1), 7)]
    effects = analysis.session_effects(moods, [first], {1: 1}, list(domain.BUILTIN_SYMPTOMS))
    header, rows = session_table(effects, list(domain.BUILTIN_SYMPTOMS[:2]))
    row = dict(zip(header, rows[0], strict=True))
    assert (row["date"], row["time"], row["number"], row["route"]) == (
        "2026-11-10",
        "09:00",
        1,
        "iv",
    )
    assert (row["dose_mg"], row["dose_mg_per_kg"], row["weight_kg"]) == ("35.3", "0.5", "70.5")
    assert row["bp_flags"] == "~40 min: rise over 40/25 from pre-dose"  # 45 over 120
    # baseline (4 + 4 + 4) / 3; after: Nov 11 only; one day above, the diary ends there
    assert (row["baseline"], row["after"], row["change"]) == ("4", "7", "3")
    assert (row["days_above_baseline"], row["logged_days"], row["ended_by"]) == (
        1,
        1,
        "end of diary so far",
    )
    assert (row["se_dizziness"], row["se_nausea"], row["burden"]) == (0, 1, 1)


def test_the_csv_file_starts_with_a_byte_order_mark_unless_asked(tmp_path: Path) -> None:
    write_daily_csv(tmp_path / "a.csv", ["note"], [["é"]])
    assert (tmp_path / "a.csv").read_bytes() == "\ufeffnote\r\né\r\n".encode()
    write_daily_csv(tmp_path / "b.csv", ["note"], [["é"]], bom=False)
    assert (tmp_path / "b.csv").read_bytes() == "note\r\né\r\n".encode()


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
