"""The human view of `diary stats`: rich tables of the analysis summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from diary.analysis import Summary
from diary.domain.doses import dose_figure
from diary.domain.text import shown

NONE = "—"


def _number(value: float | int | None, *, signed: bool = False) -> str:
    if value is None:
        return NONE
    text = f"{value:+.2f}" if signed else f"{value:.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _overview(summary: Summary) -> Table:
    mood = summary.mood
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column()
    logged = f"{summary.days_logged} of {summary.days_counted}"
    if summary.counted_from is not None and summary.counted_from > summary.start:
        logged += f" (counted from {summary.counted_from}, the first day recorded)"
    grid.add_row("Days logged", logged)
    if mood.mean is None:
        grid.add_row("Mood", "no mood logged in this range")
    else:
        grid.add_row(
            "Mood (0-10)",
            f"mean {_number(mood.mean)}, lowest {mood.min}, highest {mood.max}",
        )
        grid.add_row(
            "First / last 14 days",
            f"{_number(mood.first_14_mean)} / {_number(mood.last_14_mean)}",
        )
        if mood.anxiety_mean is not None or mood.sleep_hours_mean is not None:
            grid.add_row(
                "Anxiety / sleep",
                f"mean {_number(mood.anxiety_mean)} (0-10) / {_number(mood.sleep_hours_mean)} h",
            )
    grid.add_row("Sessions", str(len(summary.sessions)))
    course = summary.course
    if course.first_day is not None:
        grid.add_row(
            "Treatment",
            f"session #1 {course.first_day}; {course.sessions} by {summary.end}; last "
            f"{course.last_day}, {course.days_since_last} days before {summary.end}",
        )
    return grid


def _table(*headers: str, tight: bool = False) -> Table:
    """A compact table (fits 80 columns): the first header's column is text, the rest numbers;
    tight puts one space between columns instead of two."""
    table = Table(
        padding=(0, 0) if tight else (0, 1),
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
        header_style="bold",
    )
    for index, header in enumerate(headers):
        table.add_column(header, no_wrap=True, justify="left" if index == 0 else "right")
    return table


ENDED_SHORT = {
    "mood at or below baseline": "mood",
    "next session": "next",
    "end of diary so far": "end",
}


def _sessions(summary: Summary, labels: dict[str, str]) -> Table:
    table = _table("Date", "#", "Route", "mg", "Base-\nline", "After", "Change", tight=True)
    table.columns[2].justify = "left"
    table.add_column("Days above\n(logged) end", justify="left", no_wrap=True)
    table.add_column("Bur-\nden", justify="right", no_wrap=True)
    table.add_column("Worst side\neffect", min_width=9, overflow="fold")
    for effect in summary.sessions:
        session = effect.session
        worst = effect.worst_symptom
        above = effect.days_above
        if effect.same_day_as is not None:
            days = f"as #{effect.same_day_as}"
        elif above is None:
            days = NONE
        else:
            days = f"{above.days} ({above.logged_days}) {ENDED_SHORT[above.ended_by]}"
        table.add_row(
            session.day.isoformat(),
            NONE if effect.number is None else str(effect.number),
            session.route.value,
            NONE if session.total_mg is None else dose_figure(session.total_mg),
            _number(effect.baseline),
            _number(effect.after),
            _number(effect.change, signed=True),
            days,
            str(effect.burden),
            Text("none" if worst is None else shown(labels.get(worst, worst), one_line=True)),
        )
    return table


def _symptoms(summary: Summary) -> Table:
    count = len(summary.sessions)
    table = _table("Side effect", "Sessions", "Mean", "Worst", "Early", "Recent")
    table.columns[0].no_wrap = False
    table.columns[0].overflow = "fold"
    for stats in summary.symptoms:
        table.add_row(
            Text(shown(stats.label, one_line=True)),  # a label is text, "[left]" included
            f"{stats.sessions_affected} of {count}",
            _number(stats.mean_severity),
            str(stats.max_severity),
            _number(stats.early_mean),
            _number(stats.recent_mean),
        )
    return table


def _pressure(summary: Summary) -> Table:
    table = _table("Date", "When", "Reading", "Reference point")
    table.columns[1].justify = "left"
    table.columns[3].justify = "left"
    for found in summary.bp_flagged:
        table.add_row(
            found.day.isoformat(),
            found.reading.label.label,
            found.reading.text,
            "; ".join(str(flag) for flag in found.flags),
        )
    return table


def _heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold")


def _baseline_text(scales: dict[str, Any], prefix: str) -> str:
    """e.g. 'baseline 24 (2025-12-08, before session #1), latest 6 (2026-11-10), -75%'."""
    text = (
        f"baseline {scales[prefix + '_baseline']} ({scales[prefix + '_baseline_date']}, "
        f"{scales[prefix + '_baseline_source']})"
    )
    if scales[prefix + "_latest"] is not None:
        text += f", latest {scales[prefix + '_latest']} ({scales[prefix + '_latest_date']})"
    change = scales[prefix + "_change_pct"]
    return text + ("" if change is None else f", change {_number(change, signed=True)}%")


def _checkins(scales: dict[str, Any]) -> RenderableType:
    from diary.analysis.checkins import (
        ASSESSED_WHEN,
        REMISSION_DEFINITION,
        RESPONSE_DEFINITION,
        SOURCE_NOTE,
    )

    table = Table(box=None, pad_edge=False)
    for column in ("Date", "Scale", "Total", "Band", "PHQ-9 item 9"):
        table.add_column(column)
    rows = [(c["date"], "PHQ-9", c["total"], c["band"], str(c["item9"])) for c in scales["phq9"]]
    rows += [(c["date"], "GAD-7", c["total"], c["band"], "") for c in scales["gad7"]]
    # by day only: check-ins of one day keep the order they were saved in
    for date, scale, total, band, item9 in sorted(rows, key=lambda row: row[0]):
        table.add_row(date, scale, str(total), band, item9)
    lines: list[RenderableType] = [table]
    if scales["phq9_baseline"] is not None:
        reason = scales["not_assessed"]
        if reason is None:
            verdict = (
                f"response {'yes' if scales['response'] else 'no'}; "
                f"remission {'yes' if scales['remission'] else 'no'}"
            )
        else:
            verdict = f"response and remission not assessed ({reason})"
        lines.append(Text(f"PHQ-9 {_baseline_text(scales, 'phq9')}; {verdict}"))
        lines.append(
            Text(
                f"({RESPONSE_DEFINITION}; {REMISSION_DEFINITION}; {ASSESSED_WHEN}. "
                f"{SOURCE_NOTE}.)",
                style="dim",
            )
        )
    if scales["gad7_baseline"] is not None:
        lines.append(Text(f"GAD-7 {_baseline_text(scales, 'gad7')}"))
    return Group(*lines)


def stats_view(
    summary: Summary, scales: dict[str, Any] | None = None, next_morning: Sequence = ()
) -> RenderableType:
    """The summary as a title, an overview and the tables that have rows."""
    labels = {s.key: s.label for s in summary.symptoms}
    parts: list[RenderableType] = [
        Text(f"Diary stats {summary.start} to {summary.end}", style="bold"),
        _overview(summary),
    ]
    if summary.sessions:
        parts += [
            _heading("Sessions"),
            Text(
                "Days above pre-session mood (how many logged) and what ended them: mood at or "
                "below baseline, the next session, or the end of the diary so far. Burden: the "
                "sum of side-effect severities."
            ),
            _sessions(summary, labels),
        ]
    if summary.symptoms:
        parts += [
            _heading("Side effects (severity 0 none .. 3 severe)"),
            Text("Early / recent: the first and last ceil(n/2) of the n sessions by date."),
            _symptoms(summary),
        ]
    if next_morning:
        parts += [
            _heading("The morning after (diary after)"),
            *(Text(m.text) for m in next_morning),
        ]
    if summary.bp_flagged:
        parts += [_heading("Blood pressure past a reference point"), _pressure(summary)]
    elif summary.sessions:
        parts += [_heading("No blood pressure reading past a reference point in range.")]
    if scales and (scales["phq9"] or scales["gad7"]):
        parts += [_heading("Check-ins (PHQ-9, GAD-7)"), _checkins(scales)]
    parts += [Text("\nPatient-recorded, not clinically verified. Definitions: diary stats --help")]
    return Group(*parts)


def print_stats(
    summary: Summary,
    scales: dict[str, Any] | None = None,
    console: Console | None = None,
    *,
    next_morning: Sequence = (),
) -> None:
    """Print the human view of `diary stats`."""
    (console or Console()).print(stats_view(summary, scales, next_morning))
