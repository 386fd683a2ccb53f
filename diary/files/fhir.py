"""The diary as a FHIR R4 Bundle (type collection) of patient-generated data, as plain JSON.

Every code here was checked against a stored source; docs/fhir.md lists each mapping and
where it was verified. Anything without a verified code (the medicine, a symptom, the daily
mood) is named by text only, never by a borrowed code. Every resource carries a tag saying
it is patient-reported and not clinically verified. No third-party FHIR library is needed
here: the tests validate the output against the fhir.resources models instead.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Sequence
from typing import Any

from diary.domain import (
    CheckIn,
    MoodEntry,
    Route,
    Session,
    Settings,
    Severity,
    Symptom,
    VitalLabel,
    VitalReading,
)
from diary.domain.medicines import MedicineEvent
from diary.domain.model import reading_time
from diary.domain.morning import MorningAfter
from diary.domain.questionnaires import ANSWER_OPTIONS, questionnaire
from diary.files.fhir_treatment import clinic_notes, medicine_statements, morning_observations

Resource = dict[str, Any]

LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
# the diary's own code systems: for what no standard code says (the tag, severity "none")
TAG_SYSTEM = "urn:ketamine-diary:provenance"
SEVERITY_SYSTEM = "urn:ketamine-diary:severity"
# uuid5 namespace for the resources' ids: the same diary exports the same ids every time
NAMESPACE = uuid.UUID("7a0c7f1e-6f0d-5b8e-9a41-3f2d8c4b1e90")

PATIENT_REPORTED = {
    "system": TAG_SYSTEM,
    "code": "patient-reported",
    "display": "Patient-reported; not clinically verified",
}
QUESTIONNAIRE_CODES = {
    "phq9": (
        ("44249-1", "PHQ-9 quick depression assessment panel"),
        ("44261-6", "PHQ-9 total score"),
    ),
    "gad7": (("69737-5", "GAD-7 panel"), ("70274-6", "GAD-7 total score")),
}
BP_PANEL = ("85354-9", "Blood pressure panel with all children optional")
SYSTOLIC = ("8480-6", "Systolic blood pressure")
DIASTOLIC = ("8462-4", "Diastolic blood pressure")
HEART_RATE = ("8867-4", "Heart rate")
SPO2 = ("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry")
ROUTES = {
    Route.IV: ("47625008", "Intravenous route"),
    Route.IM: ("78421000", "Intramuscular route"),
    Route.INTRANASAL: ("46713006", "Nasal route"),
    Route.ORAL: ("26643006", "Oral route"),
    Route.SUBLINGUAL: ("37839007", "Sublingual route"),
}
# The diary records the route, not the product; as DESIGN.md describes the treatments, the
# nasal spray is esketamine and every other route racemic ketamine.
MEDICINES = {Route.INTRANASAL: "esketamine"}
SEVERITY_SNOMED = {
    Severity.MILD: ("255604002", "Mild"),
    Severity.MODERATE: ("6736007", "Moderate"),
    Severity.SEVERE: ("24484000", "Severe"),
}
MOOD_TEXT = "self-rated mood, 0-10 (0 worst, 10 best)"
ANXIETY_TEXT = "self-rated anxiety, 0-10"
SLEEP_TEXT = "sleep, hours (self-reported)"


def _id(*key: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "/".join(str(k) for k in key)))


def _url(resource_id: str) -> str:
    return f"urn:uuid:{resource_id}"


def _coding(system: str, code_display: tuple[str, str]) -> dict[str, str]:
    return {"system": system, "code": code_display[0], "display": code_display[1]}


def _concept(system: str, code_display: tuple[str, str]) -> dict[str, Any]:
    return {"coding": [_coding(system, code_display)], "text": code_display[1]}


def _category(code: str, display: str) -> list[dict[str, Any]]:
    return [{"coding": [{"system": CATEGORY, "code": code, "display": display}]}]


def _quantity(value: float, unit: str, code: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM, "code": code}


def _when(moment: dt.datetime | dt.date) -> str:
    if isinstance(moment, dt.datetime):
        return moment.isoformat(timespec="seconds")
    return moment.isoformat()


class _Builder:
    """Collects the bundle's entries; every resource gets the tag and its subject."""

    def __init__(self, settings: Settings) -> None:
        self.entries: list[dict[str, Any]] = []
        self.patient_id = _id("patient")
        patient: Resource = {"resourceType": "Patient", "id": self.patient_id}
        if settings.name.strip():
            patient["name"] = [{"text": settings.name.strip()}]
        if settings.country.strip():
            patient["address"] = [{"country": settings.country.strip()}]
        self.add(patient, subject=False)

    @property
    def patient(self) -> dict[str, str]:
        return {"reference": _url(self.patient_id)}

    def add(self, resource: Resource, *, subject: bool = True) -> str:
        resource["meta"] = {"tag": [dict(PATIENT_REPORTED)]}
        if subject:
            resource["subject"] = self.patient
        self.entries.append({"fullUrl": _url(resource["id"]), "resource": resource})
        return _url(resource["id"])

    def observation(
        self, key: tuple[object, ...], code: dict[str, Any], when: str, **fields: Any
    ) -> str:
        resource: Resource = {
            "resourceType": "Observation",
            "id": _id("observation", *key),
            "status": "final",
            "code": code,
            "performer": [self.patient],
            **fields,
        }
        if when:  # a reading on its own without a recorded time has none
            resource["effectiveDateTime"] = when
        return self.add(resource)


