"""Checks and parsers for every value a person types; each raises one clear ValidationError.

The CLI and the TUI both call these, so a bad value reads the same everywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from enum import StrEnum
from typing import TypeVar

from diary.domain import model
from diary.domain.errors import ValidationError
from diary.domain.values import (  # the checks of one typed value, light for `diary mood`
    EARLIEST_DAY,
    MAX_NOTE_CHARS,  # noqa: F401 (re-exported: the limit of every note)
    MAX_SHORT_TEXT,
    SLEEP_HOURS,
    day,
    decimal,
    text,
    whole_number,
)

MAX_DOSE_MG = 1000.0
MAX_DOSE_MG_PER_KG = 20.0
WEIGHT_KG = (20.0, 400.0)
SYSTOLIC = (50, 300)
DIASTOLIC = (30, 200)
HEART_RATE = (20, 250)
SPO2 = (50, 100)
MINUTES = (0, 1440)

Choice = TypeVar("Choice", bound=StrEnum)


def local_offset(moment: dt.datetime) -> dt.datetime:
    """The same wall-clock moment with this machine's UTC offset attached."""
    return moment.astimezone() if moment.tzinfo is None else moment


def moment(field: str, value: object, now: dt.datetime, *, key: str = "") -> dt.datetime:
    """A date and time with a UTC offset: ISO text, 'now', or a day (noon); not after tomorrow."""
    accepted = "an ISO date and time (YYYY-MM-DD HH:MM), 'now', 'today' or 'yesterday'"
    if isinstance(value, dt.datetime):
        parsed = local_offset(value)
    elif isinstance(value, str):
        word = value.strip().casefold()
        if word == "now":
            parsed = now
        elif word in ("today", "yesterday") or re.fullmatch(r"\d{4}-\d{2}-\d{2}", word, re.ASCII):
            the_day = day(field, value, now.date(), key=key)
            parsed = local_offset(dt.datetime.combine(the_day, dt.time(12, 0)))
        else:
            try:
                parsed = local_offset(dt.datetime.fromisoformat(value.strip()))
            except ValueError:
                raise ValidationError(field, value, accepted, key=key) from None
    else:
        raise ValidationError(field, value, accepted, key=key)
    if parsed.date() > now.date() + dt.timedelta(days=1) or parsed.date() < EARLIEST_DAY:
        raise ValidationError(field, value, accepted + ", at most one day ahead", key=key)
    return parsed.replace(microsecond=0)


def one_of(choices: type[Choice], field: str, value: object) -> Choice:
    """A member of a closed set by its value, in any case."""
    try:
        return choices(str(value).strip().casefold())
    except ValueError:
        accepted = "one of " + ", ".join(choice.value for choice in choices)
        raise ValidationError(field, value, accepted, key=field) from None


def route(value: object) -> model.Route:
    return one_of(model.Route, "route", value)


def phase(value: object) -> model.Phase:
    return one_of(model.Phase, "phase", value)


def blood_pressure(field: str, value: str, *, key: str = "") -> tuple[int, int]:
    """SYS/DIA text, e.g. '128/82', with 50-300 over 30-200 and systolic above diastolic."""
    accepted = (
        f"SYS/DIA like 128/82, systolic {SYSTOLIC[0]}-{SYSTOLIC[1]}, "
        f"diastolic {DIASTOLIC[0]}-{DIASTOLIC[1]}, systolic above diastolic"
    )
    match = re.fullmatch(r"\s*(\d{1,3})\s*/\s*(\d{1,3})\s*", value or "", re.ASCII)
    if not match:
        raise ValidationError(field, value, accepted, key=key)
    systolic, diastolic = int(match[1]), int(match[2])
    if not (
        SYSTOLIC[0] <= systolic <= SYSTOLIC[1]
        and DIASTOLIC[0] <= diastolic <= DIASTOLIC[1]
        and systolic > diastolic
    ):
        raise ValidationError(field, value, accepted, key=key)
    return systolic, diastolic


