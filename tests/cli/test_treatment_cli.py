"""The treatment record (issue 16) from the command line: each field and command through
the store, backup and restore, the CSV exports, the report, FHIR and the demo."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from fhir.resources.R4B import get_fhir_model_class

from diary.demo import generate
from diary.store import open_store
from tests.files.test_report import text_of

V1_BACKUP = Path(__file__).parents[1] / "data" / "v1" / "backup-v1.json"


@pytest.fixture
def treated(cli, db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A diary with every field and command of the treatment record used once (the morning
    after rated on the day after its session)."""
    steps = [
        ("med", "add", "sertraline", "--dose", "50", "--unit", "mg", "--schedule", "1 daily",
         "--since", "2026-09-01", "--class", "antidepressant"),
        ("med", "add", "lorazepam", "--dose", "0.5", "--unit", "mg", "--since", "2026-10-01",
         "--class", "benzodiazepine"),
        ("session", "add", "--route", "intranasal", "--at", "2026-11-10 09:00", "--devices", "2",
         "--lot", "EK-42", "--observed-min", "120", "--ready-after-min", "95",
         "--clinic-noted", "sedation=yes", "--clinic-noted", "dissociation=no",
         "--clinic-noted", "breathing=not told", "--home-with", "partner",
         "--symptom", "grogginess=2", "--symptom", "dizziness=1"),
        ("after", "--symptom", "grogginess=1", "--symptom", "dizziness=0", "--note", "slow start"),
        ("med", "stop", "lorazepam", "--on", "2026-11-12"),
        ("med", "change", "sertraline", "--dose", "100", "--on", "2026-11-15"),
        ("session", "add", "--route", "intranasal", "--at", "2026-11-17 09:00", "--devices", "3"),
    ]  # fmt: skip
    for args in steps:
        with monkeypatch.context() as on_the_day:
            if args[0] == "after":
                on_the_day.setenv("DIARY_TODAY", "2026-11-11")
            result = cli(*args)
        assert result.code == 0, (args, result.err)
    return db_path


def test_session_add_works_the_dose_out_from_the_devices(cli, treated: Path) -> None:
    with open_store(treated) as store:
        first, second = store.sessions_between()
    assert (first.devices, first.dose_mg, second.devices, second.dose_mg) == (2, 56.0, 3, 84.0)
    assert [m.name for m in first.rems_medicines] == ["lorazepam"]  # current on Nov 10
    assert second.rems_medicines == ()  # stopped on Nov 12
    result = cli("session", "edit", str(first.id), "--devices", "3", "--home-with", "")
    assert result.code == 0, result.err
    with open_store(treated) as store:
        edited = store.session(first.id or 0)
    assert (edited.devices, edited.dose_mg, edited.home_with, edited.lot) == (3, 84.0, "", "EK-42")


def test_session_show_and_med_list(cli, treated: Path) -> None:
    shown = cli("session", "show", "1").out
    for line in (
        "  Nasal spray 56 mg (2 device(s))",
        "  lot: EK-42",
        "  observed: 120 min",
        "  ready to leave after: 95 min",
        "  home with: partner",
        "  clinic noted: sedation yes, dissociation no, breathing not told",
        "  REMS-class medicines that day: lorazepam 0.5 mg (benzodiazepine)",
        "  morning after (2026-11-11 12:00): grogginess / drowsiness mild, dizziness none",
        "    slow start",
    ):
        assert line + "\n" in shown
    listing = cli("med", "list", "--on", "2026-11-11").out
    assert listing.startswith(
        "Taken on 2026-11-11:\n"
        "  lorazepam 0.5 mg (benzodiazepine), since 2026-10-01\n"
        "  sertraline 50 mg, 1 daily (antidepressant), since 2026-09-01\n"
    )
    assert "  2026-11-15  change  sertraline (antidepressant) 100 mg, 1 daily\n" in listing


