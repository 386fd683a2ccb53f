"""The JSON backup format: its tables, writing a backup, and the rows a restore writes.

The format is documented in docs/backup-format.md; reading.py reads and checks a file,
merge.py merges one into a diary that holds data.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from diary import __version__
from diary.domain import BUILTIN_SYMPTOMS, DiaryError
from diary.files.writing import write_atomically

FORMAT = "diary-backup"
FORMAT_VERSION = 2
"""2: the session's clinic fields, medicine events, the morning after (schema 2). A
version-1 backup is still read (reading.py fills what it lacks: empty, not told)."""

SESSION_COLUMNS_V2 = (
    "lot",
    "observed_min",
    "ready_after_min",
    "noted_sedation",
    "noted_dissociation",
    "noted_breathing",
    "home_with",
    "devices",
)
SESSION_DEFAULTS_V1 = {c: None for c in SESSION_COLUMNS_V2} | {
    "lot": "",
    "home_with": "",
    "noted_sedation": "not told",
    "noted_dissociation": "not told",
    "noted_breathing": "not told",
}
"""What a version-1 backup's session holds of the version-2 fields: as a migrated diary."""

COLUMNS: dict[str, tuple[str, ...]] = {
    "settings": ("key", "value"),
    "symptoms": ("key", "label", "builtin", "hidden", "position"),
    "moods": ("day", "mood", "anxiety", "sleep_hours", "note", "updated_at"),
    "sessions": (
        "id",
        "started_at",
        "route",
        "dose_mg",
        "dose_mg_per_kg",
        "weight_kg",
        "duration_min",
        "phase",
        "clinic",
        "note",
        *SESSION_COLUMNS_V2,
    ),
    "vitals": (
        "id",
        "session_id",
        "taken_at",
        "label",
        "systolic",
        "diastolic",
        "heart_rate",
        "spo2",
    ),
    "side_effects": ("session_id", "symptom", "severity", "onset_min", "duration_min", "note"),
    "checkins": ("id", "kind", "day"),
    "checkin_answers": ("checkin_id", "item", "answer"),
    "medicine_events": ("id", "name", "day", "event", "class", "dose", "unit", "schedule"),
    "morning_after": ("session_id", "rated_at", "note"),
    "morning_after_ratings": ("session_id", "symptom", "severity"),
}
NEW_IN_V2 = ("medicine_events", "morning_after", "morning_after_ratings")
"""The tables a version-1 backup lacks. session_medicines is never in a backup: the store
works it out again from the medicine events on restore."""
DERIVED = {"sessions": {"day"}}  # stored for fast queries, recomputed on restore
BOOLEANS = {"symptoms": ("builtin", "hidden")}
SORT_KEYS: dict[str, Callable[[dict], tuple]] = {
    "settings": lambda r: (r["key"],),
    "symptoms": lambda r: (r["position"], r["key"]),
    "moods": lambda r: (r["day"],),
    "sessions": lambda r: (r["id"],),
    "vitals": lambda r: (r["id"],),
    # stable sort: within a session, side effects keep the order they were entered in
    "side_effects": lambda r: (r["session_id"],),
    "checkins": lambda r: (r["id"],),
    "checkin_answers": lambda r: (r["checkin_id"], r["item"]),
    "medicine_events": lambda r: (r["id"],),
    "morning_after": lambda r: (r["session_id"],),
    "morning_after_ratings": lambda r: (r["session_id"],),
}
NOUNS = {
    "settings": ("setting", "settings"),
    "symptoms": ("symptom", "symptoms"),
    "moods": ("mood", "moods"),
    "sessions": ("session", "sessions"),
    "vitals": ("vital reading", "vital readings"),
    "standalone_vitals": ("stand-alone vital reading", "stand-alone vital readings"),
    "side_effects": ("side effect", "side effects"),
    "checkins": ("check-in", "check-ins"),
    "medicine_events": ("medicine event", "medicine events"),
    "morning_after": ("morning-after rating", "morning-after ratings"),
}

Tables = Mapping[str, tuple[Sequence[str], Sequence[Sequence[object]]]]


class BackupError(DiaryError):
    """A backup file that cannot be restored, or a restore that was refused (exit 2)."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Backup:
    """A checked backup: every table's rows, values in COLUMNS order, ready to restore."""

    schema_version: int
    tables: dict[str, tuple[tuple, ...]]


