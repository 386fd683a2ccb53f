"""Keys typed faster than a screen is made: a screen key, then another key at once (a path
typed while the focus was not in a field, a groggy double press) never crash the app; each
key waits until the screen it reaches is up, and does there what it says."""

from __future__ import annotations

import asyncio

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import TabbedContent

from diary.store import Store
from diary.tui.screens.export import ExportScreen
from diary.tui.screens.history import HistoryScreen
from diary.tui.screens.today import TodayScreen
from diary.tui.widgets.score_picker import ScorePicker
from tests.tui.conftest import make_app

SIZE = (80, 24)


async def burst(store: Store, before: tuple[str, ...], keys: tuple[str, ...], check) -> None:
    """Press before one by one, then post keys at once (as a fast typist's arrive), then
    check(app) once they have settled."""
    app = make_app(store)
    checked: list[bool] = []

    async def run(pilot: Pilot) -> None:
        await pilot.pause()
        for key in before:
            await pilot.press(key)
            await pilot.pause()
        for key in keys:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await asyncio.sleep(2)  # not pilot.pause: it waits on screens the keys replaced
        await pilot.pause()
        check(app)
        checked.append(True)
        app.exit()

    await asyncio.wait_for(app.run_async(headless=True, size=SIZE, auto_pilot=run), 60)
    assert app.failure is None, app.failure
    assert checked


@pytest.mark.parametrize(
    ("before", "keys"),
    [
        (("e",), ("t", "m", "p")),  # "/tmp" typed on Export outside its fields
        (("h",), ("t", "g")),
        (("h",), ("s", "t")),
        (("h",), ("m", "h")),
        (("h",), ("y", "h")),
        (("e",), ("s", "q")),
    ],
    ids=lambda keys: "-".join(keys),
)
async def test_a_screen_key_and_another_at_once_do_not_crash(
    demo_store: Store, before: tuple[str, ...], keys: tuple[str, ...]
) -> None:
    await burst(demo_store, before, keys, lambda app: None)


async def test_i_at_once_after_e_opens_the_import_tab(demo_store: Store) -> None:
    def check(app) -> None:
        assert isinstance(app.screen, ExportScreen)
        assert app.screen.query_one("#export-tabs", TabbedContent).active == "import"

    await burst(demo_store, (), ("e", "i"), check)


async def test_a_digit_typed_while_today_is_being_made_is_its_mood(demo_store: Store) -> None:
    app = make_app(demo_store)
    moods: list[int | None] = []

    async def run(pilot: Pilot) -> None:
        await pilot.press("h")
        await pilot.pause()
        app.post_message(events.Key("t", "t"))
        for _ in range(1000):  # the switch has begun: Today is on top, maybe not up yet
            if isinstance(app.screen, TodayScreen):
                break
            await asyncio.sleep(0.001)
        app.post_message(events.Key("3", "3"))
        await asyncio.sleep(2)
        await pilot.pause()
        moods.append(app.screen.query_one("#mood", ScorePicker).value)
        app.exit()

    await asyncio.wait_for(app.run_async(headless=True, size=SIZE, auto_pilot=run), 60)
    assert app.failure is None, app.failure
    assert moods == [3]


async def test_t_then_h_at_once_shows_history(demo_store: Store) -> None:
    def check(app) -> None:
        assert isinstance(app.screen, HistoryScreen)

    await burst(demo_store, ("g",), ("t", "h"), check)
