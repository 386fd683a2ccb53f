"""The bad-input table: every case exits 2 (or 1), says one line naming the field, writes nothing.

Each case runs twice: against a diary that holds data (its bytes, mtime and folder must not
change) and where no diary exists yet (none may be created). A few also run as real processes.
"""

from __future__ import annotations

import datetime as dt
import os
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from diary.domain import MoodEntry, Route, Session, VitalLabel, VitalReading
from tests.conftest import refused, run_diary
from tests.kinds import Kind

# what the messages say is accepted
DAY = "an ISO date (YYYY-MM-DD), 'today' or 'yesterday', at most one day ahead"
AT = "an ISO date and time (YYYY-MM-DD HH:MM), 'now', 'today' or 'yesterday'"
BP = "SYS/DIA like 128/82, systolic 50-300, diastolic 30-200, systolic above diastolic"
ROUTES = "one of iv, im, intranasal, oral, sublingual, other"
PHASES = "one of induction, maintenance, booster"
SYMPTOMS = (
    "one of dizziness, nausea, vomiting, dissociation, blurred_vision, high_blood_pressure, "
    "anxiety, confusion, floating_sensation, hallucinations, grogginess"
)
SCORE = "a whole number 0-10"
HOURS = "a number 0-24"
DOSE = "a number above 0 and at most 1000"
SEVERITY = "0-3 or none, mild, moderate, severe"
BEFORE_END = "a day on or before the end date (2026-11-01)"
YEARS = "a number 0.1-100"
SHORT = "at most 200 characters"
# the fields as the messages name them
BP_PRE = "blood pressure pre-dose (--bp-pre)"
BP_40 = "blood pressure at ~40 min (--bp-40)"
BP_OUT = "blood pressure at discharge (--bp-discharge)"
DOSE_MG = "dose in mg (--dose-mg)"
PER_KG = "dose in mg/kg (--dose-mg-per-kg)"
MINUTES = "duration in minutes (--duration-min)"
NAUSEA = "severity of nausea (--symptom)"
WHEN = "date and time (--at)"
SINCE = "start date (--since)"
OUTPUT = "output file (-o)"
# the starts of command lines
MOOD = "mood 7"
ADD = "session add --route iv"
CSV = "export csv -o {tmp}/visit.csv"
DEMO = "demo --no-open --db {tmp}/demo.db"
PATH = "{path}"  # where a message names a path, which the case cannot know
REQUIRED = "the following arguments are required:"


@dataclass(frozen=True)
class Case:
    """A command line ({tmp} stands for the test's folder), the message (its start, or its
    start and end around a {path}), the exit code."""

    line: str
    message: str
    code: int = 2
    needs_diary: bool = False  # only meaningful when the diary already exists

    def args(self, tmp_path: Path) -> list[str]:
        return [arg.replace("{tmp}", str(tmp_path)) for arg in shlex.split(self.line)]