def count_phrase(counts: Mapping[str, int]) -> str:
    """'3 moods, 1 session' for the non-zero counts, in table order; 'nothing' when none."""
    parts = []
    for name, (one, many) in NOUNS.items():
        number = counts.get(name, 0)
        if number:
            parts.append(f"{number:,} {one if number == 1 else many}")
    return ", ".join(parts) or "nothing"


# --- writing -------------------------------------------------------------------------------


def _json_rows(table: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> list:
    expected = COLUMNS[table]
    extra = set(columns) - set(expected) - DERIVED.get(table, set())
    missing = set(expected) - set(columns)
    if extra or missing:
        raise DiaryError(
            f"table {table} has columns {sorted(extra)} and lacks {sorted(missing)}, which "
            f"backup format {FORMAT_VERSION} does not describe; nothing was written"
        )
    flags = BOOLEANS.get(table, ())
    out = []
    for row in rows:
        values = dict(zip(columns, row, strict=True))
        record = {c: (bool(values[c]) if c in flags else values[c]) for c in expected}
        out.append(record)
    out.sort(key=SORT_KEYS[table])
    return out


def backup_text(schema_version: int, tables: Tables) -> str:
    """The backup as JSON text, the same bytes for the same diary: one row per line, sorted."""
    blocks = []
    for table in COLUMNS:
        columns, rows = tables[table]
        records = _json_rows(table, columns, rows)
        if records:
            body = ",\n".join("      " + json.dumps(r, ensure_ascii=False) for r in records)
            blocks.append(f"    {json.dumps(table)}: [\n{body}\n    ]")
        else:
            blocks.append(f"    {json.dumps(table)}: []")
    head = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": schema_version,
        "written_by": f"diary {__version__}",
    }
    lines = [f"  {json.dumps(k)}: {json.dumps(v)}," for k, v in head.items()]
    return "{\n" + "\n".join(lines) + '\n  "tables": {\n' + ",\n".join(blocks) + "\n  }\n}\n"


def table_counts(tables: Tables) -> dict[str, int]:
    """How many records of each kind the tables hold (stand-alone vitals counted apart)."""
    counts = {name: len(tables[name][1]) for name in COLUMNS if name in tables}
    if "vitals" in tables:
        columns, rows = tables["vitals"]
        at = list(columns).index("session_id")
        counts["standalone_vitals"] = sum(1 for r in rows if r[at] is None)
        counts["vitals"] -= counts["standalone_vitals"]
    counts.pop("checkin_answers", None)
    counts.pop("morning_after_ratings", None)
    return counts


def write_backup(path: Path, text: str) -> None:
    """Write the backup whole or not at all, readable only by its owner."""
    write_atomically(path, text)


# --- restoring -----------------------------------------------------------------------------


def store_row(table: str, row: tuple) -> tuple:
    """A checked backup row as the store keeps it: flags as 0/1, a session's day added."""
    if table == "symptoms":
        key, label, builtin, hidden, position = row
        return key, label, int(builtin), int(hidden), position
    if table == "sessions":
        return (*row, dt.datetime.fromisoformat(row[1]).date().isoformat())
    return row


def store_columns(table: str) -> tuple[str, ...]:
    """The store's columns for a table's rows from store_row."""
    return (*COLUMNS[table], "day") if table == "sessions" else COLUMNS[table]


def store_tables(backup: Backup) -> dict[str, tuple[tuple[str, ...], list[tuple]]]:
    """The backup as rows for the store, ids kept; built-ins a backup lacks are appended."""
    tables = {
        table: (store_columns(table), [store_row(table, r) for r in backup.tables[table]])
        for table in COLUMNS
    }
    symptoms = tables["symptoms"][1]
    present = {row[0] for row in symptoms}
    position = max((row[4] for row in symptoms), default=-1)
    for builtin in BUILTIN_SYMPTOMS:
        if builtin.key not in present:
            position += 1
            symptoms.append((builtin.key, builtin.label, 1, 0, position))
    return tables


def backup_counts(backup: Backup) -> dict[str, int]:
    """How many records of each kind a backup holds."""
    return table_counts({t: (COLUMNS[t], rows) for t, rows in backup.tables.items()})
