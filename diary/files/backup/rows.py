"""A backup's tables checked row by row, with the domain's own validation.

One reader per table. Each keeps the keys its rows have had (a key given twice is refused)
and is given what it needs from the tables read before it: the symptom catalogue, the
session ids, the check-in ids. A refusal names the table and the row number, from 1.
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Mapping, Set
from typing import ClassVar

from diary import domain
from diary.domain import Symptom, ValidationError
from diary.domain import validation as check
from diary.domain.model import CLINIC_NOTED as NOTED
from diary.domain.questionnaires import questionnaire
from diary.domain.stored import stored_choice
from diary.files.backup import values
from diary.files.backup.format import COLUMNS, BackupError
from diary.files.backup.values import FAR_DAY, FAR_NOW, MAX_ID

Rows = tuple[tuple, ...]
BUILTIN_KEYS = frozenset(s.key for s in domain.BUILTIN_SYMPTOMS)
A_SESSION = "the id of a session in this backup"


def read_tables(tables: Mapping[str, object]) -> dict[str, Rows]:
    """Every table checked in full, in COLUMNS order; raises BackupError on the first problem."""
    out: dict[str, Rows] = {}
    out["settings"] = SettingRows().read(tables)
    out["symptoms"] = SymptomRows().read(tables)
    catalogue = [Symptom(key, label, b, h) for key, label, b, h, _ in out["symptoms"]]
    out["moods"] = MoodRows().read(tables)
    out["sessions"] = SessionRows(catalogue).read(tables)
    session_ids = {row[0] for row in out["sessions"]}
    out["vitals"] = VitalRows(session_ids).read(tables)
    out["side_effects"] = SideEffectRows(session_ids, catalogue).read(tables)
    out["checkins"] = CheckinRows().read(tables)
    out["checkin_answers"] = AnswerRows({row[0] for row in out["checkins"]}).read(tables)
    _check_answers_complete(out["checkins"], out["checkin_answers"])
    from diary.files.backup.treatment_rows import read_treatment

    out.update(read_treatment(tables, session_ids, catalogue))
    return out


class TableRows(ABC):
    """Reads one table: every row's fields first, then each row's values, in file order."""

    table: ClassVar[str]

    def __init__(self, owners: Set[int] = frozenset()) -> None:
        self.seen: set = set()
        self.owners = owners  # the ids of the rows this table's rows belong to, if any

    @abstractmethod
    def row(self, row: dict) -> tuple:
        """One row's values checked, in COLUMNS order; raises ValidationError."""

    def once(self, what: str, key: object) -> None:
        """Refuse a key (what names its fields) that an earlier row of this table had."""
        if key in self.seen:
            raise ValidationError(what, key, f"each {what} once in {self.table}")
        self.seen.add(key)

    def new_id(self, row: dict) -> int:
        """The row's own id: a whole number, each once in the table."""
        row_id = values.whole("id", row["id"], 1, MAX_ID)
        self.once("id", row_id)
        return row_id

    def owner(self, field: str, value: object, accepted: str) -> int:
        """The id of the row this one belongs to (field names it): one of the owners."""
        owner_id = values.whole(field, value, 1, MAX_ID)
        if owner_id not in self.owners:
            raise ValidationError(field, owner_id, accepted)
        return owner_id

    def read(self, tables: Mapping[str, object]) -> Rows:
        """The table's rows, each checked by row()."""
        out = []
        for number, row in enumerate(self._objects(tables), 1):
            try:
                out.append(self.row(row))
            except ValidationError as error:
                raise BackupError(f"{self.table} row {number}: {error}") from None
        return tuple(out)

    def _objects(self, tables: Mapping[str, object]) -> list[dict]:
        """The table's rows, each an object with exactly the table's fields."""
        table = self.table
        rows = tables[table]
        if not isinstance(rows, list):
            raise BackupError(f"tables.{table} is not a list of rows")
        columns = COLUMNS[table]
        for number, row in enumerate(rows, 1):
            if not isinstance(row, dict):
                raise BackupError(
                    f"{table} row {number} is not an object with {', '.join(columns)}"
                )
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


class SettingRows(TableRows):
    """Settings: each key once; the default weight, when given, a number."""

    table = "settings"

    def row(self, row: dict) -> tuple:
        key = values.text("key", row["key"], check.MAX_SHORT_TEXT)
        if not key:
            raise ValidationError("key", key, "a setting name")
        self.once("key", key)
        value = values.text(f"value of {key}", row["value"])
        if key == "default_weight_kg" and value:
            check.decimal(key, value, 0, 1000)  # any number settings() can read back
        return key, value


class SymptomRows(TableRows):
    """The symptom catalogue: keys as the diary makes them, built-ins marked as such."""

    table = "symptoms"

    def row(self, row: dict) -> tuple:
        key = values.text("key", row["key"], 60)
        if not key or domain.symptom_key(key) != key:
            raise ValidationError("key", key, "lower-case words joined by _, like blurred_vision")
        self.once("key", key)
        builtin = values.flag("builtin", row["builtin"])
        if builtin != (key in BUILTIN_KEYS):
            accepted = "built-in" if key in BUILTIN_KEYS else "not built-in"
            raise ValidationError(f"builtin of {key}", row["builtin"], accepted)
        check.symptom_label(row["label"])
        label = row["label"]
        hidden = values.flag("hidden", row["hidden"])
        return key, label, builtin, hidden, values.whole("position", row["position"], 0, 10**9)


