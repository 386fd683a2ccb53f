"""Shared by the store's tests: row counts and an open store (the full session is in
tests/records.py)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from diary.store import TABLES, open_store

UTC = dt.UTC


def counts(path: Path) -> dict[str, int]:
    db = sqlite3.connect(path)
    try:
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        db.close()


@pytest.fixture
def store(db_path: Path):
    with open_store(db_path) as opened:
        yield opened
