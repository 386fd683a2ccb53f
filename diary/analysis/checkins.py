"""Check-in figures for `diary stats --json` and the report: PHQ-9 and GAD-7 against baseline.

Definitions (references for the reader, never advice; the text is in the analysis
package's docstring, `diary stats --help` and docs/stats.md):
- Check-ins are ordered by day, and on one day in the order they were saved; where one
  score of a day is taken (a baseline, the latest) it is the last saved that day.
- baseline: the last check-in on or before the day of the first session ever recorded;
  with none before it, the first on record ("first on record, after treatment began").
  The same in every range. latest: the last one in the range.
- change_pct: (latest - baseline) / baseline * 100, 2 decimals, halves away from zero.
- response (a fall of 50% or more) and remission (latest below 5): PHQ-9 only, and only
  when the baseline is 10 or more and the latest was taken at least 14 days after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any

from diary.analysis.rounding import round_mean
from diary.domain.model import CheckIn, CheckinKind
from diary.domain.questionnaires import GAD7, PHQ9, PHQ9_SELF_HARM_ITEM

RESPONSE_DEFINITION = "response: a fall of 50% or more from the baseline PHQ-9"
REMISSION_DEFINITION = "remission: a latest PHQ-9 total below 5"
ASSESSED_WHEN = "both only with a baseline of 10 or more and the latest at least 14 days after it"
SOURCE_NOTE = "PHQ-9 bands and remission below 5: Kroenke 2001"
REMISSION_BELOW = 5
ASSESS_FROM_BASELINE = 10
ASSESS_AFTER_DAYS = 14  # each PHQ-9 covers the last two weeks

BEFORE_FIRST_SESSION = "before session #1"
FIRST_AFTER_START = "first on record, after treatment began"
FIRST_NO_SESSION = "first on record, no session recorded"

NO_PHQ9 = "no PHQ-9 in range"
ONE_PHQ9 = "one PHQ-9"
LATEST_BEFORE = "latest before baseline"
BASELINE_LOW = "baseline below 10"
TOO_CLOSE = "less than 14 days apart"


def _in_range(checkin: CheckIn, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or checkin.day >= start) and (end is None or checkin.day <= end)


def change_pct(baseline: int | None, latest: int | None) -> float | None:
    """The change from baseline in percent, 2 decimals; None without a baseline above 0."""
    if not baseline or latest is None:
        return None
    return round_mean(Fraction(100 * (latest - baseline), baseline))


def is_response(baseline: int, latest: int) -> bool:
    """A fall of at least 50% from a baseline above 0 (integers, so exactly half counts)."""
    return baseline > 0 and 2 * latest <= baseline


def baseline_of(
    ordered: Sequence[CheckIn], first_session_day: dt.date | None
) -> tuple[CheckIn | None, str | None]:
    """The baseline check-in of one scale (oldest first) and how it was chosen."""
    if not ordered:
        return None, None
    if first_session_day is None:
        return _last_of_day(ordered, ordered[0].day), FIRST_NO_SESSION
    before = [c for c in ordered if c.day <= first_session_day]
    if before:
        return before[-1], BEFORE_FIRST_SESSION
    return _last_of_day(ordered, ordered[0].day), FIRST_AFTER_START


def _last_of_day(ordered: Sequence[CheckIn], day: dt.date) -> CheckIn:
    return [c for c in ordered if c.day == day][-1]


def not_assessed(baseline: CheckIn | None, latest: CheckIn | None) -> str | None:
    """Why response and remission are not given, or None when they are."""
    if latest is None or baseline is None:
        return NO_PHQ9
    if latest.day == baseline.day:
        return ONE_PHQ9
    if latest.day < baseline.day:
        return LATEST_BEFORE
    if baseline.total < ASSESS_FROM_BASELINE:
        return BASELINE_LOW
    if (latest.day - baseline.day).days < ASSESS_AFTER_DAYS:
        return TOO_CLOSE
    return None


def _scale(
    prefix: str, ordered: Sequence[CheckIn], chosen: Sequence[CheckIn], first: dt.date | None
) -> dict[str, Any]:
    baseline, source = baseline_of(ordered, first)
    latest = chosen[-1] if chosen else None
    later = baseline is not None and latest is not None and latest.day > baseline.day
    return {
        f"{prefix}_baseline": None if baseline is None else baseline.total,
        f"{prefix}_baseline_date": None if baseline is None else baseline.day.isoformat(),
        f"{prefix}_baseline_source": source,
        f"{prefix}_latest": None if latest is None else latest.total,
        f"{prefix}_latest_date": None if latest is None else latest.day.isoformat(),
        f"{prefix}_change_pct": (
            change_pct(baseline.total, latest.total) if later and baseline and latest else None
        ),
    }


def checkin_summary(
    checkins: Iterable[CheckIn],
    start: dt.date | None,
    end: dt.date | None,
    first_session_day: dt.date | None = None,
) -> dict[str, Any]:
    """The `checkins` object of `diary stats --json` for start..end. Give every check-in on
    record (the baseline may lie before the range) and the first session's day."""
    ordered = sorted(checkins, key=lambda c: c.day)  # stable: a day keeps its saved order
    phq9_all = [c for c in ordered if c.kind == CheckinKind.PHQ9]
    gad7_all = [c for c in ordered if c.kind == CheckinKind.GAD7]
    phq9 = [c for c in phq9_all if _in_range(c, start, end)]
    gad7 = [c for c in gad7_all if _in_range(c, start, end)]
    figures = _scale("phq9", phq9_all, phq9, first_session_day)
    baseline, _ = baseline_of(phq9_all, first_session_day)
    latest = phq9[-1] if phq9 else None
    reason = not_assessed(baseline, latest)
    assessed = reason is None and baseline is not None and latest is not None
    return {
        "phq9": [
            {
                "date": c.day.isoformat(),
                "total": c.total,
                "band": PHQ9.band(c.total),
                "item9": c.answers[PHQ9_SELF_HARM_ITEM - 1],
            }
            for c in phq9
        ],
        "gad7": [
            {"date": c.day.isoformat(), "total": c.total, "band": GAD7.band(c.total)} for c in gad7
        ],
        **figures,
        "response": is_response(baseline.total, latest.total) if assessed else None,
        "remission": latest.total < REMISSION_BELOW if assessed else None,
        "not_assessed": reason,
        **_scale("gad7", gad7_all, gad7, first_session_day),
    }
