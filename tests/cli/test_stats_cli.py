"""`diary stats` on a history typed in with the `diary` command; answers worked by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import diary.analysis
from tests.stats_json import NO_MOOD

# Today is 2026-11-20 (conftest). The history (- = not logged):
#
#   Oct 20  session #1: iv 35 mg, BP pre 150/95, vomiting 3        (before every range below)
#   Oct 30  3     Oct 31  -
#   Nov  1  4     Nov  2  4  session #2: iv 35 mg, BP 128/82, 142/88, 130/84;
#                            nausea 2, dizziness 2, dissociation 1
#   Nov  3  6     Nov  4  -     Nov  5  7     Nov  6  4     Nov  7  5
#   Nov  8  -  session #3: im 0.5 mg/kg x 70 kg = 35 mg, BP pre 138/92; nausea 1, anxiety 0
#   Nov  9  8  session #4: intranasal 56 mg, BP pre 140/90 (at the reference, not above)
#   Nov 10  7     Nov 11  -     Nov 12  6     Nov 13  5     Nov 14  6
#   Nov 15..19 -  Nov 20  4
MOODS = {
    "2026-10-30": 3,
    "2026-11-01": 4,
    "2026-11-02": 4,
    "2026-11-03": 6,
    "2026-11-05": 7,
    "2026-11-06": 4,
    "2026-11-07": 5,
    "2026-11-09": 8,
    "2026-11-10": 7,
    "2026-11-12": 6,
    "2026-11-13": 5,
    "2026-11-14": 6,
    "2026-11-20": 4,
}
SESSIONS = (  # --at, then the other options
    ("2026-10-20 10:00", "--route iv --dose-mg 35 --bp-pre 150/95 --symptom vomiting=3"),
    (
        "2026-11-02 10:00",
        "--route iv --dose-mg 35 --bp-pre 128/82 --bp-40 142/88 --bp-discharge 130/84 "
        "--symptom nausea=2 --symptom dizziness=2 --symptom dissociation=1",
    ),
    (
        "2026-11-08 09:30",
        "--route im --dose-mg-per-kg 0.5 --weight-kg 70 --bp-pre 138/92 "
        "--symptom nausea=1 --symptom anxiety=0",
    ),
    ("2026-11-09 14:00", "--route intranasal --dose-mg 56 --bp-pre 140/90"),
)

SESSION_2 = {
    "date": "2026-11-02",
    "number": 2,
    "route": "iv",
    "phase": None,
    "dose_mg": 35.0,
    "dose_mg_per_kg": None,  # no weight given
    "gap_days": 13,  # Oct 20 to Nov 2
    "same_day_as": None,
    "baseline": 3.5,  # Oct 30..Nov 1: (3 + 4) / 2, Oct 31 not logged
    "after": 6.5,  # Nov 3..5: (6 + 7) / 2
    "change": 3.0,
    # Nov 3 (6), Nov 4 unlogged but Nov 5 (7) above 3.5, Nov 6 (4), Nov 7 (5): all above;
    # the next session is on Nov 8, so Nov 7 is the last day that can count; Nov 3, 5, 6
    # and 7 are logged
    "days_above_baseline": 5,
    "logged_days": 4,
    "ended_by": "next session",
    "burden": 5,  # 2 + 2 + 1
    "worst_symptom": "dizziness",  # ties with nausea at 2; dizziness is first in the catalogue
}
SESSION_3 = {
    "date": "2026-11-08",
    "number": 3,
    "route": "im",
    "phase": None,
    "dose_mg": 35.0,  # 0.5 mg/kg x 70 kg
    "dose_mg_per_kg": 0.5,
    "gap_days": 6,
    "same_day_as": None,
    "baseline": 5.33,  # Nov 5..7: (7 + 4 + 5) / 3 = 16/3
    "after": None,  # Nov 9..11 would be #4's: the window stops before Nov 9, leaving none
    "change": None,
    "days_above_baseline": 0,  # the next session is the next day
    "logged_days": 0,
    "ended_by": "next session",
    "burden": 1,
    "worst_symptom": "nausea",
}
SESSION_4 = {
    "date": "2026-11-09",
    "number": 4,
    "route": "intranasal",
    "phase": None,
    "dose_mg": 56.0,
    "dose_mg_per_kg": None,
    "gap_days": 1,
    "same_day_as": None,
    "baseline": 4.5,  # Nov 6..8: (4 + 5) / 2
    "after": 6.5,  # Nov 10..12: (7 + 6) / 2
    "change": 2.0,
    # Nov 10 (7), 11 unlogged, 12 (6), 13 (5), 14 (6) above 4.5; Nov 15..19 unlogged and the
    # next logged day, Nov 20 (4), is not above: they do not count, and it stops there
    "days_above_baseline": 5,
    "logged_days": 4,  # Nov 10, 12, 13, 14
    "ended_by": "mood at or below baseline",
    "burden": 0,
    "worst_symptom": None,
}
PRE_REF = ["above pre-dose reference"]
# Nov 2's ~40 min 142/88 is 14/6 over its pre-dose 128/82: no rise, and 140/90 is the
# pre-dose guide only; Nov 8's pre-dose 138/92 is above it (92 > 90); Nov 9's 140/90 is not
BP_ABOVE = [
    {"date": "2026-11-08", "label": "pre", "systolic": 138, "diastolic": 92, "flags": PRE_REF},
]


def course(last: str | None, count: int, since: int | None) -> dict:
    """The treatment object: session #1 is on Oct 20 in these histories."""
    return {
        "first_session": "2026-10-20" if count else None,
        "sessions_so_far": count,
        "last_session": last,
        "days_since_last_session": since,
    }


