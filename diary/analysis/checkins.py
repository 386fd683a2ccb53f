"""Check-in trends for `diary stats --json` and the report: PHQ-9 and GAD-7 totals over a range.

Definitions (references for the reader, never advice):
- baseline: the total of the first PHQ-9 in the range; latest: the total of the last one.
  Check-ins are ordered by day; two on the same day keep the order they were given in
  (the store gives them oldest first).
- change_pct: (latest - baseline) / baseline * 100, rounded to 2 decimals; negative is a
  fall. None when there is no PHQ-9 in the range or the baseline is 0.
- response: the latest total is at least 50% below the baseline (latest <= baseline / 2).
  None when the range holds fewer than two PHQ-9s or the baseline is 0.
- remission: the latest total is below 5. None when the range holds no PHQ-9.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from diary.domain.model import CheckIn, CheckinKind
from diary.domain.questionnaires import GAD7, PHQ9, PHQ9_SELF_HARM_ITEM

RESPONSE_DEFINITION = "response: a fall of 50% or more from the first PHQ-9 in the range"
REMISSION_DEFINITION = "remission: a latest PHQ-9 total below 5"
REMISSION_BELOW = 5


def _in_range(checkin: CheckIn, start: dt.date | None, end: dt.date | None) -> bool:
    return (start is None or checkin.day >= start) and (end is None or checkin.day <= end)


def change_pct(baseline: int | None, latest: int | None) -> float | None:
    """The change from baseline in percent, 2 decimals; None without a baseline above 0."""
    if not baseline or latest is None:
        return None
    return round((latest - baseline) / baseline * 100, 2)


def is_response(baseline: int, latest: int) -> bool:
    """A fall of at least 50% from a baseline above 0 (integers, so exactly half counts)."""
    return baseline > 0 and 2 * latest <= baseline


def checkin_summary(
    checkins: Iterable[CheckIn], start: dt.date | None, end: dt.date | None
) -> dict[str, Any]:
    """The `checkins` object of `diary stats --json` for check-ins from start to end."""
    chosen = sorted((c for c in checkins if _in_range(c, start, end)), key=lambda c: c.day)
    phq9 = [c for c in chosen if c.kind == CheckinKind.PHQ9]
    gad7 = [c for c in chosen if c.kind == CheckinKind.GAD7]
    baseline = phq9[0].total if phq9 else None
    latest = phq9[-1].total if phq9 else None
    response = None
    if len(phq9) >= 2 and baseline:
        response = is_response(baseline, latest or 0)
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
        "phq9_baseline": baseline,
        "phq9_latest": latest,
        "phq9_change_pct": change_pct(baseline, latest),
        "response": response,
        "remission": None if latest is None else latest < REMISSION_BELOW,
    }


PHQ9_REMINDER_DAYS = 14


def phq9_reminder(checkins: Iterable[CheckIn], today: dt.date) -> int | None:
    """Days since the last PHQ-9 when it is PHQ9_REMINDER_DAYS or more; -1 when there has
    never been one; None when one is recent (no reminder)."""
    days = [c.day for c in checkins if c.kind == CheckinKind.PHQ9 and c.day <= today]
    if not days:
        return -1
    since = (today - max(days)).days
    return since if since >= PHQ9_REMINDER_DAYS else None
