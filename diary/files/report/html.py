"""The report as one self-contained HTML file: inline CSS, the chart as inline SVG, nothing
fetched from anywhere, and print CSS that fits A4 and Letter."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from diary.files.report import model as m
from diary.files.report.treatment import MEDICINES_NOTE

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  font-size: 9pt; line-height: 1.35; color: #191919; background: #fff;
  max-width: 190mm; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 14pt; margin: 0 0 .2em; }
h2 { font-size: 10pt; color: #1f4e79; border-bottom: 1px solid #aab4be;
  margin: .9em 0 .35em; padding-bottom: .1em; }
.meta { margin: 0; color: #333; }
.disclaimer { background: #faf4e8; font-weight: bold; padding: .25em .5em; margin: .4em 0; }
dl.overview { display: grid; grid-template-columns: max-content 1fr; gap: .1em 1em; margin: 0; }
dl.overview dt { font-weight: bold; }
dl.overview dd { margin: 0; }
.small { font-size: 7.5pt; color: #555; margin: .3em 0; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; }
th, td { text-align: left; vertical-align: top; padding: .15em .35em;
  border-bottom: 1px solid #d5dbe1; }
th { background: #eaf0f6; }
tbody tr:nth-child(even) td { background: #f7f8fa; }
td.num, th.num { text-align: right; }
.above { color: #b02020; font-weight: bold; }
.chart svg { width: 100%; height: auto; display: block; }
.pair { display: grid; grid-template-columns: 58fr 42fr; gap: 5mm; }
ul.notes { margin: 0; padding-left: 1.2em; }
.crisis { background: #eaf0f6; padding: .4em .6em; margin-top: 1em; }
.crisis h2 { border: 0; margin: 0 0 .2em; }
.crisis p { margin: 0; }
@page { size: auto; margin: 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 8pt; }
  table { font-size: 7pt; }
  h2 { break-after: avoid; }
  tr, .crisis, .chart { break-inside: avoid; }
  .pair { grid-template-columns: 58fr 42fr; }
}
""".strip()


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _table(
    header: Sequence[str], rows: Sequence[Sequence[object]], right: frozenset[int] = frozenset()
) -> str:
    def cell(tag: str, i: int, value: object) -> str:
        classes = []
        if i in right:
            classes.append("num")
        text = _e(value)
        if isinstance(value, m.Reading):
            text = _e(value.marked)
            if value.above:
                classes.append("above")
        elif isinstance(value, m.Emphasis):
            classes.append("above")
        attr = f' class="{" ".join(classes)}"' if classes else ""
        return f"<{tag}{attr}>{text}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(header))
    body = "\n".join(
        "<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>" for row in rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>"


def _small(text: str) -> str:
    return f'<p class="small">{_e(text)}</p>' if text else ""


def _overview(report: m.Report) -> str:
    items = "\n".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in report.overview)
    return f'<dl class="overview">\n{items}\n</dl>' + "".join(
        _small(d) for d in report.definitions
    )


def _mood(report: m.Report) -> str:
    if report.mood is None or not report.mood.days:
        return "<p>No mood logged in this range.</p>"
    from diary.files.report.chart import mood_chart_svg

    return f'<div class="chart">{mood_chart_svg(report.mood)}</div>' + _small(m.MOOD_CAPTION)


def _sessions(report: m.Report) -> str:
    if not report.sessions:
        return "<p>No sessions in this range.</p>"
    header = m.session_header(report.pulse)
    rows = [r.cells(report.pulse) for r in report.sessions]
    numeric = frozenset({1, len(header) - 3})
    return (
        _table(header, rows, numeric)
        + _small(report.sessions_hidden_line)
        + _small(m.session_legend(report.pulse))
    )


def _list(title: str, lines: tuple[str, ...]) -> str:
    """A titled list of lines of text; nothing when there are none."""
    if not lines:
        return ""
    items = "\n".join(f"<li>{_e(line)}</li>" for line in lines)
    return f"<p><b>{_e(title)}</b></p>\n<ul>\n{items}\n</ul>"


def _symptoms(report: m.Report) -> str:
    after = _list(m.MORNING_TITLE, report.next_morning)
    if not report.symptoms:
        return "<p>No side effects rated in this range.</p>" + after
    rows = [s.cells() for s in report.symptoms]
    table = _table(m.SYMPTOM_HEADER, rows, frozenset({1, 2, 3, 4, 5, 6, 7}))
    return table + _small(report.symptom_note) + after


def _medicines(report: m.Report) -> str:
    taken = report.medicines or ("none recorded",)
    return (
        _list(f"{m.TAKEN_TITLE} {report.end.isoformat()}", taken)
        + _list(m.CHANGES_TITLE, report.medicine_changes)
        + _small(MEDICINES_NOTE)
        + _list(m.CLINIC_TITLE, report.clinic)
    )


def _checkins(report: m.Report) -> str:
    if not report.checkins:
        return "<p>No check-ins in this range.</p>"
    header = ("Date", "PHQ-9", "PHQ-9 item 9", "GAD-7")
    rows = [(c.day.isoformat(), c.phq9, c.item9_cell, c.gad7) for c in report.checkins]
    return (
        _table(header, rows, frozenset({2}))
        + _small(report.checkins_note)
        + _small(m.ITEM9_LEGEND)
    )


def _notes(report: m.Report) -> str:
    if not report.notes:
        return "<p>No notes in this range.</p>"
    items = "\n".join(
        f"<li><b>{n.day.isoformat()}</b> ({_e(n.source)}): {_e(n.text)}</li>" for n in report.notes
    )
    return f'<ul class="notes">\n{items}\n</ul>' + _small(report.notes_hidden_line)


def render_html(report: m.Report) -> str:
    """The whole report as one HTML document."""
    meta = "".join(f'<p class="meta">{_e(line)}</p>\n' for line in report.header_lines[:3])
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(m.TITLE)}: {_e(report.period)}</title>",
        f"<style>\n{CSS}\n</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(m.TITLE)}</h1>",
        meta,
        f'<p class="disclaimer">{_e(m.DISCLAIMER)} {_e(m.NO_ADVICE)}</p>',
        "</header>",
        "<main>",
    ]
    if report.empty:
        parts += [f"<h2>{_e(m.OVERVIEW)}</h2>", f"<p><b>{_e(report.empty_line)}</b></p>"]
    else:
        parts += [
            f"<section><h2>{_e(m.OVERVIEW)}</h2>{_overview(report)}</section>",
            f"<section><h2>{_e(m.MOOD)}</h2>{_mood(report)}</section>",
            f"<section><h2>{_e(m.SESSIONS)}</h2>{_sessions(report)}</section>",
            '<div class="pair">',
            f"<section><h2>{_e(m.SIDE_EFFECTS)}</h2>{_symptoms(report)}</section>",
            f"<section><h2>{_e(m.CHECKINS)}</h2>{_checkins(report)}</section>",
            "</div>",
            f"<section><h2>{_e(m.MEDICINES)}</h2>{_medicines(report)}</section>",
            f"<section><h2>{_e(m.NOTES)}</h2>{_notes(report)}</section>",
        ]
    crisis = "".join(f"<p>{_e(line)}</p>" for line in report.crisis)
    parts += [
        "</main>",
        '<footer class="crisis">',
        f"<h2>{_e(m.CRISIS)}</h2>{crisis}",
        f'<p class="small">{_e(report.crisis_checked)}</p>',
        "</footer>",
        "</body>",
        "</html>",
        "",
    ]
    return "\n".join(parts)
