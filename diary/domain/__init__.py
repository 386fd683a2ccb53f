"""The domain: records, their rules, the symptom catalogue and the questionnaires. No I/O."""

from diary.domain.errors import (
    AlreadySavedError,
    DiaryError,
    NotADiaryError,
    NotFoundError,
    ValidationError,
)
from diary.domain.model import (
    BP_REFERENCE,
    CheckIn,
    CheckinKind,
    MoodEntry,
    Phase,
    Route,
    Session,
    Settings,
    Severity,
    SideEffectRating,
    Symptom,
    VitalLabel,
    VitalReading,
)
from diary.domain.symptoms import BUILTIN_SYMPTOMS, symptom_key

__all__ = [
    "BP_REFERENCE",
    "BUILTIN_SYMPTOMS",
    "AlreadySavedError",
    "CheckIn",
    "CheckinKind",
    "DiaryError",
    "MoodEntry",
    "NotADiaryError",
    "NotFoundError",
    "Phase",
    "Route",
    "Session",
    "Settings",
    "Severity",
    "SideEffectRating",
    "Symptom",
    "ValidationError",
    "VitalLabel",
    "VitalReading",
    "symptom_key",
]
