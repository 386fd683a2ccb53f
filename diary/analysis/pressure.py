"""Blood pressure: each session's three readings, and the readings above 140/90."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from diary.analysis.timeline import by_time
from diary.domain import Session, VitalLabel, VitalReading


@dataclass(frozen=True, slots=True)
class SessionPressure:
    """A session's pre-dose, ~40 min and discharge readings (None when not taken)."""

    session: Session
    pre: VitalReading | None
    forty: VitalReading | None
    discharge: VitalReading | None


def bp_series(sessions: Iterable[Session]) -> list[SessionPressure]:
    """Each session's three labelled readings, oldest session first."""
    return [
        SessionPressure(
            s, s.vital(VitalLabel.PRE), s.vital(VitalLabel.FORTY), s.vital(VitalLabel.DISCHARGE)
        )
        for s in by_time(sessions)
    ]


@dataclass(frozen=True, slots=True)
class DatedReading:
    """A blood pressure reading with the day it belongs to."""

    day: dt.date
    reading: VitalReading

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "label": str(self.reading.label),
            "systolic": self.reading.systolic,
            "diastolic": self.reading.diastolic,
        }


def above_reference(
    sessions: Iterable[Session],
    start: dt.date,
    end: dt.date,
    standalone: Iterable[VitalReading] = (),
) -> list[DatedReading]:
    """Readings above 140/90 in the range: sessions' by their day, stand-alone by taken_at."""
    found = [
        DatedReading(s.day, v)
        for s in by_time(sessions)
        if start <= s.day <= end
        for v in s.vitals
        if v.above_reference
    ]
    found += [
        DatedReading(v.taken_at.date(), v)
        for v in standalone
        if v.taken_at is not None and start <= v.taken_at.date() <= end and v.above_reference
    ]
    return sorted(found, key=lambda r: r.day)  # stable: a session's readings keep their order
