"""Settings in the app: name on reports, country for crisis resources, weight, saved as
`diary settings` saves them; typed settings are not dropped unasked."""

from __future__ import annotations

from diary.domain import Settings
from diary.store import open_store
from diary.tui.screens.leave import LeaveScreen
from diary.tui.screens.settings import SettingsScreen
from diary.tui.screens.today import TodayScreen
from tests.tui.conftest import make_app, settle, shown

SIZE = (80, 24)


async def test_settings_are_changed_in_the_app(store) -> None:
    store.save_settings(Settings(name="A. Patient"))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SettingsScreen)
        assert app.screen.query_one("#setting-name").value == "A. Patient"
        await pilot.press("tab", *"gb", "tab", *"72.5", "ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#setting-country").value == "GB"
        assert shown(app, "#settings-status") == "Saved."
    saved = store.settings()
    assert (saved.name, saved.country, saved.default_weight_kg) == ("A. Patient", "GB", 72.5)


async def test_a_bad_weight_is_shown_and_nothing_saved(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press("tab", "tab", *"5", "enter")
        await pilot.pause()
        assert shown(app, "#settings-error").startswith("default weight in kg: '5' is not")
    assert store.settings().default_weight_kg is None


async def test_typed_settings_ask_before_they_are_left(store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await settle(pilot)
        await pilot.press(*"Ann", "escape", "t")
        assert isinstance(app.screen, LeaveScreen)
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
    assert store.settings().name == ""


async def test_a_setting_left_as_shown_keeps_what_the_shell_saved_meanwhile(store) -> None:
    store.save_settings(Settings(name="A. Patient", default_weight_kg=70))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await settle(pilot)
        with open_store(store.file) as other:  # `diary settings --weight 80` meanwhile
            other.save_settings(Settings(name="A. Patient", default_weight_kg=80))
        await pilot.press("tab", *"gb", "ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#setting-weight").value == "80"
    saved = store.settings()
    assert (saved.name, saved.country, saved.default_weight_kg) == ("A. Patient", "GB", 80)
