"""How often a side effect was still there the morning after a session."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from diary.domain import Session, Severity, Symptom
from diary.domain.morning import MorningAfter


@dataclass(frozen=True, slots=True)
class NextMorning:
    """One symptom over the sessions in range whose morning after rated it."""

    key: str
    label: str
    still_there: int  # rated mild or more the next morning
    rated: int  # sessions whose morning after rated the symptom

    @property
    def text(self) -> str:
        """'grogginess: next morning in 4 of 9 sessions'."""
        return f"{self.label}: next morning in {self.still_there} of {self.rated} sessions"

    def as_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "label": self.label,
            "still_there": self.still_there,
            "rated": self.rated,
        }


def next_morning(
    sessions: Iterable[Session],
    mornings: Iterable[MorningAfter],
    symptoms: Sequence[Symptom],
    start: dt.date,
    end: dt.date,
) -> list[NextMorning]:
    """Per symptom rated on some morning after a session in start..end, in catalogue order
    (a key missing from the catalogue last): how many of those mornings it was still there.
    A rating taken on another day than the one after the session's is not a next morning."""
    in_range = {s.id: s.day for s in sessions if start <= s.day <= end and s.id is not None}
    counts: dict[str, list[int]] = {}
    for morning in mornings:
        day = in_range.get(morning.session_id)
        if day is None or not morning.is_next_morning(day):
            continue
        for rating in morning.ratings:
            count = counts.setdefault(rating.symptom, [0, 0])
            count[1] += 1
            count[0] += rating.severity >= Severity.MILD
    labels = {s.key: s.label for s in symptoms}
    order = {s.key: n for n, s in enumerate(symptoms)}
    keys = sorted(counts, key=lambda k: (order.get(k, len(order)), k))
    return [NextMorning(k, labels.get(k, k), counts[k][0], counts[k][1]) for k in keys]
