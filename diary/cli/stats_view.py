"""The human view of `diary stats`: rich tables of the analysis summary."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from diary.analysis import Summary
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
    grid.add_row("Days logged", f"{summary.days_logged} of {summary.days_in_range}")
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
    grid.add_row("Sessions", str(len(summary.sessions)))
    return grid


def _table(*headers: str) -> Table:
    """A compact table (fits 80 columns): the first header's column is text, the rest numbers."""
    table = Table(
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
        header_style="bold",
    )
    for index, header in enumerate(headers):
        table.add_column(header, no_wrap=True, justify="left" if index == 0 else "right")
    return table


def _sessions(summary: Summary, labels: dict[str, str]) -> Table:
    table = _table("Date", "#", "Route", "mg", "Base-\nline", "After", "Change")
    table.columns[2].justify = "left"
    for header in ("Days of\nbenefit", "Burden"):
        table.add_column(header, justify="right", no_wrap=True)
    table.add_column("Worst side\neffect", min_width=12, overflow="fold")
    for effect in summary.sessions:
        session = effect.session
        worst = effect.worst_symptom
        table.add_row(
            session.day.isoformat(),
            NONE if effect.number is None else str(effect.number),
            session.route.value,
            _number(session.total_mg),
            _number(effect.baseline),
            _number(effect.after),
            _number(effect.change, signed=True),
            NONE if effect.days_of_benefit is None else str(effect.days_of_benefit),
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
    table = _table("Date", "When", "Reading")
    table.columns[1].justify = "left"
    for found in summary.bp_above_reference:
        table.add_row(found.day.isoformat(), found.reading.label.label, found.reading.text)
    return table


def _heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold")


def _checkins(scales: dict[str, Any]) -> RenderableType:
    from diary.analysis.checkins import REMISSION_DEFINITION, RESPONSE_DEFINITION

    table = Table(box=None, pad_edge=False)
    for column in ("Date", "Scale", "Total", "Band", "PHQ-9 item 9"):
        table.add_column(column)
    rows = [(c["date"], "PHQ-9", c["total"], c["band"], str(c["item9"])) for c in scales["phq9"]]
    rows += [(c["date"], "GAD-7", c["total"], c["band"], "") for c in scales["gad7"]]
    for date, scale, total, band, item9 in sorted(rows):
        table.add_row(date, scale, str(total), band, item9)
    lines = [table]
    if scales["phq9_baseline"] is not None:

        def label(value: bool | None) -> str:
            return "not known (needs two PHQ-9s)" if value is None else ("yes" if value else "no")

        change = scales["phq9_change_pct"]
        lines.append(
            Text(
                f"PHQ-9 first {scales['phq9_baseline']}, latest {scales['phq9_latest']}"
                + ("" if change is None else f" ({change:+.2f}%)")
                + f"; response {label(scales['response'])}; remission {label(scales['remission'])}"
            )
        )
        lines.append(Text(f"({RESPONSE_DEFINITION}; {REMISSION_DEFINITION})", style="dim"))
    return Group(*lines)


def stats_view(summary: Summary, scales: dict[str, Any] | None = None) -> RenderableType:
    """The summary as a title, an overview and the tables that have rows."""
    labels = {s.key: s.label for s in summary.symptoms}
    parts: list[RenderableType] = [
        Text(f"Diary stats {summary.start} to {summary.end}", style="bold"),
        _overview(summary),
    ]
    if summary.sessions:
        parts += [_heading("Sessions"), _sessions(summary, labels)]
    if summary.symptoms:
        parts += [
            _heading("Side effects (severity 0 none .. 3 severe)"),
            Text("Early / recent: the first and last half of the sessions by date."),
            _symptoms(summary),
        ]
    if summary.bp_above_reference:
        parts += [_heading("Blood pressure above 140/90 (a reference)"), _pressure(summary)]
    elif summary.sessions:
        parts += [_heading("No blood pressure reading above 140/90 (a reference) in range.")]
    if scales and (scales["phq9"] or scales["gad7"]):
        parts += [_heading("Check-ins (PHQ-9, GAD-7)"), _checkins(scales)]
    parts += [Text("\nPatient-recorded, not clinically verified. Definitions: diary stats --help")]
    return Group(*parts)


def print_stats(
    summary: Summary, scales: dict[str, Any] | None = None, console: Console | None = None
) -> None:
    """Print the human view of `diary stats`."""
    (console or Console()).print(stats_view(summary, scales))
