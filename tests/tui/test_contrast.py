"""Every text the screens draw reaches WCAG AA (4.5:1) on its background, in both themes;
the theme chosen is remembered between runs."""

from __future__ import annotations

import pytest

from diary.tui.themes import DARK, LIGHT
from tests.tui.conftest import make_app, settle
from tests.tui.contrast import AA, low_contrast, text_pairs

SCREENS = {
    "today": (),
    "session": ("n",),
    "history": ("h",),
    "trends": ("g",),
    "export": ("e",),
    "symptoms": ("y",),
    "checkin": ("c",),
    "help": ("question_mark",),
}


@pytest.mark.parametrize("theme", [DARK, LIGHT])
@pytest.mark.parametrize("name", list(SCREENS))
async def test_every_text_reads_at_aa(demo_store, theme, name) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await pilot.press(*SCREENS[name])
        await settle(pilot)
        screen = app.screen
        assert low_contrast(screen, "*") == []
        # the check saw the title, the footer's keys and words, and body text
        title = screen.query(".screen-title").first()
        assert text_pairs(title) and min(v for _, v in text_pairs(title)) >= AA
        if name != "help":
            parts = {part for key in screen.query("FooterKey") for part, _ in text_pairs(key)}
            assert {"footer-key--key", "footer-key--description"} <= parts


def test_the_check_catches_textual_light_titles() -> None:
    """The check itself: Textual's own light theme draws titles orange on grey (1.49:1)."""
    from textual.color import Color
    from textual.theme import BUILTIN_THEMES

    from tests.tui.contrast import ratio

    variables = BUILTIN_THEMES["textual-light"].to_color_system().generate()
    accent, background = Color.parse(variables["accent"]), Color.parse(variables["background"])
    assert ratio(accent.rgb, background.rgb) < 1.6


async def test_the_theme_is_remembered_between_runs(store) -> None:
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == DARK
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.theme == LIGHT
    again = make_app(store)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == LIGHT
        await pilot.press("ctrl+t")
        await pilot.pause()
    assert store.settings().extra["theme"] == DARK


@pytest.mark.parametrize("theme", [DARK, LIGHT])
async def test_a_remembered_theme_looks_as_the_same_theme_chosen_in_the_app(
    demo_store, theme
) -> None:
    """The app starts in the remembered theme without Textual's theme watcher (tui/start.py,
    start_in_theme): the screen is the same as when the theme is chosen in the running app."""
    from diary.actions.theme import remember_theme

    other = LIGHT if theme == DARK else DARK
    remember_theme(demo_store, other)
    chosen = make_app(demo_store)
    async with chosen.run_test(size=(80, 24)) as pilot:
        chosen.theme = theme
        await settle(pilot)
        want = (chosen.export_screenshot(), chosen.classes, chosen.stylesheet._variables)
    remember_theme(demo_store, theme)
    started = make_app(demo_store)
    async with started.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert (
            started.export_screenshot(),
            started.classes,
            started.stylesheet._variables,
        ) == want


@pytest.mark.parametrize("theme", [DARK, LIGHT])
async def test_histories_side_effect_words_read_at_aa(store, theme) -> None:
    """The worst side effect's colour in History (a cell's own colour, which the widget
    check above does not see): "moderate" was Rich's dark_orange, 1.5:1 on the light grey."""
    import datetime as dt

    from rich.style import Style
    from textual.widgets import DataTable

    from diary.domain import MoodEntry, Route, Session, Severity, SideEffectRating
    from tests.tui.contrast import _rgb, ratio

    for day, severity in ((18, Severity.MODERATE), (19, Severity.SEVERE)):
        when = dt.datetime(2026, 11, day, 10, tzinfo=dt.UTC)
        store.save_mood(MoodEntry(when.date(), 5))
        store.add_session(
            Session(when, Route.IV, side_effects=(SideEffectRating("nausea", severity),))
        )
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        app.theme = theme  # switched while History shows: its rows take the new colours
        await settle(pilot)
        table = app.screen.query_one("#history", DataTable)
        found = {}
        for row in (1, 3):  # the session rows: the cursor is on the first day's
            cell = table.get_cell_at((row, 3))
            text = cell.text if hasattr(cell, "text") else cell
            colour = Style.combine(span.style for span in text.spans) if text.spans else text.style
            colour = Style.parse(colour) if isinstance(colour, str) else colour
            for stripe in ("datatable--even-row", "datatable--odd-row"):
                background = table.get_component_rich_style(stripe).bgcolor or (
                    table.rich_style.bgcolor
                )
                found[(text.plain.split(" ")[0], stripe)] = ratio(
                    _rgb(colour.color), _rgb(background)
                )
        assert set(key for key, _ in found) == {"moderate", "severe"}
        assert min(found.values()) >= AA, found


DRAWN = {**{name: SCREENS[name] for name in ("today", "session", "history", "export")}}
DRAWN |= {"import": ("e", "i"), "symptoms": ("y",)}


@pytest.mark.parametrize("theme", [DARK, LIGHT])
@pytest.mark.parametrize("name", list(DRAWN))
async def test_every_text_drawn_reads_at_aa(demo_store, theme, name) -> None:
    """What the screen draws, from its screenshot: the quieter half of a title ("Enter
    opens · d deletes") was dim, 2.8:1 on the light theme; the header's file 4.4:1; the mood
    strip's dates 3.2:1 on the dark one."""
    from tests.tui.contrast import drawn_low_contrast

    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        await pilot.press(*DRAWN[name])
        await settle(pilot)
        assert drawn_low_contrast(app.export_screenshot()) == []
