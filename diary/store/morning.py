"""The morning after a session (`morning_after`, `morning_after_ratings`): one per session."""

from __future__ import annotations

import datetime as dt
import sqlite3

from diary import domain
from diary.domain import AlreadySavedError, NotFoundError
from diary.store.connection import Connected, day_range
from diary.store.decoding import decoded

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from diary.domain import SideEffectRating
    from diary.domain.morning import MorningAfter

_MORNING = ("session_id", "rated_at", "note")
_RATING = ("session_id", "symptom", "severity")


def insert_morning(db: sqlite3.Connection, morning: MorningAfter) -> None:
    """Insert a morning after with its ratings in the open transaction."""
    db.execute(
        "INSERT INTO morning_after (session_id, rated_at, note) VALUES (?, ?, ?)",
        (morning.session_id, morning.rated_at.isoformat(), morning.note),
    )
    db.executemany(
        "INSERT INTO morning_after_ratings (session_id, symptom, severity) VALUES (?, ?, ?)",
        [(morning.session_id, r.symptom, int(r.severity)) for r in morning.ratings],
    )


class MorningRecords(Connected):
    """Saving and reading the morning-after ratings of sessions."""

    def save_morning_after(self, morning: MorningAfter, *, replace: bool = False) -> MorningAfter:
        """Save a session's morning-after ratings in one transaction. A session rated
        already is refused (AlreadySavedError) unless replace, which swaps them whole."""
        with self.transaction() as db:
            if not db.execute(
                "SELECT 1 FROM sessions WHERE id = ?", (morning.session_id,)
            ).fetchone():
                raise NotFoundError(f"session {morning.session_id} does not exist")
            saved = db.execute(
                "SELECT rated_at FROM morning_after WHERE session_id = ?", (morning.session_id,)
            ).fetchone()
            if saved is not None and not replace:
                raise AlreadySavedError(
                    f"the morning after this session is rated already (at {saved[0][:16]})",
                    existing_id=morning.session_id,
                )
            db.execute("DELETE FROM morning_after WHERE session_id = ?", (morning.session_id,))
            insert_morning(db, morning)
        return self.morning_after(morning.session_id) or morning

    def morning_after(self, session_id: int) -> MorningAfter | None:
        found = self._mornings("s.id = ?", [session_id])
        return found[0] if found else None

    def mornings_between(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[MorningAfter]:
        """The mornings after sessions whose day is from start to end, by session time."""
        return self._mornings("s.day >= ? AND s.day <= ?", day_range(start, end))

    def delete_morning_after(self, session_id: int) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM morning_after WHERE session_id = ?", (session_id,))

    def _mornings(self, where: str, params: list[object]) -> list[MorningAfter]:
        rows = self._rows(
            "SELECT m.rowid, m.session_id, m.rated_at, m.note FROM morning_after m "
            f"JOIN sessions s ON s.id = m.session_id WHERE {where} ORDER BY s.started_at, s.id",
            params,
        )
        ratings: dict[int, list[SideEffectRating]] = {}
        for row in self._rows(
            "SELECT r.rowid, r.session_id, r.symptom, r.severity FROM morning_after_ratings r "
            f"JOIN sessions s ON s.id = r.session_id WHERE {where} ORDER BY r.rowid",
            params,
        ):
            v = decoded("morning_after_ratings", row[0], _RATING, row[1:])
            ratings.setdefault(v["session_id"], []).append(
                domain.SideEffectRating(v["symptom"], v["severity"])
            )
        mornings = []
        for row in rows:
            v = decoded("morning_after", row[0], _MORNING, row[1:])
            mornings.append(
                domain.MorningAfter(
                    v["session_id"],
                    v["rated_at"],
                    tuple(ratings.get(v["session_id"], ())),
                    v["note"],
                )
            )
        return mornings
