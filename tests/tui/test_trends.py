"""The Trends screen: window switching by keys, what each chart shows, and a picture of each
chart on the demo year with the clock pinned."""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise

import pytest
from textual.widgets import TabbedContent

from diary.tui.screens.trends import CHARTS, TrendsScreen
from diary.tui.themes import THEMES
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
        assert title(screen).startswith("Trends · 90 days: 23 Aug 2026–20 Nov 2026 · ")
        await pilot.press("1")
        assert screen.window == "30"
        assert title(screen).startswith("Trends · 30 days: 22 Oct 2026–20 Nov 2026 · ")
        await pilot.press("3")
        assert title(screen).startswith("Trends · 365 days: 21 Nov 2025–20 Nov 2026 · ")
        await pilot.press("4")
        first = demo_store.first_day()
        assert title(screen).startswith(f"Trends · all: {first:%d %b %Y}–20 Nov 2026 · ")
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
        await pilot.press("3")
        await pilot.pause()
        lines = str(screen.query_one(YearPixels).render()).splitlines()
        assert [line[:8] for line in lines[1:14]] == [
            "Nov 2025",
            "Dec 2025",
            "Jan 2026",
            "Feb 2026",
            "Mar 2026",
            "Apr 2026",
            "May 2026",
            "Jun 2026",
            "Jul 2026",
            "Aug 2026",
            "Sep 2026",
            "Oct 2026",
            "Nov 2026",
        ]  # fmt: skip  (a whole year: "Sep 26" would read as the 26th of September)
        cells = lines[13][9:].split(" ")  # November: one cell per day, a digit or "·"
        for day in range(1, 21):
            mood = demo_store.mood_for(dt.date(2026, 11, day))
            assert cells[day - 1] == ("·" if mood is None else str(mood.mood))
        assert "·" in cells[:20]  # the demo leaves some days unlogged


async def test_year_in_pixels_follows_the_window(demo_store) -> None:
    """90 days: 23 Aug to 20 Nov, so four months, and August blank before the 23rd."""
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        screen.show_chart("year")
        await pilot.pause()
        lines = str(screen.query_one(YearPixels).render()).splitlines()
        months = [line[:8] for line in lines[1:] if line[:3] in ("Aug", "Sep", "Oct", "Nov")]
        assert months == ["Aug 2026", "Sep 2026", "Oct 2026", "Nov 2026"]
        august = lines[1][9:]
        assert august[: 2 * 22].strip() == ""  # 1-22 Aug are outside the window
        assert august[2 * 22] != " "  # 23 Aug is in it


@pytest.mark.parametrize("theme", THEMES, ids=lambda theme: theme.name)
def test_every_pixel_and_severity_digit_reads_at_wcag_aa(theme) -> None:
    """The digit in a Pixels cell and in a side-effect cell (the severe 3 too: in the
    terminal's own white it read at about 2.7:1), in both themes."""
    from diary.tui.widgets.charts.colours import contrast, digit_colour
    from diary.tui.widgets.charts.side_effects import SEVERITY_CELL, severity_cell
    from diary.tui.widgets.charts.year import BANDS

    for variable in [band for _, _, band in BANDS] + list(SEVERITY_CELL.values()):
        colour = theme.variables[variable]  # App.theme_variables has them on top
        assert contrast(digit_colour(colour), colour) >= 4.5, variable
    for severity in SEVERITY_CELL:
        _, style = severity_cell(severity, theme.variables)
        text, background = style.removeprefix("bold ").split(" on ")
        assert contrast(text, background) >= 4.5, style


@pytest.mark.parametrize("chart", CHARTS)
def test_each_chart_picture(snap_compare, demo_store, chart) -> None:
    app = make_app(demo_store)

    async def show(pilot) -> None:
        await open_trends(pilot)
        pilot.app.screen.query_one("#charts", TabbedContent).active = chart
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=show)


async def open_effects_grid(pilot) -> TrendsScreen:
    """Trends on the side-effect grid over the 365-day window (key 3)."""
    screen = await open_trends(pilot)
    screen.show_chart("effects")
    await pilot.press("3")
    await pilot.pause()
    return screen


