"""Putting back what was just deleted, exactly as it was: a session, a day's mood, a
check-in. The app offers it for a few seconds after a delete."""

from __future__ import annotations

from dataclasses import dataclass

from diary.actions.sessions import DeletedSession
from diary.domain import CheckIn, DiaryError, MoodEntry, Session
from diary.store import Store

Deleted = DeletedSession | MoodEntry | CheckIn


@dataclass(frozen=True, slots=True)
class Undone:
    """What was put back, and a line saying so."""

    record: Session | MoodEntry | CheckIn
    line: str


def undo_delete(store: Store, record: Deleted) -> Undone:
    """Put back a record deleted a moment ago; refused when its place was taken since (a
    day logged again), so nothing saved is replaced by an undo."""
    if isinstance(record, DeletedSession):
        back = store.restore_session(record.session, record.morning)
        return Undone(back, f"Put back the session of {back.started_at:%d %b %Y %H:%M}.")
    if isinstance(record, MoodEntry):
        if store.mood_for(record.day) is not None:
            raise DiaryError(
                f"{record.day:%d %b %Y} was logged again since; the deleted mood was not put back"
            )
        store.save_mood(record)
        return Undone(record, f"Put back the mood of {record.day:%d %b %Y}.")
    back_checkin = store.save_checkin(record)
    return Undone(back_checkin, f"Put back the check-in of {record.day:%d %b %Y}.")
