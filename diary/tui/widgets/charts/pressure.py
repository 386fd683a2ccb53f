"""Blood pressure per session: pre-dose, ~40 min and discharge readings."""

from __future__ import annotations

from typing import Any

from diary import analysis
from diary.domain import Session, VitalLabel


def draw_pressure(plt: Any, sessions: list[Session], numbers: dict[int, int]) -> None:
    """Draw on a cleared plotext figure; numbers maps a session id to its session number."""
    series = analysis.bp_series(sessions)
    for label, marker in (
        (VitalLabel.PRE, "dot"),
        (VitalLabel.FORTY, "hd"),
        (VitalLabel.DISCHARGE, "x"),
    ):
        xs, systolic, diastolic = [], [], []
        field = {
            VitalLabel.PRE: "pre",
            VitalLabel.FORTY: "forty",
            VitalLabel.DISCHARGE: "discharge",
        }[label]
        for index, pressure in enumerate(series):
            reading = getattr(pressure, field)
            if reading is not None:
                xs.append(index)
                systolic.append(reading.systolic)
                diastolic.append(reading.diastolic)
        if xs:
            plt.scatter(xs, systolic, marker=marker, label=f"{label.label} SYS")
            plt.scatter(xs, diastolic, marker=marker, label=f"{label.label} DIA")
    plt.hline(140)
    plt.hline(90)
    if sessions:
        step = max(1, len(sessions) // 6)
        positions = list(range(0, len(sessions), step))
        plt.xticks(positions, [f"#{numbers.get(sessions[p].id or 0)}" for p in positions])
    plt.title("Blood pressure per session · reference lines at 140 (SYS) and 90 (DIA)")
