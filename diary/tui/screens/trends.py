"""Trends: mood with its 7-day mean and session days, the lift after a session, side effects
per session, blood pressure per session, check-in scores and a year in pixels.

The records are read once in a worker; switching the window or the chart only redraws.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, TabbedContent, TabPane
from textual_plotext import PlotextPlot

from diary import analysis, clock
from diary.domain import CheckIn, MoodEntry, Session, Symptom, VitalLabel
from diary.domain.questionnaires import GAD7, PHQ9
from diary.tui.widgets.pixels import YearPixels
from diary.tui.widgets.severity_grid import SeverityGrid

WINDOW_KEYS = Binding.Group("Window", compact=True)
WINDOWS = {"30": 30, "90": 90, "365": 365, "all": 0}
WINDOW_NAMES = {"30": "30 days", "90": "90 days", "365": "365 days", "all": "all"}
CHARTS = ("mood", "aligned", "effects", "bp", "checkins", "year")


@dataclass(frozen=True, slots=True)
class TrendData:
    """Everything the charts draw from, read once."""

    moods: list[MoodEntry]
    sessions: list[Session]
    checkins: list[CheckIn]
    symptoms: list[Symptom]
    numbers: dict[int, int]


def _ticks(start: dt.date, days: int, count: int = 5) -> tuple[list[int], list[str]]:
    """Day-index ticks with readable date labels across a window of `days` days."""
    if days <= 1:
        return [0], [start.strftime("%d %b")]
    step = max(1, (days - 1) // (count - 1))
    positions = list(range(0, days, step))
    fmt = "%d %b" if days <= 400 else "%b %Y"
    return positions, [(start + dt.timedelta(days=p)).strftime(fmt) for p in positions]


class TrendsScreen(Screen):
    """Charts over a window of 30, 90 or 365 days, or everything."""

    BINDINGS = [
        Binding("1", "window('30')", "30 days", group=WINDOW_KEYS),
        Binding("2", "window('90')", "90 days", group=WINDOW_KEYS),
        Binding("3", "window('365')", "365 days", group=WINDOW_KEYS),
        Binding("4", "window('all')", "All days", group=WINDOW_KEYS),
        Binding("right_square_bracket,period", "chart(1)", "Next chart", key_display="]"),
        Binding("left_square_bracket,comma", "chart(-1)", "Prev chart", show=False),
        Binding("ctrl+r", "refresh", "Refresh", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.window = "90"
        self.data: TrendData | None = None
        self.today = clock.today()

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Trends · loading…", id="trends-title", classes="screen-title")
        with TabbedContent(id="charts", initial="mood"):
            with TabPane("Mood", id="mood"):
                yield PlotextPlot(id="mood-plot")
            with TabPane("After a session", id="aligned"):
                yield PlotextPlot(id="aligned-plot")
            with TabPane("Side effects", id="effects"), VerticalScroll():
                yield SeverityGrid(id="effects-grid")
            with TabPane("Blood pressure", id="bp"):
                yield PlotextPlot(id="bp-plot")
            with TabPane("Check-ins", id="checkins"):
                yield PlotextPlot(id="checkins-plot")
            with TabPane("Year", id="year"), VerticalScroll():
                yield YearPixels(id="year-pixels")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

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
            )
        self.app.call_from_thread(self._loaded, data)

    def _loaded(self, data: TrendData) -> None:
        self.data = data
        self.draw()

    # --- window and chart switching ------------------------------------------------------

    def action_window(self, window: str) -> None:
        self.window = window
        self.draw()

    def action_chart(self, step: int) -> None:
        tabs = self.query_one("#charts", TabbedContent)
        index = CHARTS.index(tabs.active) if tabs.active in CHARTS else 0
        tabs.active = CHARTS[(index + step) % len(CHARTS)]

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.draw()

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
        days = (end - start).days + 1
        title = (
            f"Trends · {WINDOW_NAMES[self.window]}: {start:%d %b %Y} – {end:%d %b %Y} · "
            f"{len(moods)}/{days} days logged · {len(sessions)} sessions"
        )
        self.query_one("#trends-title", Static).update(title)
        active = self.query_one("#charts", TabbedContent).active
        getattr(self, f"_draw_{active}")(start, end, moods, sessions)

    # --- the charts ----------------------------------------------------------------------

    def _blank_plot(self, selector: str):  # -> (PlotextPlot, its plotext figure)
        widget = self.query_one(selector, PlotextPlot)
        widget.plt.clear_data()
        widget.plt.clear_figure()
        return widget, widget.plt

    def _draw_mood(self, start, end, moods, sessions) -> None:
        widget, plt = self._blank_plot("#mood-plot")
        days = (end - start).days + 1
        if moods:
            plt.scatter(
                [(m.day - start).days for m in moods],
                [m.mood for m in moods],
                marker="dot",
                label="daily mood",
            )
        mean = analysis.rolling_mean_7(self.data.moods, start, end)
        run_x: list[int] = []
        run_y: list[float] = []
        labelled = False
        for index, (_, value) in enumerate(mean):
            if value is not None:
                run_x.append(index)
                run_y.append(value)
            if (value is None or index == len(mean) - 1) and run_x:
                plt.plot(run_x, run_y, marker="braille", label=None if labelled else "7-day mean")
                labelled = True
                run_x, run_y = [], []
        if sessions:
            plt.scatter(
                [(s.day - start).days for s in sessions],
                [-0.6] * len(sessions),
                marker="▲",
                label="session",
            )  # along the bottom: the legend covers the top left
        plt.ylim(-1, 10.5)
        plt.yticks([0, 2, 4, 6, 8, 10])
        plt.xlim(-0.5, days - 0.5)
        plt.xticks(*_ticks(start, days))
        plt.title("Mood 0-10 (unlogged days left empty)")
        widget.refresh()

    def _draw_aligned(self, start, end, moods, sessions) -> None:
        widget, plt = self._blank_plot("#aligned-plot")
        profile = analysis.session_aligned_mood(self.data.moods, sessions)
        points = [(p.offset, p.mean) for p in profile if p.mean is not None]
        if points:
            plt.plot(
                [p[0] for p in points], [p[1] for p in points], marker="hd", label="mean mood"
            )
            plt.vline(0)
        plt.ylim(0, 10)
        plt.xticks(list(range(-3, 15)), [f"{o:+d}" if o else "S" for o in range(-3, 15)])
        plt.title(f"Mean mood by day relative to a session (S) · {len(sessions)} sessions")
        plt.xlabel("days from the session")
        widget.refresh()

    def _draw_effects(self, start, end, moods, sessions) -> None:
        grid = self.query_one("#effects-grid", SeverityGrid)
        fit = max(1, (self.size.width - 26) // 3)
        table = analysis.side_effect_grid(sessions[-fit:], self.data.symptoms)
        columns = [str(self.data.numbers.get(s.id or 0, "")) for s in table.sessions]
        rows = [
            (sym.label, list(row))
            for sym, row in zip(table.symptoms, table.severities, strict=True)
        ]
        grid.show(columns, rows, list(table.burdens))

    def _draw_bp(self, start, end, moods, sessions) -> None:
        widget, plt = self._blank_plot("#bp-plot")
        series = analysis.bp_series(sessions)
        for label, marker in (
            (VitalLabel.PRE, "dot"),
            (VitalLabel.FORTY, "hd"),
            (VitalLabel.DISCHARGE, "x"),
        ):
            xs, systolic, diastolic = [], [], []
            field = {
                VitalLabel.PRE: "pre",
                VitalLabel.FORTY: "forty",
                VitalLabel.DISCHARGE: "discharge",
            }[label]
            for index, pressure in enumerate(series):
                reading = getattr(pressure, field)
                if reading is not None:
                    xs.append(index)
                    systolic.append(reading.systolic)
                    diastolic.append(reading.diastolic)
            if xs:
                plt.scatter(xs, systolic, marker=marker, label=f"{label.label} SYS")
                plt.scatter(xs, diastolic, marker=marker, label=f"{label.label} DIA")
        plt.hline(140)
        plt.hline(90)
        if sessions:
            step = max(1, len(sessions) // 6)
            positions = list(range(0, len(sessions), step))
            plt.xticks(
                positions, [f"#{self.data.numbers.get(sessions[p].id or 0)}" for p in positions]
            )
        plt.title("Blood pressure per session · lines at 140 / 90: the pre-dose reference")
        widget.refresh()

    def _draw_checkins(self, start, end, moods, sessions) -> None:
        widget, plt = self._blank_plot("#checkins-plot")
        days = (end - start).days + 1
        for scale, marker in ((PHQ9, "hd"), (GAD7, "dot")):
            points = [
                c for c in self.data.checkins if c.kind == scale.kind and start <= c.day <= end
            ]
            if points:
                plt.plot(
                    [(c.day - start).days for c in points],
                    [c.total for c in points],
                    marker=marker,
                    label=f"{scale.title} total",
                )
        for band in PHQ9.bands[1:]:
            plt.hline(band.low)
        plt.ylim(0, 27)
        plt.yticks([0, 5, 10, 15, 20, 25])
        plt.xlim(-0.5, days - 0.5)
        plt.xticks(*_ticks(start, days))
        plt.title("PHQ-9 and GAD-7 totals · PHQ-9 band edges at 5, 10, 15, 20")
        widget.refresh()

    def _draw_year(self, start, end, moods, sessions) -> None:
        self.query_one("#year-pixels", YearPixels).show(
            self.today, {m.day: m.mood for m in self.data.moods}
        )
