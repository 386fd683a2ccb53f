"""Saving a check-in decides on crisis resources: item 9 above 0, the diary's country."""

from __future__ import annotations

import dataclasses

from diary.actions.checkins import save_checkin
from diary.domain import CheckIn, CheckinKind
from diary.domain.duplicates import IfSaved
from diary.store import Store
from tests.actions.conftest import day


def phq9(item9: int) -> CheckIn:
    return CheckIn(CheckinKind.PHQ9, day("2026-11-20"), (1, 1, 1, 1, 1, 1, 1, 1, item9))


def test_item_9_above_0_brings_crisis_resources(store: Store) -> None:
    saved = save_checkin(store, phq9(1))
    assert saved.checkin.id is not None
    assert saved.crisis is not None


def test_item_9_at_0_and_gad7_bring_none(store: Store) -> None:
    assert save_checkin(store, phq9(0)).crisis is None
    gad7 = CheckIn(CheckinKind.GAD7, day("2026-11-20"), (3,) * 7)
    assert save_checkin(store, gad7).crisis is None


def test_the_resources_follow_the_diary_country(store: Store) -> None:
    unset = save_checkin(store, phq9(2)).crisis
    store.save_settings(dataclasses.replace(store.settings(), country="GB"))
    chosen = save_checkin(store, phq9(2), IfSaved.ALSO).crisis
    assert chosen != unset
    assert "Samaritans" in str(chosen)
