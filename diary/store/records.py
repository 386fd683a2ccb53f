"""The Store: every record type's reads and writes on one open diary connection."""

from __future__ import annotations

from diary.store.checking import CheckRows
from diary.store.checkins import CheckinRecords
from diary.store.medicines import MedicineRecords
from diary.store.moods import MoodRecords
from diary.store.morning import MorningRecords
from diary.store.sessions import SessionRecords
from diary.store.settings import SettingsRecords
from diary.store.symptoms import SymptomRecords


class Store(
    MoodRecords,
    SessionRecords,
    CheckinRecords,
    SymptomRecords,
    SettingsRecords,
    MedicineRecords,
    MorningRecords,
    CheckRows,
):
    """An open diary database. Methods take and return domain records, never rows."""
