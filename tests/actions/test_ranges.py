"""The default ranges, decided once for the CLI and the app."""

from __future__ import annotations

import datetime as dt

import pytest

from diary.actions import ranges
from diary.actions.export import report_range
from diary.domain import ValidationError
from tests.actions.conftest import day

TODAY = day("2026-11-20")


def test_the_report_covers_the_last_90_days_both_ends_included() -> None:
    start, end = report_range(None, None, TODAY)
    assert (start, end) == (day("2026-08-23"), TODAY)
    assert (end - start).days + 1 == ranges.REPORT_DAYS
    assert report_range(None, day("2026-10-01"), TODAY) == (day("2026-07-04"), day("2026-10-01"))


def test_defaults_fill_in_and_since_after_until_is_refused() -> None:
    assert ranges.resolve(None, None, TODAY, lambda end: None) == (TODAY, TODAY)
    assert ranges.resolve(None, None, TODAY, lambda end: day("2026-01-01"))[0] == day("2026-01-01")
    # a first entry after the end (tomorrow's mood) never starts the range after its end
    assert ranges.resolve(None, None, TODAY, lambda end: day("2026-12-01")) == (TODAY, TODAY)
    with pytest.raises(ValidationError) as refused:
        ranges.resolve(day("2026-11-21"), None, TODAY, lambda end: None)
    assert refused.value.key == "since"
    assert "start date" in str(refused.value) and "--since" not in str(refused.value)


def test_a_range_of_more_than_200_years_is_refused() -> None:
    with pytest.raises(ValidationError, match="at most 200 years"):
        ranges.resolve(dt.date(1000, 1, 1), None, TODAY, lambda end: None)
