"""The report as plain Markdown for a patient-portal message: readable raw or rendered."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from diary.files.report import model as m
from diary.files.report.treatment import MEDICINES_NOTE

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
    return [*lines, "", m.session_legend(report.pulse)]


LIST_ITEM = re.compile(r"^(\s*)([-*+] |\d+[.)] )?")
BLOCK_START = re.compile(r"^([-*+]\s|#{1,6}(\s|$)|>|\d+[.)]\s|=+\s*$|-+\s*$|\|)")


def _fit(lines: Sequence[str], width: int = m.MD_WIDTH) -> list[str]:
    """Every line at most width characters: a long paragraph or list item is wrapped at
    spaces, its continuation lines indented under the item's text. A continuation that
    would start a new block (a list, a heading, a table) is escaped. Table rows stay."""
    import textwrap

    out: list[str] = []
    for line in lines:
        if len(line) <= width or line.startswith("|"):
            out.append(line)
            continue
        match = LIST_ITEM.match(line)
        lead = match.group(0) if match else ""
        wrapped = textwrap.wrap(
            line[len(lead) :],
            width - len(lead),
            break_long_words=False,
            break_on_hyphens=False,
        )
        indent = " " * len(lead)
        out.append(lead + wrapped[0])
        out += [indent + ("\\" + w if BLOCK_START.match(w) else w) for w in wrapped[1:]]
    return out


def _symptoms(report: m.Report) -> list[str]:
    mornings = [f"- {_cell(line)}" for line in report.next_morning]
    after = ["", f"{m.MORNING_TITLE}:", *mornings] if mornings else []
    if not report.symptoms:
        return ["No side effects rated in this range.", *after]
    rows = [s.cells()[:-1] for s in report.symptoms]  # the next morning: in the lines below
    return [
        *_table(m.SYMPTOM_HEADER[:-1], rows, {1, 2, 3, 4, 5, 6}),
        "",
        m.PDF_SYMPTOM_NOTE,
        *after,
    ]


def _medicines(report: m.Report) -> list[str]:
    """The medicine list, every change in range, and what the clinic recorded."""
    lines = [f"{m.TAKEN_TITLE} {report.end.isoformat()}:"]
    lines += [f"- {_cell(line)}" for line in report.medicines] or ["- none recorded"]
    if report.medicine_changes:
        lines += ["", f"{m.CHANGES_TITLE}:"]
        lines += [f"- {_cell(line)}" for line in report.medicine_changes]
    lines += ["", MEDICINES_NOTE]
    if report.clinic:
        lines += ["", f"{m.CLINIC_TITLE}:"]
        lines += [f"- {_cell(line)}" for line in report.clinic]
    return lines


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
            (m.MEDICINES, _medicines(report)),
            (m.NOTES, _notes(report)),
        ):
            out += [f"## {title}", "", *lines, ""]
    out += [f"## {m.CRISIS}", "", *(f"- {line}" for line in report.crisis), ""]
    out += [report.crisis_checked, ""]
    out += ["---", f"{m.DISCLAIMER} {m.NO_ADVICE}", ""]
    return "\n".join(_fit(out))