NO_COURSE = course(None, 0, None)


@pytest.fixture
def history(cli) -> None:
    for date, score in MOODS.items():
        assert cli("mood", str(score), "--date", date).code == 0
    for at, options in SESSIONS:
        result = cli("session", "add", "--at", at, *options.split())
        assert result.code == 0, result.err


EMPTY_SCALE = ("baseline", "baseline_date", "baseline_source", "latest", "latest_date")
NO_CHECKINS = {
    "phq9": [],
    "gad7": [],
    **{f"phq9_{key}": None for key in (*EMPTY_SCALE, "change_pct")},
    "response": None,
    "remission": None,
    "not_assessed": "no PHQ-9 in range",
    **{f"gad7_{key}": None for key in (*EMPTY_SCALE, "change_pct")},
}


def stats_json(cli, *args: str) -> dict:
    """The stats object without its `checkins` key (these histories have no check-ins)."""
    result = cli("stats", "--json", *args)
    assert (result.code, result.err) == (0, "")
    data = json.loads(result.out)
    assert data.pop("checkins") == NO_CHECKINS
    return data


def test_stats_json_gains_the_checkins(cli) -> None:
    # PHQ-9 20 then 9: a fall of 55% (>= 50%: response), latest 9 is not below 5; Nov 1 to
    # Nov 15 is 14 days, so both are assessed. No session: the baseline is the first.
    assert (
        cli("checkin", "phq9", "--date", "2026-11-01", "--answers", "3,3,3,3,2,2,2,2,0").code == 0
    )
    assert (
        cli("checkin", "phq9", "--date", "2026-11-15", "--answers", "1,1,1,1,1,1,1,1,1").code == 0
    )
    assert cli("checkin", "gad7", "--date", "2026-11-15", "--answers", "0,1,0,1,0,1,0").code == 0
    result = cli("stats", "--json", "--since", "2026-11-01")
    assert result.code == 0
    assert json.loads(result.out)["checkins"] == {
        "phq9": [
            {"date": "2026-11-01", "total": 20, "band": "severe", "item9": 0},
            {"date": "2026-11-15", "total": 9, "band": "mild", "item9": 1},
        ],
        "gad7": [{"date": "2026-11-15", "total": 3, "band": "minimal"}],
        "phq9_baseline": 20,
        "phq9_baseline_date": "2026-11-01",
        "phq9_baseline_source": "first on record, no session recorded",
        "phq9_latest": 9,
        "phq9_latest_date": "2026-11-15",
        "phq9_change_pct": -55.0,
        "response": True,
        "remission": False,
        "not_assessed": None,
        "gad7_baseline": 3,
        "gad7_baseline_date": "2026-11-15",
        "gad7_baseline_source": "first on record, no session recorded",
        "gad7_latest": 3,
        "gad7_latest_date": "2026-11-15",
        "gad7_change_pct": None,  # one GAD-7: the latest is not after the baseline
    }
    human = cli("stats", "--since", "2026-11-01")
    assert "Check-ins (PHQ-9, GAD-7)" in human.out
    assert "response yes; remission no" in human.out