def known_symptom(value: str, catalogue: list[model.Symptom]) -> str:
    """The key of a symptom in the catalogue, matched by key or label, any case."""
    for symptom in catalogue:
        if value == symptom.key:
            return symptom.key
    wanted = value.strip().casefold().replace(" ", "_").replace("-", "_")
    for symptom in catalogue:
        if wanted in (symptom.key, symptom.label.casefold().replace(" ", "_")):
            return symptom.key
    raise ValidationError(
        "symptom", value, "one of " + ", ".join(s.key for s in catalogue), key="symptom"
    )


def symptom_rating(value: str, catalogue: list[model.Symptom]) -> model.SideEffectRating:
    """'dizziness=2' (or 'dizziness=moderate') as a rating; severity 0-3 or its word."""
    name, sep, level = (value or "").partition("=")
    if not sep:
        raise ValidationError("symptom", value, "NAME=SEVERITY like dizziness=2", key="symptom")
    return model.SideEffectRating(
        symptom=known_symptom(name, catalogue),
        severity=severity(f"severity of {name.strip()}", level, key="symptom"),
    )


def check_mood(entry: model.MoodEntry, today: dt.date) -> model.MoodEntry:
    """The entry with every field checked; raises on the first bad one."""
    return model.MoodEntry(
        day=day("date", entry.day, today, key="date"),
        mood=whole_number("mood", entry.mood, 0, 10, key="mood"),
        anxiety=None
        if entry.anxiety is None
        else whole_number("anxiety", entry.anxiety, 0, 10, key="anxiety"),
        sleep_hours=None
        if entry.sleep_hours is None
        else decimal("sleep", entry.sleep_hours, *SLEEP_HOURS, key="sleep"),
        note=text("note", entry.note, key="note"),
    )


VITAL_WORDS = {
    model.VitalLabel.PRE: "blood pressure pre-dose",
    model.VitalLabel.FORTY: "blood pressure at ~40 min",
    model.VitalLabel.DISCHARGE: "blood pressure at discharge",
    model.VitalLabel.OTHER: "blood pressure (other reading)",
}


def vital_field(label: model.VitalLabel) -> tuple[str, str]:
    """A reading's field in words ("blood pressure pre-dose") and its key ("vital-pre")."""
    label = model.VitalLabel(label)
    return VITAL_WORDS[label], f"vital-{label.value}"


def check_vital(reading: model.VitalReading) -> model.VitalReading:
    """A reading with systolic, diastolic, heart rate and SpO2 in range."""
    field, key = vital_field(reading.label)
    systolic = whole_number(f"{field} systolic", reading.systolic, *SYSTOLIC, key=key)
    diastolic = whole_number(f"{field} diastolic", reading.diastolic, *DIASTOLIC, key=key)
    if systolic <= diastolic:
        raise ValidationError(
            field, f"{systolic}/{diastolic}", "systolic above diastolic", key=key
        )
    return model.VitalReading(
        label=model.VitalLabel(reading.label),
        systolic=systolic,
        diastolic=diastolic,
        heart_rate=None
        if reading.heart_rate is None
        else whole_number(f"{field} heart rate", reading.heart_rate, *HEART_RATE, key=key),
        spo2=None
        if reading.spo2 is None
        else whole_number(f"{field} SpO2", reading.spo2, *SPO2, key=key),
        taken_at=reading.taken_at,
        session_id=reading.session_id,
        id=reading.id,
    )


def check_rating(
    rating: model.SideEffectRating, catalogue: list[model.Symptom]
) -> model.SideEffectRating:
    """A rating of a symptom in the catalogue, severity 0-3, minutes 0-1440."""
    key = known_symptom(rating.symptom, catalogue)
    field = f"symptom-{key}"
    return model.SideEffectRating(
        symptom=key,
        severity=model.Severity(
            whole_number(f"severity of {key}", rating.severity, 0, 3, key=field)
        ),
        onset_min=None
        if rating.onset_min is None
        else whole_number(f"onset of {key} (minutes)", rating.onset_min, *MINUTES, key=field),
        duration_min=None
        if rating.duration_min is None
        else whole_number(
            f"duration of {key} (minutes)", rating.duration_min, *MINUTES, key=field
        ),
        note=text(f"note of {key}", rating.note, key=field),
    )