def test_session_show_gives_pulse_oxygen_weight_and_each_side_effects_timing() -> None:
    from diary.cli.session_show import session_lines
    from diary.domain import Route, SideEffectRating, VitalLabel, VitalReading
    from diary.domain.model import Session, Severity

    session = Session(
        dt.datetime(2026, 11, 10, 9, 0),
        Route.IV,
        dose_mg_per_kg=0.5,
        weight_kg=72.5,
        duration_min=40,
        vitals=(VitalReading(VitalLabel.PRE, 128, 82, heart_rate=71, spo2=97),),
        side_effects=(
            SideEffectRating("nausea", Severity.MODERATE, onset_min=15, duration_min=30, note="x"),
            SideEffectRating("dizziness", Severity.NONE),
        ),
        id=3,
    )
    lines = session_lines(session, 2, None, {"nausea": "Nausea", "dizziness": "Dizziness"})
    for line in (
        "  weight: 72.5 kg",
        "  lasted: 40 min",
        "  BP pre-dose: 128/82, HR 71, SpO2 97%",
        "  Nausea: moderate, began at 15 min, lasted 30 min, x",
        "  Dizziness: none",
    ):
        assert line in lines


def _tables(path: Path) -> dict:
    with open_store(path) as store:
        return store.table_rows()


def test_backup_and_restore_carry_everything(cli, treated: Path, tmp_path: Path) -> None:
    backup = tmp_path / "b.json"
    assert cli("backup", "-o", str(backup)).code == 0
    document = json.loads(backup.read_text(encoding="utf-8"))
    assert document["format_version"] == 2
    assert len(document["tables"]["medicine_events"]) == 4
    assert document["tables"]["sessions"][0]["lot"] == "EK-42"
    assert "session_medicines" not in document["tables"]  # worked out again on restore
    restored = tmp_path / "restored.db"
    result = cli("restore", "--db", str(restored), str(backup))
    assert result.code == 0, result.err
    assert "4 medicine events" in result.out and "1 morning-after rating" in result.out
    assert _tables(restored) == _tables(treated)
    # merging it into the diary it came from adds nothing
    merged = cli("restore", "--merge", str(backup))
    assert merged.code == 0, merged.err
    assert _tables(treated) == _tables(restored)


def test_a_format_1_backup_written_by_the_version_1_code_restores(cli, tmp_path: Path) -> None:
    assert json.loads(V1_BACKUP.read_text())["format_version"] == 1
    copy = tmp_path / "backup-v1.json"
    shutil.copyfile(V1_BACKUP, copy)
    target = tmp_path / "from-v1.db"
    result = cli("restore", "--db", str(target), str(copy))
    assert result.code == 0, result.err
    with open_store(target) as store:
        sessions = store.sessions_between()
        assert store.medicine_events() == [] and store.mornings_between() == []
    assert [s.clinic for s in sessions] == ["North clinic", ""]
    assert {s.noted("breathing").value for s in sessions} == {"not told"}


def test_a_format_1_backup_with_a_format_2_table_is_refused(cli, tmp_path: Path) -> None:
    document = json.loads(V1_BACKUP.read_text())
    document["tables"]["medicine_events"] = []
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document))
    result = cli("restore", "--db", str(tmp_path / "x.db"), str(bad))
    assert result.code == 2
    assert "unknown table 'medicine_events' (format_version 1 has none)" in result.err
    assert not (tmp_path / "x.db").exists()


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_csv_exports_carry_the_clinic_record_medicines_and_mornings(cli, treated: Path) -> None:
    sessions = _csv(cli("export", "csv", "--sessions", "-o", "-", "--since", "2026-11-01").out)
    first = sessions[0]
    assert {k: first[k] for k in ("devices", "lot", "observed_min", "ready_after_min")} == {
        "devices": "2",
        "lot": "EK-42",
        "observed_min": "120",
        "ready_after_min": "95",
    }
    assert (first["clinic_noted_sedation"], first["clinic_noted_breathing"]) == ("yes", "not told")
    assert first["home_with"] == "partner"
    assert first["rems_medicines"] == "lorazepam 0.5 mg (benzodiazepine)"
    assert (first["morning_grogginess"], first["morning_dizziness"], first["morning_nausea"]) == (
        "1",
        "0",
        "",
    )
    assert (
        first["morning_rated_at"] == "2026-11-11 12:00" and first["morning_note"] == "slow start"
    )
    days = {r["date"]: r for r in _csv(cli("export", "csv", "-o", "-").out)}
    assert days["2026-11-11"]["medicines"] == (
        "lorazepam 0.5 mg (benzodiazepine); sertraline 50 mg, 1 daily (antidepressant)"
    )
    assert days["2026-11-16"]["medicines"] == "sertraline 100 mg, 1 daily (antidepressant)"


