"""A form opened before another writer (a shell `diary mood`, a second window) changed the
same day never saves over that change without asking: nothing saved is replaced without
the person's say."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from diary.domain import MoodEntry, Route, Session
from diary.store import Store, open_store
from diary.tui.screens.confirm import ConfirmScreen
from diary.tui.screens.session import SessionScreen
from diary.tui.screens.today import TodayScreen
from tests.tui.conftest import DEMO_END as TODAY
from tests.tui.conftest import make_app, open_for_editing, shown

SIZE = (80, 24)
SHELL = MoodEntry(TODAY, 3, 2, None, "from the shell")


def shell_writes(store: Store, entry: MoodEntry | None) -> None:
    """Another process's connection to the same file writes (or deletes) today's mood."""
    with open_store(store.file) as other:
        if entry is None:
            other.delete_mood(TODAY)
        else:
            other.save_mood(entry)


@pytest.mark.parametrize("typed", ["", "8"])
async def test_a_stale_form_asks_before_replacing_what_the_shell_saved(store, typed) -> None:
    store.save_mood(MoodEntry(TODAY, 6, 5, 8.5, ""))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*typed)
        shell_writes(store, SHELL)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "mood 3/10, anxiety 2, note" in shown(app, "#confirm-question")
        assert store.mood_for(TODAY) == SHELL  # nothing written while it asks
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert store.mood_for(TODAY) == SHELL
        # what was typed stays; with nothing typed the form shows what is saved now
        assert app.screen.query_one("#mood").value == (8 if typed else 3)
    assert store.mood_for(TODAY) == SHELL


async def test_a_stale_form_replaces_only_when_told(store) -> None:
    store.save_mood(MoodEntry(TODAY, 6, 5, 8.5, ""))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("8")
        shell_writes(store, SHELL)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert store.mood_for(TODAY) == MoodEntry(TODAY, 8, 5, 8.5, "")


async def test_a_day_deleted_elsewhere_is_not_silently_written_again(store) -> None:
    store.save_mood(MoodEntry(TODAY, 6))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shell_writes(store, None)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "deleted" in shown(app, "#confirm-question")
        await pilot.press("n")
        await pilot.pause()
    assert store.mood_for(TODAY) is None


def a_session(store: Store) -> int:
    started = dt.datetime(2026, 11, 18, 10, 0, tzinfo=dt.UTC)
    return store.add_session(Session(started, Route.IV, dose_mg=35, note="")).id


@pytest.mark.parametrize(("answer", "note"), [("n", "from the shell"), ("y", "")])
async def test_a_session_edited_elsewhere_is_replaced_only_when_told(store, answer, note) -> None:
    session_id = a_session(store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_for_editing(pilot, session_id)
        app.screen.query_one("#dose_mg").value = "40"
        with open_store(store.file) as other:  # `diary session edit ID --note ...`
            other.update_session(replace(other.session(session_id), note="from the shell"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert store.session(session_id).note == "from the shell"
        await pilot.press(answer)
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) is (answer == "n")
    after = store.session(session_id)
    assert (after.note, after.dose_mg) == ((note, 35) if answer == "n" else (note, 40))


async def test_saving_a_session_twice_in_one_form_does_not_ask(store) -> None:
    session_id = a_session(store)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_for_editing(pilot, session_id)
        screen = app.screen
        screen.query_one("#dose_mg").value = "40"
        assert screen._save() == session_id
        screen.query_one("#dose_mg").value = "45"
        assert screen._save() == session_id
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmScreen)
    assert store.session(session_id).dose_mg == 45


async def test_a_mood_typed_before_midnight_is_saved_to_its_own_day(store, monkeypatch) -> None:
    """Today left open past midnight: what was typed for the day it showed is not moved to
    the new day by a refresh; once saved, Today turns to the new day."""
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("8")
        monkeypatch.setenv("DIARY_TODAY", "2026-11-21")
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert "20 November" in shown(app, "#day-title")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "21 November" in shown(app, "#day-title")
    assert store.mood_for(TODAY) == MoodEntry(TODAY, 8)
    assert store.mood_for(dt.date(2026, 11, 21)) is None
