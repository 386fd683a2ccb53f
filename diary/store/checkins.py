"""Check-ins: a questionnaire (`checkins`) with its answers item by item (`checkin_answers`)."""

from __future__ import annotations

import datetime as dt
import sqlite3

from diary import domain
from diary.domain import NotFoundError
from diary.store.connection import Connected, day_range
from diary.store.decoding import check_answers, decoded

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from diary.domain import CheckIn, CheckinKind

_CHECKIN = ("id", "kind", "day")
_ANSWER = ("checkin_id", "item", "answer")


def insert_checkin(db: sqlite3.Connection, checkin: CheckIn) -> int:
    """Insert checkin with its answers in the open transaction; its new id."""
    cursor = db.execute(
        "INSERT INTO checkins (kind, day) VALUES (?, ?)",
        (str(checkin.kind), checkin.day.isoformat()),
    )
    checkin_id = int(cursor.lastrowid or 0)
    db.executemany(
        "INSERT INTO checkin_answers (checkin_id, item, answer) VALUES (?, ?, ?)",
        [(checkin_id, i, a) for i, a in enumerate(checkin.answers, 1)],
    )
    return checkin_id


class CheckinRecords(Connected):
    """Saving, reading and deleting check-ins."""

    def save_checkin(self, checkin: CheckIn, replacing: int | None = None) -> CheckIn:
        """Save a questionnaire's answers item by item in one transaction; with replacing,
        the check-in of that id is deleted in the same transaction."""
        with self.transaction() as db:
            gone = (
                replacing is None
                or db.execute("DELETE FROM checkins WHERE id = ?", (replacing,)).rowcount
            )
            if not gone:
                raise NotFoundError(f"check-in {replacing} does not exist")
            checkin_id = insert_checkin(db, checkin)
        return domain.CheckIn(checkin.kind, checkin.day, tuple(checkin.answers), checkin_id)

    def checkins_between(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[CheckIn]:
        """Check-ins from start to end (both included), oldest first."""
        rows = self._rows(
            "SELECT c.id, c.kind, c.day, a.rowid, a.checkin_id, a.item, a.answer "
            "FROM checkins c JOIN checkin_answers a ON a.checkin_id = c.id "
            "WHERE c.day >= ? AND c.day <= ? ORDER BY c.day, c.id, a.item",
            day_range(start, end),
        )
        grouped: dict[int, tuple[dict, list[dict]]] = {}
        for cid, kind, day, answer_id, *answer in rows:
            if cid not in grouped:
                grouped[cid] = (decoded("checkins", cid, _CHECKIN, (cid, kind, day)), [])
            grouped[cid][1].append(decoded("checkin_answers", answer_id, _ANSWER, answer))
        found = []
        for cid, (checkin, answers) in grouped.items():
            check_answers(cid, checkin["kind"], [a["item"] for a in answers])
            found.append(
                domain.CheckIn(
                    checkin["kind"], checkin["day"], tuple(a["answer"] for a in answers), cid
                )
            )
        return found

    def last_checkin_day(self, kind: CheckinKind, until: dt.date) -> dt.date | None:
        """The day of the last check-in of kind on or before until (one row read, not every
        check-in: Today's reminder asks it before the first paint); None when there is none."""
        rows = self._rows(
            "SELECT c.id, c.kind, c.day FROM checkins c WHERE c.kind = ? AND c.day <= ? "
            "AND EXISTS (SELECT 1 FROM checkin_answers a WHERE a.checkin_id = c.id) "
            "ORDER BY c.day DESC LIMIT 1",
            (str(kind), until.isoformat()),
        )
        return decoded("checkins", rows[0][0], _CHECKIN, rows[0])["day"] if rows else None

    def delete_checkin(self, checkin_id: int) -> None:
        with self.transaction() as db:
            if not db.execute("DELETE FROM checkins WHERE id = ?", (checkin_id,)).rowcount:
                raise NotFoundError(f"check-in {checkin_id} does not exist")