def grid_lines(screen: TrendsScreen) -> list[str]:
    return str(screen.query_one(SeverityGrid).render()).splitlines()


async def test_the_side_effect_grid_at_80_columns_names_the_sessions_it_shows(demo_store) -> None:
    """365 days at 80 columns: 51 sessions, 17 at a time; < and > page, none hidden silently."""
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_effects_grid(pilot)
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
        screen = await open_effects_grid(pilot)
        assert grid_lines(screen)[0] == "All 51 sessions in this window: #1–#51"


async def test_after_a_session_says_how_many_sessions_each_mean_rests_on(demo_store) -> None:
    from diary import analysis

    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trends(pilot)
        await pilot.press("3")
        screen.show_chart("aligned")
        await settle(pilot)
        text = str(screen.query_one("#aligned-plot").render())
        start, end = screen.window_range()
        sessions = demo_store.sessions_between(start, end)
        profile = analysis.session_aligned_mood(demo_store.moods_between(), sessions)
        counts = [str(p.sessions) for p in profile]
        rows = [line.replace("│", " ").split() for line in text.splitlines()]
        assert counts in rows  # one count under each day, -3 to +14
        assert "sessions each mean rests on" in text
        assert profile[-1].sessions < profile[1].sessions  # +14 mostly falls past the next session


def plot_lines(screen: TrendsScreen, selector: str) -> list[str]:
    return str(screen.query_one(selector).render()).splitlines()


@pytest.mark.parametrize("presses", [0, 1, 2], ids=["pre-dose", "40min", "discharge"])
async def test_blood_pressure_reads_whole_mmhg_marks_each_flag_and_keeps_the_legend_off_the_data(
    demo_store, presses
) -> None:
    from diary.tui.widgets.charts.pressure import FIELDS, READINGS

    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trends(pilot)
        screen.show_chart("bp")
        await settle(pilot)
        for _ in range(presses):
            await pilot.press("r")
        await pilot.pause()
        label = READINGS[presses]
        lines = plot_lines(screen, "#bp-plot")
        assert lines[0].strip().startswith(f"Blood pressure, {label.label} (mmHg)")
        ticks = [m.group(1) for line in lines if (m := re.match(r"\s*([-0-9.]+)\s*[┤├]", line))]
        assert ticks
        assert all(t.isdigit() for t in ticks), ticks  # 140, not 141.2
        assert {"140", "90"} <= set(ticks)
        # the legend is under the session numbers, not on the data
        numbers_row = max(i for i, line in enumerate(lines) if "#" in line and "└" not in line)
        legend_row = next(i for i, line in enumerate(lines) if "systolic" in line)
        assert legend_row > numbers_row
        # each value past a reference point drawn with its flag's mark (and one in the legend)
        from diary.domain.pressure import BPFlag
        from diary.tui.widgets.charts.pressure import value_flag

        start, end = screen.window_range()
        series = [analysis_series(s) for s in demo_store.sessions_between(start, end)]
        flags = [
            value_flag(reading, p.pre, value)
            for p in series
            if (reading := getattr(p, FIELDS[label])) is not None
            for value in ("systolic", "diastolic")
        ]
        text = "\n".join(lines)
        for flag in BPFlag:
            assert text.count(flag.mark) == flags.count(flag) + 1, flag


def analysis_series(session):
    from diary import analysis

    return analysis.bp_series([session])[0]


def tick_rows(lines: list[str]) -> dict[str, int]:
    """Each y tick label and the row it sits on."""
    found = {}
    for row, line in enumerate(lines):
        if m := re.match(r"\s*(\S.*?)\s*[┤├]", line):
            found[m.group(1)] = row
    return found


