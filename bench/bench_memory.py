"""Peak memory of the app on a demo diary, walked through Today, History and Trends.

    python bench/bench_memory.py                  # ten-year demo, 3 runs
    python bench/bench_memory.py --years 40 --json

Each run is a fresh process that opens the app headless (`App.run_test`, 120x40) on a copy
of the demo diary, shows Today, History (every row loaded), then Trends in every window
(30, 90, 365 days, all) and every chart, and reports its peak resident set size (VmHWM
from /proc/self/status; the parent cross-checks with getrusage's ru_maxrss). The same is
measured for bench/minimal_app.py (Header, DataTable, Footer) as a yardstick.
Target (benchmark issue): under 150 MiB with the ten-year diary.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_db import TODAY, bench_options, demo_db, fresh_copy  # noqa: E402

TARGET_MIB = 150


def peak_mib() -> float:
    """This process's peak resident set size in MiB (VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def walk_the_diary(path: Path) -> str:
    """Today, History, then Trends in every window and chart; returns what was shown."""
    from textual.widgets import DataTable

    from diary.store import open_store
    from diary.tui.app import DiaryApp
    from diary.tui.screens.trends import TrendsScreen

    with open_store(path) as store:
        app = DiaryApp(store)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("h")
            await app.workers.wait_for_complete()
            await pilot.pause()
            rows = app.screen.query_one("#history", DataTable).row_count
            await pilot.press("g")
            while not (isinstance(app.screen, TrendsScreen) and app.screen.data is not None):
                await pilot.pause(0.05)
            for window in ("1", "2", "3", "4"):
                await pilot.press(window)
                await pilot.pause()
                for _ in range(6):
                    await pilot.press("right_square_bracket")
                    await pilot.pause()
            await app.workers.wait_for_complete()
    return f"{rows} history rows"


async def walk_minimal() -> str:
    from minimal_app import MinimalApp

    app = MinimalApp()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
    return "minimal app"


def child(kind: str, path: str) -> int:
    os.environ["DIARY_TODAY"] = TODAY
    shown = asyncio.run(walk_minimal() if kind == "minimal" else walk_the_diary(Path(path)))
    print(json.dumps({"peak_mib": peak_mib(), "shown": shown}))
    return 0


def run_child(kind: str, path: Path | None) -> tuple[float, str]:
    """(peak RSS in MiB the child reported, what it showed)."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path or "")],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=HERE,
    )
    if done.returncode != 0:
        raise SystemExit(f"the {kind} run failed:\n{done.stderr}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["peak_mib"], report["shown"]


def measure(years: float, runs: int) -> dict[str, object]:
    path = fresh_copy(demo_db(years), f"memory-{years:g}y.db")
    diary = [run_child("diary", path) for _ in range(runs)]
    minimal = [run_child("minimal", None) for _ in range(runs)]
    peaks = [peak for peak, _ in diary]
    return {
        "years": years,
        "runs": runs,
        "diary_peak_mib": statistics.median(peaks),
        "diary_peak_max_mib": max(peaks),
        "diary_shown": diary[0][1],
        "minimal_peak_mib": statistics.median(peak for peak, _ in minimal),
        # the kernel's own account of the largest child, as a cross-check of VmHWM
        "children_maxrss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "command": f"python bench/bench_memory.py --years {years:g} -n {runs}",
    }


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        return child(sys.argv[2], sys.argv[3])
    args = bench_options(__doc__, runs=3).parse_args()
    result = measure(args.years, args.n)
    if args.json:
        print(json.dumps(result))
        return 0
    peak = result["diary_peak_mib"]
    print(
        f"app on the {args.years:g}-year demo ({result['diary_shown']}): peak RSS median "
        f"{peak:.1f} MiB (max {result['diary_peak_max_mib']:.1f}) over {args.n} runs"
    )
    print(f"minimal Textual app: peak RSS median {result['minimal_peak_mib']:.1f} MiB")
    print(f"largest child by getrusage: {result['children_maxrss_mib']:.1f} MiB")
    print(f"target: under {TARGET_MIB} MiB:", "met" if peak < TARGET_MIB else "NOT met")
    return 0 if peak < TARGET_MIB else 1


if __name__ == "__main__":
    raise SystemExit(main())
