"""The app in a real terminal: tmux runs `diary demo`, keys go in, the screen is read back."""

from __future__ import annotations

import datetime as dt
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from diary import domain
from diary.store import open_store

TODAY = dt.date(2026, 11, 20)

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None,
    reason="tmux is not installed (.ci/run installs it); the real-terminal smoke test needs it",
)


class Terminal:
    """One tmux session on a private server, so nothing else in tmux is touched."""

    def __init__(self, socket: Path, command: str, width: int = 100, height: int = 30) -> None:
        self.socket = str(socket)
        self.tmux("new-session", "-d", "-s", "app", "-x", str(width), "-y", str(height), command)

    def tmux(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["tmux", "-S", self.socket, *args], capture_output=True, text=True, timeout=10
        )

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "app").stdout

    def wait_for(self, *texts: str, timeout: float = 20.0) -> str:
        """The screen once any of the texts shows on it; fails with the screen after timeout."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if any(text in screen for text in texts):
                return screen
            time.sleep(0.05)
        raise AssertionError(f"none of {texts} showed within {timeout} s; screen:\n{screen}")

    def wait_without(self, text: str, timeout: float = 20.0) -> str:
        """The screen once text has gone from it; fails with the screen after timeout."""
        deadline = time.monotonic() + timeout
        screen = self.screen()
        while text in screen:
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} stayed for {timeout} s; screen:\n{screen}")
            time.sleep(0.05)
            screen = self.screen()
        return screen

    def click(self, text: str) -> None:
        """A left click on the first cell of text on the screen (SGR mouse bytes)."""
        for row, line in enumerate(self.screen().splitlines()):
            if text in line:
                col = line.index(text)
                for end in "Mm":  # press, release; SGR counts cells from 1
                    sequence = f"\x1b[<0;{col + 1};{row + 1}{end}".encode()
                    self.tmux("send-keys", "-t", "app", "-H", *(f"{b:02x}" for b in sequence))
                return
        raise AssertionError(f"{text!r} is not on the screen:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "app", *keys)

    def running(self) -> bool:
        return self.tmux("has-session", "-t", "app").returncode == 0

    def wait_until_closed(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while self.running():
            if time.monotonic() > deadline:
                raise AssertionError(f"the app did not quit; screen:\n{self.screen()}")
            time.sleep(0.05)

    def kill(self) -> None:
        self.tmux("kill-server")


def diary_in_tmux(
    tmp_path: Path, *args: str, keep_open: bool = False, **env: str
) -> tuple[Terminal, Path]:
    """`python -m diary ARGS` in a new terminal on the pinned day, and the file its exit
    code is written to when it ends (keep_open: the terminal stays a while after it)."""
    exit_file = tmp_path / "exit-code"
    env = {
        "DIARY_TODAY": TODAY.isoformat(),
        "TZ": "UTC",
        "HOME": os.environ["HOME"],
        "XDG_DATA_HOME": os.environ["XDG_DATA_HOME"],
        **env,
    }
    app = " ".join(shlex.quote(a) for a in [sys.executable, "-m", "diary", *args])
    settings = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    command = f"env {settings} {app}; echo $? > {shlex.quote(str(exit_file))}"
    if keep_open:
        command += "; sleep 60"
    return Terminal(tmp_path / "tmux.sock", f"sh -c {shlex.quote(command)}"), exit_file


def test_diary_demo_in_tmux(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    terminal, exit_file = diary_in_tmux(
        tmp_path, "demo", "--db", str(db), DIARY_DB=str(tmp_path / "never-used.db")
    )
    try:
        first = terminal.wait_for("Today ·")
        assert "Friday 20 November 2026" in first
        terminal.keys("7", "Enter")
        terminal.wait_for("Mood 7/10 saved for 20 Nov", "Saved: mood 7/10")
        terminal.keys("h")
        history = terminal.wait_for("sessions")
        assert "History" in history
        history = terminal.wait_for("2026-11-20 Fri  7/10")
        assert "2026-11-19 Thu" in history
        terminal.keys("q")
        terminal.wait_until_closed()
    finally:
        terminal.kill()
    assert exit_file.read_text().strip() == "0"
    assert not (tmp_path / "never-used.db").exists()
    with open_store(db) as store:
        assert store.mood_for(TODAY).mood == 7
        assert len(store.sessions_between(None, None)) == 51


def test_the_leave_question_in_a_real_terminal(tmp_path: Path) -> None:
    """Typed into the session grid, then h and q: the question shows both times, nothing
    is saved, and discard quits cleanly. Every wait polls the screen (no fixed sleeps)."""
    db = tmp_path / "diary.db"
    terminal, exit_file = diary_in_tmux(tmp_path, "--db", str(db))
    question = "Leave without saving? (save / discard / stay)"
    try:
        terminal.wait_for("Today ·")
        terminal.keys("n")
        terminal.wait_for("2026-11-20 12:00")  # the form is built and filled
        # Into the grid by a click on Dizziness's row: a click moves the focus before the
        # next key is read, while a Tab only moves it once the key has gone round the
        # widgets, so a "2" sent right after Tabs can still land in the date field.
        terminal.click("Dizziness")
        terminal.keys("2")
        grid = terminal.wait_for("[2 moderate]")
        assert "Dizziness" in grid
        terminal.keys("h")
        assert "Not saved yet: this session form." in terminal.wait_for(question)
        terminal.keys("Escape")  # stay
        terminal.wait_without(question)
        # the form comes back as it was (polled: the dialog's close is drawn in more than
        # one frame, so the first screen without the question can still be half drawn)
        kept = terminal.wait_for("[2 moderate]")
        assert question not in kept and "New session" in kept
        terminal.keys("q")
        terminal.wait_for(question)
        terminal.keys("d")  # discard, and the quit goes on
        terminal.wait_until_closed()
    finally:
        terminal.kill()
    assert exit_file.read_text().strip() == "0"
    with open_store(db) as store:
        assert store.sessions_between(None, None) == []


@pytest.mark.parametrize(("signal_name", "code"), [("TERM", 143), ("HUP", 129)])
def test_a_signal_closes_the_app_naming_the_typed_work_it_drops(
    tmp_path: Path, signal_name: str, code: int
) -> None:
    """kill -TERM (a shutdown) or SIGHUP (the window closed): the app closes as q would,
    handing the terminal back, saving nothing unasked, and says what typed work it drops."""
    db = tmp_path / "diary.db"
    with open_store(db) as store:
        store.save_mood(domain.MoodEntry(TODAY, 6, note="saved before"))
    terminal, exit_file = diary_in_tmux(tmp_path, "--db", str(db), keep_open=True)
    try:
        terminal.wait_for("Saved for this day")
        terminal.keys("8")  # the mood picker has the focus: typed, not saved
        terminal.wait_for("[8]")
        app = subprocess.run(  # the app: its diary's path is this test's own
            ["pgrep", "-f", f"python.* -m diary --db {db}$"], capture_output=True, text=True
        ).stdout.split()
        assert len(app) == 1, app
        os.kill(int(app[0]), getattr(signal, f"SIG{signal_name}"))
        screen = terminal.wait_for(f"closed by SIG{signal_name}")
        deadline = time.monotonic() + 10
        while not exit_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "not saved: this day's mood, anxiety, sleep or note." in screen
        assert "\x1b" not in screen and "Today ·" not in screen  # the terminal is given back
    finally:
        terminal.kill()
    assert exit_file.read_text().strip() == str(code)
    with open_store(db) as store:
        assert store.mood_for(TODAY).note == "saved before"


def test_the_app_ends_when_its_window_closes_just_as_it_starts(tmp_path: Path) -> None:
    """tmux's window killed the moment Today shows: the app's clean close then hung for
    ever on the gone terminal (Textual's writer queue), the diary left open by a process
    no SIGTERM ended. Now it ends within a few seconds, its saves whole."""
    db = tmp_path / "diary.db"
    with open_store(db) as store:
        store.save_mood(domain.MoodEntry(TODAY, 6, note="saved before"))
    terminal, _ = diary_in_tmux(tmp_path, "--db", str(db))
    pattern = f"python.* -m diary --db {db}$"
    try:
        terminal.wait_for("Today ·")
        terminal.kill()  # the window, and the terminal with it, gone at once
        deadline = time.monotonic() + 30  # a bound on waiting, not a timing
        while time.monotonic() < deadline:
            if subprocess.run(["pgrep", "-f", pattern], capture_output=True).returncode:
                break
            time.sleep(0.1)
        left = subprocess.run(["pgrep", "-f", pattern], capture_output=True, text=True).stdout
        assert left == "", "the app is still running with its window gone"
    finally:
        terminal.kill()
        subprocess.run(["pkill", "-9", "-f", pattern], capture_output=True)
    with open_store(db) as store:
        assert store.mood_for(TODAY).note == "saved before"
