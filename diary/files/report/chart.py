"""The report's mood chart as one SVG drawing: inline in the HTML, imported by fpdf2 into the PDF.

Pure string building (no plotting library): dots for each logged day, the 7-day mean as a
line broken where it is undefined, a mark and a faint rule on each session day, whole-number
mood ticks and dated x ticks. Units are tenths of a millimetre, so the drawing is the same
size on the page as the box it is given. Text stays text (DejaVu Sans), nothing is fetched.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

from diary.files.report.model import MoodSeries

MOOD_COLOUR = "#5f7a96"
MEAN_COLOUR = "#1f4e79"
SESSION_COLOUR = "#c0504d"
SESSION_RULE = "#e9c3c2"
GRID_COLOUR = "#d9d9d9"
AXIS_COLOUR = "#595959"
FONT = "DejaVu Sans, dejavu, sans-serif"  # "dejavu" is the name the PDF registers it under
SCALE = 10  # drawing units per millimetre
FONT_SIZE = 2.5 * SCALE  # 2.5 mm, about 7 pt
LEFT, RIGHT, TOP, BOTTOM = 8 * SCALE, 2 * SCALE, 8.5 * SCALE, 5.5 * SCALE
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
ARIA = "Daily mood with 7-day mean and session days"


def _n(value: float) -> str:
    """A coordinate with at most one decimal, no trailing zeros."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _text(
    x: float, y: float, words: str, *, anchor: str = "start", fill: str = AXIS_COLOUR
) -> str:
    return (
        f'<text x="{_n(x)}" y="{_n(y)}" font-family="{FONT}" font-size="{_n(FONT_SIZE)}" '
        f'fill="{fill}" text-anchor="{anchor}">{escape(words)}</text>'
    )


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, width: float) -> str:
    return (
        f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
        f'stroke="{colour}" stroke-width="{_n(width)}"/>'
    )


def _dot(x: float, y: float, radius: float, colour: str) -> str:
    return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(radius)}" fill="{colour}"/>'


KAPPA = 4 / 3 * math.tan(math.pi / 8)  # a quarter circle as one cubic Bézier curve


def _dots(centres: Iterable[tuple[float, float]], radius: float, colour: str) -> str:
    """The dots _dot draws, as one path of four Bézier quarters each (as fpdf2 would draw
    each circle): fpdf2 imports one path much faster than hundreds of circles."""

    def n(value: float) -> str:
        text = f"{value:.2f}".rstrip("0")
        return text.rstrip(".")

    r, k = radius, KAPPA * radius
    path = []
    for x, y in centres:
        x, y = float(_n(x)), float(_n(y))  # where _dot puts the centre
        path.append(
            f"M{n(x + r)} {n(y)}"
            f"C{n(x + r)} {n(y + k)} {n(x + k)} {n(y + r)} {n(x)} {n(y + r)}"
            f"C{n(x - k)} {n(y + r)} {n(x - r)} {n(y + k)} {n(x - r)} {n(y)}"
            f"C{n(x - r)} {n(y - k)} {n(x - k)} {n(y - r)} {n(x)} {n(y - r)}"
            f"C{n(x + k)} {n(y - r)} {n(x + r)} {n(y - k)} {n(x + r)} {n(y)}Z"
        )
    return f'<path d="{"".join(path)}" fill="{colour}"/>' if path else ""


def _session_paths(xs: Sequence[float], bottom: float) -> list[str]:
    """The rule and the mark _line and _triangle draw on each session day, as one path of
    rules and one of marks (the marks sit above the plot, where no rule reaches)."""
    if not xs:
        return []
    rules = "".join(f"M{_n(at)} {_n(TOP)}V{_n(bottom)}" for at in xs)
    size, tip = 0.9 * SCALE, TOP - 0.4 * SCALE
    marks = "".join(
        f"M{_n(at - size)} {_n(tip - 1.6 * size)}L{_n(at + size)} {_n(tip - 1.6 * size)}"
        f"L{_n(at)} {_n(tip)}Z"
        for at in xs
    )
    return [
        f'<path d="{rules}" fill="none" stroke="{SESSION_RULE}" stroke-width="2"/>',
        f'<path d="{marks}" fill="{SESSION_COLOUR}"/>',
    ]


def _triangle(x: float, y: float, size: float) -> str:
    """A downward mark whose tip is at (x, y)."""
    points = (
        f"{_n(x - size)},{_n(y - 1.6 * size)} {_n(x + size)},{_n(y - 1.6 * size)} {_n(x)},{_n(y)}"
    )
    return f'<polygon points="{points}" fill="{SESSION_COLOUR}"/>'


def _runs(
    days: Sequence[dt.date], values: Sequence[float]
) -> Iterable[list[tuple[dt.date, float]]]:
    """Consecutive days as separate runs: the mean is never drawn across a day it lacks."""
    run: list[tuple[dt.date, float]] = []
    for day, value in zip(days, values, strict=True):
        if run and (day - run[-1][0]).days != 1:
            yield run
            run = []
        run.append((day, value))
    if run:
        yield run


