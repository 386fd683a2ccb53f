"""The demo, the person's own symptoms and the Daylio import, through the actions."""

from __future__ import annotations

from pathlib import Path

import pytest

from diary.actions.demo import make_demo
from diary.actions.diary import reading
from diary.actions.imports import import_daylio, nothing_imported
from diary.actions.log import log_mood
from diary.actions.symptoms import add_symptom, set_hidden
from diary.domain import MoodEntry, ValidationError
from diary.store import Store
from tests.actions.conftest import day

TODAY = day("2026-11-20")
SCORES = {"good": 7, "meh": 5, "awful": 1}
DAYLIO = (
    "full_date,date,weekday,time,mood,activities,note\n"
    "2026-11-18,November 18,Wednesday,20:00,good,,walked\n"
    "2026-11-19,November 19,Thursday,20:00,awful,,\n"
    "2026-11-19,November 19,Thursday,21:00,meh,,\n"
    "2026-11-20,November 20,Friday,20:00,unknown-mood,,\n"
)


def test_the_demo_is_seeded_and_never_fills_a_diary_holding_data(tmp_path: Path) -> None:
    first = make_demo(tmp_path / "a.db", TODAY, 0.25, seed=7)
    second = make_demo(tmp_path / "b.db", TODAY, 0.25, seed=7)
    assert (first.days, first.sessions) == (second.days, second.sessions) and first.days > 60
    assert first.line.startswith(f"Demo diary: {first.days} days")
    with pytest.raises(ValidationError, match="holds data"):
        make_demo(tmp_path / "a.db", TODAY, 0.25, seed=7)


def test_own_symptoms_are_checked_and_hidden_ones_kept(store: Store) -> None:
    symptom = add_symptom(store, "  Jaw tension ")
    assert symptom.label == "Jaw tension"
    set_hidden(store, symptom.key, True)
    assert next(s for s in store.symptoms() if s.key == symptom.key).hidden
    with pytest.raises(ValidationError):
        add_symptom(store, "!!!")


def test_daylio_dry_run_writes_nothing_then_import_skips_logged_days(
    db_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "daylio.csv"
    source.write_text(DAYLIO)
    dry = import_daylio(db_path, source, SCORES, TODAY, dry_run=True)
    assert not db_path.exists()
    assert dry.imported == 2 and len(dry.plan.rejected) == 1
    with reading(db_path) as store:
        assert store is None
    from diary.actions.diary import writing

    with writing(db_path) as store:
        log_mood(store, MoodEntry(day("2026-11-18"), 9, note="mine"))
    done = import_daylio(db_path, source, SCORES, TODAY, dry_run=False)
    assert done.imported == 1  # 18 Nov was logged already: skipped, never overwritten
    with reading(db_path) as store:
        assert store.mood_for(day("2026-11-18")).note == "mine"
    assert import_daylio(db_path, source, SCORES, TODAY, dry_run=False).imported == 0
    assert nothing_imported(done, source) is None
