"""`diary export fhir`: a FHIR R4 Bundle whose every resource validates, with the documented
codes (docs/fhir.md), links between scores and answers, and nothing borrowed."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from fhir.resources.R4B import get_fhir_model_class
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diary import domain
from diary.files.fhir import fhir_bundle
from diary.store import open_store

AT = dt.datetime(2026, 11, 10, 9, 0, tzinfo=dt.UTC)
TAG = {
    "system": "urn:ketamine-diary:provenance",
    "code": "patient-reported",
    "display": "Patient-reported; not clinically verified",
}
# the closed code sets fhir.resources leaves as free strings: checked here by hand
STATUSES = {
    "Observation": {"final"},
    "MedicationStatement": {"completed", "active", "stopped"},  # other medicines: all three
    "QuestionnaireResponse": {"completed"},
}


def _export(cli, db: Path, out: Path, *args: str) -> dict:
    result = cli("export", "fhir", "-o", str(out), f"--db={db}", *args)
    assert result.code == 0, result.err
    assert out.stat().st_mode & 0o777 == 0o600
    return json.loads(out.read_text(encoding="utf-8"))


def _validate(bundle: dict) -> Counter:
    """Each resource against the fhir.resources R4B model of its type, then the bundle."""
    kinds: Counter = Counter()
    for entry in bundle["entry"]:
        resource = entry["resource"]
        kind = resource["resourceType"]
        get_fhir_model_class(kind).model_validate(resource)
        assert entry["fullUrl"] == f"urn:uuid:{resource['id']}"
        assert resource["meta"]["tag"] == [TAG], kind
        if kind in STATUSES:
            assert resource["status"] in STATUSES[kind]
        kinds[kind] += 1
    get_fhir_model_class("Bundle").model_validate(bundle)
    return kinds


def _by_url(bundle: dict) -> dict[str, dict]:
    return {e["fullUrl"]: e["resource"] for e in bundle["entry"]}


def _codes(resource: dict) -> list[str]:
    return [c["code"] for c in resource["code"].get("coding", [])]


def test_a_demo_year_validates_resource_by_resource(cli, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    assert cli("demo", "--no-open", f"--db={db}", "--years", "1").code == 0
    bundle = _export(cli, db, tmp_path / "year.json")
    assert (bundle["resourceType"], bundle["type"]) == ("Bundle", "collection")
    kinds = _validate(bundle)
    with open_store(db) as store:
        sessions = store.sessions_between()
        checkins = store.checkins_between()
        moods = store.moods_between()
        standalone = store.standalone_vitals()
    with open_store(db) as store:
        medicines = store.medicine_events()
    doses_held = sum(1 for e in medicines if e.change.value != "stop")  # one per dose held
    assert kinds["MedicationStatement"] == len(sessions) + doses_held
    assert kinds["QuestionnaireResponse"] == len(checkins)
    assert kinds["Patient"] == 1
    observations = [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"
    ]
    moods_seen = [
        o
        for o in observations
        if o["code"] == {"text": "self-rated mood, 0-10 (0 worst, 10 best)"}
    ]
    assert len(moods_seen) == len(moods)
    bp = [o for o in observations if _codes(o) == ["85354-9"]]
    assert len(bp) == sum(len(s.vitals) for s in sessions) + len(standalone)


def _small_diary(db: Path) -> None:
    with open_store(db) as store:
        store.save_settings(domain.Settings(name="Ana", country="GB", default_weight_kg=72.0))
        store.bulk_add(
            [domain.MoodEntry(dt.date(2026, 11, 9), 4, 6, 7.5, "slept badly")],
            [
                domain.Session(
                    started_at=AT,
                    route=domain.Route.IV,
                    dose_mg=36.0,
                    duration_min=40,
                    vitals=(
                        domain.VitalReading(domain.VitalLabel.PRE, 128, 82, 70, 98, taken_at=AT),
                        domain.VitalReading(domain.VitalLabel.DISCHARGE, 131, 84),
                    ),
                    side_effects=(
                        domain.SideEffectRating("dizziness", domain.Severity.MODERATE, 10, 45),
                        domain.SideEffectRating("nausea", domain.Severity.NONE),
                    ),
                ),
                domain.Session(
                    started_at=AT + dt.timedelta(days=3),
                    route=domain.Route.INTRANASAL,
                    dose_mg_per_kg=0.5,
                ),
            ],
            [
                domain.CheckIn(
                    domain.CheckinKind.PHQ9, dt.date(2026, 11, 8), (1, 2, 0, 1, 0, 0, 1, 0, 1)
                )
            ],
        )


def test_the_documented_mappings(cli, tmp_path: Path, db_path: Path) -> None:
    _small_diary(db_path)
    bundle = _export(cli, db_path, tmp_path / "b.json")
    _validate(bundle)
    resources = _by_url(bundle)
    patient = next(r for r in resources.values() if r["resourceType"] == "Patient")
    assert set(patient) == {"resourceType", "id", "meta", "name", "address"}
    assert (patient["name"], patient["address"]) == ([{"text": "Ana"}], [{"country": "GB"}])
    me = {"reference": f"urn:uuid:{patient['id']}"}

    response = next(r for r in resources.values() if r["resourceType"] == "QuestionnaireResponse")
    assert [i["answer"] for i in response["item"]] == [
        [{"valueInteger": a}] for a in (1, 2, 0, 1, 0, 0, 1, 0, 1)
    ]
    assert response["authored"] == "2026-11-08"
    observations = [r for r in resources.values() if r["resourceType"] == "Observation"]
    total = next(o for o in observations if _codes(o) == ["44261-6"])
    panel = next(o for o in observations if _codes(o) == ["44249-1"])
    response_url = f"urn:uuid:{response['id']}"
    assert total["valueQuantity"] == {
        "value": 6,
        "unit": "{score}",
        "system": "http://unitsofmeasure.org",
        "code": "{score}",
    }
    assert total["derivedFrom"] == panel["derivedFrom"] == [{"reference": response_url}]
    assert panel["hasMember"] == [{"reference": f"urn:uuid:{total['id']}"}]
    assert total["category"][0]["coding"][0]["code"] == "survey"

    pre = next(
        o for o in observations if _codes(o) == ["85354-9"] and "T" in o["effectiveDateTime"]
    )
    assert pre["effectiveDateTime"] == "2026-11-10T09:00:00+00:00"
    assert pre["category"][0]["coding"][0]["code"] == "vital-signs"
    assert [
        (c["code"]["coding"][0]["code"], c["valueQuantity"]["value"], c["valueQuantity"]["code"])
        for c in pre["component"]
    ] == [
        ("8480-6", 128, "mm[Hg]"),
        ("8462-4", 82, "mm[Hg]"),
    ]
    discharge = next(o for o in observations if _codes(o) == ["85354-9"] and o is not pre)
    assert discharge["effectiveDateTime"] == "2026-11-10"  # its time was not recorded
    assert discharge["note"] == [{"text": "discharge (time not recorded)"}]
    heart = next(o for o in observations if _codes(o) == ["8867-4"])
    oxygen = next(o for o in observations if _codes(o) == ["59408-5"])
    assert (heart["valueQuantity"]["value"], heart["valueQuantity"]["code"]) == (70, "/min")
    assert (oxygen["valueQuantity"]["value"], oxygen["valueQuantity"]["code"]) == (98, "%")

    iv, nasal = (r for r in resources.values() if r["resourceType"] == "MedicationStatement")
    assert iv["medicationCodeableConcept"] == {"text": "ketamine"}
    assert nasal["medicationCodeableConcept"] == {"text": "esketamine"}
    assert iv["informationSource"] == me and iv["subject"] == me
    assert iv["effectivePeriod"] == {
        "start": "2026-11-10T09:00:00+00:00",
        "end": "2026-11-10T09:40:00+00:00",
    }
    assert iv["dosage"][0]["route"]["coding"][0]["code"] == "47625008"
    assert nasal["dosage"][0]["route"]["coding"][0]["code"] == "46713006"
    assert iv["dosage"][0]["doseAndRate"][0]["doseQuantity"]["code"] == "mg"
    assert nasal["dosage"][0]["doseAndRate"][0]["doseQuantity"] == {
        "value": 0.5,
        "unit": "mg/kg",
        "system": "http://unitsofmeasure.org",
        "code": "mg/kg",
    }

    effects = {
        o["code"]["text"]: o for o in observations if o["code"]["text"].startswith("side effect")
    }
    dizzy = effects["side effect: Dizziness"]
    assert dizzy["partOf"] == [{"reference": f"urn:uuid:{iv['id']}"}]
    assert dizzy["effectiveDateTime"] == "2026-11-10T09:10:00+00:00"  # onset 10 min in
    assert [c["code"] for c in dizzy["valueCodeableConcept"]["coding"]] == ["6736007", "2"]
    assert effects["side effect: Nausea"]["valueCodeableConcept"]["coding"] == [
        {"system": "urn:ketamine-diary:severity", "code": "0", "display": "none"}
    ]
    assert "coding" not in dizzy["code"]  # a symptom by name: no code verified for it

    mood = next(o for o in observations if o["code"]["text"].startswith("self-rated mood"))
    assert (mood["valueInteger"], mood["effectiveDateTime"], mood["note"]) == (
        4,
        "2026-11-09",
        [{"text": "slept badly"}],
    )
    for observation in observations:
        assert observation["subject"] == me and observation["performer"] == [me]


def test_a_range_holds_only_its_days(cli, tmp_path: Path, db_path: Path) -> None:
    _small_diary(db_path)
    bundle = _export(
        cli, db_path, tmp_path / "r.json", "--since", "2026-11-10", "--until", "2026-11-12"
    )
    kinds = _validate(bundle)
    assert kinds == Counter({"Patient": 1, "MedicationStatement": 1, "Observation": 6})


def test_no_settings_no_names(cli, tmp_path: Path, db_path: Path) -> None:
    cli("mood", "5")
    bundle = _export(cli, db_path, tmp_path / "n.json")
    patient = bundle["entry"][0]["resource"]
    assert set(patient) == {"resourceType", "id", "meta"}


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("--since", "2026-11-30", "--until", "2026-11-01"), 2, "--since"),
        (("-o", "/no/such/folder/x.json"), 2, "a file in an existing folder"),
    ],
)
def test_bad_input_refused(cli, tmp_path: Path, db_path: Path, args, code, message) -> None:
    cli("mood", "5")
    target = ("-o", str(tmp_path / "x.json")) if "-o" not in args else ()
    result = cli("export", "fhir", *target, *args)
    assert result.code == code and message in result.err
    assert not (tmp_path / "x.json").exists()


def test_no_diary_refused(cli, tmp_path: Path, db_path: Path) -> None:
    result = cli("export", "fhir", "-o", str(tmp_path / "x.json"))
    assert result.code == 1 and "no diary at" in result.err
    assert not db_path.exists()


# --- any diary: every resource still validates -----------------------------------------------

ZONES = st.sampled_from(
    [dt.UTC, dt.timezone(dt.timedelta(hours=-5)), dt.timezone(dt.timedelta(hours=5, minutes=30))]
)
moments = st.builds(
    lambda day, minutes, zone: (
        dt.datetime.combine(day, dt.time(), zone) + dt.timedelta(minutes=minutes)
    ),
    st.dates(dt.date(2020, 1, 1), dt.date(2026, 11, 20)),
    st.integers(0, 1439),
    ZONES,
)
texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20)
vitals = st.builds(
    domain.VitalReading,
    label=st.sampled_from(list(domain.VitalLabel)),
    systolic=st.integers(50, 300),
    diastolic=st.integers(30, 200),
    heart_rate=st.none() | st.integers(20, 250),
    spo2=st.none() | st.integers(50, 100),
    taken_at=st.none() | moments,
)
ratings = st.lists(
    st.builds(
        domain.SideEffectRating,
        symptom=st.sampled_from([s.key for s in domain.BUILTIN_SYMPTOMS] + ["custom"]),
        severity=st.sampled_from(list(domain.Severity)),
        onset_min=st.none() | st.integers(0, 600),
        duration_min=st.none() | st.integers(0, 1440),
        note=texts,
    ),
    max_size=4,
    unique_by=lambda r: r.symptom,
)
sessions = st.builds(
    domain.Session,
    started_at=moments,
    route=st.sampled_from(list(domain.Route)),
    dose_mg=st.none() | st.floats(0.5, 1000),
    dose_mg_per_kg=st.none() | st.floats(0.05, 20),
    weight_kg=st.none() | st.floats(20, 400),
    duration_min=st.none() | st.integers(0, 1440),
    phase=st.none() | st.sampled_from(list(domain.Phase)),
    clinic=texts,
    note=texts,
    vitals=st.lists(vitals, max_size=3).map(tuple),
    side_effects=ratings.map(tuple),
    id=st.none() | st.integers(1, 10**6),
)
moods = st.builds(
    domain.MoodEntry,
    day=st.dates(dt.date(2020, 1, 1), dt.date(2026, 11, 20)),
    mood=st.integers(0, 10),
    anxiety=st.none() | st.integers(0, 10),
    sleep_hours=st.none() | st.floats(0, 24).map(lambda h: round(h, 1)),
    note=texts,
)
checkins = st.one_of(
    st.builds(
        domain.CheckIn,
        kind=st.just(domain.CheckinKind.PHQ9),
        day=st.dates(dt.date(2020, 1, 1), dt.date(2026, 11, 20)),
        answers=st.lists(st.integers(0, 3), min_size=9, max_size=9).map(tuple),
    ),
    st.builds(
        domain.CheckIn,
        kind=st.just(domain.CheckinKind.GAD7),
        day=st.dates(dt.date(2020, 1, 1), dt.date(2026, 11, 20)),
        answers=st.lists(st.integers(0, 3), min_size=7, max_size=7).map(tuple),
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    name=texts,
    country=st.sampled_from(["", "GB", "US"]),
    mood_list=st.lists(moods, max_size=4, unique_by=lambda m: m.day),
    session_list=st.lists(sessions, max_size=3, unique_by=lambda s: s.id),
    standalone=st.lists(vitals, max_size=2),
    checkin_list=st.lists(checkins, max_size=3),
)
def test_any_diary_validates(name, country, mood_list, session_list, standalone, checkin_list):
    bundle = fhir_bundle(
        settings=domain.Settings(name=name, country=country),
        moods=mood_list,
        sessions=session_list,
        standalone=standalone,
        checkins=checkin_list,
        symptoms=list(domain.BUILTIN_SYMPTOMS),
        numbers={},
        made=dt.datetime(2026, 11, 20, 12, tzinfo=dt.UTC),
    )
    json.loads(json.dumps(bundle))  # plain JSON all the way down
    kinds = _validate(bundle)
    assert kinds["QuestionnaireResponse"] == len(checkin_list)
    assert kinds["MedicationStatement"] == len(session_list)
    urls = [e["fullUrl"] for e in bundle["entry"]]
    assert len(urls) == len(set(urls))  # every id once
