"""Check-ins: the round trip and deleting one."""

from __future__ import annotations

import datetime as dt

from diary.domain import CheckIn, CheckinKind
from diary.store import Store


def test_checkin_round_trip(store: Store) -> None:
    phq = store.save_checkin(
        CheckIn(CheckinKind.PHQ9, dt.date(2026, 11, 1), (1, 2, 0, 3, 1, 0, 2, 1, 1))
    )
    gad = store.save_checkin(
        CheckIn(CheckinKind.GAD7, dt.date(2026, 11, 15), (0, 1, 0, 1, 0, 0, 3))
    )
    assert phq.total == 11
    assert store.checkins_between() == [phq, gad]
    assert store.checkins_between(dt.date(2026, 11, 2)) == [gad]
    store.delete_checkin(phq.id)
    assert store.checkins_between() == [gad]
