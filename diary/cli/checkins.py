"""`diary checkin`: a PHQ-9 or GAD-7, asked item by item or given with --answers."""

from __future__ import annotations

import argparse
import sys

from diary import clock
from diary.cli.parsing import DATE_HELP, command, if_saved_options, yes_option


def add_checkin(commands: argparse._SubParsersAction) -> None:
    command(
        commands,
        "checkin",
        run_checkin,
        _arguments,
        epilog="PHQ-9 and GAD-7 developed by Drs. Robert L. Spitzer, Janet B.W. Williams, "
        "Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc.",
    )


def _arguments(checkin: argparse.ArgumentParser) -> None:
    checkin.add_argument(
        "scale", metavar="phq9|gad7|list|delete", help="which questionnaire, or list / delete"
    )
    checkin.add_argument("id", metavar="ID", nargs="?", help="with delete: the check-in's id")
    yes_option(checkin)
    checkin.add_argument("--date", metavar="D", default="today", help=f"the day, {DATE_HELP}")
    checkin.add_argument(
        "--answers",
        metavar="A,B,C,...",
        help="every answer 0-3, comma-separated (asked one by one when absent)",
    )
    if_saved_options(checkin, "a check-in of the same kind is already saved for that day")


def run_checkin(args: argparse.Namespace) -> int:
    """answer a PHQ-9 or GAD-7 questionnaire

    Answer the PHQ-9 (9 items) or GAD-7 (7 items): how often, over the last 2 weeks, 0 not at all,
    1 several days, 2 more than half the days, 3 nearly every day. Prints the total and its band.
    Without --answers each item is asked in turn: type 0-3 and Enter, b to go back, q to leave
    without saving (exit 1). When stdin is not a terminal its lines are read as those replies; a
    bad line, or input that ends early, exits 2 and saves nothing. `diary checkin list` lists every
    check-in with its id; `diary checkin delete ID` deletes one (asking on a terminal; --yes for
    scripts)."""
    from diary.actions.checkins import CheckinNotSavedError, save_checkin
    from diary.actions.diary import diary_path, writing
    from diary.cli import questions
    from diary.cli.parsing import ArgumentError, if_saved, with_if_saved_hint
    from diary.domain import CheckIn, DiaryError
    from diary.domain import validation as check

    if args.id is not None and args.scale.strip().lower() != "delete":
        raise ArgumentError(f"unexpected {args.id!r}: only delete takes an id")
    if args.scale.strip().lower() in ("list", "delete"):
        return run_list_or_delete(args)
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


def _line(checkin) -> str:  # type: ignore[no-untyped-def]
    from diary.domain.questionnaires import questionnaire

    scale = questionnaire(checkin.kind)
    return (
        f"id {checkin.id}  {checkin.day.isoformat()}  {scale.title}  total {checkin.total} "
        f"({scale.band(checkin.total)})"
    )


def run_list_or_delete(args: argparse.Namespace) -> int:
    from diary.actions.checkins import delete_checkin, list_checkins
    from diary.actions.diary import diary_path, reading, require, writing
    from diary.cli.questions import confirm
    from diary.domain import DiaryError
    from diary.domain import validation as check

    path = diary_path(args.db)
    if args.scale.strip().lower() == "list":
        with reading(path) as store:
            found = [] if store is None else list_checkins(store)
        print("\n".join(_line(checkin) for checkin in found) or "No check-ins recorded.")
        return 0
    if args.id is None:
        error = DiaryError("delete needs the check-in's id (see `diary checkin list`)")
        error.exit_code = 2
        raise error
    checkin_id = check.whole_number("check-in id", args.id, 1, 2**62, key="id")
    require(path, "nothing to delete")
    with writing(path) as store:
        found = next((c for c in list_checkins(store) if c.id == checkin_id), None)
        if found is None:
            error = DiaryError(f"check-in {checkin_id} does not exist; nothing was deleted")
            error.exit_code = 2
            raise error
        confirm(f"Delete the check-in {_line(found)}?", args.yes)
        deleted = delete_checkin(store, checkin_id)
    print(f"Deleted the check-in {_line(deleted)}.")
    return 0
