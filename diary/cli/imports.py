"""`diary import KIND FILE`: one sub-command per source app, each with its own options."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from diary import clock
from diary.cli.parsing import command, command_group

COMMON = (
    "Days (and sessions) already in the diary are skipped, never overwritten; every rejected "
    "row is listed with its line or entry number; --dry-run shows the same and writes nothing."
)


@dataclass(frozen=True, slots=True)
class Kind:
    """One source: its name, help, the file it takes and its options."""

    name: str
    metavar: str
    help: str
    description: str
    options: Callable[[argparse.ArgumentParser], None] = lambda parser: None

    def arguments(self, parser: argparse.ArgumentParser) -> None:
        """The file, this kind's own options, then --dry-run."""
        parser.add_argument("file", metavar=self.metavar, help=f"the file: {self.help}")
        self.options(parser)
        parser.add_argument("--dry-run", action="store_true", help="show what would happen only")


def _map_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--map",
        metavar="LABEL=SCORE",
        action="append",
        help=f"score 0-10 for {what}; repeat for each",
    )


def _reader(args: argparse.Namespace):
    """The kind's reader from the options given (actions.imports decides what they mean)."""
    from diary.actions.imports import ImportOptions, reader_for

    options = ImportOptions(
        maps=tuple(getattr(args, "map", None) or ()),
        scale=getattr(args, "scale", None),
        date_column=getattr(args, "date_column", None),
        mood_column=getattr(args, "mood_column", None),
        note_column=getattr(args, "note_column", None),
        date_format=getattr(args, "date_format", None),
    )
    return reader_for(args.kind.name, options)


def _scale_option(parser: argparse.ArgumentParser, help: str, *, required: bool = False) -> None:
    parser.add_argument("--scale", metavar="LOW-HIGH", required=required, help=help)


def _csv_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--date-column", metavar="NAME", required=True, help="the date column")
    parser.add_argument("--mood-column", metavar="NAME", required=True, help="the mood column")
    _scale_option(parser, "the mood column's scale, like 1-5 or 0-100", required=True)
    parser.add_argument("--note-column", metavar="NAME", help="a column for the day's note")
    parser.add_argument(
        "--date-format",
        metavar="FMT",
        help="how dates are written, as strftime, like %%d/%%m/%%Y (default YYYY-MM-DD)",
    )
    _map_option(parser, "a text mood (like good)")


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
        lambda parser: _map_option(parser, "a custom mood label"),
    ),
    Kind(
        "daylio-backup",
        "FILE.daylio",
        "a Daylio backup (.daylio)",
        "Bring mood history in from a Daylio backup file (a zip of base64-encoded JSON). Each "
        "mood's group, 1 best to 5 worst, scores 9, 7, 5, 3, 1 (Daylio's rad to awful); "
        "--map NAME=SCORE scores a mood by its name. Times, tags, titles and notes go into "
        "the day's note.",
        lambda parser: _map_option(parser, "a mood by its name"),
    ),
    Kind(
        "bearable",
        "FILE.csv",
        "a Bearable CSV export",
        "Bring history in from Bearable's CSV export (many rows per day). Mood rows become "
        "the day's mood: 1-5 as 1, 3, 5, 7, 9, or 0-10 kept (taken from the file: any mood of "
        "0 or above 5 means 0-10; --scale says which). Symptom rows become side-effect lines "
        "of the day's note, Meds/Supplements rows medicine lines, every other row a line too.",
        lambda parser: (
            _scale_option(parser, "Bearable's mood scale: 1-5 or 0-10"),
            _map_option(parser, "one mood value (like 5=10)"),
        ),
    ),
    Kind(
        "emoods",
        "FILE.csv",
        "an eMoods CSV export",
        "Bring mood history in from an eMoods CSV export (ratings 0-3). Mood from the "
        "depressed rating: 0 (none) 7, 1 (mild) 5, 2 (moderate) 3, 3 (severe) 1, changed with "
        "--map RATING=SCORE; anxiety 0-3 as 0, 3, 7, 10; sleep hours kept; elevated, "
        "irritability and the rest go into the day's note.",
        lambda parser: _map_option(parser, "a depressed rating 0-3"),
    ),
    Kind(
        "afterflow",
        "FILE.csv",
        "an Afterflow session CSV",
        "Bring sessions in from Afterflow's CSV: each row a session (Administration as the "
        "route), Mood Before as the day before's mood and Mood After as that day's, where "
        "those days have none yet (read on 1-10 unless --scale); treatment type, intention, "
        "reflections and music link go into the session's note.",
        lambda parser: (
            _scale_option(parser, "Afterflow's mood scale (default 1-10)"),
            _map_option(parser, "one mood value (like 10=9)"),
        ),
    ),
    Kind(
        "pixels",
        "FILE.json",
        "a Pixels JSON backup",
        "Bring mood history in from the Pixels app's JSON backup (both the entries shape and "
        "the older mood/emotions shape). Values 1-5 score 1, 3, 5, 7, 9 (Daylio's labels); "
        "--map VALUE=SCORE changes one. Notes, tags and emotions go into the day's note.",
        lambda parser: _map_option(parser, "a Pixels value 1-5"),
    ),
    Kind(
        "csv",
        "FILE.csv",
        "any CSV, by named columns",
        "Bring mood history in from any CSV: name the date and mood columns and the mood's "
        "scale; a mood on LOW-HIGH becomes (mood - LOW) x 10 / (HIGH - LOW), rounded half up. "
        "Every other column goes into the day's note.",
        _csv_options,
    ),
)


def add_import(commands: argparse._SubParsersAction) -> None:
    sources = command_group(
        commands,
        "import",
        "sources",
        help="bring history in from another app",
        description="Bring history in from another app's export. " + COMMON,
    )
    for kind in KINDS:
        parser = command(
            sources,
            kind.name,
            run_import,
            kind.arguments,
            help=kind.help,
            description=f"{kind.description} {COMMON}",
        )
        parser.set_defaults(kind=kind)


def run_import(args: argparse.Namespace) -> int:
    from diary.actions.diary import diary_path, given_path
    from diary.actions.imports import import_file, nothing_imported, result_lines
    from diary.cli.output import show

    read = _reader(args)  # bad options are refused before the file is read
    source = given_path(args.file)
    result = import_file(diary_path(args.db), source, read, clock.today(), dry_run=args.dry_run)
    lines = result_lines(result, source, dry_run=args.dry_run)
    for line in lines:
        show(line)  # labels and notes from the file: drawn as text
    failure = nothing_imported(result, source)
    if failure is not None:
        raise failure
    return 0
