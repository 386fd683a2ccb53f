"""Real processes on one diary file: two writers at once, and writers killed mid-save."""

from __future__ import annotations

import itertools
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.kinds import Kind

WRITER = r"""
import datetime as dt, os, sys, time
from pathlib import Path
from diary.domain import MoodEntry, Route, Session, Severity, SideEffectRating, VitalLabel
from diary.domain import VitalReading
from diary.actions.lock import key_source
from diary.store import open_store

path, name, count, start_flag = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
print("ready", flush=True)
while not start_flag.exists():
    time.sleep(0.001)
base = dt.datetime(2020, 1, 1, 9, tzinfo=dt.timezone.utc)
offset = 0 if name == "a" else 1
with open_store(path, key=key_source(Path(path))) as store:  # unlocked when encrypted
    for i in range(count):
        at = base + dt.timedelta(days=2 * i + offset)
        store.add_session(Session(
            at, Route.IV, dose_mg=35.0, clinic=name, note=f"{name}{i}",
            vitals=(
                VitalReading(VitalLabel.PRE, 120, 80, taken_at=at),
                VitalReading(VitalLabel.FORTY, 135, 85, taken_at=at),
                VitalReading(VitalLabel.DISCHARGE, 125, 82),
            ),
            side_effects=(
                SideEffectRating("nausea", Severity.MILD),
                SideEffectRating("dizziness", Severity.MODERATE),
            ),
        ))
        if i % 2 == 0:
            store.save_mood(MoodEntry(at.date(), i % 11, note=f"{name}{i}"))
        time.sleep(0.002)  # a person's pace, not a tight loop: lets the other writer in
print("done", name)
"""

LOOPER = r"""
import datetime as dt, sys
from pathlib import Path
from diary.actions.lock import key_source
from diary.domain import Route, Session, Severity, SideEffectRating, VitalLabel, VitalReading
from diary.store import open_store

base = dt.datetime(2021, 1, 1, 9, tzinfo=dt.timezone.utc)
with open_store(sys.argv[1], key=key_source(Path(sys.argv[1]))) as store:
    i = 0
    while True:
        at = base + dt.timedelta(hours=i)
        store.add_session(Session(
            at, Route.IM, dose_mg=50.0, note="x" * 3000,
            vitals=tuple(VitalReading(VitalLabel.OTHER, 120 + k, 80, taken_at=at)
                         for k in range(3)),
            side_effects=tuple(SideEffectRating(key, Severity.MILD, 5, 30, "y" * 500)
                               for key in ("nausea", "dizziness", "dissociation", "anxiety")),
        ))
        i += 1
        print(i, flush=True)
"""


def spawn(script: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ,
    )


def test_two_processes_writing_at_the_same_moment_all_land(kind: Kind, tmp_path: Path) -> None:
    path = tmp_path / "shared.db"  # plain: not made yet, both processes race to create it too
    if kind.is_encrypted:
        kind.make(path)  # an encrypted diary is never new: `diary encrypt` made it
    flag = tmp_path / "go"
    count = 300
    writers = [spawn(WRITER, str(path), name, str(count), str(flag)) for name in ("a", "b")]
    for writer in writers:  # both have imported everything and wait for the flag
        assert writer.stdout is not None
        assert writer.stdout.readline() == "ready\n"
    flag.touch()
    for writer in writers:
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err
        assert err == ""
    db = kind.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("SELECT clinic, COUNT(*) FROM sessions GROUP BY clinic").fetchall() == [
        ("a", count),
        ("b", count),
    ]
    assert db.execute("SELECT COUNT(*) FROM vitals").fetchone() == (3 * 2 * count,)
    assert db.execute("SELECT COUNT(*) FROM side_effects").fetchone() == (2 * 2 * count,)
    assert db.execute("SELECT COUNT(*) FROM moods").fetchone() == (count,)
    order = [c for (c,) in db.execute("SELECT clinic FROM sessions ORDER BY id")]
    turns = sum(1 for one, two in itertools.pairwise(order) if one != two)
    assert turns >= 50  # the two really wrote at the same time, turn about (~500 seen)
    notes = {n for (n,) in db.execute("SELECT note FROM sessions")}
    assert notes == {f"{name}{i}" for name in ("a", "b") for i in range(count)}
    db.close()
    with kind.open(path) as store:
        numbers = store.session_numbers()
    assert sorted(numbers.values()) == list(range(1, 2 * count + 1))


def test_a_killed_writer_never_leaves_half_a_session(kind: Kind, tmp_path: Path) -> None:
    path = tmp_path / "killed.db"
    kind.make(path)
    rng = random.Random(20261120)
    reported = 0
    for _round in range(4):
        looper = spawn(LOOPER, str(path))
        assert looper.stdout is not None
        first = looper.stdout.readline()  # at least one save of this round landed
        assert first.strip().isdigit(), looper.stderr.read() if looper.stderr else ""
        time.sleep(rng.uniform(0.05, 0.6))
        looper.send_signal(signal.SIGKILL)
        rest, _ = looper.communicate(timeout=30)
        assert looper.returncode == -signal.SIGKILL
        reported += int([first.strip(), *rest.split()][-1])
    db = kind.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    sessions = db.execute("SELECT COUNT(*) FROM sessions").fetchone()[0]
    # every save that printed has landed; at most one per round saved without printing
    assert reported <= sessions <= reported + 4
    assert (
        db.execute(
            "SELECT s.id, (SELECT COUNT(*) FROM vitals v WHERE v.session_id = s.id), "
            "(SELECT COUNT(*) FROM side_effects e WHERE e.session_id = s.id) FROM sessions s "
            "WHERE (SELECT COUNT(*) FROM vitals v WHERE v.session_id = s.id) != 3 "
            "OR (SELECT COUNT(*) FROM side_effects e WHERE e.session_id = s.id) != 4"
        ).fetchall()
        == []
    )
    assert db.execute("SELECT COUNT(*) FROM vitals WHERE session_id IS NULL").fetchone() == (0,)
    db.close()
    with kind.open(path) as store:  # the diary opens and reads whole after the kills
        assert len(store.sessions_between()) == sessions
