"""Turn diary records into the report model, taking every figure from the analysis layer.

The numbers come from diary/analysis/ (`summarise`, `rolling_mean_7`, `bp_series`) and
diary/analysis/checkins.py (`checkin_summary`); this module only picks, orders, shortens and
formats them, so the report and `diary stats --json` always agree.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from diary import analysis
from diary.analysis.checkins import (
    ASSESSED_WHEN,
    REMISSION_DEFINITION,
    RESPONSE_DEFINITION,
    SOURCE_NOTE,
    checkin_summary,
)
from diary.domain import CheckIn, MoodEntry, Session, Settings, Symptom, VitalReading
from diary.domain.crisis import resources_for
from diary.domain.text import shown
from diary.files.report import model as m

NOTE_CHARS = 170


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


def shorten(text: str, limit: int = NOTE_CHARS) -> str:
    """One line of at most limit characters, cut at a word with an ellipsis when longer;
    control characters (ESC, NUL) drawn as symbols so no file or terminal runs them."""
    flat = shown(" ".join(text.split()), one_line=True)
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


# --- overview -------------------------------------------------------------------------------


def _sessions_line(summary: analysis.Summary) -> str:
    sessions = [e.session for e in summary.sessions]
    if not sessions:
        return "none in this range"
    routes = Counter(s.route.label for s in sessions)
    route_text = ", ".join(f"{label} {count}" for label, count in routes.most_common())
    doses = [e.as_dict()["dose_mg"] for e in summary.sessions]
    doses = [d for d in doses if d is not None]
    line = f"{len(sessions)} ({route_text})"
    if doses:
        low, high = min(doses), max(doses)
        span = f"{low:g} mg" if low == high else f"{low:g}-{high:g} mg"
        line += f"; dose {span}"
    return line


def _bp_line(summary: analysis.Summary) -> str:
    above = summary.bp_above_reference
    if not above:
        return "no reading above 140/90 (reference)"
    days = len({r.day for r in above})
    return (
        f"{_plural(len(above), 'reading')} above 140/90 (reference) on {_plural(days, 'day')}: "
        + ", ".join(f"{r.day.isoformat()} {r.reading.text}" for r in above[-4:])
        + (" and earlier" if len(above) > 4 else "")
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


def _overview(
    summary: analysis.Summary, checkins: Mapping[str, Any]
) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    mood = summary.mood
    lines = [
        ("Sessions", _sessions_line(summary)),
        ("Mood logged", f"{summary.days_logged} of {summary.days_in_range} days"),
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
    if summary.sessions or summary.bp_above_reference:
        lines.append(("Blood pressure", _bp_line(summary)))
    definitions: tuple[str, ...] = ()
    if checkins["phq9"]:
        lines.append(("PHQ-9 (0-27)", _phq9_line(checkins)))
        definitions = (
            f"Definitions: {RESPONSE_DEFINITION}; {REMISSION_DEFINITION}; {ASSESSED_WHEN}. "
            f"Baseline: the last PHQ-9 on or before session #1's day, the same in every range. "
            f"{SOURCE_NOTE}.",
        )
    if checkins["gad7"]:
        lines.append(("GAD-7 (0-21)", _gad7_line(checkins)))
    return tuple(lines), definitions


# --- tables ---------------------------------------------------------------------------------


def _reading(reading: VitalReading | None) -> m.Reading:
    if reading is None:
        return m.Reading()
    return m.Reading(reading.text, reading.above_reference)


def _side_effect_items(
    session: Session, order: Mapping[str, int], labels: Mapping[str, str]
) -> tuple[str, ...]:
    """The felt side effects as 'Label severity', most severe first (ties: catalogue order)."""
    felt = [r for r in session.side_effects if r.severity > 0]
    felt.sort(key=lambda r: (-r.severity, order.get(r.symptom, len(order)), r.symptom))
    return tuple(f"{labels.get(r.symptom, r.symptom)} {int(r.severity)}" for r in felt)


def _side_effects(session: Session, items: Sequence[str]) -> str:
    if not session.side_effects:
        return "not rated"
    return ", ".join(items) if items else "none"


def _days_above(effect: analysis.SessionEffect, short: bool = False) -> str:
    if effect.same_day_as is not None:
        return f"same day as #{effect.same_day_as}"
    above = effect.days_above
    if above is None:
        return m.NO_VALUE
    if short:
        return f"{above.days} ({above.logged_days}, {m.ENDED_SHORT[above.ended_by]})"
    return above.text


def _pulse(session: Session) -> str:
    """Heart rate (lowest-highest) and the lowest SpO2 of a session's readings, where given."""
    rates = [v.heart_rate for v in session.vitals if v.heart_rate is not None]
    oxygen = [v.spo2 for v in session.vitals if v.spo2 is not None]
    parts = []
    if rates:
        low, high = min(rates), max(rates)
        parts.append(f"{low}" if low == high else f"{low}-{high}")
    if oxygen:
        parts.append(f"{min(oxygen)}%")
    return ", ".join(parts) or m.NO_VALUE


def _mood_change(effect: analysis.SessionEffect) -> str:
    if effect.same_day_as is not None or effect.change is None:
        return m.NO_VALUE
    return number_signed(effect.change)


def _dose(session: Session) -> str:
    """mg and mg/kg (worked out where a weight is known), e.g. '36 mg, 0.5 mg/kg'."""
    parts = []
    if session.total_mg is not None:
        parts.append(f"{number(session.total_mg)} mg")
    if session.mg_per_kg is not None:
        parts.append(f"{number(session.mg_per_kg)} mg/kg")
    return ", ".join(parts) or m.NO_VALUE


