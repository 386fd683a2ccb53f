"""Every screen's footer fits 80 columns: its own keys first, then the app's while they fit;
Help (`?`) and the palette are always there, and the Help screen names the rest."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.geometry import Region
from textual.screen import Screen
from textual.widgets import Footer

from diary.domain import Route, Session, Severity, SideEffectRating
from diary.tui.screens.checkin import CheckinScreen
from diary.tui.screens.day import DayScreen
from diary.tui.screens.export import ExportScreen
from diary.tui.screens.help import HelpScreen
from diary.tui.screens.history import HistoryScreen
from diary.tui.screens.medicines import MedicinesScreen
from diary.tui.screens.morning import MorningAfterScreen
from diary.tui.screens.session import SessionScreen
from diary.tui.screens.settings import SettingsScreen
from diary.tui.screens.symptoms import SymptomsScreen
from diary.tui.screens.today import TodayScreen
from diary.tui.screens.trends import TrendsScreen
from diary.tui.widgets.footer import FooterKey
from tests.tui.conftest import DEMO_END, make_app, settle, shown

# How each screen and dialog is reached from Today, what it is, and its own keys: first on
# the footer (under a dialog the footer is the one of the screen below).
SCREENS = {
    "today": ((), TodayScreen, ["^s"]),
    "session": (("n",), SessionScreen, ["^s", "esc"]),
    "history": (("h",), HistoryScreen, ["d", "f"]),
    "trends": (("g",), TrendsScreen, ["1", "2", "3", "4", "]"]),
    "checkin": (("c",), CheckinScreen, ["←", "→", "^s", "esc"]),
    "export": (("e",), ExportScreen, ["^s"]),
    "symptoms": (("y",), SymptomsScreen, ["space", "a", "esc"]),
    "settings": (("s",), SettingsScreen, ["^s", "esc"]),
    "medicines": (("m",), MedicinesScreen, ["^s", "esc"]),
    "help": (("question_mark",), HelpScreen, ["^s"]),
    "morning-after": (("a",), MorningAfterScreen, ["^s", "esc"]),
    "day": (("h", "enter"), DayScreen, ["^s", "^d", "esc"]),
}


def _yesterdays_session(store) -> None:
    """A session the day before, with a side effect: Today asks about the morning after."""
    started = dt.datetime.combine(DEMO_END - dt.timedelta(days=1), dt.time(10), tzinfo=dt.UTC)
    side_effects = (SideEffectRating("dizziness", Severity.MILD),)
    store.add_session(Session(started, Route.INTRANASAL, dose_mg=56, side_effects=side_effects))


def footer_screen(app) -> Screen:
    """The screen whose footer shows: under a dialog, the screen below it."""
    return next(screen for screen in reversed(app.screen_stack) if screen.query(Footer))


def drawn_footer(screen: Screen) -> str:
    """The footer row as the terminal shows it: each cell read from the widget drawn on top
    there (a key can sit partly under the palette key or past the edge)."""
    footer = screen.query_one(Footer)
    y = footer.region.y
    cells = []
    for x in range(footer.region.x, footer.region.right):
        widget, region = screen.get_widget_at(x, y)
        (strip,) = widget.render_lines(Region(0, y - region.y, region.width, 1))
        cells.append(strip.text[x - region.x])
    return "".join(cells)


def whole_words(screen: Screen) -> set[str]:
    """Every word the footer may show: the keys and descriptions of the screen's bindings,
    and each group's keys drawn side by side ("1234 Window")."""
    bindings = [active.binding for active in screen.active_bindings.values()]
    words = {word for b in bindings for word in b.description.split()}
    words |= {screen.app.get_key_display(b) for b in bindings}
    for group in {b.group for b in bindings if b.group is not None}:
        words |= set(group.description.split())
        words.add("".join(screen.app.get_key_display(b) for b in bindings if b.group is group))
    return words


def footer_keys(screen: Screen) -> list[FooterKey]:
    return list(screen.query_one(Footer).query(FooterKey))


def overflow(screen: Screen) -> list[str]:
    """Keys cut by the right edge or hidden under the palette key."""
    footer = screen.query_one(Footer)
    keys = footer_keys(screen)
    palette = [k for k in keys if k.has_class("-command-palette")]
    limit = palette[0].region.x if palette else footer.region.right
    return [
        f"{k.key_display} {k.description}"
        for k in keys
        if not k.has_class("-command-palette") and k.region.right > limit
    ]


@pytest.mark.parametrize("name", list(SCREENS))
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_the_footer_fits_and_shows_the_screen_keys_first(demo_store, name, size) -> None:
    pressed, kind, own = SCREENS[name]
    if name == "morning-after":
        _yesterdays_session(demo_store)
    app = make_app(demo_store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press(*pressed)
        await settle(pilot)
        assert isinstance(app.screen, kind)
        for _ in range(20):  # the footer is composed a refresh after the bindings settle
            if footer_keys(footer_screen(app)):
                break
            await pilot.pause()
        screen = footer_screen(app)
        line = drawn_footer(screen)
        shown_words = line.replace("▏", " ").split()  # ▏: the palette key's left border
        assert [word for word in shown_words if word not in whole_words(screen)] == [], line
        assert overflow(screen) == []  # fits: no key past the edge or under the palette
        shown_keys = [k.key_display for k in footer_keys(screen)]
        assert shown_keys[: len(own)] == own
        assert "? Help" in line
        assert "^p palette" in line


async def test_a_wide_footer_shows_check_in_export_and_symptoms(demo_store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        words = [k.description for k in footer_keys(app.screen)]
        assert {"Check-in", "Export", "Symptoms"} <= set(words)


async def test_keys_left_off_a_narrow_footer_are_named_in_help(demo_store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await settle(pilot)
        on_footer = {k.description for k in footer_keys(app.screen)}
        left_off = {b.description for b in app.BINDINGS if b.show} - on_footer
        assert left_off  # at 80 columns some app keys do not fit on Trends
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = shown(app, "#help-text")
        assert all(description in text for description in left_off)


async def test_a_click_on_a_footer_key_presses_it(demo_store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        help_key = next(k for k in footer_keys(app.screen) if k.key_display == "?")
        await pilot.click(help_key)
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