def test_the_report_shows_the_medicines_the_clinic_record_and_the_next_morning(
    cli, treated: Path
) -> None:
    for fmt in ("md", "html"):
        text = cli("report", "--format", fmt, "-o", "-").out
        assert "Medicines" in text
        for words in (
            "sertraline 100 mg, 1 daily (antidepressant), since 2026-11-15 (started 2026-09-01)",
            "2026-11-12: stopped lorazepam (benzodiazepine)",
            "2026-11-15: changed sertraline (antidepressant), 100 mg, 1 daily",
            "2026-11-10 #1: 2 nasal device(s); lot EK-42; observed 120 min; ready to leave "
            "after 95 min; clinic noted sedation yes, dissociation no; home with partner; "
            "taking lorazepam 0.5 mg (benzodiazepine)",
            "Grogginess / drowsiness: next morning in 1 of 1 sessions",
            "Dizziness: next morning in 0 of 1 sessions",
        ):
            assert words in " ".join(text.split()), (fmt, words)


def test_a_dose_changed_before_the_range_is_not_dated_from_the_start(
    cli, db_path: Path, tmp_path: Path
) -> None:
    # sertraline 100 mg from 2025-03-26, 150 mg from 2026-04-28: the default 90-day report
    # (Aug 23 - Nov 20) holds neither event, and "150 mg ... since 2025-03-26" would say
    # 150 mg was taken for 20 months; the dose is dated by the change that set it
    for args in (
        ("med", "add", "sertraline", "--dose", "100", "--unit", "mg", "--schedule", "1 daily",
         "--since", "2025-03-26", "--class", "antidepressant"),
        ("med", "change", "sertraline", "--dose", "150", "--on", "2026-04-28"),
        ("med", "add", "zopiclone", "--dose", "3.75", "--unit", "mg", "--since", "2026-08-21",
         "--class", "sedative"),
        ("mood", "6", "--date", "2026-11-19"),
    ):  # fmt: skip
        assert cli(*args).code == 0, args
    sertraline = "sertraline 150 mg, 1 daily (antidepressant), since 2026-04-28"
    zopiclone = "zopiclone 3.75 mg (other sedative or sleep medicine), since 2026-08-21"
    for fmt in ("md", "html", "pdf"):
        target = tmp_path / f"r.{fmt}"
        assert cli("report", "-o", str(target)).code == 0
        text = " ".join(text_of(target).split())
        started = "" if fmt == "pdf" else " (started 2025-03-26)"  # the PDF's narrow column
        assert f"{sertraline}{started}" in text, fmt
        assert zopiclone in text, fmt
        assert "1 daily (antidepressant), since 2025-03-26" not in text, fmt
    listing = cli("med", "list").out
    assert f"  {sertraline} (started 2025-03-26)\n  {zopiclone}\n" in listing


def test_stats_give_the_next_morning(cli, treated: Path) -> None:
    data = json.loads(cli("stats", "--json").out)
    assert data["next_morning"] == [
        {"key": "dizziness", "label": "Dizziness", "still_there": 0, "rated": 1},
        {"key": "grogginess", "label": "Grogginess / drowsiness", "still_there": 1, "rated": 1},
    ]
    assert "Grogginess / drowsiness: next morning in 1 of 1 sessions" in cli("stats").out


def test_a_morning_after_rated_days_later_is_kept_but_not_a_next_morning(
    cli, treated: Path
) -> None:
    # the session of Nov 17 rated today, Nov 20: three days on, not the day after
    rated = cli("after", "--symptom", "grogginess=2")
    assert rated.code == 0
    assert "Rated on 2026-11-20, not the day after the session's (2026-11-18)" in rated.out
    assert "morning after (2026-11-20 12:00): grogginess / drowsiness moderate" in (
        cli("session", "show", "2").out
    )
    data = json.loads(cli("stats", "--json").out)  # still only the Nov 10 session's morning
    assert {m["key"]: m["rated"] for m in data["next_morning"]} == {
        "dizziness": 1,
        "grogginess": 1,
    }


