"""The `diary` entry point: the command line, handed the one way to open the app.

It sits above both faces so that neither imports the other: the command line parses and
prints, and asks for the app only through the launcher given here.
"""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path


def open_app(path: Path | str | None) -> int:
    """Open the terminal app on the diary at path (the default diary when None).

    Garbage collection is paused from here until the app's first frame is drawn (the app
    resumes it: diary.tui.start.first_frame_drawn).
    """
    import gc

    gc.disable()
    try:
        from diary.tui.app import run

        return run(path)
    finally:
        gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    from diary.cli import main as run_command

    return run_command(argv, open_app=open_app)