def severity(field: str, value: object, *, key: str = "") -> model.Severity:
    """A severity from its digit 0-3 or its word (none, mild, moderate, severe), as the
    app shows them."""
    if isinstance(value, str):
        word = value.strip().lower()
        for level in model.Severity:
            if word == level.word:
                return level
    try:
        return model.Severity(whole_number(field, value, 0, 3, key=key))
    except ValidationError:
        raise ValidationError(
            field, value, "0-3 or none, mild, moderate, severe", key=key
        ) from None


def check_session(
    session: model.Session, now: dt.datetime, catalogue: list[model.Symptom]
) -> model.Session:
    """The session with every field checked; raises on the first bad one."""
    dose_mg = session.dose_mg
    per_kg = session.dose_mg_per_kg
    weight = session.weight_kg
    ratings = [check_rating(r, catalogue) for r in session.side_effects]
    seen: set[str] = set()
    for rating in ratings:
        if rating.symptom in seen:
            raise ValidationError(
                "symptom", rating.symptom, "each symptom once per session", key="symptom"
            )
        seen.add(rating.symptom)
    from diary.domain.clinic import check_clinic

    checked = replace(
        session,
        started_at=moment("date and time", session.started_at, now, key="at"),
        route=route(session.route),
        dose_mg=None if dose_mg is None else dose_in_mg(dose_mg),
        dose_mg_per_kg=None if per_kg is None else dose_per_kg(per_kg),
        weight_kg=None if weight is None else weight_in_kg(weight),
        duration_min=None if session.duration_min is None else duration(session.duration_min),
        phase=None if session.phase is None else phase(session.phase),
        clinic=text("clinic", session.clinic, MAX_SHORT_TEXT, key="clinic"),
        note=text("note", session.note, key="note"),
        vitals=tuple(check_vital(v) for v in session.vitals),
        side_effects=tuple(ratings),
    )
    return check_clinic(checked)


def dose_in_mg(value: object) -> float:
    return decimal("dose in mg", value, 0, MAX_DOSE_MG, low_open=True, key="dose_mg")


def dose_per_kg(value: object) -> float:
    return decimal(
        "dose in mg/kg", value, 0, MAX_DOSE_MG_PER_KG, low_open=True, key="dose_mg_per_kg"
    )


def weight_in_kg(value: object, *, field: str = "weight in kg") -> float:
    return decimal(field, value, *WEIGHT_KG, key="weight_kg")


def duration(value: object) -> int:
    return whole_number("duration in minutes", value, 1, MINUTES[1], key="duration_min")


def check_checkin(checkin: model.CheckIn, today: dt.date) -> model.CheckIn:
    """A questionnaire with the right number of answers, each 0-3."""
    from diary.domain.questionnaires import questionnaire  # not needed by quick logging

    scale = questionnaire(checkin.kind)
    count = len(scale.items)
    if len(checkin.answers) != count:
        raise ValidationError(
            f"{scale.title} answers",
            f"{len(checkin.answers)} answers",
            f"exactly {count}, each 0-3",
            key="answers",
        )
    answers = tuple(
        whole_number(f"{scale.title} item {i}", a, 0, 3, key="answers")
        for i, a in enumerate(checkin.answers, 1)
    )
    return model.CheckIn(
        kind=model.CheckinKind(checkin.kind),
        day=day("date", checkin.day, today, key="date"),
        answers=answers,
        id=checkin.id,
    )


def symptom_label(value: object) -> str:
    """A new symptom's label: 1-60 characters with at least one letter or digit."""
    label = text("symptom label", value, 60, key="symptom_label").strip()
    if not re.search(r"\w", label):
        raise ValidationError(
            "symptom label", value, "1-60 characters with a letter or digit", key="symptom_label"
        )
    return label
