"""Everything `diary stats` reports for a range, put together from the other modules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from diary.analysis.mood import MoodSummary, mood_summary
from diary.analysis.pressure import DatedReading, above_reference
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
    mood: MoodSummary
    sessions: tuple[SessionEffect, ...]
    symptoms: tuple[SymptomStats, ...]
    bp_above_reference: tuple[DatedReading, ...]

    def as_dict(self) -> dict[str, Any]:
        """The `diary stats --json` object: a new plain dict, so callers may add keys."""
        return {
            "days_in_range": self.days_in_range,
            "days_logged": self.days_logged,
            "mood": self.mood.as_dict(),
            "sessions": [s.as_dict() for s in self.sessions],
            "symptoms": [s.as_dict() for s in self.symptoms],
            "bp_above_reference": [r.as_dict() for r in self.bp_above_reference],
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
) -> Summary:
    """The figures of `diary stats` for start..end (see the module's definitions).

    Records outside the range are context, not counted: give every mood from start - 3
    days on and every session from start on (or simply all), so the first session's
    baseline, each session's next session and every days_above_baseline are complete.
    """
    log = MoodLog.of(moods)
    effects = session_effects(log, sessions, numbers, symptoms)
    chosen = [e for e in effects if start <= e.session.day <= end]
    in_range = [e.session for e in chosen]
    return Summary(
        start=start,
        end=end,
        days_in_range=(end - start).days + 1,
        days_logged=len(log.logged(start, end)),
        mood=mood_summary(log, start, end),
        sessions=tuple(chosen),
        symptoms=tuple(symptom_stats(in_range, symptoms)),
        bp_above_reference=tuple(above_reference(in_range, start, end, standalone)),
    )