def _checkin(builder: _Builder, checkin: CheckIn, index: int) -> None:
    scale = questionnaire(checkin.kind)
    kind = str(checkin.kind)
    key = checkin.id if checkin.id is not None else f"n{index}"
    panel_code, total_code = QUESTIONNAIRE_CODES[kind]
    response_id = _id("questionnaire-response", kind, key)
    when = _when(checkin.day)
    response_url = builder.add(
        {
            "resourceType": "QuestionnaireResponse",
            "id": response_id,
            "status": "completed",
            "authored": when,
            "author": builder.patient,
            "source": builder.patient,
            "item": [
                {
                    "linkId": str(number),
                    "text": text,
                    "answer": [{"valueInteger": answer}],
                }
                for number, (text, answer) in enumerate(
                    zip(scale.items, checkin.answers, strict=True), 1
                )
            ],
        }
    )
    survey = _category("survey", "Survey")
    derived = [{"reference": response_url}]
    total_url = builder.observation(
        (kind, key, "total"),
        _concept(LOINC, total_code),
        when,
        category=survey,
        valueQuantity=_quantity(checkin.total, "{score}", "{score}"),
        interpretation=[{"text": f"{scale.title} band: {scale.band(checkin.total)}"}],
        derivedFrom=derived,
    )
    builder.observation(
        (kind, key, "panel"),
        _concept(LOINC, panel_code),
        when,
        category=survey,
        hasMember=[{"reference": total_url}],
        derivedFrom=derived,
        note=[
            {
                "text": "Answers 0-3: "
                + "; ".join(f"{n} {word}" for n, word in enumerate(ANSWER_OPTIONS))
            }
        ],
    )


def _reading_when(reading: VitalReading, session: Session | None) -> str:
    """The time the reading was taken, else as far as its label tells, else its day."""
    if reading.taken_at is not None:
        return _when(reading.taken_at)
    if session is not None:
        known = reading_time(session.started_at, reading.label)
        return _when(known) if known is not None else _when(session.day)
    return ""


def _vitals(builder: _Builder, reading: VitalReading, session: Session | None, key: str) -> None:
    when = _reading_when(reading, session)
    vital = _category("vital-signs", "Vital Signs")
    label = reading.label.label if reading.label != VitalLabel.OTHER else "other reading"
    note = [{"text": label + ("" if "T" in when else " (time not recorded)")}]
    builder.observation(
        (key, "bp"),
        _concept(LOINC, BP_PANEL),
        when,
        category=vital,
        note=note,
        component=[
            {
                "code": _concept(LOINC, SYSTOLIC),
                "valueQuantity": _quantity(reading.systolic, "mmHg", "mm[Hg]"),
            },
            {
                "code": _concept(LOINC, DIASTOLIC),
                "valueQuantity": _quantity(reading.diastolic, "mmHg", "mm[Hg]"),
            },
        ],
    )
    for part, code, value, unit, ucum in (
        ("hr", HEART_RATE, reading.heart_rate, "beats/minute", "/min"),
        ("spo2", SPO2, reading.spo2, "%", "%"),
    ):
        if value is not None:
            builder.observation(
                (key, part),
                _concept(LOINC, code),
                when,
                category=vital,
                note=note,
                valueQuantity=_quantity(value, unit, ucum),
            )


def _dosage(session: Session) -> dict[str, Any]:
    dosage: dict[str, Any] = {"text": session.dose_text or "dose not recorded"}
    coded = ROUTES.get(session.route)
    dosage["route"] = (
        _concept(SNOMED, coded) if coded is not None else {"text": session.route.label}
    )
    if session.dose_mg is not None:
        dosage["doseAndRate"] = [{"doseQuantity": _quantity(session.dose_mg, "mg", "mg")}]
    elif session.dose_mg_per_kg is not None:
        dosage["doseAndRate"] = [
            {"doseQuantity": _quantity(session.dose_mg_per_kg, "mg/kg", "mg/kg")}
        ]
    return dosage


