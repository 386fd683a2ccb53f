"""Blood pressure per session, one reading at a time (pre-dose, ~40 min or discharge):
systolic ● and diastolic ○ apart, whole-number mmHg ticks with 140 and 90 labelled, the
legend under the axis (never on the data), and every value that passes a reference point
(the domain's reading_flags) drawn with that flag's mark (▲ ↑ ‼) as well as coloured."""

from __future__ import annotations

from typing import Any

from diary import analysis
from diary.analysis.pressure import SessionPressure
from diary.domain import Session, VitalLabel, VitalReading
from diary.domain.pressure import PRE_DOSE_REFERENCE, RISE_LIMIT, VERY_HIGH, BPFlag, reading_flags
from diary.tui.widgets.charts.axes import even_top, plot_rows
from diary.tui.widgets.charts.colours import ChartColours

READINGS = (VitalLabel.PRE, VitalLabel.FORTY, VitalLabel.DISCHARGE)
FIELDS = {VitalLabel.PRE: "pre", VitalLabel.FORTY: "forty", VitalLabel.DISCHARGE: "discharge"}
SYSTOLIC, DIASTOLIC = "●", "○"
BP_REFERENCE = PRE_DOSE_REFERENCE  # the lines drawn: 140 and 90
TICK_STEP = 20
TICK_GAP = 20  # a round tick this close to 140 or 90 is left out, so no two labels touch


def value_flag(reading: VitalReading, pre: VitalReading | None, value: str) -> BPFlag | None:
    """The flag whose limit this reading's systolic or diastolic value passes, if any."""
    part = 0 if value == "systolic" else 1
    own = getattr(reading, value)
    for flag in reading_flags(reading, pre):
        if flag == BPFlag.ABOVE_PRE_DOSE and own > PRE_DOSE_REFERENCE[part]:
            return flag
        if (
            flag == BPFlag.RISE
            and pre is not None
            and own - getattr(pre, value) > RISE_LIMIT[part]
        ):
            return flag
        if flag == BPFlag.VERY_HIGH and own >= VERY_HIGH[part]:
            return flag
    return None


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
        (index, reading, pressure.pre)
        for index, pressure in enumerate(series)
        if (reading := getattr(pressure, field)) is not None
    ]
    readings = [reading for _, reading, _ in points]
    low, high = axis_range(readings)
    systolic_limit, diastolic_limit = BP_REFERENCE
    plt.hline(systolic_limit, color=colours.reference)
    plt.hline(diastolic_limit, color=colours.reference)
    for value, marker, colour in (
        ("systolic", SYSTOLIC, colours.series[0]),
        ("diastolic", DIASTOLIC, colours.series[1]),
    ):
        plain = [(i, getattr(r, value)) for i, r, pre in points if not value_flag(r, pre, value)]
        if plain:
            plt.scatter([p[0] for p in plain], [p[1] for p in plain], marker=marker, color=colour)
        for flag in BPFlag:
            marked = [
                (i, getattr(r, value)) for i, r, pre in points if value_flag(r, pre, value) == flag
            ]
            if marked:
                plt.scatter(
                    [p[0] for p in marked],
                    [p[1] for p in marked],
                    marker=flag.mark,
                    color=colours.flag,
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
    shown = sum(1 for _, r, pre in points if reading_flags(r, pre))
    plt.title(
        f"Blood pressure, {label.label} (mmHg) · {len(points)} of {count} sessions · "
        f"{shown} flagged"
    )
    plt.xlabel(
        f"{SYSTOLIC} systolic {DIASTOLIC} diastolic · ▲ pre-dose above 140/90 "
        "↑ rise over 40/25 ‼ very high"
    )
