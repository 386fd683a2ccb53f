"""The `diary` command: argument parsing and printing only; the actions below decide.

Exit codes: 0 success, 2 bad input (one line naming the field and what is accepted,
nothing written), 1 any other failure. Each command group's module is imported only when
its command runs, and heavy modules (rich, reports) inside the handler that needs them, so
`diary mood 7` stays quick; it and `diary due` are read without building argparse's
parser at all (quick.py), anything unusual going on to it.
"""

from __future__ import annotations

import sys

from diary.domain import DiaryError, ValidationError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from pathlib import Path

    AppLauncher = Callable[[Path | str | None], int]


def _one_line(error: DiaryError) -> str:
    """The error as the command line says it: the field's flag added to its words."""
    from diary.cli.parsing import FLAGS, with_flag

    if isinstance(error, ValidationError):
        return with_flag(error)
    flag = FLAGS.get(error.key)
    return f"{flag}: {error}" if flag else str(error)


def _say_started(path: Path) -> None:
    from diary.domain.text import shown

    print(f"Started a new diary at {shown(str(path), one_line=True)}", file=sys.stderr)


def _say_tightened(path: object, mode: int) -> None:
    from diary.domain.text import shown

    print(
        f"diary: {shown(str(path), one_line=True)} could be read by others (mode {mode:04o}); "
        "it is now yours alone",
        file=sys.stderr,
    )


def _ask_at_terminal(prompt: str) -> str:
    from diary.cli.terminal import ask_secret

    return ask_secret(prompt)


def main(argv: Sequence[str] | None = None, *, open_app: AppLauncher | None = None) -> int:
    """Run the command; returns the exit code. open_app opens the terminal app on a path
    (the entry point hands it in: the command line never imports the app)."""
    argv = sys.argv[1:] if argv is None else list(argv)
    from diary.actions import diary as diaries

    diaries.on_new_diary = _say_started
    diaries.on_tightened = _say_tightened
    try:
        if not argv or (len(argv) == 2 and argv[0] == "--db" and not argv[1].startswith("-")):
            # the app, the most common start: skip building every command's parser
            if open_app is None:
                raise DiaryError("the app cannot be opened from here; run `diary` in a terminal")
            from diary.cli.terminal import require_app_terminal

            require_app_terminal()  # before the app makes a new diary file
            return open_app(argv[1] if argv else None)
        from diary.actions.asker import set_asker
        from diary.cli.quick import quick_args

        set_asker(_ask_at_terminal)  # a locked diary asks at the terminal, or refuses in one line
        args = quick_args(argv)  # a quick log or reminder: read without argparse's parser
        if args is None:
            from diary.cli.parsing import build_parser

            args = build_parser(argv).parse_args(argv)
        args.open_app = open_app
        code = int(args.handler(args) or 0)
        sys.stdout.flush()  # a full disk under standard output is said here, not at exit
        return code
    except DiaryError as error:
        from diary.domain.text import shown

        # a reason may quote a file's text (a label, a header): drawn as text, on one line
        print(f"diary: {shown(_one_line(error), one_line=True)}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("diary: interrupted; nothing more was written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1
    except OSError as error:
        if error.filename is not None:
            raise  # a file's error: the layers below say those themselves
        _drop_output()
        reason = error.strerror or str(error)
        print(f"diary: cannot write to standard output: {reason}", file=sys.stderr)
        return 1


def _drop_output() -> None:
    """Point standard output at nothing, so the interpreter's last flush of what could not
    be written does not end in a traceback of its own."""
    import contextlib
    import os

    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
