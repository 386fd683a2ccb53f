"""`diary restore --merge`: what is missing added, conflicts reported, nothing overwritten."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diary.domain import MoodEntry, Settings, Severity, SideEffectRating
from diary.store import open_store
from tests.files.conftest import AT, make_session, snapshot

# --- merge ---------------------------------------------------------------------------------


def test_merge_adds_missing_reports_conflicts_and_never_overwrites(
    cli, full_db: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "b.json"
    assert cli("backup", "-o", str(backup)).code == 0
    other = tmp_path / "other.db"
    with open_store(other) as store:
        store.save_settings(Settings(name="Bo", country="GB"))
        store.bulk_add(
            [
                MoodEntry(dt.date(2026, 11, 2), 3),
                MoodEntry(dt.date(2026, 11, 3), 5, note=('quote " and \\ and\nnewline')),
            ],
            [make_session(AT - dt.timedelta(days=3)), make_session(AT, dose=50.0)],
        )
    result = cli("restore", "--merge", "--db", str(other), str(backup))
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"Merged {backup} into {other}.",
        "Added 6 (1 setting, 1 symptom, 1 mood, 1 session, 1 stand-alone vital reading, "
        "1 check-in); skipped 13 already present (2 settings, 10 symptoms, 1 mood); "
        "4 conflicts (the diary's values kept, nothing overwritten):",
        "  setting name: value 'Bo' in the diary, 'Ana' in the backup",
        "  symptom vomiting: hidden False in the diary, True in the backup",
        "  mood 2026-11-02: mood 3 in the diary, 6 in the backup",
        "  session 2026-11-10 10:00 iv: differs in dose_mg, side effects",
    ]
    with open_store(other) as store:
        assert store.mood_for(dt.date(2026, 11, 2)).mood == 3  # kept
        assert store.mood_for(dt.date(2026, 11, 1)) == MoodEntry(
            dt.date(2026, 11, 1), 4, 6, 7.5, "Прогулка 🙂"
        )
        assert store.settings().name == "Bo"
        assert store.settings().default_weight_kg == 72.0
        sessions = store.sessions_between()
        assert [(s.started_at, s.dose_mg, s.id) for s in sessions] == [
            (AT - dt.timedelta(days=3), 36.0, 1),
            (AT - dt.timedelta(days=2), 36.0, 3),
            (AT, 50.0, 2),
        ]
        merged = sessions[1]
        assert [v.text for v in merged.vitals] == ["128/82", "141/90"]
        assert all(v.session_id == 3 for v in merged.vitals)
        assert merged.side_effects == (SideEffectRating("dizziness", Severity.MODERATE, 10, 45),)
        assert "headache" in [s.key for s in store.symptoms()]
        assert [c.answers for c in store.checkins_between()] == [(1, 2, 1, 0, 3, 1, 0, 0, 1)]
        assert len(store.standalone_vitals()) == 1
    again = cli("restore", "--merge", "--db", str(other), str(backup))
    assert again.out.splitlines()[1].startswith("Added 0; skipped 19 already present")


def test_merge_into_itself_adds_nothing(cli, full_db: Path, tmp_path: Path) -> None:
    backup = tmp_path / "b.json"
    cli("backup", "-o", str(backup))
    before = snapshot(full_db)
    result = cli("restore", "--merge", str(backup))
    assert result.code == 0
    assert result.out.splitlines()[1] == (
        "Added 0; skipped 23 already present (4 settings, 12 symptoms, 3 moods, 2 sessions, "
        "1 stand-alone vital reading, 1 check-in); 0 conflicts."
    )
    assert snapshot(full_db) == before
