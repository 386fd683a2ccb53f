"""The report as plain Markdown for a patient-portal message: readable raw or rendered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from diary.files.report import model as m

MEAN_POINTS = 13  # at most this many 7-day means listed in the mood section
MARKUP = str.maketrans({ch: "\\" + ch for ch in "\\`*_<>[]|"})


def _cell(value: object) -> str:
    """Text on one line with Markdown's markup characters escaped, so a note can neither
    split a table row nor turn into a link, emphasis or HTML."""
    return " ".join(str(value).split()).translate(MARKUP)


def _shown(value: object) -> str:
    """A cell's text, in bold when the report emphasises it."""
    return f"**{_cell(value)}**" if isinstance(value, m.Emphasis) else _cell(value)


def _table(header: Sequence[str], rows: Sequence[Sequence[object]], right: set[int]) -> list[str]:
    """A pipe table padded so it lines up in a plain-text message too."""
    cells = [[_cell(h) for h in header], *[[_shown(v) for v in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        padded = [
            text.rjust(width) if i in right else text.ljust(width)
            for i, (text, width) in enumerate(zip(row, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = [("-" * (w - 1) + ":") if i in right else "-" * w for i, w in enumerate(widths)]
    return [line(cells[0]), "| " + " | ".join(rule) + " |", *(line(r) for r in cells[1:])]


def _overview(report: m.Report) -> list[str]:
    lines = [f"- **{label}:** {value}" for label, value in report.overview]
    return [*lines, "", *report.definitions] if report.definitions else lines


def _mood(report: m.Report) -> list[str]:
    series = report.mood
    if series is None or not series.days:
        return ["No mood logged in this range."]
    lines = [
        f"Daily mood (0 worst, 10 best) logged on {len(series.days)} days; "
        f"{len(series.session_days)} session days. The chart is in the PDF and HTML reports.",
    ]
    if series.means:
        by_day = dict(zip(series.mean_days, series.means, strict=True))
        days = (series.end - series.start).days + 1
        step = 7 * max(1, -(-days // (7 * MEAN_POINTS)))
        picked = [
            day
            for back in range(0, days, step)
            if (day := series.end - dt.timedelta(days=back)) in by_day
        ]
        points = ", ".join(f"{day.isoformat()} {by_day[day]:g}" for day in reversed(picked))
        lines += ["", f"7-day mean, every {step} days: {points}."]
    return lines


def _sessions(report: m.Report) -> list[str]:
    if not report.sessions:
        return ["No sessions in this range."]
    lines = []
    for r in report.sessions:
        bp = f"BP pre {r.pre.marked}, ~40 min {r.forty.marked}, discharge {r.discharge.marked}"
        pulse = f"; HR, SpO2 {r.pulse}" if report.pulse else ""
        lines += [
            f"- **{r.day.isoformat()} #{r.number}** {_cell(r.route)}, {_cell(r.phase)}, "
            f"{_cell(r.dose)}",
            f"  - {bp}{pulse}",
            f"  - mood change {r.mood_change}; days above pre-session mood {r.benefit}",
            f"  - side effects: {_cell(r.side_effects)}",
        ]
    if report.sessions_hidden_line:
        lines += ["", report.sessions_hidden_line]
    legend = f"{m.ABOVE_LEGEND}. {m.SEVERITY_LEGEND} {m.BENEFIT_LEGEND}"
    return [*lines, "", *_wrapped(legend)]


def _wrapped(text: str, width: int = m.MD_WIDTH) -> list[str]:
    """A paragraph in lines of at most width characters (Markdown joins them again)."""
    import textwrap

    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]


def _symptoms(report: m.Report) -> list[str]:
    if not report.symptoms:
        return ["No side effects rated in this range."]
    header = ("Symptom", "Sessions", "Mean", "Worst", "Early", "Recent")
    rows = [(s.label, s.affected, s.mean, s.worst, s.early, s.recent) for s in report.symptoms]
    return [*_table(header, rows, {1, 2, 3, 4, 5}), "", report.symptom_note]


def _checkins(report: m.Report) -> list[str]:
    if not report.checkins:
        return ["No check-ins in this range."]
    header = ("Date", "PHQ-9", "PHQ-9 item 9", "GAD-7")
    rows = [(c.day.isoformat(), c.phq9, c.item9_cell, c.gad7) for c in report.checkins]
    lines = _table(header, rows, {2})
    if report.checkins_note:
        lines += ["", report.checkins_note]
    return [*lines, "", m.ITEM9_LEGEND]


def _notes(report: m.Report) -> list[str]:
    if not report.notes:
        return ["No notes in this range."]
    lines = [f"- {n.day.isoformat()} ({n.source}): {_cell(n.text)}" for n in report.notes]
    return [*lines, "", report.notes_hidden_line] if report.notes_hidden_line else lines


def render_markdown(report: m.Report) -> str:
    """The whole report as Markdown text ending in a newline."""
    out = [f"# {m.TITLE}", "", *(f"{_cell(line)}  " for line in report.header_lines), ""]
    if report.empty:
        out += [f"## {m.OVERVIEW}", "", report.empty_line, ""]
    else:
        for title, lines in (
            (m.OVERVIEW, _overview(report)),
            (m.MOOD, _mood(report)),
            (m.SESSIONS, _sessions(report)),
            (m.SIDE_EFFECTS, _symptoms(report)),
            (m.CHECKINS, _checkins(report)),
            (m.NOTES, _notes(report)),
        ):
            out += [f"## {title}", "", *lines, ""]
    out += [f"## {m.CRISIS}", "", *(f"- {line}" for line in report.crisis), ""]
    out += [report.crisis_checked, ""]
    out += ["---", f"{m.DISCLAIMER} {m.NO_ADVICE}", ""]
    return "\n".join(out)
