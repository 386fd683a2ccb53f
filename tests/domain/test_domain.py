"""The domain rules: every validation with its exact message, bands, doses and references."""

from __future__ import annotations

import datetime as dt

import pytest

from diary import domain
from diary.domain import validation as check
from diary.domain.pressure import BPFlag, reading_flags
from diary.domain.questionnaires import GAD7, PHQ9, questionnaire

TODAY = dt.date(2026, 11, 20)
NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
CATALOGUE = list(domain.BUILTIN_SYMPTOMS)
KNOWN_SYMPTOMS = (
    "dizziness, nausea, vomiting, dissociation, blurred_vision, high_blood_pressure, "
    "anxiety, confusion, floating_sensation, hallucinations, grogginess"
)
DAY_ACCEPTED = "an ISO date (YYYY-MM-DD), 'today' or 'yesterday', at most one day ahead"
BP_ACCEPTED = "SYS/DIA like 128/82, systolic 50-300, diastolic 30-200, systolic above diastolic"


def refused(call, *args, **kwargs) -> str:
    """The message of the ValidationError the call raises."""
    with pytest.raises(domain.ValidationError) as caught:
        call(*args, **kwargs)
    return str(caught.value)


def session(**changes: object) -> domain.Session:
    values: dict[str, object] = {"started_at": NOW, "route": domain.Route.IV}
    values.update(changes)
    return domain.Session(**values)  # type: ignore[arg-type]


# --- mood ---------------------------------------------------------------------------------


@pytest.mark.parametrize("score", [0, 10, "0", "10", " 7 "])
def test_mood_edges_are_accepted(score: object) -> None:
    entry = check.check_mood(domain.MoodEntry(TODAY, score), TODAY)  # type: ignore[arg-type]
    assert entry.mood == int(str(score))


@pytest.mark.parametrize(
    ("score", "shown"),
    [(-1, "'-1'"), (11, "'11'"), ("11", "'11'"), ("7.5", "'7.5'"), ("", "''"), (True, "'True'")],
)
def test_mood_outside_0_to_10_is_refused(score: object, shown: str) -> None:
    message = refused(check.check_mood, domain.MoodEntry(TODAY, score), TODAY)  # type: ignore[arg-type]
    assert message == f"mood: {shown} is not accepted; expected a whole number 0-10"


def test_anxiety_and_sleep_ranges() -> None:
    ok = check.check_mood(domain.MoodEntry(TODAY, 5, anxiety=10, sleep_hours=24.0), TODAY)
    assert (ok.anxiety, ok.sleep_hours) == (10, 24.0)
    assert refused(check.check_mood, domain.MoodEntry(TODAY, 5, anxiety=11), TODAY) == (
        "anxiety: '11' is not accepted; expected a whole number 0-10"
    )
    assert refused(check.check_mood, domain.MoodEntry(TODAY, 5, sleep_hours=24.5), TODAY) == (
        "sleep: '24.5' is not accepted; expected a number 0-24"
    )
    assert refused(
        check.check_mood, domain.MoodEntry(TODAY, 5, sleep_hours=float("nan")), TODAY
    ) == ("sleep: 'nan' is not accepted; expected a number 0-24")


# --- severity -----------------------------------------------------------------------------


@pytest.mark.parametrize("severity", ["0", "3"])
def test_severity_edges_are_accepted(severity: str) -> None:
    rating = check.symptom_rating(f"nausea={severity}", CATALOGUE)
    assert rating == domain.SideEffectRating("nausea", domain.Severity(int(severity)))


@pytest.mark.parametrize("severity", ["-1", "4", "x", ""])
def test_severity_outside_0_to_3_is_refused(severity: str) -> None:
    assert refused(check.symptom_rating, f"nausea={severity}", CATALOGUE) == (
        f"severity of nausea: {severity!r} is not accepted; expected 0-3 or none, mild, "
        "moderate, severe"
    )


