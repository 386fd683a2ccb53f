"""Every screen's footer fits 80 columns: its own keys first, then the app's while they fit;
Help (`?`) and the palette are always there, and the Help screen names the rest."""

from __future__ import annotations

import pytest
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from diary.tui.screens.help import HelpScreen
from tests.tui.conftest import make_app, settle, shown

# The keys that reach each screen from Today, and that screen's own keys on the footer.
SCREENS = {
    "today": ((), ["^s"]),
    "session": (("n",), ["^s", "esc"]),
    "history": (("h",), ["d", "f"]),
    "trends": (("g",), ["1", "2", "3", "4", "]"]),
    "checkin": (("c",), ["←", "→", "^s", "esc"]),
    "export": (("e",), ["^s"]),
    "symptoms": (("y",), ["space", "a"]),
}


def footer_keys(app) -> list[FooterKey]:
    return list(app.screen.query_one(Footer).query(FooterKey))


def overflow(app) -> list[str]:
    """Keys cut by the right edge or hidden under the palette key."""
    footer = app.screen.query_one(Footer)
    keys = footer_keys(app)
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
    pressed, own = SCREENS[name]
    app = make_app(demo_store)
    async with app.run_test(size=size) as pilot:
        await pilot.press(*pressed)
        await settle(pilot)
        for _ in range(20):  # the footer is composed a refresh after the bindings settle
            if footer_keys(app):
                break
            await pilot.pause()
        assert overflow(app) == []
        shown_keys = [k.key_display for k in footer_keys(app)]
        assert shown_keys[: len(own)] == own
        assert "?" in shown_keys
        assert "^p" in shown_keys


async def test_a_wide_footer_shows_check_in_export_and_symptoms(demo_store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        words = [k.description for k in footer_keys(app)]
        assert {"Check-in", "Export", "Symptoms"} <= set(words)


async def test_keys_left_off_a_narrow_footer_are_named_in_help(demo_store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await settle(pilot)
        on_footer = {k.description for k in footer_keys(app)}
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
        help_key = next(k for k in footer_keys(app) if k.key_display == "?")
        await pilot.click(help_key)
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
