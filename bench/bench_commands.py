"""Time the whole-diary commands on a demo diary: export csv, report html/pdf, backup, restore.

    python bench/bench_commands.py                 # ten-year demo, -n 7 runs of each
    python bench/bench_commands.py --years 40 --json

Each figure is the median wall time of n runs of the `diary` console script (after one
warm-up run), from launch to exit, so it includes the interpreter's start. The export
covers every day recorded (its default range); the reports cover their default range, the
last 90 days; backup writes the whole diary to JSON; restore reads that JSON back into a
new file. Runs go to copies under bench/out/, never to the built demo diary.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_db import (
    OUT,
    TODAY,
    bench_options,
    compile_package,
    demo_db,
    diary_command,
    fresh_copy,
    timed,
)


def measure(years: float, runs: int) -> dict[str, dict[str, object]]:
    """{name: {"median_s", "min_s", "max_s", "runs", "command"}} for each command."""
    env = {**os.environ, "DIARY_TODAY": TODAY, "TZ": "UTC"}
    env.pop("DIARY_DB", None)
    tag = f"{years:g}y"
    compile_package()
    copy = fresh_copy(demo_db(years), f"commands-{tag}.db")
    work = OUT / f"commands-{tag}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    diary = diary_command()
    backup = work / "backup.json"
    restored = work / "restored.db"
    db = ["--db", str(copy)]
    commands = {
        # --force: each run after the first replaces the file the one before it wrote
        "export csv": [*diary, "export", "csv", "-o", str(work / "daily.csv"), "--force", *db],
        "report html": [*diary, "report", "-o", str(work / "report.html"), "--force", *db],
        "report pdf": [*diary, "report", "-o", str(work / "report.pdf"), "--force", *db],
        "backup": [*diary, "backup", "-o", str(backup), "--force", *db],
        "restore": [*diary, "restore", str(backup), "--db", str(restored)],
    }
    results: dict[str, dict[str, object]] = {}
    for name, command in commands.items():
        times = []
        for run in range(runs + 1):  # the first run warms the file cache and is not counted
            for stale in work.glob("restored.db*"):
                stale.unlink()  # restore goes into a new file every time
            elapsed = timed(command, env)
            if run:
                times.append(elapsed)
        shown = " ".join(
            "diary" if part == diary[0] else part.replace(str(OUT) + os.sep, "bench/out/")
            for part in command
        )
        results[name] = {
            "median_s": statistics.median(times),
            "min_s": min(times),
            "max_s": max(times),
            "runs": runs,
            "command": shown,
        }
    return results


def main() -> int:
    args = bench_options(__doc__, runs=7).parse_args()
    results = measure(args.years, args.n)
    if args.json:
        print(json.dumps({"years": args.years, "commands": results}))
        return 0
    print(f"{args.years:g}-year demo diary, median of {args.n} runs (after one warm-up):")
    for name, figure in results.items():
        print(
            f"  {name:<12} {figure['median_s'] * 1000:8.0f} ms  "
            f"(min {figure['min_s'] * 1000:.0f}, max {figure['max_s'] * 1000:.0f})  "
            f"{figure['command']}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
