"""Bringing mood history in from an eMoods CSV export (DATE, DEPRESSED, ELEVATED, IRRITABILITY,
ANXIETY, SLEEP, NOTE, ...; ratings 0-3).

eMoods rates how strongly a day was depressed (0 none, 1 mild, 2 moderate, 3 severe), not how
good it was, so the mood is read by a rule, changeable with --map RATING=SCORE: the severity
words take the Daylio points of the same feeling, none 7 (good), mild 5 (meh), moderate 3
(bad), severe 1 (awful). Anxiety 0-3 becomes 0-10 in equal steps (0, 3, 7, 10); sleep hours
are kept; elevated mood, irritability and every other column go into the day's note.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

from diary.files.imports.plan import (
    Collector,
    ImportPlan,
    extras,
    number,
    parse_map,
    read_table,
    read_text,
    scale_score,
)

WHAT = "an eMoods CSV export"
DEFAULT_SCORES = {"0": 7, "1": 5, "2": 3, "3": 1}
USED = {"date", "depressed", "anxiety", "sleep", "note"}
DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y")


def scores_for(values: Iterable[str] | None) -> dict[str, int]:
    """The depressed rating -> mood table: the rule, then each --map RATING=SCORE."""
    return parse_map(values, DEFAULT_SCORES)


def _day(text: str) -> dt.date | None:
    if re.search(r"\d", text) is None:
        return None
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    return None


def _rating(text: str) -> int | None:
    value = number(text)
    return int(value) if value is not None and value in (0, 1, 2, 3) else None


def read_emoods(path: Path, scores: dict[str, int], today: dt.date) -> ImportPlan:
    """Read an eMoods CSV export; refuses a file that is not one, rejects bad rows."""
    table = read_table(path, read_text(path, WHAT), WHAT, ("date", "depressed"))
    out = Collector(today)
    for line, row, values, day in out.dated_rows(table, _day, "YYYY-MM-DD or MM/DD/YYYY"):
        depressed = values.get("depressed", "")
        score = scores.get(depressed.casefold())
        if score is None:
            out.reject(line, f"depressed rating {depressed!r} is not 0-3", day)
            continue
        anxiety_text = values.get("anxiety", "")
        anxiety = _rating(anxiety_text) if anxiety_text else None
        if anxiety_text and anxiety is None:
            out.reject(line, f"anxiety rating {anxiety_text!r} is not 0-3", day)
            continue
        sleep_text = values.get("sleep", "")
        sleep = number(sleep_text) if sleep_text else None
        if sleep_text and (sleep is None or not 0 <= sleep <= 24):
            out.reject(line, f"sleep {sleep_text!r} is not hours 0-24", day)
            continue
        texts = [f"depressed {depressed}"]
        if anxiety is not None:
            texts.append(f"anxiety {anxiety_text}")
        texts += extras(table.names, table.original, row, USED)
        if values.get("note"):
            texts.append(values["note"])
        out.mood(
            line,
            day,
            score,
            "eMoods: " + "; ".join(texts),
            anxiety=None if anxiety is None else scale_score(anxiety, 0, 3),
            sleep=sleep,
        )
    rule = ", ".join(f"{rating} {score}" for rating, score in scores.items())
    return out.plan(f"Mood from eMoods' depressed rating: {rule}; anxiety 0-3 as 0, 3, 7, 10")
