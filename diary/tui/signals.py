"""SIGTERM (kill, a shutdown) and SIGHUP (the terminal window closed) close the app as q
does, not by dying: the terminal is given back (no mouse mode or alternate screen left
behind), the file is closed, and typed work that is not saved is named on stderr instead of
vanishing unsaid. Nothing typed is saved unasked: a save could replace what is saved
without the person's say."""

from __future__ import annotations

import asyncio
import signal

from rich.text import Text

TYPE_CHECKING = False
if TYPE_CHECKING:
    from diary.tui.app import DiaryApp


def close_on_signals(app: DiaryApp) -> None:
    """Have SIGTERM and SIGHUP close app (from its running loop; a no-op off the main thread)."""
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGHUP):
        try:
            loop.add_signal_handler(signum, closed_by_signal, app, signum)
        except (NotImplementedError, RuntimeError, ValueError):  # not the main thread
            return


def closed_by_signal(app: DiaryApp, signum: int) -> None:
    """Exit 128 + signum, naming the typed work not saved (or that there was none)."""
    what = ", ".join(form.WORK for form in app.forms_with_typed_work())
    name = signal.Signals(signum).name
    line = (
        f"diary: closed by {name}; not saved: {what}."
        if what
        else f"diary: closed by {name}; everything typed was saved."
    )
    app.exit(return_code=128 + signum, message=Text(line))
