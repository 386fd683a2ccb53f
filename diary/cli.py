"""The `diary` command: argument parsing and printing only; the layers below do the work.

Exit codes: 0 success, 2 bad input (one line naming the field and what is accepted,
nothing written), 1 any other failure. Heavy modules (textual, rich, reports) are imported
inside the command that needs them so `diary mood 7` stays quick.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

from diary import __version__, clock
from diary.domain import (
    BUILTIN_SYMPTOMS,
    DiaryError,
    MoodEntry,
    Session,
    Symptom,
    ValidationError,
    VitalLabel,
    VitalReading,
)
from diary.domain import validation as check

DATE_HELP = "an ISO date (YYYY-MM-DD), 'today' or 'yesterday'"


class ArgumentError(ValidationError):
    """A command line that does not parse (exit 2)."""

    def __init__(self, message: str) -> None:
        DiaryError.__init__(self, message)


class Parser(argparse.ArgumentParser):
    """argparse with a one-line error and exit 2, raised so main() reports it once."""

    def error(self, message: str) -> NoReturn:
        raise ArgumentError(f"{self.prog}: {message} (see '{self.prog} --help')")


def _db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help="the diary database file (default: $DIARY_DB, else diary.db in the user data folder)",
    )


def _range_options(parser: argparse.ArgumentParser, since: str, until: str = "today") -> None:
    parser.add_argument("--since", metavar="D", help=f"first day, {DATE_HELP} (default: {since})")
    parser.add_argument("--until", metavar="D", help=f"last day, {DATE_HELP} (default: {until})")


# --- commands -----------------------------------------------------------------------------


def _open(args: argparse.Namespace):  # -> Store; imported lazily with the store
    from diary.store import open_store

    return open_store(args.db)


def _existing_catalogue(args: argparse.Namespace) -> list[Symptom]:
    """The symptom catalogue without creating a database: built-ins when there is no file."""
    from diary.store import default_path

    path = Path(args.db).expanduser() if args.db else default_path()
    if not path.is_file():
        return list(BUILTIN_SYMPTOMS)
    with _open(args) as store:
        return store.symptoms()


def cmd_mood(args: argparse.Namespace) -> int:
    today = clock.today()
    entry = check.check_mood(
        MoodEntry(
            day=check.day("date", args.date, today),
            mood=args.score,
            anxiety=args.anxiety,
            sleep_hours=args.sleep,
            note=args.note or "",
        ),
        today,
    )
    with _open(args) as store:
        previous = store.save_mood(entry)
    was = f" (replaced {previous.mood})" if previous else ""
    print(f"Mood {entry.mood}/10 saved for {entry.day.isoformat()}{was}.")
    return 0


def _vital(field: str, text: str | None, label: VitalLabel, at: dt.datetime | None) -> list:
    if text is None:
        return []
    systolic, diastolic = check.blood_pressure(field, text)
    return [VitalReading(label, systolic, diastolic, taken_at=at)]


def cmd_session_add(args: argparse.Namespace) -> int:
    now = clock.now()
    started = check.moment("--at", args.at, now)
    catalogue = _existing_catalogue(args)
    vitals = [
        *_vital("--bp-pre", args.bp_pre, VitalLabel.PRE, started),
        *_vital("--bp-40", args.bp_40, VitalLabel.FORTY, started + dt.timedelta(minutes=40)),
        *_vital("--bp-discharge", args.bp_discharge, VitalLabel.DISCHARGE, None),
    ]
    session = check.check_session(
        Session(
            started_at=started,
            route=check.route(args.route),
            dose_mg=args.dose_mg,
            dose_mg_per_kg=args.dose_mg_per_kg,
            weight_kg=args.weight_kg,
            duration_min=args.duration_min,
            phase=None if args.phase is None else check.phase(args.phase),
            clinic=args.clinic or "",
            note=args.note or "",
            vitals=tuple(vitals),
            side_effects=tuple(check.symptom_rating(s, catalogue) for s in args.symptom or ()),
        ),
        now,
        catalogue,
    )
    with _open(args) as store:
        saved = store.add_session(session)
        number = store.session_numbers()[saved.id or 0]
    dose = f" {saved.dose_text}" if saved.dose_text else ""
    print(
        f"Session {number} saved: {saved.started_at:%Y-%m-%d %H:%M}, {saved.route.value}{dose}, "
        f"{len(saved.vitals)} BP reading(s), {len(saved.side_effects)} side effect(s)."
    )
    return 0


def _range(
    args: argparse.Namespace, default_start: Callable[[], dt.date | None]
) -> tuple[dt.date, dt.date]:
    today = clock.today()
    end = check.day("--until", args.until, today) if args.until else today
    start = check.day("--since", args.since, today) if args.since else (default_start() or end)
    if start > end:
        raise ValidationError("--since", args.since, f"a day on or before --until ({end})")
    return start, end


def cmd_list(args: argparse.Namespace) -> int:
    from diary.cli_tables import list_table

    today = clock.today()
    start, end = _range(args, lambda: today - dt.timedelta(days=29))
    with _open(args) as store:
        moods = store.moods_between(start, end)
        sessions = store.sessions_between(start, end)
        numbers = store.session_numbers()
        labels = {s.key: s.label for s in store.symptoms()}
    if not moods and not sessions:
        print(f"Nothing recorded from {start} to {end}.")
        return 0
    from rich.console import Console

    Console().print(list_table(start, end, moods, sessions, numbers, labels))
    return 0


def cmd_export_csv(args: argparse.Namespace) -> int:
    from diary.exports.csv_export import daily_table, write_daily_csv
    from diary.exports.files import check_target

    target = Path(args.output)
    with _open(args) as store:
        check_target(target, protect=store.path)
        start, end = _range(args, store.first_day)
        if (end - start).days > 366 * 200:
            raise ValidationError("--since", args.since, "a range of at most 200 years")
        header, rows = daily_table(
            start,
            end,
            store.moods_between(start, end),
            store.sessions_between(start, end),
            store.symptoms(),
        )
    write_daily_csv(target, header, rows)
    print(f"Wrote {len(rows)} days ({start} to {end}) to {target}")
    return 0


def cmd_export_tables(args: argparse.Namespace) -> int:
    from diary.exports.csv_export import write_tables
    from diary.exports.files import ExportError

    folder = Path(args.output).expanduser()
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file; give a folder for the tables")
    with _open(args) as store:
        tables = store.table_rows()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    written = write_tables(folder, tables)
    print(f"Wrote {len(written)} tables to {folder}: " + ", ".join(p.name for p in written))
    return 0


def cmd_due(args: argparse.Namespace) -> int:
    from diary.store import default_path

    today = clock.today()
    path = Path(args.db).expanduser() if args.db else default_path()
    entry = None
    if path.exists():
        with _open(args) as store:
            entry = store.mood_for(today)
    if entry is None:
        print(f"No mood logged for today ({today}). Log it with: diary mood SCORE")
        return 1
    print(f"Mood logged for today ({today}): {entry.mood}/10.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    import tempfile

    from diary import demo
    from diary.store import open_store

    years = check.decimal("--years", args.years, 0.1, 100)
    seed = check.whole_number("--seed", args.seed, 0, 2**31 - 1)
    if args.db:
        path = Path(args.db).expanduser()
    else:
        path = Path(tempfile.mkdtemp(prefix="diary-demo-")) / "demo.db"
    with open_store(path) as store:
        if not store.is_empty():
            raise ValidationError("--db", str(path), "a new or empty file (this one holds data)")
        data = demo.generate(clock.today(), years=years, seed=seed)
        store.bulk_add(data.moods, data.sessions, data.checkins)
    print(
        f"Demo diary: {len(data.moods)} days, {len(data.sessions)} sessions, "
        f"{len(data.checkins)} check-ins in {path}"
    )
    if args.no_open:
        return 0
    return _run_tui(path)


def cmd_stats(args: argparse.Namespace) -> int:
    raise DiaryError("diary stats is not built yet")


def cmd_checkin(args: argparse.Namespace) -> int:
    raise DiaryError("diary checkin is not built yet")


def cmd_report(args: argparse.Namespace) -> int:
    raise DiaryError("diary report is not built yet")


def cmd_backup(args: argparse.Namespace) -> int:
    raise DiaryError("diary backup is not built yet")


def cmd_restore(args: argparse.Namespace) -> int:
    raise DiaryError("diary restore is not built yet")


def cmd_import_daylio(args: argparse.Namespace) -> int:
    raise DiaryError("diary import daylio is not built yet")


def _run_tui(path: Path | str | None) -> int:
    from diary.tui.app import run

    return run(path)


def cmd_tui(args: argparse.Namespace) -> int:
    return _run_tui(args.db)


# --- the parser ---------------------------------------------------------------------------


def build_parser() -> Parser:
    parser = Parser(
        prog="diary",
        description="A private, local-first diary for ketamine treatment: sessions, side "
        "effects, blood pressure and daily mood. Everything stays in one local file; "
        "nothing is sent anywhere. With no command, opens the diary's terminal app.",
    )
    parser.add_argument("--version", action="version", version=f"diary {__version__}")
    _db_option(parser, top=True)
    parser.set_defaults(handler=cmd_tui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)

    mood = commands.add_parser(
        "mood",
        help="log today's (or another day's) mood 0-10",
        description="Log a day's mood: 0 worst, 10 best. Logging the "
        "same day again replaces it (the old value is shown).",
    )
    mood.add_argument("score", metavar="SCORE", help="mood, a whole number 0-10")
    mood.add_argument("--date", metavar="D", default="today", help=f"the day, {DATE_HELP}")
    mood.add_argument("--anxiety", metavar="N", help="anxiety, a whole number 0-10")
    mood.add_argument("--sleep", metavar="H", help="hours slept, 0-24")
    mood.add_argument("--note", metavar="TEXT", help="a note for the day")
    _db_option(mood)
    mood.set_defaults(handler=cmd_mood)

    session = commands.add_parser("session", help="record a treatment session")
    session_commands = session.add_subparsers(
        title="commands", metavar="COMMAND", parser_class=Parser, required=True
    )
    add = session_commands.add_parser(
        "add",
        help="record a session with blood pressure and side effects",
        description="Record a treatment session. Blood pressure as SYS/DIA (e.g. 128/82); "
        "side effects as NAME=SEVERITY with severity 0 none, 1 mild, 2 moderate, 3 severe.",
    )
    add.add_argument(
        "--at",
        metavar="DATETIME",
        default="now",
        help="when it started, 'YYYY-MM-DD HH:MM' or 'now' (default)",
    )
    add.add_argument(
        "--route", metavar="R", required=True, help="iv, im, intranasal, oral, sublingual or other"
    )
    add.add_argument("--dose-mg", metavar="X", help="dose in mg (above 0, at most 1000)")
    add.add_argument("--dose-mg-per-kg", metavar="X", help="dose in mg/kg (above 0, at most 20)")
    add.add_argument("--weight-kg", metavar="W", help="body weight in kg (20-400)")
    add.add_argument("--duration-min", metavar="M", help="duration in minutes (1-1440)")
    add.add_argument("--phase", metavar="P", help="induction, maintenance or booster")
    add.add_argument("--clinic", metavar="C", help="where it took place")
    add.add_argument("--bp-pre", metavar="SYS/DIA", help="blood pressure before the dose")
    add.add_argument("--bp-40", metavar="SYS/DIA", help="blood pressure about 40 min after")
    add.add_argument("--bp-discharge", metavar="SYS/DIA", help="blood pressure at discharge")
    add.add_argument(
        "--symptom",
        metavar="NAME=SEVERITY",
        action="append",
        help="a side effect and its severity 0-3; repeat for each symptom",
    )
    add.add_argument("--note", metavar="TEXT", help="a note about the session")
    _db_option(add)
    add.set_defaults(handler=cmd_session_add)

    listing = commands.add_parser(
        "list",
        help="show days and sessions in a range",
        description="Show each day's mood and each session.",
    )
    _range_options(listing, since="29 days before --until")
    _db_option(listing)
    listing.set_defaults(handler=cmd_list)

    export = commands.add_parser("export", help="write CSV files for a spreadsheet")
    export_commands = export.add_subparsers(
        title="formats", metavar="FORMAT", parser_class=Parser, required=True
    )
    csv_parser = export_commands.add_parser(
        "csv",
        help="one row per day, for a doctor's spreadsheet",
        description="One row per calendar day (days without entries included): mood, "
        "anxiety, sleep, sessions, blood pressure, each symptom's severity, notes.",
    )
    csv_parser.add_argument("-o", "--output", metavar="FILE", required=True, help="the CSV file")
    _range_options(csv_parser, since="the first day recorded")
    _db_option(csv_parser)
    csv_parser.set_defaults(handler=cmd_export_csv)
    tables = export_commands.add_parser(
        "tables",
        help="one tidy CSV per table, with ids",
        description="Write one CSV per table of the database, with ids, so nothing is lost.",
    )
    tables.add_argument("-o", "--output", metavar="DIR", required=True, help="the folder")
    _db_option(tables)
    tables.set_defaults(handler=cmd_export_tables)

    due = commands.add_parser("due", help="exit 1 with a reminder when today's mood is missing")
    _db_option(due)
    due.set_defaults(handler=cmd_due)

    demo = commands.add_parser(
        "demo",
        help="fill a new demo diary with synthetic data and open it",
        description="Fill a new demo database (a temporary one unless --db; never your own "
        "diary) with seeded synthetic data, then open the app on it.",
    )
    demo.add_argument("--years", default="1", metavar="N", help="years of data (default 1)")
    demo.add_argument("--seed", default="7", metavar="S", help="random seed (default 7)")
    demo.add_argument("--no-open", action="store_true", help="only fill the database")
    _db_option(demo)
    demo.set_defaults(handler=cmd_demo)

    # --- stats (trends issue) ---
    stats = commands.add_parser("stats", help="the analysis numbers: mood, sessions, side effects")
    _range_options(stats, since="the first day recorded")
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    _db_option(stats)
    stats.set_defaults(handler=cmd_stats)
    # --- end stats ---

    # --- checkin (check-in issue) ---
    checkin = commands.add_parser("checkin", help="answer a PHQ-9 or GAD-7 questionnaire")
    checkin.add_argument("scale", metavar="phq9|gad7", help="which questionnaire")
    checkin.add_argument("--date", metavar="D", default="today", help=f"the day, {DATE_HELP}")
    checkin.add_argument(
        "--answers",
        metavar="A,B,C,...",
        help="every answer 0-3, comma-separated (asked one by one when absent)",
    )
    _db_option(checkin)
    checkin.set_defaults(handler=cmd_checkin)
    # --- end checkin ---

    # --- report (report issue) ---
    report = commands.add_parser("report", help="write the one-page report for a doctor")
    report.add_argument("-o", "--output", metavar="FILE", required=True, help="the report file")
    _range_options(report, since="89 days before --until")
    report.add_argument(
        "--format",
        choices=("md", "html", "pdf"),
        help="md, html or pdf (default: from the file's suffix)",
    )
    _db_option(report)
    report.set_defaults(handler=cmd_report)
    # --- end report ---

    # --- backup and restore (backup issue) ---
    backup = commands.add_parser("backup", help="write everything to one JSON file")
    backup.add_argument("-o", "--output", metavar="FILE.json", required=True, help="the backup")
    _db_option(backup)
    backup.set_defaults(handler=cmd_backup)
    restore = commands.add_parser("restore", help="bring a JSON backup back")
    restore.add_argument("file", metavar="FILE.json", help="the backup to restore")
    restore.add_argument(
        "--merge",
        action="store_true",
        help="add what is missing to a diary that holds data; never overwrite",
    )
    _db_option(restore)
    restore.set_defaults(handler=cmd_restore)
    # --- end backup and restore ---

    # --- import (daylio issue) ---
    import_parser = commands.add_parser("import", help="bring history in from another app")
    import_commands = import_parser.add_subparsers(
        title="sources", metavar="SOURCE", parser_class=Parser, required=True
    )
    daylio = import_commands.add_parser("daylio", help="a Daylio CSV export")
    daylio.add_argument("file", metavar="FILE.csv", help="the Daylio export")
    daylio.add_argument(
        "--map",
        metavar="LABEL=SCORE",
        action="append",
        help="score 0-10 for a custom mood label; repeat for each",
    )
    daylio.add_argument("--dry-run", action="store_true", help="show what would happen only")
    _db_option(daylio)
    daylio.set_defaults(handler=cmd_import_daylio)
    # --- end import ---

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code."""
    try:
        args = build_parser().parse_args(argv)
        return int(args.handler(args) or 0)
    except DiaryError as error:
        print(f"diary: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("diary: interrupted; nothing more was written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
