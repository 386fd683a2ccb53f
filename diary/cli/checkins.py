"""`diary checkin`: a PHQ-9 or GAD-7, asked item by item or given with --answers."""

from __future__ import annotations

import argparse
import sys

from diary import clock
from diary.cli.parsing import DATE_HELP, db_option, if_saved_options


def add_checkin(commands: argparse._SubParsersAction) -> None:
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
    if_saved_options(checkin, "a check-in of the same kind is already saved for that day")
    db_option(checkin)
    checkin.set_defaults(handler=run_checkin)


def run_checkin(args: argparse.Namespace) -> int:
    from diary.actions.checkins import CheckinNotSavedError, save_checkin
    from diary.actions.diary import diary_path, writing
    from diary.cli import questions
    from diary.cli.parsing import if_saved, with_if_saved_hint
    from diary.domain import CheckIn, DiaryError
    from diary.domain import validation as check

    today = clock.today()
    scale = questions.scale_named(args.scale)
    day = check.day("date", args.date, today, key="date")
    if args.answers is not None:
        answers = questions.parse_answers(scale, args.answers)
    else:
        interactive = sys.stdin is not None and sys.stdin.isatty()
        answers = questions.ask_answers(scale, sys.stdin, sys.stdout, interactive=interactive)
    checkin = check.check_checkin(CheckIn(scale.kind, day, answers), today)
    try:
        with writing(diary_path(args.db)) as store:
            saved = save_checkin(store, checkin, if_saved(args))
    except CheckinNotSavedError as failed:
        # the crisis resources never depend on the save: shown, saying it failed
        for line in questions.result_lines(scale, checkin, saved=False):
            print(line)
        print()
        print(questions.crisis_panel(failed.crisis))
        raise with_if_saved_hint(failed.cause) from None
    except DiaryError as error:
        raise with_if_saved_hint(error) from None
    for line in questions.result_lines(scale, saved.checkin):
        print(line)
    if saved.replaced is not None:
        print(f"It replaced the {scale.title} of that day (total {saved.replaced.total}).")
    if saved.crisis is not None:
        print()
        print(questions.crisis_panel(saved.crisis))
    return 0
