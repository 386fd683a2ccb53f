"""The app open while shell commands log to the same file: nothing lost on either side.

`diary` processes write while the app saves through its own connection; afterwards every
entry of both is in the file, and the app's Today and History show the shell's entries
once refreshed (ctrl+r, or by switching screens).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from pathlib import Path

from textual.widgets import DataTable

from diary.store import open_store
from diary.tui.app import DiaryApp
from diary.tui.screens.history import HistoryScreen
from diary.tui.screens.session import SessionScreen
from diary.tui.screens.today import TodayScreen
from tests.conftest import run_diary

SESSION = (
    "session", "add", "--route", "iv", "--at", "2026-11-17 09:30",
    "--dose-mg", "35", "--bp-pre", "128/82", "--symptom", "nausea=2",
)  # fmt: skip
SHELL = [
    ("mood", "4", "--date", "2026-11-15", "--note", "from the shell"),
    ("mood", "5", "--date", "2026-11-16"),
    SESSION,
    ("mood", "6", "--date", "2026-11-17"),
    ("checkin", "phq9", "--answers", "1,1,1,1,1,1,1,1,0", "--date", "2026-11-17"),
    ("mood", "7", "--date", "2026-11-18"),
]
DIGITS = "35792468"  # not 1: it waits for a 0 (10)


def shell(*args: str) -> None:
    done = run_diary(*args)
    assert (done.returncode, done.stderr) == (0, ""), args


def run_all(commands: list[tuple[str, ...]]) -> None:
    for args in commands:
        shell(*args)


def shown(app: DiaryApp, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def history_keys(app: DiaryApp) -> list[str]:
    table = app.screen.query_one("#history", DataTable)
    return [row.key.value for row in table.ordered_rows]


async def settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def scenario(path: Path) -> dict[str, object]:
    seen: dict[str, object] = {}
    with open_store(path) as store:
        app = DiaryApp(store)
        async with app.run_test(size=(100, 30)) as pilot:
            # the shell logs six entries in real processes while the app saves its own
            writer = asyncio.create_task(asyncio.to_thread(run_all, SHELL))
            saves = during = 0
            while not writer.done() or saves < 3:
                during += not writer.done()
                await pilot.press(DIGITS[saves % 8], "ctrl+s")  # today's mood, from the app
                await pilot.pause()
                saves += 1
            await writer
            seen["saves"], seen["during"] = saves, during
            seen["status"] = shown(app, "#status")
            await pilot.press("n")  # and a session, from the app, in its own form
            assert isinstance(app.screen, SessionScreen)
            app.screen.query_one("#at").value = "2026-11-19 14:00"
            await pilot.press("ctrl+s")
            await settle(pilot)
            assert isinstance(app.screen, TodayScreen)
            seen["today before"] = (shown(app, "#last-session"), shown(app, "#strip"))

            # more from the shell while Today is on screen: shown after ctrl+r
            shell("session", "add", "--route", "im", "--at", "2026-11-20 08:00", "--dose-mg", "50")
            shell("mood", "2", "--date", "2026-11-19")
            seen["today stale"] = (shown(app, "#last-session"), shown(app, "#strip"))
            await pilot.press("ctrl+r")
            await pilot.pause()
            seen["today after"] = (shown(app, "#last-session"), shown(app, "#strip"))

            await pilot.press("h")
            await settle(pilot)
            assert isinstance(app.screen, HistoryScreen)
            seen["history"] = history_keys(app)
            shell("mood", "3", "--date", "2026-11-01", "--note", "late")
            await pilot.press("ctrl+r")
            await settle(pilot)
            seen["history refreshed"] = history_keys(app)
            seen["count"] = shown(app, "#history-count")
            shell("mood", "8", "--date", "2026-11-02")
            await pilot.press("t")  # switching screens refreshes too
            await settle(pilot)
            await pilot.press("h")
            await settle(pilot)
            seen["history switched"] = history_keys(app)
    return seen


def test_app_and_shell_write_at_once_and_the_app_shows_both(db_path: Path) -> None:
    with open_store(db_path):
        pass  # the app opens an existing (empty) diary, as a person's would be
    seen = asyncio.run(scenario(db_path))
    last = int(DIGITS[(seen["saves"] - 1) % 8])  # the app's last save of today's mood
    before = int(DIGITS[(seen["saves"] - 2) % 8])
    assert seen["saves"] >= 3
    assert seen["during"] >= 2  # the app saved while the shell's processes were writing
    assert seen["status"] == f"Mood {last}/10 saved for 20 Nov (replaced {before})."
    assert (
        seen["today before"][0] == "Last session: yesterday · #2 IV infusion 35 mg · 19 Nov 2026"
    )
    assert (
        seen["today before"][1]
        .splitlines()[0]
        .endswith(f"5 of 30 days logged, mean {(4 + 5 + 6 + 7 + last) / 5:.1f}")
    )
    assert seen["today stale"] == seen["today before"]  # not re-read until asked
    assert seen["today after"][0] == "Last session: today · #3 IM injection 50 mg · 20 Nov 2026"
    assert (
        seen["today after"][1]
        .splitlines()[0]
        .endswith(f"6 of 30 days logged, mean {(4 + 5 + 6 + 7 + 2 + last) / 6:.1f}")
    )
    days = ["day:2026-11-20", "session:3", "day:2026-11-19", "session:2", "day:2026-11-18"]
    days += ["day:2026-11-17", "session:1", "day:2026-11-16", "day:2026-11-15"]
    assert seen["history"] == days
    assert seen["history refreshed"] == [*days, "day:2026-11-01"]
    assert seen["count"] == "7 days · 3 sessions"
    assert seen["history switched"] == [*days, "day:2026-11-02", "day:2026-11-01"]

    db = sqlite3.connect(db_path)  # every entry from both sides, whole
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()
    with open_store(db_path) as store:
        moods = {m.day.day: (m.mood, m.note) for m in store.moods_between()}
        sessions = store.sessions_between()
        checkins = store.checkins_between()
    assert moods == {
        1: (3, "late"),
        2: (8, ""),
        15: (4, "from the shell"),
        16: (5, ""),
        17: (6, ""),
        18: (7, ""),
        19: (2, ""),
        20: (last, ""),
    }
    assert [(s.started_at.isoformat(), s.route.value, s.dose_mg) for s in sessions] == [
        ("2026-11-17T09:30:00+00:00", "iv", 35.0),
        ("2026-11-19T14:00:00+00:00", "iv", 35.0),  # the app prefilled the shell's last one
        ("2026-11-20T08:00:00+00:00", "im", 50.0),
    ]
    assert [(v.systolic, v.diastolic) for v in sessions[0].vitals] == [(128, 82)]
    assert [(r.symptom, int(r.severity)) for r in sessions[0].side_effects] == [("nausea", 2)]
    assert [(c.day, c.answers) for c in checkins] == [
        (dt.date(2026, 11, 17), (1, 1, 1, 1, 1, 1, 1, 1, 0))
    ]
