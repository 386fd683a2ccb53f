"""How long `diary mood 7` takes on a ten-year diary, against the bare interpreter start.

    python bench/bench_quick_log.py            # N=21 alternating runs of each

Target (foundation issue): median(diary mood 7) <= 5 x median(python -c pass), both measured
in the same run. The diary is the console script the README's user runs; the interpreter
is the Python it runs on. Runs alternate so a slow patch of the machine hits both sides.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_db import bench_options, compile_package, demo_db, diary_command, fresh_copy, timed

TARGET = 5.0


def counts(path: Path) -> tuple[int, int, int, int]:
    db = sqlite3.connect(path)
    try:
        return tuple(  # type: ignore[return-value]
            db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("moods", "sessions", "vitals", "side_effects")
        )
    finally:
        db.close()


def main() -> int:
    args = bench_options(__doc__, runs=21, json=False).parse_args()

    compile_package()
    built = demo_db(args.years)
    copy = fresh_copy(built, "quick-log.db")
    moods, sessions, vitals, effects = counts(copy)
    env = {k: v for k, v in os.environ.items() if k not in ("DIARY_DB", "DIARY_TODAY")}
    bare = [sys.executable, "-c", "pass"]
    mood = [*diary_command(), "mood", "7", "--db", str(copy)]

    for _ in range(2):  # warm the file cache for both
        timed(bare, env)
        timed(mood, env)
    bare_times, mood_times = [], []
    for _ in range(args.n):
        bare_times.append(timed(bare, env))
        mood_times.append(timed(mood, env))

    bare_median = statistics.median(bare_times)
    mood_median = statistics.median(mood_times)
    ratio = mood_median / bare_median
    print(
        f"database: {built} ({moods:,} days logged, {sessions:,} sessions, {vitals:,} vitals, "
        f"{effects:,} side-effect ratings)"
    )
    print(f"python:   {sys.version.split()[0]} at {sys.executable}")
    print(f"runs:     {args.n} of each, alternating")
    print(
        f"python -c pass      median {bare_median * 1000:7.1f} ms "
        f"(min {min(bare_times) * 1000:.1f}, max {max(bare_times) * 1000:.1f})"
    )
    print(
        f"{' '.join(mood[:3]).replace(str(Path(mood[0]).parent) + os.sep, ''):<19} median "
        f"{mood_median * 1000:7.1f} ms (min {min(mood_times) * 1000:.1f}, "
        f"max {max(mood_times) * 1000:.1f})"
    )
    print(f"ratio {ratio:.2f} (target <= {TARGET:g}): {'ok' if ratio <= TARGET else 'TOO SLOW'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