def test_stats_names_why_response_is_not_assessed(cli) -> None:
    # session #1 on Nov 5; PHQ-9 0 on Nov 2 (the baseline), 6 then 3 on Nov 19
    assert cli("session", "add", "--at", "2026-11-05 10:00", "--route", "iv").code == 0
    for day, answers in (
        ("2026-11-02", "0,0,0,0,0,0,0,0,0"),
        ("2026-11-19", "1,1,1,1,1,1,0,0,0"),
        ("2026-11-19", "1,1,1,0,0,0,0,0,0"),
    ):
        # a second one on a day is kept beside the first only when asked (--also)
        also = ["--also"] if day == "2026-11-19" else []
        assert cli("checkin", "phq9", "--date", day, "--answers", answers, *also).code == 0
    checkins = json.loads(cli("stats", "--json").out)["checkins"]
    assert checkins["phq9_baseline"] == 0
    assert checkins["phq9_baseline_source"] == "before session #1"
    assert checkins["phq9_latest"] == 3  # the last saved of Nov 19
    assert (checkins["response"], checkins["remission"]) == (None, None)
    assert checkins["not_assessed"] == "baseline below 10"
    human = cli("stats").out
    assert "needs two PHQ-9s" not in human
    assert "response and remission not assessed (baseline below 10)" in human
    assert "baseline 0 (2026-11-02, before session #1), latest 3 (2026-11-19)" in human
    # the two of Nov 19 are listed as saved: 6 before 3
    rows = [line.split() for line in human.splitlines() if line.startswith("2026-11-19")]
    assert [row[2] for row in rows] == ["6", "3"]


def test_stats_shows_the_crisis_resources_under_an_item_9_above_0_in_range(cli) -> None:
    # item 9 answered 1 on Nov 10, 0 on Nov 18: the panel follows a range holding Nov 10
    assert (
        cli("checkin", "phq9", "--date", "2026-11-10", "--answers", "1,1,1,1,1,1,1,1,1").code == 0
    )
    assert (
        cli("checkin", "phq9", "--date", "2026-11-18", "--answers", "2,2,2,2,2,2,2,2,0").code == 0
    )
    shown = cli("stats").out
    assert "Support is available" in shown
    assert "A PHQ-9 shown here has item 9 answered above 0." in shown
    assert "Numbers checked on 2026-11-23." in shown
    assert "Your answers are saved" not in shown  # this is a listing, not a save
    assert "Support is available" not in cli("stats", "--since", "2026-11-11").out
    assert "Support is available" not in cli("stats", "--json").out  # data for a program


def test_stats_json_default_range(cli, history) -> None:
    # the range: the first recorded day (Oct 20, session #1) to today (Nov 20): 32 days
    assert stats_json(cli) == {
        "days_in_range": 32,
        "days_logged": 13,
        "counted_from": "2026-10-20",
        "days_counted": 32,
        "treatment": course("2026-11-09", 4, 11),  # Nov 9 to Nov 20
        "mood": {
            "mean": 5.31,  # (3 + 4 + 4 + 6 + 7 + 4 + 5 + 8 + 7 + 6 + 5 + 6 + 4) / 13 = 69/13
            "min": 3,
            "max": 8,
            "first_14_mean": 3.67,  # Oct 20..Nov 2: (3 + 4 + 4) / 3
            "last_14_mean": 5.86,  # Nov 7..20: (5 + 8 + 7 + 6 + 5 + 6 + 4) / 7 = 41/7
            "anxiety_mean": None,  # none logged
            "sleep_hours_mean": None,
        },
        "sessions": [
            {
                "date": "2026-10-20",
                "number": 1,
                "route": "iv",
                "phase": None,
                "dose_mg": 35.0,
                "dose_mg_per_kg": None,
                "gap_days": None,  # the first session
                "same_day_as": None,
                "baseline": None,  # nothing logged Oct 17..19
                "after": None,  # nor Oct 21..23
                "change": None,
                "days_above_baseline": None,
                "logged_days": None,
                "ended_by": None,
                "burden": 3,
                "worst_symptom": "vomiting",
            },
            SESSION_2,
            SESSION_3,
            SESSION_4,
        ],
        # four sessions: early = #1, #2; recent = #3, #4. Anxiety (rated 0) was never felt.
        "symptoms": [
            symptom("dizziness", "Dizziness", 1, 0.5, 2, 1.0, 0.0),  # 0, 2, 0, 0
            symptom("nausea", "Nausea", 2, 0.75, 2, 1.0, 0.5),  # 0, 2, 1, 0
            symptom("vomiting", "Vomiting", 1, 0.75, 3, 1.5, 0.0),  # 3, 0, 0, 0
            symptom("dissociation", "Dissociation", 1, 0.25, 1, 0.5, 0.0),  # 0, 1, 0, 0
        ],
        "bp_flagged": [
            {
                "date": "2026-10-20",
                "label": "pre",
                "systolic": 150,
                "diastolic": 95,
                "flags": PRE_REF,
            },
            *BP_ABOVE,
        ],
        "next_morning": [],
    }