class MoodRows(TableRows):
    """Moods: one a day, checked as the diary checks a logged mood."""

    table = "moods"

    def row(self, row: dict) -> tuple:
        day = values.day("day", row["day"])
        self.once("day", day.isoformat())
        entry = check.check_mood(
            domain.MoodEntry(
                day,
                *values.numbers(row, "mood", "anxiety", "sleep_hours"),
                values.text("note", row["note"]),
            ),
            FAR_DAY,
        )
        updated = values.moment("updated_at", row["updated_at"]).isoformat()
        return day.isoformat(), entry.mood, entry.anxiety, entry.sleep_hours, entry.note, updated


class SessionRows(TableRows):
    """Sessions: each id once, checked as the diary checks a saved session."""

    table = "sessions"

    def __init__(self, catalogue: list[Symptom]) -> None:
        super().__init__()
        self.catalogue = catalogue

    def row(self, row: dict) -> tuple:
        sid = self.new_id(row)
        started = values.moment("started_at", row["started_at"])
        values.numbers(
            row,
            "dose_mg",
            "dose_mg_per_kg",
            "weight_kg",
            "duration_min",
            "observed_min",
            "ready_after_min",
            "devices",
        )
        checked = check.check_session(
            domain.Session(
                started_at=started,
                route=row["route"],
                dose_mg=row["dose_mg"],
                dose_mg_per_kg=row["dose_mg_per_kg"],
                weight_kg=row["weight_kg"],
                duration_min=row["duration_min"],
                phase=row["phase"],
                clinic=values.text("clinic", row["clinic"]),
                note=values.text("note", row["note"]),
                lot=values.text("lot", row["lot"]),
                observed_min=row["observed_min"],
                ready_after_min=row["ready_after_min"],
                home_with=values.text("home_with", row["home_with"]),
                devices=row["devices"],
                **{f"noted_{w}": values.text(f"noted_{w}", row[f"noted_{w}"]) for w in NOTED},
            ),
            FAR_NOW,
            self.catalogue,
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
            checked.lot,
            checked.observed_min,
            checked.ready_after_min,
            *(checked.noted(what).value for what in NOTED),
            checked.home_with,
            checked.devices,
        )


class VitalRows(TableRows):
    """Vital readings: of a session in this backup, or stand-alone (no session)."""

    table = "vitals"

    def row(self, row: dict) -> tuple:
        vid = self.new_id(row)
        given = row["session_id"]
        sid = None if given is None else self.owner("session_id", given, A_SESSION)
        label = stored_choice("label", row["label"], domain.VitalLabel)
        reading = check.check_vital(
            domain.VitalReading(
                label, *values.numbers(row, "systolic", "diastolic", "heart_rate", "spo2")
            )
        )
        taken = values.optional_moment("taken_at", row["taken_at"])
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


class SideEffectRows(TableRows):
    """Side effects: of a session in this backup, by a symptom key it holds."""

    table = "side_effects"

    def __init__(self, session_ids: set[int], catalogue: list[Symptom]) -> None:
        super().__init__(session_ids)
        self.by_key = {s.key: s for s in catalogue}

    def row(self, row: dict) -> tuple:
        sid = self.owner("session_id", row["session_id"], A_SESSION)
        symptom = row["symptom"]
        if not isinstance(symptom, str) or symptom not in self.by_key:
            keys = ", ".join(self.by_key)
            raise ValidationError("symptom", symptom, f"a key in this backup's symptoms: {keys}")
        rating = check.check_rating(
            domain.SideEffectRating(
                row["symptom"],
                *values.numbers(row, "severity", "onset_min", "duration_min"),
                values.text("note", row["note"]),
            ),
            [self.by_key[symptom]],  # exact keys only: a label must never stand in for a key
        )
        self.once("session_id and symptom", (sid, rating.symptom))
        return (
            sid,
            rating.symptom,
            int(rating.severity),
            rating.onset_min,
            rating.duration_min,
            rating.note,
        )


class CheckinRows(TableRows):
    """Check-ins: each id once, of a questionnaire the diary knows."""

    table = "checkins"

    def row(self, row: dict) -> tuple:
        cid = self.new_id(row)
        kind = questionnaire(row["kind"] if isinstance(row["kind"], str) else repr(row["kind"]))
        return cid, kind.kind.value, values.day("day", row["day"]).isoformat()


class AnswerRows(TableRows):
    """Check-in answers: of a check-in in this backup, each item once."""

    table = "checkin_answers"

    def row(self, row: dict) -> tuple:
        cid = self.owner("checkin_id", row["checkin_id"], "the id of a check-in in this backup")
        item = values.whole("item", row["item"], 1, 99)
        self.once("checkin_id and item", (cid, item))
        return cid, item, values.whole("answer", row["answer"], 0, 3)


def _check_answers_complete(checkins: Rows, answer_rows: Rows) -> None:
    """Refuse a check-in that lacks an answer, or has one too many, named by its row."""
    answers: dict[int, dict[int, int]] = {}
    for cid, item, value in answer_rows:
        answers.setdefault(cid, {})[item] = value
    for number, (cid, kind, day) in enumerate(checkins, 1):
        given = answers.get(cid, {})
        count = len(questionnaire(kind).items)
        if sorted(given) != list(range(1, count + 1)):
            raise BackupError(
                f"checkins row {number}: check-in {cid} ({kind}) has answers for items "
                f"{sorted(given) or 'none'}; expected items 1-{count}"
            )
        try:
            check.check_checkin(
                domain.CheckIn(
                    kind, dt.date.fromisoformat(day), tuple(given[i] for i in sorted(given))
                ),
                FAR_DAY,
            )
        except ValidationError as error:
            raise BackupError(f"checkins row {number}: {error}") from None
