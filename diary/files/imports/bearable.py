"""Bringing history in from Bearable's CSV export: the long layout, many rows per day
(`date,weekday,time of day,category,rating/amount,detail,notes`; dates like "8th Dec 2021").

Mood rows become the day's mood: Bearable's 1-5 mood takes the five-step table of Daylio's
labels (1 1, 2 3, 3 5, 4 7, 5 9); a file with any mood of 0 or above 5 is on 0-10 and kept
as it is. `--scale 1-5` or `--scale 0-10` says which instead of guessing; `--map
VALUE=SCORE` scores one value its own way. Several moods on
one day become their mean. Symptom rows ("Nausea (Moderate)") become side-effect lines of
that day's note, Meds/Supplements rows medicine lines, every other row (sleep, energy,
factors...) a line of its own: nothing is dropped. A day with notes but no mood is rejected
(the diary's day needs a mood), listed with its first line.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from diary.domain import ValidationError
from diary.files.imports.plan import (
    FIVE_STEPS,
    Collector,
    ImportPlan,
    number,
    read_table,
    read_text,
)

WHAT = "a Bearable CSV export"
REQUIRED = ("date", "category", "rating/amount")
_DATE = re.compile(r"\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?\s+(\d{4})\s*")
SCALES = ("1-5", "0-10")


def parse_scale_choice(text: str | None) -> str | None:
    """None (decide from the file), or 1-5 or 0-10."""
    if text is None:
        return None
    cleaned = text.replace(" ", "")
    if cleaned not in SCALES:
        raise ValidationError("mood scale", text, "1-5 or 0-10", key="scale")
    return cleaned


def _day(text: str) -> dt.date | None:
    match = _DATE.fullmatch(text)
    if match is None:
        try:
            return dt.date.fromisoformat(text.strip())
        except ValueError:
            return None
    for fmt in ("%d %b %Y", "%d %B %Y"):
        try:
            return dt.datetime.strptime(f"{match[1]} {match[2]} {match[3]}", fmt).date()
        except ValueError:
            continue
    return None


def _line(category: str, amount: str, detail: str, notes: str, when: str) -> str:
    kind = category.casefold()
    head = {"symptom": "side effect", "meds/supplements": "medicine"}.get(kind, category)
    body = " ".join(part for part in (detail, amount if kind != "symptom" else "") if part)
    head = f"Bearable {when + ' ' if when else ''}{head}"
    parts = [part for part in (body, notes) if part]
    return f"{head}: {'; '.join(parts)}" if parts else head


def read_bearable(
    path: Path, scale: str | None, today: dt.date, labels: dict[str, int] | None = None
) -> ImportPlan:
    """Read a Bearable CSV export; refuses a file that is not one, rejects bad rows."""
    table = read_table(path, read_text(path, WHAT), WHAT, REQUIRED)
    moods = [
        number(table.values(row).get("rating/amount", ""))
        for _, row in table.rows
        if table.values(row).get("category", "").casefold() == "mood"
    ]
    if scale is None:
        scale = "0-10" if any(m is not None and (m == 0 or m > 5) for m in moods) else "1-5"
    out = Collector(today)
    for line, _, values, day in out.dated_rows(table, _day, "a date like 8th Dec 2021"):
        category = values.get("category", "")
        amount = values.get("rating/amount", "")
        when = values.get("time of day", "")
        note = _line(category, amount, values.get("detail", ""), values.get("notes", ""), when)
        if category.casefold() != "mood":
            out.mood(line, day, None, note)
            continue
        value = number(amount)
        if labels and amount.casefold() in labels:  # --map wins over the scale
            score = labels[amount.casefold()]
        elif scale == "1-5":
            score = (
                FIVE_STEPS.get(int(value)) if value is not None and value.is_integer() else None
            )
        else:
            score = (
                int(value)
                if value is not None and value.is_integer() and 0 <= value <= 10
                else None
            )
        if score is None:
            out.reject(line, f"mood {amount!r} is not a whole number on {scale}", day)
            continue
        out.mood(line, day, score, f"Bearable {when + ' ' if when else ''}mood {amount}".rstrip())
    table_text = "1 1, 2 3, 3 5, 4 7, 5 9" if scale == "1-5" else "kept as it is"
    overrides = "".join(f"; {label} {score}" for label, score in (labels or {}).items())
    return out.plan(f"Mood: Bearable's {scale} scale, {table_text}{overrides}")
