"""The treatment record in the app: the Medicines screen (start, change, stop, by keys only)
and Today's morning-after prompt with its short grid of the session's side effects."""

from __future__ import annotations

import datetime as dt

from diary import clock
from diary.actions.medicines import medicines_taken
from diary.actions.morning import morning_of
from diary.domain import Route, Session, Severity, SideEffectRating
from diary.tui.screens.medicines import MedicinesScreen
from diary.tui.screens.morning import MorningAfterScreen
from diary.tui.screens.today import TodayScreen
from tests.tui.conftest import make_app, settle, shown

SIZE = (80, 24)


async def _open_medicines(pilot) -> None:
    await pilot.press("m")
    await settle(pilot)
    assert isinstance(pilot.app.screen, MedicinesScreen)


async def test_a_medicine_is_started_changed_and_stopped_by_keys(store) -> None:
    app = make_app(store)
    today = clock.today()
    async with app.run_test(size=SIZE) as pilot:
        await _open_medicines(pilot)
        assert "none" in shown(app, "#medicines-current")
        # What (Start) -> Medicine -> Dose -> Unit -> Schedule -> On day -> Class
        await pilot.press("tab", *"sertraline", "tab", *"50", "tab", *"mg", "tab", *"1 daily")
        await pilot.press("tab", *"2026-10-01", "ctrl+s")
        await settle(pilot)
        assert "sertraline 50 mg, 1 daily" in shown(app, "#medicines-current")
        assert app.screen.query_one("#med-name").value == ""  # the form is ready for the next

        # a change of dose: the What select moves down one
        app.screen.query_one("#med-what").focus()
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert not app.screen.query_one("#row-class").display  # a change keeps the class
        await pilot.press("tab", *"Sertraline", "tab", *"100", "tab", "tab", "tab")
        await pilot.press(*"2026-11-01", "ctrl+s")
        await settle(pilot)
        assert "sertraline 100 mg, 1 daily" in shown(app, "#medicines-current")

        app.screen.query_one("#med-what").focus()
        await pilot.press("enter", "down", "enter")
        await pilot.pause()
        assert not app.screen.query_one("#row-dose").display  # a stop asks name and day only
        await pilot.press("tab", *"sertraline", "tab", *"today", "ctrl+s")
        await settle(pilot)
        history = shown(app, "#medicines-history")
    assert medicines_taken(store, today) == []
    taken = medicines_taken(store, dt.date(2026, 11, 5))
    assert [(m.name, m.dose) for m in taken] == [("sertraline", 100)]
    for words in ("start", "change", "stop", "2026-10-01", "2026-11-01"):
        assert words in history


async def test_a_bad_dose_is_named_on_the_form_and_nothing_saved(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await _open_medicines(pilot)
        await pilot.press("tab", *"sertraline", "tab", *"lots", "tab", *"mg", "ctrl+s")
        await settle(pilot)
        assert shown(app, "#medicines-error").startswith("dose: 'lots' is not accepted")
        assert app.screen.query_one("#med-name").value == "sertraline"  # nothing typed lost
    assert store.medicine_events() == []


async def test_leaving_the_medicines_form_with_typing_asks_first(store) -> None:
    from diary.tui.screens.leave import LeaveScreen

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await _open_medicines(pilot)
        await pilot.press("tab", *"sertraline", "escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, LeaveScreen)


def _yesterdays_session(store) -> Session:
    yesterday = clock.today() - dt.timedelta(days=1)
    return store.add_session(
        Session(
            dt.datetime.combine(yesterday, dt.time(10, 0), tzinfo=dt.UTC),
            Route.INTRANASAL,
            dose_mg=56,
            side_effects=(
                SideEffectRating("dizziness", Severity.MODERATE),
                SideEffectRating("nausea", Severity.NONE),
                SideEffectRating("grogginess", Severity.MILD),
            ),
        )
    )


async def test_today_asks_about_the_morning_after_and_saves_the_grid(store) -> None:
    session = _yesterdays_session(store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert "How are the side effects this morning? (a)" in shown(app, "#morning-after")
        app.screen.set_focus(None)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, MorningAfterScreen)
        pickers = [p.symptom for p in app.screen.query("SeverityPicker")]
        assert pickers == ["dizziness", "grogginess"]  # the ones felt, not the one rated 0
        await pilot.press("1", "down", "0", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert shown(app, "#morning-after") == ""  # asked once: rated now
    morning = morning_of(store, session.id)
    assert morning is not None
    assert morning.severity_of("dizziness") == Severity.MILD
    assert morning.severity_of("grogginess") == Severity.NONE


async def test_no_prompt_without_a_session_yesterday(store) -> None:
    store.add_session(
        Session(
            dt.datetime.combine(clock.today(), dt.time(9, 0), tzinfo=dt.UTC), Route.IV, dose_mg=35
        )
    )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert shown(app, "#morning-after") == ""
        app.screen.set_focus(None)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