CASES = {
    # mood
    "mood above 10": Case("mood 11", refused("mood", "11", SCORE)),
    "mood below 0": Case("mood -1", refused("mood", "-1", SCORE)),
    "mood not a number": Case("mood abc", refused("mood", "abc", SCORE)),
    "mood empty": Case("mood ''", refused("mood", "", SCORE)),
    "mood decimal": Case("mood 7.5", refused("mood", "7.5", SCORE)),
    "mood huge": Case(f"mood {'9' * 30}", refused("mood", "9" * 30, SCORE)),
    "mood unicode": Case("mood 七", refused("mood", "七", SCORE)),
    "mood missing": Case("mood", f"diary mood: {REQUIRED} SCORE"),
    "anxiety above 10": Case(f"{MOOD} --anxiety 11", refused("--anxiety", "11", SCORE)),
    "anxiety arabic digits": Case(f"{MOOD} --anxiety ٣٣", refused("--anxiety", "٣٣", SCORE)),
    "sleep nan": Case(f"{MOOD} --sleep nan", refused("--sleep", "nan", HOURS)),
    "sleep inf": Case(f"{MOOD} --sleep inf", refused("--sleep", "inf", HOURS)),
    "sleep -inf": Case(f"{MOOD} --sleep=-inf", refused("--sleep", "-inf", HOURS)),
    "sleep over 24": Case(f"{MOOD} --sleep 24.5", refused("--sleep", "24.5", HOURS)),
    "date in the future": Case(f"{MOOD} --date 2026-11-22", refused("--date", "2026-11-22", DAY)),
    "date not a day": Case(f"{MOOD} --date 2026-02-30", refused("--date", "2026-02-30", DAY)),
    "date a word": Case(f"{MOOD} --date tomorrow", refused("--date", "tomorrow", DAY)),
    "note too long": Case(
        f"{MOOD} --note {'x' * 200_001}",
        refused("--note", "200001 characters", "at most 200,000 characters"),
    ),
    # session add
    "route unknown": Case("session add --route nasal", refused("--route", "nasal", ROUTES)),
    "route empty": Case("session add --route ''", refused("--route", "", ROUTES)),
    "route missing": Case("session add --dose-mg 35", f"diary session add: {REQUIRED} --route"),
    "bp 2/0": Case(f"{ADD} --bp-pre 2/0", refused(BP_PRE, "2/0", BP)),
    "bp upside down": Case(f"{ADD} --bp-40 80/120", refused(BP_40, "80/120", BP)),
    "bp one number": Case(f"{ADD} --bp-discharge 120", refused(BP_OUT, "120", BP)),
    "bp systolic 301": Case(f"{ADD} --bp-pre 301/80", refused(BP_PRE, "301/80", BP)),
    "bp diastolic 29": Case(f"{ADD} --bp-pre 120/29", refused(BP_PRE, "120/29", BP)),
    "phase unknown": Case(f"{ADD} --phase taper", refused("--phase", "taper", PHASES)),
    "symptom unknown": Case(
        f"{ADD} --symptom headache=2", refused("--symptom", "headache", SYMPTOMS)
    ),
    "symptom without severity": Case(
        f"{ADD} --symptom nausea", refused("--symptom", "nausea", "NAME=SEVERITY like dizziness=2")
    ),
    "severity 4": Case(f"{ADD} --symptom nausea=4", refused(NAUSEA, "4", SEVERITY)),
    "severity empty": Case(f"{ADD} --symptom nausea=", refused(NAUSEA, "", SEVERITY)),
    "symptom twice": Case(
        f"{ADD} --symptom nausea=1 --symptom Nausea=2",
        refused("--symptom", "nausea", "each symptom once per session"),
    ),
    "dose 0": Case(f"{ADD} --dose-mg 0", refused(DOSE_MG, "0", DOSE)),
    "dose negative": Case(f"{ADD} --dose-mg=-5", refused(DOSE_MG, "-5", DOSE)),
    "dose over 1000": Case(f"{ADD} --dose-mg 1001", refused(DOSE_MG, "1001", DOSE)),
    "dose nan": Case(f"{ADD} --dose-mg NaN", refused(DOSE_MG, "NaN", DOSE)),
    "dose 1e309": Case(f"{ADD} --dose-mg 1e309", refused(DOSE_MG, "1e309", DOSE)),
    "dose per kg over 20": Case(
        f"{ADD} --dose-mg-per-kg 21", refused(PER_KG, "21", "a number above 0 and at most 20")
    ),
    "weight 0": Case(
        f"{ADD} --weight-kg 0", refused("weight in kg (--weight-kg)", "0", "a number 20-400")
    ),
    "duration a day and a minute": Case(
        f"{ADD} --duration-min 1441", refused(MINUTES, "1441", "a whole number 1-1440")
    ),
    "at in the future": Case(
        f"{ADD} --at '2026-11-22 10:00'",
        refused(WHEN, "2026-11-22 10:00", AT + ", at most one day ahead"),
    ),
    "at garbage": Case(f"{ADD} --at 'half past nine'", refused(WHEN, "half past nine", AT)),
    "clinic too long": Case(
        f"{ADD} --clinic {'c' * 201}", refused("--clinic", "201 characters", SHORT)
    ),
    # list
    "list since after until": Case(
        "list --since 2026-11-10 --until 2026-11-01", refused(SINCE, "2026-11-10", BEFORE_END)
    ),
    "list since a word": Case("list --since someday", refused(SINCE, "someday", DAY)),
    # export csv
    "export csv to a folder": Case(
        "export csv -o {tmp}", refused(OUTPUT, PATH, "a file name, not a folder")
    ),
    "export csv over the diary": Case(
        "export csv -o {tmp}/./diary.db",
        refused(OUTPUT, PATH, "a file other than the diary database itself"),
        needs_diary=True,
    ),
    "export csv into a missing folder": Case(
        "export csv -o {tmp}/missing/visit.csv",
        refused(OUTPUT, PATH, "a file in an existing folder"),
    ),
    "export csv since after until": Case(
        f"{CSV} --since 2026-11-10 --until 2026-11-01", refused(SINCE, "2026-11-10", BEFORE_END)
    ),
    "export csv until next year": Case(
        f"{CSV} --until 2027-01-01", refused("end date (--until)", "2027-01-01", DAY)
    ),
    "export csv without -o": Case("export csv", f"diary export csv: {REQUIRED} -o/--output"),
    "export fhir over the diary": Case(
        "export fhir -o {tmp}/diary.db",
        refused(OUTPUT, PATH, "a file other than the diary database itself"),
        needs_diary=True,
    ),
    # export tables
    "export tables onto a file": Case(
        "export tables -o {tmp}/a-file.txt",
        refused("output folder (-o)", PATH, "a folder for the tables, not a file"),
    ),
    # demo
    "demo over a diary with data": Case(
        "demo --no-open --db {tmp}/diary.db",
        refused("diary file (--db)", PATH, "a new or empty file (this one holds data)"),
        needs_diary=True,
    ),
    "demo zero years": Case(f"{DEMO} --years 0", refused("--years", "0", YEARS)),
    "demo years not a number": Case(f"{DEMO} --years ten", refused("--years", "ten", YEARS)),
    "demo negative seed": Case(
        f"{DEMO} --seed=-1", refused("--seed", "-1", "a whole number 0-2147483647")
    ),
    # the command line itself
    "unknown command": Case("remember 7", "argument COMMAND: invalid choice: 'remember'"),
    "unknown option": Case(
        f"{MOOD} --mood 8",
        "diary mood: unrecognized arguments: --mood 8 (see 'diary mood --help')",
    ),
    "unknown option of a subcommand": Case(
        "import pixels a.json b.json",
        "diary import pixels: unrecognized arguments: b.json (see 'diary import pixels --help')",
    ),
    # not bad values but places the diary cannot be: exit 1, one line, nothing written
    "db is a folder": Case(
        f"{MOOD} --db {{tmp}}/a-folder",
        PATH + " is a folder, not a diary database; give a file path",
        code=1,
    ),
    "db is another file": Case(
        f"{MOOD} --db {{tmp}}/a-file.txt",
        PATH + " is not a diary database (not SQLite); left untouched",
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
    starts, _, ends = case.message.partition(PATH)
    assert line.startswith("diary: " + starts), line
    assert line.endswith(ends), line


def run_case(case: Case, with_diary: bool, kind: Kind, cli, tmp_path: Path, db_path: Path) -> None:
    """Run the case where the diary exists (or not): exit code, one line, nothing written."""
    if case.needs_diary and not with_diary:
        pytest.skip("only meaningful when the diary exists")
    before = prepare(tmp_path, db_path, with_diary, kind)
    result = cli(*case.args(tmp_path))
    assert result.code == case.code, result.err
    assert result.out == ""
    check_message(result.err, case)
    assert snapshot(tmp_path) == before  # the diary's bytes and mtime, and no new file
    assert db_path.exists() is with_diary


def table_test(cases: dict[str, Case]) -> Callable[..., None]:
    """A test that runs each case of the table where a diary exists, where none does, and
    where an encrypted one does (the module names it test_...)."""

    @pytest.mark.parametrize(
        ("with_diary", "kind"),
        [(True, "plain"), (False, "plain"), (True, "encrypted")],
        ids=["diary exists", "no diary", "encrypted diary"],
        indirect=["kind"],
    )
    @pytest.mark.parametrize("name", list(cases))
    def test(name: str, with_diary: bool, kind: Kind, cli, tmp_path: Path, db_path: Path) -> None:
        run_case(cases[name], with_diary, kind, cli, tmp_path, db_path)

    return test


test_bad_input_changes_nothing = table_test(CASES)


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 25
    commands = {c.line.split()[0] for c in CASES.values()}
    assert len(commands) >= 6  # mood, session, list, export, demo...


@pytest.mark.parametrize(
    "name",
    ["mood above 10", "bp 2/0", "symptom unknown", "export csv over the diary", "unknown command"],
)
def test_bad_input_in_a_real_process(name: str, kind: Kind, tmp_path: Path, db_path: Path) -> None:
    case = CASES[name]
    before = prepare(tmp_path, db_path, with_diary=True, kind=kind)
    done = run_diary(*case.args(tmp_path))
    assert done.returncode == case.code
    assert done.stdout == ""
    check_message(done.stderr, case)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (
            ["export", "tables", "-o", ""],
            refused("output folder (-o)", "", "a folder name (. for the current folder)"),
        ),
        (
            ["export", "csv", "-o", ""],
            refused(OUTPUT, "", "a file name, or - for standard output"),
        ),
        (["backup", "-o", " "], refused(OUTPUT, " ", "a file name, or - for standard output")),
    ],
    ids=["tables", "csv", "backup"],
)
def test_an_empty_output_name_is_refused_not_taken_as_the_current_folder(
    command: list[str], message: str, cli, tmp_path: Path, db_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)  # where an empty name would have put the files
    before = prepare(tmp_path, db_path, with_diary=True, kind=Kind("plain"))
    result = cli(*command)
    assert (result.code, result.out, result.err) == (2, "", f"diary: {message}\n")
    assert snapshot(tmp_path) == before
