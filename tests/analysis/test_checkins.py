"""checkin_summary on hand-worked histories: baseline, change, response, remission."""

from __future__ import annotations

import datetime as dt

import pytest

from diary.analysis.checkins import change_pct, checkin_summary, is_response
from diary.domain import CheckIn, CheckinKind

NOV = dt.date(2026, 11, 1)


def phq9(day: int, total: int, item9: int = 0) -> CheckIn:
    """A PHQ-9 on November `day` whose first eight items add up to total - item9."""
    rest = total - item9
    answers = [min(3, max(0, rest - 3 * i)) for i in range(8)]
    assert sum(answers) == rest
    return CheckIn(CheckinKind.PHQ9, dt.date(2026, 11, day), (*answers, item9))


def gad7(day: int, total: int) -> CheckIn:
    answers = [min(3, max(0, total - 3 * i)) for i in range(7)]
    return CheckIn(CheckinKind.GAD7, dt.date(2026, 11, day), tuple(answers))


def summary(
    *checkins: CheckIn,
    start: dt.date | None = NOV,
    end: dt.date | None = None,
    first_session: int | None = None,
):
    first = None if first_session is None else dt.date(2026, 11, first_session)
    return checkin_summary(list(checkins), start, end or dt.date(2026, 11, 30), first)


EMPTY_SCALE = {
    "baseline": None,
    "baseline_date": None,
    "baseline_source": None,
    "latest": None,
    "latest_date": None,
    "change_pct": None,
}


def test_no_checkins() -> None:
    assert summary() == {
        "phq9": [],
        "gad7": [],
        **{f"phq9_{key}": value for key, value in EMPTY_SCALE.items()},
        "response": None,
        "remission": None,
        "not_assessed": "no PHQ-9 in range",
        **{f"gad7_{key}": value for key, value in EMPTY_SCALE.items()},
    }


def test_a_full_history() -> None:
    result = summary(
        gad7(3, 12),
        phq9(2, 18, item9=1),
        phq9(16, 9),
        gad7(17, 4),
        phq9(30, 4),
        first_session=2,
    )
    assert result == {
        "phq9": [
            {"date": "2026-11-02", "total": 18, "band": "moderately severe", "item9": 1},
            {"date": "2026-11-16", "total": 9, "band": "mild", "item9": 0},
            {"date": "2026-11-30", "total": 4, "band": "minimal", "item9": 0},
        ],
        "gad7": [
            {"date": "2026-11-03", "total": 12, "band": "moderate"},
            {"date": "2026-11-17", "total": 4, "band": "minimal"},
        ],
        # the PHQ-9 on the first session's day is on or before it: the baseline
        "phq9_baseline": 18,
        "phq9_baseline_date": "2026-11-02",
        "phq9_baseline_source": "before session #1",
        "phq9_latest": 4,
        "phq9_latest_date": "2026-11-30",
        "phq9_change_pct": -77.78,  # (4 - 18) / 18 = -0.77777...
        "response": True,  # 4 <= 9, baseline 18 >= 10, 28 days apart
        "remission": True,
        "not_assessed": None,
        # no GAD-7 on or before Nov 2: the first on record, after treatment began
        "gad7_baseline": 12,
        "gad7_baseline_date": "2026-11-03",
        "gad7_baseline_source": "first on record, after treatment began",
        "gad7_latest": 4,
        "gad7_latest_date": "2026-11-17",
        "gad7_change_pct": -66.67,  # (4 - 12) / 12 = -0.6666...
    }


@pytest.mark.parametrize(
    ("baseline", "latest", "pct", "response"),
    [
        (20, 10, -50.0, True),  # exactly half: a response
        (20, 11, -45.0, False),
        (15, 7, -53.33, True),  # 7 <= 7.5
        (15, 8, -46.67, False),  # 8 > 7.5
        (10, 5, -50.0, True),  # the lowest baseline assessed
        (10, 13, 30.0, False),
        (12, 12, 0.0, False),
    ],
)
def test_response_at_the_50_percent_edge(
    baseline: int, latest: int, pct: float, response: bool
) -> None:
    result = summary(phq9(1, baseline), phq9(20, latest))
    assert result["phq9_baseline"] == baseline
    assert result["phq9_latest"] == latest
    assert result["phq9_change_pct"] == pct
    assert result["response"] is response
    assert result["not_assessed"] is None


@pytest.mark.parametrize(("latest", "remission"), [(4, True), (5, False), (0, True)])
def test_remission_below_5(latest: int, remission: bool) -> None:
    assert summary(phq9(1, 16), phq9(28, latest))["remission"] is remission


def test_change_rounds_halves_away_from_zero() -> None:
    # (13 - 16) / 16 = -18.75% exactly; (5 - 8) / 8 = -37.5%; 1/3 of 100 = 33.333...
    assert change_pct(16, 13) == -18.75
    assert change_pct(8, 5) == -37.5
    assert change_pct(3, 4) == 33.33
    assert change_pct(200, 201) == 0.5
    # 1/800 of 100 = 0.125: halves away from zero, not to even (round() gives 0.12)
    assert change_pct(800, 801) == 0.13
    assert change_pct(800, 799) == -0.13


def test_one_phq9_is_not_assessed_and_has_no_change() -> None:
    result = summary(phq9(5, 3))
    assert result["phq9_baseline"] == 3 and result["phq9_latest"] == 3
    assert result["phq9_change_pct"] is None
    assert result["response"] is None
    assert result["remission"] is None  # never a remission verdict from one score
    assert result["not_assessed"] == "one PHQ-9"


