"""Bringing mood history in from a Daylio CSV export: one mood entry per day, notes kept.

Both layouts Daylio has written: the current one with `full_date` (YYYY-MM-DD), and the
older 7 columns `year,date,weekday,time,mood,activities,note` with dates like "16 May".
Notes written with Daylio's HTML (`<b>`, `<br>`, `<li>`, entities) become plain text.

Scores: the diary's 0-10 scale is cut into five equal bands (0-2, 2-4, 4-6, 6-8, 8-10)
and each of Daylio's five labels takes the middle of its band: awful 1, bad 3, meh 5,
good 7, rad 9. The labels stay equally spaced as in Daylio, meh lands on the middle of the
scale, and 0 and 10 stay free for the extremes Daylio cannot express. `--map LABEL=SCORE`
scores custom labels and may replace these.

Several entries on one day become that day's mean, rounded half up to a whole number
(7 and 4 give 5.5, so 6), and every entry's time, label, activities, title and note are
kept, one line each, in the day's note. A day with a rejected row is held back whole, so a
corrected re-run brings it in complete; days already in the diary are never overwritten.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from diary.files.imports.plan import (
    Collector,
    ImportPlan,
    ImportRefused,
    Rejected,
    csv_rows,
    header_names,
    mean_score,
    read_text,
    refuse,
    report_lines,
    unknown_label,
)
from diary.files.imports.plan import parse_map as _parse_map

__all__ = [
    "DEFAULT_SCORES",
    "DaylioError",
    "DaylioImport",
    "Rejected",
    "mean_score",
    "read_daylio",
    "report_lines",
]

DEFAULT_SCORES = {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}
WHAT = "a Daylio CSV export"
# read into the entry itself, or restating the date (date, weekday, year): not repeated
USED = {"full_date", "year", "date", "weekday", "time", "mood", "activities", "note_title", "note"}
TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M:%S %p", "%I:%M%p")
OLD_DATE_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y")
# Daylio writes notes as HTML; these tags are its formatting, anything else stays as typed
_BREAK = re.compile(r"<br\s*/?>|</(?:p|div|li)\s*>", re.IGNORECASE)
_ITEM = re.compile(r"<li(?:\s[^>]*)?>", re.IGNORECASE)
_FORMAT = re.compile(r"</?(?:b|i|u|s|em|strong|span|font|p|div|ul|ol)(?:\s[^>]*)?>", re.IGNORECASE)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", re.IGNORECASE)

DaylioError = ImportRefused
DaylioImport = ImportPlan


def parse_map(values: Iterable[str] | None) -> dict[str, int]:
    """The label -> score table: the five defaults, then each LABEL=SCORE (0-10)."""
    return _parse_map(values, DEFAULT_SCORES)


def html_to_text(note: str) -> str:
    """A note written with Daylio's HTML as plain text: breaks and list items as lines,
    formatting tags dropped, entities decoded; a note without them is returned as it is."""
    if not (_BREAK.search(note) or _ITEM.search(note) or _FORMAT.search(note)):
        return note if not _ENTITY.search(note) else html.unescape(note)
    text = _ITEM.sub("- ", _BREAK.sub("\n", note))
    text = html.unescape(_FORMAT.sub("", text))
    lines = [line.strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


@dataclass(frozen=True, slots=True)
class DaylioEntry:
    """One row of the export: a mood label at a time of day, with its texts."""

    time: dt.time | None
    time_text: str
    label: str
    texts: tuple[str, ...]

    @property
    def note_line(self) -> str:
        """'Daylio 08:30 good: activities: walk | sport; title: Morning; Felt better'."""
        when = f"{self.time:%H:%M}" if self.time else self.time_text
        head = " ".join(part for part in ("Daylio", when, self.label) if part)
        return f"{head}: {'; '.join(self.texts)}" if self.texts else head


def _time(text: str) -> dt.time | None:
    cleaned = text.strip().upper().replace(".", "")
    for fmt in TIME_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).time()
        except ValueError:
            continue
    return None


def _iso_day(raw: str) -> tuple[dt.date | None, str]:
    """The day of full_date, or None with why."""
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            raise ValueError
        return dt.date.fromisoformat(raw), ""
    except ValueError:
        return None, f"bad date {raw!r} (expected YYYY-MM-DD)"


def _old_day(year: str, date: str) -> tuple[dt.date | None, str]:
    """The day of the older layout's year and date ("16 May"), or None with why."""
    text = f"{date.strip()} {year.strip()}"
    if re.fullmatch(r"\d{4}", year.strip()):
        for fmt in OLD_DATE_FORMATS:
            try:
                return dt.datetime.strptime(text, fmt).date(), ""
            except ValueError:
                continue
    return None, f"bad date {text!r} (expected a year and a date like 16 May)"


