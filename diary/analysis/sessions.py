"""What each session did: mood before and after, days above baseline, side-effect burden."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from diary.analysis.rounding import round_mean
from diary.analysis.timeline import ONE_DAY, MoodLog, by_time, days
from diary.domain import MoodEntry, Session, SideEffectRating, Symptom

WINDOW_DAYS = 3  # baseline S-3..S-1, after S+1..S+3


def _baseline(log: MoodLog, day: dt.date) -> Fraction | None:
    return log.mean(day - WINDOW_DAYS * ONE_DAY, day - ONE_DAY)


def _after(log: MoodLog, day: dt.date, next_day: dt.date | None = None) -> Fraction | None:
    last = day + WINDOW_DAYS * ONE_DAY
    if next_day is not None:
        last = min(last, next_day - ONE_DAY)
    return log.mean(day + ONE_DAY, last)


def baseline_mood(moods: Iterable[MoodEntry] | MoodLog, day: dt.date) -> float | None:
    """Mean logged mood on day-3..day-1, rounded; None when none of them is logged."""
    return round_mean(_baseline(MoodLog.of(moods), day))


def after_mood(
    moods: Iterable[MoodEntry] | MoodLog, day: dt.date, next_day: dt.date | None = None
) -> float | None:
    """Mean logged mood on day+1..day+3, stopping before next_day; None when none is logged."""
    return round_mean(_after(MoodLog.of(moods), day, next_day))


ENDED_LOW = "mood at or below baseline"
ENDED_NEXT = "next session"
ENDED_DIARY = "end of diary so far"


@dataclass(frozen=True, slots=True)
class DaysAbove:
    """A session's run of days above its pre-session mood, what it rests on and what ended it."""

    days: int
    logged_days: int
    ended_by: str

    @property
    def text(self) -> str:
        """e.g. '5 (3 logged, cut by next session)'."""
        ended = {
            ENDED_LOW: "ended by mood at or below baseline",
            ENDED_NEXT: "cut by next session",
            ENDED_DIARY: "diary ends",
        }[self.ended_by]
        return f"{self.days} ({self.logged_days} logged, {ended})"


def days_above_baseline(
    moods: Iterable[MoodEntry] | MoodLog,
    day: dt.date,
    next_session_day: dt.date | None = None,
) -> DaysAbove | None:
    """Consecutive days from day+1 with mood above the session's baseline (see the module);
    None without a baseline or when no day after the session is logged yet."""
    log = MoodLog.of(moods)
    baseline = _baseline(log, day)
    if baseline is None or log.last_day is None or log.last_day <= day:
        return None
    last, ended_by = log.last_day, ENDED_DIARY
    if next_session_day is not None and next_session_day - ONE_DAY <= last:
        last, ended_by = next_session_day - ONE_DAY, ENDED_NEXT
    counted = logged = unlogged = 0
    for current in days(day + ONE_DAY, last):
        mood = log.on(current)
        if mood is None:
            unlogged += 1
        elif mood > baseline:
            counted += unlogged + 1
            logged += 1
            unlogged = 0
        else:
            return DaysAbove(counted, logged, ENDED_LOW)
    if unlogged:  # the window closed on unlogged days: the next logged day settles them
        settling = log.next_logged(last)
        if settling is not None and (log.on(settling) or 0) > baseline:
            counted += unlogged
        else:
            ended_by = ENDED_LOW
    return DaysAbove(counted, logged, ended_by)


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
    """What one session did: mood before and after, days above baseline, side-effect burden.

    Sessions on one day share one set of mood figures: the last of them holds it, and the
    others name it in same_day_as (their mood figures are None).
    """

    session: Session
    number: int | None
    baseline: float | None
    after: float | None
    change: float | None
    days_above: DaysAbove | None
    burden: int
    worst_symptom: str | None
    same_day_as: int | None = None
    gap_days: int | None = None  # days since the previous session's day

    @property
    def days_above_baseline(self) -> int | None:
        return None if self.days_above is None else self.days_above.days

    def as_dict(self) -> dict[str, Any]:
        above = self.days_above
        return {
            "date": self.session.day.isoformat(),
            "number": self.number,
            "route": str(self.session.route),
            "phase": None if self.session.phase is None else str(self.session.phase),
            "dose_mg": self.session.total_mg,
            "dose_mg_per_kg": self.session.mg_per_kg,
            "gap_days": self.gap_days,
            "same_day_as": self.same_day_as,
            "baseline": self.baseline,
            "after": self.after,
            "change": self.change,
            "days_above_baseline": None if above is None else above.days,
            "logged_days": None if above is None else above.logged_days,
            "ended_by": None if above is None else above.ended_by,
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
    """One session's baseline, after, change, days above baseline, burden and worst symptom.

    next_session is the next one on a later day (a same-day one is for session_effects)."""
    log = MoodLog.of(moods)
    next_day = None if next_session is None else next_session.day
    before, after = _baseline(log, session.day), _after(log, session.day, next_day)
    return SessionEffect(
        session=session,
        number=number,
        baseline=round_mean(before),
        after=round_mean(after),
        change=None if before is None or after is None else round_mean(after - before),
        days_above=days_above_baseline(log, session.day, next_day),
        burden=burden(session),
        worst_symptom=worst_symptom(session, symptoms),
    )


def session_effects(
    moods: Iterable[MoodEntry] | MoodLog,
    sessions: Iterable[Session],
    numbers: Mapping[int, int],
    symptoms: Sequence[Symptom],
) -> list[SessionEffect]:
    """Every session's effect, oldest first. A day's mood figures belong to its last session
    and run to the next session on a later day; gap_days counts from the previous one."""
    log = MoodLog.of(moods)
    ordered = by_time(sessions)
    effects = []
    for i, session in enumerate(ordered):
        number = None if session.id is None else numbers.get(session.id)
        last_of_day = next((s for s in reversed(ordered[i:]) if s.day == session.day), session)
        gap = None if i == 0 else (session.day - ordered[i - 1].day).days
        later = next((s for s in ordered[i + 1 :] if s.day > session.day), None)
        effect = session_effect(log, session, next_session=later, number=number, symptoms=symptoms)
        if last_of_day is not session:
            holder = None if last_of_day.id is None else numbers.get(last_of_day.id)
            effect = replace(
                effect,
                baseline=None,
                after=None,
                change=None,
                days_above=None,
                same_day_as=holder,
            )
        effects.append(replace(effect, gap_days=gap))
    return effects
