"""`diary mood SCORE ...` and `diary due` read without argparse: the quick commands' lines.

Building argparse's parser costs more than the rest of a quick log, so the usual ways of
typing one (`diary mood 7`, `diary mood 6 --note "slept badly" --db ~/d.db`) are read here.
Anything else returns None and goes to the whole parser, which gives its own help and
errors: help, an option it does not know or one given twice, an abbreviation, `--` (also
as a value, `--note=--`), a separate value that starts with a dash (`--note -x`).
"""

from __future__ import annotations

from types import SimpleNamespace

from diary.cli.mood import MOOD_CLEARS, MOOD_VALUES, run_due, run_mood

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from collections.abc import Sequence


def _valued(argv: Sequence[str], names: Sequence[str]) -> tuple[dict[str, str], list[str]] | None:
    """The options of names with their values (`--db X` or `--db=X`), and the other words;
    None when one is given twice, lacks its value, has a separate one that starts with a
    dash, or has `--` for one (argparse reads that as the end of the options)."""
    found: dict[str, str] = {}
    rest: list[str] = []
    words = iter(argv)
    for word in words:
        name, equals, value = word.partition("=") if word.startswith("--") else (word, "", "")
        if name not in names:
            rest.append(word)
            continue
        if not equals:
            following = next(words, None)
            if following is None or following.startswith("-"):
                return None
            value = following
        if name in found or value == "--":
            return None
        found[name] = value
    return found, rest


def quick_args(argv: Sequence[str]) -> SimpleNamespace | None:
    """What argparse would make of a usual `diary [--db P] mood SCORE [options]` or
    `diary [--db P] due [--db P]`, or None for anything else."""
    top, command, after = _split_command(argv)
    if top == "--":
        return None  # argparse refuses it in one line
    if command == "due":
        return _due_args(top, after)
    if command == "mood":
        return _mood_args(top, after)
    return None


def _due_args(top: str | None, after: list[str]) -> SimpleNamespace | None:
    options = _valued(after, ("--db",))
    if options is None or options[1]:
        return None
    return SimpleNamespace(handler=run_due, db=options[0].get("--db", top))


def _mood_args(top: str | None, after: list[str]) -> SimpleNamespace | None:
    options = _valued(after, (*MOOD_VALUES, "--db"))
    if options is None:
        return None
    values, rest = options
    if len(rest) != len(set(rest)):
        return None  # a flag twice
    clears = {field: f"--clear-{field}" in rest for field in MOOD_CLEARS}
    rest = [word for word in rest if word not in {f"--clear-{field}" for field in MOOD_CLEARS}]
    if len(rest) != 1 or rest[0].startswith("-"):
        return None  # no score, or two, or anything else that starts with a dash
    return SimpleNamespace(
        handler=run_mood,
        score=rest[0],
        db=values.get("--db", top),
        **{option[2:]: values.get(option, default) for option, default in MOOD_VALUES.items()},
        **{f"clear_{field}": given for field, given in clears.items()},
    )


def _split_command(argv: Sequence[str]) -> tuple[str | None, str | None, list[str]]:
    """The --db given before the command, the command, and the words after it."""
    words = list(argv)
    top = None
    if words[:1] == ["--db"] and len(words) > 1 and not words[1].startswith("-"):
        top, words = words[1], words[2:]
    elif words and words[0].startswith("--db="):
        top, words = words[0].removeprefix("--db="), words[1:]
    if not words:
        return top, None, []
    return top, words[0], words[1:]
