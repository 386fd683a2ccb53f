"""Filling a new demo diary with seeded synthetic data (never the person's own diary)."""

from __future__ import annotations

import datetime as dt
import tempfile
from dataclasses import dataclass
from pathlib import Path

from diary.actions.diary import writing
from diary.domain import ValidationError


@dataclass(frozen=True, slots=True)
class DemoMade:
    path: Path
    days: int
    sessions: int
    checkins: int

    @property
    def line(self) -> str:
        return (
            f"Demo diary: {self.days} days, {self.sessions} sessions, "
            f"{self.checkins} check-ins in {self.path}"
        )


def make_demo(path: Path | None, today: dt.date, years: float, seed: int) -> DemoMade:
    """A demo diary at path (a new temporary folder when None); refused over a file that
    holds data (settings and own symptoms are data too)."""
    from diary import demo

    if path is None:
        path = Path(tempfile.mkdtemp(prefix="diary-demo-")) / "demo.db"
    with writing(path) as store:
        if store.holds_data():
            raise ValidationError(
                "diary file", str(path), "a new or empty file (this one holds data)", key="db"
            )
        data = demo.generate(today, years=years, seed=seed)
        store.bulk_add(
            data.moods, data.sessions, data.checkins, data.medicine_events, data.mornings
        )
    return DemoMade(path, len(data.moods), len(data.sessions), len(data.checkins))