def _session_rows(
    summary: analysis.Summary, symptoms: Sequence[Symptom]
) -> tuple[m.SessionRow, ...]:
    order = {s.key: i for i, s in enumerate(symptoms)}
    labels = {s.key: s.label for s in symptoms}
    shown = summary.sessions
    pressures = analysis.bp_series(e.session for e in shown)
    rows = []
    for effect, pressure in zip(shown, pressures, strict=True):
        session = effect.session
        items = _side_effect_items(session, order, labels)
        rows.append(
            m.SessionRow(
                day=session.day,
                number=effect.number or 0,
                route=session.route.label,
                dose=_dose(session),
                pre=_reading(pressure.pre),
                forty=_reading(pressure.forty),
                discharge=_reading(pressure.discharge),
                side_effects=_side_effects(session, items),
                side_effect_items=items,
                benefit=_days_above(effect),
                benefit_short=_days_above(effect, short=True),
                phase=m.NO_VALUE if session.phase is None else str(session.phase),
                pulse=_pulse(session),
                mood_change=_mood_change(effect),
            )
        )
    return tuple(rows)


def _symptom_rows(summary: analysis.Summary) -> tuple[m.SymptomRow, ...]:
    count = len(summary.sessions)
    return tuple(
        m.SymptomRow(
            label=s.label,
            affected=f"{s.sessions_affected} of {count}",
            mean=number(s.mean_severity),
            worst=str(s.max_severity),
            early=number(s.early_mean),
            recent=number(s.recent_mean),
        )
        for s in summary.symptoms
    )


def _checkin_rows(checkins: Mapping[str, Any]) -> tuple[m.CheckinRow, ...]:
    """One row per day with a check-in, oldest first; two on one day are both shown, and
    item 9 is the highest answer of that day, so an answer above 0 is never hidden."""
    days: dict[str, dict[str, str]] = {}
    for entry in checkins["phq9"]:
        cells = days.setdefault(entry["date"], {})
        shown_total = f"{entry['total']} {entry['band']}"
        cells["phq9"] = f"{cells['phq9']}; {shown_total}" if "phq9" in cells else shown_total
        cells["item9"] = str(max(int(cells.get("item9", "0")), int(entry["item9"])))
    for entry in checkins["gad7"]:
        cells = days.setdefault(entry["date"], {})
        shown_total = f"{entry['total']} {entry['band']}"
        cells["gad7"] = f"{cells['gad7']}; {shown_total}" if "gad7" in cells else shown_total
    return tuple(
        m.CheckinRow(dt.date.fromisoformat(day), **cells) for day, cells in sorted(days.items())
    )


def _notes(moods: Sequence[MoodEntry], summary: analysis.Summary) -> tuple[m.Note, ...]:
    found = [(e.day, 0, m.Note(e.day, "day", shorten(e.note))) for e in moods if e.note.strip()]
    found += [
        (e.session.day, 1, m.Note(e.session.day, f"session {e.number}", shorten(e.session.note)))
        for e in summary.sessions
        if e.session.note.strip()
    ]
    found.sort(key=lambda item: (item[0], item[1]))
    return tuple(note for _, _, note in found)


# --- the whole report -----------------------------------------------------------------------


def build_report(
    *,
    start: dt.date,
    end: dt.date,
    made: dt.date,
    settings: Settings,
    moods: Sequence[MoodEntry],
    sessions: Sequence[Session],
    checkins: Sequence[CheckIn],
    symptoms: Sequence[Symptom],
    numbers: Mapping[int, int],
    standalone: Sequence[VitalReading] = (),
) -> m.Report:
    """The report for start..end. Give moods from start - 6 days on, every session and every
    check-in on record, as `diary stats` does, so each figure is complete."""
    summary = analysis.summarise(
        moods, sessions, symptoms, numbers, start, end, standalone=standalone
    )
    first_session = min((s.day for s in sessions), default=None)
    checkin_figures = checkin_summary(checkins, start, end, first_session)
    in_range = [e for e in moods if start <= e.day <= end]
    crisis = resources_for(settings.country)
    common: dict[str, Any] = {
        "start": start,
        "end": end,
        "made": made,
        "name": shown(settings.name, one_line=True),
        "crisis": crisis.lines,
        "crisis_checked": crisis.checked_line,
        "paper": m.paper_for(settings.country),
    }
    has_checkins = bool(checkin_figures["phq9"] or checkin_figures["gad7"])
    if not (in_range or summary.sessions or has_checkins or summary.bp_above_reference):
        return m.Report(empty=True, **common)
    overview, definitions = _overview(summary, checkin_figures)
    means = [
        (day, value)
        for day, value in analysis.rolling_mean_7(moods, start, end)
        if value is not None
    ]
    mood = m.MoodSeries(
        days=tuple(e.day for e in in_range),
        moods=tuple(e.mood for e in in_range),
        mean_days=tuple(day for day, _ in means),
        means=tuple(value for _, value in means),
        session_days=tuple(sorted({e.session.day for e in summary.sessions})),
        start=start,
        end=end,
    )
    return m.Report(
        overview=overview,
        definitions=definitions,
        mood=mood,
        all_sessions=_session_rows(summary, symptoms),
        symptoms=_symptom_rows(summary),
        symptom_note=(
            "Mean and worst severity over the sessions in range (0 none to 3 severe; not "
            "rated counts as 0). Early / recent: mean in the first and last ceil(n/2) of the n "
            "sessions (an odd n puts the middle one in both)."
        ),
        all_checkins=_checkin_rows(checkin_figures),
        all_notes=_notes(in_range, summary),
        **common,
    )
