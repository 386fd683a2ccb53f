"""Trends: mood with its 7-day mean and session days, the lift after a session, side effects
per session, blood pressure per session, check-in scores and a year in pixels.

The records are read once in a worker; switching the window or the chart only redraws.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Header, Static, TabbedContent, TabPane

from diary import analysis, clock
from diary.actions import medicines
from diary.domain import CheckIn, MoodEntry, Session, Symptom
from diary.domain.medicines import MedicineEvent
from diary.tui.screens.form import BackScreen
from diary.tui.start import SCREENS_CSS
from diary.tui.widgets.charts.after_session import draw_after_session
from diary.tui.widgets.charts.checkins import draw_checkins
from diary.tui.widgets.charts.colours import ChartColours, chart_colours
from diary.tui.widgets.charts.empty import missing
from diary.tui.widgets.charts.mood import draw_mood
from diary.tui.widgets.charts.plot import ChartPlot
from diary.tui.widgets.charts.pressure import READINGS, draw_pressure
from diary.tui.widgets.charts.side_effects import SeverityGrid, fit_columns
from diary.tui.widgets.charts.year import YearPixels
from diary.tui.widgets.footer import KeysFooter
from diary.tui.widgets.scroll_body import ScrollBody

WINDOW_KEYS = Binding.Group("Window", compact=True)
WINDOWS = {"30": 30, "90": 90, "365": 365, "all": 0}
WINDOW_NAMES = {"30": "30 days", "90": "90 days", "365": "365 days", "all": "all"}


@dataclass(frozen=True, slots=True)
class Chart:
    """One tab of the screen: the widget that draws it, over a note for when it cannot."""

    id: str
    title: str
    widget: type[ChartPlot | SeverityGrid | YearPixels]
    widget_id: str
    draw: Callable[..., None]  # called with the screen, the widget and what is Shown
    scrolls: bool = False  # the grid and the pixels grow with the data; the plots fit the tab

    def pane(self) -> TabPane:
        parts: list[Widget] = [
            Static("", id=f"{self.id}-empty", classes="chart-empty"),
            self.widget(id=self.widget_id),
        ]
        return TabPane(self.title, *([ScrollBody(*parts)] if self.scrolls else parts), id=self.id)


@dataclass(frozen=True, slots=True)
class Shown:
    """The window's days, and its moods, sessions and other medicines' events."""

    start: dt.date
    end: dt.date
    moods: list[MoodEntry]
    sessions: list[Session]
    medicines: list[MedicineEvent]


@dataclass(frozen=True, slots=True)
class TrendData:
    """Everything the charts draw from, read once."""

    moods: list[MoodEntry]
    sessions: list[Session]
    checkins: list[CheckIn]
    symptoms: list[Symptom]
    numbers: dict[int, int]
    medicines: list[MedicineEvent]


class TrendsScreen(BackScreen):
    """Charts over a window of 30, 90 or 365 days, or everything."""

    CSS_PATH = SCREENS_CSS  # read once Today is drawn (tui/start.py)

    BINDINGS = [
        Binding("escape", "escape", "Back", show=False),  # the footer keeps its room
        Binding("1", "window('30')", "30 days", group=WINDOW_KEYS),
        Binding("2", "window('90')", "90 days", group=WINDOW_KEYS),
        Binding("3", "window('365')", "365 days", group=WINDOW_KEYS),
        Binding("4", "window('all')", "All days", group=WINDOW_KEYS),
        Binding("right_square_bracket,period", "chart(1)", "Next chart", key_display="]"),
        Binding("left_square_bracket,comma", "chart(-1)", "Prev chart", show=False),
        Binding("less_than_sign", "sessions(-1)", "Earlier", key_display="<"),
        Binding("greater_than_sign", "sessions(1)", "Later", key_display=">"),
        Binding("r", "reading", "Next reading"),
        Binding("ctrl+r", "refresh", "Refresh", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.window = "90"
        self.reading = 0  # which of READINGS the blood pressure chart shows
        self.data: TrendData | None = None
        self.today = clock.today()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Trends · loading…", id="trends-title", classes="screen-title")
        with TabbedContent(id="charts", initial="mood"):
            for tab in TABS:
                yield tab.pane()
        yield KeysFooter()

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _: self.draw())
        self.load()

    def on_resize(self) -> None:
        self.draw()  # the side-effect grid shows as many sessions as fit the width

    def on_screen_resume(self) -> None:
        if self.data is not None:
            self.load()

    def action_refresh(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="trends")
    def load(self) -> None:
        with self.app.open_thread_store() as store:
            data = TrendData(
                moods=store.moods_between(),
                sessions=store.sessions_between(),
                checkins=store.checkins_between(),
                symptoms=store.symptoms(),
                numbers=store.session_numbers(),
                medicines=medicines.medicine_history(store),
            )
        self.app.call_from_thread(self._loaded, data)

    def _loaded(self, data: TrendData) -> None:
        self.data = data
        self.draw()

    # --- window and chart switching ------------------------------------------------------

    def action_window(self, window: str) -> None:
        self.window = window
        self.draw()
        self.refresh_bindings()

    def action_chart(self, step: int) -> None:
        tabs = self.query_one("#charts", TabbedContent)
        index = CHARTS.index(tabs.active) if tabs.active in CHARTS else 0
        tabs.active = CHARTS[(index + step) % len(CHARTS)]

    def action_reading(self) -> None:
        """The blood pressure chart's next reading: pre-dose, ~40 min, discharge."""
        self.reading = (self.reading + 1) % len(READINGS)
        self.draw()

    def action_sessions(self, step: int) -> None:
        """Page the side-effect grid through the window's sessions."""
        self.query_one("#effects-grid", SeverityGrid).page(step)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """< and > only on the side-effect grid, and only where there is more to see."""
        if action not in ("sessions", "reading"):
            return True
        try:
            grid = self.query_one("#effects-grid", SeverityGrid)
            active = self.query_one("#charts", TabbedContent).active
        except NoMatches:
            return False
        if action == "reading":
            return active == "bp"
        if active != "effects":
            return False
        step = parameters[0] if parameters else 0
        return (grid.first > 0) if step == -1 else (grid.last < len(grid.columns) - 1)

    def show_chart(self, chart: str) -> None:
        """Bring this chart to the front (the command palette's chart entries)."""
        if chart in CHARTS:
            self.query_one("#charts", TabbedContent).active = chart

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.draw()
        self.refresh_bindings()

    def window_range(self) -> tuple[dt.date, dt.date]:
        end = self.today
        days = WINDOWS[self.window]
        if days:
            return end - dt.timedelta(days=days - 1), end
        first = [m.day for m in self.data.moods[:1]] + [s.day for s in self.data.sessions[:1]]
        return (min(first) if first else end), end

    def draw(self) -> None:
        """Redraw the title and the visible chart for the current window."""
        if self.data is None:
            return
        start, end = self.window_range()
        moods = [m for m in self.data.moods if start <= m.day <= end]
        sessions = [s for s in self.data.sessions if start <= s.day <= end]
        events = [e for e in self.data.medicines if start <= e.day <= end]
        days = (end - start).days + 1
        title = (
            f"Trends · {WINDOW_NAMES[self.window]}: {start:%d %b %Y}–{end:%d %b %Y} · "
            f"{len(moods)}/{days} days logged · {len(sessions)} sessions"
        )
        self.query_one("#trends-title", Static).update(title)
        tabs = self.query_one("#charts", TabbedContent)
        tab = TAB[tabs.active]
        note = missing(tab.id, start, end, self.data.moods, self.data.sessions, self.data.checkins)
        pane = tabs.get_pane(tab.id)
        empty = pane.query_one(".chart-empty", Static)
        empty.update(note or "")
        empty.display = note is not None
        chart = pane.query_one(tab.widget)
        chart.display = note is None
        if note is None:
            tab.draw(self, chart, Shown(start, end, moods, sessions, events))

    # --- the charts ----------------------------------------------------------------------

    def colours(self) -> ChartColours:
        return chart_colours(self.app.theme_variables)

    def _draw_mood(self, plot: ChartPlot, shown: Shown) -> None:
        every, colours = self.data.moods, self.colours()
        plot.paint(
            lambda plt, height: draw_mood(
                plt,
                shown.start,
                shown.end,
                shown.moods,
                shown.sessions,
                every,
                colours,
                height,
                shown.medicines,
            )
        )

    def _draw_aligned(self, plot: ChartPlot, shown: Shown) -> None:
        every, colours = self.data.moods, self.colours()
        plot.paint(
            lambda plt, height: draw_after_session(plt, every, shown.sessions, colours, height)
        )

    def _draw_effects(self, grid: SeverityGrid, shown: Shown) -> None:
        fit = fit_columns(self.size.width)
        table = analysis.side_effect_grid(shown.sessions, self.data.symptoms)
        columns = [str(self.data.numbers.get(s.id or 0, "")) for s in table.sessions]
        rows = [
            (sym.label, list(row))
            for sym, row in zip(table.symptoms, table.severities, strict=True)
        ]
        grid.show(columns, rows, list(table.burdens), fit)

    def _draw_bp(self, plot: ChartPlot, shown: Shown) -> None:
        numbers, reading, colours = self.data.numbers, READINGS[self.reading], self.colours()
        plot.paint(
            lambda plt, height: draw_pressure(
                plt, shown.sessions, numbers, reading, colours, height
            )
        )

    def _draw_checkins(self, plot: ChartPlot, shown: Shown) -> None:
        checkins, colours = self.data.checkins, self.colours()
        plot.paint(
            lambda plt, height: draw_checkins(
                plt, shown.start, shown.end, checkins, colours, height
            )
        )

    def _draw_year(self, pixels: YearPixels, shown: Shown) -> None:
        pixels.show(shown.start, shown.end, {m.day: m.mood for m in shown.moods})


TABS = (
    Chart("mood", "Mood", ChartPlot, "mood-plot", TrendsScreen._draw_mood),
    Chart("aligned", "After a session", ChartPlot, "aligned-plot", TrendsScreen._draw_aligned),
    Chart(
        "effects",
        "Side effects",
        SeverityGrid,
        "effects-grid",
        TrendsScreen._draw_effects,
        scrolls=True,
    ),
    Chart("bp", "Blood pressure", ChartPlot, "bp-plot", TrendsScreen._draw_bp),
    Chart("checkins", "Check-ins", ChartPlot, "checkins-plot", TrendsScreen._draw_checkins),
    Chart("year", "Pixels", YearPixels, "year-pixels", TrendsScreen._draw_year, scrolls=True),
)
TAB = {tab.id: tab for tab in TABS}
CHARTS = tuple(TAB)
