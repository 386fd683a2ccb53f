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


def test_last_checkin_day_is_the_latest_of_that_kind_up_to_the_day(store: Store) -> None:
    nov = [dt.date(2026, 11, d) for d in (1, 10, 15, 20)]
    assert store.last_checkin_day(CheckinKind.PHQ9, nov[3]) is None
    for when in nov[:2]:
        store.save_checkin(CheckIn(CheckinKind.PHQ9, when, (1,) * 9))
    store.save_checkin(CheckIn(CheckinKind.GAD7, nov[2], (0,) * 7))
    store.save_checkin(CheckIn(CheckinKind.PHQ9, nov[3], (1,) * 9))
    assert store.last_checkin_day(CheckinKind.PHQ9, nov[2]) == nov[1]  # not GAD-7's, not later
    assert store.last_checkin_day(CheckinKind.PHQ9, nov[3]) == nov[3]
    assert store.last_checkin_day(CheckinKind.GAD7, nov[3]) == nov[2]
    assert store.last_checkin_day(CheckinKind.GAD7, nov[1]) is None
