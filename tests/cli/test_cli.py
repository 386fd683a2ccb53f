"""The `diary` command: every command's happy path, what it prints and what lands in the file."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import sqlite3
import stat
from pathlib import Path

import pytest

from diary import __version__
from diary.domain import (
    MoodEntry,
    Phase,
    Route,
    Settings,
    Severity,
    SideEffectRating,
    VitalLabel,
)
from diary.store import TABLES, open_store
from tests.conftest import run_diary
from tests.daily_csv import daily_header

HEADER = daily_header()
EMPTY_DAY = [""] * (len(HEADER) - 2)  # every column but the date and the note


@pytest.fixture(autouse=True)
def home_stays_empty(tmp_path: Path):
    """No test here may create anything in the (temporary) home: the user's diary is never made."""
    yield
    home = tmp_path / "home"
    assert [p.relative_to(home) for p in home.rglob("*")] == []


def read_csv(path: Path, bom: bool = True) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") is bom  # the UTF-8 byte-order mark
    text = raw.decode("utf-8-sig")  # strict: must be UTF-8
    return list(csv.reader(io.StringIO(text, newline="")))


# --- mood ---------------------------------------------------------------------------------


def test_mood_today(cli, db_path: Path) -> None:
    result = cli("mood", "7")
    assert (result.code, result.out, result.err) == (0, "Mood 7/10 saved for 2026-11-20.\n", "")
    with open_store(db_path) as store:
        assert store.moods_between() == [MoodEntry(dt.date(2026, 11, 20), 7)]


def test_mood_again_changes_only_the_fields_given(cli, db_path: Path) -> None:
    cli("mood", "6", "--date", "2026-11-18", "--anxiety", "3", "--sleep", "7", "--note", "ok")
    result = cli("mood", "6", "--date", "2026-11-18", "--sleep", "5")
    assert result.out == "Mood 6/10 saved for 2026-11-18: sleep 7 -> 5; note and anxiety kept.\n"
    result = cli("mood", "6", "--date", "2026-11-18", "--sleep", "-0")
    assert result.out == "Mood 6/10 saved for 2026-11-18: sleep 5 -> 0; note and anxiety kept.\n"
    assert cli("mood", "6", "--date", "2026-11-18", "--sleep", "5").code == 0  # back to 5
    result = cli("mood", "7", "--date", "2026-11-18", "--clear-note", "--anxiety", "4")
    assert result.out == (
        "Mood 7/10 saved for 2026-11-18: mood 6 -> 7; note cleared; anxiety 3 -> 4; sleep kept.\n"
    )
    with open_store(db_path) as store:
        assert store.mood_for(dt.date(2026, 11, 18)) == MoodEntry(dt.date(2026, 11, 18), 7, 4, 5.0)
    before = db_path.read_bytes()
    result = cli("mood", "7", "--date", "2026-11-18", "--note", "x", "--clear-note")
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "diary: --note: 'x' is not accepted; expected a value or --clear-note, not both\n"
    )
    assert db_path.read_bytes() == before


def test_mood_with_every_option_then_replaced(cli, db_path: Path) -> None:
    every_option = (
        "--date",
        "yesterday",
        "--anxiety",
        "4",
        "--sleep",
        "6.5",
        "--note",
        "Ça va 🙂",
    )
    result = cli("mood", "6", *every_option)
    assert result.out == "Mood 6/10 saved for 2026-11-19.\n"
    result = cli("mood", "8", "--date", "2026-11-19")
    assert result.out == (
        "Mood 8/10 saved for 2026-11-19: mood 6 -> 8; note, sleep and anxiety kept.\n"
    )
    with open_store(db_path) as store:
        assert store.moods_between() == [MoodEntry(dt.date(2026, 11, 19), 8, 4, 6.5, "Ça va 🙂")]
    result = cli(
        "mood", "8", "--date", "2026-11-19", "--clear-anxiety", "--clear-sleep", "--note="
    )
    assert result.out == (
        "Mood 8/10 saved for 2026-11-19: note cleared; sleep cleared; anxiety cleared.\n"
    )
    with open_store(db_path) as store:
        assert store.moods_between() == [MoodEntry(dt.date(2026, 11, 19), 8)]
    cli("mood", "3", "--date", "2026-11-18", "--anxiety", "9", "--sleep", "11", "--note", "Ça va")
    with open_store(db_path) as store:
        assert store.mood_for(dt.date(2026, 11, 18)) == MoodEntry(
            dt.date(2026, 11, 18), 3, 9, 11.0, "Ça va"
        )


