"""`diary check`: list every damaged row of the diary file; back up the rows that survive."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from diary.cli.output import show
from diary.cli.parsing import command, force_option


def add_check(commands: argparse._SubParsersAction) -> None:
    command(commands, "check", run_check, _arguments)


def _arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--export-good",
        action="store_true",
        help="also write a backup (-o FILE.json) of every row that reads cleanly",
    )
    check.add_argument(
        "-o",
        "--output",
        metavar="FILE.json",
        help="the backup --export-good writes (- for standard output)",
    )
    force_option(check)  # the refusal of an -o that is there already offers it


def run_check(args: argparse.Namespace) -> int:
    """check the diary file and list every damaged row

    Run SQLite's integrity and foreign-key checks and read every row through the diary's rules;
    list each damaged row (its table, row, column and value). Exits 0 when the file is sound, 1
    otherwise. Nothing is changed."""
    from diary.actions.check import check_diary
    from diary.actions.diary import diary_path
    from diary.domain import ValidationError

    if args.export_good and not args.output:
        raise ValidationError.missing("output file", "give -o FILE.json", key="output")
    if args.output and not args.export_good:
        raise ValidationError.missing("output file", "-o goes with --export-good", key="output")
    target = Path(args.output) if args.output else None
    checked = check_diary(diary_path(args.db), target, replace=args.force)
    for line in checked.lines:  # on stderr when the backup itself went to standard output
        # a damaged value or a file name is drawn as text, never sent to the terminal
        show(line, file=sys.stderr if args.output == "-" else sys.stdout)
    return 0 if checked.clean else 1
