"""Switching screens by their keys: Today is the first screen and `t` comes back to it."""

from __future__ import annotations

from diary.store import Store
from diary.tui.screens.history import HistoryScreen
from diary.tui.screens.today import TodayScreen
from diary.tui.screens.trends import TrendsScreen
from tests.tui.conftest import make_app, settle


async def test_t_comes_back_to_today_from_every_screen_key(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        first = app.screen
        assert isinstance(first, TodayScreen)
        await pilot.press("t")  # already on Today: nothing changes
        assert app.screen is first
        for key, kind in (("h", HistoryScreen), ("g", TrendsScreen)):
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, kind)
            await pilot.press("t")
            await settle(pilot)
            assert isinstance(app.screen, TodayScreen)
