"""No network: every command runs with Internet sockets and name lookups forbidden.

Each `diary` process starts with a sitecustomize.py that makes creating an IPv4/IPv6 socket,
connecting, and resolving a name raise, and writes every attempt to a log file. Every
command must succeed and the log must stay empty. (Local AF_UNIX socket pairs, which
asyncio uses inside the app, stay allowed: they never leave the machine.)
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from diary.domain import MoodEntry
from diary.store import open_store
from diary.tui.app import DiaryApp
from tests.conftest import split_started

GUARD = r'''
"""Forbid the network in this process and log every attempt (tests/test_no_network.py)."""
import os
import socket
import traceback

_LOG = os.environ["DIARY_NETWORK_LOG"]
_INTERNET = {socket.AF_INET, socket.AF_INET6}


def _attempt(what):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(f"{what}\n{''.join(traceback.format_stack(limit=8))}\n")
    raise OSError(f"network access is forbidden here ({what})")


class _GuardedSocket(socket.socket):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None and (family == -1 or family in _INTERNET):
            _attempt(f"socket(family={family})")
        super().__init__(family, type, proto, fileno)

    def connect(self, address):
        _attempt(f"connect({address!r})")

    def connect_ex(self, address):
        _attempt(f"connect_ex({address!r})")

    def sendto(self, *args):
        _attempt("sendto")


def _refuse(name):
    def refused(*args, **kwargs):
        _attempt(f"{name}{args!r}")

    return refused


socket.socket = _GuardedSocket
for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
              "gethostbyaddr", "getnameinfo", "create_server"):
    setattr(socket, _name, _refuse(_name))
'''


@pytest.fixture
def guarded_env(tmp_path: Path) -> dict[str, str]:
    folder = tmp_path / "guard"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(GUARD, encoding="utf-8")
    path = os.environ.get("PYTHONPATH", "")
    return {
        "PYTHONPATH": str(folder) + (os.pathsep + path if path else ""),
        "DIARY_NETWORK_LOG": str(tmp_path / "network.log"),
    }


def run_guarded(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "diary", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )


def attempts(env: dict[str, str]) -> str:
    log = Path(env["DIARY_NETWORK_LOG"])
    return log.read_text(encoding="utf-8") if log.exists() else ""


def test_the_guard_catches_a_connection(guarded_env: dict[str, str]) -> None:
    """The test can fail: a process that reaches for the network is caught and logged."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import urllib.request; urllib.request.urlopen('http://example.org', timeout=1)",
        ],
        capture_output=True,
        text=True,
        env={**os.environ, **guarded_env},
        timeout=60,
    )
    assert done.returncode == 1
    assert "network access is forbidden here" in done.stderr
    assert attempts(guarded_env).startswith("create_connection(('example.org', 80)")


SAMPLES = Path(__file__).parent / "data" / "imports"
IMPORT_SAMPLES = [
    ("daylio-backup", "backup.daylio"),
    ("bearable", "bearable.csv"),
    ("emoods", "emoods.csv"),
    ("afterflow", "afterflow.csv"),
    ("pixels", "pixels.json"),
    ("csv", "mood-tracker.csv", "--date-column", "Day", "--mood-column", "Mood (1-10)",
     "--scale", "1-10", "--date-format", "%d/%m/%Y"),
]  # fmt: skip


