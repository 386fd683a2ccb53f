"""SIGTERM (kill, a shutdown) and SIGHUP (the terminal window closed) close the app as q
does, not by dying: the terminal is given back (no mouse mode or alternate screen left
behind), the file is closed, and typed work that is not saved is named on stderr instead of
vanishing unsaid. Nothing typed is saved unasked: a save could replace what is saved
without the person's say."""

from __future__ import annotations

import asyncio
import os
import signal
import threading

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


# How long a clean close may take before the process ends anyway: with its terminal gone
# (SIGHUP, or SIGTERM after it) handing the terminal back can never finish, and the app
# would stay running with the diary open. Every save is already whole on disk.
CLOSE_WITHIN_S = 2.0


def closed_by_signal(app: DiaryApp, signum: int) -> None:
    """Exit 128 + signum, naming the typed work not saved (or that there was none); a
    close that has not finished within CLOSE_WITHIN_S, or a second signal, ends the process
    there and then."""
    code = 128 + signum
    if getattr(app, "_closing_by_signal", False):
        os._exit(code)
    app._closing_by_signal = True  # type: ignore[attr-defined]
    # a thread, not the loop: a close stuck on the gone terminal blocks the loop itself
    # (Textual's writer queue, seen with py-spy after a tmux session was killed at start)
    watchdog = threading.Timer(CLOSE_WITHIN_S, os._exit, args=(code,))
    watchdog.daemon = True
    watchdog.start()
    what = ", ".join(form.WORK for form in app.forms_with_typed_work())
    name = signal.Signals(signum).name
    line = (
        f"diary: closed by {name}; not saved: {what}."
        if what
        else f"diary: closed by {name}; everything typed was saved."
    )
    app.exit(return_code=code, message=Text(line))
