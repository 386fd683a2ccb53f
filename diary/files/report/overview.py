"""The report's overview lines: treatment, sessions, mood, blood pressure and check-ins.

Every figure comes from diary/analysis/ (the summary and the check-in figures); this module
only words them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from diary import analysis
from diary.analysis.checkins import (
    ASSESSED_WHEN,
    REMISSION_DEFINITION,
    RESPONSE_DEFINITION,
    SOURCE_NOTE,
)
from diary.domain import Session
from diary.domain.counts import counted
from diary.domain.doses import dose_figure
from diary.domain.pressure import BPFlag, marks
from diary.files.report import model as m


def number(value: float | int | None) -> str:
    """A figure as `diary stats` prints it: up to 2 decimals, no trailing zeros."""
    if value is None:
        return m.NO_VALUE
    text = f"{value:.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def number_signed(value: float) -> str:
    """A change with its sign: +0, -75, +12.5."""
    text = number(abs(value))
    return ("-" if value < 0 else "+") + text


def _range_text(values: Sequence[float], unit: str, shown: Callable[[float], str] = number) -> str:
    low, high = min(values), max(values)
    return f"{shown(low)} {unit}" if low == high else f"{shown(low)}-{shown(high)} {unit}"


def _sessions_line(summary: analysis.Summary) -> str:
    """How many in range by route, each route's own dose range (never one across routes),
    and the gaps between sessions."""
    effects = summary.sessions
    if not effects:
        return "none in this range"
    routes: dict[str, list[Session]] = {}
    for effect in effects:
        routes.setdefault(effect.session.route.label, []).append(effect.session)
    parts = []
    for label, chosen in sorted(routes.items(), key=lambda item: -len(item[1])):
        mg = [s.total_mg for s in chosen if s.total_mg is not None]
        per_kg = [s.mg_per_kg for s in chosen if s.mg_per_kg is not None]
        doses = [_range_text(mg, "mg", dose_figure)] if mg else []
        doses += [_range_text(per_kg, "mg/kg", dose_figure)] if per_kg else []
        parts.append(f"{label} {len(chosen)}" + (f" ({', '.join(doses)})" if doses else ""))
    line = f"{len(effects)} in range: " + "; ".join(parts)
    gaps = [e.gap_days for e in effects if e.gap_days is not None]
    if gaps:
        median = analysis.median_of(gaps)
        line += f"; days between sessions {_range_text(gaps, '')}".rstrip()
        line += f" (median {number(median)})"
    return line


def _treatment_line(summary: analysis.Summary) -> str:
    course = summary.course
    if course.first_day is None or course.last_day is None:
        return "no session recorded by the end of the range"
    since = course.days_since_last
    return (
        f"started {course.first_day.isoformat()} (session #1); "
        f"{counted(course.sessions, 'session')} by {summary.end.isoformat()}; "
        f"last {course.last_day.isoformat()}, {counted(since or 0, 'day')} before the range's end"
    )


def _logged_line(summary: analysis.Summary) -> str:
    line = f"{summary.days_logged} of {summary.days_counted} days"
    if summary.counted_from is not None and summary.counted_from > summary.start:
        line += f" (counted from {summary.counted_from.isoformat()}, the first day recorded)"
    return line


def _daily_line(summary: analysis.Summary) -> str:
    mood = summary.mood
    parts = []
    if mood.anxiety_mean is not None:
        parts.append(f"anxiety (0-10) mean {number(mood.anxiety_mean)}")
    if mood.sleep_hours_mean is not None:
        parts.append(f"sleep mean {number(mood.sleep_hours_mean)} h")
    return "; ".join(parts)


def _item9_line(checkins: Mapping[str, Any]) -> str:
    phq9 = checkins["phq9"]
    latest = phq9[-1]
    line = f"latest answer {latest['item9']} ({latest['date']})"
    above = [c for c in phq9 if c["item9"] > 0]
    if not above:
        return line + "; 0 on every PHQ-9 in range"
    return line + "; above 0 on " + ", ".join(f"{c['date']} ({c['item9']})" for c in above)


def _bp_line(summary: analysis.Summary) -> str:
    flagged = summary.bp_flagged
    if not flagged:
        return "no reading past a reference point (pre-dose 140/90, rise 40/25, 180/120)"
    days = len({r.day for r in flagged})
    shown = ", ".join(
        f"{r.reading.label.label} {r.reading.text} {marks(r.flags)} on {r.day.isoformat()}"
        for r in flagged[-3:]
    )
    counts = Counter(flag for r in flagged for flag in r.flags)
    named = ", ".join(f"{counts[flag]} {flag.value}" for flag in BPFlag if counts[flag])
    return (
        f"{counted(len(flagged), 'reading')} marked on {counted(days, 'day')} ({named}): "
        + shown
        + (" and earlier" if len(flagged) > 3 else "")
    )


def _against_baseline(checkins: Mapping[str, Any], prefix: str) -> str:
    """e.g. 'latest 6 (mild, 2026-11-10) vs baseline 24 on 2025-12-08, before session #1:
    change -75%'."""
    entries = checkins[prefix]
    latest = entries[-1]
    line = f"latest {latest['total']} ({latest['band']}, {latest['date']})"
    baseline = checkins[f"{prefix}_baseline"]
    if baseline is None:
        return line
    if checkins[f"{prefix}_baseline_date"] == latest["date"]:
        return line + f"; it is the baseline ({checkins[f'{prefix}_baseline_source']})"
    line += (
        f" vs baseline {baseline} on {checkins[f'{prefix}_baseline_date']}, "
        f"{checkins[f'{prefix}_baseline_source']}"
    )
    change = checkins[f"{prefix}_change_pct"]
    if change is not None:
        line += f": change {number_signed(change)}%"
    return line


