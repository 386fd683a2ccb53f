"""Blood pressure reference points (each with its source; references, never advice).

- Pre-dose above 140/90: the esketamine (Spravato) label's pre-dose guide.
- A post-dose reading more than 40 systolic or 25 diastolic above the same session's
  pre-dose reading: the size of rise the esketamine label reports after dosing.
- Any reading at or above 180 systolic or 120 diastolic: very high (the ACC/AHA 2017
  blood pressure guideline's highest range).
"""

from __future__ import annotations

from enum import StrEnum

from diary.domain.model import VitalLabel, VitalReading

PRE_DOSE_REFERENCE = (140, 90)
RISE_LIMIT = (40, 25)
VERY_HIGH = (180, 120)


class BPFlag(StrEnum):
    """Why a reading is marked."""

    ABOVE_PRE_DOSE = "above pre-dose reference"
    RISE = "rise over 40/25 from pre-dose"
    VERY_HIGH = "very high (180/120)"

    @property
    def mark(self) -> str:
        return BP_MARKS[self]

    @property
    def short(self) -> str:
        """The mark and a few words, for a narrow place (the Session screen beside a reading)."""
        return f"{self.mark} {BP_SHORT[self]}"


BP_MARKS = {BPFlag.ABOVE_PRE_DOSE: "▲", BPFlag.RISE: "↑", BPFlag.VERY_HIGH: "‼"}
BP_SHORT = {
    BPFlag.ABOVE_PRE_DOSE: "above pre-dose reference",
    BPFlag.RISE: "rise over 40/25",
    BPFlag.VERY_HIGH: "very high",
}
BP_SOURCES = {
    BPFlag.ABOVE_PRE_DOSE: "pre-dose above 140/90 (esketamine label's pre-dose guide)",
    BPFlag.RISE: (
        "a reading after the dose more than 40 systolic or 25 diastolic above that session's "
        "pre-dose reading (the rise the esketamine label reports)"
    ),
    BPFlag.VERY_HIGH: "any reading at or above 180 systolic or 120 diastolic (ACC/AHA 2017)",
}


def reading_flags(reading: VitalReading, pre: VitalReading | None = None) -> tuple[BPFlag, ...]:
    """The reference points a reading passes; pre is its session's pre-dose reading."""
    flags = []
    if reading.label == VitalLabel.PRE and (
        reading.systolic > PRE_DOSE_REFERENCE[0] or reading.diastolic > PRE_DOSE_REFERENCE[1]
    ):
        flags.append(BPFlag.ABOVE_PRE_DOSE)
    if (
        reading.label != VitalLabel.PRE
        and pre is not None
        and (
            reading.systolic - pre.systolic > RISE_LIMIT[0]
            or reading.diastolic - pre.diastolic > RISE_LIMIT[1]
        )
    ):
        flags.append(BPFlag.RISE)
    if reading.systolic >= VERY_HIGH[0] or reading.diastolic >= VERY_HIGH[1]:
        flags.append(BPFlag.VERY_HIGH)
    return tuple(flags)


def marks(flags: tuple[BPFlag, ...]) -> str:
    return "".join(flag.mark for flag in flags)


BP_LEGEND = (
    "▲ above pre-dose reference: pre-dose above 140/90 (esketamine label's pre-dose guide); "
    "↑ rise over 40/25 from pre-dose: more than 40 systolic or 25 diastolic above the "
    "session's pre-dose reading (the rise the esketamine label reports); ‼ very high (180/120): "
    "180 systolic or 120 diastolic or more (ACC/AHA 2017)"
)
