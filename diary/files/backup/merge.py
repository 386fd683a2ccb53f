"""Merging a backup into a diary that holds data: add what is missing, overwrite nothing."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import count

from diary.files.backup.format import (
    COLUMNS,
    Backup,
    Tables,
    count_phrase,
    store_columns,
    store_row,
)


@dataclass(frozen=True, slots=True)
class MergeReport:
    """What a merge added, skipped as already present, and left alone as a conflict."""

    added: dict[str, int]
    skipped: dict[str, int]
    conflicts: tuple[str, ...]


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 30 else text[:27] + "..."


def _when(text: object) -> object:
    return None if text is None else dt.datetime.fromisoformat(str(text))


def _differences(fields: Sequence[str], mine: Mapping, theirs: Mapping) -> list[str]:
    return [
        f"{field} {_shown(mine[field])} in the diary, {_shown(theirs[field])} in the backup"
        for field in fields
        if mine[field] != theirs[field]
    ]


class _Merge:
    """Works out, from the current tables, which backup rows a merge adds."""

    def __init__(self, backup: Backup, current: Tables) -> None:
        self.backup = backup
        self.now = {
            name: [dict(zip(columns, row, strict=True)) for row in rows]
            for name, (columns, rows) in current.items()
        }
        self.theirs = {
            name: [dict(zip(COLUMNS[name], row, strict=True)) for row in rows]
            for name, rows in backup.tables.items()
        }
        self.additions: dict[str, list[tuple]] = {name: [] for name in COLUMNS}
        self.added: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()
        self.conflicts: list[str] = []

    def add(self, table: str, record: Mapping, counted: str | None = None) -> None:
        row = store_row(table, tuple(record[c] for c in COLUMNS[table]))
        self.additions[table].append(row)
        if counted:
            self.added[counted] += 1

    def conflict(self, what: str, differences: list[str]) -> None:
        self.conflicts.append(f"{what}: " + "; ".join(differences))

    def by_key(
        self,
        table: str,
        key: str,
        fields: list[str],
        what: str,
        mine: Mapping[object, Mapping] | None = None,
        added: Callable[[dict], dict] = lambda record: record,
    ) -> None:
        """Add each backup row whose key the diary lacks (as added makes it); skip one the
        same in fields; a row that differs in them is a conflict."""
        if mine is None:
            mine = {r[key]: r for r in self.now[table]}
        for record in self.theirs[table]:
            have = mine.get(record[key])
            if have is None:
                self.add(table, added(record), table)
                continue
            differences = _differences(fields, have, record)
            if differences:
                self.conflict(f"{what} {record[key]}", differences)
            else:
                self.skipped[table] += 1

    def settings(self) -> None:
        self.by_key("settings", "key", ["value"], "setting")

    def symptoms(self) -> None:
        positions = count(max((r["position"] for r in self.now["symptoms"]), default=-1) + 1)
        self.by_key(
            "symptoms",
            "key",
            ["label", "hidden"],
            "symptom",
            mine={r["key"]: {**r, "hidden": bool(r["hidden"])} for r in self.now["symptoms"]},
            added=lambda record: {**record, "position": next(positions)},
        )

    def moods(self) -> None:
        self.by_key("moods", "day", ["mood", "anxiety", "sleep_hours", "note"], "mood")

    @staticmethod
    def _vital_key(record: Mapping) -> tuple:
        return (
            _when(record["taken_at"]),
            record["label"],
            record["systolic"],
            record["diastolic"],
            record["heart_rate"],
            record["spo2"],
        )

    @staticmethod
    def _effect_key(record: Mapping) -> tuple:
        return tuple(record[c] for c in COLUMNS["side_effects"][1:])

    def _session_parts(self, tables: Mapping[str, list[dict]]) -> dict[object, tuple]:
        vitals: dict[object, Counter] = {}
        effects: dict[object, Counter] = {}
        for record in tables["vitals"]:
            if record["session_id"] is not None:
                vitals.setdefault(record["session_id"], Counter())[self._vital_key(record)] += 1
        for record in tables["side_effects"]:
            effects.setdefault(record["session_id"], Counter())[self._effect_key(record)] += 1
        return {
            r["id"]: (r, vitals.get(r["id"], Counter()), effects.get(r["id"], Counter()))
            for r in tables["sessions"]
        }

    def sessions(self) -> None:
        fields = COLUMNS["sessions"][3:]
        mine: dict[tuple, tuple] = {}
        for parts in self._session_parts(self.now).values():
            mine.setdefault((_when(parts[0]["started_at"]), parts[0]["route"]), parts)
        theirs = self._session_parts(self.theirs)
        children: dict[object, list[tuple[str, dict]]] = {}
        for table in ("vitals", "side_effects", "morning_after", "morning_after_ratings"):
            for child in self.theirs[table]:
                if child["session_id"] is not None:
                    children.setdefault(child["session_id"], []).append((table, child))
        for sid, (record, vitals, effects) in theirs.items():
            key = (_when(record["started_at"]), record["route"])
            have = mine.get(key)
            if have is None:
                mine[key] = (record, vitals, effects)
                self.add("sessions", record, "sessions")
                for table, child in children.get(sid, []):
                    self.add(table, child)
                continue
            differences = [f for f in fields if have[0][f] != record[f]]
            if have[1] != vitals:
                differences.append("vital readings")
            if have[2] != effects:
                differences.append("side effects")
            if differences:
                when = _when(record["started_at"])
                self.conflict(
                    f"session {when:%Y-%m-%d %H:%M} {record['route']}",
                    ["differs in " + ", ".join(differences)],
                )
            else:
                self.skipped["sessions"] += 1

    def standalone_vitals(self) -> None:
        mine = Counter(self._vital_key(r) for r in self.now["vitals"] if r["session_id"] is None)
        for record in self.theirs["vitals"]:
            if record["session_id"] is not None:
                continue
            key = self._vital_key(record)
            if mine[key]:
                mine[key] -= 1
                self.skipped["standalone_vitals"] += 1
            else:
                self.add("vitals", record, "standalone_vitals")

    @staticmethod
    def _checkin_keys(tables: Mapping[str, list[dict]]) -> dict[object, tuple]:
        answers: dict[object, dict[int, int]] = {}
        for record in tables["checkin_answers"]:
            answers.setdefault(record["checkin_id"], {})[record["item"]] = record["answer"]
        return {
            r["id"]: (
                r["kind"],
                r["day"],
                tuple(v for _, v in sorted(answers.get(r["id"], {}).items())),
            )
            for r in tables["checkins"]
        }

    def checkins(self) -> None:
        mine = Counter(self._checkin_keys(self.now).values())
        theirs = self._checkin_keys(self.theirs)
        answers: dict[object, list[dict]] = {}
        for child in self.theirs["checkin_answers"]:
            answers.setdefault(child["checkin_id"], []).append(child)
        for record in self.theirs["checkins"]:
            key = theirs[record["id"]]
            if mine[key]:
                mine[key] -= 1
                self.skipped["checkins"] += 1
                continue
            self.add("checkins", record, "checkins")
            for child in answers.get(record["id"], []):
                self.add("checkin_answers", child)

    def medicine_events(self) -> None:
        def key(record: Mapping) -> tuple:
            fields = COLUMNS["medicine_events"][2:]
            return (str(record["name"]).casefold(), *(record[f] for f in fields))

        mine = Counter(key(r) for r in self.now["medicine_events"])
        for record in self.theirs["medicine_events"]:
            if mine[key(record)]:
                mine[key(record)] -= 1
                self.skipped["medicine_events"] += 1
            else:
                self.add("medicine_events", record, "medicine_events")

    def run(self) -> tuple[dict[str, tuple[tuple[str, ...], list[tuple]]], MergeReport]:
        self.settings()
        self.symptoms()
        self.moods()
        self.sessions()
        self.standalone_vitals()
        self.checkins()
        self.medicine_events()
        tables = {t: (store_columns(t), rows) for t, rows in self.additions.items() if rows}
        return tables, MergeReport(dict(self.added), dict(self.skipped), tuple(self.conflicts))


def merge_additions(
    backup: Backup, current: Tables
) -> tuple[dict[str, tuple[tuple[str, ...], list[tuple]]], MergeReport]:
    """The rows a merge adds to a diary holding `current`, and what it skips or leaves alone.

    Present already (never overwritten): a setting or symptom by key, a mood by day, a
    session by start time and route, a stand-alone reading by all its values, a check-in
    by kind, day and answers, a medicine event by all its values. A present record whose
    details differ is a conflict. A morning after comes with its session when that is added.
    """
    return _Merge(backup, current).run()


def merge_lines(report: MergeReport, limit: int = 20) -> list[str]:
    """The merge summary and its conflicts, for printing."""
    conflicts = len(report.conflicts)
    added, skipped = sum(report.added.values()), sum(report.skipped.values())
    lines = [
        f"Added {added:,}" + (f" ({count_phrase(report.added)})" if added else "") + "; "
        f"skipped {skipped:,} already present"
        + (f" ({count_phrase(report.skipped)})" if skipped else "")
        + f"; {conflicts:,} conflict{'' if conflicts == 1 else 's'}"
        + (" (the diary's values kept, nothing overwritten):" if conflicts else ".")
    ]
    lines += [f"  {line}" for line in report.conflicts[:limit]]
    if conflicts > limit:
        lines.append(f"  ... and {conflicts - limit:,} more conflicts")
    return lines
