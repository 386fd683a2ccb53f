"""CSV exports: one row per day (or per session) for a doctor's spreadsheet, and one tidy
file per table.

Every cell that a spreadsheet could run as a formula is neutralised with a leading `'`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from diary.analysis.sessions import SessionEffect
from diary.domain import CheckIn, CheckinKind, MoodEntry, Session, Symptom, VitalLabel
from diary.domain.medicines import MedicineEvent
from diary.domain.morning import MorningAfter
from diary.domain.pressure import reading_flags
from diary.domain.questionnaires import PHQ9_SELF_HARM_ITEM
from diary.files.csv_treatment import (
    CLINIC_HEADER,
    clinic_cells,
    day_medicines,
    morning_cells,
    morning_header,
)
from diary.files.writing import ExportError, write_atomically

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def neutralise(cell: object) -> str:
    """The cell as text, with `'` in front when it starts like a spreadsheet formula; a plain
    negative number (a change of -0.33) runs nothing and stays a number."""
    text = "" if cell is None else str(cell)
    if PLAIN_NUMBER.fullmatch(text):
        return text
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """UTF-8 CSV text with a header row; every cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([neutralise(c) for c in row])
    return out.getvalue()


BOM = "\ufeff"  # so a spreadsheet opened by double-click reads the file as UTF-8
READING_COLUMNS = (("pre", VitalLabel.PRE), ("40", VitalLabel.FORTY))
READING_COLUMNS += (("discharge", VitalLabel.DISCHARGE),)


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _blank(value: object) -> object:
    return "" if value is None else value


def _reading_names() -> list[str]:
    names = []
    for name, _ in READING_COLUMNS:
        names += [f"bp_{name}_sys", f"bp_{name}_dia", f"hr_{name}", f"spo2_{name}"]
    return names


def _readings(session: Session | None) -> list[object]:
    """Each labelled reading as four numbers: systolic, diastolic, heart rate, SpO2."""
    cells: list[object] = []
    for _, label in READING_COLUMNS:
        v = None if session is None else session.vital(label)
        cells += (
            ["", "", "", ""]
            if v is None
            else [v.systolic, v.diastolic, _blank(v.heart_rate), _blank(v.spo2)]
        )
    return cells


def _dose(session: Session | None) -> list[object]:
    if session is None:
        return ["", "", "", ""]
    return [
        session.route.value,
        "" if session.phase is None else session.phase.value,
        _number(session.total_mg),
        _number(session.mg_per_kg),
    ]


def _severities(session: Session | None, symptoms: Sequence[Symptom]) -> list[object]:
    if session is None:
        return [""] * len(symptoms)
    return [int(session.severity_of(s.key)) for s in symptoms]


def _of_day(checkins: Iterable[CheckIn], kind: CheckinKind) -> dict[dt.date, list[CheckIn]]:
    """Each day's check-ins of a kind in the order saved: the last is the day's score (as in
    every other figure)."""
    found: dict[dt.date, list[CheckIn]] = {}
    for checkin in sorted(checkins, key=lambda c: c.day):  # stable: saved order within a day
        if checkin.kind == kind:
            found.setdefault(checkin.day, []).append(checkin)
    return found


def _item9(phq9s: Sequence[CheckIn]) -> int:
    """The day's highest PHQ-9 item 9 answer, as the report shows it: an answer above 0 in
    an earlier PHQ-9 of the day is never hidden by a later one."""
    return max(c.answers[PHQ9_SELF_HARM_ITEM - 1] for c in phq9s)


def _several_phq9s_note(phq9s: Sequence[CheckIn]) -> str:
    totals = ", ".join(str(c.total) for c in phq9s)
    return f"{len(phq9s)} PHQ-9s: {totals} (phq9 the last, phq9_item9 the highest item 9)"


