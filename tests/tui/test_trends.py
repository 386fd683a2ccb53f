"""The Trends screen: window switching by keys, what each chart shows, and a picture of each
chart on the demo year with the clock pinned."""

from __future__ import annotations

import datetime as dt

import pytest
from textual.widgets import TabbedContent

from diary.tui.screens.trends import CHARTS, TrendsScreen
from diary.tui.widgets.charts.side_effects import SeverityGrid
from diary.tui.widgets.charts.year import YearPixels
from tests.tui.conftest import make_app, settle

SIZE = (100, 32)


async def open_trends(pilot) -> TrendsScreen:
    await pilot.press("g")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, TrendsScreen)
    assert screen.data is not None
    return screen


def title(screen: TrendsScreen) -> str:
    return str(screen.query_one("#trends-title").render())


async def test_window_keys_change_the_range_and_the_counts(demo_store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        assert screen.window == "90"
        assert title(screen).startswith("Trends · 90 days: 23 Aug 2026 – 20 Nov 2026 · ")
        await pilot.press("1")
        assert screen.window == "30"
        assert title(screen).startswith("Trends · 30 days: 22 Oct 2026 – 20 Nov 2026 · ")
        await pilot.press("3")
        assert title(screen).startswith("Trends · 365 days: 21 Nov 2025 – 20 Nov 2026 · ")
        await pilot.press("4")
        first = demo_store.first_day()
        assert title(screen).startswith(f"Trends · all: {first:%d %b %Y} – 20 Nov 2026 · ")
        # the counts come from the records of the window
        start, end = screen.window_range()
        logged = len(demo_store.moods_between(start, end))
        sessions = len(demo_store.sessions_between(start, end))
        assert f"· {logged}/{(end - start).days + 1} days logged · {sessions} sessions" in title(
            screen
        )


async def test_next_chart_walks_every_chart_and_wraps(demo_store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        tabs = screen.query_one("#charts", TabbedContent)
        seen = [tabs.active]
        for _ in CHARTS:
            await pilot.press("right_square_bracket")
            await pilot.pause()
            seen.append(tabs.active)
        assert seen == [*CHARTS, CHARTS[0]]


async def test_side_effect_grid_shows_severities_as_digits_and_burden(demo_store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        screen.query_one("#charts", TabbedContent).active = "effects"
        await pilot.press("1")  # the last 30 days
        await pilot.pause()
        text = str(screen.query_one(SeverityGrid).render())
        start, end = screen.window_range()
        sessions = demo_store.sessions_between(start, end)
        numbers = demo_store.session_numbers()
        assert text.splitlines()[0] == "All 4 sessions in this window: #48–#51"
        header = text.splitlines()[2]
        assert header.split()[2:] == [str(numbers[s.id]) for s in sessions]
        burden_line = next(line for line in text.splitlines() if line.startswith("burden"))
        assert burden_line.split()[2:] == [
            str(sum(int(r.severity) for r in s.side_effects)) for s in sessions
        ]
        assert "Key: · none" in text


async def test_year_in_pixels_has_a_row_per_month_and_a_gap_for_unlogged_days(
    demo_store,
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        screen.query_one("#charts", TabbedContent).active = "year"
        await pilot.pause()
        lines = str(screen.query_one(YearPixels).render()).splitlines()
        assert [line[:6] for line in lines[1:13]] == [
            "Dec 25", "Jan 26", "Feb 26", "Mar 26", "Apr 26", "May 26",
            "Jun 26", "Jul 26", "Aug 26", "Sep 26", "Oct 26", "Nov 26",
        ]  # fmt: skip
        cells = lines[12][7:].split(" ")  # November: one cell per day, a digit or "·"
        for day in range(1, 21):
            mood = demo_store.mood_for(dt.date(2026, 11, day))
            assert cells[day - 1] == ("·" if mood is None else str(mood.mood))
        assert "·" in cells[:20]  # the demo leaves some days unlogged


@pytest.mark.parametrize("chart", CHARTS)
def test_each_chart_picture(snap_compare, demo_store, chart) -> None:
    app = make_app(demo_store)

    async def show(pilot) -> None:
        await open_trends(pilot)
        pilot.app.screen.query_one("#charts", TabbedContent).active = chart
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=show)


def grid_lines(screen: TrendsScreen) -> list[str]:
    return str(screen.query_one(SeverityGrid).render()).splitlines()


async def test_the_side_effect_grid_at_80_columns_names_the_sessions_it_shows(demo_store) -> None:
    """365 days at 80 columns: 51 sessions, 17 at a time; < and > page, none hidden silently."""
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trends(pilot)
        screen.show_chart("effects")
        await pilot.press("3")
        await pilot.pause()
        total = len(demo_store.sessions_between(*screen.window_range()))
        assert total == 51
        lines = grid_lines(screen)
        assert lines[0] == "Showing #35–#51: 17 of the 51 sessions in this window · < earlier"
        assert lines[2].split()[2:] == [str(n) for n in range(35, 52)]
        assert "Grogginess / drowsiness" in "\n".join(lines)  # the whole name
        seen = set(lines[2].split()[2:])
        for _ in range(2):
            await pilot.press("less_than_sign")
            await pilot.pause()
            seen |= set(grid_lines(screen)[2].split()[2:])
        assert (
            grid_lines(screen)[0]
            == "Showing #1–#17: 17 of the 51 sessions in this window · > later"
        )
        assert seen == {str(n) for n in range(1, 52)}
        # the induction's moderate effects are on the first page
        assert any(" 2" in line for line in grid_lines(screen)[3:-3])
        await pilot.press("greater_than_sign")
        await pilot.pause()
        assert grid_lines(screen)[0].startswith("Showing #18–#34: 17 of the 51 sessions")


async def test_a_grid_that_fits_says_it_shows_all(demo_store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=(200, 40)) as pilot:
        screen = await open_trends(pilot)
        screen.show_chart("effects")
        await pilot.press("3")
        await pilot.pause()
        assert grid_lines(screen)[0] == "All 51 sessions in this window: #1–#51"
