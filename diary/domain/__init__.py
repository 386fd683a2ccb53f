"""The domain: records, their rules, the symptom catalogue and the questionnaires. No I/O."""

from diary.domain.errors import (
    AlreadySavedError,
    BadPathError,
    DiaryError,
    LockedError,
    NotADiaryError,
    NotFoundError,
    ValidationError,
)
from diary.domain.model import (
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
    Told,
    VitalLabel,
    VitalReading,
)
from diary.domain.pressure import BPFlag, reading_flags
from diary.domain.symptoms import BUILTIN_SYMPTOMS, symptom_key

__all__ = [
    "BUILTIN_SYMPTOMS",
    "AlreadySavedError",
    "BPFlag",
    "BadPathError",
    "CheckIn",
    "CheckinKind",
    "DiaryError",
    "LockedError",
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
    "Told",
    "ValidationError",
    "VitalLabel",
    "VitalReading",
    "reading_flags",
    "symptom_key",
]
