"""Turning a day form's texts into a checked MoodEntry, every bad field reported at once."""

from __future__ import annotations

import datetime as dt

from diary.domain import MoodEntry, ValidationError
from diary.domain import validation as check


def entry_from_form(
    day: dt.date, mood: int | None, anxiety: str, sleep: str, note: str
) -> tuple[MoodEntry | None, dict[str, str]]:
    """The checked entry, or None with a message per bad field (the CLI's messages)."""
    errors: dict[str, str] = {}

    def attempt(field: str, parse):
        try:
            return parse()
        except ValidationError as error:
            errors[field] = str(error)
            return None

    if mood is None:
        errors["mood"] = "mood: pick a whole number 0-10 (digits or ←/→)"
    anxiety_value = attempt(
        "anxiety",
        lambda: check.whole_number("anxiety", anxiety, 0, 10) if anxiety.strip() else None,
    )
    sleep_value = attempt(
        "sleep",
        lambda: check.decimal("sleep", sleep, *check.SLEEP_HOURS) if sleep.strip() else None,
    )
    note_value = attempt("note", lambda: check.text("note", note))
    if errors or mood is None:
        return None, errors
    return MoodEntry(day, mood, anxiety_value, sleep_value, note_value or ""), {}