def test_fhir_gives_the_medicines_as_medication_statements(
    cli, treated: Path, tmp_path: Path
) -> None:
    out = tmp_path / "f.json"
    assert cli("export", "fhir", "-o", str(out)).code == 0
    bundle = json.loads(out.read_text(encoding="utf-8"))
    for entry in bundle["entry"]:
        get_fhir_model_class(entry["resource"]["resourceType"]).model_validate(entry["resource"])
    get_fhir_model_class("Bundle").model_validate(bundle)
    statements = {
        (r["medicationCodeableConcept"]["text"], r["status"]): r
        for e in bundle["entry"]
        if (r := e["resource"])["resourceType"] == "MedicationStatement"
    }
    assert set(statements) == {
        ("esketamine", "completed"),  # the two sessions
        ("sertraline", "completed"),  # 50 mg, until the change
        ("sertraline", "active"),  # 100 mg
        ("lorazepam", "stopped"),
    }
    lorazepam = statements["lorazepam", "stopped"]
    assert lorazepam["effectivePeriod"] == {"start": "2026-10-01", "end": "2026-11-11"}
    assert lorazepam["note"] == [{"text": "class: benzodiazepine; recorded as a start"}]
    session_notes = [
        r["note"][0]["text"]
        for e in bundle["entry"]
        if (r := e["resource"])["resourceType"] == "MedicationStatement"
        and r["medicationCodeableConcept"]["text"] == "esketamine"
    ]
    assert any("lot EK-42" in n and "clinic noted sedation yes" in n for n in session_notes)
    mornings = [
        r
        for e in bundle["entry"]
        if "morning after" in (r := e["resource"]).get("code", {}).get("text", "")
    ]
    assert len(mornings) == 2 and all(r["partOf"] for r in mornings)


def test_the_demo_has_a_medicine_history_and_mornings_that_ease() -> None:
    import datetime as dt

    end = dt.date(2026, 11, 20)
    data = generate(end, years=1.0, seed=7)
    assert data == generate(end, years=1.0, seed=7)  # deterministic with the seed
    names = [(e.name, e.change.value) for e in data.medicine_events]
    assert ("sertraline", "start") in names and ("sertraline", "change") in names
    assert ("lorazepam", "stop") in names
    stop = next(e.day for e in data.medicine_events if e.name == "lorazepam")
    first_session = data.sessions[0].day
    lorazepam_stop = [e.day for e in data.medicine_events if e.name == "lorazepam"][-1]
    assert stop < lorazepam_stop < first_session  # stopped before induction
    sertraline_start = data.medicine_events[0].day
    assert sertraline_start < min(m.day for m in data.moods)  # throughout
    levels = [
        (morning.session_id, sum(int(r.severity) for r in morning.ratings) / len(morning.ratings))
        for morning in data.mornings
    ]
    half = len(levels) // 2
    early = sum(v for _, v in levels[:half]) / half
    late = sum(v for _, v in levels[half:]) / (len(levels) - half)
    assert early > late  # the mornings after ease with time
    assert len(data.mornings) > len(data.sessions) / 2


def test_a_demo_year_still_gives_a_one_page_90_day_pdf(cli, tmp_path: Path) -> None:
    from pypdf import PdfReader

    db = tmp_path / "demo.db"
    assert cli("demo", "--no-open", f"--db={db}", "--years", "1").code == 0
    out = tmp_path / "r.pdf"
    assert cli("report", f"--db={db}", "-o", str(out)).code == 0
    pages = PdfReader(out).pages
    assert len(pages) == 1
    text = " ".join((pages[0].extract_text() or "").split())
    for words in ("Medicines", "Taken on 2026-11-20: sertraline 150 mg", "The morning after"):
        assert words in text


def test_a_medicine_name_matches_however_its_accent_was_typed(cli) -> None:
    composed, decomposed = "caf\u00e9ine", "cafe\u0301ine"  # both show as caféine
    assert cli("med", "add", composed, "--dose", "5", "--unit", "mg").code == 0
    changed = cli("med", "change", decomposed.upper(), "--dose", "10")
    assert (changed.code, changed.err) == (0, "")
    assert cli("med", "add", decomposed, "--dose", "5", "--unit", "mg").code == 2  # taken
    stopped = cli("med", "stop", decomposed)
    assert (stopped.code, stopped.err) == (0, "")
    assert cli("med", "list").out.startswith("No medicine recorded on 2026-11-20.")
