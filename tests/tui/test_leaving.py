"""Typed work is never dropped silently: every way out of a screen with unsaved typing asks
"Leave without saving? (save / discard / stay)", and each answer does what it says."""

from __future__ import annotations

import datetime as dt

import pytest

from diary.domain import MoodEntry
from diary.tui.screens.checkin import CheckinScreen
from diary.tui.screens.history import HistoryScreen
from diary.tui.screens.leave import QUESTION, LeaveScreen
from diary.tui.screens.session import SessionScreen
from diary.tui.screens.symptoms import SymptomsScreen
from diary.tui.screens.today import TodayScreen
from tests.tui.conftest import (
    leave_discarding,
    leave_for_history,
    make_app,
    open_day_from_history,
    settle,
    shown,
)

SIZE = (80, 24)
TODAY = dt.date(2026, 11, 20)


async def half_filled_session(pilot) -> None:
    """A new session form with dizziness rated 2 in the symptom grid, nothing saved."""
    await pilot.press("n")
    pilot.app.screen.query_one("#sev-0").focus()
    await pilot.press("2")
    assert isinstance(pilot.app.screen, SessionScreen)


async def palette(pilot, typed: str) -> None:
    """Run a command palette entry by typing its name."""
    from textual.command import CommandPalette
    from textual.widgets import OptionList

    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(pilot.app.screen, CommandPalette)
    await pilot.press(*typed)
    options = pilot.app.screen.query_one(OptionList)
    for _ in range(100):  # the palette searches in a worker: wait for its first answer
        if (
            options.option_count
            and typed.lower() in str(options.get_option_at_index(0).prompt).lower()
        ):
            break
        await pilot.pause(0.02)
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize("key", ["h", "g", "e", "y", "t", "q", "ctrl+c", "ctrl+q", "escape"])
async def test_every_key_out_of_a_half_filled_session_asks_and_stay_keeps_it(store, key) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await half_filled_session(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, LeaveScreen)
        assert shown(app, "#leave-question") == QUESTION
        assert shown(app, "#leave-what") == "Not saved yet: this session form."
        await pilot.press("escape")  # stay
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.query_one("#sev-0").severity == 2
        assert store.sessions_between() == []


@pytest.mark.parametrize("entry", ["History", "Symptoms", "Export", "Today", "Quit"])
async def test_palette_commands_out_of_a_half_filled_session_ask(store, entry) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await half_filled_session(pilot)
        await palette(pilot, entry)
        assert app.is_running
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.query_one("#sev-0").severity == 2


async def test_save_from_the_question_saves_then_switches(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await half_filled_session(pilot)
        await leave_for_history(pilot, "s")
        [session] = store.sessions_between()
        assert [(r.symptom, int(r.severity)) for r in session.side_effects] == [("dizziness", 2)]


async def test_discard_switches_and_t_then_shows_today_not_the_form(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await half_filled_session(pilot)
        await leave_for_history(pilot, "d")
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert not any(isinstance(s, SessionScreen) for s in app.screen_stack)
        assert store.sessions_between() == []


async def test_quitting_asks_and_discard_quits_with_nothing_saved(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await half_filled_session(pilot)
        await pilot.press("q")
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("d")
        await pilot.pause()
        assert not app.is_running
    assert store.sessions_between() == []


async def test_an_untouched_session_form_switches_without_asking(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        app.screen.query_one("#sev-0").focus()
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)


async def test_letters_typed_into_a_text_field_are_text_not_screen_keys(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        app.screen.query_one("#clinic").focus()
        await pilot.press(*"the ghyet quay")
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.query_one("#clinic").value == "the ghyet quay"


async def test_q_in_a_half_answered_checkin_asks_and_cannot_save_it_half(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "1", "1", "2")
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press("q")
        assert isinstance(app.screen, LeaveScreen)
        assert shown(app, "#leave-why-not") == ("Save needs every question answered (2 of 9).")
        await pilot.press("s")  # not offered: nothing happens
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, CheckinScreen)
        assert app.screen.answers[:3] == [1, 2, None]
        await leave_discarding(pilot)  # back to Today asks too
    assert store.checkins_between(None, None) == []


async def test_today_typed_note_is_kept_by_q_and_saved_from_the_question(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "tab", "tab", "tab", *"slept badly")
        assert app.focused.id == "note"
        await pilot.press("escape")  # leaves the note: letters are keys again
        assert app.focused is None
        await pilot.press("q")
        assert isinstance(app.screen, LeaveScreen)
        assert shown(app, "#leave-what") == (
            "Not saved yet: this day's mood, anxiety, sleep or note."
        )
        await pilot.press("escape")
        assert app.screen.query_one("#note").value == "slept badly"
        assert store.mood_for(TODAY) is None
        await leave_for_history(pilot, "s")
    assert store.mood_for(TODAY) == MoodEntry(TODAY, 6, None, None, "slept badly")


async def test_today_keeps_typed_work_across_a_session_form(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "tab", "tab", *"kept", "escape")
        await pilot.press("n", "escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.query_one("#note").value == "kept"


async def test_tabbing_into_a_saved_note_puts_the_cursor_at_its_end(store) -> None:
    store.save_mood(MoodEntry(TODAY, 6, note="a long saved note of the day"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "tab", "tab")
        note = app.focused
        assert note.id == "note"
        assert note.selected_text == ""
        assert note.cursor_position == len("a long saved note of the day")
        await pilot.press("!", "enter")
    assert store.mood_for(TODAY).note == "a long saved note of the day!"


async def test_a_past_day_asks_on_escape_and_discard_keeps_what_was_saved(store) -> None:
    day = dt.date(2026, 11, 18)
    store.save_mood(MoodEntry(day, 5, 3, 7.0, "before"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_day_from_history(pilot, day)
        await pilot.press("tab", "tab", "tab", *" and after", "escape", "escape")
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("escape")
        assert app.screen.query_one("#note").value == "before and after"
        await pilot.press("q")
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("d")
        await pilot.pause()
        assert not app.is_running
    assert store.mood_for(day) == MoodEntry(day, 5, 3, 7.0, "before")


async def test_escape_leaves_the_new_symptom_field_then_asks(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("y", "a", *"Head", "escape")
        assert isinstance(app.screen, SymptomsScreen)
        assert app.focused is None
        await pilot.press("h")
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("escape")
        assert app.screen.query_one("#new-symptom").value == "Head"
        await pilot.press("escape", "s")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    assert "head" in [s.key for s in store.symptoms()]


@pytest.mark.parametrize(
    ("keys", "field"),
    [
        (("h", "f", "2"), "#since"),
        (("e",), "#folder"),
        (("e", "i"), "#import-file"),
        (("g",), None),
    ],
    ids=["history-filter", "export-folder", "import-file", "trends"],
)
async def test_escape_leaves_a_field_then_goes_back_on_every_screen(store, keys, field) -> None:
    """On History, Export and Trends escape did nothing: in a field it kept the focus, where
    every screen key is typed, so the only way out was Tab."""
    from textual.widgets import Input

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await settle(pilot)
        if field is not None:
            app.screen.query_one(field, Input).focus()
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.focused, Input)
            assert not isinstance(app.screen, TodayScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