def symptom(key: str, label: str, affected: int, mean, worst: int, early, recent) -> dict:
    return {
        "key": key,
        "label": label,
        "sessions_affected": affected,
        "mean_severity": mean,
        "max_severity": worst,
        "early_mean": early,
        "recent_mean": recent,
        "median_minutes": None,  # no minutes typed in
    }


NOVEMBER = {
    "days_in_range": 20,  # Nov 1..20
    "days_logged": 12,
    "counted_from": "2026-11-01",  # the diary began before (Oct 20): the range's start
    "days_counted": 20,
    "treatment": course("2026-11-09", 4, 11),
    "mood": {
        "mean": 5.5,  # 66 / 12
        "min": 4,
        "max": 8,
        "first_14_mean": 5.64,  # Nov 1..14: 62 / 11 = 5.636...
        "last_14_mean": 5.86,  # Nov 7..20: 41 / 7
        "anxiety_mean": None,  # none logged
        "sleep_hours_mean": None,
    },
    # session #2's baseline reaches back before --since to Oct 30
    "sessions": [SESSION_2, SESSION_3, SESSION_4],
    # three sessions: early = #2, #3; recent = #3, #4 (ceil(3/2) = 2: #3 is in both)
    "symptoms": [
        symptom("dizziness", "Dizziness", 1, 0.67, 2, 1.0, 0.0),  # 2, 0, 0
        symptom("nausea", "Nausea", 2, 1.0, 2, 1.5, 0.5),  # 2, 1, 0
        symptom("dissociation", "Dissociation", 1, 0.33, 1, 0.5, 0.0),  # 1, 0, 0
    ],
    "bp_flagged": BP_ABOVE,
    "next_morning": [],
}


def test_stats_json_since(cli, history) -> None:
    assert stats_json(cli, "--since", "2026-11-01") == NOVEMBER


def test_stats_json_until_keeps_each_session_whole(cli, history) -> None:
    # Nov 1..8: session #3's after (Nov 9..11) and next session (Nov 9) lie after --until,
    # and it shows the same figures as in any other range
    assert stats_json(cli, "--since", "2026-11-01", "--until", "2026-11-08") == {
        "days_in_range": 8,
        "days_logged": 6,
        "counted_from": "2026-11-01",
        "days_counted": 8,
        "treatment": course("2026-11-08", 3, 0),  # #4 on Nov 9 is after the range
        "mood": {
            "mean": 5.0,  # (4 + 4 + 6 + 7 + 4 + 5) / 6
            "min": 4,
            "max": 7,
            "first_14_mean": 5.0,
            "last_14_mean": 5.0,
            "anxiety_mean": None,  # none logged
            "sleep_hours_mean": None,
        },
        "sessions": [SESSION_2, SESSION_3],
        # two sessions: early = #2, recent = #3
        "symptoms": [
            symptom("dizziness", "Dizziness", 1, 1.0, 2, 2.0, 0.0),
            symptom("nausea", "Nausea", 2, 1.5, 2, 2.0, 1.0),
            symptom("dissociation", "Dissociation", 1, 0.5, 1, 1.0, 0.0),
        ],
        "bp_flagged": BP_ABOVE,
        "next_morning": [],
    }


EMPTY = {
    "mood": NO_MOOD,
    "sessions": [],
    "symptoms": [],
    "bp_flagged": [],
    "next_morning": [],  # schema 2: no morning-after rating
}


def test_a_range_with_nothing_in_it(cli, history) -> None:
    window = ("--since", "2026-11-15", "--until", "2026-11-19")
    assert stats_json(cli, *window) == {
        "days_in_range": 5,
        "days_logged": 0,
        "counted_from": "2026-11-15",
        "days_counted": 5,
        **EMPTY,
        "treatment": course("2026-11-09", 4, 10),
    }
    result = cli("stats", *window)
    assert (result.code, result.out) == (0, "Nothing recorded from 2026-11-15 to 2026-11-19.\n")


