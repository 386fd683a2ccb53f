"""The bad-input table: every case exits 2 (or 1), says one line naming the field, writes nothing.

Each case runs twice: against a diary that holds data (its bytes, mtime and folder must not
change) and where no diary exists yet (none may be created). A few also run as real processes.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import pytest

from diary.domain import MoodEntry, Route, Session, VitalLabel, VitalReading
from tests.conftest import run_diary
from tests.kinds import Kind

DAY = "an ISO date (YYYY-MM-DD), 'today' or 'yesterday', at most one day ahead"
BP = "SYS/DIA like 128/82, systolic 50-300, diastolic 30-200, systolic above diastolic"
ROUTES = "one of iv, im, intranasal, oral, sublingual, other"
SYMPTOMS = (
    "one of dizziness, nausea, vomiting, dissociation, blurred_vision, high_blood_pressure, "
    "anxiety, confusion, floating_sensation, hallucinations, grogginess"
)
ADD = ("session", "add", "--route", "iv")


@dataclass(frozen=True)
class Case:
    """Arguments ({tmp} stands for the test's folder), the message's start and end, the code."""

    args: tuple[str, ...]
    starts: str
    ends: str = ""
    code: int = 2
    needs_diary: bool = False  # only meaningful when the diary already exists


def refused(field: str, value: str, accepted: str) -> str:
    return f"{field}: {value!r} is not accepted; expected {accepted}"


CASES = {
    # mood
    "mood above 10": Case(("mood", "11"), refused("mood", "11", "a whole number 0-10")),
    "mood below 0": Case(("mood", "-1"), refused("mood", "-1", "a whole number 0-10")),
    "mood not a number": Case(("mood", "abc"), refused("mood", "abc", "a whole number 0-10")),
    "mood empty": Case(("mood", ""), refused("mood", "", "a whole number 0-10")),
    "mood decimal": Case(("mood", "7.5"), refused("mood", "7.5", "a whole number 0-10")),
    "mood huge": Case(("mood", "9" * 30), refused("mood", "9" * 30, "a whole number 0-10")),
    "mood unicode": Case(("mood", "七"), refused("mood", "七", "a whole number 0-10")),
    "mood missing": Case(("mood",), "diary mood: the following arguments are required: SCORE"),
    "anxiety above 10": Case(
        ("mood", "7", "--anxiety", "11"), refused("--anxiety", "11", "a whole number 0-10")
    ),
    "anxiety arabic digits": Case(
        ("mood", "7", "--anxiety", "٣٣"), refused("--anxiety", "٣٣", "a whole number 0-10")
    ),
    "sleep nan": Case(("mood", "7", "--sleep", "nan"), refused("--sleep", "nan", "a number 0-24")),
    "sleep inf": Case(("mood", "7", "--sleep", "inf"), refused("--sleep", "inf", "a number 0-24")),
    "sleep -inf": Case(("mood", "7", "--sleep=-inf"), refused("--sleep", "-inf", "a number 0-24")),
    "sleep over 24": Case(
        ("mood", "7", "--sleep", "24.5"), refused("--sleep", "24.5", "a number 0-24")
    ),
    "date in the future": Case(
        ("mood", "7", "--date", "2026-11-22"), refused("--date", "2026-11-22", DAY)
    ),
    "date not a day": Case(
        ("mood", "7", "--date", "2026-02-30"), refused("--date", "2026-02-30", DAY)
    ),
    "date a word": Case(("mood", "7", "--date", "tomorrow"), refused("--date", "tomorrow", DAY)),
    "note too long": Case(
        ("mood", "7", "--note", "x" * 200_001),
        refused("--note", "200001 characters", "at most 200,000 characters"),
    ),
    # session add
    "route unknown": Case(
        ("session", "add", "--route", "nasal"), refused("--route", "nasal", ROUTES)
    ),
    "route empty": Case(("session", "add", "--route", ""), refused("--route", "", ROUTES)),
    "route missing": Case(
        ("session", "add", "--dose-mg", "35"),
        "diary session add: the following arguments are required: --route",
    ),
    "bp 2/0": Case(
        (*ADD, "--bp-pre", "2/0"), refused("blood pressure pre-dose (--bp-pre)", "2/0", BP)
    ),
    "bp upside down": Case(
        (*ADD, "--bp-40", "80/120"), refused("blood pressure at ~40 min (--bp-40)", "80/120", BP)
    ),
    "bp one number": Case(
        (*ADD, "--bp-discharge", "120"),
        refused("blood pressure at discharge (--bp-discharge)", "120", BP),
    ),
    "bp systolic 301": Case(
        (*ADD, "--bp-pre", "301/80"), refused("blood pressure pre-dose (--bp-pre)", "301/80", BP)
    ),
    "bp diastolic 29": Case(
        (*ADD, "--bp-pre", "120/29"), refused("blood pressure pre-dose (--bp-pre)", "120/29", BP)
    ),
    "phase unknown": Case(
        (*ADD, "--phase", "taper"),
        refused("--phase", "taper", "one of induction, maintenance, booster"),
    ),
    "symptom unknown": Case(
        (*ADD, "--symptom", "headache=2"), refused("--symptom", "headache", SYMPTOMS)
    ),
    "symptom without severity": Case(
        (*ADD, "--symptom", "nausea"),
        refused("--symptom", "nausea", "NAME=SEVERITY like dizziness=2"),
    ),
    "severity 4": Case(
        (*ADD, "--symptom", "nausea=4"),
        refused("severity of nausea (--symptom)", "4", "0-3 or none, mild, moderate, severe"),
    ),
    "severity empty": Case(
        (*ADD, "--symptom", "nausea="),
        refused("severity of nausea (--symptom)", "", "0-3 or none, mild, moderate, severe"),
    ),
    "symptom twice": Case(
        (*ADD, "--symptom", "nausea=1", "--symptom", "Nausea=2"),
        refused("--symptom", "nausea", "each symptom once per session"),
    ),
    "dose 0": Case(
        (*ADD, "--dose-mg", "0"),
        refused("dose in mg (--dose-mg)", "0", "a number above 0 and at most 1000"),
    ),
    "dose negative": Case(
        (*ADD, "--dose-mg=-5"),
        refused("dose in mg (--dose-mg)", "-5", "a number above 0 and at most 1000"),
    ),
    "dose over 1000": Case(
        (*ADD, "--dose-mg", "1001"),
        refused("dose in mg (--dose-mg)", "1001", "a number above 0 and at most 1000"),
    ),
    "dose nan": Case(
        (*ADD, "--dose-mg", "NaN"),
        refused("dose in mg (--dose-mg)", "NaN", "a number above 0 and at most 1000"),
    ),
    "dose 1e309": Case(
        (*ADD, "--dose-mg", "1e309"),
        refused("dose in mg (--dose-mg)", "1e309", "a number above 0 and at most 1000"),
    ),
    "dose per kg over 20": Case(
        (*ADD, "--dose-mg-per-kg", "21"),
        refused("dose in mg/kg (--dose-mg-per-kg)", "21", "a number above 0 and at most 20"),
    ),
    "weight 0": Case(
        (*ADD, "--weight-kg", "0"), refused("weight in kg (--weight-kg)", "0", "a number 20-400")
    ),
    "duration a day and a minute": Case(
        (*ADD, "--duration-min", "1441"),
        refused("duration in minutes (--duration-min)", "1441", "a whole number 1-1440"),
    ),
    "at in the future": Case(
        (*ADD, "--at", "2026-11-22 10:00"),
        refused(
            "date and time (--at)",
            "2026-11-22 10:00",
            "an ISO date and time (YYYY-MM-DD HH:MM), 'now', 'today' or 'yesterday', "
            "at most one day ahead",
        ),
    ),
    "at garbage": Case(
        (*ADD, "--at", "half past nine"),
        refused(
            "date and time (--at)",
            "half past nine",
            "an ISO date and time (YYYY-MM-DD HH:MM), 'now', 'today' or 'yesterday'",
        ),
    ),
    "clinic too long": Case(
        (*ADD, "--clinic", "c" * 201),
        refused("--clinic", "201 characters", "at most 200 characters"),
    ),
    # list
    "list since after until": Case(
        ("list", "--since", "2026-11-10", "--until", "2026-11-01"),
        refused(
            "start date (--since)", "2026-11-10", "a day on or before the end date (2026-11-01)"
        ),
    ),
    "list since a word": Case(
        ("list", "--since", "someday"), refused("start date (--since)", "someday", DAY)
    ),
    # export csv
    "export csv to a folder": Case(
        ("export", "csv", "-o", "{tmp}"),
        "output file (-o): '",
        "' is not accepted; expected a file name, not a folder",
    ),
    "export csv over the diary": Case(
        ("export", "csv", "-o", "{tmp}/./diary.db"),
        "output file (-o): '",
        "' is not accepted; expected a file other than the diary database itself",
        needs_diary=True,
    ),
    "export csv into a missing folder": Case(
        ("export", "csv", "-o", "{tmp}/missing/visit.csv"),
        "output file (-o): '",
        "' is not accepted; expected a file in an existing folder",
    ),
    "export csv since after until": Case(
        (
            "export",
            "csv",
            "-o",
            "{tmp}/visit.csv",
            "--since",
            "2026-11-10",
            "--until",
            "2026-11-01",
        ),
        refused(
            "start date (--since)", "2026-11-10", "a day on or before the end date (2026-11-01)"
        ),
    ),
    "export csv until next year": Case(
        ("export", "csv", "-o", "{tmp}/visit.csv", "--until", "2027-01-01"),
        refused("end date (--until)", "2027-01-01", DAY),
    ),
    "export csv without -o": Case(
        ("export", "csv"), "diary export csv: the following arguments are required: -o/--output"
    ),
    # export tables
    "export tables onto a file": Case(
        ("export", "tables", "-o", "{tmp}/a-file.txt"),
        "output folder (-o): '",
        "' is not accepted; expected a folder for the tables, not a file",
    ),
    # demo
    "demo over a diary with data": Case(
        ("demo", "--no-open", "--db", "{tmp}/diary.db"),
        "diary file (--db): '",
        "' is not accepted; expected a new or empty file (this one holds data)",
        needs_diary=True,
    ),
    "demo zero years": Case(
        ("demo", "--no-open", "--db", "{tmp}/demo.db", "--years", "0"),
        refused("--years", "0", "a number 0.1-100"),
    ),
    "demo years not a number": Case(
        ("demo", "--no-open", "--db", "{tmp}/demo.db", "--years", "ten"),
        refused("--years", "ten", "a number 0.1-100"),
    ),
    "demo negative seed": Case(
        ("demo", "--no-open", "--db", "{tmp}/demo.db", "--seed=-1"),
        refused("--seed", "-1", "a whole number 0-2147483647"),
    ),
    # the command line itself
    "unknown command": Case(
        ("remember", "7"), "diary: argument COMMAND: invalid choice: 'remember'"
    ),
    "unknown option": Case(
        ("mood", "7", "--mood", "8"), "diary: unrecognized arguments: --mood 8"
    ),
    # not bad values but places the diary cannot be: exit 1, one line, nothing written
    "db is a folder": Case(
        ("mood", "7", "--db", "{tmp}/a-folder"),
        "",
        " is a folder, not a diary database; give a file path",
        code=1,
    ),
    "db is another file": Case(
        ("mood", "7", "--db", "{tmp}/a-file.txt"),
        "",
        " is not a diary database (not SQLite); left untouched",
        code=1,
    ),
}


def make_diary(path: Path, kind: Kind) -> None:
    with kind.open(path) as store:
        store.save_mood(MoodEntry(dt.date(2026, 11, 19), 6, 3, 7.0, "before"))
        at = dt.datetime(2026, 11, 18, 10, tzinfo=dt.UTC)
        store.add_session(
            Session(at, Route.IV, dose_mg=35.0, vitals=(VitalReading(VitalLabel.PRE, 120, 80),))
        )


def snapshot(folder: Path) -> dict[str, tuple[bytes, int] | None]:
    """Every file under folder with its bytes and mtime; folders as None."""
    return {
        str(p.relative_to(folder)): None if p.is_dir() else (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
    }


def prepare(tmp_path: Path, db_path: Path, with_diary: bool, kind: Kind) -> dict:
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-file.txt").write_text("not a diary\n")
    if with_diary:
        make_diary(db_path, kind)
        os.utime(db_path, ns=(10**18, 10**18))  # an mtime no write could keep
    return snapshot(tmp_path)


def check_message(err: str, case: Case) -> None:
    assert err.endswith("\n")
    assert err.count("\n") == 1, err  # one line
    line = err.rstrip("\n")
    assert line.startswith("diary: " + case.starts), line
    assert line.endswith(case.ends), line


@pytest.mark.parametrize(
    ("with_diary", "kind"),
    [(True, "plain"), (False, "plain"), (True, "encrypted")],  # an encrypted diary exists
    ids=["diary exists", "no diary", "encrypted diary"],
    indirect=["kind"],
)
@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_changes_nothing(
    name: str, with_diary: bool, kind: Kind, cli, tmp_path: Path, db_path: Path
) -> None:
    run_case(CASES[name], with_diary, kind, cli, tmp_path, db_path)


def run_case(case: Case, with_diary: bool, kind: Kind, cli, tmp_path: Path, db_path: Path) -> None:
    """Run the case where the diary exists (or not): exit code, one line, nothing written."""
    if case.needs_diary and not with_diary:
        pytest.skip("only meaningful when the diary exists")
    before = prepare(tmp_path, db_path, with_diary, kind)
    args = [a.replace("{tmp}", str(tmp_path)) for a in case.args]
    result = cli(*args)
    assert result.code == case.code, result.err
    assert result.out == ""
    check_message(result.err, case)
    assert snapshot(tmp_path) == before  # the diary's bytes and mtime, and no new file
    assert db_path.exists() is with_diary


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 25
    assert len({c.args[0] for c in CASES.values()}) >= 6  # mood, session, list, export, demo...


@pytest.mark.parametrize(
    "name",
    ["mood above 10", "bp 2/0", "symptom unknown", "export csv over the diary", "unknown command"],
)
def test_bad_input_in_a_real_process(name: str, kind: Kind, tmp_path: Path, db_path: Path) -> None:
    case = CASES[name]
    before = prepare(tmp_path, db_path, with_diary=True, kind=kind)
    done = run_diary(*[a.replace("{tmp}", str(tmp_path)) for a in case.args])
    assert done.returncode == case.code
    assert done.stdout == ""
    check_message(done.stderr, case)
    assert snapshot(tmp_path) == before
