"""The terminal itself (/dev/tty), not standard input or output: passphrases are typed there
with no echo, and a recovery code is shown there only, so neither lands in a pipe or a log."""

from __future__ import annotations

import getpass
import io
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from diary.domain import DiaryError, LockedError


@contextmanager
def _tty() -> Iterator[TextIO | None]:
    if os.name == "nt":  # no /dev/tty: the console, when standard input is one
        yield sys.stdout if sys.stdin.isatty() else None
        return
    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:  # cron, a script, ssh without -t: no controlling terminal
        yield None
        return
    # as getpass opens it: a tty is not seekable, so not open(..., "r+")
    with io.TextIOWrapper(io.FileIO(fd, "w+"), encoding="utf-8") as handle:
        yield handle


def has_terminal() -> bool:
    with _tty() as tty:
        return tty is not None


def require_app_terminal() -> None:
    """Refuse to open the app unless standard input and output are a terminal: with either
    redirected (cron, a pipe, `< /dev/null`) it drew its screens into the file and waited
    for keys forever."""
    if not (sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty()):
        raise DiaryError(
            "the app needs a terminal: run `diary` in one, or give a command "
            "(see diary --help); nothing was opened"
        )


def require_terminal() -> None:
    """Refuse, before anything is asked or changed, when there is no terminal to type on."""
    if not has_terminal():
        raise DiaryError("this needs a terminal to type the passphrase on; nothing was changed")


def ask_secret(prompt: str, *, locked: bool = True) -> str:
    """Read a secret from the terminal without echo. With no terminal: LockedError (a
    locked command) or a DiaryError saying a terminal is needed."""
    if not has_terminal():
        if locked:
            raise LockedError()
        raise DiaryError("this needs a terminal to type the passphrase on; nothing was changed")
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise DiaryError("no passphrase was typed; nothing was changed") from None


def ask_new_secret(prompt: str) -> str:
    return ask_secret(prompt, locked=False)


def ask_new_secret_twice(prompt: str) -> str:
    """A new passphrase typed twice, refused when the two differ or it is too short."""
    from diary.actions.encryption import check_new_passphrase

    first = ask_new_secret(prompt)
    return check_new_passphrase(first, ask_new_secret("The same again: "))


def show(text: str) -> None:
    """Write to the terminal only (never to a redirected standard output)."""
    with _tty() as tty:
        if tty is None:
            raise DiaryError("this needs a terminal to show its answer on; nothing was changed")
        tty.write(text + "\n")
        tty.flush()


def confirm(question: str) -> bool:
    """Ask a yes/no question on the terminal; no (the default) when there is none."""
    with _tty() as tty:
        if tty is None:
            return False
        tty.write(f"{question} [y/N] ")
        tty.flush()
        answer = tty.readline()
    return answer.strip().lower() in ("y", "yes")


def wait_for_enter(text: str) -> None:
    with _tty() as tty:
        if tty is None:
            return
        tty.write(text)
        tty.flush()
        tty.readline()
