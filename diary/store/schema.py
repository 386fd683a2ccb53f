"""The schema and its migrations: ordered steps, step N takes the file from version N-1 to N.

A copy of the file is written beside it before any step runs, so a failed or unwanted
migration can be undone by hand.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sqlite3
from collections.abc import Callable

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`diary mood`)
if TYPE_CHECKING:
    from pathlib import Path

    from diary.store.connection import StoreError
    from diary.store.paths import StrPath

TABLES = (
    "settings",
    "symptoms",
    "moods",
    "sessions",
    "vitals",
    "side_effects",
    "checkins",
    "checkin_answers",
    "medicine_events",
    "session_medicines",
    "morning_after",
    "morning_after_ratings",
)


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run DDL statements inside the open transaction (executescript would commit it)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _v1_schema(db: sqlite3.Connection) -> None:
    """Version 1: every table of the design, and the built-in symptom catalogue."""
    from diary.domain.catalogue import BUILTIN_SYMPTOM_LABELS  # only for a new file

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
        [(key, label, i) for i, (key, label) in enumerate(BUILTIN_SYMPTOM_LABELS)],
    )


def _v2_treatment(db: sqlite3.Connection) -> None:
    """Version 2: what the clinic records at a session, other medicines as dated events
    (and the REMS-class ones current on each session's day), the morning after."""
    _run_script(
        db,
        """
        ALTER TABLE sessions ADD COLUMN lot TEXT NOT NULL DEFAULT '';
        ALTER TABLE sessions ADD COLUMN observed_min INTEGER;
        ALTER TABLE sessions ADD COLUMN ready_after_min INTEGER;
        ALTER TABLE sessions ADD COLUMN noted_sedation TEXT NOT NULL DEFAULT 'not told';
        ALTER TABLE sessions ADD COLUMN noted_dissociation TEXT NOT NULL DEFAULT 'not told';
        ALTER TABLE sessions ADD COLUMN noted_breathing TEXT NOT NULL DEFAULT 'not told';
        ALTER TABLE sessions ADD COLUMN home_with TEXT NOT NULL DEFAULT '';
        ALTER TABLE sessions ADD COLUMN devices INTEGER;
        CREATE TABLE medicine_events (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            day TEXT NOT NULL,
            event TEXT NOT NULL,
            class TEXT NOT NULL,
            dose REAL,
            unit TEXT NOT NULL DEFAULT '',
            schedule TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX medicine_events_by_day ON medicine_events (day);
        CREATE TABLE session_medicines (
            session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            class TEXT NOT NULL,
            dose REAL,
            unit TEXT NOT NULL DEFAULT '',
            schedule TEXT NOT NULL DEFAULT '',
            since TEXT NOT NULL,
            PRIMARY KEY (session_id, name)
        );
        CREATE TABLE morning_after (
            session_id INTEGER PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
            rated_at TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE morning_after_ratings (
            session_id INTEGER NOT NULL REFERENCES morning_after (session_id) ON DELETE CASCADE,
            symptom TEXT NOT NULL REFERENCES symptoms (key),
            severity INTEGER NOT NULL CHECK (severity BETWEEN 0 AND 3),
            PRIMARY KEY (session_id, symptom)
        );
        """,
    )


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1_schema, _v2_treatment)
SCHEMA_VERSION = len(MIGRATIONS)


SchemaObject = tuple[str, str, str, str]  # type, name, table, its SQL with spaces collapsed


def schema_objects(db: sqlite3.Connection) -> frozenset[SchemaObject]:
    """Every table, index, trigger and view of the file, as sqlite_master lists them."""
    rows = db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return frozenset(
        (str(kind), str(name), str(table), " ".join(str(sql or "").split()))
        for kind, name, table, sql in rows
    )


# The fingerprint of this version's schema objects (tests/store/test_schema.py checks it is
# expected_objects'): a file that matches it is exactly this version's, known without
# building the schema in a scratch database (a few ms of every command). Update it with a
# new migration: the test names the new value.
SCHEMA_FINGERPRINT = "6058cf1052578c3189bb3c5164277cb4"


