"""The Check-in screen: choose a scale, answer by keys, total and band, one save; the support
panel after a PHQ-9 item 9 above 0 and never otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from diary.domain import CheckinKind, Settings
from diary.domain.crisis import CHECKED
from diary.tui.screens.checkin import CheckinScreen
from diary.tui.screens.crisis import CrisisScreen
from diary.tui.screens.leave import LeaveScreen
from tests.tui.conftest import DEMO_END as TODAY_DATE
from tests.tui.conftest import make_app, settle, shown

SIZE = (80, 24)


async def test_phq9_answered_by_keys_is_saved_item_by_item(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, CheckinScreen)
        await pilot.press("1")  # PHQ-9
        assert shown(app, "#checkin-progress").startswith("Question 1 of 9")
        await pilot.press(*"210321")  # items 1-6
        await pilot.press("left")  # back to item 6 to change it
        assert shown(app, "#checkin-progress").startswith("Question 6 of 9")
        await pilot.press("0", *"120")  # item 6 = 0, then items 7-9
        assert shown(app, "#checkin-item") == "Total 11 of 27: moderate"
        assert store.checkins_between() == []  # nothing until saved
        await pilot.press("enter")
        await pilot.pause()
        saved = store.checkins_between()
        assert [(c.kind, c.day, c.answers) for c in saved] == [
            (CheckinKind.PHQ9, TODAY_DATE, (2, 1, 0, 3, 2, 0, 1, 2, 0))
        ]
        assert not isinstance(app.screen, CrisisScreen)  # item 9 was 0
        await pilot.press("enter")  # saving twice is not possible
        assert len(store.checkins_between()) == 1


async def test_item_9_above_0_shows_the_support_panel_after_saving(store) -> None:
    store.save_settings(Settings(country="GB"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "1", *"00000000", "1", "enter")
        await pilot.pause()
        assert [c.answers[8] for c in store.checkins_between()] == [1]  # saved first
        assert isinstance(app.screen, CrisisScreen)
        lines = [str(w.render()) for w in app.screen.query(".crisis-line")]
        assert "Samaritans (UK and Ireland): call 116 123, free, any time." in lines
        assert "If you are in danger now, call your local emergency number." in lines
        assert f"Numbers checked on {CHECKED.isoformat()}." in lines
        await pilot.press("escape")  # it never blocks
        assert isinstance(app.screen, CheckinScreen)


async def test_gad7_never_shows_the_panel(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "2", *"3333333", "enter")
        await pilot.pause()
        assert [(c.kind, c.total) for c in store.checkins_between()] == [(CheckinKind.GAD7, 21)]
        assert shown(app, "#checkin-item") == "Total 21 of 21: severe"
        assert not isinstance(app.screen, CrisisScreen)


async def test_escape_leaves_without_saving(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "1", "2", "2", "escape")
        assert isinstance(app.screen, LeaveScreen)  # two answers given: asked first
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, CheckinScreen)
        assert store.checkins_between() == []


async def test_today_reminds_quietly_when_the_last_phq9_is_old(demo_store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        last = max(c.day for c in demo_store.checkins_between() if c.kind == CheckinKind.PHQ9)
        assert (TODAY_DATE - last).days < 14  # the demo's last PHQ-9 is recent: no line
        assert shown(app, "#checkin-due") == ""
    # fourteen days without one: the quiet line names how long it has been
    for checkin in demo_store.checkins_between(last - dt.timedelta(days=13), TODAY_DATE):
        demo_store.delete_checkin(checkin.id)
    earlier = max(c.day for c in demo_store.checkins_between() if c.kind == CheckinKind.PHQ9)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert shown(app, "#checkin-due") == (
            f"Last PHQ-9 check-in {(TODAY_DATE - earlier).days} days ago · press c to answer one."
        )


async def test_today_reminds_when_there_is_no_phq9(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert shown(app, "#checkin-due") == (
            "No PHQ-9 check-in yet · press c when you want to answer one."
        )


@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("choose", ("c",)),
        ("question", ("c", "1", "1", "2")),
        ("total", ("c", "1", *"121012100")),
        ("support-panel", ("c", "1", *"000000001", "enter")),
    ],
)
def test_checkin_pictures(snap_compare, store, name, keys) -> None:
    store.save_settings(Settings(country="US"))
    assert snap_compare(make_app(store), terminal_size=SIZE, press=list(keys))
