"""Rich tables the `diary` command prints; imported only by the commands that print them."""

from __future__ import annotations

import datetime as dt

from rich.table import Table
from rich.text import Text

from diary.analysis.sessions import worst_rating
from diary.domain import MoodEntry, Session, VitalLabel
from diary.domain.pressure import BP_MARKS, marks, reading_flags
from diary.domain.text import shown


def _worst(session: Session, labels: dict[str, str]) -> str:
    worst = worst_rating(session, labels)
    if worst is None:
        return "none"
    return f"{labels.get(worst.symptom, worst.symptom)} ({worst.severity.word})"


def _bp(session: Session) -> str:
    parts = []
    pre = session.vital(VitalLabel.PRE)
    for label in (VitalLabel.PRE, VitalLabel.FORTY, VitalLabel.DISCHARGE):
        reading = session.vital(label)
        text = "—" if reading is None else reading.text + marks(reading_flags(reading, pre))
        parts.append(text)
    return " · ".join(parts)


def list_table(
    start: dt.date,
    end: dt.date,
    moods: list[MoodEntry],
    sessions: list[Session],
    numbers: dict[int, int],
    labels: dict[str, str],
) -> Table:
    """Days with a mood or a session, oldest first; readings past a reference point marked,
    and the marks explained under the table only when a reading has one. The BP heading is
    words ("pre · 40 · disch"), so a narrow column wraps it between them."""
    rows: list[list[str | Text]] = []
    by_day: dict[dt.date, list[Session]] = {}
    for session in sessions:
        by_day.setdefault(session.day, []).append(session)
    mood_by_day = {m.day: m for m in moods}
    for day in sorted(set(mood_by_day) | set(by_day)):
        mood = mood_by_day.get(day)
        day_cells = ["", "", "", "", ""]
        if mood is not None:
            day_cells = [
                day.isoformat(),
                f"{mood.mood}/10",
                "" if mood.anxiety is None else str(mood.anxiety),
                "" if mood.sleep_hours is None else f"{mood.sleep_hours:g} h",
                mood.note,
            ]
        day_cells[0] = day.isoformat()
        todays = by_day.get(day, [])
        if not todays:  # typed text as Text: a "[x]" in a note is not Rich markup
            rows.append([*day_cells[:4], "", "", "", Text(shown(day_cells[4]))])
        for index, session in enumerate(todays):
            cells = day_cells if index == 0 else ["", "", "", "", ""]
            number = numbers.get(session.id or 0, "?")
            rows.append(
                [
                    *cells[:4],
                    f"#{number} {session.route.value} {session.dose_text}",
                    _bp(session),
                    Text(shown(_worst(session, labels), one_line=True)),
                    Text(shown(" ".join(t for t in (cells[4], session.note) if t))),
                ]
            )
    flagged = any(reading_flags(v, s.vital(VitalLabel.PRE)) for s in sessions for v in s.vitals)
    caption = "; ".join(f"{mark} {flag.value}" for flag, mark in BP_MARKS.items())
    table = Table(
        title=f"Diary {start} to {end}",
        caption=f"Blood pressure: {caption}" if flagged else None,
    )
    for column in ("Date", "Mood", "Anx", "Sleep"):
        table.add_column(column, no_wrap=True)
    for column in ("Session", "BP pre · 40 · disch", "Worst side effect", "Note"):
        table.add_column(column, overflow="ellipsis")  # wraps at spaces; a long word ends "…"
    for row in rows:
        table.add_row(*row)
    return table
