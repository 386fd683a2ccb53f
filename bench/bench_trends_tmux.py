"""Trends in a real terminal: from a key sent by tmux to the redrawn screen, on the ten-year
demo diary (the speed issue's goal: within 150 ms).

    python bench/bench_trends_tmux.py          # -n 11 of each switch

Opens the app in a private tmux server (80x24), goes to Trends, then times, alternately:
a window switch (keys 1 and 3: 30 and 365 days; done when the title names the new window)
and a chart switch (`]` from the mood chart to the lift after a session and back with `[`;
done when that chart's own title is on screen). Each time runs from `send-keys` to the
first `capture-pane` that shows the change, polled about every 5 ms, so it includes
tmux's own round trip.
"""

from __future__ import annotations

import statistics
import sys
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_first_paint import DIARY_LABEL, Tmux  # noqa: E402
from build_db import TODAY, bench_options, compile_package, demo_db, fresh_copy  # noqa: E402

TARGET_MS = 150
POLL_S = 0.005
TIMEOUT_S = 20.0
WINDOWS = (("1", "Trends · 30 days"), ("3", "Trends · 365 days"))
CHARTS = (("]", "Mean mood by day from a session"), ("[", "Mood 0-10"))


def until(tmux: Tmux, name: str, text: str, start: float) -> float:
    while True:
        if text in tmux.run("capture-pane", "-p", "-t", name).stdout:
            return time.perf_counter() - start
        if time.perf_counter() - start > TIMEOUT_S:
            raise SystemExit(f"{text!r} did not show in {TIMEOUT_S} s")
        time.sleep(POLL_S)


def switch(tmux: Tmux, name: str, key: str, text: str) -> float:
    start = time.perf_counter()
    tmux.run("send-keys", "-t", name, key)
    return until(tmux, name, text, start)


def main() -> int:
    args = bench_options(__doc__, runs=11, json=False).parse_args()
    compile_package()
    db = fresh_copy(demo_db(args.years), "trends-tmux.db")
    tmux = Tmux()
    name = f"trends-{uuid.uuid4().hex[:6]}"
    shell = f"env DIARY_TODAY={TODAY} TZ=UTC TERM=xterm-256color {sys.executable} -m diary"
    tmux.run("new-session", "-d", "-s", name, "-x", "80", "-y", "24", f"{shell} --db {db}")
    times: dict[str, list[float]] = {"window": [], "chart": []}
    try:
        until(tmux, name, DIARY_LABEL, time.perf_counter())
        switch(tmux, name, "g", "Trends · 90 days")
        until(tmux, name, "Mood 0-10", time.perf_counter())
        for run in range(args.n + 1):  # the first round warms up and is not counted
            for kind, steps in (("window", WINDOWS), ("chart", CHARTS)):
                for key, text in steps:
                    elapsed = switch(tmux, name, key, text)
                    if run:
                        times[kind].append(elapsed)
                    time.sleep(0.1)  # let the screen settle before the next key
    finally:
        tmux.run("kill-session", "-t", name)
        tmux.close()
    print(f"database: {db} ({args.years:g} years of demo data), 80x24")
    for kind, values in times.items():
        print(
            f"switch {kind:<6}: median {statistics.median(values) * 1000:6.0f} ms "
            f"(min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f}, n={len(values)}; "
            f"goal <= {TARGET_MS} ms)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
