"""The `diary` command's parser: its error handling, the options every group shares, and the
tree of commands, each group adding its own sub-parser (a module per group)."""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from diary import __version__
from diary.domain import DiaryError, ValidationError
from diary.domain import validation as check

Handler = Callable[[argparse.Namespace], int]
Arguments = Callable[[argparse.ArgumentParser], None]

DATE_HELP = "an ISO date (YYYY-MM-DD), 'today' or 'yesterday'"

# The flag of each field key: a message from a lower layer names the field in words, and
# the command line adds the flag a person typed it with.
FLAGS = {
    "date": "--date",
    "anxiety": "--anxiety",
    "sleep": "--sleep",
    "note": "--note",
    "at": "--at",
    "route": "--route",
    "dose_mg": "--dose-mg",
    "dose_mg_per_kg": "--dose-mg-per-kg",
    "weight_kg": "--weight-kg",
    "duration_min": "--duration-min",
    "phase": "--phase",
    "clinic": "--clinic",
    "vital-pre": "--bp-pre",
    "vital-40min": "--bp-40",
    "vital-discharge": "--bp-discharge",
    "symptom": "--symptom",
    "since": "--since",
    "until": "--until",
    "output": "-o",
    "format": "--format",
    "db": "--db",
    "years": "--years",
    "seed": "--seed",
    "map": "--map",
    "scale": "--scale",
    "date_column": "--date-column",
    "mood_column": "--mood-column",
    "date_format": "--date-format",
    "name": "--name",
    "country": "--country",
    "answers": "--answers",
    "for": "--for",
    "lot": "--lot",
    "observed_min": "--observed-min",
    "ready_after_min": "--ready-after-min",
    "clinic_noted": "--clinic-noted",
    "home_with": "--home-with",
    "devices": "--devices",
    "dose": "--dose",
    "unit": "--unit",
    "schedule": "--schedule",
    "class": "--class",
    "on": "--on",
    "session": "--session",
}


def with_flag(error: ValidationError) -> str:
    """The error's line with the flag added to the field's words ('dose in mg (--dose-mg)'),
    or the flag alone where the words are its name ('--route')."""
    flag = FLAGS.get(error.key)
    if flag is None:
        return str(error)
    same = error.field.replace(" ", "-") == flag.lstrip("-")
    return error.line(flag if same else f"{error.field} ({flag})")


class ArgumentError(ValidationError):
    """A command line that does not parse (exit 2)."""

    def __init__(self, message: str) -> None:
        DiaryError.__init__(self, message)
        self.key = ""


class Parser(argparse.ArgumentParser):
    """argparse with a one-line error and exit 2, raised so main() reports it once."""

    def error(self, message: str) -> NoReturn:
        # main() starts the line with "diary: "; a subcommand adds its own name after it
        command = self.prog.partition(" ")[2]
        where = f"diary {command}: " if command else ""
        raise ArgumentError(f"{where}{message} (see '{self.prog} --help')")

    def parse_args(self, args: Sequence[str] | None = None, namespace: Any = None) -> Any:
        """argparse's reading, but `--option=--` is refused in one line: argparse drops a
        value of `--` and hands the command an empty list (a traceback, or a note saved
        empty without a word)."""
        words = list(sys.argv[1:] if args is None else args)
        for word in words[: words.index("--") if "--" in words else len(words)]:
            option, equals, value = word.partition("=")
            if word.startswith("--") and equals and value == "--":
                raise ArgumentError(
                    f"{option}: '--' cannot be given as a value (it ends the options); "
                    "nothing was written"
                )
        read, extra = self.parse_known_args(words, namespace)
        if extra:  # said by the command they came after, whose --help lists what it takes
            _command_of(self, words).error(f"unrecognized arguments: {' '.join(extra)}")
        return read


def _command_of(parser: argparse.ArgumentParser, words: list[str]) -> argparse.ArgumentParser:
    """The (sub-)command the words name: `import pixels a b` is `diary import pixels`."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for at, word in enumerate(words):
                if word in action.choices:
                    return _command_of(action.choices[word], words[at + 1 :])
    return parser


def db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None if top else argparse.SUPPRESS,
        help="the diary database file (default: $DIARY_DB, else diary.db in the user data folder)",
    )


def _source_doc(handler: Handler) -> str:
    """The docstring as the source has it, for a Python run with -OO (which drops them)."""
    import ast

    try:
        tree = ast.parse(inspect.cleandoc("\n" + inspect.getsource(handler)))
    except (OSError, TypeError, SyntaxError):
        return ""
    return (ast.get_docstring(tree.body[0]) or "") if tree.body else ""


def said_by(handler: Handler) -> tuple[str | None, str | None]:
    """The help line and the description a handler's docstring gives: its first line, then the
    rest with its lines and paragraphs joined, as argparse's default formatter re-wraps them.
    A "%" in the help line is doubled: argparse %-formats a help text (not a description)."""
    first, _, rest = inspect.cleandoc(handler.__doc__ or _source_doc(handler)).partition("\n")
    first = first.replace("%", "%%")
    return first or None, re.sub(r"\s+", " ", rest, flags=re.ASCII).strip() or None


def command(
    commands: argparse._SubParsersAction,
    name: str,
    handler: Handler,
    arguments: Arguments | None = None,
    *,
    db: bool = True,
    **parser_options: Any,
) -> argparse.ArgumentParser:
    """One sub-command: its parser, its own arguments, then --db (unless db=False) and the
    handler that runs it. The handler's docstring is the help and the description; help= or
    description= (and epilog=, formatter_class=, ... as add_parser takes them) say what a
    docstring cannot: a text built from names, or one laid out by hand."""
    said_help, said_description = said_by(handler)
    if said_help is not None:
        parser_options.setdefault("help", said_help)
    if said_description is not None:
        parser_options.setdefault("description", said_description)
    parser = commands.add_parser(name, **parser_options)
    if arguments is not None:
        arguments(parser)
    if db:
        db_option(parser)
    parser.set_defaults(handler=handler)
    return parser


def command_group(
    commands: argparse._SubParsersAction,
    name: str,
    title: str = "commands",
    **parser_options: Any,
) -> argparse._SubParsersAction:
    """A command whose sub-command is required (`diary session add`, `diary export csv`);
    title names them in its --help ("formats" lists FORMAT)."""
    group = commands.add_parser(name, **parser_options)
    return group.add_subparsers(
        title=title, metavar=title.rstrip("s").upper(), parser_class=Parser, required=True
    )


def if_saved_options(parser: argparse.ArgumentParser, when: str) -> None:
    """--replace and --also: what to do when a like record is saved already."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--replace", action="store_true", help=f"when {when}: replace it with this one"
    )
    group.add_argument("--also", action="store_true", help=f"when {when}: keep both")


