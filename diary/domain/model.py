"""The records of the diary: immutable values with their closed sets of choices."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum

from diary.domain.medicines import Medicine
from diary.domain.mood import MoodEntry as MoodEntry  # written by hand: see mood.py


class Route(StrEnum):
    """How the ketamine was given."""

    IV = "iv"
    IM = "im"
    INTRANASAL = "intranasal"
    ORAL = "oral"
    SUBLINGUAL = "sublingual"
    OTHER = "other"

    @property
    def label(self) -> str:
        return ROUTE_LABELS[self]


ROUTE_LABELS = {
    Route.IV: "IV infusion",
    Route.IM: "IM injection",
    Route.INTRANASAL: "Nasal spray",
    Route.ORAL: "Oral",
    Route.SUBLINGUAL: "Sublingual",
    Route.OTHER: "Other",
}


class Phase(StrEnum):
    """Where a session sits in the course of treatment."""

    INDUCTION = "induction"
    MAINTENANCE = "maintenance"
    BOOSTER = "booster"


class VitalLabel(StrEnum):
    """When in a session a blood pressure reading was taken."""

    PRE = "pre"
    FORTY = "40min"
    DISCHARGE = "discharge"
    OTHER = "other"

    @property
    def label(self) -> str:
        return VITAL_LABELS[self]


VITAL_LABELS = {
    VitalLabel.PRE: "pre-dose",
    VitalLabel.FORTY: "~40 min",
    VitalLabel.DISCHARGE: "discharge",
    VitalLabel.OTHER: "other",
}


class Severity(IntEnum):
    """How strongly a side effect was felt."""

    NONE = 0
    MILD = 1
    MODERATE = 2
    SEVERE = 3

    @property
    def word(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Symptom:
    """A side effect the diary can rate; built-in ones come from the catalogue."""

    key: str
    label: str
    builtin: bool = False
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class VitalReading:
    """A blood pressure reading, usually tied to a session."""

    label: VitalLabel
    systolic: int
    diastolic: int
    heart_rate: int | None = None
    spo2: int | None = None
    taken_at: dt.datetime | None = None
    session_id: int | None = None
    id: int | None = None

    @property
    def text(self) -> str:
        return f"{self.systolic}/{self.diastolic}"


def reading_time(started: dt.datetime, label: VitalLabel) -> dt.datetime | None:
    """When a session's reading was taken, as far as its label tells: pre-dose at the start,
    ~40 min forty minutes in; discharge and other readings have no known time."""
    if label == VitalLabel.PRE:
        return started
    if label == VitalLabel.FORTY:
        return started + dt.timedelta(minutes=40)
    return None


@dataclass(frozen=True, slots=True)
class SideEffectRating:
    """How one symptom was felt in one session."""

    symptom: str
    severity: Severity
    onset_min: int | None = None
    duration_min: int | None = None
    note: str = ""


class Told(StrEnum):
    """What the clinic noted about something, as the person was told it (never self-rated)."""

    YES = "yes"
    NO = "no"
    NOT_TOLD = "not told"


CLINIC_NOTED = ("sedation", "dissociation", "breathing")
"""What the clinic's monitoring form notes: a Session field noted_<name> for each."""
MG_PER_DEVICE = 28.0  # one esketamine nasal spray device


@dataclass(frozen=True, slots=True)
class Session:
    """One treatment session with its vitals and side-effect ratings."""

    started_at: dt.datetime
    route: Route
    dose_mg: float | None = None
    dose_mg_per_kg: float | None = None
    weight_kg: float | None = None
    duration_min: int | None = None
    phase: Phase | None = None
    clinic: str = ""
    note: str = ""
    vitals: tuple[VitalReading, ...] = ()
    side_effects: tuple[SideEffectRating, ...] = ()
    id: int | None = None
    lot: str = ""
    observed_min: int | None = None
    ready_after_min: int | None = None
    noted_sedation: Told = Told.NOT_TOLD
    noted_dissociation: Told = Told.NOT_TOLD
    noted_breathing: Told = Told.NOT_TOLD
    home_with: str = ""
    devices: int | None = None
    rems_medicines: tuple[Medicine, ...] = ()
    """The REMS-class medicines current on the session's day: worked out from the medicine
    events by the store on every save (never typed), read back as stored."""

    def noted(self, what: str) -> Told:
        """What the clinic noted about sedation, dissociation or breathing."""
        return getattr(self, f"noted_{what}")

    @property
    def day(self) -> dt.date:
        return self.started_at.date()

    @property
    def total_mg(self) -> float | None:
        """The dose in mg, worked out from mg/kg x weight (to 0.1 mg, halves away from zero,
        in exact decimals: 0.5 x 70.5 = 35.25 gives 35.3) when only those were given."""
        if self.dose_mg is not None:
            return self.dose_mg
        if self.dose_mg_per_kg is not None and self.weight_kg is not None:
            from diary.domain.numbers import exact, round_half_away  # fractions: not for a mood

            return round_half_away(exact(self.dose_mg_per_kg) * exact(self.weight_kg), 1)
        return None

    @property
    def mg_per_kg(self) -> float | None:
        """The dose in mg/kg as given, else mg / weight to 2 decimals; None without a weight."""
        if self.dose_mg_per_kg is not None:
            return self.dose_mg_per_kg
        if self.dose_mg is not None and self.weight_kg:
            from diary.domain.numbers import exact, round_half_away

            return round_half_away(exact(self.dose_mg) / exact(self.weight_kg), 2)
        return None

    @property
    def dose_text(self) -> str:
        parts = []
        if self.dose_mg is not None:
            parts.append(f"{self.dose_mg:g} mg")
        if self.dose_mg_per_kg is not None:
            parts.append(f"{self.dose_mg_per_kg:g} mg/kg")
        return " / ".join(parts)

    def vital(self, label: VitalLabel) -> VitalReading | None:
        """The first reading with this label, if any."""
        return next((v for v in self.vitals if v.label == label), None)

    def severity_of(self, symptom: str) -> Severity:
        """The rated severity of a symptom; not rated counts as none."""
        for rating in self.side_effects:
            if rating.symptom == symptom:
                return rating.severity
        return Severity.NONE


class CheckinKind(StrEnum):
    """The questionnaires the diary knows."""

    PHQ9 = "phq9"
    GAD7 = "gad7"


@dataclass(frozen=True, slots=True)
class CheckIn:
    """One questionnaire, answered item by item (each 0-3); the total is derived."""

    kind: CheckinKind
    day: dt.date
    answers: tuple[int, ...]
    id: int | None = None

    @property
    def total(self) -> int:
        return sum(self.answers)


@dataclass(frozen=True, slots=True)
class Settings:
    """The person's preferences: name on reports, country for crisis resources, weight."""

    name: str = ""
    country: str = ""
    default_weight_kg: float | None = None
    units: str = "metric"
    extra: dict[str, str] = field(default_factory=dict)