@pytest.mark.parametrize(("word", "level"), [("none", 0), ("Mild", 1), (" moderate", 2)])
def test_severity_words_are_accepted(word: str, level: int) -> None:
    assert check.symptom_rating(f"nausea={word}", CATALOGUE).severity == domain.Severity(level)


def test_severity_in_a_record_is_checked_too() -> None:
    bad = session(side_effects=(domain.SideEffectRating("nausea", 4),))  # type: ignore[arg-type]
    assert refused(check.check_session, bad, NOW, CATALOGUE) == (
        "severity of nausea: '4' is not accepted; expected a whole number 0-3"
    )


# --- blood pressure -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("128/82", (128, 82)),
        (" 128 / 82 ", (128, 82)),
        ("50/30", (50, 30)),
        ("300/200", (300, 200)),
        ("31/30", None),  # systolic under 50
        ("51/50", (51, 50)),
        ("91/90", (91, 90)),
    ],
)
def test_blood_pressure_parse(text: str, expected: tuple[int, int] | None) -> None:
    if expected is None:
        assert refused(check.blood_pressure, "--bp-pre", text) == (
            f"--bp-pre: {text!r} is not accepted; expected {BP_ACCEPTED}"
        )
    else:
        assert check.blood_pressure("--bp-pre", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "49/30",  # systolic below 50
        "301/80",  # systolic above 300
        "120/29",  # diastolic below 30
        "250/201",  # diastolic above 200
        "90/90",  # systolic not above diastolic
        "80/120",
        "2/0",
        "120",
        "120/80/70",
        "120-80",
        "",
        "abc/def",
        "1200/80",
        "-120/80",
    ],
)
def test_blood_pressure_refused(text: str) -> None:
    assert refused(check.blood_pressure, "--bp-40", text) == (
        f"--bp-40: {text!r} is not accepted; expected {BP_ACCEPTED}"
    )


def test_vital_in_a_record_needs_systolic_above_diastolic() -> None:
    bad = session(vitals=(domain.VitalReading(domain.VitalLabel.PRE, 80, 80),))
    assert refused(check.check_session, bad, NOW, CATALOGUE) == (
        "blood pressure pre-dose: '80/80' is not accepted; expected systolic above diastolic"
    )
    bad = session(vitals=(domain.VitalReading(domain.VitalLabel.FORTY, 301, 80),))
    assert refused(check.check_session, bad, NOW, CATALOGUE) == (
        "blood pressure at ~40 min systolic: '301' is not accepted; expected a whole number 50-300"
    )
    bad = session(
        vitals=(domain.VitalReading(domain.VitalLabel.DISCHARGE, 120, 80, heart_rate=19),)
    )
    assert refused(check.check_session, bad, NOW, CATALOGUE) == (
        "blood pressure at discharge heart rate: '19' is not accepted; "
        "expected a whole number 20-250"
    )


@pytest.mark.parametrize(
    ("systolic", "diastolic", "flags"),
    [
        (140, 90, ()),
        (141, 90, (BPFlag.ABOVE_PRE_DOSE,)),
        (140, 91, (BPFlag.ABOVE_PRE_DOSE,)),
        (139, 89, ()),
        (179, 119, (BPFlag.ABOVE_PRE_DOSE,)),
        (180, 60, (BPFlag.ABOVE_PRE_DOSE, BPFlag.VERY_HIGH)),
        (120, 120, (BPFlag.ABOVE_PRE_DOSE, BPFlag.VERY_HIGH)),
    ],
)
def test_pre_dose_reference_boundaries(systolic: int, diastolic: int, flags: tuple) -> None:
    assert reading_flags(domain.VitalReading(domain.VitalLabel.PRE, systolic, diastolic)) == flags


