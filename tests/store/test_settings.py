"""Settings: the round trip, unknown keys kept."""

from __future__ import annotations

from pathlib import Path

from diary.domain import Settings
from diary.store import Store, open_store


def test_settings_round_trip(store: Store, db_path: Path) -> None:
    assert store.settings() == Settings()
    chosen = Settings("Ann Ó'Brien", "IE", 68.5, "metric", {"theme": "dark"})
    store.save_settings(chosen)
    with open_store(db_path) as reopened:
        assert reopened.settings() == chosen
    store.save_settings(Settings(name="Ann"))
    assert store.settings() == Settings(name="Ann")
