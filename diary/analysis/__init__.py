"""Pure analysis of the diary: mood means, what each session did, side effects, blood pressure.

No SQL, no I/O, no UI: functions over domain records (MoodEntry, Session, Symptom,
VitalReading). The definitions below are the ones `diary stats --help` prints.

Definitions:
- A day's mood is the logged score; unlogged days are missing, never zero.
- 7-day mean for day D: mean of logged moods in D-6..D, only when at least 4 are logged.
- For a session on day S: baseline = mean logged mood on S-3..S-1; after = mean logged
  mood on S+1..S+3 (either is null when no day in its window is logged);
  change = after - baseline.
- days_of_benefit = the number of consecutive days from S+1 whose logged mood is above
  the baseline, counting an unlogged day only when the next logged day is also above it,
  and stopping at the first logged day at or below the baseline, after the day before the
  next session (that day still counts; a session the next day leaves 0), or after the last
  logged day; null when the baseline is null.
- Side-effect burden of a session = the sum of its severities. A symptom not rated in a
  session counts as 0 for it. Per symptom over the sessions in range: sessions_affected
  (severity >= 1), mean_severity, max_severity, early_mean (first half of those sessions
  by date) and recent_mean (last half; with an odd count the middle one is in neither).
- Blood pressure above reference: systolic > 140 or diastolic > 90.
- first_14_mean / last_14_mean: mean of logged moods in the first / last 14 days of the
  range. The range is --since..--until, by default the first recorded day to today.
- Session number: its position among all sessions ever recorded, by time, from 1.
- Every reported mean is rounded to 2 decimals (the final value, not the parts).

Choices where the definitions leave room:
- S is the local day a session started. The sessions in range are those whose S lies in
  since..until (both included).
- A session's baseline, after, change and days_of_benefit belong to the session, not to
  the range: the baseline may use moods before --since, after and days_of_benefit moods
  after --until, and "the next session" may lie after --until. A session shows the same
  numbers in every range. The mood summary and the symptom figures use the range only.
- The next session is the next one by start time, even on the same day (which leaves 0).
- A run of unlogged days is settled by the next logged day, even when that day lies past
  the next session's eve; "the last logged day" is the last one in the whole diary.
- Moods are compared with the unrounded baseline.
- change is rounded from the unrounded after and baseline.
- Rounding is exact (no binary floating point on the way) with halves away from zero:
  2.125 -> 2.13, -0.125 -> -0.13, so a mean worked out by hand matches.
- The symptoms listed are those felt (severity >= 1) in at least one session in range, in
  catalogue order (hidden ones too); a symptom key missing from the catalogue comes last.
- worst_symptom: the key of the highest severity in the session, ties broken by catalogue
  order; null when the burden is 0.
- Readings above reference: every reading of a session in range, dated by the session's
  day, and every stand-alone reading taken in range, by date.
- When the range is shorter than 28 days its first and last 14 days overlap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from fractions import Fraction
from typing import Any

from diary.domain import MoodEntry, Session, Symptom, VitalLabel, VitalReading

ONE_DAY = dt.timedelta(days=1)
ROLLING_DAYS = 7
ROLLING_MIN_LOGGED = 4
WINDOW_DAYS = 3  # baseline S-3..S-1, after S+1..S+3
EDGE_DAYS = 14  # first_14_mean and last_14_mean
ALIGNED_OFFSETS = range(-3, 15)
# moods a range's first session may need from before --since (its baseline window)
CONTEXT_BEFORE = dt.timedelta(days=WINDOW_DAYS)


def round_ratio(numerator: int, denominator: int) -> float:
    """numerator / denominator rounded to 2 decimals, halves away from zero, in integers."""
    hundredths = (200 * abs(numerator) + denominator) // (2 * denominator)  # denominator > 0
    if hundredths == 0:
        return 0.0
    return (hundredths if numerator > 0 else -hundredths) / 100


def round_mean(value: Fraction | int | None) -> float | None:
    """A value rounded to 2 decimals, halves away from zero; None stays None."""
    if value is None:
        return None
    exact = Fraction(value)
    return round_ratio(exact.numerator, exact.denominator)


def _days(first: dt.date, last: dt.date) -> Iterable[dt.date]:
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


@dataclass(frozen=True, slots=True, eq=False)
class MoodLog:
    """Logged moods by day, for quick look-ups; an unlogged day is simply absent."""

    by_day: Mapping[dt.date, int]
    last_day: dt.date | None

    @classmethod
    def of(cls, moods: Iterable[MoodEntry] | MoodLog) -> MoodLog:
        if isinstance(moods, MoodLog):
            return moods
        by_day = {m.day: m.mood for m in moods}
        return cls(by_day, max(by_day, default=None))

    def on(self, day: dt.date) -> int | None:
        return self.by_day.get(day)

    def logged(self, first: dt.date, last: dt.date) -> list[int]:
        """The logged moods from first to last (both included), oldest first."""
        if first > last:
            return []
        if (last - first).days < len(self.by_day):
            return [m for d in _days(first, last) if (m := self.by_day.get(d)) is not None]
        return [m for d, m in sorted(self.by_day.items()) if first <= d <= last]

    def mean(self, first: dt.date, last: dt.date) -> Fraction | None:
        """The exact mean of the logged moods from first to last; None when none is logged."""
        values = self.logged(first, last)
        return Fraction(sum(values), len(values)) if values else None

    def next_logged(self, after: dt.date) -> dt.date | None:
        """The first logged day after this one."""
        if self.last_day is None:
            return None
        return next((d for d in _days(after + ONE_DAY, self.last_day) if d in self.by_day), None)


# --- mood over time -------------------------------------------------------------------------


def seven_day_mean(moods: Iterable[MoodEntry] | MoodLog, day: dt.date) -> float | None:
    """Mean of logged moods in day-6..day, only when at least 4 of those days are logged."""
    values = MoodLog.of(moods).logged(day - (ROLLING_DAYS - 1) * ONE_DAY, day)
    if len(values) < ROLLING_MIN_LOGGED:
        return None
    return round_mean(Fraction(sum(values), len(values)))


def rolling_mean_7(
    moods: Iterable[MoodEntry] | MoodLog, start: dt.date, end: dt.date
) -> list[tuple[dt.date, float | None]]:
    """The 7-day mean of every day from start to end (None where fewer than 4 are logged)."""
    log = MoodLog.of(moods)
    window = (ROLLING_DAYS - 1) * ONE_DAY
    logged = log.logged(start - window, start - ONE_DAY)
    total, count = sum(logged), len(logged)
    series: list[tuple[dt.date, float | None]] = []
    for day in _days(start, end):  # slide the window: add the new day, drop the oldest
        if (entering := log.on(day)) is not None:
            total, count = total + entering, count + 1
        if (leaving := log.on(day - ROLLING_DAYS * ONE_DAY)) is not None and day > start:
            total, count = total - leaving, count - 1
        series.append((day, round_ratio(total, count) if count >= ROLLING_MIN_LOGGED else None))
    return series


@dataclass(frozen=True, slots=True)
class AlignedMood:
    """The mean mood on one day relative to a session, over the session days that logged it."""

    offset: int
    mean: float | None
    sessions: int


def session_aligned_mood(
    moods: Iterable[MoodEntry] | MoodLog,
    sessions: Iterable[Session],
    offsets: Iterable[int] = ALIGNED_OFFSETS,
) -> list[AlignedMood]:
    """Average mood by day relative to a session (S+offset) across the sessions.

    Each session day counts once, however many sessions it held; a day not logged is left
    out of that offset's mean.
    """
    log = MoodLog.of(moods)
    days = sorted({s.day for s in sessions})
    points = []
    for offset in offsets:
        shift = dt.timedelta(days=offset)
        values = [m for d in days if (m := log.on(d + shift)) is not None]
        mean = Fraction(sum(values), len(values)) if values else None
        points.append(AlignedMood(offset, round_mean(mean), len(values)))
    return points


# --- what each session did ------------------------------------------------------------------


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
    for current in _days(day + ONE_DAY, last):
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


def _catalogue_order(symptoms: Iterable[Symptom]) -> dict[str, int]:
    return {s.key: i for i, s in enumerate(symptoms)}


def worst_symptom(session: Session, symptoms: Iterable[Symptom]) -> str | None:
    """The key of the most severe side effect (ties: catalogue order); None when none felt."""
    order = _catalogue_order(symptoms)
    felt = [r for r in session.side_effects if r.severity > 0]
    if not felt:
        return None
    worst = min(felt, key=lambda r: (-r.severity, order.get(r.symptom, len(order)), r.symptom))
    return worst.symptom


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


def _by_time(sessions: Iterable[Session]) -> list[Session]:
    return sorted(sessions, key=lambda s: s.started_at)


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
    ordered = _by_time(sessions)
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


# --- side effects ---------------------------------------------------------------------------


def felt_symptoms(sessions: Iterable[Session], symptoms: Iterable[Symptom]) -> list[Symptom]:
    """The symptoms felt (severity >= 1) in any of the sessions, in catalogue order."""
    felt = {r.symptom for s in sessions for r in s.side_effects if r.severity > 0}
    known = [s for s in symptoms if s.key in felt]
    missing = sorted(felt - {s.key for s in known})
    return known + [Symptom(key, key) for key in missing]


@dataclass(frozen=True, slots=True)
class SymptomStats:
    """How one symptom was felt over a set of sessions."""

    key: str
    label: str
    sessions_affected: int
    mean_severity: float | None
    max_severity: int
    early_mean: float | None
    recent_mean: float | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _mean_of(values: Sequence[int]) -> float | None:
    return round_mean(Fraction(sum(values), len(values))) if values else None


def symptom_stats(sessions: Iterable[Session], symptoms: Iterable[Symptom]) -> list[SymptomStats]:
    """Per felt symptom: sessions affected, mean and worst severity, early and recent mean."""
    ordered = _by_time(sessions)
    half = len(ordered) // 2
    stats = []
    for symptom in felt_symptoms(ordered, symptoms):
        levels = [int(s.severity_of(symptom.key)) for s in ordered]
        stats.append(
            SymptomStats(
                key=symptom.key,
                label=symptom.label,
                sessions_affected=sum(1 for level in levels if level >= 1),
                mean_severity=_mean_of(levels),
                max_severity=max(levels),
                early_mean=_mean_of(levels[:half]),
                recent_mean=_mean_of(levels[len(levels) - half :]),
            )
        )
    return stats


@dataclass(frozen=True, slots=True)
class SideEffectGrid:
    """Severity by symptom (rows) and session (columns, oldest first), for a heatmap."""

    sessions: tuple[Session, ...]
    symptoms: tuple[Symptom, ...]
    severities: tuple[tuple[int, ...], ...]  # severities[row][column]

    @property
    def burdens(self) -> tuple[int, ...]:
        return tuple(burden(s) for s in self.sessions)


def side_effect_grid(sessions: Iterable[Session], symptoms: Iterable[Symptom]) -> SideEffectGrid:
    """The severity of every felt symptom in every session (not rated is 0)."""
    ordered = tuple(_by_time(sessions))
    rows = tuple(felt_symptoms(ordered, symptoms))
    return SideEffectGrid(
        ordered,
        rows,
        tuple(tuple(int(s.severity_of(row.key)) for s in ordered) for row in rows),
    )


# --- blood pressure -------------------------------------------------------------------------


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
        for s in _by_time(sessions)
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
        for s in _by_time(sessions)
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


# --- the whole summary ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MoodSummary:
    """Logged moods in a range: mean, lowest, highest, first and last 14 days."""

    mean: float | None
    min: int | None
    max: int | None
    first_14_mean: float | None
    last_14_mean: float | None

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def mood_summary(
    moods: Iterable[MoodEntry] | MoodLog, start: dt.date, end: dt.date
) -> MoodSummary:
    """The mood figures of `diary stats` for start..end."""
    log = MoodLog.of(moods)
    values = log.logged(start, end)
    edge = (EDGE_DAYS - 1) * ONE_DAY
    return MoodSummary(
        mean=_mean_of(values),
        min=min(values, default=None),
        max=max(values, default=None),
        first_14_mean=round_mean(log.mean(start, min(end, start + edge))),
        last_14_mean=round_mean(log.mean(max(start, end - edge), end)),
    )


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
    baseline, each session's next session and every days_of_benefit are complete.
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
