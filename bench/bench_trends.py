"""Time switching the Trends window and chart on the ten-year demo diary (run by hand).

    python bench/bench_trends.py            # -n 15 switches of each kind by default

The app runs headless (`App.run_test`) at 120x40 with today pinned. Each figure is the
time from the key press until the new chart has been rendered (the chart widget's
`render()` returned). The trends issue's
target: under 100 ms.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_db import TODAY, bench_options, demo_db, fresh_copy


async def measure(path: Path, runs: int) -> dict[str, list[float]]:
    """Key press to the end of the new chart's render, per switch (not counting Pilot's
    own settling time, which includes the cosmetic tab-underline animation)."""
    from textual_plotext import PlotextPlot

    from diary.store import open_store
    from diary.tui.app import DiaryApp
    from diary.tui.screens.trends import TrendsScreen
    from diary.tui.widgets.charts.side_effects import SeverityGrid
    from diary.tui.widgets.charts.year import YearPixels

    rendered: list[float] = []

    def record(cls: type) -> None:
        original = cls.render

        def render(self):  # type: ignore[no-untyped-def]
            result = original(self)
            rendered.append(time.perf_counter())
            return result

        cls.render = render

    for cls in (PlotextPlot, SeverityGrid, YearPixels):
        record(cls)

    async def switch(pilot, key: str) -> float:  # type: ignore[no-untyped-def]
        rendered.clear()
        start = time.perf_counter()
        pilot.app.simulate_key(key)
        while not rendered:
            await asyncio.sleep(0.001)
        await pilot.pause()
        return rendered[0] - start

    timings: dict[str, list[float]] = {"window": [], "chart": []}
    with open_store(path) as store:
        app = DiaryApp(store)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("g")
            while not (isinstance(app.screen, TrendsScreen) and app.screen.data is not None):
                await pilot.pause(0.05)
            await pilot.pause()
            windows = ["1", "2", "3", "4"]
            for run in range(runs * len(windows)):
                timings["window"].append(await switch(pilot, windows[run % len(windows)]))
            await switch(pilot, "4")  # every chart over all ten years: the slowest case
            for _ in range(runs * 6):
                timings["chart"].append(await switch(pilot, "right_square_bracket"))
    return timings


def main() -> int:
    args = bench_options(__doc__, runs=15, json=False).parse_args()
    os.environ["DIARY_TODAY"] = TODAY
    path = fresh_copy(demo_db(args.years), "trends")
    timings = asyncio.run(measure(path, args.n))
    worst = 0.0
    for kind, values in timings.items():
        median = statistics.median(values) * 1000
        worst = max(worst, median)
        print(
            f"switch {kind:<6}: median {median:6.1f} ms, max {max(values) * 1000:6.1f} ms "
            f"({len(values)} switches, {args.years:g}-year demo)"
        )
    print("target: under 100 ms:", "met" if worst < 100 else "NOT met")
    return 0 if worst < 100 else 1


if __name__ == "__main__":
    raise SystemExit(main())
