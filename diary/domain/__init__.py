"""The domain: records, their rules, the symptom catalogue and the questionnaires. No I/O.

The errors load with the package; every other name loads from its module when first used
(PEP 562), so `diary mood 7` does not create every record type's dataclass to save a mood.
"""

from diary.domain.errors import (
    AlreadySavedError,
    BadPathError,
    DiaryError,
    LockedError,
    NotADiaryError,
    NotFoundError,
    ValidationError,
)

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
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

_LAZY = {
    "CheckIn": "model",
    "CheckinKind": "model",
    "MoodEntry": "mood",
    "Phase": "model",
    "Route": "model",
    "Session": "model",
    "Settings": "model",
    "Severity": "model",
    "SideEffectRating": "model",
    "Symptom": "model",
    "Told": "model",
    "VitalLabel": "model",
    "VitalReading": "model",
    "BPFlag": "pressure",
    "reading_flags": "pressure",
    "BUILTIN_SYMPTOMS": "symptoms",
    "symptom_key": "symptoms",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(__import__(f"{__name__}.{module}", fromlist=[name]), name)
    globals()[name] = value  # the next use is a plain lookup
    return value


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
