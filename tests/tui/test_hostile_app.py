"""The app on a diary with a damaged row: it closes and names the row, no traceback."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import DataTable

from diary.domain import MoodEntry
from diary.store import DamagedRowError, open_store
from diary.tui.app import DiaryApp

SIZE = (100, 30)


def damaged(path: Path, day: str) -> None:
    with open_store(path) as store:
        store.save_mood(MoodEntry(dt.date(2026, 11, 20), 7))
        store.save_mood(MoodEntry(dt.date(2025, 6, 10), 4))
    db = sqlite3.connect(path)
    db.execute("PRAGMA ignore_check_constraints = ON")
    db.execute("UPDATE moods SET mood = 'seven' WHERE day = ?", (day,))
    db.commit()
    db.close()


async def test_a_damaged_row_on_today_closes_the_app_naming_it(db_path: Path) -> None:
    damaged(db_path, "2026-11-20")
    with open_store(db_path) as store:
        app = DiaryApp(store)
        await asyncio.wait_for(app.run_async(headless=True, size=SIZE), 60)
        assert app.return_code == 1
        assert isinstance(app.failure, DamagedRowError)
        assert "moods row 1: mood holds 'seven'" in str(app.failure)
        assert "diary check" in str(app.failure)


async def test_a_damaged_row_in_history_closes_the_app_naming_it(db_path: Path) -> None:
    damaged(db_path, "2025-06-10")
    seen_before: list[object] = []

    async def go_to_history(pilot: Pilot) -> None:
        await pilot.pause()
        seen_before.append(app.failure)  # Today reads only today: it opened
        # the key's binding, without waiting on a screen that the failure closes
        app.call_later(app.run_action, "switch_mode('history')")

    with open_store(db_path) as store:
        app = DiaryApp(store)
        await asyncio.wait_for(
            app.run_async(headless=True, size=SIZE, auto_pilot=go_to_history), 60
        )
        assert seen_before == [None]
        assert app.return_code == 1
        assert isinstance(app.failure, DamagedRowError)
        assert "moods row 2: mood holds 'seven'" in str(app.failure)


async def test_a_symptom_label_with_escapes_and_brackets_is_drawn_as_text(db_path: Path) -> None:
    with open_store(db_path) as store:
        store.add_symptom("Ache \x1b[2J [left]")
        app = DiaryApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("y")
            await pilot.pause()
            table = app.screen.query_one("#symptoms", DataTable)
            cells = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert "Ache ␛[2J [left]" in cells
