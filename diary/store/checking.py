"""`diary check`: the file's own integrity, its links, and every row read through the rules.

It lists every damaged row instead of stopping at the first, and picks out the rows that
read cleanly so a person can back them up and restore what survives.
"""

from __future__ import annotations

import sqlite3
from contextlib import suppress

from diary.store.decoding import DamagedRowError, check_answers, damages
from diary.store.rows import BulkRows, TableRows
from diary.store.schema import TABLES

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from diary.store.findings import Findings

# A child row goes with its parent: (child table, its column, the parent table)
_PARENTS = (
    ("vitals", "session_id", "sessions"),
    ("side_effects", "session_id", "sessions"),
    ("side_effects", "symptom", "symptoms"),
    ("checkin_answers", "checkin_id", "checkins"),
)
_PARENT_KEY = {"sessions": "id", "symptoms": "key", "checkins": "id"}


class CheckRows(BulkRows):
    """Checking the whole file at once."""

    def check(self) -> Findings:
        """Run integrity_check and foreign_key_check, and read every row through the rules."""
        from diary.store.findings import Findings  # here: every Store would make it otherwise

        db = self._db
        integrity: list[str] = []
        db.execute("BEGIN")
        try:
            try:
                integrity = [
                    row[0] for row in db.execute("PRAGMA integrity_check") if row[0] != "ok"
                ]
                links = db.execute("PRAGMA foreign_key_check").fetchall()
                raw = self.raw_rows()
            except sqlite3.DatabaseError as error:  # pages SQLite itself cannot read
                integrity.append(f"the file's pages cannot be read ({error}); no row was read")
                return Findings(tuple(integrity), (), {t: ([], []) for t in TABLES})
        finally:
            if db.in_transaction:  # a read: nothing to keep, and COMMIT can fail on bad pages
                with suppress(sqlite3.DatabaseError):
                    db.execute("ROLLBACK")
        damaged: list[str] = []
        good: dict[str, tuple[list[str], list[tuple]]] = {}
        good_rows: dict[str, list[dict]] = {}
        for table in TABLES:
            columns, rows = raw[table]
            kept = []
            for row_id, *row in rows:
                found = damages(table, row_id, columns, row)
                damaged.extend(error.what.removeprefix("damaged row: ") for error in found)
                if found:
                    continue
                kept.append((row_id, dict(zip(columns, row, strict=True))))
            good_rows[table] = [values for _, values in kept]
            good[table] = (columns, [tuple(v[c] for c in columns) for _, v in kept])
        for table, row_id, parent, _ in links:
            damaged.append(f"{table} row {row_id}: refers to a {parent} row that does not exist")
        damaged.extend(_incomplete_checkins(good_rows))
        return Findings(tuple(integrity), tuple(damaged), _with_parents(good, good_rows))


def _incomplete_checkins(rows: dict[str, list[dict]]) -> list[str]:
    """Each check-in whose answer rows are not its questionnaire's items 1..n."""
    items: dict[object, list[int]] = {}
    for answer in rows["checkin_answers"]:
        items.setdefault(answer["checkin_id"], []).append(answer["item"])
    found = []
    for checkin in rows["checkins"]:
        try:
            check_answers(checkin["id"], checkin["kind"], items.get(checkin["id"], []))
        except DamagedRowError as error:
            found.append(error.what.removeprefix("damaged row: "))
            checkin["incomplete"] = True
    return found


def _with_parents(good: TableRows, rows: dict[str, list[dict]]) -> TableRows:
    """The clean rows whose parents are clean too: a vital of a damaged session goes with
    it, as do the answers of a check-in that lost one."""
    rows["checkins"] = [c for c in rows["checkins"] if not c.pop("incomplete", False)]
    keys = {t: {r[_PARENT_KEY[t]] for r in rows[t]} for t in _PARENT_KEY}
    for child, column, parent in _PARENTS:
        rows[child] = [r for r in rows[child] if r[column] is None or r[column] in keys[parent]]
    return {
        table: (columns, [tuple(r[c] for c in columns) for r in rows[table]])
        for table, (columns, _) in good.items()
    }