def fingerprint(objects: frozenset[SchemaObject]) -> str:
    """A 128-bit BLAKE2b of the objects, in order: equal only for the same schema."""
    from diary.store.cipher import blake2b

    return blake2b(repr(sorted(objects)).encode(), digest_size=16).hex()


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
        if db.in_transaction:  # SQLite itself rolls back on a full disk
            db.execute("ROLLBACK")
        raise


def copy_before_migration(given: StrPath, version: int) -> Path:
    """A copy of the file as it was, beside it, before any migration step runs.

    Written to a temporary name, flushed and only then given its name (never one that
    exists: a second copy in the same second gets -2), so a copy under its name is whole;
    a failed copy is removed. When the copy would not fit, nothing starts."""
    import tempfile  # only before a migration: an everyday save does not pay for it
    from pathlib import Path

    path = Path(given)

    from diary.store.connection import StoreError

    wal = path.with_name(path.name + "-wal")
    need = path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    import shutil  # only before a migration: a save does not load it

    free = shutil.disk_usage(path.parent).free
    if free < need + _MARGIN:
        raise StoreError(
            f"cannot migrate {path}: the copy kept before a migration needs "
            f"{_megabytes(need + _MARGIN)} free beside it and {_megabytes(free)} is free; "
            "nothing was changed"
        )
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.copy-", dir=path.parent)
    os.close(handle)  # mkstemp makes it 0600: private from the start
    temp = Path(temp_name)
    try:
        if wal.exists() and wal.stat().st_size > 0:
            source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            target = sqlite3.connect(temp)
            try:
                source.backup(target)
            finally:
                source.close()
                target.close()
        else:
            shutil.copyfile(path, temp)
        with temp.open("rb+") as written:
            os.fsync(written.fileno())
        os.chmod(temp, 0o600)
        return link_unique(temp, path, version)
    except OSError as error:
        raise copy_not_written(path, error) from None
    finally:
        temp.unlink(missing_ok=True)


def copy_not_written(path: object, error: BaseException) -> StoreError:
    """The one line for a copy before a migration that could not be written."""
    from diary.store.connection import StoreError

    reason = getattr(error, "strerror", None) or error
    return StoreError(
        f"cannot migrate {path}: the copy kept before it could not be written ({reason}); "
        "nothing was changed"
    )


_MARGIN = 1 << 20  # room left over for the migration itself and the -wal it writes


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def link_unique(temp: Path, path: Path, version: int) -> Path:
    """Give the written copy its name, the first one of the series that is free."""
    stamp = dt.datetime.now().strftime("%Y%m%dT%H%M%S")
    for number in range(1, 1000):
        suffix = "" if number == 1 else f"-{number}"
        copy = path.with_name(f"{path.name}.v{version}-before-migration-{stamp}{suffix}.bak")
        try:
            os.link(temp, copy)
        except FileExistsError:
            continue
        return copy
    raise FileExistsError(f"no free name for a copy of {path}")


class migration_lock:  # used as a function: `with migration_lock(path):`
    """One process copies and migrates a file at a time; the others wait here, then find
    it migrated. The lock file beside it lives only while a migration runs. (A class, not
    a contextlib generator: `diary mood 7` does not import contextlib.)"""

    def __init__(self, given: StrPath) -> None:
        self.given = given
        self.handle: int | None = None

    def __enter__(self) -> None:
        try:
            import fcntl
        except ImportError:  # no flock (Windows): SQLite's own write lock still serialises
            return
        from pathlib import Path  # only for a migration

        path = Path(self.given)
        self.lock = path.with_name(f".{path.name}.migrating")
        self.handle = os.open(self.lock, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self.handle, fcntl.LOCK_EX)
        except BaseException:
            self.__exit__()
            raise

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            try:
                self.lock.unlink(missing_ok=True)
            finally:
                os.close(self.handle)
                self.handle = None
