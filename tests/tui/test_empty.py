"""A new diary's Trends and History say what is missing and the key that fills it."""

from __future__ import annotations

import pytest
from textual.widgets import TabbedContent

from diary.tui.screens.trends import CHARTS
from tests.tui.conftest import make_app, settle, shown

EMPTY_NOTES = {
    "mood": "No moods yet: press t to log today's.",
    "aligned": "No sessions yet: press n to record one.",
    "effects": "No sessions yet: press n to record one.",
    "bp": "No sessions yet: press n to record one.",
    "checkins": "No check-ins yet: press c to answer a PHQ-9 or GAD-7.",
    "year": "No moods yet: press t to log today's.",
}


@pytest.mark.parametrize("chart", CHARTS)
async def test_each_chart_of_a_new_diary_says_what_is_missing(store, chart) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await settle(pilot)
        app.screen.show_chart(chart)
        await settle(pilot)
        note = app.screen.query_one(f"#{chart}-empty")
        assert note.display
        assert shown(app, f"#{chart}-empty") == EMPTY_NOTES[chart]


async def test_a_window_without_moods_names_the_key_for_all_days(store) -> None:
    import datetime as dt

    from diary.domain import MoodEntry

    store.save_mood(MoodEntry(day=dt.date(2026, 1, 5), mood=6))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await settle(pilot)
        assert shown(app, "#mood-empty").startswith("No moods in this window: press 4")
        await pilot.press("4")
        await settle(pilot)
        assert not app.screen.query_one("#mood-empty").display
        assert app.screen.query_one("#mood-plot").display
        assert app.screen.query_one("#charts", TabbedContent).active == "mood"


async def test_a_new_diary_history_says_how_to_fill_it(store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        assert shown(app, "#history-empty") == (
            "Nothing recorded yet: press t to log today's mood, n to record a session."
        )


async def test_a_demo_diary_has_no_empty_notes(demo_store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        assert not app.screen.query_one("#history-empty").display
        await pilot.press("g")
        await settle(pilot)
        for chart in CHARTS:
            app.screen.show_chart(chart)
            await settle(pilot)
            assert not app.screen.query_one(f"#{chart}-empty").display, chart
