"""A day's mood: the record, the rules of saving one over another, its form.

This module is the whole of what `diary mood 7` needs from the domain, so it imports only
the standard library's lightest modules. The entry is written out by hand rather than as a
dataclass: importing dataclasses (with inspect) and creating one costs about a third of the
time a quick log may take.
"""

from __future__ import annotations

import datetime as dt

from diary.domain import values as check
from diary.domain.errors import ValidationError
from diary.domain.field_errors import FieldErrors

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Collection

_FIELDS = ("day", "mood", "anxiety", "sleep_hours", "note")


class MoodEntry:
    """One day's mood (0 worst, 10 best) with optional anxiety, sleep and note. Immutable;
    equal when every field is (as the frozen dataclass it stands for)."""

    __slots__ = _FIELDS
    __match_args__ = _FIELDS

    day: dt.date
    mood: int
    anxiety: int | None
    sleep_hours: float | None
    note: str

    def __init__(
        self,
        day: dt.date,
        mood: int,
        anxiety: int | None = None,
        sleep_hours: float | None = None,
        note: str = "",
    ) -> None:
        for name, value in zip(_FIELDS, (day, mood, anxiety, sleep_hours, note), strict=True):
            object.__setattr__(self, name, value)

    def _values(self) -> tuple[object, ...]:
        return (self.day, self.mood, self.anxiety, self.sleep_hours, self.note)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={value!r}" for name, value in zip(_FIELDS, self._values(), strict=True)
        )
        return f"MoodEntry({shown})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: a MoodEntry is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: a MoodEntry is immutable")

    def __reduce__(self) -> tuple[object, ...]:
        return (MoodEntry, self._values())

    def replace(self, **changes: object) -> MoodEntry:
        """The same entry with the fields named in changes set (as dataclasses.replace)."""
        unknown = changes.keys() - set(_FIELDS)
        if unknown:
            raise TypeError(f"MoodEntry has no field {sorted(unknown)[0]!r}")
        values = dict(zip(_FIELDS, self._values(), strict=True))
        return MoodEntry(**{**values, **changes})  # type: ignore[arg-type]


def given(text: str | None) -> str | None:
    """A form field's text, or None when it holds only blanks (the app's "not given")."""
    return text if text is not None and text.strip() else None


def mood_entry(
    day: dt.date | str,
    mood: int | str | None,
    anxiety: str | None,
    sleep: str | None,
    note: str | None,
    today: dt.date,
) -> tuple[MoodEntry | None, FieldErrors]:
    """A day's entry from its texts; None means a field was not given."""
    errors = FieldErrors()
    the_day = errors.attempt("date", lambda: check.day("date", day, today))
    if mood is None:
        errors.by_key["mood"] = ValidationError.missing(
            "mood", "pick a whole number 0-10 (digits or ←/→)", key="mood"
        )
        score = None
    else:
        score = errors.attempt("mood", lambda: check.whole_number("mood", mood, 0, 10))
    anxiety_value = errors.optional(
        "anxiety", anxiety, lambda t: check.whole_number("anxiety", t, 0, 10)
    )
    sleep_value = errors.optional(
        "sleep", sleep, lambda t: check.decimal("sleep", t, *check.SLEEP_HOURS)
    )
    note_value = errors.attempt("note", lambda: check.text("note", note or ""))
    if errors or the_day is None or score is None:
        return None, errors
    return MoodEntry(the_day, score, anxiety_value, sleep_value, note_value or ""), errors


# the optional fields of a day's entry, in the order a change line names what was kept
MOOD_OPTIONAL = ("note", "sleep", "anxiety")


def keep_mood_fields(
    entry: MoodEntry, saved: MoodEntry | None, keep: Collection[str]
) -> MoodEntry:
    """entry, with the fields named in keep ("anxiety", "sleep", "note") taken from saved."""
    if saved is None:
        return entry
    return entry.replace(
        anxiety=saved.anxiety if "anxiety" in keep else entry.anxiety,
        sleep_hours=saved.sleep_hours if "sleep" in keep else entry.sleep_hours,
        note=saved.note if "note" in keep else entry.note,
    )


def _mood_field(entry: MoodEntry, field: str) -> object:
    return {"anxiety": entry.anxiety, "sleep": entry.sleep_hours, "note": entry.note}[field]


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def mood_change_line(saved: MoodEntry | None, entry: MoodEntry) -> str:
    """What saving entry over saved changed and kept: "mood 6 -> 8; note, sleep and
    anxiety kept". Empty for a new day."""
    if saved is None:
        return ""
    changes = [f"mood {saved.mood} -> {entry.mood}"] if saved.mood != entry.mood else []
    kept = []
    for field in MOOD_OPTIONAL:
        before, after = _mood_field(saved, field), _mood_field(entry, field)
        if before == after:
            if before not in (None, ""):
                kept.append(field)
        elif after in (None, ""):
            changes.append(f"{field} cleared")
        elif field == "note":
            changes.append("note added" if not before else "note changed")
        elif before is None:
            changes.append(f"{field} {after:g}")
        else:
            changes.append(f"{field} {before:g} -> {after:g}")
    parts = changes or ["nothing changed"]
    if kept:
        parts.append(f"{_listed(kept)} kept")
    return "; ".join(parts)