def _session(
    builder: _Builder, session: Session, number: int | None, labels: dict[str, str]
) -> None:
    key = session.id if session.id is not None else session.started_at.isoformat()
    start = session.started_at
    effective: dict[str, Any]
    if session.duration_min:
        end = start + dt.timedelta(minutes=session.duration_min)
        effective = {"effectivePeriod": {"start": _when(start), "end": _when(end)}}
    else:
        effective = {"effectiveDateTime": _when(start)}
    notes = [f"session {number}" if number else "session"]
    if session.phase is not None:
        notes.append(f"phase: {session.phase}")
    if session.clinic:
        notes.append(f"clinic: {session.clinic}")
    if session.weight_kg is not None:
        notes.append(f"weight: {session.weight_kg:g} kg")
    notes += clinic_notes(session)
    if session.note:
        notes.append(session.note)
    statement_url = builder.add(
        {
            "resourceType": "MedicationStatement",
            "id": _id("medication-statement", key),
            "status": "completed",
            "medicationCodeableConcept": {"text": MEDICINES.get(session.route, "ketamine")},
            **effective,
            "informationSource": builder.patient,
            "dosage": [_dosage(session)],
            "note": [{"text": "; ".join(notes)}],
        }
    )
    for index, reading in enumerate(session.vitals):
        _vitals(builder, reading, session, f"session-{key}-vital-{reading.id or index}")
    for rating in session.side_effects:
        severity = Severity(rating.severity)
        coding = [
            {"system": SEVERITY_SYSTEM, "code": str(int(severity)), "display": severity.word}
        ]
        if severity in SEVERITY_SNOMED:
            coding.insert(0, _coding(SNOMED, SEVERITY_SNOMED[severity]))
        when = start + dt.timedelta(minutes=rating.onset_min or 0)
        extra: dict[str, Any] = {}
        texts = []
        if rating.duration_min is not None:
            texts.append(f"lasted {rating.duration_min} min")
        if rating.note:
            texts.append(rating.note)
        if texts:
            extra["note"] = [{"text": "; ".join(texts)}]
        builder.observation(
            (key, "side-effect", rating.symptom),
            {"text": f"side effect: {labels.get(rating.symptom, rating.symptom)}"},
            _when(when),
            valueCodeableConcept={"coding": coding, "text": severity.word},
            partOf=[{"reference": statement_url}],
            **extra,
        )


def _mood(builder: _Builder, entry: MoodEntry) -> None:
    day = _when(entry.day)
    extra: dict[str, Any] = {"note": [{"text": entry.note}]} if entry.note else {}
    builder.observation((day, "mood"), {"text": MOOD_TEXT}, day, valueInteger=entry.mood, **extra)
    if entry.anxiety is not None:
        builder.observation(
            (day, "anxiety"), {"text": ANXIETY_TEXT}, day, valueInteger=entry.anxiety
        )
    if entry.sleep_hours is not None:
        builder.observation(
            (day, "sleep"),
            {"text": SLEEP_TEXT},
            day,
            valueQuantity=_quantity(entry.sleep_hours, "h", "h"),
        )


def fhir_bundle(
    *,
    settings: Settings,
    moods: Iterable[MoodEntry],
    sessions: Iterable[Session],
    standalone: Iterable[VitalReading],
    checkins: Iterable[CheckIn],
    symptoms: Sequence[Symptom],
    numbers: dict[int, int],
    made: dt.datetime,
    medicines: Sequence[MedicineEvent] = (),
    mornings: Sequence[MorningAfter] = (),
    span: tuple[dt.date, dt.date] = (dt.date.min, dt.date.max),
) -> Resource:
    """The records as one FHIR R4 Bundle of type collection (a dict ready for JSON)."""
    builder = _Builder(settings)
    sessions = list(sessions)
    labels = {s.key: s.label for s in symptoms}
    for entry in moods:
        _mood(builder, entry)
    for session in sessions:
        _session(builder, session, numbers.get(session.id or -1), labels)
    for index, reading in enumerate(standalone):
        _vitals(builder, reading, None, f"vital-{reading.id or index}")
    for index, checkin in enumerate(checkins):
        _checkin(builder, checkin, index)
    for statement in medicine_statements(medicines, *span, _when, _id):
        builder.add({**statement, "informationSource": builder.patient})
    urls = {s.id: _url(_id("medication-statement", s.id)) for s in sessions if s.id}
    for key, code, when, fields in morning_observations(mornings, urls, labels):
        builder.observation(key, code, _when(when), **fields)
    return {
        "resourceType": "Bundle",
        "id": _id("bundle", made.isoformat()),
        "meta": {"tag": [dict(PATIENT_REPORTED)]},
        "type": "collection",
        "timestamp": _when(made),
        "entry": builder.entries,
    }


def bundle_json(bundle: Resource) -> str:
    """The bundle as JSON text, one entry a line (readable, and quick: the C encoder writes
    each entry, where an indented dump would use Python's slow one), non-ASCII kept."""
    head = {key: value for key, value in bundle.items() if key != "entry"}
    entries = ",\n".join(json.dumps(e, ensure_ascii=False) for e in bundle.get("entry", ()))
    return f'{json.dumps(head, ensure_ascii=False)[:-1]}, "entry": [\n{entries}\n]}}\n'
