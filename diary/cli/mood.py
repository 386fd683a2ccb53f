"""`diary mood` and `diary due`: the quick daily commands.

Light to import: argparse and the parsing helpers load only when the parser is built, since
the usual `diary mood 7` is read without it (cli/quick.py reads the options named here).
"""

from __future__ import annotations

from diary import clock

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    import argparse

# `diary mood`'s options: the ones that take a value (with their defaults), the fields a
# --clear-FIELD removes, and the words its help gives each
MOOD_VALUES = {"--date": "today", "--anxiety": None, "--sleep": None, "--note": None}
MOOD_CLEARS = {"anxiety": "anxiety", "sleep": "hours slept", "note": "note"}


def add_mood(commands: argparse._SubParsersAction) -> None:
    from diary.cli.parsing import command

    command(commands, "mood", run_mood, _mood_arguments)


def _mood_arguments(mood: argparse.ArgumentParser) -> None:
    from diary.cli.parsing import DATE_HELP

    helps = {
        "--date": ("D", f"the day, {DATE_HELP}"),
        "--anxiety": ("N", "anxiety, a whole number 0-10"),
        "--sleep": ("H", "hours slept, 0-24"),
        "--note": ("TEXT", 'a note for the day ("" clears it)'),
    }
    mood.add_argument("score", metavar="SCORE", help="mood, a whole number 0-10")
    for option, default in MOOD_VALUES.items():
        metavar, words = helps[option]
        mood.add_argument(option, metavar=metavar, default=default, help=words)
    for field, words in MOOD_CLEARS.items():
        mood.add_argument(
            f"--clear-{field}", action="store_true", help=f"remove the day's saved {words}"
        )


def run_mood(args: argparse.Namespace) -> int:
    """log today's (or another day's) mood 0-10

    Log a day's mood: 0 worst, 10 best. Logging a day that is already logged changes only what you
    give: anxiety, sleep and a note you leave out stay as saved, and the line says what changed and
    what was kept. Clear one with --clear-anxiety, --clear-sleep, --clear-note (or --note "")."""
    from diary.actions.diary import diary_file
    from diary.actions.log import log_mood_in
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
    logged = log_mood_in(diary_file(args.db), entry, keep)
    change = f": {logged.change}" if logged.change else ""
    print(f"Mood {entry.mood}/10 saved for {entry.day.isoformat()}{change}.")
    return 0


def add_due(commands: argparse._SubParsersAction) -> None:
    from diary.cli.parsing import command

    command(commands, "due", run_due)


def run_due(args: argparse.Namespace) -> int:
    """exit 1 with a reminder when today's mood is missing"""
    from diary.actions.asker import set_asker
    from diary.actions.diary import diary_file, locked
    from diary.actions.log import mood_today

    today = clock.today()
    path = diary_file(args.db)
    if locked(path):  # a reminder never asks for the passphrase
        set_asker(None)
        print(f"The diary is locked, so today's mood ({today}) is not known: run `diary unlock`.")
        return 1
    entry = mood_today(path, today)
    if entry is None:
        print(f"No mood logged for today ({today}). Log it with: diary mood SCORE")
        return 1
    print(f"Mood logged for today ({today}): {entry.mood}/10.")
    return 0
