"""Pure analysis of the diary: mood means, what each session did, side effects, blood pressure.

No SQL, no I/O, no UI: functions over domain records (MoodEntry, Session, Symptom,
VitalReading).

Definitions:
(diary.domain.definitions: the text `diary stats --help` prints)

Choices where the definitions leave room:
- S is the local day a session started. The sessions in range are those whose S lies in
  since..until (both included).
- A session's baseline, after, change and days_above_baseline belong to the session, not to
  the range: the baseline may use moods before --since, after and days_above_baseline moods
  after --until, and "the next session" may lie after --until. A session shows the same
  numbers in every range. The mood summary and the symptom figures use the range only.
- The next session is the next one on a later day; gap_days = days since the previous
  session's day (0 for a second session on one day).
- A run of unlogged days is settled by the next logged day, even when that day lies past
  the next session's eve; "the last logged day" is the last one in the whole diary.
- Moods are compared with the unrounded baseline.
- change is rounded from the unrounded after and baseline.
- Rounding is exact (no binary floating point on the way) with halves away from zero:
  2.125 -> 2.13, -0.125 -> -0.13, so a mean worked out by hand matches.
- The symptoms listed are those felt (severity >= 1) in at least one session in range, in
  catalogue order (hidden ones too); a symptom key missing from the catalogue comes last.
- worst_symptom: the key of the highest severity in the session, ties broken by catalogue
  order; null when the burden is 0.
- bp_flagged: every reading of a session in range that passes a reference point, dated
  by the session's day, and every stand-alone one taken in range (with no pre-dose reading
  to rise from), by date.
- When the range is shorter than 28 days its first and last 14 days overlap.
"""

import datetime as dt

from diary.analysis.course import Course, treatment_course
from diary.analysis.mood import (
    ALIGNED_OFFSETS,
    ROLLING_DAYS,
    AlignedMood,
    MoodSummary,
    mood_summary,
    rolling_mean_7,
    session_aligned_mood,
    seven_day_mean,
)
from diary.analysis.pressure import DatedReading, SessionPressure, bp_series, flagged_readings
from diary.analysis.rounding import median_of, round_mean, round_ratio
from diary.analysis.sessions import (
    WINDOW_DAYS,
    DaysAbove,
    SessionEffect,
    after_mood,
    baseline_mood,
    burden,
    days_above_baseline,
    session_effect,
    session_effects,
    worst_rating,
    worst_symptom,
)
from diary.analysis.side_effects import (
    SideEffectGrid,
    SymptomStats,
    felt_symptoms,
    side_effect_grid,
    symptom_stats,
)
from diary.analysis.summary import Summary, summarise
from diary.analysis.timeline import MoodLog
from diary.domain.definitions import DEFINITIONS

# the definitions have one home; the module's help shows them in place
__doc__ = (__doc__ or "").replace(
    "(diary.domain.definitions: the text `diary stats --help` prints)", DEFINITIONS
)

# How far before a range its figures look: a session's baseline 3 days, the 7-day mean 6.
CONTEXT_BEFORE = dt.timedelta(days=max(WINDOW_DAYS, ROLLING_DAYS - 1))

__all__ = [
    "ALIGNED_OFFSETS",
    "CONTEXT_BEFORE",
    "AlignedMood",
    "Course",
    "DatedReading",
    "DaysAbove",
    "MoodLog",
    "MoodSummary",
    "SessionEffect",
    "SessionPressure",
    "SideEffectGrid",
    "Summary",
    "SymptomStats",
    "after_mood",
    "baseline_mood",
    "bp_series",
    "burden",
    "days_above_baseline",
    "felt_symptoms",
    "flagged_readings",
    "median_of",
    "mood_summary",
    "rolling_mean_7",
    "round_mean",
    "round_ratio",
    "session_aligned_mood",
    "session_effect",
    "session_effects",
    "seven_day_mean",
    "side_effect_grid",
    "summarise",
    "symptom_stats",
    "treatment_course",
    "worst_rating",
    "worst_symptom",
]
