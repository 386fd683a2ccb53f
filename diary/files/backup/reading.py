"""Reading a backup file and checking all of it, with the domain's own validation.

Nothing is written until this has passed: a bad file is refused with one line naming
the problem (for rows: the table and the row number, from 1).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from diary.domain import (
    BUILTIN_SYMPTOMS,
    CheckIn,
    MoodEntry,
    Session,
    SideEffectRating,
    Symptom,
    ValidationError,
    VitalLabel,
    VitalReading,
    symptom_key,
)
from diary.domain import validation as check
from diary.domain.questionnaires import questionnaire
from diary.files.backup.format import COLUMNS, FORMAT, FORMAT_VERSION, Backup, BackupError
from diary.store import SCHEMA_VERSION

MAX_BYTES = 256 * 1024 * 1024  # years of a diary take a few MB; this is far beyond any real one
TOP_KEYS = ("format", "format_version", "schema_version", "written_by", "tables")
# Restore checks ranges but not "is it in the future": a backup must restore on a machine
# whose clock is behind the one that wrote it.
FAR_DAY = dt.date(9999, 12, 30)
FAR_NOW = dt.datetime(9999, 12, 30, 12, 0, tzinfo=dt.UTC)
MAX_ID = 2**63 - 1


def _refuse(path: Path, reason: str) -> BackupError:
    return BackupError(f"{path}: {reason}; nothing was restored")


def _load_json(path: Path) -> object:
    try:
        if path.is_dir():
            raise _refuse(path, "is a folder, not a backup file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _refuse(
                path,
                f"is {size:,} bytes; a diary backup is at most {MAX_BYTES:,} bytes",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise _refuse(path, "does not exist") from None
    except OSError as error:
        raise _refuse(path, f"cannot be read ({error.strerror or error})") from None
    if not data.strip():
        raise _refuse(path, "is empty, not a diary backup")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _refuse(
            path, f"is not a diary backup (not UTF-8 text: bad byte at offset {error.start})"
        ) from None
    del data
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        # near the end (a cut keyword like `nul` is reported at its start) or in a string
        near_end = len(text.rstrip()) - error.pos <= 5
        if near_end or error.msg.startswith("Unterminated string"):
            reason = (
                f"ends early at line {error.lineno} column {error.colno}: the file is "
                "truncated or incomplete"
            )
        else:
            reason = f"is not valid JSON ({error.msg} at line {error.lineno} column {error.colno})"
        raise _refuse(path, reason) from None
    except RecursionError:
        raise _refuse(path, "is not a diary backup (JSON nested too deeply)") from None
    except ValueError as error:  # e.g. an integer with thousands of digits
        raise _refuse(path, f"is not valid JSON ({error})") from None


def read_backup(path: Path) -> Backup:
    """Read and fully check a backup file; raises BackupError naming what is wrong."""
    document = _load_json(path)
    try:
        return parse_backup(document)
    except BackupError as error:
        raise _refuse(path, str(error)) from None


def _whole(field: str, value: object, low: int, high: int) -> int:
    if isinstance(value, str):  # the format stores numbers as JSON numbers, never as text
        raise ValidationError(field, value, f"a whole number {low}-{high} (not text)")
    return check.whole_number(field, value, low, high)


def _optional_whole(field: str, value: object, low: int, high: int) -> int | None:
    return None if value is None else _whole(field, value, low, high)


def _number(field: str, value: object) -> object:
    if isinstance(value, str):
        raise ValidationError(field, value, "a number (not text)")
    return value


def _text(field: str, value: object, max_chars: int = check.MAX_NOTE_CHARS) -> str:
    if not isinstance(value, str):
        raise ValidationError(field, value, "text")
    return check.text(field, value, max_chars)


def _flag(field: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    if value in (0, 1) and isinstance(value, int):
        return bool(value)
    raise ValidationError(field, value, "true or false")


def _day(field: str, value: object) -> dt.date:
    accepted = "an ISO date YYYY-MM-DD"
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValidationError(field, value, accepted)
    try:
        parsed = dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, value, accepted) from None
    return check.day(field, parsed, FAR_DAY)


def _moment(field: str, value: object) -> dt.datetime:
    accepted = "an ISO date and time like 2026-11-20T09:30:00+00:00"
    if not isinstance(value, str) or not re.match(r"\d{4}-\d{2}-\d{2}", value):
        raise ValidationError(field, value, accepted)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValidationError(field, value, accepted) from None
    if parsed.date() < check.EARLIEST_DAY:
        raise ValidationError(field, value, accepted + f", from {check.EARLIEST_DAY}")
    return parsed


def _optional_moment(field: str, value: object) -> str | None:
    return None if value is None else _moment(field, value).isoformat()


def _unique(table: str, seen: set, key: object, what: str) -> None:
    if key in seen:
        raise ValidationError(what, key, f"each {what} once in {table}")
    seen.add(key)


def _rows(tables: Mapping[str, object], table: str) -> list[dict]:
    rows = tables[table]
    if not isinstance(rows, list):
        raise BackupError(f"tables.{table} is not a list of rows")
    columns = COLUMNS[table]
    for number, row in enumerate(rows, 1):
        if not isinstance(row, dict):
            raise BackupError(f"{table} row {number} is not an object with {', '.join(columns)}")
        missing = [c for c in columns if c not in row]
        if missing:
            raise BackupError(f"{table} row {number} lacks {', '.join(missing)}")
        unknown = [k for k in row if k not in columns]
        if unknown:
            raise BackupError(
                f"{table} row {number} has unknown field {unknown[0]!r} "
                f"(expected {', '.join(columns)})"
            )
    return rows


def _each(table: str, rows: list[dict], read: Callable[[dict], tuple]) -> tuple[tuple, ...]:
    """Each row checked by read, an error naming its table and row number."""
    out = []
    for number, row in enumerate(rows, 1):
        try:
            out.append(read(row))
        except ValidationError as error:
            raise BackupError(f"{table} row {number}: {error}") from None
    return tuple(out)


def _version(document: dict, key: str, known: int, verb: str) -> int:
    """document[key] as a version number this diary can read, or a BackupError naming it."""
    version = document.get(key)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise BackupError(f"{key} {version!r} is not a version number")
    if version > known:
        raise BackupError(
            f"was written by a newer diary ({key} {version}; this diary {verb} {known}); "
            "update diary to restore it"
        )
    return version


def _header(document: object) -> tuple[int, dict]:
    if not isinstance(document, dict) or "format" not in document:
        raise BackupError(f'is JSON but not a diary backup (no "format": "{FORMAT}")')
    if document["format"] != FORMAT:
        raise BackupError(
            f"is JSON but not a diary backup (format is {document['format']!r}, "
            f"expected {FORMAT!r})"
        )
    _version(document, "format_version", FORMAT_VERSION, "reads")
    schema = _version(document, "schema_version", SCHEMA_VERSION, "knows")
    unknown = [k for k in document if k not in TOP_KEYS]
    if unknown:
        raise BackupError(f"has unknown top-level key {unknown[0]!r}")
    if "written_by" in document and not isinstance(document["written_by"], str):
        raise BackupError("written_by is not text")
    tables = document.get("tables")
    if not isinstance(tables, dict):
        raise BackupError('has no "tables" object')
    for name in COLUMNS:
        if name not in tables:
            raise BackupError(f"tables.{name} is missing")
    unknown = [k for k in tables if k not in COLUMNS]
    if unknown:
        raise BackupError(f"has unknown table {unknown[0]!r}")
    return schema, tables


def parse_backup(document: object) -> Backup:
    """Check a parsed backup document in full; raises BackupError on the first problem."""
    schema, tables = _header(document)
    out: dict[str, tuple[tuple, ...]] = {}

    seen: set = set()

    def setting(row: dict) -> tuple:
        key = _text("key", row["key"], check.MAX_SHORT_TEXT)
        if not key:
            raise ValidationError("key", key, "a setting name")
        _unique("settings", seen, key, "key")
        value = _text(f"value of {key}", row["value"])
        if key == "default_weight_kg" and value:
            check.decimal(key, value, 0, 1000)  # any number settings() can read back
        return key, value

    out["settings"] = _each("settings", _rows(tables, "settings"), setting)

    builtin_keys = {s.key for s in BUILTIN_SYMPTOMS}
    seen = set()

    def symptom(row: dict) -> tuple:
        key = _text("key", row["key"], 60)
        if not key or symptom_key(key) != key:
            raise ValidationError("key", key, "lower-case words joined by _, like blurred_vision")
        _unique("symptoms", seen, key, "key")
        builtin = _flag("builtin", row["builtin"])
        if builtin != (key in builtin_keys):
            accepted = "built-in" if key in builtin_keys else "not built-in"
            raise ValidationError(f"builtin of {key}", row["builtin"], accepted)
        check.symptom_label(row["label"])
        label = row["label"]
        hidden = _flag("hidden", row["hidden"])
        return key, label, builtin, hidden, _whole("position", row["position"], 0, 10**9)

    out["symptoms"] = _each("symptoms", _rows(tables, "symptoms"), symptom)
    catalogue = [Symptom(k, label, b, h) for k, label, b, h, _ in out["symptoms"]]
    by_key = {s.key: s for s in catalogue}

    seen = set()

    def mood(row: dict) -> tuple:
        day = _day("day", row["day"])
        _unique("moods", seen, day.isoformat(), "day")
        for field in ("mood", "anxiety"):
            _number(field, row[field])
        entry = check.check_mood(
            MoodEntry(
                day,
                row["mood"],
                row["anxiety"],
                _number("sleep_hours", row["sleep_hours"]),
                _text("note", row["note"]),
            ),
            FAR_DAY,
        )
        updated = _moment("updated_at", row["updated_at"]).isoformat()
        return day.isoformat(), entry.mood, entry.anxiety, entry.sleep_hours, entry.note, updated

    out["moods"] = _each("moods", _rows(tables, "moods"), mood)

    seen = set()

    def session(row: dict) -> tuple:
        sid = _whole("id", row["id"], 1, MAX_ID)
        _unique("sessions", seen, sid, "id")
        started = _moment("started_at", row["started_at"])
        for field in ("dose_mg", "dose_mg_per_kg", "weight_kg", "duration_min"):
            _number(field, row[field])
        checked = check.check_session(
            Session(
                started_at=started,
                route=row["route"],
                dose_mg=row["dose_mg"],
                dose_mg_per_kg=row["dose_mg_per_kg"],
                weight_kg=row["weight_kg"],
                duration_min=row["duration_min"],
                phase=row["phase"],
                clinic=_text("clinic", row["clinic"]),
                note=_text("note", row["note"]),
            ),
            FAR_NOW,
            catalogue,
        )
        return (
            sid,
            started.isoformat(),
            checked.route.value,
            checked.dose_mg,
            checked.dose_mg_per_kg,
            checked.weight_kg,
            checked.duration_min,
            None if checked.phase is None else checked.phase.value,
            checked.clinic,
            checked.note,
        )

    out["sessions"] = _each("sessions", _rows(tables, "sessions"), session)
    session_ids = {row[0] for row in out["sessions"]}

    def session_ref(value: object) -> int:
        sid = _whole("session_id", value, 1, MAX_ID)
        if sid not in session_ids:
            raise ValidationError("session_id", sid, "the id of a session in this backup")
        return sid

    seen = set()

    def vital(row: dict) -> tuple:
        vid = _whole("id", row["id"], 1, MAX_ID)
        _unique("vitals", seen, vid, "id")
        sid = None if row["session_id"] is None else session_ref(row["session_id"])
        label = row["label"]
        if not isinstance(label, str) or label not in {v.value for v in VitalLabel}:
            raise ValidationError("label", label, "one of " + ", ".join(VitalLabel))
        for field in ("systolic", "diastolic", "heart_rate", "spo2"):
            _number(field, row[field])
        reading = check.check_vital(
            VitalReading(
                VitalLabel(label),
                row["systolic"],
                row["diastolic"],
                row["heart_rate"],
                row["spo2"],
            )
        )
        taken = _optional_moment("taken_at", row["taken_at"])
        return (
            vid,
            sid,
            taken,
            reading.label.value,
            reading.systolic,
            reading.diastolic,
            reading.heart_rate,
            reading.spo2,
        )

    out["vitals"] = _each("vitals", _rows(tables, "vitals"), vital)

    seen = set()

    def side_effect(row: dict) -> tuple:
        sid = session_ref(row["session_id"])
        symptom = row["symptom"]
        if not isinstance(symptom, str) or symptom not in by_key:
            keys = ", ".join(by_key)
            raise ValidationError("symptom", symptom, f"a key in this backup's symptoms: {keys}")
        for field in ("severity", "onset_min", "duration_min"):
            _number(field, row[field])
        rating = check.check_rating(
            SideEffectRating(
                row["symptom"],
                row["severity"],
                row["onset_min"],
                row["duration_min"],
                _text("note", row["note"]),
            ),
            [by_key[symptom]],  # exact keys only: a label must never stand in for a key
        )
        _unique("side_effects", seen, (sid, rating.symptom), "session_id and symptom")
        return (
            sid,
            rating.symptom,
            int(rating.severity),
            rating.onset_min,
            rating.duration_min,
            rating.note,
        )

    out["side_effects"] = _each("side_effects", _rows(tables, "side_effects"), side_effect)

    seen = set()

    def checkin(row: dict) -> tuple:
        cid = _whole("id", row["id"], 1, MAX_ID)
        _unique("checkins", seen, cid, "id")
        kind = questionnaire(row["kind"] if isinstance(row["kind"], str) else repr(row["kind"]))
        return cid, kind.kind.value, _day("day", row["day"]).isoformat()

    out["checkins"] = _each("checkins", _rows(tables, "checkins"), checkin)
    checkin_ids = {row[0] for row in out["checkins"]}

    seen = set()

    def answer(row: dict) -> tuple:
        cid = _whole("checkin_id", row["checkin_id"], 1, MAX_ID)
        if cid not in checkin_ids:
            raise ValidationError("checkin_id", cid, "the id of a check-in in this backup")
        item = _whole("item", row["item"], 1, 99)
        _unique("checkin_answers", seen, (cid, item), "checkin_id and item")
        return cid, item, _whole("answer", row["answer"], 0, 3)

    out["checkin_answers"] = _each("checkin_answers", _rows(tables, "checkin_answers"), answer)
    _check_answers_complete(out)
    return Backup(schema, out)


def _check_answers_complete(out: dict[str, tuple[tuple, ...]]) -> None:
    answers: dict[int, dict[int, int]] = {}
    for cid, item, value in out["checkin_answers"]:
        answers.setdefault(cid, {})[item] = value
    for number, (cid, kind, day) in enumerate(out["checkins"], 1):
        given = answers.get(cid, {})
        count = len(questionnaire(kind).items)
        if sorted(given) != list(range(1, count + 1)):
            raise BackupError(
                f"checkins row {number}: check-in {cid} ({kind}) has answers for items "
                f"{sorted(given) or 'none'}; expected items 1-{count}"
            )
        try:
            check.check_checkin(
                CheckIn(kind, dt.date.fromisoformat(day), tuple(given[i] for i in sorted(given))),
                FAR_DAY,
            )
        except ValidationError as error:
            raise BackupError(f"checkins row {number}: {error}") from None
