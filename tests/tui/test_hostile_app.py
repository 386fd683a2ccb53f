"""The app on a diary with a damaged row: it closes and names the row, no traceback."""

from __future__ import annotations

import asyncio
import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable

from diary.domain import MoodEntry
from diary.store import DamagedRowError, open_store
from diary.tui.app import DiaryApp
from diary.tui.crash import AppCrashed
from diary.tui.widgets.score_picker import ScorePicker

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


async def test_a_crash_shows_no_entries_and_names_a_short_report(
    db_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    secret = "my secret note about the session"
    with open_store(db_path) as store:
        store.save_mood(MoodEntry(dt.date(2026, 11, 20), 7, note=secret))
        app = DiaryApp(store)

        def boom() -> None:
            entry = store.mood_for(dt.date(2026, 11, 20))  # a local holding the note
            raise KeyError(entry.note if entry else 0)

        async def crash(pilot: Pilot) -> None:
            await pilot.pause()
            app.call_later(boom)

        await asyncio.wait_for(app.run_async(headless=True, size=SIZE, auto_pilot=crash), 60)
    assert app.return_code == 1
    assert isinstance(app.failure, AppCrashed)
    line = str(app.failure)
    assert "the app stopped on an internal error (KeyError)" in line
    report = Path(line.rsplit(" is in ", 1)[1])
    text = report.read_text(encoding="utf-8")
    assert "error: builtins.KeyError" in text and "in boom" in text
    assert secret not in text and secret not in line
    assert oct(report.stat().st_mode & 0o777) == "0o600"
    out, err = capfd.readouterr()
    assert secret not in out + err and "Traceback" not in out + err


async def test_a_crash_under_run_test_is_raised_in_the_test(db_path: Path) -> None:
    """The app keeps a crash for run_test by hand (Textual has no public hook for it)."""
    with open_store(db_path) as store:
        app = DiaryApp(store)

        def boom() -> None:
            raise KeyError("boom")

        with pytest.raises(KeyError, match="boom"):
            async with app.run_test(size=SIZE) as pilot:
                app.call_later(boom)
                await pilot.pause()
    assert isinstance(app.failure, AppCrashed)


@pytest.mark.parametrize(
    "keys",
    [
        ("ctrl+p", "enter", "enter"),
        ("ctrl+p", "enter", "enter", "enter"),
        ("ctrl+p", "pageup"),
        ("ctrl+p", "pagedown", "pageup"),
        ("ctrl+p", "escape", "escape"),
    ],
    ids="-".join,
)
async def test_keys_faster_than_the_palette_do_not_crash_the_app(
    db_path: Path, keys: tuple[str, ...]
) -> None:
    with open_store(db_path) as store:
        app = DiaryApp(store)

        async def burst(pilot: Pilot) -> None:
            await pilot.pause()
            for key in keys:  # posted at once, as a fast typist's keys arrive
                app.post_message(events.Key(key, "\r" if key == "enter" else None))
            await asyncio.sleep(2)  # not pilot.pause: it waits on screens the keys closed
            app.exit()

        await asyncio.wait_for(app.run_async(headless=True, size=SIZE, auto_pilot=burst), 60)
    assert app.failure is None, app.failure
    assert app.return_code == 0


@pytest.mark.parametrize("how", ["deleted", "moved"])
async def test_a_save_after_the_file_was_deleted_or_moved_is_refused(
    db_path: Path, tmp_path: Path, how: str
) -> None:
    with open_store(db_path) as store:
        app = DiaryApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("7")
            for name in ("diary.db", "diary.db-wal", "diary.db-shm"):
                part = db_path.with_name(name)
                if part.exists():
                    if how == "deleted":
                        part.unlink()
                    else:
                        part.rename(tmp_path / f"moved-{name}")
            await pilot.press("enter")
            await pilot.pause()
            status = str(app.screen.query_one("#status").render())
            assert "was moved, deleted or replaced while the diary was open" in status
            assert "nothing was saved" in status
            assert app.screen.query_one("#mood", ScorePicker).value == 7  # kept on screen
    assert not db_path.exists()  # no stray file or -wal holding the entry
    assert not db_path.with_name("diary.db-wal").exists()
