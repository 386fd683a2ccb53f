"""Today: log the day's mood by keys, reach 10, see and replace what is saved, bad input."""

from __future__ import annotations

import datetime as dt
import re

from diary.domain import MoodEntry, Route, Session
from diary.tui.screens.today import TodayScreen
from diary.tui.widgets import score_picker
from diary.tui.widgets.mood_strip import MoodStrip
from diary.tui.widgets.score_picker import ScorePicker
from tests.tui.conftest import make_app, shown

TODAY = dt.date(2026, 11, 20)
SIZE = (80, 24)


def saved_mood(app) -> str | None:
    """The saved mood the #saved-state line names ("7/10"), None when it names none."""
    match = re.search(r"\bmood (\d+/10)", shown(app, "#saved-state"))
    return match[1] if match else None


async def test_opens_on_today_not_logged_with_the_picker_focused(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, TodayScreen)
        assert shown(app, "#day-title") == "Today · Friday 20 November 2026"
        assert isinstance(app.focused, ScorePicker)
        assert app.focused.id == "mood"
        assert shown(app, "#saved-state") == "Not logged yet for this day."
        assert app.screen.query_one("#saved-state").has_class("not-logged")
        await pilot.pause()  # the session line comes right after the first frame
        assert shown(app, "#last-session") == ("No session recorded yet. Press n to record one.")


async def test_a_digit_and_enter_save_the_mood(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "enter")
        assert store.mood_for(TODAY) == MoodEntry(TODAY, 7)
        assert shown(app, "#status") == "Mood 7/10 saved for 20 Nov."
        assert saved_mood(app) == "7/10"
        assert not app.screen.query_one("#saved-state").has_class("not-logged")


async def test_one_then_zero_picks_ten(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "0")
        assert app.screen.query_one("#mood", ScorePicker).value == 10
        await pilot.press("enter")
        assert store.mood_for(TODAY) == MoodEntry(TODAY, 10)


async def test_one_then_zero_a_second_apart_is_zero(store, monkeypatch) -> None:
    """The window that makes "1", "0" a 10 is one second, on the picker's own clock."""
    monkeypatch.setattr(score_picker, "TEN_WINDOW_S", 1.0)
    now = [100.0]
    monkeypatch.setattr(score_picker, "monotonic", lambda: now[0])
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        picker = app.screen.query_one("#mood", ScorePicker)
        await pilot.press("1")
        now[0] += 0.9
        await pilot.press("0")
        assert picker.value == 10
        await pilot.press("1")
        now[0] += 1.0
        await pilot.press("0")
        assert picker.value == 0


