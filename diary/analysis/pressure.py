"""Blood pressure: each session's three readings, and the readings past a reference point."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from diary.analysis.timeline import by_time
from diary.domain import Session, VitalLabel, VitalReading
from diary.domain.pressure import BPFlag, reading_flags


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
    """A blood pressure reading with the day it belongs to and the reference points it passes."""

    day: dt.date
    reading: VitalReading
    flags: tuple[BPFlag, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "label": str(self.reading.label),
            "systolic": self.reading.systolic,
            "diastolic": self.reading.diastolic,
            "flags": [str(flag) for flag in self.flags],
        }


def flagged_readings(
    sessions: Iterable[Session],
    start: dt.date,
    end: dt.date,
    standalone: Iterable[VitalReading] = (),
) -> list[DatedReading]:
    """Readings that pass a reference point in the range: sessions' by their day (each
    compared with its session's pre-dose reading), stand-alone ones by taken_at."""
    found = []
    for s in by_time(sessions):
        if start <= s.day <= end:
            pre = s.vital(VitalLabel.PRE)
            for v in s.vitals:
                if flags := reading_flags(v, pre):
                    found.append(DatedReading(s.day, v, flags))
    for v in standalone:
        in_range = v.taken_at is not None and start <= v.taken_at.date() <= end
        if in_range and (flags := reading_flags(v)) and v.taken_at is not None:
            found.append(DatedReading(v.taken_at.date(), v, flags))
    return sorted(found, key=lambda r: r.day)  # stable: a session's readings keep their order
