"""`diary encrypt` killed with SIGKILL at 20 random moments of its conversion: each leaves a
working diary, the plain one as it was or the encrypted one whole, never neither."""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import signal
import sqlite3
import time
from contextlib import suppress
from pathlib import Path

import pexpect

from diary.actions.demo import make_demo
from diary.store import cipher, encrypted, open_store
from tests.encrypted import PASSPHRASE, counts, integrity, spawn_diary, type_new_passphrase

ROUNDS = 20


def _start(path: Path) -> tuple[pexpect.spawn, float]:
    """`diary encrypt` up to the moment Enter is pressed after the recovery code."""
    child = spawn_diary("--db", str(path), "encrypt")
    type_new_passphrase(child)
    child.expect("Press Enter")
    child.sendline("")
    return child, time.perf_counter()


def _works(path: Path, expected: dict[str, int]) -> str:
    """Which diary the path holds now ('plain' or 'encrypted'), checked whole."""
    if encrypted.is_encrypted(path):
        key = cipher.key_for_secret(PASSPHRASE, cipher.read_salt(path))
        kind = "encrypted"
    else:
        key = None
        db = sqlite3.connect(path)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        db.close()
        kind = "plain"
    assert integrity(path, key) == "ok"
    assert counts(path, key) == expected
    with open_store(path, key=key) as store:
        assert len(store.moods_between()) == expected["moods"]
    return kind


def test_a_killed_encrypt_always_leaves_a_working_diary(tmp_path: Path) -> None:
    template = tmp_path / "template.db"
    make_demo(template, dt.date(2026, 11, 20), 3, 7)
    expected = counts(template, None)
    path = tmp_path / "diary.db"

    shutil.copy(template, path)
    child, started = _start(path)  # one run to the end: how long the conversion takes
    child.expect(pexpect.EOF)
    took = time.perf_counter() - started
    child.close()
    assert child.exitstatus == 0
    assert _works(path, expected) == "encrypted"

    rng = random.Random(20261202)
    seen: dict[str, int] = {"plain": 0, "encrypted": 0}
    alive, rounds, window = 0, 0, took
    # kill at a random moment of the conversion; a run that had ended already (a busy
    # machine timed the first run long) narrows the window, so at least ROUNDS kills land
    while alive < ROUNDS and rounds < 4 * ROUNDS:
        rounds += 1
        for leftover in tmp_path.glob("*diary.db*"):
            leftover.unlink()
        shutil.copy(template, path)
        child, started = _start(path)
        time.sleep(max(0.0, rng.uniform(0, window) - (time.perf_counter() - started)))
        if child.isalive():
            alive += 1
            with suppress(ProcessLookupError):  # it may end between the two calls
                os.kill(child.pid, signal.SIGKILL)
        else:
            window *= 0.7
        child.close(force=True)
        seen[_works(path, expected)] += 1
        # a killed run's half-written copy never stands in the diary's way: the next one
        # clears it and finishes
        assert all(p.name.startswith(".diary.db.converting-") for p in encrypted.leftovers(path))
    assert sum(seen.values()) == rounds
    # the kills really interrupt the conversion (the swap comes near its end, so most leave
    # the plain diary; the first, whole run above left the encrypted one)
    assert alive == ROUNDS and seen["plain"] > 0, (alive, rounds, seen)