@pytest.mark.parametrize(
    ("label", "systolic", "diastolic", "flags"),
    [
        (domain.VitalLabel.FORTY, 160, 90, ()),  # 40 / 25 over the pre-dose 120/65: not more than
        (domain.VitalLabel.FORTY, 161, 90, (BPFlag.RISE,)),
        (domain.VitalLabel.DISCHARGE, 150, 91, (BPFlag.RISE,)),  # 26 over 65
        (domain.VitalLabel.OTHER, 141, 90, ()),  # 140/90 is the pre-dose guide only; 21/25 over
        (domain.VitalLabel.FORTY, 180, 70, (BPFlag.RISE, BPFlag.VERY_HIGH)),
        (domain.VitalLabel.FORTY, 150, 120, (BPFlag.RISE, BPFlag.VERY_HIGH)),
    ],
)
def test_rise_from_pre_dose_and_very_high(
    label: domain.VitalLabel, systolic: int, diastolic: int, flags: tuple
) -> None:
    pre = domain.VitalReading(domain.VitalLabel.PRE, 120, 65)
    assert reading_flags(domain.VitalReading(label, systolic, diastolic), pre) == flags
    # without a pre-dose reading there is no rise to measure
    alone = reading_flags(domain.VitalReading(label, systolic, diastolic))
    assert alone == tuple(f for f in flags if f != BPFlag.RISE)


def test_felt_high_blood_pressure_is_labelled_as_self_rated() -> None:
    (felt,) = [s for s in domain.BUILTIN_SYMPTOMS if s.key == "high_blood_pressure"]
    assert felt.label == "Felt high blood pressure (self-rated)"


# --- doses --------------------------------------------------------------------------------


@pytest.mark.parametrize("dose", ["0", "-5", "0.0", "1000.01", "1001", "nan", "inf", "1e3", "x"])
def test_dose_mg_refused(dose: str) -> None:
    assert refused(check.check_session, session(dose_mg=dose), NOW, CATALOGUE) == (
        f"dose in mg: {dose!r} is not accepted; expected a number above 0 and at most 1000"
    )


@pytest.mark.parametrize("dose", ["0.01", "1000", "35", 35.5])
def test_dose_mg_accepted(dose: object) -> None:
    saved = check.check_session(session(dose_mg=dose), NOW, CATALOGUE)
    assert saved.dose_mg == float(dose)  # type: ignore[arg-type]


@pytest.mark.parametrize("dose", ["0", "-0.5", "20.5", "nan"])
def test_dose_mg_per_kg_refused(dose: str) -> None:
    assert refused(check.check_session, session(dose_mg_per_kg=dose), NOW, CATALOGUE) == (
        f"dose in mg/kg: {dose!r} is not accepted; expected a number above 0 and at most 20"
    )


def test_weight_and_duration_refused() -> None:
    assert refused(check.check_session, session(weight_kg="19.9"), NOW, CATALOGUE) == (
        "weight in kg: '19.9' is not accepted; expected a number 20-400"
    )
    assert refused(check.check_session, session(duration_min="0"), NOW, CATALOGUE) == (
        "duration in minutes: '0' is not accepted; expected a whole number 1-1440"
    )


def test_total_mg() -> None:
    assert session(dose_mg=35.0).total_mg == 35.0
    assert session(dose_mg=35.0, dose_mg_per_kg=0.5, weight_kg=80.0).total_mg == 35.0
    assert session(dose_mg_per_kg=0.5, weight_kg=72.0).total_mg == 36.0
    assert session(dose_mg_per_kg=0.55, weight_kg=73.3).total_mg == 40.3  # 40.315 rounded
    assert session(dose_mg_per_kg=0.5).total_mg is None
    assert session().total_mg is None


def test_dose_text() -> None:
    assert session(dose_mg=35.0, dose_mg_per_kg=0.5).dose_text == "35 mg / 0.5 mg/kg"
    assert session(dose_mg_per_kg=0.75).dose_text == "0.75 mg/kg"
    assert session().dose_text == ""


# --- dates --------------------------------------------------------------------------------


def test_today_and_yesterday_words() -> None:
    assert check.day("date", "today", TODAY) == TODAY
    assert check.day("date", " Yesterday ", TODAY) == dt.date(2026, 11, 19)
    assert check.day("date", "2026-11-21", TODAY) == dt.date(2026, 11, 21)  # one day ahead


