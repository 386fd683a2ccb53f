"""Bringing mood history in from any CSV: the columns and the scale are named on the command
line (`--date-column`, `--mood-column`, `--scale LOW-HIGH`, optional `--note-column` and
`--date-format`), for every app without an importer of its own.

A mood on LOW-HIGH becomes 0-10 as (mood - LOW) x 10 / (HIGH - LOW), rounded half up; a
text mood (like "good") needs --map LABEL=SCORE. Dates are YYYY-MM-DD unless --date-format
gives a strftime format such as %d/%m/%Y. Every other non-empty column goes into the day's
note as "Column: value"; several rows on one day become their mean.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from diary.domain import ValidationError
from diary.files.imports.plan import (
    Collector,
    ImportPlan,
    extras,
    header_names,
    number,
    parse_map,
    read_table,
    read_text,
    scale_text,
    scaled,
    unknown_label,
)

WHAT = "a CSV file"


@dataclass(frozen=True, slots=True)
class Columns:
    """Which columns hold what, and how to read them."""

    date: str
    mood: str
    scale: tuple[float, float]
    note: str = ""
    date_format: str = ""
    labels: dict[str, int] | None = None


def columns(
    date: str,
    mood: str,
    scale: tuple[float, float],
    note: str | None = None,
    date_format: str | None = None,
    maps: Iterable[str] | None = None,
) -> Columns:
    """The options checked: column names present, a date format that formats."""
    for field, key, value in (
        ("date column", "date_column", date),
        ("mood column", "mood_column", mood),
    ):
        if not (value or "").strip():
            raise ValidationError(field, value, "a column name from the file's header", key=key)
    if date_format is not None:
        if "%" not in date_format:
            raise ValidationError(
                "date format", date_format, "a strftime format like %d/%m/%Y", key="date_format"
            )
        try:
            dt.date(2026, 1, 31).strftime(date_format)
        except ValueError:
            raise ValidationError(
                "date format", date_format, "a strftime format like %d/%m/%Y", key="date_format"
            ) from None
    return Columns(
        date=header_names([date])[0],
        mood=header_names([mood])[0],
        scale=scale,
        note=header_names([note])[0] if note else "",
        date_format=date_format or "",
        labels=parse_map(maps, {}),
    )


def _day(text: str, fmt: str) -> dt.date | None:
    try:
        if fmt:
            return dt.datetime.strptime(text.strip(), fmt).date()
        return dt.date.fromisoformat(text.strip()) if len(text.strip()) == 10 else None
    except ValueError:
        return None


def read_csv(path: Path, cols: Columns, today: dt.date) -> ImportPlan:
    """Read any CSV by the named columns; refuses a file without them, rejects bad rows."""
    required = [c for c in (cols.date, cols.mood, cols.note) if c]
    table = read_table(path, read_text(path, WHAT), WHAT, required)
    low, high = cols.scale
    labels = cols.labels or {}
    out = Collector(today)
    rows = out.dated_rows(
        table, lambda raw: _day(raw, cols.date_format), cols.date_format or "YYYY-MM-DD", cols.date
    )
    for line, row, values, day in rows:
        text = values.get(cols.mood, "")
        value = number(text)
        if text.casefold() in labels:
            score, why = labels[text.casefold()], ""
        elif value is None:
            score, why = None, unknown_label(text)
        else:
            score, why = scaled(value, low, high)
        if score is None:
            out.reject(line, why, day)
            continue
        texts = [f"mood {text}"]
        texts += extras(table.names, table.original, row, {cols.date, cols.mood, cols.note})
        if cols.note and values.get(cols.note):
            texts.append(values[cols.note])
        out.mood(line, day, score, f"{path.name}: " + "; ".join(texts))
    return out.plan(
        f"Moods: {scale_text(low, high)} as 0-10 (x - {low:g}) x 10 / {high - low:g}, "
        "rounded half up"
    )
