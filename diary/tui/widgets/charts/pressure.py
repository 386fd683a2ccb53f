"""Blood pressure per session, one reading at a time (pre-dose, ~40 min or discharge):
systolic ▲ and diastolic ▼ apart, whole-number mmHg ticks with 140 and 90 labelled, the
legend under the axis (never on the data), and every flagged reading marked ✖ as well as
coloured."""

from __future__ import annotations

from typing import Any

from diary import analysis
from diary.analysis.pressure import SessionPressure
from diary.domain import BP_REFERENCE, Session, VitalLabel, VitalReading
from diary.tui.widgets.charts.axes import even_top, plot_rows
from diary.tui.widgets.charts.colours import ChartColours

READINGS = (VitalLabel.PRE, VitalLabel.FORTY, VitalLabel.DISCHARGE)
FIELDS = {VitalLabel.PRE: "pre", VitalLabel.FORTY: "forty", VitalLabel.DISCHARGE: "discharge"}
SYSTOLIC, DIASTOLIC, FLAG = "▲", "▼", "✖"
TICK_STEP = 20
TICK_GAP = 20  # a round tick this close to 140 or 90 is left out, so no two labels touch


def flagged(reading: VitalReading, value: str) -> bool:
    """Whether the chart marks this reading's systolic or diastolic value: the part that
    puts it above the 140/90 reference (the domain's above_reference rule)."""
    limit = dict(zip(("systolic", "diastolic"), BP_REFERENCE, strict=True))[value]
    return reading.above_reference and getattr(reading, value) > limit


def mmhg_ticks(low: int, high: int) -> list[int]:
    """Whole-number ticks from low to high: 140 and 90, and multiples of 20 clear of them."""
    references = set(BP_REFERENCE)
    ticks = set(references)
    for value in range(low - low % TICK_STEP, high + 1, TICK_STEP):
        if low <= value <= high and all(abs(value - r) >= TICK_GAP for r in references):
            ticks.add(value)
    return sorted(ticks)


def axis_range(readings: list[VitalReading]) -> tuple[int, int]:
    """Room for every reading and both reference lines, in whole tens."""
    low = min([r.diastolic for r in readings] + [BP_REFERENCE[1]]) - 10
    high = max([r.systolic for r in readings] + [BP_REFERENCE[0]]) + 10
    return low - low % 10, high + (-high) % 10


def draw_pressure(
    plt: Any,
    sessions: list[Session],
    numbers: dict[int, int],
    label: VitalLabel,
    colours: ChartColours,
    height: int,
) -> None:
    """Draw one reading's systolic and diastolic per session on a cleared plotext figure;
    numbers maps a session id to its session number."""
    series: list[SessionPressure] = analysis.bp_series(sessions)
    field = FIELDS[label]
    points = [
        (index, reading)
        for index, pressure in enumerate(series)
        if (reading := getattr(pressure, field)) is not None
    ]
    readings = [reading for _, reading in points]
    low, high = axis_range(readings)
    systolic_limit, diastolic_limit = BP_REFERENCE
    plt.hline(systolic_limit, color=colours.reference)
    plt.hline(diastolic_limit, color=colours.reference)
    for value, marker, colour in (
        ("systolic", SYSTOLIC, colours.series[0]),
        ("diastolic", DIASTOLIC, colours.series[1]),
    ):
        plain = [(i, getattr(r, value)) for i, r in points if not flagged(r, value)]
        marked = [(i, getattr(r, value)) for i, r in points if flagged(r, value)]
        if plain:
            plt.scatter([p[0] for p in plain], [p[1] for p in plain], marker=marker, color=colour)
        if marked:
            plt.scatter(
                [p[0] for p in marked], [p[1] for p in marked], marker=FLAG, color=colours.flag
            )
    ticks = mmhg_ticks(low, high)
    plt.ylim(low, even_top(low, high, 10, plot_rows(height, xlabel=True)))
    plt.yticks(ticks, [str(t) for t in ticks])
    count = len(series)
    plt.xlim(-0.5, max(count, 1) - 0.5)
    if series:
        step = max(1, count // 6)
        positions = list(range(0, count, step))
        plt.xticks(positions, [f"#{numbers.get(series[p].session.id or 0)}" for p in positions])
    shown = sum(1 for _, r in points if r.above_reference)
    plt.title(
        f"Blood pressure, {label.label} (mmHg) · {len(points)} of {count} sessions · "
        f"{shown} above 140/90"
    )
    plt.xlabel(f"{SYSTOLIC} systolic  {DIASTOLIC} diastolic  {FLAG} above 140/90 (a reference)")