def daily_table(
    start: dt.date,
    end: dt.date,
    moods: Iterable[MoodEntry],
    sessions: Iterable[Session],
    symptoms: Sequence[Symptom],
    checkins: Iterable[CheckIn] = (),
    medicine_events: Sequence[MedicineEvent] = (),
) -> tuple[list[str], list[list[object]]]:
    """One row per calendar day from start to end, days without entries included.

    Numbers are numbers: blood pressure as systolic and diastolic, heart rate, SpO2, dose
    in mg and mg/kg. Two sessions on one day are never merged into a cell: the day gives
    `sessions` 2 and leaves the session columns empty (`--sessions` has one row each).
    """
    checkins = list(checkins)
    by_day_mood = {m.day: m for m in moods}
    by_day_sessions: dict[dt.date, list[Session]] = {}
    for session in sessions:
        by_day_sessions.setdefault(session.day, []).append(session)
    phq9 = _of_day(checkins, CheckinKind.PHQ9)
    gad7 = {day: found[-1] for day, found in _of_day(checkins, CheckinKind.GAD7).items()}
    header = [
        "date",
        "mood",
        "anxiety",  # the day's anxiety 0-10; the side effect is se_anxiety
        "sleep_hours",
        "sessions",
        "route",
        "phase",
        "dose_mg",
        "dose_mg_per_kg",
        *_reading_names(),
        "phq9",
        "phq9_item9",
        "gad7",
        *[f"se_{s.key}" for s in symptoms],
        "medicines",
        "note",
    ]
    taken = day_medicines(medicine_events, start, end)
    rows: list[list[object]] = []
    day = start
    while day <= end:
        mood = by_day_mood.get(day)
        todays = by_day_sessions.get(day, [])
        only = todays[0] if len(todays) == 1 else None
        notes = [mood.note] if mood and mood.note else []
        if only is not None and only.note:
            notes.append(f"session: {only.note}")
        elif len(todays) > 1:
            notes.append(f"{len(todays)} sessions: one row each in diary export csv --sessions")
        phqs = phq9.get(day, [])
        if len(phqs) > 1:
            notes.append(_several_phq9s_note(phqs))
        rows.append(
            [
                day.isoformat(),
                "" if mood is None else mood.mood,
                "" if mood is None or mood.anxiety is None else mood.anxiety,
                "" if mood is None else _number(mood.sleep_hours),
                len(todays) if todays else "",
                *_dose(only),
                *_readings(only),
                phqs[-1].total if phqs else "",
                _item9(phqs) if phqs else "",
                "" if (g := gad7.get(day)) is None else g.total,
                *_severities(only, symptoms),
                taken.get(day, ""),
                " | ".join(notes),
            ]
        )
        day += dt.timedelta(days=1)
    return header, rows


def session_table(
    effects: Sequence[SessionEffect],
    symptoms: Sequence[Symptom],
    mornings: Mapping[int, MorningAfter] | None = None,
) -> tuple[list[str], list[list[object]]]:
    """One row per session with its numbers, the figures `diary stats` gives it, what the
    clinic recorded, its REMS-class medicines and its morning after (by session id)."""
    mornings = mornings or {}
    header = [
        "date",
        "time",
        "number",
        "route",
        "phase",
        "dose_mg",
        "dose_mg_per_kg",
        "weight_kg",
        "duration_min",
        "clinic",
        *_reading_names(),
        "bp_flags",
        "gap_days",
        "same_day_as",
        "baseline",
        "after",
        "change",
        "days_above_baseline",
        "logged_days",
        "ended_by",
        "burden",
        *[f"se_{s.key}" for s in symptoms],
        *CLINIC_HEADER,
        *morning_header(symptoms),
        "note",
    ]
    rows: list[list[object]] = []
    for effect in effects:
        session = effect.session
        pre = session.vital(VitalLabel.PRE)
        flags = [
            f"{v.label.label}: {'; '.join(str(f) for f in found)}"
            for v in session.vitals
            if (found := reading_flags(v, pre))
        ]
        above = effect.days_above
        rows.append(
            [
                session.day.isoformat(),
                session.started_at.strftime("%H:%M"),
                _blank(effect.number),
                *_dose(session),
                _number(session.weight_kg),
                _blank(session.duration_min),
                session.clinic,
                *_readings(session),
                " | ".join(flags),
                _blank(effect.gap_days),
                _blank(effect.same_day_as),
                _number(effect.baseline),
                _number(effect.after),
                _number(effect.change),
                "" if above is None else above.days,
                "" if above is None else above.logged_days,
                "" if above is None else above.ended_by,
                effect.burden,
                *_severities(session, symptoms),
                *clinic_cells(session),
                *morning_cells(mornings.get(session.id or 0), symptoms),
                session.note,
            ]
        )
    return header, rows


def write_daily_csv(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[object]], *, bom: bool = True
) -> None:
    """The CSV, with a UTF-8 byte-order mark unless bom is False (for scripts)."""
    write_atomically(path, (BOM if bom else "") + to_csv(header, rows))


def write_tables(folder: Path, tables: dict[str, tuple[list[str], list[tuple]]]) -> list[Path]:
    """One tidy CSV per table, with ids, into folder; returns the files written.

    All of them or none: each is written into a temporary folder beside the target, which
    becomes the target (or whose files move into an existing one) only once every table
    is written. On a failure nothing is left behind."""
    names = [f"{name}.csv" for name in tables]
    taken = [n for n in names if (folder / n).exists() and not (folder / n).is_file()]
    if taken:
        raise ExportError(f"cannot write {folder / taken[0]}: a folder of that name is there")
    try:
        temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    except OSError as error:
        raise ExportError(f"cannot write in {folder.parent}: {error.strerror or error}") from None
    try:
        for name, (columns, rows) in tables.items():
            write_atomically(temp / f"{name}.csv", to_csv(columns, rows))
        if folder.exists():
            for name in names:  # a rename within one file system: it cannot run out of room
                os.replace(temp / name, folder / name)
            temp.rmdir()
        else:
            temp.rename(folder)
    except OSError as error:
        shutil.rmtree(temp, ignore_errors=True)
        raise ExportError(f"cannot write {folder}: {error.strerror or error}") from None
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return [folder / name for name in names]
