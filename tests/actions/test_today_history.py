"""What Today and History show beside their forms, worked out once for both faces."""

from __future__ import annotations

from diary.actions.checkins import save_checkin
from diary.actions.history import days_and_sessions
from diary.actions.log import log_mood
from diary.actions.sessions import add_session
from diary.actions.today import recent_moods, strip_days, today_context
from diary.domain import CheckIn, CheckinKind, MoodEntry
from diary.store import Store
from tests.actions.conftest import day, session_on


def test_today_context_counts_days_since_the_last_session(store: Store) -> None:
    add_session(store, session_on("2026-11-01"))
    add_session(store, session_on("2026-11-13"))
    log_mood(store, MoodEntry(day("2026-10-21"), 3))  # 30 days before: outside the strip
    log_mood(store, MoodEntry(day("2026-10-22"), 4))
    context = today_context(store, day("2026-11-20"))
    assert (context.days_since_session, context.last_number) == (7, 2)
    days = strip_days(day("2026-11-20"))
    assert days[0] == day("2026-10-22") and days[-1] == day("2026-11-20") and len(days) == 30
    assert recent_moods(store, day("2026-11-20")) == {day("2026-10-22"): 4}


def test_the_phq9_reminder_counts_from_the_last_phq9(store: Store) -> None:
    assert today_context(store, day("2026-11-20")).phq9_days == -1  # never one
    save_checkin(store, CheckIn(CheckinKind.PHQ9, day("2026-11-01"), (1,) * 9))
    assert today_context(store, day("2026-11-20")).phq9_days == 19  # 14 or more: remind
    save_checkin(store, CheckIn(CheckinKind.PHQ9, day("2026-11-10"), (1,) * 9))
    assert today_context(store, day("2026-11-20")).phq9_days is None  # recent: no reminder


def test_history_of_no_diary_is_empty_with_the_built_in_symptoms() -> None:
    found = days_and_sessions(None)
    assert found.empty and found.symptoms


def test_history_reads_the_range_only(store: Store) -> None:
    log_mood(store, MoodEntry(day("2026-11-01"), 3))
    log_mood(store, MoodEntry(day("2026-11-10"), 6))
    add_session(store, session_on("2026-11-09"))
    found = days_and_sessions(store, day("2026-11-05"), None)
    assert [m.day for m in found.moods] == [day("2026-11-10")]
    assert len(found.sessions) == 1 and not found.empty
