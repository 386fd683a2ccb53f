"""The commands that write or read a file: export, report, backup, restore, import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from diary import clock
from diary.cli.parsing import (
    Parser,
    db_option,
    force_option,
    output_option,
    range_of,
    range_options,
)
from diary.domain import DiaryError


def add_export(commands: argparse._SubParsersAction) -> None:
    export = commands.add_parser("export", help="write CSV files for a spreadsheet")
    formats = export.add_subparsers(
        title="formats", metavar="FORMAT", parser_class=Parser, required=True
    )
    daily = formats.add_parser(
        "csv",
        help="one row per day, for a doctor's spreadsheet",
        description="One row per calendar day (days without entries included): mood, "
        "anxiety, sleep, sessions, blood pressure, each symptom's severity, notes.",
    )
    output_option(daily, "FILE", "the CSV file")
    range_options(daily, since="the first day recorded")
    db_option(daily)
    daily.set_defaults(handler=run_export_csv)
    tables = formats.add_parser(
        "tables",
        help="one tidy CSV per table, with ids",
        description="Write one CSV per table of the database, with ids, so nothing is lost.",
    )
    tables.add_argument("-o", "--output", metavar="DIR", required=True, help="the folder")
    force_option(tables)
    db_option(tables)
    tables.set_defaults(handler=run_export_tables)


def _say(text: str, target: Path) -> None:
    """Print what was written, or for `-o -` the text itself, exactly."""
    from diary.files.writing import TO_STDOUT

    if target == TO_STDOUT:
        sys.stdout.write(text)
    else:
        print(text)


def _existing(args: argparse.Namespace, what: str) -> Path:
    """The diary file, refused when there is none: an export never creates a diary."""
    from diary.actions.diary import diary_path

    path = diary_path(args.db)
    if not path.is_file():
        raise DiaryError(f"no diary at {path}: {what}")
    return path


def run_export_csv(args: argparse.Namespace) -> int:
    from diary.actions import ranges
    from diary.actions.diary import diary_path, writing
    from diary.actions.export import export_daily_csv
    from diary.files.writing import TO_STDOUT, check_target

    today = clock.today()
    target = Path(args.output)
    if target != TO_STDOUT:  # bad input is refused before anything is read
        check_target(target, protect=diary_path(args.db), replace=args.force)
    since, until = range_of(args, today)
    ranges.resolve(since, until, today, lambda end: None)
    path = _existing(args, "nothing to read (log something first)")
    with writing(path) as store:
        _say(export_daily_csv(store, target, since, until, replace=args.force), target)
    return 0


def run_export_tables(args: argparse.Namespace) -> int:
    from diary.actions.diary import writing
    from diary.actions.export import check_tables_folder, export_tables

    folder = check_tables_folder(Path(args.output))  # refused before anything is read
    path = _existing(args, "nothing to read (log something first)")
    with writing(path) as store:
        print(export_tables(store, folder, replace=args.force))
    return 0


def add_report(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser(
        "report",
        help="write the one-page report for a doctor",
        description="Write a report for a clinician: overview, mood chart, sessions with "
        "blood pressure and side effects, check-ins, notes and crisis resources. PDF and HTML "
        "fit one A4 or Letter page for a range of about 90 days; Markdown suits a portal "
        "message. Patient-recorded data, not clinically verified; it gives no advice.",
    )
    output_option(report, "FILE", "the report file (md or html to standard output with -)")
    range_options(report, since="89 days before --until")
    report.add_argument(
        "--format",
        metavar="FMT",
        help="md, html or pdf (default: from the file's suffix .md, .html or .pdf)",
    )
    db_option(report)
    report.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    from diary.actions.diary import diary_path, writing
    from diary.actions.export import export_report, report_format, report_range

    target = Path(args.output)
    fmt = report_format(args.output, args.format)
    today = clock.today()
    since, until = range_of(args, today)
    report_range(since, until, today)
    path = diary_path(args.db)
    if not path.is_file():
        raise DiaryError(f"there is no diary at {path}; no report was written", key="db")
    with writing(path) as store:
        _say(export_report(store, target, since, until, fmt, replace=args.force), target)
    return 0


def add_backup(commands: argparse._SubParsersAction) -> None:
    backup = commands.add_parser(
        "backup",
        help="write everything to one JSON file",
        description="Write the whole diary (every entry, setting and symptom) to one JSON "
        "file, readable only by you; the format is described in docs/backup-format.md.",
    )
    output_option(backup, "FILE.json", "the backup")
    db_option(backup)
    backup.set_defaults(handler=run_backup)
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
    db_option(restore)
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from diary.actions.backup import backup
    from diary.actions.diary import diary_path

    target = Path(args.output)
    _say(backup(diary_path(args.db), target, replace=args.force), target)
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from diary.actions.backup import HoldsData, restore
    from diary.actions.diary import diary_path

    try:
        done = restore(diary_path(args.db), Path(args.file).expanduser(), merge=args.merge)
    except HoldsData as error:
        raise HoldsData(
            f"{error} (add what is missing with --merge, or restore into a new file with "
            "--db NEW.db)"
        ) from None
    for line in done.lines:
        print(line)
    return 0


def add_import(commands: argparse._SubParsersAction) -> None:
    import_parser = commands.add_parser("import", help="bring history in from another app")
    sources = import_parser.add_subparsers(
        title="sources", metavar="SOURCE", parser_class=Parser, required=True
    )
    daylio = sources.add_parser(
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
    db_option(daylio)
    daylio.set_defaults(handler=run_import_daylio)


def run_import_daylio(args: argparse.Namespace) -> int:
    from diary.actions.diary import diary_path
    from diary.actions.imports import import_daylio, nothing_imported
    from diary.files.imports.daylio import parse_map, report_lines, score_line

    scores = parse_map(args.map)
    source = Path(args.file).expanduser()
    result = import_daylio(
        diary_path(args.db), source, scores, clock.today(), dry_run=args.dry_run
    )
    print(score_line(scores))
    for line in report_lines(result.plan, result.imported, source, dry_run=args.dry_run):
        print(line)
    failure = nothing_imported(result, source)
    if failure is not None:
        raise failure
    return 0
