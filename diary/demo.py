"""Seeded, deterministic synthetic diaries for `diary demo`, screenshots, tests and benchmarks.

The story: six IV sessions in the first two to three weeks (induction), then boosters
every five to ten days; mood that lifts after each session and fades over a week, with a
slow overall gain; side effects that ease as sessions repeat; some days not logged. The
treatment record (other medicines, the clinic's notes, mornings after): demo_treatment.py.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import dataclass, field

from diary import demo_treatment as treatment
from diary import domain
from diary.domain.medicines import MedicineEvent
from diary.domain.morning import MorningAfter

WEIGHT_KG = 72.0
INDUCTION_DAYS = (0, 2, 4, 7, 9, 14)
# symptom key -> severity felt at the first session before it eases (0-3 scale)
FIRST_SEVERITY = {
    "dissociation": 2.8,
    "dizziness": 2.2,
    "nausea": 1.8,
    "blurred_vision": 1.6,
    "floating_sensation": 2.0,
    "grogginess": 2.1,
    "anxiety": 1.2,
    "confusion": 0.9,
    "high_blood_pressure": 0.6,
    "vomiting": 0.4,
    "hallucinations": 0.5,
}
DAY_NOTES = (
    "Walked to the park, first time in weeks.",
    "Hard morning, better after lunch.",
    "Slept badly; work was stressful.",
    "Called my sister. Felt lighter.",
    "Café avec Élodie — on a ri.",
    "Tired but steady.",
    "Прогулка в парке, стало немного легче.",
    "Cooked dinner for friends 🙂",
)
SESSION_NOTES = (
    "Music helped during the session.",
    "Felt very far away for 20 minutes, then calm.",
    "Nurse lowered the rate after the 40 min reading.",
    "Drove home with my partner; slept after.",
)


@dataclass(frozen=True, slots=True)
class DemoDiary:
    """Everything a demo database holds."""

    moods: list[domain.MoodEntry]
    sessions: list[domain.Session]
    checkins: list[domain.CheckIn]
    medicine_events: list[MedicineEvent] = field(default_factory=list)
    mornings: list[MorningAfter] = field(default_factory=list)  # session_id: place, from 1


def _session_days(start: dt.date, end: dt.date, rng: random.Random) -> list[dt.date]:
    days = [
        start + dt.timedelta(days=d + (1 if rng.random() < 0.2 and d else 0))
        for d in INDUCTION_DAYS
    ]
    day = days[-1]
    while True:
        day += dt.timedelta(days=rng.randint(5, 10))
        if day > end:
            break
        days.append(day)
    return [d for d in days if d <= end]


def _session(day: dt.date, number: int, rng: random.Random) -> domain.Session:
    induction = number <= len(INDUCTION_DAYS)
    nasal = not induction and (number // 60) % 3 == 2  # a stretch on esketamine spray now and then
    start = dt.datetime.combine(day, dt.time(rng.choice((9, 10, 11, 14)), rng.choice((0, 30))))
    start = start.astimezone()
    if nasal:
        route, dose_mg, per_kg, clinic, duration = (
            domain.Route.INTRANASAL,
            float(rng.choice((56, 84))),
            None,
            "Northside Psychiatry",
            120,
        )
    else:
        per_kg = rng.choice((0.5, 0.5, 0.6, 0.75)) if not induction else 0.5
        route, dose_mg, clinic, duration = (
            domain.Route.IV,
            round(per_kg * WEIGHT_KG, 1),
            "Riverside Ketamine Clinic",
            40,
        )
    ease = math.exp(-(number - 1) / 7.0) * 0.8 + 0.2
    effects = []
    for key, first in FIRST_SEVERITY.items():
        level = round(first * ease + rng.gauss(0, 0.35))
        level = max(0, min(3, level))
        if level or rng.random() < 0.3:
            effects.append(
                domain.SideEffectRating(
                    key,
                    domain.Severity(level),
                    onset_min=rng.choice((5, 10, 15, 20)) if level else None,
                    duration_min=rng.choice((30, 45, 60, 90)) if level else None,
                )
            )
    pre_sys, pre_dia = rng.randint(114, 134), rng.randint(72, 86)
    rise = rng.randint(6, 22)
    vitals = (
        domain.VitalReading(
            domain.VitalLabel.PRE,
            pre_sys,
            pre_dia,
            rng.randint(62, 84),
            rng.randint(96, 99),
            taken_at=start,
        ),
        domain.VitalReading(
            domain.VitalLabel.FORTY,
            pre_sys + rise,
            pre_dia + rise // 2,
            rng.randint(66, 92),
            rng.randint(95, 99),
            taken_at=start + dt.timedelta(minutes=40),
        ),
        domain.VitalReading(
            domain.VitalLabel.DISCHARGE,
            pre_sys + rng.randint(0, 8),
            pre_dia + rng.randint(0, 5),
            rng.randint(60, 82),
            rng.randint(96, 99),
            taken_at=start + dt.timedelta(minutes=duration + 40),
        ),
    )
    phase = (
        domain.Phase.INDUCTION
        if induction
        else (domain.Phase.BOOSTER if rng.random() < 0.25 else domain.Phase.MAINTENANCE)
    )
    return domain.Session(
        started_at=start,
        route=route,
        dose_mg=dose_mg,
        dose_mg_per_kg=per_kg,
        weight_kg=WEIGHT_KG if per_kg else None,
        duration_min=duration,
        phase=phase,
        clinic=clinic,
        note=rng.choice(SESSION_NOTES) if rng.random() < 0.15 else "",
        vitals=vitals,
        side_effects=tuple(effects),
    )


def generate(end: dt.date, years: float = 1.0, seed: int = 7) -> DemoDiary:
    """A diary of `years` years ending on `end`, the same for the same arguments."""
    rng = random.Random(seed)
    days = max(30, round(365 * years))
    start = end - dt.timedelta(days=days - 1)
    first_session = start + dt.timedelta(days=min(21, days // 4))
    session_days = _session_days(first_session, end, rng)
    sessions = [_session(day, n, rng) for n, day in enumerate(session_days, 1)]

    moods: list[domain.MoodEntry] = []
    session_index = 0
    last_session: dt.date | None = None
    day = start
    while day <= end:
        while session_index < len(session_days) and session_days[session_index] <= day:
            last_session = session_days[session_index]
            session_index += 1
        weeks_in = max(0, (day - first_session).days) / 7
        baseline = 2.8 + 1.6 * (1 - math.exp(-weeks_in / 10))
        lift = 0.0
        if last_session is not None and day > last_session:
            lift = 3.0 * math.exp(-((day - last_session).days - 1) / 4.5)
        mood = round(baseline + lift + rng.gauss(0, 0.8))
        if rng.random() < 0.9:
            mood = max(0, min(10, mood))
            moods.append(
                domain.MoodEntry(
                    day=day,
                    mood=mood,
                    anxiety=max(0, min(10, round(9 - mood * 0.7 + rng.gauss(0, 1))))
                    if rng.random() < 0.7
                    else None,
                    sleep_hours=round(rng.uniform(5.0, 9.0) * 2) / 2
                    if rng.random() < 0.8
                    else None,
                    note=rng.choice(DAY_NOTES) if rng.random() < 0.06 else "",
                )
            )
        day += dt.timedelta(days=1)

    checkins = _checkins(start, end, moods, rng)
    record = treatment.treatment_rng(seed)
    sessions = [treatment.with_clinic_record(s, record) for s in sessions]
    return DemoDiary(
        moods,
        sessions,
        checkins,
        treatment.medicine_history(start, first_session, end),
        treatment.mornings_after(sessions, end, record),
    )


def _checkins(
    start: dt.date, end: dt.date, moods: list[domain.MoodEntry], rng: random.Random
) -> list[domain.CheckIn]:
    by_day = {m.day: m.mood for m in moods}
    checkins = []
    day = start + dt.timedelta(days=6)
    count = 0
    while day <= end:
        recent = [by_day[d] for k in range(14) if (d := day - dt.timedelta(days=k)) in by_day]
        level = (10 - (sum(recent) / len(recent) if recent else 5)) / 10  # 0 best .. 1 worst
        answers = [max(0, min(3, round(level * 3.6 + rng.gauss(0, 0.5)))) for _ in range(8)]
        answers.append(1 if level > 0.65 and rng.random() < 0.4 else 0)
        checkins.append(domain.CheckIn(domain.CheckinKind.PHQ9, day, tuple(answers)))
        if count % 2 == 0:
            gad = tuple(max(0, min(3, round(level * 3 + rng.gauss(0, 0.5)))) for _ in range(7))
            checkins.append(domain.CheckIn(domain.CheckinKind.GAD7, day, gad))
        count += 1
        day += dt.timedelta(days=14)
    return checkins
