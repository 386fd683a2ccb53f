"""Fixtures for the app's tests: an empty or a demo diary in tmp_path, and async tests run
with asyncio (no plugin needed)."""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from diary.store import Store, open_store
from diary.tui.app import DiaryApp
from diary.tui.screens.leave import LeaveScreen
from diary.tui.screens.today import TodayScreen
from diary.tui.widgets import score_picker
from tests.conftest import write_demo

DEMO_END = dt.date(2026, 11, 20)
SHOWN_PATH = "demo.db"  # the header's subtitle, the same on every machine


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop, as Textual's Pilot needs one."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture(autouse=True)
def unhurried_ten(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot presses "1", "0" as fast as the machine goes, which on a loaded one can pass
    the second in which they pick 10; test_today times the window with its own clock."""
    monkeypatch.setattr(score_picker, "TEN_WINDOW_S", 3600.0)


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One year of demo data ending on the pinned today (the whole record, as `diary demo`
    makes it), built once and copied per test."""
    path = write_demo(tmp_path_factory.mktemp("demo") / "demo.db", DEMO_END)
    assert not Path(f"{path}-wal").exists()
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty diary."""
    with open_store(tmp_path / "tui.db") as opened:
        yield opened


@pytest.fixture
def demo_store(tmp_path: Path, demo_template: Path) -> Iterator[Store]:
    """A fresh copy of the one-year demo diary."""
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_template, path)
    with open_store(path) as opened:
        yield opened


def make_app(store: Store) -> DiaryApp:
    """The app on this store, with a subtitle that does not show the temporary path."""
    app = DiaryApp(store)
    app.sub_title = SHOWN_PATH
    return app


def shown(app: DiaryApp, selector: str) -> str:
    """The plain text a Static (or any widget) on the current screen shows."""
    return str(app.screen.query_one(selector).render())


def value(app: DiaryApp, selector: str) -> object:
    """The value of a field on the current screen."""
    return app.screen.query_one(selector).value


async def open_for_editing(pilot, session_id: int) -> None:
    """The session form on a saved session, as History's enter opens it."""
    pilot.app.open_session(session_id)
    await pilot.pause()


async def leave_discarding(pilot) -> None:
    """Escape from a form with typed work: asked once, and Discard (d) goes back to Today."""
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(pilot.app.screen, LeaveScreen)
    await pilot.press("d")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TodayScreen)


async def settle(pilot) -> None:
    """Let workers finish and the screen catch up with their results."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def hold_cursors(app: DiaryApp) -> None:
    """Stop the blinking cursors of the current screen so a picture is the same every time."""
    from textual.widgets import Input, TextArea

    for widget in app.screen.query("Input, TextArea"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False


async def leave_for_history(pilot, answer: str) -> None:
    """Press h, answer the leave question (s save, d discard), and land on History."""
    from diary.tui.screens.history import HistoryScreen

    await pilot.press("h", answer)
    await settle(pilot)
    assert isinstance(pilot.app.screen, HistoryScreen)


async def open_day_from_history(pilot, day: dt.date) -> None:
    """Go to History, then open the Day screen of day over it, as enter on its row does."""
    from diary.tui.screens.day import DayScreen

    await pilot.press("h")
    await settle(pilot)
    pilot.app.push_screen(DayScreen(day))
    await pilot.pause()
