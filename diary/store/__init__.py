"""The only module that speaks SQL: opens, checks, migrates, reads and writes the diary file.

The file is refused, and left byte-for-byte untouched, when it is not a diary database or
comes from a newer version. Every save is one transaction: all of it lands or none.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from diary.domain import (
    BUILTIN_SYMPTOMS,
    CheckIn,
    CheckinKind,
    DiaryError,
    MoodEntry,
    NotADiaryError,
    NotFoundError,
    Phase,
    Route,
    Session,
    Settings,
    Severity,
    SideEffectRating,
    Symptom,
    ValidationError,
    VitalLabel,
    VitalReading,
    symptom_key,
)

APPLICATION_ID = 0x44494159  # "DIAY": stamped in every diary file's header
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 30.0
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


class StoreError(DiaryError):
    """The file could not be read or written (disk full, read-only, locked)."""


def default_path() -> Path:
    """`DIARY_DB`, or diary.db in the platform's user data folder."""
    env = os.environ.get("DIARY_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs  # only when no path was given: keeps quick commands quick

    return Path(platformdirs.user_data_dir("diary", appauthor=False)) / "diary.db"


# --- migrations: ordered steps, step N takes the file from version N-1 to N --------------


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run DDL statements inside the open transaction (executescript would commit it)."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _v1_schema(db: sqlite3.Connection) -> None:
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


# --- opening ----------------------------------------------------------------------------


def _read_header(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(100)


def _check_file(path: Path) -> None:
    """Refuse, without writing, a path that is not a diary database this version can open."""
    if path.is_dir():
        raise NotADiaryError(f"{path} is a folder, not a diary database; give a file path")
    try:
        header = _read_header(path)
    except PermissionError:
        raise NotADiaryError(f"{path} cannot be read (permission denied)") from None
    if not header:
        raise NotADiaryError(f"{path} is an empty file, not a diary database; left untouched")
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise NotADiaryError(f"{path} is not a diary database (not SQLite); left untouched")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise NotADiaryError(
            f"{path} is an SQLite file of another program, not a diary database; left untouched"
        )
    if int.from_bytes(header[60:64], "big") > SCHEMA_VERSION:
        raise _newer(path, int.from_bytes(header[60:64], "big"))


def _newer(path: Path, version: int) -> NotADiaryError:
    return NotADiaryError(
        f"{path} was written by a newer diary (schema {version}, this one knows "
        f"{SCHEMA_VERSION}); update diary to open it; left untouched"
    )


def _file_version(path: Path) -> int:
    """The schema version, read through a read-only connection (sees a pending WAL too)."""
    sidecars = [path.with_name(path.name + end) for end in ("-wal", "-shm")]
    made = [side for side in sidecars if not side.exists()]
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            probe.execute("PRAGMA schema_version").fetchone()
            return int(probe.execute("PRAGMA user_version").fetchone()[0])
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        for side in made:  # the probe's own -wal/-shm: a refused file leaves nothing beside it
            side.unlink(missing_ok=True)
        name = getattr(error, "sqlite_errorname", "")
        if name.startswith("SQLITE_READONLY"):  # WAL needs -wal and -shm beside the file
            raise StoreError(
                f"cannot open {path}: its folder is read-only, and the diary needs to write "
                f"{path.name}-wal and {path.name}-shm beside it; nothing was read or written"
            ) from None
        if name.startswith(("SQLITE_IOERR", "SQLITE_FULL", "SQLITE_CANTOPEN")):
            raise StoreError(
                f"cannot open {path}: {error} (is the disk full?); nothing was read or written"
            ) from None
        raise NotADiaryError(
            f"{path} cannot be read as a database ({error}); left untouched"
        ) from None


def _create(path: Path) -> None:
    """Make a new, stamped, empty diary file atomically; never replace one that appeared."""
    folder = path.parent
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
    handle, temp_name = tempfile.mkstemp(prefix=".diary-new-", dir=folder)
    os.close(handle)
    temp = Path(temp_name)
    try:
        os.chmod(temp, 0o600)
        db = sqlite3.connect(temp, isolation_level=None)
        try:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            db.execute("PRAGMA journal_mode = WAL")
        finally:
            db.close()
        with suppress(FileExistsError):  # another process created it meanwhile: keep theirs
            os.link(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _copy_before_migration(path: Path, version: int) -> Path:
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


def open_store(path: Path | str | None = None) -> Store:
    """Open (creating or migrating when needed) the diary database at path."""
    target = Path(path).expanduser() if path is not None else default_path()
    if not target.exists():
        if target.parent.exists() and not target.parent.is_dir():
            raise NotADiaryError(f"{target.parent} is a file, so {target.name} cannot go in it")
        try:
            _create(target)
        except OSError as error:
            raise StoreError(f"cannot create {target}: {error.strerror or error}") from None
        fresh = True
    else:
        fresh = False
    sidecars = [target.with_name(target.name + end) for end in ("-wal", "-shm")]
    absent = [side for side in sidecars if not side.exists()]
    _check_file(target)
    version = _file_version(target)
    if version > SCHEMA_VERSION:
        raise _newer(target, version)
    if version < SCHEMA_VERSION and not fresh:
        _copy_before_migration(target, version)
    return Store(target, _connect(target), made=absent)


def _connect(path: Path) -> sqlite3.Connection:
    try:
        db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = FULL")
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode = WAL")
        _migrate(db)
    except sqlite3.DatabaseError as error:
        raise StoreError(f"cannot open {path}: {error}") from None
    return db


def _migrate(db: sqlite3.Connection) -> None:
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


# --- row <-> record -----------------------------------------------------------------------


def _iso(moment: dt.datetime | None) -> str | None:
    return None if moment is None else moment.isoformat()


def _moment(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def _mood(row: sqlite3.Row | tuple) -> MoodEntry:
    day, mood, anxiety, sleep, note = row
    return MoodEntry(dt.date.fromisoformat(day), mood, anxiety, sleep, note)


def _vital(row: tuple) -> VitalReading:
    vid, session_id, taken_at, label, systolic, diastolic, heart_rate, spo2 = row
    return VitalReading(
        label=VitalLabel(label),
        systolic=systolic,
        diastolic=diastolic,
        heart_rate=heart_rate,
        spo2=spo2,
        taken_at=_moment(taken_at),
        session_id=session_id,
        id=vid,
    )


_SESSION_COLUMNS = (
    "id, started_at, route, dose_mg, dose_mg_per_kg, weight_kg, duration_min, phase, clinic, note"
)
_VITAL_COLUMNS = "id, session_id, taken_at, label, systolic, diastolic, heart_rate, spo2"


class Store:
    """An open diary database. Methods take and return domain records, never rows."""

    def __init__(self, path: Path, db: sqlite3.Connection, made: Sequence[Path] = ()) -> None:
        self.path = path
        self._db = db
        self._made = tuple(made)  # the -wal/-shm that did not exist before this store opened

    def close(self) -> None:
        self._db.close()
        if self._made and not os.access(self.path, os.W_OK):
            # SQLite made them read-only like the file; left behind, they would block every
            # save once the file is writable again. An empty -wal holds nothing.
            for side in self._made:
                with suppress(OSError):
                    if side.name.endswith("-shm") or side.stat().st_size == 0:
                        side.unlink()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is saved, or none (also on disk full or crash)."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise StoreError(f"cannot write to {self.path}: {error}; nothing was saved") from None
        try:
            yield self._db
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise StoreError(f"cannot write to {self.path}: {error}; nothing was saved") from None
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def _rows(self, sql: str, params: Iterable[object] = ()) -> list[tuple]:
        try:
            return self._db.execute(sql, tuple(params)).fetchall()
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot read {self.path}: {error}") from None

    # moods ---------------------------------------------------------------------------------

    def mood_for(self, day: dt.date) -> MoodEntry | None:
        rows = self._rows(
            "SELECT day, mood, anxiety, sleep_hours, note FROM moods WHERE day = ?",
            [day.isoformat()],
        )
        return _mood(rows[0]) if rows else None

    def moods_between(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[MoodEntry]:
        """Mood entries from start to end (both included), oldest first."""
        rows = self._rows(
            "SELECT day, mood, anxiety, sleep_hours, note FROM moods "
            "WHERE day >= ? AND day <= ? ORDER BY day",
            [(start or dt.date.min).isoformat(), (end or dt.date.max).isoformat()],
        )
        return [_mood(r) for r in rows]

    def save_mood(self, entry: MoodEntry) -> MoodEntry | None:
        """Save the day's mood, replacing that day's entry; returns the entry it replaced."""
        with self.transaction() as db:
            previous = self.mood_for(entry.day)
            db.execute(
                "INSERT INTO moods (day, mood, anxiety, sleep_hours, note, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (day) DO UPDATE SET mood = excluded.mood, "
                "anxiety = excluded.anxiety, sleep_hours = excluded.sleep_hours, "
                "note = excluded.note, updated_at = excluded.updated_at",
                (
                    entry.day.isoformat(),
                    entry.mood,
                    entry.anxiety,
                    entry.sleep_hours,
                    entry.note,
                    dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                ),
            )
        return previous

    def delete_mood(self, day: dt.date) -> None:
        with self.transaction() as db:
            if not db.execute("DELETE FROM moods WHERE day = ?", (day.isoformat(),)).rowcount:
                raise NotFoundError(f"no mood is logged for {day.isoformat()}")

    # sessions --------------------------------------------------------------------------------

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
        for chunk_start in range(0, len(ids), 900):
            chunk = ids[chunk_start : chunk_start + 900]
            marks = ",".join("?" * len(chunk))
            for row in self._rows(
                f"SELECT {_VITAL_COLUMNS} FROM vitals WHERE session_id IN ({marks}) ORDER BY id",
                chunk,
            ):
                vitals.setdefault(row[1], []).append(_vital(row))
            for sid, symptom, severity, onset, duration, note in self._rows(
                "SELECT session_id, symptom, severity, onset_min, duration_min, note "
                f"FROM side_effects WHERE session_id IN ({marks}) ORDER BY rowid",
                chunk,
            ):
                effects.setdefault(sid, []).append(
                    SideEffectRating(symptom, Severity(severity), onset, duration, note)
                )
        sessions = []
        for sid, started, route, mg, per_kg, weight, minutes, phase, clinic, note in rows:
            sessions.append(
                Session(
                    started_at=dt.datetime.fromisoformat(started),
                    route=Route(route),
                    dose_mg=mg,
                    dose_mg_per_kg=per_kg,
                    weight_kg=weight,
                    duration_min=minutes,
                    phase=Phase(phase) if phase else None,
                    clinic=clinic,
                    note=note,
                    vitals=tuple(vitals.get(sid, ())),
                    side_effects=tuple(effects.get(sid, ())),
                    id=sid,
                )
            )
        return sessions

    def sessions_between(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[Session]:
        """Sessions whose local day is from start to end (both included), oldest first."""
        return self._load_sessions(
            "day >= ? AND day <= ?",
            [(start or dt.date.min).isoformat(), (end or dt.date.max).isoformat()],
        )

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

    def _write_children(self, db: sqlite3.Connection, session_id: int, session: Session) -> None:
        db.executemany(
            "INSERT INTO vitals (session_id, taken_at, label, systolic, diastolic, heart_rate, "
            "spo2) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    session_id,
                    _iso(v.taken_at),
                    str(v.label),
                    v.systolic,
                    v.diastolic,
                    v.heart_rate,
                    v.spo2,
                )
                for v in session.vitals
            ],
        )
        db.executemany(
            "INSERT INTO side_effects (session_id, symptom, severity, onset_min, duration_min, "
            "note) VALUES (?, ?, ?, ?, ?, ?)",
            [
                (session_id, r.symptom, int(r.severity), r.onset_min, r.duration_min, r.note)
                for r in session.side_effects
            ],
        )

    @staticmethod
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
        )

    def _insert_session(self, db: sqlite3.Connection, session: Session) -> int:
        cursor = db.execute(
            "INSERT INTO sessions (started_at, day, route, dose_mg, dose_mg_per_kg, weight_kg, "
            "duration_min, phase, clinic, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            self._session_values(session),
        )
        session_id = int(cursor.lastrowid or 0)
        self._write_children(db, session_id, session)
        return session_id

    def add_session(self, session: Session) -> Session:
        """Save a new session with its vitals and side effects in one transaction."""
        with self.transaction() as db:
            session_id = self._insert_session(db, session)
        return self.session(session_id)

    def update_session(self, session: Session) -> Session:
        """Replace a saved session (by id), its vitals and side effects, in one transaction."""
        if session.id is None:
            raise NotFoundError("a session without an id cannot be updated")
        with self.transaction() as db:
            cursor = db.execute(
                "UPDATE sessions SET started_at = ?, day = ?, route = ?, dose_mg = ?, "
                "dose_mg_per_kg = ?, weight_kg = ?, duration_min = ?, phase = ?, clinic = ?, "
                "note = ? WHERE id = ?",
                (*self._session_values(session), session.id),
            )
            if not cursor.rowcount:
                raise NotFoundError(f"session {session.id} does not exist")
            db.execute("DELETE FROM vitals WHERE session_id = ?", (session.id,))
            db.execute("DELETE FROM side_effects WHERE session_id = ?", (session.id,))
            self._write_children(db, session.id, session)
        return self.session(session.id)

    def delete_session(self, session_id: int) -> None:
        """Delete a session with its vitals and side effects."""
        with self.transaction() as db:
            if not db.execute("DELETE FROM sessions WHERE id = ?", (session_id,)).rowcount:
                raise NotFoundError(f"session {session_id} does not exist")

    # stand-alone vitals ----------------------------------------------------------------------

    def add_vital(self, reading: VitalReading) -> VitalReading:
        """Save a reading not tied to a session."""
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO vitals (session_id, taken_at, label, systolic, diastolic, "
                "heart_rate, spo2) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    reading.session_id,
                    _iso(reading.taken_at),
                    str(reading.label),
                    reading.systolic,
                    reading.diastolic,
                    reading.heart_rate,
                    reading.spo2,
                ),
            )
        return _vital(
            self._rows(f"SELECT {_VITAL_COLUMNS} FROM vitals WHERE id = ?", [cursor.lastrowid])[0]
        )

    def standalone_vitals(self) -> list[VitalReading]:
        rows = self._rows(
            f"SELECT {_VITAL_COLUMNS} FROM vitals WHERE session_id IS NULL ORDER BY taken_at, id"
        )
        return [_vital(r) for r in rows]

    # symptoms --------------------------------------------------------------------------------

    def symptoms(self, *, include_hidden: bool = True) -> list[Symptom]:
        """The catalogue in display order: built-in symptoms first, then the person's own."""
        rows = self._rows(
            "SELECT key, label, builtin, hidden FROM symptoms ORDER BY position, key"
        )
        found = [Symptom(k, label, bool(b), bool(h)) for k, label, b, h in rows]
        return found if include_hidden else [s for s in found if not s.hidden]

    def add_symptom(self, label: str) -> Symptom:
        """Add a custom symptom; its key comes from the label."""
        key = symptom_key(label)
        if not key:
            raise ValidationError("symptom label", label, "a label with a letter or digit")
        with self.transaction() as db:
            if db.execute("SELECT 1 FROM symptoms WHERE key = ?", (key,)).fetchone():
                raise ValidationError("symptom label", label, "a name not already in the list")
            position = db.execute(
                "SELECT COALESCE(MAX(position), -1) + 1 FROM symptoms"
            ).fetchone()
            db.execute(
                "INSERT INTO symptoms (key, label, builtin, hidden, position) "
                "VALUES (?, ?, 0, 0, ?)",
                (key, label, position[0]),
            )
        return Symptom(key, label, builtin=False, hidden=False)

    def set_symptom_hidden(self, key: str, hidden: bool) -> None:
        with self.transaction() as db:
            if not db.execute(
                "UPDATE symptoms SET hidden = ? WHERE key = ?", (int(hidden), key)
            ).rowcount:
                raise NotFoundError(f"symptom {key!r} does not exist")

    # check-ins -------------------------------------------------------------------------------

    def save_checkin(self, checkin: CheckIn) -> CheckIn:
        """Save a questionnaire's answers item by item in one transaction."""
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO checkins (kind, day) VALUES (?, ?)",
                (str(checkin.kind), checkin.day.isoformat()),
            )
            checkin_id = int(cursor.lastrowid or 0)
            db.executemany(
                "INSERT INTO checkin_answers (checkin_id, item, answer) VALUES (?, ?, ?)",
                [(checkin_id, i, a) for i, a in enumerate(checkin.answers, 1)],
            )
        return CheckIn(checkin.kind, checkin.day, tuple(checkin.answers), checkin_id)

    def checkins_between(
        self, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[CheckIn]:
        """Check-ins from start to end (both included), oldest first."""
        rows = self._rows(
            "SELECT c.id, c.kind, c.day, a.answer FROM checkins c "
            "JOIN checkin_answers a ON a.checkin_id = c.id "
            "WHERE c.day >= ? AND c.day <= ? ORDER BY c.day, c.id, a.item",
            [(start or dt.date.min).isoformat(), (end or dt.date.max).isoformat()],
        )
        grouped: dict[int, tuple[str, str, list[int]]] = {}
        for cid, kind, day, answer in rows:
            grouped.setdefault(cid, (kind, day, []))[2].append(answer)
        return [
            CheckIn(CheckinKind(kind), dt.date.fromisoformat(day), tuple(answers), cid)
            for cid, (kind, day, answers) in grouped.items()
        ]

    def delete_checkin(self, checkin_id: int) -> None:
        with self.transaction() as db:
            if not db.execute("DELETE FROM checkins WHERE id = ?", (checkin_id,)).rowcount:
                raise NotFoundError(f"check-in {checkin_id} does not exist")

    # settings --------------------------------------------------------------------------------

    def settings(self) -> Settings:
        values = dict(self._rows("SELECT key, value FROM settings"))
        weight = values.pop("default_weight_kg", None)
        return Settings(
            name=values.pop("name", ""),
            country=values.pop("country", ""),
            default_weight_kg=float(weight) if weight else None,
            units=values.pop("units", "metric"),
            extra=values,
        )

    def save_settings(self, settings: Settings) -> None:
        values = {
            **settings.extra,
            "name": settings.name,
            "country": settings.country,
            "units": settings.units,
        }
        if settings.default_weight_kg is not None:
            values["default_weight_kg"] = repr(settings.default_weight_kg)
        with self.transaction() as db:
            db.execute("DELETE FROM settings")
            db.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", values.items())

    # whole-file views ------------------------------------------------------------------------

    def first_day(self) -> dt.date | None:
        """The earliest day with anything recorded."""
        row = self._rows(
            "SELECT MIN(d) FROM (SELECT MIN(day) AS d FROM moods UNION ALL "
            "SELECT MIN(day) FROM sessions UNION ALL SELECT MIN(day) FROM checkins)"
        )[0]
        return dt.date.fromisoformat(row[0]) if row[0] else None

    def is_empty(self) -> bool:
        """True when no mood, session, vital or check-in is recorded."""
        return not self._rows(
            "SELECT 1 FROM moods UNION ALL SELECT 1 FROM sessions UNION ALL "
            "SELECT 1 FROM vitals UNION ALL SELECT 1 FROM checkins LIMIT 1"
        )

    def table_rows(self) -> dict[str, tuple[list[str], list[tuple]]]:
        """Every table's column names and rows, in key order: for tidy exports and backups.

        Read with sqlite-utils (imported here only: the quick commands never need it)."""
        import sqlite_utils

        database = sqlite_utils.Database(self._db)
        tables = {}
        for name in TABLES:
            table = database.table(name)
            columns = [column.name for column in table.columns]
            rows = [tuple(row[c] for c in columns) for row in table.rows_where(order_by="rowid")]
            tables[name] = (columns, rows)
        return tables

    def bulk_add(
        self,
        moods: Iterable[MoodEntry],
        sessions: Iterable[Session],
        checkins: Iterable[CheckIn] = (),
    ) -> None:
        """Save many records in one transaction (demo data, imports)."""
        stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        with self.transaction() as db:
            db.executemany(
                "INSERT INTO moods (day, mood, anxiety, sleep_hours, note, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (m.day.isoformat(), m.mood, m.anxiety, m.sleep_hours, m.note, stamp)
                    for m in moods
                ],
            )
            for session in sessions:
                self._insert_session(db, session)
            for checkin in checkins:
                cursor = db.execute(
                    "INSERT INTO checkins (kind, day) VALUES (?, ?)",
                    (str(checkin.kind), checkin.day.isoformat()),
                )
                db.executemany(
                    "INSERT INTO checkin_answers (checkin_id, item, answer) VALUES (?, ?, ?)",
                    [(cursor.lastrowid, i, a) for i, a in enumerate(checkin.answers, 1)],
                )

    # backup, restore and imports (backup and daylio issues) ---------------------------------

    def snapshot_rows(self) -> tuple[int, dict[str, tuple[list[str], list[tuple]]]]:
        """The schema version and every table's rows, read in one consistent snapshot."""
        try:
            self._db.execute("BEGIN")
            try:
                return self.schema_version, self.table_rows()
            finally:
                self._db.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot read {self.path}: {error}") from None

    @staticmethod
    def _holds_data(db: sqlite3.Connection) -> bool:
        return (
            db.execute(
                "SELECT 1 FROM moods UNION ALL SELECT 1 FROM sessions UNION ALL "
                "SELECT 1 FROM vitals UNION ALL SELECT 1 FROM checkins UNION ALL "
                "SELECT 1 FROM settings UNION ALL "
                "SELECT 1 FROM symptoms WHERE builtin = 0 OR hidden = 1 LIMIT 1"
            ).fetchone()
            is not None
        )

    def holds_data(self) -> bool:
        """True when anything was entered: entries, settings, own or hidden symptoms."""
        try:
            return self._holds_data(self._db)
        except sqlite3.DatabaseError as error:
            raise StoreError(f"cannot read {self.path}: {error}") from None

    @staticmethod
    def _insert_sql(db: sqlite3.Connection, table: str, columns: Sequence[str]) -> str:
        """An INSERT for these columns, checked against the table so no name reaches SQL raw."""
        known = set()
        if table in TABLES:
            known = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        if not columns or not set(columns) <= known:
            raise StoreError(f"table {table!r} has no columns {list(columns)}; nothing was saved")
        marks = ", ".join("?" * len(columns))
        return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"

    def replace_all(
        self, tables: Mapping[str, tuple[Sequence[str], Sequence[Sequence[object]]]]
    ) -> bool:
        """Fill a diary that holds no data with these rows, ids kept, in one transaction.

        Returns False, having written nothing, when the diary holds data (see holds_data).
        """
        with self.transaction() as db:
            if self._holds_data(db):
                return False
            db.execute("DELETE FROM symptoms")  # only the untouched built-in catalogue is here
            for table in TABLES:
                if table in tables:
                    columns, rows = tables[table]
                    db.executemany(self._insert_sql(db, table, columns), rows)
        return True

    def merge_rows(
        self,
        plan: Callable[
            [dict[str, tuple[list[str], list[tuple]]]],
            Mapping[str, tuple[Sequence[str], Sequence[Sequence[object]]]],
        ],
    ) -> None:
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
                sql = self._insert_sql(db, table, kept)
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

    def add_moods_if_missing(self, entries: Iterable[MoodEntry]) -> list[MoodEntry]:
        """Save each entry whose day has no mood yet, never replacing one, in one transaction."""
        stamp = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        added = []
        with self.transaction() as db:
            for entry in entries:
                cursor = db.execute(
                    "INSERT INTO moods (day, mood, anxiety, sleep_hours, note, updated_at) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (day) DO NOTHING",
                    (
                        entry.day.isoformat(),
                        entry.mood,
                        entry.anxiety,
                        entry.sleep_hours,
                        entry.note,
                        stamp,
                    ),
                )
                if cursor.rowcount:
                    added.append(entry)
        return added
