"""A backup's medicine events and mornings after, checked row by row (format 2)."""

from __future__ import annotations

from collections.abc import Mapping

from diary.domain import Symptom, ValidationError
from diary.domain import validation as check
from diary.domain.medicine_input import check_event
from diary.domain.medicines import MedicineChange, MedicineClass, MedicineEvent
from diary.domain.stored import stored_choice
from diary.files.backup import values
from diary.files.backup.rows import A_SESSION, Rows, TableRows
from diary.files.backup.values import FAR_DAY


def read_treatment(
    tables: Mapping[str, object], session_ids: set[int], catalogue: list[Symptom]
) -> dict[str, Rows]:
    """The medicine events, mornings after and their ratings, each row checked."""
    out = {"medicine_events": MedicineEventRows().read(tables)}
    out["morning_after"] = MorningRows(session_ids).read(tables)
    rated = {row[0] for row in out["morning_after"]}
    out["morning_after_ratings"] = MorningRatingRows(rated, catalogue).read(tables)
    return out


class MedicineEventRows(TableRows):
    """Medicine events: each id once, each checked as a typed event is."""

    table = "medicine_events"

    def row(self, row: dict) -> tuple:
        eid = self.new_id(row)
        values.number("dose", row["dose"])
        change = stored_choice("event", row["event"], MedicineChange)
        med_class = stored_choice("class", row["class"], MedicineClass)
        event = check_event(
            MedicineEvent(
                values.text("name", row["name"]),
                values.day("day", row["day"]),
                change,
                med_class,
                row["dose"],
                values.text("unit", row["unit"]),
                values.text("schedule", row["schedule"]),
            ),
            FAR_DAY,
        )
        return (
            eid,
            event.name,
            event.day.isoformat(),
            event.change.value,
            event.med_class.value,
            event.dose,
            event.unit,
            event.schedule,
        )


class MorningRows(TableRows):
    """Mornings after: one per session of this backup."""

    table = "morning_after"

    def row(self, row: dict) -> tuple:
        sid = self.owner("session_id", row["session_id"], A_SESSION)
        self.once("session_id", sid)
        rated = values.moment("rated_at", row["rated_at"]).isoformat()
        return sid, rated, check.text("note", values.text("note", row["note"]))


class MorningRatingRows(TableRows):
    """Morning-after ratings: of a morning in this backup, by a symptom key it holds."""

    table = "morning_after_ratings"

    def __init__(self, rated: set[int], catalogue: list[Symptom]) -> None:
        super().__init__(rated)
        self.keys = {s.key for s in catalogue}

    def row(self, row: dict) -> tuple:
        sid = self.owner("session_id", row["session_id"], "a session rated in morning_after")
        symptom = row["symptom"]
        if not isinstance(symptom, str) or symptom not in self.keys:
            raise ValidationError("symptom", symptom, "a key in this backup's symptoms")
        self.once("session_id and symptom", (sid, symptom))
        return sid, symptom, values.whole("severity", row["severity"], 0, 3)