def test_mood_tomorrow_is_allowed(cli, db_path: Path) -> None:
    assert cli("mood", "5", "--date", "2026-11-21").out == "Mood 5/10 saved for 2026-11-21.\n"


def test_db_option_before_or_after_the_command(cli, tmp_path: Path, db_path: Path) -> None:
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    assert cli("--db", str(first), "mood", "4").code == 0
    assert cli("mood", "5", "--db", str(second)).code == 0
    with open_store(first) as store:
        assert [m.mood for m in store.moods_between()] == [4]
    with open_store(second) as store:
        assert [m.mood for m in store.moods_between()] == [5]
    assert not db_path.exists()  # DIARY_DB was not used


def test_default_database_lives_in_the_user_data_folder(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DIARY_DB")
    home = tmp_path / "home"
    assert cli("mood", "7").code == 0
    made = home / ".local" / "share" / "diary" / "diary.db"
    assert made.is_file()
    assert stat.S_IMODE(made.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    made.unlink()
    made.parent.rmdir()
    for folder in (home / ".local" / "share", home / ".local"):
        folder.rmdir()  # nothing else was made there


# --- session add --------------------------------------------------------------------------


def test_session_add_with_everything(cli, db_path: Path) -> None:
    result = cli(
        "session", "add",
        "--at", "2026-11-18 10:00",
        "--route", "IV",
        "--dose-mg", "35",
        "--dose-mg-per-kg", "0.5",
        "--weight-kg", "70",
        "--duration-min", "40",
        "--phase", "induction",
        "--clinic", "Riverside",
        "--bp-pre", "128/82",
        "--bp-40", "141/90",
        "--bp-discharge", "130/84",
        "--symptom", "dizziness=2",
        "--symptom", "Blurred vision=1",
        "--symptom", "dissociation=3",
        "--note", "first one",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert result.out == (
        "Session 1 saved: 2026-11-18 10:00, iv 35 mg / 0.5 mg/kg, 3 BP reading(s), "
        "3 side effect(s).\n"
    )
    with open_store(db_path) as store:
        (saved,) = store.sessions_between()
    started = dt.datetime(2026, 11, 18, 10, 0, tzinfo=dt.UTC)
    assert saved.started_at == started
    assert (saved.route, saved.dose_mg, saved.dose_mg_per_kg, saved.weight_kg) == (
        Route.IV,
        35.0,
        0.5,
        70.0,
    )
    assert (saved.duration_min, saved.phase, saved.clinic, saved.note) == (
        40,
        Phase.INDUCTION,
        "Riverside",
        "first one",
    )
    assert [(v.label, v.systolic, v.diastolic, v.taken_at) for v in saved.vitals] == [
        (VitalLabel.PRE, 128, 82, started),
        (VitalLabel.FORTY, 141, 90, started + dt.timedelta(minutes=40)),
        (VitalLabel.DISCHARGE, 130, 84, None),
    ]
    assert saved.side_effects == (
        SideEffectRating("dizziness", Severity.MODERATE),
        SideEffectRating("blurred_vision", Severity.MILD),
        SideEffectRating("dissociation", Severity.SEVERE),
    )


def test_session_add_minimal_now_and_numbering(cli, db_path: Path) -> None:
    result = cli("session", "add", "--route", "intranasal", "--dose-mg", "56")
    assert result.out == (
        "Session 1 saved: 2026-11-20 12:00, intranasal 56 mg, 0 BP reading(s), 0 side effect(s).\n"
    )
    result = cli("session", "add", "--route", "oral", "--at", "2026-11-01 09:15")
    assert result.out == (
        "Session 1 saved: 2026-11-01 09:15, oral, 0 BP reading(s), 0 side effect(s).\n"
    )
    with open_store(db_path) as store:
        assert [s.route for s in store.sessions_between()] == [Route.ORAL, Route.INTRANASAL]


def test_session_add_uses_the_persons_own_symptom(cli, db_path: Path) -> None:
    with open_store(db_path) as store:
        store.add_symptom("Headache")
    result = cli("session", "add", "--route", "im", "--symptom", "headache=2")
    assert result.code == 0, result.err
    with open_store(db_path) as store:
        assert store.sessions_between()[0].side_effects == (
            SideEffectRating("headache", Severity.MODERATE),
        )


# --- list ---------------------------------------------------------------------------------


def test_list_shows_days_sessions_and_the_reference_mark(
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # one line per row, so cells can be read whole
    cli("mood", "6", "--date", "2026-11-19", "--anxiety", "4", "--sleep", "6.5")
    cli(
        "session", "add", "--route", "iv", "--dose-mg", "35", "--at", "2026-11-18 10:00",
        "--bp-pre", "128/82", "--bp-40", "141/90", "--symptom", "nausea=1",
    )  # fmt: skip
    cli("mood", "2", "--date", "2026-09-01")
    result = cli("list")
    assert result.code == 0
    out = result.out
    assert "Diary 2026-10-22 to 2026-11-20" in out
    assert "2026-11-19" in out and "6/10" in out and "6.5 h" in out
    assert "2026-11-18" in out and "#1 iv 35" in out
    # 141/90 at ~40 min is no rise from 128/82 (13/8) and the 140/90 guide is pre-dose only
    assert "141/90 " in out and "128/82 " in out
    assert "Nausea (mild)" in out
    assert "above pre-dose reference" not in out  # nothing marked: no legend (issue 17)
    assert "2026-09-01" not in out  # outside the last 30 days
    older = cli("list", "--since", "2026-08-30", "--until", "2026-09-02")
    assert "2026-09-01" in older.out and "2/10" in older.out
    assert "2026-11-19" not in older.out


def test_list_at_80_columns_explains_the_mark_only_when_used(
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    cli(
        "session", "add", "--route", "iv", "--dose-mg", "35", "--at", "2026-11-18 10:00",
        "--bp-pre", "128/82", "--bp-40", "138/88",
    )  # fmt: skip
    out = cli("list").out
    assert "Blood pressure:" not in out  # nothing flagged: no legend
    assert "disch" in out and "isch" not in out.replace("disch", "")  # the heading is whole
    assert max(len(line) for line in out.splitlines()) <= 80
    cli("session", "add", "--route", "iv", "--at", "2026-11-19 10:00", "--bp-pre", "150/95")
    flagged = " ".join(cli("list").out.split())  # the legend may wrap at 80 columns
    assert "Blood pressure: ▲ above pre-dose reference" in flagged
    assert "150/95▲" in flagged


def test_list_at_80_columns_never_cuts_a_word_without_an_ellipsis(
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    note = "Felt very far away for twenty minutes, afterwards remarkably calm and unhurried."
    cli("mood", "6", "--date", "2026-11-18", "--note", note)
    cli(
        "session", "add", "--route", "iv", "--dose-mg", "35", "--at", "2026-11-18 10:00",
        "--bp-pre", "128/82", "--bp-40", "138/88", "--symptom", "grogginess=2",
    )  # fmt: skip
    cli(
        "session",
        "add",
        "--route",
        "iv",
        "--at",
        "2026-11-19 10:00",
        "--symptom",
        "dissociation=1",
    )
    out = cli("list").out
    assert max(len(line) for line in out.splitlines()) <= 80
    words = {*note.split(), "Grogginess", "drowsiness", "(moderate)", "Dissociation", "(mild)"}
    pieces = set(re.split(r"[\s│┃]+", out))
    cut = {p for p in pieces for w in words if w.startswith(p) and len(p) > 2 and p != w}
    assert cut == set()  # was "Groggine", "ss"... at 80 columns
    assert "Blood pressure:" not in out  # nothing flagged: no legend


def test_list_of_nothing(cli, db_path: Path) -> None:
    result = cli("list", "--since", "2026-11-01", "--until", "2026-11-10")
    assert (result.code, result.out) == (0, "Nothing recorded from 2026-11-01 to 2026-11-10.\n")


# --- due ----------------------------------------------------------------------------------


def test_due_exits_1_then_0(cli, db_path: Path) -> None:
    result = cli("due")
    assert (result.code, result.out) == (
        1,
        "No mood logged for today (2026-11-20). Log it with: diary mood SCORE\n",
    )
    assert not db_path.exists()  # asking creates no diary
    cli("mood", "4", "--date", "yesterday")
    assert cli("due").code == 1
    cli("mood", "5")
    result = cli("due")
    assert (result.code, result.out) == (0, "Mood logged for today (2026-11-20): 5/10.\n")


def test_due_as_a_real_process(db_path: Path) -> None:
    first = run_diary("due")
    assert first.returncode == 1
    assert first.stdout.startswith("No mood logged for today (2026-11-20).")
    assert run_diary("mood", "7").returncode == 0
    second = run_diary("due")
    assert (second.returncode, second.stdout, second.stderr) == (
        0,
        "Mood logged for today (2026-11-20): 7/10.\n",
        "",
    )


# --- export csv ---------------------------------------------------------------------------


def test_export_csv_one_row_per_day_with_every_column(cli, tmp_path: Path) -> None:
    cli("mood", "6", "--date", "2026-11-16", "--anxiety", "4", "--sleep", "6.5", "--note", "Été")
    cli(
        "session", "add", "--route", "iv", "--dose-mg", "35", "--at", "2026-11-18 10:00",
        "--bp-pre", "128/82", "--bp-40", "141/90", "--bp-discharge", "130/84",
        "--symptom", "dizziness=2", "--symptom", "anxiety=1", "--note", "calm after",
    )  # fmt: skip
    cli("mood", "8", "--date", "2026-11-18")
    out = tmp_path / "visit.csv"
    result = cli("export", "csv", "-o", str(out))
    assert (result.code, result.err) == (0, "")
    assert result.out == f"Wrote 5 days (2026-11-16 to 2026-11-20) to {out}\n"
    rows = read_csv(out)
    assert rows[0] == HEADER
    assert len(HEADER) == 37 and len(set(HEADER)) == 37  # "anxiety" and "se_anxiety"
    severities = ["2", "0", "0", "0", "0", "0", "1", "0", "0", "0", "0"]
    assert rows[1:] == [
        ["2026-11-16", "6", "4", "6.5", *EMPTY_DAY[3:], "Été"],
        ["2026-11-17", *EMPTY_DAY, ""],
        [
            "2026-11-18", "8", "", "", "1", "iv", "", "35", "",
            "128", "82", "", "", "141", "90", "", "", "130", "84", "", "",
            "", "", "", *severities, "", "session: calm after",
        ],
        ["2026-11-19", *EMPTY_DAY, ""],
        ["2026-11-20", *EMPTY_DAY, ""],
    ]  # fmt: skip
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_export_csv_range_and_two_sessions_a_day(cli, tmp_path: Path) -> None:
    for at, bp, nausea in (
        ("2026-11-10 09:00", "120/80", "1"),
        ("2026-11-10 15:00", "150/95", "3"),
    ):
        cli("session", "add", "--route", "im", "--dose-mg", "50", "--at", at, "--bp-pre", bp,
            "--symptom", f"nausea={nausea}")  # fmt: skip
    out = tmp_path / "range.csv"
    result = cli("export", "csv", "-o", str(out), "--since", "2026-11-09", "--until", "2026-11-11")
    assert result.out == f"Wrote 3 days (2026-11-09 to 2026-11-11) to {out}\n"
    rows = read_csv(out)
    assert [r[0] for r in rows[1:]] == ["2026-11-09", "2026-11-10", "2026-11-11"]
    day = dict(zip(rows[0], rows[2], strict=True))
    # never two sessions in one cell: the count, and the session columns left empty
    assert day["sessions"] == "2"
    assert [day[k] for k in ("route", "dose_mg", "bp_pre_sys", "se_nausea")] == ["", "", "", ""]
    assert day["note"] == "2 sessions: one row each in diary export csv --sessions"
    each = tmp_path / "sessions.csv"
    result = cli("export", "csv", "--sessions", "-o", str(each), "--since", "2026-11-09")
    assert result.out == f"Wrote 2 sessions (2026-11-09 to 2026-11-20) to {each}\n"
    rows = read_csv(each)
    found = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [(r["time"], r["bp_pre_sys"], r["bp_pre_dia"], r["se_nausea"]) for r in found] == [
        ("09:00", "120", "80", "1"),
        ("15:00", "150", "95", "3"),
    ]
    # the morning one's mood figures belong to the afternoon one, #2
    assert [(r["number"], r["same_day_as"], r["gap_days"]) for r in found] == [
        ("1", "2", ""),
        ("2", "", "0"),
    ]
    assert found[1]["bp_flags"] == "pre-dose: above pre-dose reference"  # 150/95


def test_export_csv_of_an_empty_diary_is_today_only(cli, tmp_path: Path) -> None:
    out = tmp_path / "empty.csv"
    missing = cli("export", "csv", "-o", str(out))  # no diary yet: refused, none created
    assert missing.code == 1
    assert missing.err == (
        f"diary: no diary at {tmp_path / 'diary.db'}: nothing to read (log something first)\n"
    )
    assert not (tmp_path / "diary.db").exists() and not out.exists()
    open_store(tmp_path / "diary.db").close()  # an empty diary
    assert cli("export", "csv", "-o", str(out)).code == 0
    assert read_csv(out)[1:] == [["2026-11-20", *[""] * (len(HEADER) - 1)]]
    plain = tmp_path / "plain.csv"
    assert cli("export", "csv", "--no-bom", "-o", str(plain)).code == 0
    assert read_csv(plain, bom=False)[0] == HEADER


def test_export_csv_after_a_mood_logged_for_tomorrow(cli, tmp_path: Path) -> None:
    cli("mood", "5", "--date", "2026-11-21")
    out = tmp_path / "x.csv"
    result = cli("export", "csv", "-o", str(out))
    assert (result.code, result.err) == (0, "")
    assert [r[0] for r in read_csv(out)[1:]] == ["2026-11-20"]
    result = cli("export", "csv", "-o", str(out), "--until", "2026-11-21", "--force")
    assert [r[:2] for r in read_csv(out)[1:]] == [["2026-11-21", "5"]]


@pytest.mark.parametrize(
    ("note", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1 better", "'+1 better"),
        ("-2 worse", "'-2 worse"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tindented", "'\tindented"),
        ("\rreturn", "'\rreturn"),
        ("plain = fine", "plain = fine"),
        ("", ""),
    ],
)
def test_export_csv_neutralises_formulas(cli, tmp_path: Path, note: str, cell: str) -> None:
    cli("mood", "5", "--note", note)
    out = tmp_path / "n.csv"
    assert cli("export", "csv", "-o", str(out)).code == 0
    assert read_csv(out)[1][-1] == cell


def test_export_csv_is_utf8_with_a_header_even_for_cyrillic_and_emoji(cli, tmp_path: Path) -> None:
    cli("mood", "5", "--note", "Прогулка 🙂 — café")
    out = tmp_path / "u.csv"
    cli("export", "csv", "-o", str(out))
    assert "Прогулка 🙂 — café".encode() in out.read_bytes()
    assert out.read_bytes().startswith("\ufeffdate,mood,".encode())


def test_export_csv_replaces_an_old_file_whole(cli, tmp_path: Path) -> None:
    out = tmp_path / "old.csv"
    out.write_text("old content that is much longer than the new one " * 100)
    cli("mood", "5")
    assert cli("export", "csv", "-o", str(out)).code == 2  # there already: refused
    assert cli("export", "csv", "-o", str(out), "--force").code == 0
    assert read_csv(out)[0] == HEADER
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


# --- export tables ------------------------------------------------------------------------


def test_export_tables_one_csv_per_table_with_ids(cli, tmp_path: Path, db_path: Path) -> None:
    cli("mood", "5", "--note", "=1+1")
    cli(
        "session", "add", "--route", "iv", "--at", "2026-11-18 10:00", "--bp-pre", "128/82",
        "--symptom", "nausea=2",
    )  # fmt: skip
    cli("checkin", "gad7", "--answers", "0,1,2,3,0,1,2")
    with open_store(db_path) as store:
        store.save_settings(Settings(name="Ann"))
    folder = tmp_path / "tables"
    result = cli("export", "tables", "-o", str(folder))
    assert result.code == 0, result.err
    assert result.out == (
        f"Wrote 12 tables to {folder}: settings.csv, symptoms.csv, moods.csv, sessions.csv, "
        "vitals.csv, side_effects.csv, checkins.csv, checkin_answers.csv, "
        "medicine_events.csv, session_medicines.csv, morning_after.csv, "
        "morning_after_ratings.csv\n"
    )
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    moods = read_csv(folder / "moods.csv", bom=False)
    assert moods[0] == ["day", "mood", "anxiety", "sleep_hours", "note", "updated_at"]
    assert moods[1][:5] == ["2026-11-20", "5", "", "", "'=1+1"]
    sessions = read_csv(folder / "sessions.csv", bom=False)
    assert sessions[0][0] == "id" and sessions[1][0] == "1"
    assert sessions[1][1:4] == ["2026-11-18T10:00:00+00:00", "2026-11-18", "iv"]
    vitals = read_csv(folder / "vitals.csv", bom=False)
    assert vitals[1][:6] == ["1", "1", "2026-11-18T10:00:00+00:00", "pre", "128", "82"]
    effects = read_csv(folder / "side_effects.csv", bom=False)
    assert effects[1][:3] == ["1", "nausea", "2"]
    answers = read_csv(folder / "checkin_answers.csv", bom=False)
    assert [r[2] for r in answers[1:]] == ["0", "1", "2", "3", "0", "1", "2"]
    assert len(read_csv(folder / "symptoms.csv", bom=False)) == 12
    db = sqlite3.connect(db_path)
    for table in TABLES:
        count = db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
        assert len(read_csv(folder / f"{table}.csv", bom=False)) == count + 1, table
    db.close()


# --- demo ---------------------------------------------------------------------------------


def test_demo_fills_a_new_file(cli, tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "demo" / "demo.db"
    path.parent.mkdir()  # a --db folder that does not exist is refused
    result = cli("demo", "--no-open", "--db", str(path), "--years", "1", "--seed", "3")
    assert result.code == 0, result.err
    with open_store(path) as store:
        moods, sessions = store.moods_between(), store.sessions_between()
        checkins = store.checkins_between()
    assert result.out == (
        f"Demo diary: {len(moods)} days, {len(sessions)} sessions, {len(checkins)} check-ins "
        f"in {path}\n"
    )
    assert 300 <= len(moods) <= 345
    assert 40 <= len(sessions) <= 60
    assert moods[-1].day <= dt.date(2026, 11, 20)
    assert not db_path.exists()


@pytest.mark.parametrize("holding", ["mood", "settings"])
def test_demo_refuses_a_file_holding_data(cli, tmp_path: Path, holding: str) -> None:
    path = tmp_path / "mine.db"
    with open_store(path) as store:
        if holding == "mood":
            store.save_mood(MoodEntry(dt.date(2026, 11, 20), 7))
        else:
            store.save_settings(Settings(name="Ann"))
    before = path.read_bytes()
    result = cli("demo", "--no-open", "--db", str(path))
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"diary: diary file (--db): '{path}' is not accepted")
    assert result.err.endswith("; expected a new or empty file (this one holds data)\n")
    assert result.err.count("\n") == 1
    assert path.read_bytes() == before


def test_demo_as_a_real_process(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    done = run_diary("demo", "--no-open", "--db", str(path), "--years", "0.5")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Demo diary: ")
    assert done.stdout.rstrip().endswith(f"in {path}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


# --- version and help ---------------------------------------------------------------------


def test_version(cli) -> None:
    result = cli("--version")
    assert (result.code, result.out) == (0, f"diary {__version__}\n")
    done = run_diary("--version")
    assert (done.returncode, done.stdout) == (0, f"diary {__version__}\n")


@pytest.mark.parametrize(
    ("command", "says"),
    [
        ((), "usage: diary [-h] [--version] [--db PATH] COMMAND"),
        (("mood",), "usage: diary mood"),
        (("session",), "usage: diary session"),
        (("session", "add"), "--bp-discharge SYS/DIA"),
        (("list",), "usage: diary list [-h] [--since D] [--until D] [--db PATH]"),
        (("export",), "usage: diary export"),
        (("export", "csv"), "usage: diary export csv [-h] -o FILE"),
        (("export", "tables"), "usage: diary export tables [-h] -o DIR [--force] [--db PATH]"),
        (("due",), "usage: diary due [-h] [--db PATH]"),
        (("demo",), "usage: diary demo [-h] [--years N] [--seed S] [--no-open] [--db PATH]"),
    ],
)
def test_help_of_every_command(cli, command: tuple[str, ...], says: str, db_path: Path) -> None:
    result = cli(*command, "--help")
    assert result.code == 0
    assert says in " ".join(result.out.split())
    assert result.err == ""
    assert not db_path.exists()


def test_help_as_a_real_process() -> None:
    done = run_diary("session", "add", "--help")
    assert done.returncode == 0
    assert "NAME=SEVERITY" in done.stdout
    assert "0 none, 1 mild, 2 moderate, 3 severe" in " ".join(done.stdout.split())


def test_quick_commands_do_not_import_the_tui_or_rich(tmp_path: Path) -> None:
    code = (
        "import sys; from diary.cli import main; main(['mood', '7']); main(['due']);"
        "main(['session', 'add', '--route', 'iv', '--bp-pre', '120/80']);"
        "heavy = sorted(m for m in ('textual', 'rich', 'matplotlib', 'fpdf', 'sqlite_utils',"
        " 'sqlcipher3', 'argon2', 'pyrage', 'keyring', 'json', 'secrets')"
        " if m in sys.modules); print(heavy)"
    )
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=os.environ, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"


def test_a_session_within_30_minutes_of_another_asks_for_replace_or_also(
    cli, db_path: Path
) -> None:
    first = ("session", "add", "--at", "2026-11-20 10:00", "--route", "iv", "--dose-mg", "35")
    assert cli(*first).code == 0
    before = db_path.read_bytes()
    again = ("session", "add", "--at", "2026-11-20 10:20", "--route", "iv", "--dose-mg", "40")
    result = cli(*again)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "diary: session #1 is saved at 2026-11-20 10:00, 20 min from this one; nothing was "
        "saved (--replace replaces it, --also keeps both)\n"
    )
    assert db_path.read_bytes() == before
    assert cli(*again, "--replace").code == 0
    with open_store(db_path) as store:
        [session] = store.sessions_between()
        assert (session.started_at.strftime("%H:%M"), session.dose_mg) == ("10:20", 40)
    assert cli(*again, "--also").code == 0
    later = ("session", "add", "--at", "2026-11-20 10:51", "--route", "iv")
    assert cli(*later).code == 0  # 31 minutes on: another session
    with open_store(db_path) as store:
        assert len(store.sessions_between()) == 3


def test_mg_mg_per_kg_and_weight_that_disagree_are_refused(cli, db_path: Path) -> None:
    disagreeing = ("--dose-mg", "40", "--dose-mg-per-kg", "0.5", "--weight-kg", "72")
    result = cli("session", "add", "--route", "iv", *disagreeing)
    assert (result.code, result.out) == (2, "")
    assert result.err == (
        "diary: dose in mg (--dose-mg): '40' is not accepted; expected 36 mg, as dose in "
        "mg/kg 0.5 at weight 72 kg gives (more than 1% apart); change one, or leave mg/kg "
        "or weight out\n"
    )
    assert not db_path.exists()
    agreeing = ("--dose-mg", "36.2", "--dose-mg-per-kg", "0.5", "--weight-kg", "72")
    assert cli("session", "add", "--route", "iv", *agreeing).code == 0  # within 1%


def test_severity_words_are_accepted_like_their_digits(cli, db_path: Path) -> None:
    result = cli(
        "session", "add", "--route", "iv",
        "--symptom", "nausea=mild", "--symptom", "dizziness=Severe",
        "--symptom", "vomiting=2", "--symptom", "confusion= none ",
    )  # fmt: skip
    assert result.code == 0, result.err
    with open_store(db_path) as store:
        [session] = store.sessions_between()
    assert {r.symptom: r.severity for r in session.side_effects} == {
        "nausea": Severity.MILD,
        "dizziness": Severity.SEVERE,
        "vomiting": Severity.MODERATE,
        "confusion": Severity.NONE,
    }
    bad = cli("session", "add", "--route", "iv", "--symptom", "nausea=awful", "--also")
    assert (bad.code, bad.err) == (
        2,
        "diary: severity of nausea (--symptom): 'awful' is not accepted; expected 0-3 or "
        "none, mild, moderate, severe\n",
    )


@pytest.mark.parametrize(
    "command",
    [
        ("export", "csv", "-o", "{folder}/out.csv"),
        ("report", "-o", "{folder}/out.html"),
        ("backup", "-o", "{folder}/out.json"),
        ("export", "tables", "-o", "{folder}/tables"),
    ],
    ids=["csv", "report", "backup", "tables"],
)
def test_an_existing_target_is_refused_unless_force(cli, tmp_path: Path, command) -> None:
    cli("mood", "5")
    args = [a.format(folder=tmp_path) for a in command]
    assert cli(*args).code == 0
    target = Path(args[-1])
    first = {p: p.read_bytes() for p in ([target] if target.is_file() else target.iterdir())}
    result = cli(*args)
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith(f"diary: output {'folder' if 'tables' in args else 'file'} (-o)")
    assert "--force replaces" in result.err
    assert {p: p.read_bytes() for p in first} == first
    assert cli(*args, "--force").code == 0


def test_dash_writes_text_to_standard_output(cli, tmp_path: Path) -> None:
    cli("mood", "5", "--note", "calm")
    csv_out = cli("export", "csv", "-o", "-")
    assert (csv_out.code, csv_out.err) == (0, "")
    assert csv_out.out.splitlines()[1].startswith("2026-11-20,5,")
    assert cli("report", "-o", "-").out.startswith("# ")
    assert cli("report", "-o", "-", "--format", "html").out.lstrip().startswith("<!")
    assert '"format": "diary-backup"' in cli("backup", "-o", "-").out
    pdf = cli("report", "-o", "-", "--format", "pdf")
    assert (pdf.code, pdf.out) == (2, "")
    assert pdf.err == (
        "diary: output file (-o): '-' is not accepted; expected a file name for a PDF (it is "
        "not text)\n"
    )
    assert not [p for p in tmp_path.iterdir() if p.suffix in (".csv", ".md", ".html", ".json")]


def test_a_write_to_a_diary_others_could_read_makes_it_yours_alone_and_says_so(
    cli, db_path: Path
) -> None:
    assert cli("mood", "6").code == 0
    db_path.chmod(0o644)
    done = cli("mood", "7")
    assert done.code == 0
    assert done.err == (
        f"diary: {db_path} could be read by others (mode 0644); it is now yours alone\n"
    )
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert cli("mood", "8").err == ""  # said once: it is 0600 now
