"""The diary as a whole: every table's rows at once, for exports, backups, restores, imports.

Also what holds for the whole file: its first day, and whether it holds anything at all.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

from diary.store.checkins import insert_checkin
from diary.store.connection import Connected, StoreError
from diary.store.decoding import decoded
from diary.store.medicines import insert_event, rewrite_all_session_medicines
from diary.store.moods import INSERT_MOOD, mood_values, now_stamp
from diary.store.morning import insert_morning
from diary.store.schema import TABLES
from diary.store.sessions import insert_session

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from diary.domain import CheckIn, MoodEntry, Session
    from diary.domain.medicines import MedicineEvent
    from diary.domain.morning import MorningAfter

TableRows = dict[str, tuple[list[str], list[tuple]]]
"""Each table's column names and rows, by table name."""
NewRows = Mapping[str, tuple[Sequence[str], Sequence[Sequence[object]]]]
"""Rows to write, with the column names they give, by table name."""


def _holds_data(db: sqlite3.Connection) -> bool:
    return (
        db.execute(
            "SELECT 1 FROM moods UNION ALL SELECT 1 FROM sessions UNION ALL "
            "SELECT 1 FROM vitals UNION ALL SELECT 1 FROM checkins UNION ALL "
            "SELECT 1 FROM settings UNION ALL SELECT 1 FROM medicine_events UNION ALL "
            "SELECT 1 FROM symptoms WHERE builtin = 0 OR hidden = 1 LIMIT 1"
        ).fetchone()
        is not None
    )


def _insert_sql(db: sqlite3.Connection, table: str, columns: Sequence[str]) -> str:
    """An INSERT for these columns, checked against the table so no name reaches SQL raw."""
    known = set()
    if table in TABLES:
        known = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
    if not columns or not set(columns) <= known:
        raise StoreError(f"table {table!r} has no columns {list(columns)}; nothing was saved")
    marks = ", ".join("?" * len(columns))
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"


