"""What each session did: mood before and after, days above baseline, side-effect burden."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from diary.analysis.rounding import round_mean
from diary.analysis.timeline import ONE_DAY, MoodLog, by_time, days
from diary.domain import MoodEntry, Session, SideEffectRating, Symptom

WINDOW_DAYS = 3  # baseline S-3..S-1, after S+1..S+3


def _baseline(log: MoodLog, day: dt.date) -> Fraction | None:
    return log.mean(day - WINDOW_DAYS * ONE_DAY, day - ONE_DAY)


def _after(log: MoodLog, day: dt.date) -> Fraction | None:
    return log.mean(day + ONE_DAY, day + WINDOW_DAYS * ONE_DAY)


def baseline_mood(moods: Iterable[MoodEntry] | MoodLog, day: dt.date) -> float | None:
    """Mean logged mood on day-3..day-1, rounded; None when none of them is logged."""
    return round_mean(_baseline(MoodLog.of(moods), day))


def after_mood(moods: Iterable[MoodEntry] | MoodLog, day: dt.date) -> float | None:
    """Mean logged mood on day+1..day+3, rounded; None when none of them is logged."""
    return round_mean(_after(MoodLog.of(moods), day))


def days_of_benefit(
    moods: Iterable[MoodEntry] | MoodLog,
    day: dt.date,
    next_session_day: dt.date | None = None,
) -> int | None:
    """Consecutive days from day+1 with mood above the session's baseline (see the module)."""
    log = MoodLog.of(moods)
    baseline = _baseline(log, day)
    if baseline is None:
        return None
    if log.last_day is None:
        return 0
    last = log.last_day
    if next_session_day is not None:
        last = min(last, next_session_day - ONE_DAY)
    counted = unlogged = 0
    for current in days(day + ONE_DAY, last):
        mood = log.on(current)
        if mood is None:
            unlogged += 1
        elif mood > baseline:
            counted += unlogged + 1
            unlogged = 0
        else:
            return counted
    if unlogged:  # the window closed on unlogged days: the next logged day settles them
        settling = log.next_logged(last)
        if settling is not None and (log.on(settling) or 0) > baseline:
            counted += unlogged
    return counted


def burden(session: Session) -> int:
    """The sum of a session's side-effect severities (not rated counts as 0)."""
    return sum(int(r.severity) for r in session.side_effects)


def worst_rating(session: Session, order: Iterable[str]) -> SideEffectRating | None:
    """The most severe rating felt; ties go to the symptom first in `order` (the catalogue's
    keys), then by key. None when nothing was felt. The one rule for every "worst" shown."""
    rank = {key: i for i, key in enumerate(order)}
    felt = [r for r in session.side_effects if r.severity > 0]
    return min(
        felt, key=lambda r: (-r.severity, rank.get(r.symptom, len(rank)), r.symptom), default=None
    )


def worst_symptom(session: Session, symptoms: Iterable[Symptom]) -> str | None:
    """The key of the most severe side effect (ties: catalogue order); None when none felt."""
    worst = worst_rating(session, (s.key for s in symptoms))
    return None if worst is None else worst.symptom


@dataclass(frozen=True, slots=True)
class SessionEffect:
    """What one session did: mood before and after, days of benefit, side-effect burden."""

    session: Session
    number: int | None
    baseline: float | None
    after: float | None
    change: float | None
    days_of_benefit: int | None
    burden: int
    worst_symptom: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "date": self.session.day.isoformat(),
            "number": self.number,
            "route": str(self.session.route),
            "dose_mg": self.session.total_mg,
            "baseline": self.baseline,
            "after": self.after,
            "change": self.change,
            "days_of_benefit": self.days_of_benefit,
            "burden": self.burden,
            "worst_symptom": self.worst_symptom,
        }


def session_effect(
    moods: Iterable[MoodEntry] | MoodLog,
    session: Session,
    *,
    next_session: Session | None = None,
    number: int | None = None,
    symptoms: Iterable[Symptom] = (),
) -> SessionEffect:
    """One session's baseline, after, change, days of benefit, burden and worst symptom."""
    log = MoodLog.of(moods)
    before, after = _baseline(log, session.day), _after(log, session.day)
    return SessionEffect(
        session=session,
        number=number,
        baseline=round_mean(before),
        after=round_mean(after),
        change=None if before is None or after is None else round_mean(after - before),
        days_of_benefit=days_of_benefit(
            log, session.day, None if next_session is None else next_session.day
        ),
        burden=burden(session),
        worst_symptom=worst_symptom(session, symptoms),
    )


def session_effects(
    moods: Iterable[MoodEntry] | MoodLog,
    sessions: Iterable[Session],
    numbers: Mapping[int, int],
    symptoms: Sequence[Symptom],
) -> list[SessionEffect]:
    """Every session's effect, oldest first; each one's next session is the next given."""
    log = MoodLog.of(moods)
    ordered = by_time(sessions)
    return [
        session_effect(
            log,
            session,
            next_session=ordered[i + 1] if i + 1 < len(ordered) else None,
            number=None if session.id is None else numbers.get(session.id),
            symptoms=symptoms,
        )
        for i, session in enumerate(ordered)
    ]
