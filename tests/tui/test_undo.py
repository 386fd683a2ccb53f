"""A delete in the app says what went and offers `u` to put it back for a few seconds,
exactly as it was; an undo never replaces what was saved since."""

from __future__ import annotations

import datetime as dt

from diary.actions.medicines import start_medicine
from diary.actions.morning import rate_morning_after
from diary.domain import (
    MoodEntry,
    Route,
    Session,
    Severity,
    SideEffectRating,
    VitalLabel,
    VitalReading,
)
from diary.domain.medicines import MedicineClass
from diary.tui.screens.confirm import ConfirmScreen
from tests.tui.conftest import make_app, open_day_from_history, settle

SIZE = (100, 32)
MORNING = dt.datetime(2026, 11, 19, 9, 30, tzinfo=dt.UTC)


def notes(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_deleted_session_comes_back_exactly_with_u(store) -> None:
    saved = store.add_session(
        Session(
            MORNING,
            Route.IV,
            dose_mg=35,
            note="fine",
            vitals=(VitalReading(VitalLabel.PRE, 128, 82, 70, spo2=97, taken_at=MORNING),),
            side_effects=(SideEffectRating("nausea", Severity.SEVERE, note="after lunch"),),
        )
    )
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        # the question says what u does after (it said "This cannot be undone.")
        hints = [str(hint.render()) for hint in app.screen.query(".hint")]
        assert hints == ["After deleting, u puts it back for 10 seconds."]
        await pilot.press("y")
        await settle(pilot)
        assert store.sessions_between() == []
        assert "Deleted session #1 · u undo" in notes(app)
        await pilot.press("u")
        await settle(pilot)
        assert "Put back the session of 19 Nov 2026 09:30." in notes(app)
    assert store.sessions_between() == [saved]  # the same id, readings, ratings and notes


async def test_a_deleted_session_comes_back_with_its_morning_after_and_medicines(store) -> None:
    start_medicine(
        store,
        "lorazepam",
        dose=1,
        unit="mg",
        since="2026-11-01",
        med_class=MedicineClass.BENZODIAZEPINE,
        today=MORNING.date(),
    )
    saved = store.add_session(Session(MORNING, Route.INTRANASAL, dose_mg=56, devices=2))
    rate_morning_after(
        store,
        [SideEffectRating("grogginess", Severity.MILD)],
        now=MORNING + dt.timedelta(days=1),
        note="slept long",
    )
    morning = store.morning_after(saved.id)
    assert morning is not None and [m.name for m in saved.rems_medicines] == ["lorazepam"]
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        assert store.sessions_between() == [] and store.mornings_between() == []
        await pilot.press("u")
        await settle(pilot)
    assert store.sessions_between() == [saved]  # its medicines at the session with it
    assert store.morning_after(saved.id) == morning


async def test_a_deleted_day_comes_back_and_an_undo_never_replaces_a_newer_entry(store) -> None:
    day = dt.date(2026, 11, 18)
    entry = MoodEntry(day, 5, 3, 6.5, "walked")
    store.save_mood(entry)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_day_from_history(pilot, day)
        await pilot.press("ctrl+d", "y")
        await pilot.pause()
        assert store.mood_for(day) is None
        await pilot.press("u")
        await pilot.pause()
        assert store.mood_for(day) == entry
        await pilot.press("ctrl+d", "y")
        await pilot.pause()
        store.save_mood(MoodEntry(day, 8))  # logged again (say from the shell) meanwhile
        await pilot.press("u")
        await pilot.pause()
        assert store.mood_for(day) == MoodEntry(day, 8)
        assert any(n.startswith("Not undone: 18 Nov 2026 was logged again") for n in notes(app))
        await pilot.press("u")  # once is all
        await pilot.pause()
        assert "Nothing to undo." in notes(app)
