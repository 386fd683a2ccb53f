"""`diary import KIND FILE`: one sub-command per source app, each with its own options."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from diary import clock
from diary.cli.parsing import Parser, db_option

COMMON = (
    "Days (and sessions) already in the diary are skipped, never overwritten; every rejected "
    "row is listed with its line or entry number; --dry-run shows the same and writes nothing."
)


@dataclass(frozen=True, slots=True)
class Kind:
    """One source: its name, help, the file it takes and the options that shape its reader."""

    name: str
    metavar: str
    help: str
    description: str
    reader: Callable[[argparse.Namespace], object]  # returns an actions.imports.Reader
    options: Callable[[argparse.ArgumentParser], None] = lambda parser: None


def _map_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--map",
        metavar="LABEL=SCORE",
        action="append",
        help=f"score 0-10 for {what}; repeat for each",
    )


def _daylio(args: argparse.Namespace):
    from diary.files.imports.daylio import parse_map, read_daylio

    scores = parse_map(args.map)
    return lambda source, today: read_daylio(source, scores, today)


KINDS: tuple[Kind, ...] = (
    Kind(
        "daylio",
        "FILE.csv",
        "a Daylio CSV export",
        "Bring mood history in from a Daylio CSV export (the current layout with full_date, or "
        "the older year,date,weekday,time,mood,activities,note). Scores: rad 9, good 7, meh 5, "
        "bad 3, awful 1 (the middle of each fifth of 0-10). Several entries on one day become "
        "their mean, rounded half up; times, activities, titles and notes (Daylio's HTML as "
        "plain text) go into the day's note.",
        _daylio,
        lambda parser: _map_option(parser, "a custom mood label"),
    ),
)


def add_import(commands: argparse._SubParsersAction) -> None:
    import_parser = commands.add_parser(
        "import",
        help="bring history in from another app",
        description="Bring history in from another app's export. " + COMMON,
    )
    sources = import_parser.add_subparsers(
        title="sources", metavar="SOURCE", parser_class=Parser, required=True
    )
    for kind in KINDS:
        parser = sources.add_parser(
            kind.name, help=kind.help, description=f"{kind.description} {COMMON}"
        )
        parser.add_argument("file", metavar=kind.metavar, help=f"the file: {kind.help}")
        kind.options(parser)
        parser.add_argument("--dry-run", action="store_true", help="show what would happen only")
        db_option(parser)
        parser.set_defaults(handler=run_import, kind=kind)


def run_import(args: argparse.Namespace) -> int:
    from diary.actions.diary import diary_path
    from diary.actions.imports import import_file, nothing_imported
    from diary.files.imports.plan import report_lines

    read = args.kind.reader(args)  # bad options are refused before the file is read
    source = Path(args.file).expanduser()
    result = import_file(diary_path(args.db), source, read, clock.today(), dry_run=args.dry_run)
    if result.plan.scale:
        print(result.plan.scale)
    for line in report_lines(
        result.plan,
        result.imported,
        source,
        imported_sessions=result.sessions,
        dry_run=args.dry_run,
    ):
        print(line)
    failure = nothing_imported(result, source)
    if failure is not None:
        raise failure
    return 0
