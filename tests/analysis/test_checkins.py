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


def summary(*checkins: CheckIn, start: dt.date | None = NOV, end: dt.date | None = None):
    return checkin_summary(list(checkins), start, end or dt.date(2026, 11, 30))


def test_no_checkins() -> None:
    assert summary() == {
        "phq9": [],
        "gad7": [],
        "phq9_baseline": None,
        "phq9_latest": None,
        "phq9_change_pct": None,
        "response": None,
        "remission": None,
    }


def test_a_full_history() -> None:
    result = summary(gad7(3, 12), phq9(2, 18, item9=1), phq9(16, 9), gad7(17, 4), phq9(30, 4))
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
        "phq9_baseline": 18,
        "phq9_latest": 4,
        "phq9_change_pct": -77.78,  # (4 - 18) / 18 = -0.77777...
        "response": True,
        "remission": True,
    }


@pytest.mark.parametrize(
    ("baseline", "latest", "pct", "response"),
    [
        (20, 10, -50.0, True),  # exactly half: a response
        (20, 11, -45.0, False),
        (15, 7, -53.33, True),  # 7 <= 7.5
        (15, 8, -46.67, False),  # 8 > 7.5
        (2, 1, -50.0, True),
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


@pytest.mark.parametrize(("latest", "remission"), [(4, True), (5, False), (0, True)])
def test_remission_below_5(latest: int, remission: bool) -> None:
    assert summary(phq9(1, 16), phq9(28, latest))["remission"] is remission


def test_one_phq9_has_no_response_but_a_change_and_remission() -> None:
    result = summary(phq9(5, 3))
    assert result["phq9_baseline"] == 3 and result["phq9_latest"] == 3
    assert result["phq9_change_pct"] == 0.0
    assert result["response"] is None
    assert result["remission"] is True


def test_baseline_0_has_no_change_and_no_response() -> None:
    result = summary(phq9(1, 0), phq9(9, 6))
    assert result["phq9_change_pct"] is None
    assert result["response"] is None
    assert result["remission"] is False


def test_only_gad7_leaves_the_phq9_keys_empty() -> None:
    result = summary(gad7(4, 15), gad7(2, 21))
    assert [g["date"] for g in result["gad7"]] == ["2026-11-02", "2026-11-04"]
    assert [g["band"] for g in result["gad7"]] == ["severe", "severe"]
    assert result["phq9"] == []
    assert result["phq9_baseline"] is None
    assert result["remission"] is None and result["response"] is None


def test_baseline_is_the_first_phq9_in_the_range() -> None:
    history = [phq9(1, 24), phq9(10, 12), phq9(20, 6), phq9(30, 2)]
    result = checkin_summary(history, dt.date(2026, 11, 5), dt.date(2026, 11, 25))
    assert [p["date"] for p in result["phq9"]] == ["2026-11-10", "2026-11-20"]
    assert result["phq9_baseline"] == 12 and result["phq9_latest"] == 6
    assert result["phq9_change_pct"] == -50.0
    assert result["response"] is True
    assert result["remission"] is False


def test_unsorted_input_is_ordered_by_day_and_same_day_keeps_its_order() -> None:
    result = summary(phq9(20, 5), phq9(3, 10), phq9(3, 14), start=None)
    assert [(p["date"], p["total"]) for p in result["phq9"]] == [
        ("2026-11-03", 10),
        ("2026-11-03", 14),
        ("2026-11-20", 5),
    ]
    assert result["phq9_baseline"] == 10 and result["phq9_change_pct"] == -50.0


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