def if_saved(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The IfSaved that --replace / --also chose (refuse when neither)."""
    from diary.domain.duplicates import IfSaved

    if getattr(args, "replace", False):
        return IfSaved.REPLACE
    return IfSaved.ALSO if getattr(args, "also", False) else IfSaved.REFUSE


def with_if_saved_hint(error: DiaryError) -> DiaryError:
    """An AlreadySavedError told how to go on from the command line; others as they are."""
    from diary.domain import AlreadySavedError

    if isinstance(error, AlreadySavedError):
        return AlreadySavedError(
            f"{error}; nothing was saved (--replace replaces it, --also keeps both)",
            existing_id=error.existing_id,
        )
    return error


def range_options(parser: argparse.ArgumentParser, since: str, until: str = "today") -> None:
    parser.add_argument("--since", metavar="D", help=f"first day, {DATE_HELP} (default: {since})")
    parser.add_argument("--until", metavar="D", help=f"last day, {DATE_HELP} (default: {until})")


def output_option(
    parser: argparse.ArgumentParser, metavar: str, help: str, *, text: bool = True
) -> None:
    """-o (refusing a file that is there unless --force); `-o -` is standard output for text."""
    to_stdout = "; - writes it to standard output" if text else ""
    parser.add_argument(
        "-o",
        "--output",
        metavar=metavar,
        required=True,
        type=named("output file", "a file name, or - for standard output"),
        help=help + to_stdout,
    )
    force_option(parser)


def named(field: str, accepted: str) -> Callable[[str], str]:
    """An -o value that names something: an empty one would be the current folder."""

    def given(text: str) -> str:
        if not text.strip():
            raise ValidationError(field, text, accepted, key="output")
        return text

    return given


def yes_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--yes", action="store_true", help="do it without asking (for scripts)")


def force_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--force", action="store_true", help="replace what is there already at -o")


def day_of(text: str | None, field: str, key: str, today: dt.date) -> dt.date | None:
    """A typed day (ISO, 'today', 'yesterday'), or None when the option was not given."""
    return check.day(field, text, today, key=key) if text else None


def range_of(args: argparse.Namespace, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """--since and --until as days (None where not given)."""
    return (
        day_of(args.since, "start date", "since", today),
        day_of(args.until, "end date", "until", today),
    )


# Each command name and the module and function that declares it (with its siblings), in
# the order `diary --help` lists them. A run of one command builds only that one's parser.
COMMANDS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("mood",), "mood", "add_mood"),
    (("session",), "sessions", "add_session"),
    (("med",), "medicines", "add_med"),
    (("after",), "after", "add_after"),
    (("list",), "reading", "add_list"),
    (("export",), "files", "add_export"),
    (("due",), "mood", "add_due"),
    (("demo",), "setup", "add_demo"),
    (("settings",), "setup", "add_settings"),
    (("stats",), "reading", "add_stats"),
    (("checkin",), "checkins", "add_checkin"),
    (("report",), "files", "add_report"),
    (("backup", "restore"), "files", "add_backup"),
    (("import",), "imports", "add_import"),
    (("encrypt", "decrypt", "passphrase", "unlock", "lock"), "encryption", "add_encryption"),
    (("check",), "check", "add_check"),
)


def command_named(argv: Sequence[str]) -> str | None:
    """The command word of argv when nothing but `--db PATH` comes before it, else None (the
    whole tree is built then, so help, errors and abbreviations read as they always have)."""
    index = 0
    while index < len(argv) and (argv[index] == "--db" or argv[index].startswith("--db=")):
        index += 2 if argv[index] == "--db" else 1
    return argv[index] if index < len(argv) else None


def build_parser(argv: Sequence[str] = ()) -> Parser:
    """The command tree: only the named command's branch when argv names one, else all."""
    import importlib

    from diary.cli import setup

    parser = Parser(
        prog="diary",
        description="A private, local-first diary for ketamine treatment: sessions, side "
        "effects, blood pressure and daily mood. Everything stays in one local file; "
        "nothing is sent anywhere. With no command, opens the diary's terminal app.",
    )
    parser.add_argument("--version", action="version", version=f"diary {__version__}")
    db_option(parser, top=True)
    parser.set_defaults(handler=setup.run_app)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=Parser)
    named = command_named(argv)
    wanted = [entry for entry in COMMANDS if named in entry[0]] or COMMANDS
    for _, module, declare in wanted:
        getattr(importlib.import_module(f"diary.cli.{module}"), declare)(commands)
    return parser
