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
    CheckIn,
    DiaryError,
    MoodEntry,
    Session,
    Symptom,
    ValidationError,
    VitalLabel,
    VitalReading,
)
from diary.domain import validation as check
from diary.domain.model import reading_time

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


def _diary_path(args: argparse.Namespace) -> Path:
    """The diary file the command is about: --db, else $DIARY_DB, else the default."""
    from diary.store import default_path

    return Path(args.db).expanduser() if args.db else default_path()


def _open(args: argparse.Namespace):  # -> Store; imported lazily with the store
    from diary.store import open_store

    return open_store(args.db)


def _existing_catalogue(args: argparse.Namespace) -> list[Symptom]:
    """The symptom catalogue without creating a database: built-ins when there is no file."""

    path = _diary_path(args)
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


def _vital(field: str, text: str | None, label: VitalLabel, started: dt.datetime) -> list:
    if text is None:
        return []
    systolic, diastolic = check.blood_pressure(field, text)
    return [VitalReading(label, systolic, diastolic, taken_at=reading_time(started, label))]


def cmd_session_add(args: argparse.Namespace) -> int:
    now = clock.now()
    started = check.moment("--at", args.at, now)
    catalogue = _existing_catalogue(args)
    vitals = [
        *_vital("--bp-pre", args.bp_pre, VitalLabel.PRE, started),
        *_vital("--bp-40", args.bp_40, VitalLabel.FORTY, started),
        *_vital("--bp-discharge", args.bp_discharge, VitalLabel.DISCHARGE, started),
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
    if not args.since:  # a first entry after --until (e.g. tomorrow's mood) starts nothing later
        start = min(start, end)
    if start > end:
        raise ValidationError("--since", args.since, f"a day on or before --until ({end})")
    return start, end


def _require_diary(args: argparse.Namespace) -> None:
    """Refuse to read a diary that does not exist (rather than create an empty one)."""
    path = _diary_path(args)
    if not path.exists():
        raise DiaryError(f"no diary at {path}: nothing to read (log something first)")


def cmd_list(args: argparse.Namespace) -> int:
    from diary.cli.tables import list_table

    today = clock.today()
    start, end = _range(args, lambda: today - dt.timedelta(days=29))
    if not _diary_path(args).exists():
        print(f"Nothing recorded from {start} to {end}.")
        return 0
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
    from diary.actions.export import export_daily_csv
    from diary.files.writing import check_target

    check_target(Path(args.output))  # bad input is refused before a diary file is created
    _range(args, lambda: None)
    _require_diary(args)
    with _open(args) as store:
        start, end = _range(args, store.first_day)
        print(export_daily_csv(store, Path(args.output), start, end))
    return 0


def cmd_export_tables(args: argparse.Namespace) -> int:
    from diary.actions.export import export_tables

    folder = Path(args.output).expanduser()
    if folder.exists() and not folder.is_dir():  # refused before a diary file is created
        raise ValidationError("-o", str(folder), "a folder for the tables, not a file")
    _require_diary(args)
    with _open(args) as store:
        print(export_tables(store, Path(args.output)))
    return 0


def cmd_due(args: argparse.Namespace) -> int:

    today = clock.today()
    path = _diary_path(args)
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
        if store.holds_data():  # settings and own symptoms are data too
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
    from diary import analysis

    path = _diary_path(args)
    moods: list[MoodEntry] = []
    sessions: list[Session] = []
    standalone: list[VitalReading] = []
    numbers: dict[int, int] = {}
    symptoms: list[Symptom] = list(BUILTIN_SYMPTOMS)
    checkins: list[CheckIn] = []
    empty = True
    if path.is_file():  # a missing diary is reported empty, not created
        with _open(args) as store:
            start, end = _range(args, store.first_day)
            empty = store.is_empty()
            # context outside the range: the first session's baseline, later moods and sessions
            moods = store.moods_between(start - analysis.CONTEXT_BEFORE, None)
            sessions = store.sessions_between(start, None)
            standalone = store.standalone_vitals()
            numbers = store.session_numbers()
            symptoms = store.symptoms()
            checkins = store.checkins_between(start, end)
    else:
        start, end = _range(args, lambda: None)
    from diary.analysis.checkins import checkin_summary

    summary = analysis.summarise(
        moods, sessions, symptoms, numbers, start, end, standalone=standalone
    )
    scales = checkin_summary(checkins, start, end)
    if args.json:
        print(summary.to_json({"checkins": scales}))
        return 0
    if empty:
        print("Nothing recorded yet. Log a mood with: diary mood SCORE")
        return 0
    if not (summary.days_logged or summary.sessions or summary.bp_above_reference or checkins):
        print(f"Nothing recorded from {start} to {end}.")
        return 0
    from diary.cli.stats import print_stats

    print_stats(summary, scales)
    return 0


def cmd_checkin(args: argparse.Namespace) -> int:
    from diary.cli import checkin as cli_checkin
    from diary.domain import CheckIn
    from diary.domain.questionnaires import shows_crisis_resources

    today = clock.today()
    scale = cli_checkin.scale_named(args.scale)
    day = check.day("--date", args.date, today)
    if args.answers is not None:
        answers = cli_checkin.parse_answers(scale, args.answers)
    else:
        interactive = sys.stdin is not None and sys.stdin.isatty()
        answers = cli_checkin.ask_answers(scale, sys.stdin, sys.stdout, interactive=interactive)
    checkin = check.check_checkin(CheckIn(scale.kind, day, answers), today)
    crisis = shows_crisis_resources(checkin.kind, checkin.answers)
    with _open(args) as store:
        saved = store.save_checkin(checkin)
        country = store.settings().country if crisis else ""
    for line in cli_checkin.result_lines(scale, saved):
        print(line)
    if crisis:
        print()
        print(cli_checkin.crisis_panel(country))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from diary.actions.export import export_report

    suffixes = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}
    target = Path(args.output)
    if args.format is not None:
        fmt = args.format.strip().lower()
        if fmt not in ("md", "html", "pdf"):
            raise ValidationError("--format", args.format, "md, html or pdf")
    else:
        fmt = suffixes.get(target.suffix.lower(), "")
        if not fmt:
            raise ValidationError(
                "-o", args.output, "a file ending in .md, .html or .pdf (or give --format)"
            )
    today = clock.today()
    until = check.day("--until", args.until, today) if args.until else today
    start, end = _range(args, lambda: until - dt.timedelta(days=89))
    path = _diary_path(args)
    if not path.is_file():
        raise DiaryError(f"--db: there is no diary at {path}; no report was written")
    with _open(args) as store:
        print(export_report(store, target, start, end, fmt))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from diary.files.backup.format import (
        BackupError,
        backup_text,
        count_phrase,
        table_counts,
        write_backup,
    )
    from diary.files.writing import ExportError, check_target

    path = _diary_path(args)
    if not path.is_file():
        raise BackupError(f"--db: there is no diary at {path}; nothing was backed up")
    try:
        target = check_target(Path(args.output), protect=path)
    except ExportError as error:
        raise BackupError(f"-o: {error}; nothing was written") from None
    with _open(args) as store:
        version, tables = store.snapshot_rows()
    text = backup_text(version, tables)
    write_backup(target, text)
    print(f"Backed up {count_phrase(table_counts(tables))} to {target}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from diary.files.backup.format import BackupError, backup_counts, count_phrase, store_tables
    from diary.files.backup.merge import merge_additions, merge_lines
    from diary.files.backup.reading import read_backup

    source = Path(args.file).expanduser()
    backup = read_backup(source)  # checked in full before the diary is even opened
    with _open(args) as store:
        if args.merge:
            reports: list = []

            def plan(current: dict) -> dict:  # runs inside the merge's write transaction
                additions, report = merge_additions(backup, current)
                reports.append(report)
                return additions

            store.merge_rows(plan)
            print(f"Merged {source} into {store.path}.")
            for line in merge_lines(reports[0]):
                print(line)
            return 0
        if not store.replace_all(store_tables(backup)):
            raise BackupError(
                f"{store.path} already holds data; nothing was restored (add what is "
                "missing with --merge, or restore into a new file with --db NEW.db)"
            )
    print(f"Restored {count_phrase(backup_counts(backup))} from {source} into {store.path}")
    return 0


def cmd_import_daylio(args: argparse.Namespace) -> int:
    from diary.files.imports.daylio import (
        DaylioError,
        parse_map,
        read_daylio,
        report_lines,
        score_line,
    )

    scores = parse_map(args.map)
    source = Path(args.file).expanduser()
    plan = read_daylio(source, scores, clock.today())  # read in full before the diary opens
    path = _diary_path(args)
    if not plan.days:  # nothing to write: do not even create the diary
        imported = 0
    elif args.dry_run:
        logged: set[dt.date] = set()
        if path.is_file():
            with _open(args) as store:
                logged = {m.day for m in store.moods_between()}
        imported = sum(1 for d in plan.days if d.day not in logged)
    else:
        with _open(args) as store:
            imported = len(store.add_moods_if_missing(plan.days))
    print(score_line(scores))
    for line in report_lines(plan, imported, source, dry_run=args.dry_run):
        print(line)
    if plan.rejected and not plan.days:
        first = plan.rejected[0]
        raise DaylioError(
            f"{source}: no day could be imported ({len(plan.rejected):,} of {plan.rows:,} "
            f"rows rejected; first: line {first.line}: {first.reason})"
        )
    return 0


# --- settings ---
def cmd_settings(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from diary.domain import Settings
    from diary.domain.countries import COUNTRIES, country_code

    changes: dict[str, object] = {}
    if args.name is not None:
        name = check.text("--name", args.name, check.MAX_SHORT_TEXT).strip()
        if any(not ch.isprintable() for ch in name):
            raise ValidationError("--name", args.name, "one line of text, or '' for none")
        changes["name"] = name
    if args.country is not None:
        changes["country"] = country_code(args.country, "--country")
    if args.weight_kg is not None:
        weight = args.weight_kg.strip()
        changes["default_weight_kg"] = (
            check.decimal("--weight-kg", weight, *check.WEIGHT_KG) if weight else None
        )
    path = _diary_path(args)
    if changes:
        with _open(args) as store:
            settings = replace(store.settings(), **changes)
            store.save_settings(settings)
        print("Settings saved.")
    elif path.is_file():
        with _open(args) as store:
            settings = store.settings()
    else:
        settings = Settings()
    country, weight = settings.country, settings.default_weight_kg
    print(f"name: {settings.name or '(not set)'}")
    if country:
        print(f"country: {country} ({COUNTRIES.get(country, 'not an ISO 3166 code')})")
    else:
        print("country: (not set; crisis resources for several countries are shown)")
    print(f"default weight: {weight:g} kg" if weight is not None else "default weight: (not set)")
    return 0


# --- end settings ---


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

    # --- settings ---
    settings = commands.add_parser(
        "settings",
        help="show or set your name, country and default weight",
        description="With no option, show the settings. The name goes on reports; the country "
        "chooses the crisis resources shown; the weight prefills new sessions in the app. "
        "Give '' to clear one.",
    )
    settings.add_argument("--name", metavar="TEXT", help="your name for reports")
    settings.add_argument(
        "--country", metavar="CC", help="two-letter ISO 3166 code, e.g. US, GB, IE, CA, DE"
    )
    settings.add_argument("--weight-kg", metavar="W", help="default body weight in kg (20-400)")
    _db_option(settings)
    settings.set_defaults(handler=cmd_settings)
    # --- end settings ---

    # --- stats (trends issue) ---
    stats = commands.add_parser(
        "stats",
        help="the analysis numbers: mood, sessions, side effects",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="""\
Mood over a range, what each session did, side effects and blood pressure.

Definitions:
- A day's mood is the logged score; unlogged days are missing, never zero.
- 7-day mean for day D: mean of logged moods in D-6..D, only when at least 4 are logged.
- For a session on day S: baseline = mean logged mood on S-3..S-1; after = mean logged
  mood on S+1..S+3 (either is null when no day in its window is logged);
  change = after - baseline.
- days_of_benefit = the number of consecutive days from S+1 whose logged mood is above
  the baseline, counting an unlogged day only when the next logged day is also above it,
  and stopping at the first logged day at or below the baseline, after the day before the
  next session (that day still counts; a session the next day leaves 0), or after the last
  logged day; null when the baseline is null.
- Side-effect burden of a session = the sum of its severities. A symptom not rated in a
  session counts as 0 for it. Per symptom over the sessions in range: sessions_affected
  (severity >= 1), mean_severity, max_severity, early_mean (first half of those sessions
  by date) and recent_mean (last half; with an odd count the middle one is in neither).
- Blood pressure above reference: systolic > 140 or diastolic > 90.
- first_14_mean / last_14_mean: mean of logged moods in the first / last 14 days of the
  range. The range is --since..--until, by default the first recorded day to today.
- Session number: its position among all sessions ever recorded, by time, from 1.
- Every reported mean is rounded to 2 decimals (the final value, not the parts).

Also:
- S is the local day a session started; the sessions in range are those with S in it.
- A session's baseline, after, change and days_of_benefit belong to the session, not to
  the range: they may use moods before --since or after --until, and the next session
  may lie after --until. The mood and side-effect figures use the range only.
- The next session is the next one by start time, even on the same day (which leaves 0).
- Halves round away from zero (2.125 -> 2.13). Symptoms listed: those felt (severity
  >= 1) in a session in range. worst_symptom: the most severe (ties: catalogue order).

--json prints one object: days_in_range, days_logged, mood {mean, min, max,
first_14_mean, last_14_mean}, sessions [{date, number, route, dose_mg, baseline, after,
change, days_of_benefit, burden, worst_symptom}], symptoms [{key, label,
sessions_affected, mean_severity, max_severity, early_mean, recent_mean}],
bp_above_reference [{date, label, systolic, diastolic}]. Dates ISO; null where unknown.
Patient-recorded figures, not clinically verified.""",
    )
    _range_options(stats, since="the first day recorded")
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    _db_option(stats)
    stats.set_defaults(handler=cmd_stats)
    # --- end stats ---

    # --- checkin (check-in issue) ---
    checkin = commands.add_parser(
        "checkin",
        help="answer a PHQ-9 or GAD-7 questionnaire",
        description="Answer the PHQ-9 (9 items) or GAD-7 (7 items): how often, over the last 2 "
        "weeks, 0 not at all, 1 several days, 2 more than half the days, 3 nearly every day. "
        "Prints the total and its band. Without --answers each item is asked in turn: type "
        "0-3 and Enter, b to go back, q to leave without saving (exit 1). When stdin is not "
        "a terminal its lines are read as those replies; a bad line, or input that ends "
        "early, exits 2 and saves nothing.",
        epilog="PHQ-9 and GAD-7 developed by Drs. Robert L. Spitzer, Janet B.W. Williams, "
        "Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc.",
    )
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
    report = commands.add_parser(
        "report",
        help="write the one-page report for a doctor",
        description="Write a report for a clinician: overview, mood chart, sessions with "
        "blood pressure and side effects, check-ins, notes and crisis resources. PDF and HTML "
        "fit one A4 or Letter page for a range of about 90 days; Markdown suits a portal "
        "message. Patient-recorded data, not clinically verified; it gives no advice.",
    )
    report.add_argument("-o", "--output", metavar="FILE", required=True, help="the report file")
    _range_options(report, since="89 days before --until")
    report.add_argument(
        "--format",
        metavar="FMT",
        help="md, html or pdf (default: from the file's suffix .md, .html or .pdf)",
    )
    _db_option(report)
    report.set_defaults(handler=cmd_report)
    # --- end report ---

    # --- backup and restore (backup issue) ---
    backup = commands.add_parser(
        "backup",
        help="write everything to one JSON file",
        description="Write the whole diary (every entry, setting and symptom) to one JSON "
        "file, readable only by you; the format is described in docs/backup-format.md.",
    )
    backup.add_argument("-o", "--output", metavar="FILE.json", required=True, help="the backup")
    _db_option(backup)
    backup.set_defaults(handler=cmd_backup)
    restore = commands.add_parser(
        "restore",
        help="bring a JSON backup back",
        description="Restore a backup into an empty diary exactly, or with --merge add what "
        "is missing to one that holds data, never overwriting. The file is checked in full "
        "first; a bad one is refused and nothing is written.",
    )
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
    daylio = import_commands.add_parser(
        "daylio",
        help="a Daylio CSV export",
        description="Bring mood history in from a Daylio CSV export. Scores: rad 9, good 7, "
        "meh 5, bad 3, awful 1 (the middle of each fifth of 0-10). Several entries on one day "
        "become their mean, rounded half up; times, activities, titles and notes go into the "
        "day's note. Days already logged are skipped, never overwritten; rejected rows are "
        "listed with their line numbers.",
    )
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
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        if not argv or (len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-")):
            # the app, the most common start: skip building every command's parser
            return _run_tui(argv[1] if argv else None)
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
