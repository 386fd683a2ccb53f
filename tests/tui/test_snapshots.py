"""Every screen as a picture, on the demo year with the clock pinned: 80x24 and 200x60.

Update after a deliberate change with `pytest tests/tui/test_snapshots.py --snapshot-update`
and look at the new SVGs in tests/tui/__snapshots__/ before committing them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable

import pytest

from diary.tui.screens.day import DayScreen
from tests.tui.conftest import DEMO_END, hold_cursors, make_app, settle

SMALL = (80, 24)
BIG = (200, 60)


def keys(*pressed: str) -> Callable[[object], Awaitable[None]]:
    """Press these keys, let workers finish, and hold the cursors still."""

    async def run(pilot) -> None:
        await pilot.pause()
        if pressed:
            await pilot.press(*pressed)
        await settle(pilot)
        hold_cursors(pilot.app)
        await pilot.pause()

    return run


@pytest.fixture
def app(demo_store):
    return make_app(demo_store)


@pytest.mark.parametrize("size", [SMALL, BIG], ids=["80x24", "200x60"])
def test_today(snap_compare, app, size) -> None:
    assert snap_compare(app, terminal_size=size, run_before=keys())


def test_today_not_logged_yet(snap_compare, app, demo_store) -> None:
    demo_store.delete_mood(DEMO_END)
    assert snap_compare(app, terminal_size=SMALL, run_before=keys())


@pytest.mark.parametrize("size", [SMALL, BIG], ids=["80x24", "200x60"])
def test_session_new(snap_compare, app, size) -> None:
    assert snap_compare(app, terminal_size=size, run_before=keys("n"))


def test_session_edit(snap_compare, app, demo_store) -> None:
    session_id = demo_store.last_session().id

    async def open_it(pilot) -> None:
        pilot.app.open_session(session_id)
        await keys()(pilot)

    assert snap_compare(app, terminal_size=SMALL, run_before=open_it)


def test_session_clinic_record_open(snap_compare, app) -> None:
    async def open_it(pilot) -> None:
        await keys("n")(pilot)
        pilot.app.screen.query_one("#clinic-record CollapsibleTitle").focus()
        await keys("enter", "tab", *"EK-42", "tab", *"partner")(pilot)

    assert snap_compare(app, terminal_size=SMALL, run_before=open_it)


def test_session_with_inline_errors(snap_compare, app) -> None:
    typed = ("n", "tab", "tab", "ctrl+u", *"abc", "tab", "tab", "ctrl+u", *"5", "ctrl+s")
    assert snap_compare(app, terminal_size=SMALL, run_before=keys(*typed))


@pytest.mark.parametrize("size", [SMALL, BIG], ids=["80x24", "200x60"])
def test_history(snap_compare, app, size) -> None:
    assert snap_compare(app, terminal_size=size, run_before=keys("h"))


def test_day(snap_compare, app) -> None:
    async def open_it(pilot) -> None:
        pilot.app.push_screen(DayScreen(dt.date(2026, 11, 19)))
        await keys()(pilot)

    assert snap_compare(app, terminal_size=SMALL, run_before=open_it)


def test_symptoms(snap_compare, app) -> None:
    assert snap_compare(app, terminal_size=SMALL, run_before=keys("y"))


def test_help(snap_compare, app) -> None:
    assert snap_compare(app, terminal_size=SMALL, run_before=keys("question_mark"))


def test_confirm(snap_compare, app) -> None:
    async def ask(pilot) -> None:
        await keys("h")(pilot)
        await keys("down", "d")(pilot)

    assert snap_compare(app, terminal_size=SMALL, run_before=ask)
