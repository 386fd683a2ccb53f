"""The demo's treatment record: other medicines, what the clinic recorded, the mornings after.

Drawn from its own seeded generator (seed and "treatment"), so the moods, sessions and
check-ins of a seed stay exactly as they were before the treatment record existed.

The story: an antidepressant throughout, its dose raised once; a benzodiazepine stopped a
week before the first session; a sleep medicine started late in the year. Mornings after
are rated after most sessions, and grogginess and dizziness linger less as sessions repeat.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from dataclasses import replace

from diary import domain
from diary.domain.medicines import MedicineChange, MedicineClass, MedicineEvent
from diary.domain.model import MG_PER_DEVICE, Told
from diary.domain.morning import MorningAfter

LINGERING = ("grogginess", "dizziness", "nausea", "blurred_vision")
LOTS = ("EK4711", "EK5203", "EK6120")


def treatment_rng(seed: int) -> random.Random:
    return random.Random(f"{seed}/treatment")


def medicine_history(start: dt.date, first_session: dt.date, end: dt.date) -> list[MedicineEvent]:
    """An antidepressant from before the diary began (raised once), a benzodiazepine stopped
    a week before induction, and a sleep medicine from three quarters through the range."""
    begun = start - dt.timedelta(days=240)
    raised = first_session + (end - first_session) * 2 // 5
    sleep = start + (end - start) * 3 // 4
    events = [
        MedicineEvent(
            "sertraline",
            begun,
            MedicineChange.START,
            MedicineClass.ANTIDEPRESSANT,
            100,
            "mg",
            "1 daily",
        ),
        MedicineEvent(
            "lorazepam",
            start - dt.timedelta(days=90),
            MedicineChange.START,
            MedicineClass.BENZODIAZEPINE,
            0.5,
            "mg",
            "at night as needed",
        ),
        MedicineEvent(
            "lorazepam",
            first_session - dt.timedelta(days=7),
            MedicineChange.STOP,
            MedicineClass.BENZODIAZEPINE,
        ),
        MedicineEvent(
            "sertraline",
            raised,
            MedicineChange.CHANGE,
            MedicineClass.ANTIDEPRESSANT,
            150,
            "mg",
            "1 daily",
        ),
        MedicineEvent(
            "zopiclone",
            sleep,
            MedicineChange.START,
            MedicineClass.SEDATIVE,
            3.75,
            "mg",
            "at night",
        ),
    ]
    return [e for e in events if e.day <= end]


def with_clinic_record(session: domain.Session, rng: random.Random) -> domain.Session:
    """The session with what its clinic recorded: devices and lot for the nasal spray,
    observation, readiness to leave, what was noted, who took the person home."""
    nasal = session.route == domain.Route.INTRANASAL
    observed = 120 if nasal else rng.choice((60, 75, 90))
    ready = observed - rng.choice((0, 10, 15, 30))
    sedated = rng.random() < (0.5 if nasal else 0.3)
    return replace(
        session,
        devices=round((session.dose_mg or 0) / MG_PER_DEVICE) if nasal else None,
        lot=rng.choice(LOTS) if nasal else "",
        observed_min=observed,
        ready_after_min=ready,
        noted_sedation=Told.YES if sedated else Told.NO,
        noted_dissociation=Told.YES if rng.random() < 0.6 else Told.NO,
        noted_breathing=Told.NO if rng.random() < 0.8 else Told.NOT_TOLD,
        home_with=rng.choice(("partner", "partner", "sister", "taxi")),
    )


def mornings_after(
    sessions: list[domain.Session], end: dt.date, rng: random.Random
) -> list[MorningAfter]:
    """A morning-after rating for most sessions (session_id: its place in sessions, from
    1), the lingering symptoms it felt rated lower, and lower as sessions repeat."""
    mornings = []
    for number, session in enumerate(sessions, 1):
        next_day = session.day + dt.timedelta(days=1)
        if next_day > end or rng.random() < 0.25:
            continue
        ease = math.exp(-(number - 1) / 9.0)
        ratings = []
        for key in LINGERING:
            felt = int(session.severity_of(key))
            if not felt:
                continue
            level = round(felt * (0.15 + 0.6 * ease) + rng.gauss(0, 0.3))
            ratings.append(domain.SideEffectRating(key, domain.Severity(max(0, min(3, level)))))
        if not ratings:
            continue
        at = dt.datetime.combine(next_day, dt.time(rng.choice((7, 8, 9)), rng.choice((0, 30))))
        mornings.append(MorningAfter(number, at.astimezone(), tuple(ratings)))
    return mornings
