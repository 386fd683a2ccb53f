"""Other medicines (`medicine_events`), and the REMS-class ones current on each session's
day (`session_medicines`): worked out from the events on every save that could change them.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable

from diary import domain
from diary.domain import NotFoundError
from diary.store.connection import Connected
from diary.store.decoding import decoded

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from diary.domain.medicines import Medicine, MedicineEvent

EVENT_COLUMNS = "id, name, day, event, class, dose, unit, schedule"
SESSION_MEDICINE_COLUMNS = "session_id, name, class, dose, unit, schedule, since"
_INSERT_EVENT = (
    "INSERT INTO medicine_events (id, name, day, event, class, dose, unit, schedule) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


def _event(row: tuple) -> MedicineEvent:
    v = decoded("medicine_events", row[0], EVENT_COLUMNS.split(", "), row)
    return domain.MedicineEvent(change=v.pop("event"), med_class=v.pop("class"), **v)


def session_medicine(row: tuple) -> Medicine:
    """A session_medicines row (led by its rowid) as the Medicine it lists."""
    v = decoded("session_medicines", row[0], SESSION_MEDICINE_COLUMNS.split(", "), row[1:])
    return domain.Medicine(v["name"], v["class"], v["dose"], v["unit"], v["schedule"], v["since"])


def _all_events(db: sqlite3.Connection) -> list[MedicineEvent]:
    rows = db.execute(f"SELECT {EVENT_COLUMNS} FROM medicine_events ORDER BY day, id").fetchall()
    return [_event(row) for row in rows]


def _insert_medicines(
    db: sqlite3.Connection, session_id: int, medicines: tuple[Medicine, ...]
) -> None:
    db.execute("DELETE FROM session_medicines WHERE session_id = ?", (session_id,))
    db.executemany(
        f"INSERT INTO session_medicines ({SESSION_MEDICINE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                session_id,
                m.name,
                str(m.med_class),
                m.dose,
                m.unit,
                m.schedule,
                m.since.isoformat(),
            )
            for m in medicines
        ],
    )


def insert_event(db: sqlite3.Connection, event: MedicineEvent) -> sqlite3.Cursor:
    """Insert a medicine event in the open transaction (the sessions' lists not redone)."""
    return db.execute(_INSERT_EVENT, _event_values(event, None))


def write_session_medicines(db: sqlite3.Connection, session_id: int, day: dt.date) -> None:
    """List, against the session, the REMS-class medicines current on its day."""
    _insert_medicines(db, session_id, domain.rems_on(_all_events(db), day))


def rewrite_all_session_medicines(db: sqlite3.Connection) -> None:
    """Every session's list again, after the medicine events changed."""
    events = _all_events(db)
    for session_id, day in db.execute("SELECT id, day FROM sessions").fetchall():
        _insert_medicines(db, session_id, domain.rems_on(events, dt.date.fromisoformat(day)))


class MedicineRecords(Connected):
    """Saving and reading medicine events; each save relists the sessions' medicines."""

    def medicine_events(self) -> list[MedicineEvent]:
        """Every event, by day then in the order saved."""
        with self._reading() as db:
            return _all_events(db)

    def add_medicine_event(
        self, event: MedicineEvent, fitting: Callable[[list[MedicineEvent]], MedicineEvent]
    ) -> MedicineEvent:
        """Save fitting(saved events) (it refuses an event that does not fit them) in one
        transaction with every session's REMS-class list; the saved event with its id."""
        with self.transaction() as db:
            fitted = fitting(_all_events(db))
            cursor = insert_event(db, fitted)
            rewrite_all_session_medicines(db)
            row = db.execute(
                f"SELECT {EVENT_COLUMNS} FROM medicine_events WHERE id = ?", (cursor.lastrowid,)
            ).fetchone()
        return _event(row)

    def delete_medicine_event(self, event_id: int) -> MedicineEvent:
        """Delete one event (undo), relisting every session's medicines; what was deleted."""
        with self.transaction() as db:
            row = db.execute(
                f"SELECT {EVENT_COLUMNS} FROM medicine_events WHERE id = ?", (event_id,)
            ).fetchone()
            if row is None:
                raise NotFoundError(f"medicine event {event_id} does not exist")
            db.execute("DELETE FROM medicine_events WHERE id = ?", (event_id,))
            rewrite_all_session_medicines(db)
        return _event(row)


def _event_values(event: MedicineEvent, event_id: int | None) -> tuple[object, ...]:
    return (
        event_id,
        event.name,
        event.day.isoformat(),
        str(event.change),
        str(event.med_class),
        event.dose,
        event.unit,
        event.schedule,
    )
