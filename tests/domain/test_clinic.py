"""The nasal devices a form is typing: the dose in mg they give, as check_clinic works it out."""

from __future__ import annotations

import datetime as dt

import pytest

from diary.domain import Route, Session
from diary.domain.clinic import check_clinic, dose_for_devices


def test_devices_typed_give_their_dose_and_say_so() -> None:
    assert dose_for_devices("3", "56") == (
        "84",
        "Dose mg worked out: 3 nasal device(s) × 28 mg = 84 mg.",
    )
    assert dose_for_devices("1", "") == (
        "28",
        "Dose mg worked out: 1 nasal device(s) × 28 mg = 28 mg.",
    )


@pytest.mark.parametrize("devices", ["", "0", "11", "2.5", "two"])
def test_no_dose_while_the_count_is_not_one_the_save_accepts(devices: str) -> None:
    assert dose_for_devices(devices, "56") is None


def test_nothing_to_change_when_the_dose_shown_agrees() -> None:
    assert dose_for_devices("2", "56") is None
    assert dose_for_devices("2", "56.0") is None


@pytest.mark.parametrize("count", range(1, 11))
def test_the_dose_shown_is_the_one_the_save_works_out(count: int) -> None:
    shown, _ = dose_for_devices(str(count), "") or ("", "")
    at = dt.datetime(2026, 11, 20, 10, tzinfo=dt.UTC)
    saved = check_clinic(Session(at, Route.INTRANASAL, devices=count))
    assert float(shown) == saved.dose_mg
