"""The schema and its migrations: ordered steps, step N takes the file from version N-1 to N.

A copy of the file is written beside it before any step runs, so a failed or unwanted
migration can be undone by hand.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from diary.domain import BUILTIN_SYMPTOMS

TABLES = (
    "settings",
    "symptoms",
    "moods",
    "sessions",
    "vitals",
    "side_effects",
    "checkins",
    "checkin_answers",
)


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run DDL statements inside the open transaction (executescript would commit it)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _v1_schema(db: sqlite3.Connection) -> None:
    """Version 1: every table of the design, and the built-in symptom catalogue."""
    _run_script(
        db,
        """
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE symptoms (
            key TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            builtin INTEGER NOT NULL DEFAULT 0,
            hidden INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL
        );
        CREATE TABLE moods (
            day TEXT PRIMARY KEY,
            mood INTEGER NOT NULL CHECK (mood BETWEEN 0 AND 10),
            anxiety INTEGER CHECK (anxiety BETWEEN 0 AND 10),
            sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24),
            note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL
        );
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            day TEXT NOT NULL,
            route TEXT NOT NULL,
            dose_mg REAL,
            dose_mg_per_kg REAL,
            weight_kg REAL,
            duration_min INTEGER,
            phase TEXT,
            clinic TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX sessions_by_time ON sessions (started_at);
        CREATE INDEX sessions_by_day ON sessions (day);
        CREATE TABLE vitals (
            id INTEGER PRIMARY KEY,
            session_id INTEGER REFERENCES sessions (id) ON DELETE CASCADE,
            taken_at TEXT,
            label TEXT NOT NULL,
            systolic INTEGER NOT NULL,
            diastolic INTEGER NOT NULL,
            heart_rate INTEGER,
            spo2 INTEGER
        );
        CREATE INDEX vitals_by_session ON vitals (session_id);
        CREATE TABLE side_effects (
            session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            symptom TEXT NOT NULL REFERENCES symptoms (key),
            severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 3),
            onset_min INTEGER,
            duration_min INTEGER,
            note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (session_id, symptom)
        );
        CREATE TABLE checkins (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            day TEXT NOT NULL
        );
        CREATE INDEX checkins_by_day ON checkins (day);
        CREATE TABLE checkin_answers (
            checkin_id INTEGER NOT NULL REFERENCES checkins (id) ON DELETE CASCADE,
            item INTEGER NOT NULL,
            answer INTEGER NOT NULL CHECK (answer BETWEEN 0 AND 3),
            PRIMARY KEY (checkin_id, item)
        );
        """,
    )
    db.executemany(
        "INSERT INTO symptoms (key, label, builtin, hidden, position) VALUES (?, ?, 1, 0, ?)",
        [(s.key, s.label, i) for i, s in enumerate(BUILTIN_SYMPTOMS)],
    )


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1_schema,)
SCHEMA_VERSION = len(MIGRATIONS)


SchemaObject = tuple[str, str, str, str]  # type, name, table, its SQL with spaces collapsed


def schema_objects(db: sqlite3.Connection) -> frozenset[SchemaObject]:
    """Every table, index, trigger and view of the file, as sqlite_master lists them."""
    rows = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset(
        (str(kind), str(name), str(table), " ".join(str(sql or "").split()))
        for kind, name, table, sql in rows
    )


@functools.cache
def expected_objects(version: int) -> frozenset[SchemaObject]:
    """The schema a file of this version has: built by the same steps in a scratch database."""
    scratch = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for step in MIGRATIONS[:version]:
            step(scratch)
        return schema_objects(scratch)
    finally:
        scratch.close()


def schema_differences(
    found: frozenset[SchemaObject], version: int
) -> tuple[list[str], list[str]]:
    """What the file has that its version does not ("trigger wipe"), and what it lacks."""
    expected = expected_objects(version)
    order = {"table": 0, "view": 1, "trigger": 2, "index": 3}

    def named(objects: frozenset[SchemaObject]) -> list[str]:
        ranked = sorted(objects, key=lambda o: (order.get(o[0], 4), o[1]))
        return [f"{kind} {name}" for kind, name, _, _ in ranked]

    return named(found - expected), named(expected - found)


def migrate(db: sqlite3.Connection) -> None:
    """Run the steps the file lacks, in one transaction under a write lock."""
    if db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]  # another process may have won
        for step in MIGRATIONS[version:]:
            step(db)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def copy_before_migration(path: Path, version: int) -> Path:
    """A copy of the file as it was, beside it, before any migration step runs."""
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    copy = path.with_name(f"{path.name}.v{version}-before-migration-{stamp}.bak")
    wal = path.with_name(path.name + "-wal")
    os.close(os.open(copy, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # private from the start
    if wal.exists() and wal.stat().st_size > 0:
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
    else:
        shutil.copyfile(path, copy)
    os.chmod(copy, 0o600)
    return copy
