"""CSV exports: one row per day for a doctor's spreadsheet, and one tidy file per table.

Every cell that a spreadsheet could run as a formula is neutralised with a leading `'`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import shutil
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from diary.domain import MoodEntry, Session, Symptom, VitalLabel
from diary.files.writing import ExportError, write_atomically

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: object) -> str:
    """The cell as text, with `'` in front when it starts like a spreadsheet formula."""
    text = "" if cell is None else str(cell)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """UTF-8 CSV text with a header row; every cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([neutralise(c) for c in row])
    return out.getvalue()


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _session_text(session: Session) -> str:
    dose = session.dose_text
    return f"{session.route.value} {dose}".strip()


def daily_table(
    start: dt.date,
    end: dt.date,
    moods: Iterable[MoodEntry],
    sessions: Iterable[Session],
    symptoms: Sequence[Symptom],
) -> tuple[list[str], list[list[object]]]:
    """One row per calendar day from start to end, days without entries included.

    A day with two sessions joins them with '; ' and takes each symptom's worst severity.
    """
    by_day_mood = {m.day: m for m in moods}
    by_day_sessions: dict[dt.date, list[Session]] = {}
    for session in sessions:
        by_day_sessions.setdefault(session.day, []).append(session)
    header = [
        "date",
        "mood",
        "anxiety",
        "sleep_hours",
        "session",
        "bp_pre",
        "bp_40",
        "bp_discharge",
        *[f"{s.key}_severity" for s in symptoms],  # the symptom "anxiety" is not the mood's
        "note",
    ]
    rows: list[list[object]] = []
    day = start
    while day <= end:
        mood = by_day_mood.get(day)
        todays = by_day_sessions.get(day, [])

        def bp(label: VitalLabel, todays: list[Session] = todays) -> str:
            return "; ".join(v.text for s in todays if (v := s.vital(label)) is not None)

        severities = [
            max((int(s.severity_of(symptom.key)) for s in todays), default="")
            for symptom in symptoms
        ]
        notes = [mood.note] if mood and mood.note else []
        notes += [f"session: {s.note}" for s in todays if s.note]
        rows.append(
            [
                day.isoformat(),
                "" if mood is None else mood.mood,
                "" if mood is None or mood.anxiety is None else mood.anxiety,
                "" if mood is None else _number(mood.sleep_hours),
                "; ".join(_session_text(s) for s in todays),
                bp(VitalLabel.PRE),
                bp(VitalLabel.FORTY),
                bp(VitalLabel.DISCHARGE),
                *severities,
                " | ".join(notes),
            ]
        )
        day += dt.timedelta(days=1)
    return header, rows


def write_daily_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    write_atomically(path, to_csv(header, rows))


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
