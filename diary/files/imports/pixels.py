"""Bringing mood history in from the Pixels app's JSON backup, in both shapes seen in the
wild: `[{date, entries: [{value, notes, tags}]}]` and the older `[{date, mood, emotions,
notes}]`.

Pixels' 1-5 takes the five-step table of Daylio's labels (1 1, 2 3, 3 5, 4 7, 5 9);
--map VALUE=SCORE changes a value's score. Several entries on one day become their mean;
notes, tags and emotions go into the day's note.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from diary.files.imports.plan import (
    FIVE_STEPS,
    Collector,
    ImportPlan,
    parse_map,
    read_text,
    refuse,
)

WHAT = "a Pixels JSON backup"
DEFAULT_SCORES = {str(value): score for value, score in FIVE_STEPS.items()}
_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*")


def scores_for(values: Iterable[str] | None) -> dict[str, int]:
    return parse_map(values, DEFAULT_SCORES)


def _day(value: Any) -> tuple[dt.date | None, str]:
    text = value if isinstance(value, str) else ""
    match = _DATE.fullmatch(text)
    if match is None:
        return None, repr(value) if value is not None else ""
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3])), text
    except ValueError:
        return None, text


def _words(value: Any) -> list[str]:
    """Tags or emotions as words: a list of strings, or of {type, entries} groups."""
    if isinstance(value, str):
        return [value] if value.strip() else []
    words: list[str] = []
    if isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                kind = str(item.get("type", "")).strip()
                inner = ", ".join(w for w in _words(item.get("entries")) if w)
                if inner:
                    words.append(f"{kind}: {inner}" if kind else inner)
            elif isinstance(item, str | int | float) and str(item).strip():
                words.append(str(item).strip())
    return words


def _entries(record: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The newer shape's entries, or the older shape as one entry."""
    if "entries" in record:
        entries = record["entries"]
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            return None
        return entries
    return [
        {"value": record.get("mood"), "notes": record.get("notes"), "tags": record.get("emotions")}
    ]


def read_pixels(path: Path, scores: dict[str, int], today: dt.date) -> ImportPlan:
    """Read a Pixels JSON backup; refuses a file that is not one, rejects bad entries."""
    text = read_text(path, WHAT)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise refuse(path, f"is not {WHAT} (not JSON: {error.msg})") from None
    except RecursionError:
        raise refuse(path, f"is not {WHAT} (not JSON: too deeply nested)") from None
    except ValueError:  # an integer of thousands of digits, past Python's int limit
        raise refuse(path, f"is not {WHAT} (a number in it is too long)") from None
    if not isinstance(data, list) or not all(isinstance(r, dict) and "date" in r for r in data):
        raise refuse(path, f"is not {WHAT} (expected a list of days, each with a date)")
    out = Collector(today, unit="entry")
    for number, record in enumerate(data, 1):
        out.rows += 1
        day, raw = _day(record.get("date"))
        day = out.check_day(number, day, raw, "YYYY-M-D")
        if day is None:
            continue
        entries = _entries(record)
        if entries is None:
            out.reject(number, "entries is not a list of entries", day)
            continue
        for entry in entries:
            value = entry.get("value")
            label = (
                str(value).strip()
                if isinstance(value, int | str) and not isinstance(value, bool)
                else ""
            )
            score = scores.get(label.casefold()) if label else None
            if score is None:
                out.reject(number, f"mood value {value!r} is not one of {', '.join(scores)}", day)
                break
            texts = [f"Pixels {label}"]
            notes = entry.get("notes")
            tags = _words(entry.get("tags"))
            if tags:
                texts.append("tags: " + "; ".join(tags))
            if isinstance(notes, str) and notes.strip():
                texts.append(notes.strip())
            out.mood(number, day, score, _note(texts))
    table = ", ".join(f"{value} {score}" for value, score in scores.items())
    return out.plan(f"Scores: {table}")


def _note(texts: list[str]) -> str:
    """'Pixels 4: tags: Emotions: happy; a good day'."""
    head, rest = texts[0], texts[1:]
    return f"{head}: {'; '.join(rest)}" if rest else head
