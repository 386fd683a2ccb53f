"""Sessions with their vitals and side effects (`sessions`, `vitals`, `side_effects`).

A vital reading usually belongs to a session; one taken on its own has no session_id.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from diary import domain
from diary.domain import NotFoundError
from diary.domain.errors import ANY_SAVED, ChangedElsewhereError
from diary.store.connection import Connected, day_range
from diary.store.decoding import decoded
from diary.store.medicines import (
    SESSION_MEDICINE_COLUMNS,
    session_medicine,
    write_session_medicines,
)
from diary.store.morning import insert_morning

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from diary.domain import Session, SideEffectRating, VitalReading
    from diary.domain.medicines import Medicine
    from diary.domain.morning import MorningAfter

_SESSION_COLUMNS = (
    "id, started_at, day, route, dose_mg, dose_mg_per_kg, weight_kg, duration_min, phase, "
    "clinic, note, lot, observed_min, ready_after_min, noted_sedation, noted_dissociation, "
    "noted_breathing, home_with, devices"
)
_WRITTEN = _SESSION_COLUMNS.split(", ")[1:]  # every column but id, in _session_values order
_UPDATE_SESSION = f"UPDATE sessions SET {', '.join(f'{c} = ?' for c in _WRITTEN)} WHERE id = ?"
_INSERT_SESSION = (
    f"INSERT INTO sessions (id, {', '.join(_WRITTEN)}) "
    f"VALUES ({', '.join('?' * (1 + len(_WRITTEN)))})"
)
_VITAL_COLUMNS = "id, session_id, taken_at, label, systolic, diastolic, heart_rate, spo2"
_EFFECT_COLUMNS = "session_id, symptom, severity, onset_min, duration_min, note"
_INSERT_VITAL = (
    "INSERT INTO vitals (session_id, taken_at, label, systolic, diastolic, heart_rate, "
    "spo2) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_CHUNK = 900  # ids per IN (...): below SQLite's oldest limit of 999 parameters


def _vital(row: tuple) -> VitalReading:
    return domain.VitalReading(**decoded("vitals", row[0], _VITAL_COLUMNS.split(", "), row))


def _side_effect(row: tuple) -> SideEffectRating:
    v = decoded("side_effects", row[0], _EFFECT_COLUMNS.split(", "), row[1:])
    return domain.SideEffectRating(
        v["symptom"], v["severity"], v["onset_min"], v["duration_min"], v["note"]
    )


def _session(row: tuple, vitals: tuple, side_effects: tuple, medicines: tuple) -> Session:
    """The columns are the session's fields, but for day (its start's, which it derives)."""
    v = decoded("sessions", row[0], _SESSION_COLUMNS.split(", "), row)
    del v["day"]
    return domain.Session(**v, vitals=vitals, side_effects=side_effects, rems_medicines=medicines)


def _vital_values(reading: VitalReading, session_id: int | None) -> tuple[object, ...]:
    return (
        session_id,
        None if reading.taken_at is None else reading.taken_at.isoformat(),
        str(reading.label),
        reading.systolic,
        reading.diastolic,
        reading.heart_rate,
        reading.spo2,
    )


def _session_values(session: Session) -> tuple[object, ...]:
    return (
        session.started_at.isoformat(),
        session.day.isoformat(),
        str(session.route),
        session.dose_mg,
        session.dose_mg_per_kg,
        session.weight_kg,
        session.duration_min,
        None if session.phase is None else str(session.phase),
        session.clinic,
        session.note,
        session.lot,
        session.observed_min,
        session.ready_after_min,
        *(str(session.noted(what)) for what in domain.CLINIC_NOTED),
        session.home_with,
        session.devices,
    )


def _write_children(db: sqlite3.Connection, session_id: int, session: Session) -> None:
    write_session_medicines(db, session_id, session.day)
    db.executemany(_INSERT_VITAL, [_vital_values(v, session_id) for v in session.vitals])
    db.executemany(
        "INSERT INTO side_effects (session_id, symptom, severity, onset_min, duration_min, "
        "note) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (session_id, r.symptom, int(r.severity), r.onset_min, r.duration_min, r.note)
            for r in session.side_effects
        ],
    )


def insert_session(db: sqlite3.Connection, session: Session, *, keep_id: bool = False) -> int:
    """Insert session with its vitals and side effects in the open transaction; its new id
    (its own id with keep_id: putting back a deleted session)."""
    cursor = db.execute(
        _INSERT_SESSION, (session.id if keep_id else None, *_session_values(session))
    )
    session_id = int(cursor.lastrowid or 0)
    _write_children(db, session_id, session)
    return session_id


class SessionRecords(Connected):
    """Reading, saving, changing and deleting sessions, and vitals taken on their own."""

    def _load_sessions(self, where: str, params: list[object]) -> list[Session]:
        rows = self._rows(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE {where} ORDER BY started_at, id",
            params,
        )
        if not rows:
            return []
        ids = [r[0] for r in rows]
        vitals: dict[int, list[VitalReading]] = {}
        effects: dict[int, list[SideEffectRating]] = {}
        medicines: dict[int, list[Medicine]] = {}
        for chunk_start in range(0, len(ids), _CHUNK):
            chunk = ids[chunk_start : chunk_start + _CHUNK]
            marks = ",".join("?" * len(chunk))
            for row in self._rows(
                f"SELECT {_VITAL_COLUMNS} FROM vitals WHERE session_id IN ({marks}) ORDER BY id",
                chunk,
            ):
                vitals.setdefault(row[1], []).append(_vital(row))
            for row in self._rows(
                f"SELECT rowid, {_EFFECT_COLUMNS} "
                f"FROM side_effects WHERE session_id IN ({marks}) ORDER BY rowid",
                chunk,
            ):
                effects.setdefault(row[1], []).append(_side_effect(row))
            for row in self._rows(
                f"SELECT rowid, {SESSION_MEDICINE_COLUMNS} FROM session_medicines "
                f"WHERE session_id IN ({marks}) ORDER BY rowid",
                chunk,
            ):
                medicines.setdefault(row[1], []).append(session_medicine(row))
        return [
            _session(
                row,
                tuple(vitals.get(row[0], ())),
                tuple(effects.get(row[0], ())),
                tuple(medicines.get(row[0], ())),
            )
            for row in rows
        ]

    def sessions_between(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[Session]:
        """Sessions whose local day is from start to end (both included), oldest first."""
        return self._load_sessions("day >= ? AND day <= ?", day_range(start, end))

    def session(self, session_id: int) -> Session:
        found = self._load_sessions("id = ?", [session_id])
        if not found:
            raise NotFoundError(f"session {session_id} does not exist")
        return found[0]

    def last_session(self) -> Session | None:
        rows = self._rows("SELECT id FROM sessions ORDER BY started_at DESC, id DESC LIMIT 1")
        return self.session(rows[0][0]) if rows else None

    def session_numbers(self) -> dict[int, int]:
        """Each session's number: its place among all sessions by time, from 1."""
        rows = self._rows("SELECT id FROM sessions ORDER BY started_at, id")
        return {sid: n for n, (sid,) in enumerate(rows, 1)}

    def add_session(self, session: Session) -> Session:
        """Save a new session with its vitals and side effects in one transaction."""
        with self.transaction() as db:
            session_id = insert_session(db, session)
        return self.session(session_id)

    def restore_session(self, session: Session, morning: MorningAfter | None = None) -> Session:
        """Put a deleted session back, with its id, readings, ratings and (given) its
        morning after, in one transaction."""
        with self.transaction() as db:
            insert_session(db, session, keep_id=True)
            if morning is not None:
                insert_morning(db, morning)
        return self.session(session.id or 0)

    def update_session(self, session: Session, *, over: object = ANY_SAVED) -> Session:
        """Replace a saved session (by id), its vitals and side effects, in one transaction.

        over, when given, is the session as the editor last saw it: when the saved one is no
        longer that (edited elsewhere since), nothing is written and ChangedElsewhereError
        names what is saved now."""
        if session.id is None:
            raise NotFoundError("a session without an id cannot be updated")
        with self.transaction() as db:
            if over is not ANY_SAVED:
                now = self.session(session.id)
                if now != over:
                    raise ChangedElsewhereError(
                        f"session {session.id} was changed elsewhere since this form showed it",
                        saved=now,
                    )
            cursor = db.execute(_UPDATE_SESSION, (*_session_values(session), session.id))
            if not cursor.rowcount:
                raise NotFoundError(f"session {session.id} does not exist")
            db.execute("DELETE FROM vitals WHERE session_id = ?", (session.id,))
            db.execute("DELETE FROM side_effects WHERE session_id = ?", (session.id,))
            _write_children(db, session.id, session)
        return self.session(session.id)

    def delete_session(self, session_id: int) -> None:
        """Delete a session with its vitals and side effects."""
        with self.transaction() as db:
            if not db.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount:
                raise NotFoundError(f"session {session_id} does not exist")

    def add_vital(self, reading: VitalReading) -> VitalReading:
        """Save a reading not tied to a session."""
        with self.transaction() as db:
            cursor = db.execute(_INSERT_VITAL, _vital_values(reading, reading.session_id))
        return _vital(
            self._rows(f"SELECT {_VITAL_COLUMNS} FROM vitals WHERE id = ?", [cursor.lastrowid])[0]
        )

    def standalone_vitals(self) -> list[VitalReading]:
        rows = self._rows(
            f"SELECT {_VITAL_COLUMNS} FROM vitals WHERE session_id IS NULL ORDER BY taken_at, id"
        )
        return [_vital(r) for r in rows]