@pytest.mark.parametrize("value", ["2026-11-22", "2027-01-01", "tomorrow", "2026-02-30", "", "1"])
def test_day_refused(value: str) -> None:
    assert refused(check.day, "date", value, TODAY) == (
        f"date: {value!r} is not accepted; expected {DAY_ACCEPTED}"
    )


def test_mood_more_than_a_day_ahead_is_refused() -> None:
    entry = domain.MoodEntry(dt.date(2026, 11, 22), 5)
    assert refused(check.check_mood, entry, TODAY) == (
        f"date: '2026-11-22' is not accepted; expected {DAY_ACCEPTED}"
    )


def test_moment_words_and_limits() -> None:
    assert check.moment("--at", "now", NOW) == NOW
    at_noon = check.moment("--at", "yesterday", NOW)
    assert (at_noon.date(), at_noon.hour, at_noon.minute) == (dt.date(2026, 11, 19), 12, 0)
    late = check.moment("--at", "2026-11-21T23:59+00:00", NOW)
    assert late == dt.datetime(2026, 11, 21, 23, 59, tzinfo=dt.UTC)
    assert refused(check.moment, "--at", "2026-11-22 00:00", NOW) == (
        "--at: '2026-11-22 00:00' is not accepted; expected an ISO date and time "
        "(YYYY-MM-DD HH:MM), 'now', 'today' or 'yesterday', at most one day ahead"
    )


def test_session_more_than_a_day_ahead_is_refused() -> None:
    ahead = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
    message = refused(check.check_session, session(started_at=ahead), NOW, CATALOGUE)
    assert message.startswith("date and time: '2026-11-22T09:00:00+00:00' is not accepted")
    assert message.endswith("at most one day ahead")


# --- routes, phases, symptoms -------------------------------------------------------------


def test_routes_and_phases() -> None:
    assert check.route(" IV ") is domain.Route.IV
    assert check.route("sublingual") is domain.Route.SUBLINGUAL
    assert check.phase("Booster") is domain.Phase.BOOSTER
    assert refused(check.route, "nasal") == (
        "route: 'nasal' is not accepted; expected one of iv, im, intranasal, oral, sublingual, "
        "other"
    )
    assert refused(check.phase, "taper") == (
        "phase: 'taper' is not accepted; expected one of induction, maintenance, booster"
    )


def test_symptom_by_key_or_label_any_case() -> None:
    assert check.known_symptom("Blurred vision", CATALOGUE) == "blurred_vision"
    assert check.known_symptom("FLOATING-SENSATION", CATALOGUE) == "floating_sensation"
    assert check.known_symptom("grogginess", CATALOGUE) == "grogginess"


def test_unknown_symptom_lists_the_known_ones() -> None:
    assert refused(check.symptom_rating, "headache=2", CATALOGUE) == (
        f"symptom: 'headache' is not accepted; expected one of {KNOWN_SYMPTOMS}"
    )
    assert refused(check.symptom_rating, "headache", CATALOGUE) == (
        "symptom: 'headache' is not accepted; expected NAME=SEVERITY like dizziness=2"
    )


def test_builtin_catalogue_names_every_side_effect_of_the_design() -> None:
    assert ", ".join(s.key for s in domain.BUILTIN_SYMPTOMS) == KNOWN_SYMPTOMS
    assert all(s.builtin and not s.hidden for s in domain.BUILTIN_SYMPTOMS)
    assert dict((s.key, s.label) for s in domain.BUILTIN_SYMPTOMS)["grogginess"] == (
        "Grogginess / drowsiness"
    )


def test_a_symptom_once_per_session() -> None:
    twice = session(
        side_effects=(
            domain.SideEffectRating("nausea", domain.Severity.MILD),
            domain.SideEffectRating("Nausea", 2),
        )  # type: ignore[arg-type]
    )
    assert refused(check.check_session, twice, NOW, CATALOGUE) == (
        "symptom: 'nausea' is not accepted; expected each symptom once per session"
    )