def squeezed(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def test_stats_human_view(cli, history, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = cli("stats", "--since", "2026-11-01")
    assert (result.code, result.err) == (0, "")
    assert max(len(line) for line in result.out.splitlines()) <= 80
    lines = squeezed(result.out)
    for expected in (
        "Diary stats 2026-11-01 to 2026-11-20",
        "Days logged 12 of 20",
        "Mood (0-10) mean 5.5, lowest 4, highest 8",
        "First / last 14 days 5.64 / 5.86",
        "2026-11-02 2 iv 35 3.5 6.5 +3 5 (4) next 5 Dizziness",
        "2026-11-08 3 im 35 5.33 — — 0 (0) next 1 Nausea",
        "2026-11-09 4 intranasal 56 4.5 6.5 +2 5 (4) mood 0 none",
        "Dizziness 1 of 3 0.67 2 1 0",
        "Nausea 2 of 3 1 2 1.5 0.5",
        "Dissociation 1 of 3 0.33 1 0.5 0",
        "2026-11-08 pre-dose 138/92 above pre-dose reference",
    ):
        assert expected in lines, expected
    assert "Anxiety" not in result.out  # rated 0: never felt


def test_empty_diary(cli, db_path: Path) -> None:
    result = cli("stats")
    assert (result.code, result.out, result.err) == (
        0,
        "Nothing recorded yet. Log a mood with: diary mood SCORE\n",
        "",
    )
    assert stats_json(cli) == {  # today only
        "days_in_range": 1,
        "days_logged": 0,
        "counted_from": "2026-11-20",
        "days_counted": 1,
        **EMPTY,
        "treatment": NO_COURSE,
    }
    assert not db_path.exists()  # looking does not create a diary
    cli("settings", "--name", "Sam")  # a diary file that holds no entries
    assert db_path.exists()
    assert cli("stats").out == "Nothing recorded yet. Log a mood with: diary mood SCORE\n"
    assert stats_json(cli, "--since", "2026-11-01") == {
        "days_in_range": 20,
        "days_logged": 0,
        "counted_from": "2026-11-01",  # nothing recorded: the range's start
        "days_counted": 20,
        **EMPTY,
        "treatment": NO_COURSE,
    }


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (("--since", "2026-13-01"), "start date (--since)"),
        (("--until", "someday"), "end date (--until)"),
        (("--until", "2026-11-25"), "end date (--until)"),  # more than a day ahead
        (("--since", "2026-11-10", "--until", "2026-11-01"), "start date (--since)"),
        (("--json", "--since", "2026-02-30"), "start date (--since)"),
    ],
)
def test_bad_dates_exit_2(cli, db_path: Path, args: tuple[str, ...], field: str) -> None:
    result = cli("stats", *args)
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"diary: {field}: ") and result.err.count("\n") == 1
    assert not db_path.exists()


def definitions(text: str) -> list[str]:
    """The definition bullets after 'Definitions:', each joined onto one line."""
    block = text.split("Definitions:\n", 1)[1].split("\n\n", 1)[0]
    return [" ".join(item.split()) for item in block.removeprefix("- ").split("\n- ")]


def test_help_gives_the_definitions_of_the_module(cli) -> None:
    result = cli("stats", "--help")
    assert result.code == 0
    assert definitions(result.out) == definitions(diary.analysis.__doc__ or "")
    assert len(definitions(result.out)) == 17
    for key in ("days_above_baseline", "first_14_mean", "bp_flagged", "worst_symptom"):
        assert key in result.out


def test_docs_give_the_same_definitions() -> None:
    docs = Path(__file__).parents[2] / "docs" / "stats.md"
    text = " ".join(docs.read_text(encoding="utf-8").split())
    for definition in definitions(diary.analysis.__doc__ or ""):
        assert f"- {definition}" in text


def test_days_before_the_diary_began_are_not_counted(cli, history) -> None:
    # --since Oct 1, but the first day recorded is Oct 20 (session #1): Oct 20..Nov 20 is 32
    # days, of which 13 have a mood; the range itself is 51 days
    data = stats_json(cli, "--since", "2026-10-01")
    assert (data["days_in_range"], data["counted_from"], data["days_counted"]) == (
        51,
        "2026-10-20",
        32,
    )
    assert data["days_logged"] == 13
    lines = squeezed(cli("stats", "--since", "2026-10-01").out)
    assert "Days logged 13 of 32 (counted from 2026-10-20, the first day recorded)" in lines
