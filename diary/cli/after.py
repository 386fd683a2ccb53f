"""`diary after`: how lingering side effects felt the morning after a session."""

from __future__ import annotations

import argparse

from diary import clock
from diary.cli.parsing import command


def add_after(commands: argparse._SubParsersAction) -> None:
    command(commands, "after", run_after, _after_arguments)


def _after_arguments(after: argparse.ArgumentParser) -> None:
    after.add_argument("--session", metavar="ID", help="the session's id (default: the last)")
    after.add_argument(
        "--symptom",
        metavar="NAME=SEVERITY",
        action="append",
        required=True,
        help="a symptom and how it feels now, e.g. grogginess=1; repeat for each",
    )
    after.add_argument("--note", metavar="TEXT", default="", help="a note about the morning")
    after.add_argument(
        "--replace", action="store_true", help="replace a morning-after rating saved already"
    )


def run_after(args: argparse.Namespace) -> int:
    """rate side effects the morning after a session

    Rate how side effects still felt on the day after a session (the last session unless
    --session), stored against that session with the time you rate. A rating taken on another
    day is kept but left out of the next-morning figures. Severity 0 none, 1 mild, 2
    moderate, 3 severe (the digit or the word)."""
    from diary.actions.diary import diary_path, require, writing
    from diary.actions.morning import not_next_morning_note, rate_morning_after
    from diary.actions.sessions import catalogue
    from diary.domain import AlreadySavedError
    from diary.domain import validation as check
    from diary.domain.medicine_input import morning_rating

    session_id = (
        None
        if args.session is None
        else check.whole_number("session id", args.session, 1, 2**62, key="session")
    )
    path = diary_path(args.db)
    symptoms = catalogue(path)
    ratings = [morning_rating(pair, symptoms) for pair in args.symptom]
    note = check.text("note", args.note, key="note")
    require(path, "no session is recorded")
    try:
        with writing(path) as store:
            session, morning = rate_morning_after(
                store,
                ratings,
                now=clock.now(),
                session_id=session_id,
                note=note,
                replace=args.replace,
            )
    except AlreadySavedError as error:
        raise AlreadySavedError(
            f"{error}; nothing was saved (--replace replaces it)", existing_id=error.existing_id
        ) from None
    rated = ", ".join(f"{r.symptom} {int(r.severity)}" for r in morning.ratings)
    print(
        f"Morning after the session of {session.started_at:%Y-%m-%d %H:%M} saved "
        f"({morning.rated_at:%Y-%m-%d %H:%M}): {rated}."
    )
    note = not_next_morning_note(session, morning)
    if note:
        print(note)
    return 0
