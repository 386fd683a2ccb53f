"""The app asks what the command line refuses: a second check-in of a kind on a day, a
session close to another (replace it / keep both / cancel); and a failed PHQ-9 save still
shows the crisis resources."""

from __future__ import annotations

import datetime as dt

import pytest

from diary.domain import CheckIn, CheckinKind, DiaryError, Route, Session
from diary.domain.crisis import NOT_SAVED_INTRO
from diary.store import Store
from diary.tui.screens.already_saved import AlreadySavedScreen
from diary.tui.screens.checkin import CheckinScreen
from diary.tui.screens.crisis import CrisisScreen
from diary.tui.screens.session import SessionScreen
from tests.tui.conftest import DEMO_END as TODAY
from tests.tui.conftest import make_app, shown

SIZE = (80, 24)


@pytest.mark.parametrize(("key", "kept"), [("r", [(2,) * 7]), ("b", [(1,) * 7, (2,) * 7])])
async def test_a_second_check_in_on_a_day_asks_replace_or_keep_both(store, key, kept) -> None:
    store.save_checkin(CheckIn(CheckinKind.GAD7, TODAY, (1,) * 7))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "2", *"2222222", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AlreadySavedScreen)
        assert shown(app, "#already-question") == (
            "A GAD-7 is already saved for 2026-11-20 (total 7)."
        )
        await pilot.press("escape")  # cancel: nothing saved, the answers stay
        assert isinstance(app.screen, CheckinScreen)
        assert [c.answers for c in store.checkins_between()] == [(1,) * 7]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen)
        assert app.screen.saved
    assert [c.answers for c in store.checkins_between()] == kept


async def test_a_session_close_to_another_asks_before_a_second_is_saved(store) -> None:
    store.add_session(Session(dt.datetime(2026, 11, 20, 11, 50, tzinfo=dt.UTC), Route.IV))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert app.screen.query_one("#at").value == "2026-11-20 12:00"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AlreadySavedScreen)
        assert shown(app, "#already-question") == (
            "Session #1 is saved at 2026-11-20 11:50, 10 min from this one."
        )
        await pilot.press("escape")
        assert isinstance(app.screen, SessionScreen)
        assert len(store.sessions_between()) == 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("b")  # keep both
        await pilot.pause()
        assert not isinstance(app.screen, SessionScreen | AlreadySavedScreen)
    assert len(store.sessions_between()) == 2


async def test_a_failed_phq9_save_still_shows_the_support_panel(
    store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(self, checkin, replacing=None):
        raise DiaryError(f"cannot write to {self.path}: database is locked; nothing was saved")

    monkeypatch.setattr(Store, "save_checkin", fails)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "1", *"00000000", "3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        lines = [str(w.render()) for w in app.screen.query(".crisis-line")]
        assert lines[0] == NOT_SAVED_INTRO
        await pilot.press("escape")
        assert isinstance(app.screen, CheckinScreen)
        assert not app.screen.saved
    monkeypatch.undo()
    assert store.checkins_between() == []


async def test_a_second_phq9_with_item_9_says_not_saved_yet_then_asks(store) -> None:
    """The panel came first saying "Your answers were not saved", while the question to
    replace or keep both came right after it."""
    from diary.domain.crisis import INTRO, NOT_SAVED_YET_INTRO

    store.save_checkin(CheckIn(CheckinKind.PHQ9, TODAY, (1,) * 9))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "1", *"00000000", "2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        lines = [str(w.render()) for w in app.screen.query(".crisis-line")]
        assert lines[0] == NOT_SAVED_YET_INTRO
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AlreadySavedScreen)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, CrisisScreen)
        lines = [str(w.render()) for w in app.screen.query(".crisis-line")]
        assert lines[0] == INTRO
    assert [c.answers for c in store.checkins_between()] == [(0,) * 8 + (2,)]