def test_baseline_below_10_is_not_assessed() -> None:
    result = summary(phq9(1, 0), phq9(20, 6))
    assert result["phq9_change_pct"] is None  # no change from 0
    assert (result["response"], result["remission"]) == (None, None)
    assert result["not_assessed"] == "baseline below 10"
    result = summary(phq9(1, 9), phq9(20, 2))
    assert result["phq9_change_pct"] == -77.78  # (2 - 9) / 9
    assert (result["response"], result["remission"]) == (None, None)
    assert result["not_assessed"] == "baseline below 10"


@pytest.mark.parametrize(("later", "reason"), [(14, "less than 14 days apart"), (15, None)])
def test_latest_must_be_14_days_after_the_baseline(later: int, reason: str | None) -> None:
    # Nov 1 to Nov 14 is 13 days; to Nov 15 is 14
    result = summary(phq9(1, 20), phq9(later, 4))
    assert result["not_assessed"] == reason
    assert result["remission"] is (None if reason else True)
    assert result["response"] is (None if reason else True)
    assert result["phq9_change_pct"] == -80.0  # the change is given either way


def test_same_day_repeats_the_last_saved_counts() -> None:
    # two on Nov 3 saved 10 then 14; the first session is on Nov 3: baseline 14
    result = summary(phq9(20, 5), phq9(3, 10), phq9(3, 14), start=None, first_session=3)
    assert [(p["date"], p["total"]) for p in result["phq9"]] == [
        ("2026-11-03", 10),
        ("2026-11-03", 14),
        ("2026-11-20", 5),
    ]
    assert result["phq9_baseline"] == 14
    assert result["phq9_change_pct"] == -64.29  # (5 - 14) / 14 = -0.642857...
    assert result["response"] is True and result["remission"] is False  # 17 days apart
    # the latest of a day is its last saved one too
    result = summary(phq9(1, 20), phq9(20, 3), phq9(20, 11))
    assert result["phq9_latest"] == 11 and result["response"] is False
    # and the first on record is the last saved on the first day
    result = summary(phq9(1, 20), phq9(1, 12), phq9(20, 6))
    assert result["phq9_baseline"] == 12 and result["response"] is True


def test_baseline_is_the_same_in_every_range() -> None:
    # first session Nov 8: the baseline is the PHQ-9 of Nov 5, the last on or before it
    history = [phq9(1, 23), phq9(5, 24), phq9(10, 12), phq9(20, 6), phq9(30, 2)]
    for start, end, latest in ((5, 25, 6), (9, 25, 6), (15, 30, 2), (1, 12, 12)):
        result = checkin_summary(
            history, dt.date(2026, 11, start), dt.date(2026, 11, end), dt.date(2026, 11, 8)
        )
        assert result["phq9_baseline"] == 24
        assert result["phq9_baseline_date"] == "2026-11-05"
        assert result["phq9_baseline_source"] == "before session #1"
        assert result["phq9_latest"] == latest
    result = checkin_summary(
        history, dt.date(2026, 11, 9), dt.date(2026, 11, 25), NOV.replace(day=8)
    )
    assert [p["date"] for p in result["phq9"]] == ["2026-11-10", "2026-11-20"]
    assert result["phq9_change_pct"] == -75.0  # (6 - 24) / 24
    assert result["response"] is True  # 6 <= 12, Nov 5 to Nov 20 is 15 days
    assert result["remission"] is False
    # Nov 10 is only 5 days after the baseline
    result = checkin_summary(
        history, dt.date(2026, 11, 9), dt.date(2026, 11, 12), NOV.replace(day=8)
    )
    assert result["phq9_change_pct"] == -50.0
    assert result["not_assessed"] == "less than 14 days apart"


def test_first_on_record_after_treatment_began() -> None:
    result = summary(phq9(10, 20), phq9(30, 8), first_session=2)
    assert result["phq9_baseline"] == 20
    assert result["phq9_baseline_source"] == "first on record, after treatment began"
    assert result["response"] is True  # 8 <= 10, 20 days apart


def test_a_range_that_ends_before_the_baseline() -> None:
    # the range is Nov 1-4, the baseline (last before the first session on Nov 9) is Nov 8
    result = checkin_summary(
        [phq9(2, 20), phq9(8, 22)], NOV, dt.date(2026, 11, 4), dt.date(2026, 11, 9)
    )
    assert result["phq9_baseline"] == 22 and result["phq9_latest"] == 20
    assert result["phq9_change_pct"] is None
    assert result["not_assessed"] == "latest before baseline"


def test_only_gad7_leaves_the_phq9_keys_empty() -> None:
    result = summary(gad7(4, 15), gad7(2, 21))
    assert [g["date"] for g in result["gad7"]] == ["2026-11-02", "2026-11-04"]
    assert [g["band"] for g in result["gad7"]] == ["severe", "severe"]
    assert result["gad7_baseline"] == 21 and result["gad7_latest"] == 15
    assert result["gad7_baseline_source"] == "first on record, no session recorded"
    assert result["gad7_change_pct"] == -28.57  # (15 - 21) / 21 = -0.285714...
    assert result["phq9"] == []
    assert result["phq9_baseline"] is None
    assert result["remission"] is None and result["response"] is None
    assert result["not_assessed"] == "no PHQ-9 in range"


def test_open_ends_take_everything() -> None:
    result = checkin_summary([phq9(1, 8), phq9(30, 8)], None, None)
    assert len(result["phq9"]) == 2


def test_helpers() -> None:
    assert change_pct(None, 5) is None
    assert change_pct(0, 5) is None
    assert change_pct(3, 2) == -33.33
    assert change_pct(3, 4) == 33.33
    assert is_response(9, 4) is True  # 4 <= 4.5
    assert is_response(9, 5) is False
    assert is_response(0, 0) is False
