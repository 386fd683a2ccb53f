"""`diary mood` and `diary due`: the quick daily commands."""

from __future__ import annotations

import argparse

from diary import clock
from diary.cli.parsing import DATE_HELP, command


def add_mood(commands: argparse._SubParsersAction) -> None:
    command(commands, "mood", run_mood, _mood_arguments)


def _mood_arguments(mood: argparse.ArgumentParser) -> None:
    mood.add_argument("score", metavar="SCORE", help="mood, a whole number 0-10")
    mood.add_argument("--date", metavar="D", default="today", help=f"the day, {DATE_HELP}")
    mood.add_argument("--anxiety", metavar="N", help="anxiety, a whole number 0-10")
    mood.add_argument("--sleep", metavar="H", help="hours slept, 0-24")
    mood.add_argument("--note", metavar="TEXT", help='a note for the day ("" clears it)')
    for field, words in (("anxiety", "anxiety"), ("sleep", "hours slept"), ("note", "note")):
        mood.add_argument(
            f"--clear-{field}", action="store_true", help=f"remove the day's saved {words}"
        )


def run_mood(args: argparse.Namespace) -> int:
    """log today's (or another day's) mood 0-10

    Log a day's mood: 0 worst, 10 best. Logging a day that is already logged changes only what you
    give: anxiety, sleep and a note you leave out stay as saved, and the line says what changed and
    what was kept. Clear one with --clear-anxiety, --clear-sleep, --clear-note (or --note "")."""
    from diary.actions.diary import diary_path, writing
    from diary.actions.log import log_mood
    from diary.domain import ValidationError
    from diary.domain.mood import mood_entry

    for field in ("anxiety", "sleep", "note"):
        if getattr(args, f"clear_{field}") and getattr(args, field):
            raise ValidationError(
                field, getattr(args, field), f"a value or --clear-{field}, not both", key=field
            )
    entry, errors = mood_entry(
        args.date, args.score, args.anxiety, args.sleep, args.note, clock.today()
    )
    if entry is None:
        raise errors.first()
    keep = [
        field
        for field in ("anxiety", "sleep", "note")
        if getattr(args, field) is None and not getattr(args, f"clear_{field}")
    ]
    with writing(diary_path(args.db)) as store:
        logged = log_mood(store, entry, keep)
    change = f": {logged.change}" if logged.change else ""
    print(f"Mood {entry.mood}/10 saved for {entry.day.isoformat()}{change}.")
    return 0


def add_due(commands: argparse._SubParsersAction) -> None:
    command(commands, "due", run_due)


def run_due(args: argparse.Namespace) -> int:
    """exit 1 with a reminder when today's mood is missing"""
    from diary.actions.diary import diary_path
    from diary.actions.lock import is_locked, set_asker
    from diary.actions.log import mood_today

    today = clock.today()
    path = diary_path(args.db)
    if is_locked(path):  # a reminder never asks for the passphrase
        set_asker(None)
        print(f"The diary is locked, so today's mood ({today}) is not known: run `diary unlock`.")
        return 1
    entry = mood_today(path, today)
    if entry is None:
        print(f"No mood logged for today ({today}). Log it with: diary mood SCORE")
        return 1
    print(f"Mood logged for today ({today}): {entry.mood}/10.")
    return 0
