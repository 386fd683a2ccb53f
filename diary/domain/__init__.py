"""The domain: records, their rules, the symptom catalogue and the questionnaires. No I/O.

The errors load with the package; every other name loads from its module when first used
(PEP 562), so `diary mood 7` does not create every record type's dataclass to save a mood.
"""

from diary import lazy_names
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
    from diary.domain.medicines import Medicine, MedicineEvent, rems_on
    from diary.domain.model import (
        CLINIC_NOTED,
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
    from diary.domain.morning import MorningAfter
    from diary.domain.pressure import BPFlag, reading_flags
    from diary.domain.symptoms import BUILTIN_SYMPTOMS, symptom_key

_LAZY = {
    "CLINIC_NOTED": "model",
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
    "Medicine": "medicines",
    "MedicineEvent": "medicines",
    "rems_on": "medicines",
    "MorningAfter": "morning",
    "BPFlag": "pressure",
    "reading_flags": "pressure",
    "BUILTIN_SYMPTOMS": "symptoms",
    "symptom_key": "symptoms",
}


__getattr__ = lazy_names(__name__, _LAZY, globals())


__all__ = [
    "BUILTIN_SYMPTOMS",
    "CLINIC_NOTED",
    "AlreadySavedError",
    "BPFlag",
    "BadPathError",
    "CheckIn",
    "CheckinKind",
    "DiaryError",
    "LockedError",
    "Medicine",
    "MedicineEvent",
    "MoodEntry",
    "MorningAfter",
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
    "rems_on",
    "symptom_key",
]