class BulkRows(Connected):
    """The diary as a whole: its first day, whether it holds data, all its rows at once."""

    def first_day(self) -> dt.date | None:
        """The earliest day with anything recorded."""
        days = []
        for table in ("moods", "sessions", "checkins"):  # MIN picks its row's rowid too
            row_id, day = self._rows(f"SELECT rowid, MIN(day) FROM {table}")[0]
            if day is not None:
                days.append(decoded(table, row_id, ("day",), (day,))["day"])
        return min(days, default=None)

    def is_empty(self) -> bool:
        """True when no mood, session, vital or check-in is recorded."""
        return not self._rows(
            "SELECT 1 FROM moods UNION ALL SELECT 1 FROM sessions UNION ALL "
            "SELECT 1 FROM vitals UNION ALL SELECT 1 FROM checkins LIMIT 1"
        )

    def holds_data(self) -> bool:
        """True when anything was entered: entries, settings, own or hidden symptoms."""
        with self._reading() as db:
            return _holds_data(db)

    def table_rows(self) -> TableRows:
        """Every table's column names and rows, in key order: for tidy exports and backups.

        Each row is read through the domain's rules first (DamagedRowError names the first
        that breaks one), so no export or backup carries a damaged value on."""
        tables = {}
        for name, (columns, rows) in self.raw_rows().items():
            for row_id, *row in rows:
                decoded(name, row_id, columns, row)
            tables[name] = (columns, [tuple(row[1:]) for row in rows])
        return tables

    def raw_rows(self) -> dict[str, tuple[list[str], list[tuple]]]:
        """Every table's column names and rows as stored, each row led by its rowid.

        Read with sqlite-utils (imported here only: the quick commands never need it)."""
        import sqlite_utils

        database = sqlite_utils.Database(self._db)
        tables = {}
        for name in TABLES:
            table = database.table(name)
            columns = [column.name for column in table.columns]
            rows = [
                (row["rowid_"], *(row[c] for c in columns))
                for row in table.rows_where(select="rowid AS rowid_, *", order_by="rowid")
            ]
            tables[name] = (columns, rows)
        return tables

    def snapshot_rows(self) -> tuple[int, TableRows]:
        """The schema version and every table's rows, read in one consistent snapshot."""
        with self._reading() as db:
            db.execute("BEGIN")
            try:
                return self.schema_version, self.table_rows()
            finally:
                db.execute("COMMIT")

    def bulk_add(
        self,
        moods: Iterable[MoodEntry],
        sessions: Iterable[Session],
        checkins: Iterable[CheckIn] = (),
        medicine_events: Iterable[MedicineEvent] = (),
        mornings: Iterable[MorningAfter] = (),
    ) -> None:
        """Save many records in one transaction (demo data, imports). A morning after's
        session_id is its session's place in sessions, from 1."""
        stamp = now_stamp()
        with self.transaction() as db:
            for event in medicine_events:  # first: each session lists its medicines
                insert_event(db, event)
            db.executemany(INSERT_MOOD, [mood_values(m, stamp) for m in moods])
            ids = [insert_session(db, session) for session in sessions]
            for checkin in checkins:
                insert_checkin(db, checkin)
            for morning in mornings:
                insert_morning(db, replace(morning, session_id=ids[morning.session_id - 1]))

    def add_if_missing(
        self, entries: Iterable[MoodEntry], sessions: Iterable[Session]
    ) -> tuple[list[MoodEntry], list[Session]]:
        """Save each mood whose day has none and each session whose start is not saved yet,
        never replacing anything, in one transaction; returns what was added."""
        stamp = now_stamp()
        moods, added = [], []
        with self.transaction() as db:
            for entry in entries:
                cursor = db.execute(
                    f"{INSERT_MOOD} ON CONFLICT (day) DO NOTHING", mood_values(entry, stamp)
                )
                if cursor.rowcount:
                    moods.append(entry)
            for session in sessions:
                start = session.started_at.isoformat()
                if db.execute("SELECT 1 FROM sessions WHERE started_at = ?", (start,)).fetchone():
                    continue
                insert_session(db, session)
                added.append(session)
        return moods, added

    def session_starts(self) -> set[dt.datetime]:
        """When every saved session started."""
        return {
            dt.datetime.fromisoformat(s) for (s,) in self._rows("SELECT started_at FROM sessions")
        }

    def replace_all(self, tables: NewRows) -> bool:
        """Fill a diary that holds no data with these rows, ids kept, in one transaction.

        Returns False, having written nothing, when the diary holds data (see holds_data).
        """
        with self.transaction() as db:
            if _holds_data(db):
                return False
            db.execute("DELETE FROM symptoms")  # only the untouched built-in catalogue is here
            for table in TABLES:
                if table in tables:
                    columns, rows = tables[table]
                    db.executemany(_insert_sql(db, table, columns), rows)
            rewrite_all_session_medicines(db)
        return True

    def merge_rows(self, plan: Callable[[TableRows], NewRows]) -> None:
        """Add the rows that plan picks after seeing every current table, in one transaction.

        Added sessions, vitals and check-ins get new ids; the session_id and checkin_id of
        the rows added with them follow their parent's new id.
        """
        parent_key = {"sessions": "session_id", "checkins": "checkin_id"}
        with self.transaction() as db:
            additions = plan(self.table_rows())
            new_ids: dict[str, dict[object, int]] = {"session_id": {}, "checkin_id": {}}
            for table in TABLES:
                if table not in additions:
                    continue
                columns, rows = additions[table]
                kept = [c for c in columns if c != "id"]
                sql = _insert_sql(db, table, kept)
                id_at = list(columns).index("id") if "id" in columns else None
                references = [c for c in columns if c in new_ids]
                for row in rows:
                    values = dict(zip(columns, row, strict=True))
                    for column in references:
                        if values[column] is not None:
                            values[column] = new_ids[column][values[column]]
                    cursor = db.execute(sql, [values[c] for c in kept])
                    if table in parent_key and id_at is not None:
                        new_ids[parent_key[table]][row[id_at]] = int(cursor.lastrowid or 0)
            rewrite_all_session_medicines(db)