async def test_zero_alone_and_arrows_and_end(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        picker = app.screen.query_one("#mood", ScorePicker)
        await pilot.press("0")
        assert picker.value == 0
        await pilot.press("right", "right", "right")
        assert picker.value == 3
        await pilot.press("left")
        assert picker.value == 2
        await pilot.press("end")
        assert picker.value == 10
        await pilot.press("right")
        assert picker.value == 10
        await pilot.press("home", "left")
        assert picker.value == 0
        assert str(picker.render()).endswith("  0/10")


async def test_enter_without_a_pick_saves_nothing_and_says_why(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        assert store.mood_for(TODAY) is None
        assert shown(app, "#form-errors") == "mood: pick a whole number 0-10 (digits or ←/→)"
        assert app.screen.query_one("#mood").has_class("-invalid")
        assert shown(app, "#status") == "Not saved: fix the fields marked above."


async def test_the_saved_value_is_shown_first_then_replaced(store) -> None:
    store.save_mood(MoodEntry(TODAY, 4, anxiety=6, sleep_hours=6.5, note="grey day"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        picker = screen.query_one("#mood", ScorePicker)
        assert saved_mood(app) == "4/10"
        assert (picker.saved, picker.value) == (4, 4)
        assert screen.query_one("#anxiety").value == 6
        assert screen.query_one("#sleep").value == "6.5"
        assert screen.query_one("#note").value == "grey day"
        await pilot.press("8")
        assert str(picker.render()).startswith(" 0  1  2  3 (4) 5  6  7 [8] 9  10")
        await pilot.press("enter")
        assert store.mood_for(TODAY) == MoodEntry(TODAY, 8, 6, 6.5, "grey day")
        assert shown(app, "#status") == "Mood 8/10 saved for 20 Nov (replaced 4)."
        assert saved_mood(app) == "8/10"
        assert picker.saved == 8


async def test_anxiety_sleep_and_note_by_tab(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("6", "tab", "3", "tab", "7", ".", "5", "tab")
        await pilot.press(*"slept ok", "enter")
        assert store.mood_for(TODAY) == MoodEntry(TODAY, 6, 3, 7.5, "slept ok")


async def test_bad_sleep_is_shown_inline_with_the_cli_message_and_nothing_saved(
    store, cli
) -> None:
    cli_result = cli("mood", "7", "--sleep", "25")
    assert cli_result.code == 2
    message = cli_result.err.strip().removeprefix("diary: ")
    assert message == "--sleep: '25' is not accepted; expected a number 0-24"
    message = message.removeprefix("--")  # the same reason; the app never names a flag
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "tab", "tab", "2", "5", "enter")
        assert store.mood_for(TODAY) is None
        assert shown(app, "#form-errors") == message
        assert app.screen.query_one("#form-errors").display
        assert app.screen.query_one("#sleep").has_class("-invalid")
        assert not app.screen.query_one("#anxiety").has_class("-invalid")
        assert shown(app, "#status") == "Not saved: fix the fields marked above."
        # Fixing it clears the message and saves.
        await pilot.press("backspace", "backspace", "8", "enter")
        assert store.mood_for(TODAY) == MoodEntry(TODAY, 7, None, 8.0, "")
        assert not app.screen.query_one("#form-errors").display
        assert not app.screen.query_one("#sleep").has_class("-invalid")


async def test_anxiety_is_picked_like_mood_and_stays_within_0_10(store) -> None:
    # The CLI refuses --anxiety 11; the app's picker cannot reach it: "1" "1" is 1, then 1.
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "tab", "1", "1")
        assert app.screen.query_one("#anxiety").value == 1
        await pilot.press("1", "0", "right", "enter")
        assert store.mood_for(TODAY) == MoodEntry(TODAY, 7, 10, None, "")
        await pilot.press("backspace", "enter")  # cleared: anxiety is optional
        assert store.mood_for(TODAY) == MoodEntry(TODAY, 7, None, None, "")


async def test_last_session_without_a_dose_has_no_double_space(store) -> None:
    store.add_session(Session(dt.datetime(2026, 11, 19, 10, tzinfo=dt.UTC), Route.IV))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert shown(app, "#last-session") == (
            "Last session: yesterday · #1 IV infusion · 19 Nov 2026"
        )


async def test_last_session_and_the_thirty_day_strip(store) -> None:
    started = dt.datetime(2026, 11, 17, 9, 30, tzinfo=dt.UTC)
    store.add_session(Session(started, Route.IV, dose_mg=35))
    store.save_mood(MoodEntry(TODAY - dt.timedelta(days=1), 0))
    store.save_mood(MoodEntry(TODAY - dt.timedelta(days=29), 5))
    store.save_mood(MoodEntry(TODAY - dt.timedelta(days=30), 9))  # outside the 30 days
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        strip = str(app.screen.query_one(MoodStrip).render())
        assert strip == (
            "▅" + "·" * 27 + "▁·  2 of 30 days logged, mean 2.5\n22 Oct" + " " * 18 + "20 Nov"
        )
        await pilot.pause()  # the session line comes right after the first frame
        assert shown(app, "#last-session") == (
            "Last session: 3 days ago · #1 IV infusion 35 mg · 17 Nov 2026"
        )
        await pilot.press("1", "0", "enter")
        strip = str(app.screen.query_one(MoodStrip).render())
        assert strip.startswith("▅" + "·" * 27 + "▁█  3 of 30 days logged, mean 5.0\n")