def date_ticks(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """Ticks a reader can date: the first of each month ("Sep", with the year on the first
    tick and where the year changes), and the 15th ("15") for a range under about four
    months; for a range under two months every Monday ("7 Sep")."""
    days = (end - start).days + 1
    ticks: list[tuple[dt.date, str]] = []
    if days < 60:
        day = start + dt.timedelta(days=(7 - start.weekday()) % 7)
        step = 7 if days > 14 else 1
        while day <= end:
            ticks.append((day, f"{day.day} {MONTHS[day.month - 1]}"))
            day += dt.timedelta(days=step)
        return ticks
    month = dt.date(start.year, start.month, 1)
    if month < start:
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    every = max(1, round(days / 30.4 / 8))  # at most about eight labels
    index = 0
    while month <= end:
        if index % every == 0:
            label = MONTHS[month.month - 1]
            if not ticks or ticks[-1][0].year != month.year:
                label += f" {month.year}"
            ticks.append((month, label))
        index += 1
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    if days < 125:
        middles = [dt.date(day.year, day.month, 15) for day, _ in ticks]
        ticks += [(day, "15") for day in middles if day <= end]
        ticks.sort()
    return ticks


def mood_chart_svg(
    series: MoodSeries, width_mm: float = 186, height_mm: float = 39, *, standalone: bool = False
) -> str:
    """The chart as one <svg> element sized width_mm x height_mm. Inline in HTML it carries a
    <title> (read aloud, shown on hover); standalone, for fpdf2, it carries the SVG namespace a
    separate drawing needs and no <title> (fpdf2 has no use for one and warns about it), and
    the daily dots come as one path (the same dots, imported in a third of the time)."""
    width, height = width_mm * SCALE, height_mm * SCALE
    plot_w, plot_h = width - LEFT - RIGHT, height - TOP - BOTTOM
    days = (series.end - series.start).days + 1

    def x(day: dt.date) -> float:
        return LEFT + ((day - series.start).days + 0.5) / days * plot_w

    def y(mood: float) -> float:
        return TOP + (10 - mood) / 10 * plot_h

    parts: list[str] = []
    for mood in range(0, 11, 2):
        parts.append(_line(LEFT, y(mood), LEFT + plot_w, y(mood), GRID_COLOUR, 1.5))
        parts.append(_text(LEFT - 1.5 * SCALE, y(mood) + 0.9 * SCALE, str(mood), anchor="end"))
    bottom = TOP + plot_h
    parts.append(_line(LEFT, bottom, LEFT + plot_w, bottom, AXIS_COLOUR, 2))
    for day, label in date_ticks(series.start, series.end):
        parts.append(_line(x(day), bottom, x(day), bottom + 1.2 * SCALE, AXIS_COLOUR, 2))
        parts.append(_text(x(day), bottom + 3.8 * SCALE, label, anchor="middle"))
    if standalone:  # for fpdf2: the same rules and marks as two paths (they never overlap)
        parts.extend(_session_paths([x(day) for day in series.session_days], bottom))
    else:
        for day in series.session_days:
            parts.append(_line(x(day), TOP, x(day), bottom, SESSION_RULE, 2))
            parts.append(_triangle(x(day), TOP - 0.4 * SCALE, 0.9 * SCALE))
    daily = [(x(day), y(mood)) for day, mood in zip(series.days, series.moods, strict=True)]
    if standalone:  # for fpdf2: the same dots as one path
        parts.append(_dots(daily, 0.55 * SCALE, MOOD_COLOUR))
    else:
        parts.extend(_dot(at_x, at_y, 0.55 * SCALE, MOOD_COLOUR) for at_x, at_y in daily)
    for run in _runs(series.mean_days, series.means):
        if len(run) == 1:
            parts.append(_dot(x(run[0][0]), y(run[0][1]), 0.5 * SCALE, MEAN_COLOUR))
            continue
        points = " ".join(f"{_n(x(day))},{_n(y(value))}" for day, value in run)
        parts.append(
            f'<polyline points="{points}" fill="none" stroke="{MEAN_COLOUR}" '
            f'stroke-width="{_n(0.55 * SCALE)}" stroke-linejoin="round" stroke-linecap="round"/>'
        )
    parts.extend(_legend(series))
    body = "\n".join(parts)
    return (
        f'<svg role="img" aria-label="{ARIA}" width="{_n(width_mm)}mm" '
        f'height="{_n(height_mm)}mm" viewBox="0 0 {_n(width)} {_n(height)}"'
        + (' xmlns="http://www.w3.org/2000/svg">' if standalone else f"><title>{ARIA}</title>")
        + f"\n{body}\n</svg>"
    )


def _width(words: str) -> float:
    """About how wide a label is set (DejaVu Sans averages under 0.6 em a character)."""
    return len(words) * 0.6 * FONT_SIZE


def _legend(series: MoodSeries) -> list[str]:
    """One line above the plot: the scale's meaning, then what each mark is, each entry
    placed after the one before it so none overlaps."""
    base = 2.6 * SCALE
    mark_y = base - 0.8 * SCALE
    gap = 4 * SCALE
    title = "Mood (0 worst, 10 best)"
    parts = [_text(0, base, title, fill="#191919")]
    at = _width(title) + gap
    parts.append(_dot(at, mark_y, 0.55 * SCALE, MOOD_COLOUR))
    label = "Daily mood"
    parts.append(_text(at + 1.8 * SCALE, base, label))
    at += 1.8 * SCALE + _width(label) + gap
    parts.append(_line(at - SCALE, mark_y, at + 3 * SCALE, mark_y, MEAN_COLOUR, 0.55 * SCALE))
    label = "7-day mean (when 4 of 7 days are logged)"
    parts.append(_text(at + 4.5 * SCALE, base, label))
    at += 4.5 * SCALE + _width(label) + gap
    if series.session_days:
        parts.append(_triangle(at, base, 0.9 * SCALE))
        parts.append(_text(at + 2 * SCALE, base, "Session day"))
    return parts