def test_onset_and_duration_of_a_side_effect() -> None:
    ok = domain.SideEffectRating("nausea", domain.Severity.MILD, onset_min=0, duration_min=1440)
    assert check.check_session(session(side_effects=(ok,)), NOW, CATALOGUE).side_effects == (ok,)
    late = domain.SideEffectRating("nausea", domain.Severity.MILD, onset_min=1441)
    assert refused(check.check_session, session(side_effects=(late,)), NOW, CATALOGUE) == (
        "onset of nausea (minutes): '1441' is not accepted; expected a whole number 0-1440"
    )


def test_long_texts() -> None:
    assert refused(check.check_session, session(clinic="x" * 201), NOW, CATALOGUE) == (
        "clinic: '201 characters' is not accepted; expected at most 200 characters"
    )
    assert check.text("note", "é" * 200_000) == "é" * 200_000
    assert refused(check.text, "note", "x" * 200_001) == (
        "note: '200001 characters' is not accepted; expected at most 200,000 characters"
    )


def test_long_values_are_shortened_in_the_message() -> None:
    value = "a" * 100 + "z" * 100  # both ends kept, so a long path keeps its file name
    assert refused(check.route, value) == (
        f"route: '{'a' * 57}...{'a' * 0}{'z' * 60}' is not accepted; expected one of iv, im, "
        "intranasal, oral, sublingual, other"
    )
    assert refused(check.route, "y" * 120).startswith(f"route: '{'y' * 120}' is not")


# --- questionnaires -----------------------------------------------------------------------


# Each scale's bands as printed, written once; both edges of every band are tested.
PHQ9_BANDS = {
    "minimal": "0-4",
    "mild": "5-9",
    "moderate": "10-14",
    "moderately severe": "15-19",
    "severe": "20-27",
}
GAD7_BANDS = {"minimal": "0-4", "mild": "5-9", "moderate": "10-14", "severe": "15-21"}
BAND_EDGES = [
    pytest.param(
        scale,
        int(total),
        band,
        f"{title} total {total} of {top}: {band} ({edges})",
        id=f"{title} {total}",
    )
    for scale, title, top, bands in (
        (PHQ9, "PHQ-9", 27, PHQ9_BANDS),
        (GAD7, "GAD-7", 21, GAD7_BANDS),
    )
    for band, edges in bands.items()
    for total in edges.split("-")
]


@pytest.mark.parametrize(("scale", "total", "band", "line"), BAND_EDGES)
def test_every_band_edge_named_and_printed(scale, total: int, band: str, line: str) -> None:
    assert scale.band(total) == band
    assert scale.result_line(total) == line


def test_totals_outside_a_scale() -> None:
    assert refused(PHQ9.band, 28) == "phq9 total: '28' is not accepted; expected 0-27"
    assert refused(GAD7.band, -1) == "gad7 total: '-1' is not accepted; expected 0-21"
    assert refused(GAD7.band, 22) == "gad7 total: '22' is not accepted; expected 0-21"


def test_checkin_answers() -> None:
    ok = check.check_checkin(domain.CheckIn(domain.CheckinKind.PHQ9, TODAY, (3,) * 9), TODAY)
    assert (ok.total, PHQ9.result_line(ok.total)) == (27, "PHQ-9 total 27 of 27: severe (20-27)")
    short = domain.CheckIn(domain.CheckinKind.GAD7, TODAY, (1,) * 6)
    assert refused(check.check_checkin, short, TODAY) == (
        "GAD-7 answers: '6 answers' is not accepted; expected exactly 7, each 0-3"
    )
    high = domain.CheckIn(domain.CheckinKind.GAD7, TODAY, (0, 0, 0, 4, 0, 0, 0))
    assert refused(check.check_checkin, high, TODAY) == (
        "GAD-7 item 4: '4' is not accepted; expected a whole number 0-3"
    )
    assert refused(questionnaire, "bdi") == (
        "questionnaire: 'bdi' is not accepted; expected one of phq9, gad7"
    )
