"""Turn diary records into the report model, taking every figure from the analysis layer.

The numbers come from diary/analysis/ (`summarise`, `rolling_mean_7`, `bp_series`) and
diary/analysis/checkins.py (`checkin_summary`); this module only picks, orders, shortens and
formats them, so the report and `diary stats --json` always agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from diary import analysis
from diary.analysis.checkins import (
    checkin_summary,
)
from diary.analysis.morning import NextMorning
from diary.domain import CheckIn, MoodEntry, Session, Settings, Symptom, VitalReading
from diary.domain.crisis import resources_for
from diary.domain.doses import dose_figure
from diary.domain.medicines import MedicineEvent
from diary.domain.pressure import reading_flags
from diary.domain.text import shown
from diary.files.report import model as m
from diary.files.report import treatment
from diary.files.report.overview import number, number_signed, overview_lines

NOTE_CHARS = 170


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


# --- tables ---------------------------------------------------------------------------------


def _reading(reading: VitalReading | None, pre: VitalReading | None) -> m.Reading:
    if reading is None:
        return m.Reading()
    return m.Reading(reading.text, reading_flags(reading, pre))


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
        parts.append(f"{dose_figure(session.total_mg)} mg")
    if session.mg_per_kg is not None:
        parts.append(f"{dose_figure(session.mg_per_kg)} mg/kg")
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
                pre=_reading(pressure.pre, pressure.pre),
                forty=_reading(pressure.forty, pressure.pre),
                discharge=_reading(pressure.discharge, pressure.pre),
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


def _symptom_rows(
    summary: analysis.Summary, next_morning: Sequence[NextMorning] = ()
) -> tuple[m.SymptomRow, ...]:
    count = len(summary.sessions)
    mornings = {n.key: f"{n.still_there} of {n.rated}" for n in next_morning}
    return tuple(
        m.SymptomRow(
            label=s.label,
            affected=f"{s.sessions_affected} of {count}",
            mean=number(s.mean_severity),
            worst=str(s.max_severity),
            early=number(s.early_mean),
            recent=number(s.recent_mean),
            lasted=number(s.median_minutes),
            next_morning=mornings.get(s.key, m.NO_VALUE),
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
    first_day: dt.date | None = None,
    medicine_events: Sequence[MedicineEvent] = (),
    next_morning: Sequence[NextMorning] = (),
) -> m.Report:
    """The report for start..end. Give moods from start - 6 days on, every session and every
    check-in on record, as `diary stats` does, so each figure is complete."""
    summary = analysis.summarise(
        moods, sessions, symptoms, numbers, start, end, standalone=standalone, first_day=first_day
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
    changes = treatment.medicine_changes(medicine_events, start, end)
    if not (in_range or summary.sessions or has_checkins or summary.bp_flagged or changes):
        return m.Report(empty=True, **common)
    common |= {
        "medicines": treatment.current_medicines(medicine_events, end),
        "medicines_short": treatment.current_medicines(medicine_events, end, short=True),
        "all_medicine_changes": changes,
        "all_clinic": treatment.clinic_lines(summary),
        "next_morning": treatment.next_morning_lines(next_morning),
    }
    overview, definitions = overview_lines(summary, checkin_figures)
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
        symptoms=_symptom_rows(summary, next_morning),
        symptom_note=(
            "Over the n sessions in range (0 none to 3 severe; not rated counts as 0). Early / "
            "recent: the first and last ceil(n/2). Lasted: median minutes, where recorded. "
            + m.NEXT_MORNING_NOTE
        ),
        all_checkins=_checkin_rows(checkin_figures),
        all_notes=_notes(in_range, summary),
        **common,
    )
