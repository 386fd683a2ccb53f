"""The demo diary: deterministic, ten years at the right size, and the story it tells."""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from pathlib import Path

import pytest

from diary import demo
from diary.domain import BUILTIN_SYMPTOMS, Phase, Route, VitalLabel
from diary.domain import validation as check
from diary.store import open_store

END = dt.date(2026, 11, 20)


@pytest.fixture(scope="module")
def ten_years() -> demo.DemoDiary:
    return demo.generate(END, years=10, seed=7)


def burden(session) -> int:
    return sum(int(r.severity) for r in session.side_effects)


def test_same_seed_same_diary() -> None:
    assert demo.generate(END, years=2, seed=11) == demo.generate(END, years=2, seed=11)
    assert demo.generate(END, years=2, seed=11) != demo.generate(END, years=2, seed=12)


def test_ten_years_size(ten_years: demo.DemoDiary) -> None:
    days = [m.day for m in ten_years.moods]
    assert days[0] == END - dt.timedelta(days=3649)  # 3,650 calendar days ending today
    assert days[-1] <= END
    assert days == sorted(set(days))  # one entry per day at most
    assert 3_200 <= len(days) <= 3_450  # about 90% of the days logged
    assert 450 <= len(ten_years.sessions) <= 550
    assert ten_years.sessions[-1].day <= END
    assert (len(ten_years.moods), len(ten_years.sessions)) == (3_306, 490)  # seed 7, pinned


@pytest.mark.parametrize("seed", [1, 7, 42])
def test_some_days_are_missing(seed: int) -> None:
    diary = demo.generate(END, years=1, seed=seed)
    logged = {m.day for m in diary.moods}
    span = (diary.moods[-1].day - diary.moods[0].day).days + 1
    assert 0.8 * span <= len(logged) < span


@pytest.mark.parametrize("seed", [1, 7, 42, 2026])
def test_induction_six_sessions_in_two_to_three_weeks(seed: int) -> None:
    sessions = demo.generate(END, years=1, seed=seed).sessions
    first_six = sessions[:6]
    assert [s.phase for s in first_six] == [Phase.INDUCTION] * 6
    assert all(s.phase != Phase.INDUCTION for s in sessions[6:])
    assert 14 <= (first_six[-1].day - first_six[0].day).days <= 21
    assert len({s.day for s in first_six}) == 6
    assert all(s.route == Route.IV for s in first_six)
    gaps = [(b.day - a.day).days for a, b in itertools.pairwise(sessions[6:])]
    assert min(gaps) >= 5 and max(gaps) <= 10  # boosters every five to ten days after


def test_side_effects_ease(ten_years: demo.DemoDiary) -> None:
    sessions = ten_years.sessions
    first = statistics.mean(burden(s) for s in sessions[:6])
    last = statistics.mean(burden(s) for s in sessions[-20:])
    assert first > last
    assert first >= 2 * last  # clearly, not by noise (12.0 against 3.0 for seed 7)


def test_mood_lifts_after_sessions_and_fades(ten_years: demo.DemoDiary) -> None:
    mood = {m.day: m.mood for m in ten_years.moods}
    after = [mood[d] for s in ten_years.sessions if (d := s.day + dt.timedelta(days=1)) in mood]
    later = [mood[d] for s in ten_years.sessions if (d := s.day + dt.timedelta(days=5)) in mood]
    assert statistics.mean(after) > statistics.mean(later) + 0.5
    first_month = [m.mood for m in ten_years.moods[:30]]
    last_year = [m.mood for m in ten_years.moods[-365:]]
    assert statistics.mean(last_year) > statistics.mean(first_month)


def test_every_record_passes_the_rules(ten_years: demo.DemoDiary) -> None:
    now = dt.datetime.combine(END, dt.time(12, 0), tzinfo=dt.UTC)
    catalogue = list(BUILTIN_SYMPTOMS)
    for entry in ten_years.moods:
        assert check.check_mood(entry, END) == entry
    for session in ten_years.sessions:
        assert check.check_session(session, now, catalogue) == session
        assert [v.label for v in session.vitals] == [
            VitalLabel.PRE,
            VitalLabel.FORTY,
            VitalLabel.DISCHARGE,
        ]
    for checkin in ten_years.checkins:
        assert check.check_checkin(checkin, END) == checkin


def test_demo_command_writes_the_same_diary_twice(cli, tmp_path: Path) -> None:
    paths = [tmp_path / "one.db", tmp_path / "two.db"]
    for path in paths:
        result = cli("demo", "--no-open", "--db", str(path), "--years", "2", "--seed", "5")
        assert result.code == 0, result.err
    loaded = []
    for path in paths:
        with open_store(path) as store:
            loaded.append(
                (store.moods_between(), store.sessions_between(), store.checkins_between())
            )
    assert loaded[0] == loaded[1]
    expected = demo.generate(END, years=2, seed=5)
    moods, sessions, checkins = loaded[0]
    assert moods == expected.moods
    assert len(sessions) == len(expected.sessions)
    assert [s.side_effects for s in sessions] == [s.side_effects for s in expected.sessions]
    assert [c.answers for c in checkins] == [c.answers for c in expected.checkins]
