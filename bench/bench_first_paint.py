"""Time from launch to first paint in a real terminal: the diary against a minimal Textual app.

    python bench/bench_first_paint.py            # N=11 alternating runs of each
    python bench/bench_first_paint.py -n 21
    python bench/bench_first_paint.py --size 80x24

Each run starts the program in a fresh tmux window (100x30, or --size WxH) and polls
`tmux capture-pane` about every 5 ms until its label is on screen: "Today ·" for
`python -m diary --db <copy of the ten-year demo diary>`, bench/minimal_app.py's label for
the yardstick (Header, one DataTable, Footer). Runs alternate so a slow patch of the machine
hits both sides.
Target (TUI issue): median(diary) <= 1.25 x median(minimal).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_db import TODAY, bench_options, compile_package, demo_db, fresh_copy  # noqa: E402
from minimal_app import LABEL as MINIMAL_LABEL  # noqa: E402

TARGET = 1.25
DIARY_LABEL = "Today ·"
POLL_S = 0.005
TIMEOUT_S = 30.0


class Tmux:
    """A private tmux server for the runs, so the person's own tmux is never touched."""

    def __init__(self, width: int = 100, height: int = 30) -> None:
        self.width, self.height = width, height
        self.folder = Path(tempfile.mkdtemp(prefix="diary-bench-"))
        self.socket = str(self.folder / "tmux.sock")
        # A idle session keeps the server up, so no run pays for starting it.
        self.run("new-session", "-d", "-s", "keeper", "-x", "100", "-y", "30", "sleep 3600")

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["tmux", "-S", self.socket, *args], capture_output=True, text=True, timeout=10
        )

    def first_paint(self, command: list[str], label: str, env: dict[str, str]) -> float:
        """Seconds from launching command in a new window to label showing on its screen."""
        name = f"run-{uuid.uuid4().hex[:6]}"
        settings = [f"{key}={value}" for key, value in env.items()]
        shell = " ".join(["env", *settings, *command])
        start = time.perf_counter()
        # From bench/out/, so `-m diary` finds the installed package (or --pythonpath's), not
        # a package in whatever folder the benchmark was started from.
        size = ["-x", str(self.width), "-y", str(self.height), "-c", str(HERE / "out")]
        self.run("new-session", "-d", "-s", name, *size, shell)
        try:
            while True:
                screen = self.run("capture-pane", "-p", "-t", name).stdout
                if label in screen:
                    return time.perf_counter() - start
                if time.perf_counter() - start > TIMEOUT_S:
                    raise SystemExit(f"{label!r} did not show in {TIMEOUT_S} s:\n{screen}")
                time.sleep(POLL_S)
        finally:
            self.run("kill-session", "-t", name)
            time.sleep(0.2)  # let the killed app exit before the next run starts

    def close(self) -> None:
        self.run("kill-server")
        shutil.rmtree(self.folder, ignore_errors=True)


def main() -> int:
    parser = bench_options(__doc__, runs=11, json=False)
    parser.add_argument(
        "--pythonpath",
        metavar="DIR",
        help="run the diary from DIR/diary instead (to time a change on a copy before making it)",
    )
    parser.add_argument(
        "--size",
        default="100x30",
        metavar="WxH",
        help="the tmux window's size in columns x rows (default 100x30)",
    )
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.lower().split("x"))
    if shutil.which("tmux") is None:
        raise SystemExit("tmux is needed: this benchmark measures in a real terminal")

    compile_package()
    db = fresh_copy(demo_db(args.years), "first-paint.db")
    env = {"DIARY_TODAY": TODAY, "TZ": "UTC", "TERM": "xterm-256color"}
    python = sys.executable
    diary = [python, "-m", "diary", "--db", str(db)]
    if args.pythonpath:
        diary = ["PYTHONPATH=" + str(Path(args.pythonpath).resolve()), *diary]
    sides = {
        "diary": (diary, DIARY_LABEL),
        "minimal": ([python, str(HERE / "minimal_app.py")], MINIMAL_LABEL),
    }
    times: dict[str, list[float]] = {name: [] for name in sides}
    tmux = Tmux(width, height)
    try:
        for command, label in sides.values():  # warm the file cache; not counted
            tmux.first_paint(command, label, env)
        for run in range(args.n):
            for name, (command, label) in sides.items():
                times[name].append(tmux.first_paint(command, label, env))
            print(
                f"run {run + 1:>2}: "
                + "  ".join(f"{name} {times[name][-1] * 1000:6.0f} ms" for name in sides),
                file=sys.stderr,
            )
    finally:
        tmux.close()

    medians = {name: statistics.median(values) for name, values in times.items()}
    ratio = medians["diary"] / medians["minimal"]
    print(f"database: {db} ({args.years:g} years of demo data)")
    print(f"python:   {python}  ({os.cpu_count()} cpus)")
    print(f"terminal: {width}x{height} (tmux)")
    for name, values in times.items():
        print(
            f"{name:<8} median {medians[name] * 1000:6.0f} ms  "
            f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}, n={len(values)})"
        )
    verdict = "within" if ratio <= TARGET else "OVER"
    print(f"ratio    {ratio:.2f}x  ({verdict} the {TARGET}x target)")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