def _phq9_line(checkins: Mapping[str, Any]) -> str:
    line = _against_baseline(checkins, "phq9")
    reason = checkins["not_assessed"]
    if reason is not None:
        return line + f"; response and remission not assessed ({reason})"
    response = "yes" if checkins["response"] else "no"
    return line + f"; response {response}; remission {'yes' if checkins['remission'] else 'no'}"


def _gad7_line(checkins: Mapping[str, Any]) -> str:
    return _against_baseline(checkins, "gad7")


def overview_lines(
    summary: analysis.Summary, checkins: Mapping[str, Any]
) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    mood = summary.mood
    lines = [
        ("Treatment", _treatment_line(summary)),
        ("Sessions", _sessions_line(summary)),
        ("Mood logged", _logged_line(summary)),
    ]
    if mood.mean is not None:
        lines.append(
            (
                "Mood (0-10)",
                f"mean of the first 14 days {number(mood.first_14_mean)}, last 14 days "
                f"{number(mood.last_14_mean)}; whole range {number(mood.mean)} "
                f"(lowest {mood.min}, highest {mood.max})",
            )
        )
    if daily := _daily_line(summary):
        lines.append(("Anxiety, sleep", daily))
    if summary.sessions or summary.bp_flagged:
        lines.append(("Blood pressure", _bp_line(summary)))
    definitions: tuple[str, ...] = ()
    if checkins["phq9"]:
        lines.append(("PHQ-9 (0-27)", _phq9_line(checkins)))
        lines.append(("PHQ-9 item 9", _item9_line(checkins)))
        definitions = (
            f"Definitions: {RESPONSE_DEFINITION}; {REMISSION_DEFINITION}; {ASSESSED_WHEN}. "
            "Baseline: the last on or before session #1's day, else the first on record. "
            f"{SOURCE_NOTE}.",
        )
    if checkins["gad7"]:
        lines.append(("GAD-7 (0-21)", _gad7_line(checkins)))
    return tuple(lines), definitions
