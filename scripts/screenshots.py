"""Make screenshots/<name>.svg of every screen, on demo data with the clock pinned.

    python scripts/screenshots.py            # every shot
    python scripts/screenshots.py today day  # only these

The diary is a demo one built in a temporary folder (never the user's), ending on
PINNED_TODAY, so the pictures are the same on every machine. A new screen gets a new
`Shot` in SHOTS: its name (the file name), the terminal size, and the keys that reach it
from the Today screen. Tests (tests/tui/test_screenshots.py) fail when a screen class in
diary/tui/screens/ has no shot or no file.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PINNED_TODAY = "2026-11-20"
SHOWN_HOME = "/home/you"  # default folders shown on screen (Export) look the same everywhere
ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"
SETTLE = "<settle>"  # a step, not a key: let workers finish and the screen catch up
WIDE = (100, 32)


@dataclass(frozen=True, slots=True)
class Shot:
    """One picture: the file name, the terminal size and the keys pressed from Today."""

    name: str
    size: tuple[int, int] = WIDE
    keys: tuple[str, ...] = ()
    encrypted: bool = False  # the diary encrypted and locked: the app opens on its unlock
    today: str = PINNED_TODAY  # another day for a shot that needs one (the morning after)


SHOTS: list[Shot] = [
    Shot("today"),
    Shot("today-80x24", (80, 24)),
    Shot("session", keys=("n",)),
    # History rows of the demo: 20, 19, ..., 13 Nov (day), then session #51 (9th row).
    Shot("session-edit", keys=("h", SETTLE, *["down"] * 8, "enter")),
    Shot("history", keys=("h",)),
    Shot("day", keys=("h", SETTLE, "down", "enter")),
    Shot("symptoms", keys=("y",)),
    Shot("help", keys=("question_mark",)),
    Shot("confirm", keys=("h", SETTLE, "down", "d")),
    # a dose typed into a new session, then h: the question before typed work is lost
    Shot("leave", keys=("n", "tab", "tab", "ctrl+u", "3", "5", "escape", "h")),
    Shot("palette", keys=("ctrl+p", SETTLE)),
    Shot("checkin", keys=("c", "1", "1", "2")),
    # a second GAD-7 on the same day: replace the first, keep both, or cancel
    Shot(
        "already-saved",
        keys=("c", "2", *"1111111", "enter", "escape", "c", "2", *"2222222", "enter"),
    ),
    # A PHQ-9 with item 9 above 0, saved: the support panel shows.
    Shot("crisis", keys=("c", "1", *"000000001", "enter")),
    Shot("export", keys=("e",)),
    Shot("unlock", encrypted=True),
    Shot("settings", keys=("s",)),
    Shot("medicines", (80, 24), keys=("m", SETTLE)),
    # the day after session #51 (13 Nov): Today asks, `a` opens that session's short grid
    Shot("morning-after", (80, 24), keys=(SETTLE, "a", SETTLE, "1"), today="2026-11-14"),
    Shot("trends", keys=("g", SETTLE)),
    # the demo year: the induction series lifting mood, the lift and fade after a session,
    # side effects easing over every session (wide enough for all 51 columns)
    Shot("trends-mood-365", (120, 32), keys=("g", SETTLE, "3")),
    Shot("trends-after-session", keys=("g", SETTLE, "3", "]")),
    Shot("trends-side-effects", (200, 36), keys=("g", SETTLE, "3", "]", "]")),
    Shot("trends-blood-pressure", keys=("g", SETTLE, "]", "]", "]")),
    Shot("trends-checkins", keys=("g", SETTLE, "3", "]", "]", "]", "]")),
    Shot("trends-year", keys=("g", SETTLE, "]", "]", "]", "]", "]")),
]


def pin_environment() -> None:
    """Today is PINNED_TODAY at noon UTC, and home is SHOWN_HOME, for this process.

    No shot writes a file, so the made-up home is only ever shown, never created.
    """
    os.environ["DIARY_TODAY"] = PINNED_TODAY
    os.environ["TZ"] = "UTC"
    time.tzset()
    os.environ["HOME"] = SHOWN_HOME
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_DOCUMENTS_DIR", "DIARY_DB"):
        os.environ.pop(name, None)


def build_demo(folder: Path) -> Path:
    """A one-year demo diary ending on the pinned today."""
    from diary import demo
    from diary.store import open_store

    path = folder / "demo.db"
    data = demo.generate(end=dt.date.fromisoformat(PINNED_TODAY), years=1, seed=7)
    with open_store(path) as store:
        store.bulk_add(data.moods, data.sessions, data.checkins, data.medicine_events)
    return path


async def take(shot: Shot, db: Path) -> str:
    """Run the app on db at the shot's size, press its keys, and return the SVG."""
    from diary.store import open_store
    from diary.tui.app import DiaryApp

    os.environ["DIARY_TODAY"] = shot.today
    if shot.encrypted:
        from diary.actions import encryption

        encryption.encrypt(db, encryption.new_key("a demo passphrase"))
        return await _run(shot, DiaryApp(None, path=db), "demo.db · encrypted · locked")
    with open_store(db) as store:
        return await _run(shot, DiaryApp(store), "demo.db")


async def _run(shot: Shot, app, subtitle: str) -> str:
    from textual.widgets import Input, TextArea

    app.sub_title = subtitle  # not the temporary path
    async with app.run_test(size=shot.size) as pilot:
        await pilot.pause()
        for key in (*shot.keys, SETTLE):
            if key == SETTLE:
                await app.workers.wait_for_complete()
                await pilot.pause(0.2)
            else:
                await pilot.press(key)
        for widget in app.screen.query("Input, TextArea"):
            if isinstance(widget, Input | TextArea):
                widget.cursor_blink = False  # a steady cursor, the same every time
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        return app.export_screenshot(title="diary")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only these shots (default: all)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"folder (default {OUT})")
    args = parser.parse_args(argv)
    known = {shot.name for shot in SHOTS}
    unknown = sorted(set(args.names) - known)
    if unknown:
        parser.error(f"unknown shot(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    pin_environment()
    sys.path.insert(0, str(ROOT))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="diary-shots-") as folder:
        template = build_demo(Path(folder))
        for shot in SHOTS:
            if args.names and shot.name not in args.names:
                continue
            db = Path(folder) / f"{shot.name}.db"
            shutil.copyfile(template, db)  # each shot starts from the same diary
            svg = asyncio.run(take(shot, db))
            target = args.out / f"{shot.name}.svg"
            target.write_text(svg, encoding="utf-8")
            print(f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