class _Reader:
    """Reads the rows of one export into the collector."""

    def __init__(self, path: Path, scores: dict[str, int], today: dt.date) -> None:
        self.path = path
        self.scores = scores
        self.out = Collector(today)
        self.old = False

    def header(self, row: list[str]) -> list[str]:
        names = header_names(row)
        if "mood" in names and "full_date" in names:
            return names
        if "mood" in names and "year" in names and "date" in names:
            self.old = True  # the older layout: year,date,weekday,time,mood,activities,note
            return names
        found = ", ".join(n for n in names if n)[:80] or "nothing"
        raise refuse(
            self.path,
            f"is not {WHAT} (its header has no full_date (or year and date) and mood "
            f"columns; found: {found})",
        )

    def row(self, line: int, names: list[str], original: list[str], row: list[str]) -> None:
        values: dict[str, str] = {}
        extras = []
        for index, cell in enumerate(row):
            name = names[index] if index < len(names) else ""
            if name and name not in values:
                values[name] = cell
                if name not in USED and cell.strip():
                    extras.append(f"{original[index].strip()}: {cell.strip()}")
            elif cell.strip():
                extras.append(f"column {index + 1}: {cell.strip()}")
        if self.old:
            raw = f"{values.get('date', '').strip()} {values.get('year', '').strip()}".strip()
            day, why = (
                _old_day(values.get("year", ""), values.get("date", "")) if raw else (None, "")
            )
        else:
            raw = values.get("full_date", "").strip()
            day, why = _iso_day(raw) if raw else (None, "")
        if day is None:
            self.out.reject(line, why or "empty date")
            return
        if self.out.check_day(line, day, raw) is None:
            return
        label = values.get("mood", "").strip()
        score = self.scores.get(label.casefold())
        if score is None:
            self.out.reject(line, unknown_label(label), day)
            return
        texts = []
        activities = values.get("activities", "").strip()
        if activities:
            texts.append(f"activities: {activities}")
        title = values.get("note_title", "").strip()
        if title:
            texts.append(f"title: {html_to_text(title)}")
        note = html_to_text(values.get("note", "").strip())
        if note:
            texts.append(note)
        time_text = values.get("time", "").strip()
        when = _time(time_text)
        entry = DaylioEntry(when, time_text, label, (*texts, *extras))
        self.out.mood(line, day, score, entry.note_line, when=when)

    def read(self, text: str) -> ImportPlan:
        names: list[str] | None = None
        original: list[str] = []
        for line, row in csv_rows(self.path, text):
            if names is None:
                names, original = self.header(row), row
                continue
            self.out.rows += 1
            self.row(line, names, original, row)
        return self.out.plan(score_line(self.scores))


def read_daylio(path: Path, scores: dict[str, int], today: dt.date) -> ImportPlan:
    """Read a Daylio CSV export; refuses a file that is not one, rejects bad rows."""
    return _Reader(path, scores, today).read(read_text(path, WHAT))


def score_line(scores: dict[str, int]) -> str:
    """'Scores: rad 9, good 7, meh 5, bad 3, awful 1' with any --map labels after."""
    return "Scores: " + ", ".join(f"{label} {score}" for label, score in scores.items())
