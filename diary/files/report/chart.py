"""The report's mood chart, drawn by matplotlib as PNG bytes for the PDF or SVG for HTML.

matplotlib is imported inside the functions so that nothing but making a report pays for it.
The figure is drawn on an explicit Agg (or SVG) canvas, never through pyplot, so no GUI
backend is chosen and the process's matplotlib state is left alone.
"""

from __future__ import annotations

import io
import re

from diary.files.report.model import MoodSeries

MOOD_COLOUR = "#7a8fa6"
MEAN_COLOUR = "#1f4e79"
SESSION_COLOUR = "#c0504d"
FONT_SIZE = 7.0


def _figure(series: MoodSeries, width_mm: float, height_mm: float):  # -> Figure
    """Build the figure: dots for daily mood, a line for the 7-day mean, marks on session days."""
    import matplotlib
    from matplotlib import dates as mdates
    from matplotlib.figure import Figure

    inch = 25.4
    figure = Figure(figsize=(width_mm / inch, height_mm / inch))
    with matplotlib.rc_context({"font.family": "DejaVu Sans", "font.size": FONT_SIZE}):
        axes = figure.add_subplot()
        for day in series.session_days:
            axes.axvline(day, color=SESSION_COLOUR, linewidth=0.6, alpha=0.35, zorder=1)
        if series.session_days:
            axes.plot(
                series.session_days,
                [10.6] * len(series.session_days),
                linestyle="none",
                marker="v",
                markersize=4,
                color=SESSION_COLOUR,
                label="Session day",
                clip_on=False,
                zorder=4,
            )
        axes.plot(
            series.days,
            series.moods,
            linestyle="none",
            marker="o",
            markersize=2.2,
            color=MOOD_COLOUR,
            label="Daily mood",
            zorder=2,
        )
        if series.means:
            axes.plot(
                series.mean_days,
                series.means,
                color=MEAN_COLOUR,
                linewidth=1.6,
                label="7-day mean",
                zorder=3,
            )
        axes.set_ylim(0, 10)
        axes.set_yticks(range(0, 11, 2))
        axes.set_ylabel("Mood (0 worst, 10 best)", fontsize=FONT_SIZE)
        axes.set_xlabel("Date", fontsize=FONT_SIZE)
        half_day = 0.5
        axes.set_xlim(
            mdates.date2num(series.start) - half_day, mdates.date2num(series.end) + half_day
        )
        locator = mdates.AutoDateLocator(minticks=4, maxticks=9)
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=False))
        axes.tick_params(labelsize=FONT_SIZE - 0.5, length=2, pad=1.5)
        axes.grid(axis="y", color="#dddddd", linewidth=0.5)
        axes.set_axisbelow(True)
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.legend(
            loc="lower left",
            bbox_to_anchor=(0.0, 1.09),
            ncol=3,
            frameon=False,
            fontsize=FONT_SIZE,
            borderaxespad=0.0,
            handlelength=1.6,
            columnspacing=1.4,
        )
        figure.subplots_adjust(left=0.06, right=0.995, top=0.82, bottom=0.19)
    return figure


def mood_chart_png(series: MoodSeries, width_mm: float, height_mm: float, dpi: int = 200) -> bytes:
    """The chart as PNG bytes, sized for the PDF page."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = _figure(series, width_mm, height_mm)
    FigureCanvasAgg(figure)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=dpi)
    return out.getvalue()


_XML_PROLOGUE = re.compile(r"<\?xml[^>]*\?>\s*|<!DOCTYPE[^>]*>\s*")
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)
_NAMESPACES = re.compile(r'\s+xmlns(:\w+)?="[^"]*"')


def mood_chart_svg(series: MoodSeries, width_mm: float = 186, height_mm: float = 62) -> str:
    """The chart as an inline <svg> element for HTML: text kept as text, and no XML prologue,
    metadata or namespace URLs (the HTML parser needs none, and the file stays offline)."""
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG

    figure = _figure(series, width_mm, height_mm)
    FigureCanvasSVG(figure)
    out = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "diary-report"}):
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    svg = _METADATA.sub("", _XML_PROLOGUE.sub("", out.getvalue()))
    svg = _NAMESPACES.sub("", svg)
    return re.sub(
        r"<svg ",
        '<svg role="img" aria-label="Daily mood with 7-day mean and session days" ',
        svg,
        count=1,
    ).strip()
