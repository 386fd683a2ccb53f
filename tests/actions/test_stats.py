"""Which records the figures rest on: context before the range, sessions after it."""

from __future__ import annotations

from pathlib import Path

from diary.actions.log import log_mood
from diary.actions.sessions import add_session
from diary.actions.stats import records_for, stats
from diary.domain import MoodEntry
from diary.store import Store
from tests.actions.conftest import day, session_on


def test_records_reach_back_for_the_baseline_and_7_day_mean(store: Store) -> None:
    for text, mood in (("2026-11-03", 2), ("2026-11-04", 3), ("2026-11-08", 4)):
        log_mood(store, MoodEntry(day(text), mood))
    add_session(store, session_on("2026-11-01"))
    add_session(store, session_on("2026-11-12"))
    found = records_for(store, day("2026-11-10"), day("2026-11-11"))
    assert [m.day for m in found.moods] == [day("2026-11-04"), day("2026-11-08")]  # 6 days back
    # every session: the next one counts, and session #1 is the PHQ-9 baseline's anchor
    assert [s.day for s in found.sessions] == [day("2026-11-01"), day("2026-11-12")]
    assert found.first_session_day == day("2026-11-01")


def test_stats_of_a_missing_diary_are_empty_and_make_no_file(db_path: Path) -> None:
    found = stats(db_path, None, None, day("2026-11-20"))
    assert found.empty and not found.anything_in_range
    assert not db_path.exists()


def test_stats_default_range_starts_at_the_first_day_recorded(db_path: Path, store: Store) -> None:
    log_mood(store, MoodEntry(day("2026-11-05"), 5))
    add_session(store, session_on("2026-11-06", ("nausea", 2)))
    found = stats(db_path, None, None, day("2026-11-20"))
    assert (found.summary.start, found.summary.end) == (day("2026-11-05"), day("2026-11-20"))
    assert [e.worst_symptom for e in found.summary.sessions] == ["nausea"]
    assert found.anything_in_range and not found.empty
