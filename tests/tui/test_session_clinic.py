"""Session form: what the clinic recorded (lot, observation, what it noted, home with) and
nasal devices, typed by keyboard, saved, loaded again when editing and kept."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from diary.domain import Told
from diary.domain.model import CLINIC_NOTED
from diary.tui.screens.leave import LeaveScreen
from diary.tui.screens.session import SessionScreen
from diary.tui.screens.today import TodayScreen
from tests.records import clinic_session
from tests.tui.conftest import make_app, open_for_editing, shown, value

SIZE = (80, 24)
NOON = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
RECORDED = clinic_session(dt.datetime(2026, 11, 13, 10, 15, tzinfo=dt.UTC), clinic="Northside")


async def test_the_clinic_record_and_devices_typed_by_keyboard_are_saved(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        screen = app.screen
        assert not screen.query_one("#devices-row").display  # IV: no nasal devices
        await pilot.press("tab", "enter", "down", "down", "enter")  # route: IV -> nasal spray
        assert screen.query_one("#devices-row").display
        await pilot.press("tab", "tab", "tab", "tab")
        assert app.focused.id == "devices"
        await pilot.press("2")
        # the dose follows from the devices, by the domain's rule, and the form says so
        assert value(app, "#dose_mg") == "56"
        assert shown(app, "#dose-hint") == "Dose mg worked out: 2 nasal device(s) × 28 mg = 56 mg."
        section = screen.query_one("#clinic-record")
        assert section.collapsed
        section.query_one("CollapsibleTitle").focus()
        await pilot.press("enter")  # opens it
        await pilot.pause()
        assert not section.collapsed
        await pilot.press("tab", *"EK-42", "tab", *"partner", "tab", *"120", "tab", *"95")
        await pilot.press("tab", "enter", "down", "enter")  # sedation: not told -> yes
        await pilot.press("tab", "enter", "down", "down", "enter")  # dissociation: no
        assert app.focused.id == "noted-dissociation"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    (saved,) = store.sessions_between()
    assert replace(saved, id=None) == clinic_session(NOON)


async def test_editing_loads_the_clinic_record_counts_its_changes_and_keeps_it(store) -> None:
    saved = store.add_session(RECORDED)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_for_editing(pilot, saved.id)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert not screen.query_one("#clinic-record").collapsed  # it holds something: open
        assert [value(app, f"#{f}") for f in ("lot", "home_with")] == ["EK-42", "partner"]
        assert [value(app, f"#{f}") for f in ("observed_min", "ready_after_min")] == ["120", "95"]
        assert [value(app, f"#noted-{w}") for w in CLINIC_NOTED] == [
            "yes",
            "no",
            "not told",
        ]
        assert (value(app, "#devices"), value(app, "#dose_mg")) == ("2", "56")
        assert not screen.has_unsaved_changes()
        screen.query_one("#noted-breathing").focus()
        await pilot.press("enter", "down", "enter")  # breathing: not told -> yes
        assert screen.has_unsaved_changes()  # a choice alone is a change to keep or drop
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("escape")  # back to the form, as it was
        await pilot.pause()
        assert app.screen is screen
        screen.query_one("#home_with").focus()
        await pilot.press("ctrl+u", *"a friend", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert store.session(saved.id) == replace(
        saved, home_with="a friend", noted_breathing=Told.YES
    )


async def test_saving_an_edit_unchanged_keeps_every_clinic_field(store) -> None:
    saved = store.add_session(RECORDED)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await open_for_editing(pilot, saved.id)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert store.session(saved.id) == saved


async def test_a_new_session_takes_the_last_ones_devices_with_its_dose_and_nothing_else(
    store,
) -> None:
    store.add_session(RECORDED)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert (value(app, "#devices"), value(app, "#dose_mg")) == ("2", "56")
        assert app.screen.query_one("#clinic-record").collapsed
        assert [value(app, f"#{f}") for f in ("lot", "home_with", "observed_min")] == [""] * 3
        await pilot.press("ctrl+s")
        await pilot.pause()
    new = store.sessions_between()[-1]
    assert (new.devices, new.dose_mg, new.lot, new.noted_sedation) == (
        2,
        56,
        "",
        Told.NOT_TOLD,
    )


async def test_a_typed_dose_the_devices_contradict_is_refused_with_the_cli_reason(
    store, cli
) -> None:
    refused = cli("session", "add", "--route", "intranasal", "--devices", "3", "--dose-mg", "56")
    assert refused.code == 2
    reason = refused.err.strip().removeprefix("diary: ")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        app.screen.query_one("#route").value = "intranasal"
        app.screen.query_one("#devices").focus()
        await pilot.press("3")
        assert value(app, "#dose_mg") == "84"
        app.screen.query_one("#dose_mg").focus()
        await pilot.press("ctrl+u", *"56", "ctrl+s")  # typed after the devices: kept, refused
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert store.sessions_between() == []
        assert shown(app, "#error-dose_mg") == reason.replace("dose in mg (--dose-mg)", "Dose mg")
        assert not app.screen.query_one("#error-form").display


async def test_a_bad_minute_in_the_closed_section_opens_it_with_the_cli_reason(store, cli) -> None:
    refused = cli("session", "add", "--route", "iv", "--observed-min", "abc")
    reason = refused.err.strip().removeprefix("diary: ")
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        screen = app.screen
        screen.query_one("#observed_min").value = "abc"
        assert screen.query_one("#clinic-record").collapsed
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.sessions_between() == []
        assert not screen.query_one("#clinic-record").collapsed
        assert screen.query_one("#error-observed_min").display
        assert shown(app, "#error-observed_min") == reason.replace(
            "observed minutes (--observed-min)", "Observed min"
        )
        assert screen.query_one("#observed_min").has_class("-invalid")


async def test_devices_kept_under_another_route_stay_shown_and_are_refused_beside_the_dose(
    store, cli
) -> None:
    refused = cli("session", "add", "--route", "iv", "--devices", "2")
    reason = refused.err.strip().removeprefix("diary: ")
    store.add_session(RECORDED)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        screen = app.screen
        screen.query_one("#route").value = "iv"
        await pilot.pause()
        assert screen.query_one("#devices-row").display  # it holds 2: not hidden away
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.sessions_between() == [store.session(1)]  # nothing new
        assert shown(app, "#error-devices") == reason.replace(
            "nasal devices (--devices)", "Nasal devices"
        )
        assert screen.query_one("#devices").has_class("-invalid")
        screen.query_one("#devices").focus()
        await pilot.press("backspace", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
    assert store.sessions_between()[-1].devices is None