@pytest.mark.parametrize("chart", ["mood", "aligned", "checkins", "bp"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("window", ["2", "3"], ids=["90", "365"])
async def test_y_ticks_sit_evenly(demo_store, chart, size, window) -> None:
    """Ticks a step apart are the same number of rows apart (the mood 4 never half a row off)."""
    app = make_app(demo_store)
    async with app.run_test(size=size) as pilot:
        screen = await open_trends(pilot)
        await pilot.press(window)
        screen.show_chart(chart)
        await settle(pilot)
        rows = tick_rows(plot_lines(screen, f"#{chart}-plot"))
        values = [int(label.split()[0]) for label in rows]  # top to bottom
        expected = {"mood": [10, 8, 6, 4, 2, 0], "aligned": [10, 8, 6, 4, 2, 0]}
        expected["checkins"] = [20, 15, 10, 5, 0]
        if chart in expected:
            assert values == expected[chart]
        # rows per mmHg (or per mood point) the same between every two neighbouring ticks
        per_unit = {
            (rows[low] - rows[high]) / (int(high.split()[0]) - int(low.split()[0]))
            for high, low in pairwise(rows)
        }
        assert len(per_unit) == 1, rows


async def test_check_ins_mark_each_day_taken_and_name_the_bands(demo_store) -> None:
    from diary.domain import CheckinKind

    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_trends(pilot)
        screen.show_chart("checkins")
        await settle(pilot)
        lines = plot_lines(screen, "#checkins-plot")
        start, end = screen.window_range()
        taken = demo_store.checkins_between(start, end)
        phq = sum(c.kind == CheckinKind.PHQ9 for c in taken)
        gad = sum(c.kind == CheckinKind.GAD7 for c in taken)
        text = "\n".join(lines)
        assert text.count("●") == phq + 1  # one per check-in and one in the legend
        assert text.count("◆") == gad + 1
        assert list(tick_rows(lines)) == [
            "20 severe", "15 mod. severe", "10 moderate", "5 mild", "0 minimal",
        ]  # fmt: skip


async def test_medicine_starts_changes_and_stops_are_marked_under_the_sessions(
    demo_store,
) -> None:
    """The demo's benzodiazepine stop, antidepressant raise and sleep medicine start, each at
    its day on the row under the session marks, and the title says what the marks mean."""
    from diary.actions.medicines import medicine_history
    from diary.tui.widgets.charts import mood

    calls: list[tuple[str, list[int], list[float]]] = []

    class Recorder:
        def scatter(self, x, y, marker, color) -> None:  # type: ignore[no-untyped-def]
            calls.append((marker, list(x), list(y)))

        def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
            return lambda *args, **kwargs: calls.append((name, list(args), []))

    start, end = dt.date(2025, 11, 21), dt.date(2026, 11, 20)
    events = medicine_history(demo_store, start, end)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_trends(pilot)
        await pilot.press("3")
        await settle(pilot)
        colours = screen.colours()
    mood.draw_mood(Recorder(), start, end, [], [], [], colours, 19, events)
    marks = {marker: x for marker, x, y in calls if marker in "+~×" and y}
    assert {e.change.value for e in events} == {"start", "change", "stop"}
    for event in events:
        assert (event.day - start).days in marks[mood.MEDICINE_MARKS[event.change]]
    assert all(y == [mood.MEDICINE_ROW] * len(y) for m, _, y in calls if m in "+~×" and y)
    assert ("title", [mood.MEDICINE_TITLE], []) in calls
    calls.clear()
    mood.draw_mood(Recorder(), start, end, [], [], [], colours, 19)
    assert ("title", [mood.TITLE], []) in calls


def test_the_cells_take_their_colours_from_the_theme() -> None:
    from diary.tui.widgets.charts.side_effects import grid_text
    from diary.tui.widgets.charts.year import pixels_text

    variables = {
        **THEMES[0].variables,
        "severity-3": "#123456",
        "mood-band-8-10": "#654321",
    }
    grid = grid_text(["1"], [("Nausea", [3])], [3], variables)
    assert any("on #123456" in str(span.style) for span in grid.spans)
    day = dt.date(2026, 9, 1)
    pixels = pixels_text(day, day, {day: 9}, variables)
    assert any("on #654321" in str(span.style) for span in pixels.spans)
