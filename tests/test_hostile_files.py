"""Files the diary did not write, and paths that cannot be one: refused in one line, untouched."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import socket
import sqlite3
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from diary.domain import CheckIn, CheckinKind, MoodEntry, Severity, SideEffectRating
from diary.store import open_store, schema
from diary.store.connection import connect
from tests.conftest import fill_disk
from tests.records import full_session


def one_line(err: str) -> str:
    """The refusal: exactly one line on stderr, and no traceback."""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def a_diary(path: Path) -> None:
    with open_store(path) as store:
        store.add_session(full_session())
        store.save_mood(MoodEntry(dt.date(2026, 11, 19), 6))


def tamper(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.close()


def beside(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def session_count(path: Path) -> int:
    db = sqlite3.connect(path)
    try:
        return db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]
    finally:
        db.close()


# 1. A database the diary did not write --------------------------------------------------


def test_an_extra_trigger_is_refused_and_the_sessions_stay(cli, db_path: Path) -> None:
    a_diary(db_path)
    tamper(db_path, "CREATE TRIGGER wipe AFTER INSERT ON moods BEGIN DELETE FROM sessions; END")
    before = db_path.read_bytes()
    names = beside(db_path)
    result = cli("--db", str(db_path), "mood", "5")
    assert result.code == 1
    assert "has objects this diary did not create: trigger wipe" in one_line(result.err)
    assert "saved" not in result.out
    assert db_path.read_bytes() == before
    assert beside(db_path) == names
    assert session_count(db_path) == 1


@pytest.mark.parametrize("command", [["stats"], ["list"], ["report", "-o", "r.md"]])
def test_a_view_in_place_of_a_table_is_refused(
    cli, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    a_diary(db_path)
    tamper(
        db_path,
        "DROP TABLE moods",
        "CREATE VIEW moods AS SELECT '2026-11-19' AS day, 10 AS mood, NULL AS anxiety, "
        "NULL AS sleep_hours, '' AS note, '' AS updated_at",
    )
    before = db_path.read_bytes()
    monkeypatch.chdir(tmp_path)
    result = cli("--db", str(db_path), *command)
    assert result.code == 1
    line = one_line(result.err)
    assert "has objects this diary did not create: view moods" in line
    assert "10" not in result.out
    assert db_path.read_bytes() == before
    assert not (tmp_path / "r.md").exists()


@pytest.mark.parametrize(
    ("statements", "says"),
    [
        (["CREATE TABLE extra (x)"], "did not create: table extra"),
        (["CREATE INDEX moods_by_mood ON moods (mood)"], "did not create: index moods_by_mood"),
        (["CREATE VIEW everything AS SELECT * FROM moods"], "did not create: view everything"),
        (
            [
                "DROP TABLE checkin_answers",
                "CREATE TABLE checkin_answers (checkin_id INTEGER, item INTEGER, answer INTEGER)",
            ],
            "has table checkin_answers changed from what this diary created",
        ),
        (["DROP INDEX sessions_by_day"], "lacks parts of a schema 2 diary: index sessions_by_day"),
    ],
)
def test_any_schema_but_its_own_is_refused(
    cli, db_path: Path, statements: list[str], says: str
) -> None:
    a_diary(db_path)
    tamper(db_path, *statements)
    before = db_path.read_bytes()
    result = cli("--db", str(db_path), "list")
    assert result.code == 1
    assert says in one_line(result.err)
    assert db_path.read_bytes() == before


def test_an_old_version_with_a_stray_table_is_refused_before_its_migration(
    cli, db_path: Path
) -> None:
    tamper(db_path, "PRAGMA application_id = 1145651545", "CREATE TABLE notes_from_v0 (text)")
    before = db_path.read_bytes()
    result = cli("--db", str(db_path), "mood", "5")
    assert result.code == 1
    assert "did not create: table notes_from_v0" in one_line(result.err)
    assert db_path.read_bytes() == before
    assert beside(db_path) == ["diary.db", "home"]  # no copy taken, nothing migrated


def test_the_diarys_own_schema_opens(cli, db_path: Path) -> None:
    a_diary(db_path)
    result = cli("--db", str(db_path), "mood", "5")
    assert result.code == 0, result.err


def test_connections_do_not_trust_the_schema(db_path: Path) -> None:
    a_diary(db_path)
    db = connect(db_path)
    try:
        assert db.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        if hasattr(db, "getconfig"):  # Python 3.12+
            assert db.getconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE)
    finally:
        db.close()


# 2. Stamped as a diary, but empty --------------------------------------------------------


def test_a_stamped_file_without_tables_is_refused_before_anything_is_written(
    cli, db_path: Path
) -> None:
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA application_id = 1145651545")  # the diary's, "DIAY"
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    before = db_path.read_bytes()
    result = cli("--db", str(db_path), "mood", "5")
    assert result.code == 1
    assert "lacks parts of a schema 1 diary: table checkin_answers" in one_line(result.err)
    assert db_path.read_bytes() == before
    assert beside(db_path) == ["diary.db", "home"]


# 3. Not a regular file --------------------------------------------------------------------


def run_with_timeout(*args: str) -> subprocess.CompletedProcess:
    """A real process: a hang on the special file shows as a timeout, not a stuck suite."""
    return subprocess.run(
        [sys.executable, "-m", "diary", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=os.environ.copy(),
    )


@pytest.mark.parametrize("command", [["list"], ["mood", "5"], ["due"]])
def test_a_fifo_is_refused_without_being_opened(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "diary.fifo"
    os.mkfifo(fifo)
    result = run_with_timeout("--db", str(fifo), *command)
    assert result.returncode == 1
    assert "is a named pipe (FIFO), not a diary database" in one_line(result.stderr)
    assert fifo.is_fifo()
    assert [name for name in beside(fifo) if name.startswith("diary.fifo")] == ["diary.fifo"]


@pytest.mark.parametrize(
    "command",
    [
        ["export", "csv", "-o", "-"],
        ["export", "fhir", "-o", "-"],
        ["export", "tables", "-o", "tables"],
        ["report", "-o", "-"],
        ["backup", "-o", "-"],
    ],
    ids=lambda c: "-".join(c[:2]),
)
def test_an_export_from_a_fifo_says_what_is_there_not_no_diary(
    tmp_path: Path, command: list[str]
) -> None:
    fifo = tmp_path / "diary.fifo"
    os.mkfifo(fifo)
    result = run_with_timeout("--db", str(fifo), *command)
    assert (result.returncode, result.stdout) == (1, "")
    assert one_line(result.stderr) == (
        f"diary: {fifo} is a named pipe (FIFO), not a diary database; not opened"
    )
    assert fifo.is_fifo()


def test_a_socket_is_refused(cli, tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        result = cli("--db", str(path), "list")
    finally:
        server.close()
    assert result.code == 1
    assert "is a socket, not a diary database" in one_line(result.err)


@pytest.mark.parametrize("device", ["/dev/null", "/dev/zero", "/dev/full"])
def test_a_device_is_refused(device: str) -> None:
    result = run_with_timeout("--db", device, "mood", "5")
    assert result.returncode == 1
    assert "is a character device, not a diary database" in one_line(result.stderr)


# 4. Paths and days that cannot be --------------------------------------------------------


@pytest.mark.parametrize(
    ("db", "says"),
    [
        ("", "--db: the diary file name is empty"),
        ("/", "--db: / names no file"),
        ("a" * 300 + ".db", "the name is too long for the file system"),
        ("~nosuchuser-of-diary/diary.db", "no such user, so its ~ cannot be expanded"),
    ],
)
@pytest.mark.parametrize("command", [["list"], ["mood", "5"], ["due"]])
def test_paths_that_cannot_be_a_diary_exit_2(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db: str, says: str, command: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    names = sorted(p.name for p in tmp_path.iterdir())
    result = cli("--db", db, *command)
    assert result.code == 2
    assert says in one_line(result.err)
    assert sorted(p.name for p in tmp_path.iterdir()) == names


def test_a_dangling_link_exits_2_and_nothing_is_made(cli, tmp_path: Path) -> None:
    link = tmp_path / "diary.db"
    link.symlink_to(tmp_path / "gone.db")
    result = cli("--db", str(link), "mood", "5")
    assert result.code == 2
    assert "is a link to" in one_line(result.err)
    assert "which does not exist" in result.err
    assert not (tmp_path / "gone.db").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["diary.db", "home"]


@pytest.mark.parametrize("day", ["9999-12-31", "0001-01-01"])
@pytest.mark.parametrize("command", [["mood", "5"], ["stats"], ["list"]])
def test_a_pinned_day_out_of_range_exits_2(
    cli, monkeypatch: pytest.MonkeyPatch, db_path: Path, day: str, command: list[str]
) -> None:
    monkeypatch.setenv("DIARY_TODAY", day)
    result = cli(*command)
    assert result.code == 2
    assert "DIARY_TODAY" in one_line(result.err)
    assert not db_path.exists()


@pytest.mark.parametrize("day", ["9000-12-31", "1900-01-01"])
def test_the_ends_of_the_pinned_range_work(
    cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, day: str
) -> None:
    monkeypatch.setenv("DIARY_TODAY", day)
    monkeypatch.chdir(tmp_path)
    for command in (["mood", "5"], ["stats"], ["list"], ["report", "-o", "r.html"]):
        result = cli(*command)
        assert result.code == 0, (command, result.err)
        assert "Traceback" not in result.err


# 5. Damaged rows --------------------------------------------------------------------------


def damage(path: Path, *statements: str) -> None:
    """Write values the CHECK constraints would refuse, as another program could."""
    tamper(path, "PRAGMA ignore_check_constraints = ON", *statements)


DAMAGES = [
    (
        "UPDATE moods SET mood = 'seven' WHERE day = '2026-11-19'",
        "moods row 2: mood holds 'seven', not a whole number 0-10",
    ),
    (
        "UPDATE sessions SET route = 'rectal'",
        "sessions row 1: route holds 'rectal', not one of iv, im,",
    ),
    (
        "UPDATE vitals SET label = 'later' WHERE id = 2",
        "vitals row 2: label holds 'later', not one of pre, 40min",
    ),
    (
        "UPDATE sessions SET started_at = 'Tuesday morning'",
        "sessions row 1: started_at holds 'Tuesday morning', not an ISO date and time",
    ),
    (
        "UPDATE moods SET note = x'00ff' WHERE day = '2026-11-19'",
        "moods row 2: note holds b'\\x00\\xff', not text",
    ),
    (
        "INSERT INTO settings (key, value) VALUES ('default_weight_kg', 'abc')",
        "settings row 1: value of default_weight_kg holds 'abc', not a number 0-1000",
    ),
    (
        "UPDATE checkins SET kind = 'bdi'",
        "checkins row 1: kind holds 'bdi', not one of phq9, gad7",
    ),
]


def a_damaged_diary(path: Path, statement: str) -> None:
    with open_store(path) as store:
        store.save_mood(MoodEntry(dt.date(2026, 11, 18), 5, note="first"))
        store.save_mood(MoodEntry(dt.date(2026, 11, 19), 6))
        store.add_session(full_session())
        store.save_checkin(CheckIn(CheckinKind.PHQ9, dt.date(2026, 11, 19), (1,) * 9))
    damage(path, statement)


READERS = [
    ["list", "--since", "2026-11-01"],
    ["stats", "--since", "2026-11-01"],
    ["report", "-o", "r.html", "--since", "2026-11-01"],
    ["export", "csv", "-o", "days.csv"],
    ["export", "tables", "-o", "tables"],
    ["backup", "-o", "b.json"],
    ["settings"],
]


READS = {  # the tables a command reads, where it is not all of them
    "settings": {"settings"},
    "list": {"moods", "sessions", "vitals"},
    "stats": {"moods", "sessions", "vitals", "checkins"},
    "report": {"moods", "sessions", "vitals", "checkins", "settings"},
    "export csv": {"moods", "sessions", "vitals", "checkins"},  # PHQ-9 on the day taken
}


@pytest.mark.parametrize(("statement", "says"), DAMAGES)
@pytest.mark.parametrize(
    "command", READERS, ids=lambda c: c[0] + "-" + c[1] if len(c) > 1 else c[0]
)
def test_a_damaged_row_is_named_in_one_line(
    cli,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    statement: str,
    says: str,
    command: list[str],
) -> None:
    a_damaged_diary(db_path, statement)
    monkeypatch.chdir(tmp_path)
    result = cli(*command)
    line = one_line(result.err) if result.err.strip() else ""
    table = says.split(" ")[0]
    if table not in READS.get(" ".join(command[:2]), READS.get(command[0], {table})):
        assert result.code == 0, result.err
        return
    assert result.code == 1, (result.out, result.err)
    assert says in line
    assert "run `diary check` to list every damaged row" in line
    assert not any(
        (tmp_path / name).exists() for name in ("r.html", "days.csv", "tables", "b.json")
    )


def test_check_lists_every_damaged_row(cli, db_path: Path) -> None:
    a_damaged_diary(db_path, DAMAGES[0][0])
    damage(db_path, *(statement for statement, _ in DAMAGES[1:]))
    result = cli("check")
    assert result.code == 1
    assert "Traceback" not in result.err
    for _, says in DAMAGES:
        assert says in result.out
    assert "7 damaged row(s)" in result.out  # two of them in the same session row


def test_check_passes_a_sound_diary(cli, db_path: Path) -> None:
    a_diary(db_path)
    result = cli("check")
    assert result.code == 0, result.out + result.err
    assert "every row reads cleanly; integrity and links are sound" in result.out


def test_check_names_rows_whose_parent_is_missing(cli, db_path: Path) -> None:
    a_diary(db_path)
    tamper(
        db_path,
        "INSERT INTO vitals (session_id, label, systolic, diastolic) VALUES (99, 'pre', 120, 80)",
    )
    result = cli("check")
    assert result.code == 1
    assert "vitals row 4: refers to a sessions row that does not exist" in result.out


def test_check_export_good_backs_up_what_survives(cli, db_path: Path, tmp_path: Path) -> None:
    a_damaged_diary(db_path, DAMAGES[1][0])  # the session is damaged: its vitals go with it
    damage(db_path, DAMAGES[0][0])  # and one of the two moods
    good = tmp_path / "good.json"
    result = cli("check", "--export-good", "-o", str(good))
    assert result.code == 1
    assert "Backed up what reads cleanly (11 symptoms, 1 mood, 1 check-in)" in result.out
    new = tmp_path / "new.db"
    restored = cli("--db", str(new), "restore", str(good))
    assert restored.code == 0, restored.err
    with open_store(new) as store:
        assert [m.note for m in store.moods_between()] == ["first"]
        assert store.sessions_between() == []
        assert len(store.checkins_between()) == 1
    assert cli("--db", str(new), "check").code == 0


def test_check_export_good_wants_a_file(cli, db_path: Path) -> None:
    a_diary(db_path)
    result = cli("check", "--export-good")
    assert result.code == 2
    assert "-o" in one_line(result.err)


def test_check_export_good_onto_a_file_there_takes_the_force_it_offers(
    cli, db_path: Path, tmp_path: Path
) -> None:
    a_diary(db_path)
    there = tmp_path / "good.json"
    there.write_text("kept\n")
    result = cli("check", "--export-good", "-o", str(there))
    assert result.code == 2
    assert "(--force replaces it)" in one_line(result.err)
    assert there.read_text() == "kept\n"
    assert cli("check", "--export-good", "-o", str(there), "--force").code == 0
    assert there.read_text().startswith('{\n  "format": "diary-backup"')


# 8. Files written -------------------------------------------------------------------------
# Only stand-ins made in tmp_path are tried: on code without the check, a real /dev/null
# or /dev/stdout would be replaced by a file.


def special_targets(tmp_path: Path) -> list[Path]:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    stream = tmp_path / "stdout.json"
    stream.symlink_to("/proc/self/fd/1")  # what /dev/stdout is
    made = [fifo, stream]
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a /dev/null of our own
        made.append(device)
    except PermissionError:
        pass  # not root: the FIFO and the stream stand in
    return made


WRITERS = [
    ["backup", "-o"],
    ["report", "--format", "md", "-o"],
    ["export", "csv", "-o"],
    ["check", "--export-good", "-o"],
]


@pytest.mark.parametrize("command", WRITERS, ids=lambda c: c[0])
def test_a_target_that_is_not_a_regular_file_is_refused(
    cli, db_path: Path, tmp_path: Path, command: list[str]
) -> None:
    a_diary(db_path)
    for target in special_targets(tmp_path):
        kind = os.lstat(target).st_mode
        result = cli(*command, str(target))
        assert result.code == 2, (target, result.err)
        assert "expected a regular file" in one_line(result.err)
        assert "give -o - for standard output" in result.err
        assert os.lstat(target).st_mode == kind  # still the FIFO, the link, the device
        target.unlink()


@pytest.mark.parametrize(
    ("command", "starts"),
    [
        (["backup", "-o", "-"], '{\n  "format": "diary-backup"'),
        (["report", "--format", "md", "-o", "-"], "# Ketamine treatment diary"),
        (["export", "csv", "-o", "-"], "\ufeffdate,mood,"),  # the BOM unless --no-bom
        (["check", "--export-good", "-o", "-"], '{\n  "format": "diary-backup"'),
    ],
    ids=lambda c: c[0] if isinstance(c, list) else "",
)
def test_dash_writes_to_standard_output(
    cli, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command, starts
) -> None:
    a_diary(db_path)
    monkeypatch.chdir(tmp_path)
    result = cli(*command)
    assert result.code == 0, result.err
    assert result.out.startswith(starts)
    assert "Traceback" not in result.err
    if command[0] != "check":  # check lists what it found on stderr; the rest say nothing
        assert result.err == ""  # the pipe gets the file alone
    assert not (tmp_path / "-").exists()


def test_dash_is_no_folder_for_the_tables(
    cli, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a_diary(db_path)
    monkeypatch.chdir(tmp_path)
    result = cli("export", "tables", "-o", "-")
    assert result.code == 2
    assert "a folder (the tables are several files)" in one_line(result.err)
    assert not (tmp_path / "-").exists()


# 7 and 16. Stored and imported text is drawn as text --------------------------------------

ESC_TITLE = "\x1b]0;owned\x07\x1b[2J"  # retitles the terminal, then clears it


def test_settings_from_a_backup_print_as_text(cli, db_path: Path) -> None:
    a_diary(db_path)
    tamper(
        db_path,
        f"INSERT INTO settings (key, value) VALUES ('name', '{ESC_TITLE}A. Patient')",
        f"INSERT INTO settings (key, value) VALUES ('country', 'G{ESC_TITLE}B')",
    )
    result = cli("settings")
    assert result.code == 0, result.err
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "name: ␛]0;owned␇␛[2JA. Patient" in result.out


def test_a_daylio_label_with_escapes_comes_back_as_text(cli, tmp_path: Path) -> None:
    export = tmp_path / "daylio.csv"
    export.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        f"2026-11-19,Nov 19,Thursday,20:00,{ESC_TITLE}ok,,,\n",
        encoding="utf-8",
    )
    result = cli("import", "daylio", str(export), "--dry-run")
    assert "Traceback" not in result.err
    both = result.out + result.err
    assert "\x1b" not in both and "\x07" not in both
    assert "␛]0;owned␇␛[2Jok" in both


def test_a_file_name_with_escapes_is_said_as_text(cli, db_path: Path, tmp_path: Path) -> None:
    a_diary(db_path)
    named = tmp_path / "visit\x1b]0;owned\x07\x1b[2J"
    said = []
    for command in (
        ["export", "csv", "-o", f"{named}.csv"],
        ["export", "fhir", "-o", f"{named}.json"],
        ["report", "-o", f"{named}.md"],
        ["export", "tables", "-o", f"{named}-tables"],
        ["backup", "-o", f"{named}.json", "--force"],
        ["restore", f"{named}.json", "--db", str(tmp_path / "restored.db")],
    ):
        result = cli(*command)
        assert result.code == 0, result.err
        said.append(result.out)
    for out in said:
        assert "\x1b" not in out and "\x07" not in out, out
        assert "visit␛]0;owned␇␛[2J" in out, out


def test_typed_text_with_escapes_comes_back_as_text_in_every_listing(
    cli, db_path: Path, tmp_path: Path
) -> None:
    esc = "\x1b]0;owned\x07\x1b[2J"
    assert cli("session", "add", "--route", "iv", "--clinic", f"Oak{esc}").code == 0
    assert (
        cli(
            "med",
            "add",
            f"med{esc}",
            "--dose",
            "5",
            "--unit",
            f"mg{esc}",
            "--schedule",
            f"daily{esc}",
        ).code
        == 0
    )
    said = [
        cli("session", "list").out,
        cli("session", "edit", "1", "--dose-mg", "30").out,
        cli("med", "list").out,
        cli("check", "--export-good", "-o", str(tmp_path / f"good{esc}.json")).out,
    ]
    for out in said:
        assert "\x1b" not in out and "\x07" not in out, out
        assert "␛]0;owned␇␛[2J" in out, out


def test_a_new_diarys_path_with_escapes_is_said_as_text(cli, tmp_path: Path) -> None:
    esc = "\x1b]0;owned\x07\x1b[2J"
    said = [
        cli("--db", str(tmp_path / f"new{esc}.db"), "mood", "5").started,
        cli("demo", "--no-open", "--db", str(tmp_path / f"demo{esc}.db")).out,
    ]
    for text in said:
        assert "\x1b" not in text and "\x07" not in text, text
        assert "␛]0;owned␇␛[2J" in text, text


@pytest.mark.parametrize("label", ["Headache [left/right]", "Jaw pain [/]", "[bold]x[/bold]"])
def test_symptom_labels_with_brackets_print_as_typed(
    cli, db_path: Path, monkeypatch: pytest.MonkeyPatch, label: str
) -> None:
    monkeypatch.setenv("COLUMNS", "250")  # each label on one line of the table
    with open_store(db_path) as store:
        symptom = store.add_symptom(label)
        session = full_session()
        store.add_session(
            replace(session, side_effects=(SideEffectRating(symptom.key, Severity.SEVERE),))
        )
    for command in (["stats", "--since", "2026-11-01"], ["list", "--since", "2026-11-01"]):
        result = cli(*command)
        assert result.code == 0, result.err
        assert "Traceback" not in result.err
        assert label in result.out, command


@pytest.mark.parametrize(
    "command",
    [
        ["restore", "~nosuchuser-of-diary/b.json"],
        ["import", "daylio", "~nosuchuser-of-diary/d.csv"],
        ["backup", "-o", "~nosuchuser-of-diary/b.json"],
        ["report", "-o", "~nosuchuser-of-diary/r.md"],
        ["export", "csv", "-o", "~nosuchuser-of-diary/d.csv"],
    ],
    ids=lambda c: c[0],
)
def test_an_unknown_user_in_a_path_is_one_line(cli, db_path: Path, command: list[str]) -> None:
    a_diary(db_path)
    result = cli(*command)
    assert result.code == 2, result.err
    assert "~nosuchuser-of-diary" in one_line(result.err)


# 6. Backups whose values would break a report later ----------------------------------------


def backup_of(cli, db_path: Path, tmp_path: Path) -> dict:
    a_diary(db_path)
    target = tmp_path / "b.json"
    assert cli("backup", "-o", str(target)).code == 0
    return json.loads(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("started_at", "says"),
    [
        ("9999-12-31T23:00:00+00:00", "'9999-12-31T23:00:00+00:00' is not accepted"),
        ("2026-11-18T09:30:00-14:00", "'2026-11-18T09:30:00-14:00' is not accepted"),
        ("2026-11-18T09:30:00", "'2026-11-18T09:30:00' is not accepted"),
    ],
    ids=["the last day", "offset -14:00", "no offset"],
)
def test_a_backup_with_a_time_that_would_break_reports_is_refused(
    cli, db_path: Path, tmp_path: Path, started_at: str, says: str
) -> None:
    data = backup_of(cli, db_path, tmp_path)
    data["tables"]["sessions"][0]["started_at"] = started_at
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    new = tmp_path / "new.db"
    result = cli("--db", str(new), "restore", str(bad))
    assert result.code == 2, result.err
    line = one_line(result.err)
    assert "sessions row 1: started_at" in line and says in line
    assert "with its UTC offset" in line and "nothing was restored" in line
    assert cli("--db", str(new), "stats").code == 0  # nothing landed to break it


def test_a_backup_mixing_times_with_and_without_an_offset_is_refused(
    cli, db_path: Path, tmp_path: Path
) -> None:
    data = backup_of(cli, db_path, tmp_path)
    data["tables"]["vitals"][0]["taken_at"] = "2026-11-18T09:30:00"  # the session has +02:00
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    result = cli("--db", str(tmp_path / "new.db"), "restore", str(bad))
    assert result.code == 2
    assert "vitals row 1: taken_at: '2026-11-18T09:30:00' is not accepted" in one_line(result.err)


# 12. One rule for digits: ASCII 0-9 in every numeric field ---------------------------------

ARABIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize(
    "command",
    [
        ["mood", "7".translate(ARABIC)],
        ["mood", "7", "--sleep", "6.5".translate(ARABIC)],
        ["mood", "7", "--date", "2026-11-19".translate(ARABIC)],
        ["session", "add", "--route", "iv", "--bp-pre", "128/82".translate(ARABIC)],
        ["session", "add", "--route", "iv", "--dose-mg", "35".translate(ARABIC)],
        ["session", "add", "--route", "iv", "--symptom", "nausea=" + "2".translate(ARABIC)],
        ["settings", "--weight-kg", "72".translate(ARABIC)],
        ["checkin", "gad7", "--answers", "1,0,2,1,0,0,1".translate(ARABIC)],
    ],
    ids=lambda c: "-".join(c[:2]) + ("-" + c[-2] if len(c) > 2 else ""),
)
def test_digits_other_than_ascii_are_refused_in_every_numeric_field(
    cli, db_path: Path, command: list[str]
) -> None:
    result = cli(*command)
    assert result.code == 2, (result.out, result.err)
    assert "is not accepted" in one_line(result.err)
    if db_path.exists():
        with open_store(db_path) as store:
            assert store.is_empty()


# 9 and 10. A full disk, a name taken: all or nothing ---------------------------------------


def test_export_tables_on_a_full_disk_leaves_nothing(small_disk: Path, tmp_path: Path) -> None:
    db = tmp_path / "diary.db"
    with open_store(db) as store:
        for day in range(1, 29):
            store.save_mood(MoodEntry(dt.date(2026, 10, day), 5, note="n" * 2_000))
    fill_disk(small_disk, 20_000)  # room for the first tables, not for moods.csv
    target = small_disk / "tables"
    done = run_with_timeout("export", "tables", "-o", str(target), "--db", str(db))
    assert done.returncode == 1, done.stderr
    assert "No space left on device" in one_line(done.stderr)
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]  # no tables, no temp


def test_export_tables_where_a_table_name_is_a_folder_writes_none(
    cli, db_path: Path, tmp_path: Path
) -> None:
    a_diary(db_path)
    target = tmp_path / "tables"
    (target / "moods.csv").mkdir(parents=True)
    result = cli("export", "tables", "-o", str(target))
    assert result.code == 1
    assert "a folder of that name is there" in one_line(result.err)
    assert sorted(p.name for p in target.iterdir()) == ["moods.csv"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".tables.")]


@pytest.mark.parametrize("room", [0, 30_000, 60_000], ids=lambda r: f"{r}-bytes-free")
@pytest.mark.parametrize("command", ["mood", "demo", "restore"])
def test_a_new_diary_on_a_full_disk_is_one_line_and_leaves_no_half_file(
    cli, small_disk: Path, tmp_path: Path, room: int, command: str
) -> None:
    backup = tmp_path / "b.json"
    a_diary(tmp_path / "source.db")
    assert cli("--db", str(tmp_path / "source.db"), "backup", "-o", str(backup)).code == 0
    args = {
        "mood": ["mood", "5"],
        "demo": ["demo", "--no-open", "--years", "0.2"],
        "restore": ["restore", str(backup)],
    }[command]
    fill_disk(small_disk, room)  # no room; room for the file but not its tables; nor its rows
    path = small_disk / "new.db"
    done = run_with_timeout(*args, "--db", str(path))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    one_line(done.stderr)
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


# 11. The copy before a migration ---------------------------------------------------------


def an_old_diary(path: Path) -> bytes:
    """A version-0 diary file: stamped, without tables (what `create` leaves)."""
    tamper(path, "PRAGMA application_id = 1145651545")
    return path.read_bytes()


def copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.v0-before-migration-*.bak"))


def test_four_processes_opening_an_old_file_at_once_migrate_it_once(db_path: Path) -> None:
    original = an_old_diary(db_path)
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "diary", "mood", "5", "--db", str(db_path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=os.environ.copy(),
        )
        for _ in range(4)
    ]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        assert "Traceback" not in err
    made = copies(db_path)
    assert len(made) == 1
    assert made[0].read_bytes() == original
    assert not list(db_path.parent.glob(".diary.db.*"))  # no lock file, no temporary copy


def test_copies_in_the_same_second_get_their_own_names(db_path: Path) -> None:
    an_old_diary(db_path)
    first = schema.copy_before_migration(db_path, 0)
    second = schema.copy_before_migration(db_path, 0)
    assert first != second and first.exists() and second.exists()
    assert first.read_bytes() == second.read_bytes() == db_path.read_bytes()


def test_a_failed_copy_is_removed_and_nothing_migrates(
    cli, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = an_old_diary(db_path)

    def half_copy(source: Path, target: Path) -> None:
        Path(target).write_bytes(Path(source).read_bytes()[:50])  # a kill -9 halfway
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", half_copy)
    result = cli("--db", str(db_path), "mood", "5")
    assert result.code == 1
    assert "the copy kept before it could not be written" in one_line(result.err)
    assert copies(db_path) == []
    assert not list(db_path.parent.glob(".diary.db.*"))
    assert db_path.read_bytes() == original


def test_no_room_for_the_copy_says_how_much_and_changes_nothing(
    cli, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = an_old_diary(db_path)
    monkeypatch.setattr(
        shutil, "disk_usage", lambda _: SimpleNamespace(total=10**9, used=10**9, free=1000)
    )
    result = cli("--db", str(db_path), "mood", "5")
    assert result.code == 1
    line = one_line(result.err)
    assert "the copy kept before a migration needs 1.1 MB free beside it" in line
    assert "0.0 MB is free; nothing was changed" in line
    assert copies(db_path) == [] and db_path.read_bytes() == original


def test_check_names_pages_sqlite_cannot_read(cli, db_path: Path, tmp_path: Path) -> None:
    with open_store(db_path) as store:
        for day in range(1, 29):
            store.save_mood(MoodEntry(dt.date(2026, 10, day), 5, note="n" * 3_000))
    with db_path.open("r+b") as raw:  # a bad disk: bytes changed in the middle of the rows
        raw.seek(4096 * 12)
        raw.write(b"\xde\xad" * 2048)
    result = cli("check", "--export-good", "-o", str(tmp_path / "good.json"))
    assert result.code == 1
    assert "Traceback" not in result.err
    assert "integrity: " in result.out
    assert "No backup was written" in result.out
    assert not (tmp_path / "good.json").exists()


@pytest.mark.parametrize(
    "command",
    [["restore"], *(["import", kind] for kind in ("daylio", "daylio-backup", "pixels"))],
    ids=lambda c: c[-1],
)
def test_a_fifo_or_device_to_read_from_is_refused_without_being_opened(
    tmp_path: Path, command: list[str]
) -> None:
    fifo = tmp_path / "in.fifo"
    os.mkfifo(fifo)
    db = tmp_path / "diary.db"
    for source in (str(fifo), "/dev/zero"):  # one waits for a writer, one never ends
        result = subprocess.run(
            [sys.executable, "-m", "diary", "--db", str(db), *command, source],
            capture_output=True,
            text=True,
            timeout=20,
        )
        assert result.returncode == 2, result.stderr
        assert f"{source}: is a pipe, device or socket, not " in one_line(result.stderr)
        assert not db.exists()
    assert fifo.is_fifo()


@pytest.mark.parametrize("command", [[], ["demo"]], ids=["app", "demo"])
def test_the_app_without_a_terminal_says_so_and_makes_nothing(
    tmp_path: Path, command: list[str]
) -> None:
    folder = tmp_path / "here"
    folder.mkdir()
    db = folder / "new.db"
    result = subprocess.run(  # as from cron or a pipe: no terminal on stdin or stdout
        [sys.executable, "-m", "diary", *command, "--db", str(db)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        "diary: the app needs a terminal: run `diary` in one, or give a command "
        "(see diary --help); nothing was opened\n"
    )
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("command", [["list"], ["stats", "--json"], ["export", "csv", "-o", "-"]])
def test_standard_output_on_a_full_disk_is_one_line(db_path: Path, command: list[str]) -> None:
    a_diary(db_path)
    with open("/dev/full", "w") as full:  # every write fails: no space left on device
        result = subprocess.run(
            [sys.executable, "-m", "diary", *command],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stderr == (
        "diary: cannot write to standard output: No space left on device\n"
    ), result.stderr


@pytest.mark.parametrize(
    "command",
    [
        ["export", "csv", "-o"],
        ["export", "fhir", "-o"],
        ["export", "tables", "-o"],
        ["report", "--format", "md", "-o"],
        ["backup", "-o"],
        ["check", "--export-good", "-o"],
    ],
    ids=lambda c: "-".join(c[:2]),
)
def test_an_output_name_too_long_or_a_loop_of_links_is_one_line(
    cli, db_path: Path, tmp_path: Path, command: list[str]
) -> None:
    a_diary(db_path)
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    for target, says in (
        (tmp_path / ("a" * 300), "a name the file system can hold (this one is too long)"),
        (tmp_path / "loop-a", "not links that lead round in a loop"),
    ):
        before = _listing(tmp_path)
        result = cli(*command, str(target))
        assert result.code == 2, result.err
        assert one_line(result.err).endswith(says)
        assert _listing(tmp_path) == before


def _listing(folder: Path) -> list[tuple[str, int, int]]:
    """Each name in folder with its size and mtime, links not followed."""
    return sorted((p.name, os.lstat(p).st_size, os.lstat(p).st_mtime_ns) for p in folder.iterdir())