def test_every_command_runs_without_the_network(
    guarded_env: dict[str, str], tmp_path: Path, db_path: Path
) -> None:
    daylio = tmp_path / "daylio.csv"
    daylio.write_text(
        "full_date,date,weekday,time,mood,activities,note_title,note\n"
        "2026-10-02,October 2,Friday,9:00,good,walk,,calm\n"
        "2026-10-01,October 1,Thursday,21:00,meh,,,\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    commands = [
        ("mood", "7", "--note", "calm"),
        ("session", "add", "--route", "iv", "--at", "2026-11-19 10:00", "--dose-mg", "35",
         "--bp-pre", "128/82", "--bp-40", "141/90", "--symptom", "dizziness=2"),
        ("checkin", "phq9", "--answers", "1,1,1,1,1,1,1,1,0"),
        ("settings", "--name", "Ann", "--country", "GB"),
        ("settings",),
        ("import", "daylio", str(daylio)),
        ("list",),
        ("stats",),
        ("stats", "--json"),
        ("export", "csv", "-o", str(out / "daily.csv")),
        ("export", "tables", "-o", str(out / "tables")),
        ("export", "fhir", "-o", str(out / "bundle.json")),
        ("report", "-o", str(out / "report.md")),
        ("report", "-o", str(out / "report.html")),
        ("report", "-o", str(out / "report.pdf")),
        ("backup", "-o", str(out / "backup.json")),
        ("restore", str(out / "backup.json"), "--db", str(tmp_path / "restored.db")),
        ("restore", "--merge", str(out / "backup.json")),
        ("demo", "--no-open", "--db", str(tmp_path / "demo.db")),
        ("due",),
        *(("import", kind, str(SAMPLES / name), *more, "--db", str(tmp_path / "other.db"))
          for kind, name, *more in IMPORT_SAMPLES),
    ]  # fmt: skip
    for args in commands:
        done = run_guarded(guarded_env, *args)
        stderr, _ = split_started(done.stderr)  # a new diary says so in one line
        assert (done.returncode, stderr) == (0, ""), (args, done.stderr)
        assert attempts(guarded_env) == "", args
    assert json.loads(run_guarded(guarded_env, "stats", "--json").stdout)["days_logged"] == 3
    for name in (
        "daily.csv",
        "report.md",
        "report.html",
        "report.pdf",
        "backup.json",
        "bundle.json",
    ):
        assert (out / name).stat().st_size > 0, name
    assert len(list((out / "tables").glob("*.csv"))) == 12  # schema 2: 12 tables
    assert attempts(guarded_env) == ""


async def _use_the_app(path: Path) -> None:
    from diary.tui.screens.trends import TrendsScreen

    with open_store(path) as store:
        app = DiaryApp(store)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("7", "ctrl+s")  # Today: save a mood
            await pilot.pause()
            for key in ("h", "g"):  # History, Trends
                await pilot.press(key)
                await app.workers.wait_for_complete()
                await pilot.pause()
            assert isinstance(app.screen, TrendsScreen)
            for key in ("1", "4", "right_square_bracket"):
                await pilot.press(key)
                await pilot.pause()
            await pilot.press("n")  # a session, saved
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("e")  # Export: write the file it offers
            await pilot.pause()
            await pilot.press("ctrl+s")
            await app.workers.wait_for_complete()
            await pilot.pause()
            written = str(app.screen.query_one("#written").render())
            assert written.startswith("Wrote "), written
        assert store.mood_for(dt.date(2026, 11, 20)) == MoodEntry(dt.date(2026, 11, 20), 7)
        assert len(store.sessions_between()) == 1


def test_the_app_runs_without_the_network(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    tried: list[str] = []
    internet = {socket.AF_INET, socket.AF_INET6}

    class Guarded(socket.socket):
        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
            if fileno is None and (family == -1 or family in internet):
                tried.append(f"socket({family})")
                raise OSError("network access is forbidden here")
            super().__init__(family, type, proto, fileno)

        def connect(self, address):  # type: ignore[override]
            tried.append(f"connect({address!r})")
            raise OSError("network access is forbidden here")

    def refuse(name: str):
        def refused(*args, **kwargs):
            tried.append(name)
            raise OSError("network access is forbidden here")

        return refused

    monkeypatch.setattr(socket, "socket", Guarded)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "getnameinfo"):
        monkeypatch.setattr(socket, name, refuse(name))
    asyncio.run(_use_the_app(db_path))
    assert tried == []
