"""Everything `diary stats` reports for a range, put together from the other modules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from diary.analysis.course import Course, treatment_course
from diary.analysis.mood import MoodSummary, mood_summary
from diary.analysis.pressure import DatedReading, flagged_readings
from diary.analysis.sessions import SessionEffect, session_effects
from diary.analysis.side_effects import SymptomStats, symptom_stats
from diary.analysis.timeline import MoodLog
from diary.domain import MoodEntry, Session, Symptom, VitalReading


@dataclass(frozen=True, slots=True)
class Summary:
    """Everything `diary stats` reports for a range."""

    start: dt.date
    end: dt.date
    days_in_range: int
    days_logged: int
    counted_from: dt.date | None
    days_counted: int
    mood: MoodSummary
    course: Course
    sessions: tuple[SessionEffect, ...]
    symptoms: tuple[SymptomStats, ...]
    bp_flagged: tuple[DatedReading, ...]

    def as_dict(self) -> dict[str, Any]:
        """The `diary stats --json` object: a new plain dict, so callers may add keys."""
        return {
            "days_in_range": self.days_in_range,
            "days_logged": self.days_logged,
            "counted_from": None if self.counted_from is None else self.counted_from.isoformat(),
            "days_counted": self.days_counted,
            "mood": self.mood.as_dict(),
            "treatment": self.course.as_dict(),
            "sessions": [s.as_dict() for s in self.sessions],
            "symptoms": [s.as_dict() for s in self.symptoms],
            "bp_flagged": [r.as_dict() for r in self.bp_flagged],
        }

    def to_json(self, extra: Mapping[str, Any] | None = None) -> str:
        """as_dict() with the extra keys (e.g. check-ins) as indented JSON."""
        import json

        return json.dumps({**self.as_dict(), **(extra or {})}, indent=2, ensure_ascii=False)


def summarise(
    moods: Iterable[MoodEntry] | MoodLog,
    sessions: Iterable[Session],
    symptoms: Sequence[Symptom],
    numbers: Mapping[int, int],
    start: dt.date,
    end: dt.date,
    *,
    standalone: Iterable[VitalReading] = (),
    first_day: dt.date | None = None,
) -> Summary:
    """The figures of `diary stats` for start..end (see the module's definitions).

    Records outside the range are context, not counted: give every mood from start - 3
    days on and every session from start on (or simply all), so the first session's
    baseline, each session's next session and every days_above_baseline are complete.
    first_day is the first day with anything recorded (days are counted from it).
    """
    entries = moods if isinstance(moods, MoodLog) else list(moods)
    log = MoodLog.of(entries)
    sessions = list(sessions)
    effects = session_effects(log, sessions, numbers, symptoms)
    chosen = [e for e in effects if start <= e.session.day <= end]
    in_range = [e.session for e in chosen]
    counted_from: dt.date | None = start if first_day is None else max(start, first_day)
    if counted_from is not None and counted_from > end:
        counted_from = None  # the diary begins after the range: no day of it is counted
    return Summary(
        start=start,
        end=end,
        days_in_range=(end - start).days + 1,
        days_logged=len(log.logged(start, end)),
        counted_from=counted_from,
        days_counted=0 if counted_from is None else (end - counted_from).days + 1,
        mood=mood_summary(entries, start, end, counted_from),
        course=treatment_course(sessions, end),
        sessions=tuple(chosen),
        symptoms=tuple(symptom_stats(in_range, symptoms)),
        bp_flagged=tuple(flagged_readings(in_range, start, end, standalone)),
    )
