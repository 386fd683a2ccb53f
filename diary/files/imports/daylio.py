"""Bringing mood history in from a Daylio CSV export: one mood entry per day, notes kept.

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

import csv
import datetime as dt
import io
import re
import shlex
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from diary.domain import DiaryError, MoodEntry, ValidationError
from diary.domain import validation as check

DEFAULT_SCORES = {"rad": 9, "good": 7, "meh": 5, "bad": 3, "awful": 1}
REQUIRED = ("full_date", "mood")
# read into the entry itself, or restating full_date (date, weekday): not repeated in the note
USED = {"full_date", "date", "weekday", "time", "mood", "activities", "note_title", "note"}
MAX_BYTES = 64 * 1024 * 1024  # decades of Daylio entries take a few MB
TIME_FORMATS = ("%H:%M", "%H:%M:%S", "%I:%M %p", "%I:%M:%S %p", "%I:%M%p")
SHOWN_REJECTIONS = 50


class DaylioError(DiaryError):
    """A file that is not a Daylio CSV export, or a bad --map (exit 2)."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Rejected:
    """A row left out, with its first line in the file and why."""

    line: int
    reason: str


@dataclass(frozen=True, slots=True)
class DaylioEntry:
    """One row of the export: a mood label at a time of day, with its texts."""

    line: int
    day: dt.date
    time: dt.time | None
    time_text: str
    label: str
    score: int
    texts: tuple[str, ...]

    @property
    def note_line(self) -> str:
        """'Daylio 08:30 good: activities: walk | sport; title: Morning; Felt better'."""
        when = f"{self.time:%H:%M}" if self.time else self.time_text
        head = " ".join(part for part in ("Daylio", when, self.label) if part)
        return f"{head}: {'; '.join(self.texts)}" if self.texts else head


@dataclass(frozen=True, slots=True)
class DaylioImport:
    """What an export holds: one entry per importable day, and the rows rejected."""

    days: tuple[MoodEntry, ...]
    rejected: tuple[Rejected, ...]
    rows: int
    held_back: tuple[dt.date, ...]


def parse_map(values: Iterable[str] | None) -> dict[str, int]:
    """The label -> score table: the five defaults, then each LABEL=SCORE (0-10)."""
    accepted = "LABEL=SCORE with SCORE a whole number 0-10, like super=8"
    scores = dict(DEFAULT_SCORES)
    given: dict[str, int] = {}
    for value in values or ():
        label, sep, score = value.rpartition("=")
        label = label.strip().casefold()
        if not sep or not label:
            raise ValidationError("mood label map", value, accepted, key="map")
        try:
            number = check.whole_number("--map", score, 0, 10)
        except ValidationError:
            raise ValidationError("mood label map", value, accepted, key="map") from None
        if given.get(label, number) != number:
            raise ValidationError(
                "mood label map", value, f"one score per label ({label} has two)", key="map"
            )
        given[label] = scores[label] = number
    return scores


def mean_score(scores: Sequence[int]) -> int:
    """The mean of whole scores, rounded half up (5.5 -> 6), in exact integer arithmetic."""
    return (2 * sum(scores) + len(scores)) // (2 * len(scores))


def _refuse(path: Path, reason: str) -> DaylioError:
    return DaylioError(f"{path}: {reason}; nothing was imported")


def _read_text(path: Path) -> str:
    try:
        if path.is_dir():
            raise _refuse(path, "is a folder, not a Daylio CSV export")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _refuse(path, f"is {size:,} bytes; a Daylio export is at most {MAX_BYTES:,}")
        data = path.read_bytes()
    except FileNotFoundError:
        raise _refuse(path, "does not exist") from None
    except OSError as error:
        raise _refuse(path, f"cannot be read ({error.strerror or error})") from None
    if b"\x00" in data:
        raise _refuse(path, "is binary data, not a Daylio CSV export")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _refuse(
            path, f"is not a Daylio CSV export (not UTF-8 text: bad byte at offset {error.start})"
        ) from None
    if not text.strip():
        raise _refuse(path, "is empty, not a Daylio CSV export")
    return text


def _time(text: str) -> dt.time | None:
    cleaned = text.strip().upper().replace(".", "")
    for fmt in TIME_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt).time()
        except ValueError:
            continue
    return None


def _day(text: str, today: dt.date) -> tuple[dt.date | None, str]:
    """The day of full_date, or None with the reason it is refused."""
    raw = text.strip()
    if not raw:
        return None, "empty date"
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            raise ValueError
        day = dt.date.fromisoformat(raw)
    except ValueError:
        return None, f"bad date {raw!r} (expected YYYY-MM-DD)"
    if day > today:
        return None, f"future date {raw} (today is {today})"
    if day < check.EARLIEST_DAY:
        return None, f"bad date {raw!r} (before {check.EARLIEST_DAY})"
    return day, ""


class _Reader:
    """Reads the rows of one export into entries and rejections."""

    def __init__(self, path: Path, scores: dict[str, int], today: dt.date) -> None:
        self.path = path
        self.scores = scores
        self.today = today
        self.entries: list[DaylioEntry] = []
        self.rejected: list[Rejected] = []
        self.held: set[dt.date] = set()
        self.rows = 0

    def header(self, row: list[str]) -> list[str]:
        names = [cell.replace("\ufeff", "").strip().casefold() for cell in row]
        if not all(name in names for name in REQUIRED):
            found = ", ".join(n for n in names if n)[:80] or "nothing"
            raise _refuse(
                self.path,
                f"is not a Daylio CSV export (its header has no full_date and mood columns; "
                f"found: {found})",
            )
        return names

    def row(self, line: int, names: list[str], original: list[str], row: list[str]) -> None:
        values: dict[str, str] = {}
        extras = []
        for index, cell in enumerate(row):
            cell = cell.replace("\r\n", "\n").replace("\r", "\n")  # Windows line ends in notes
            name = names[index] if index < len(names) else ""
            if name and name not in values:
                values[name] = cell
                if name not in USED and cell.strip():
                    extras.append(f"{original[index].strip()}: {cell.strip()}")
            elif cell.strip():
                extras.append(f"column {index + 1}: {cell.strip()}")
        day, reason = _day(values.get("full_date", ""), self.today)
        if day is None:
            self.rejected.append(Rejected(line, reason))
            return
        label = values.get("mood", "").strip()
        score = self.scores.get(label.casefold())
        if score is None:
            self.held.add(day)
            why = (
                "empty mood"
                if not label
                else f"unknown mood label {label!r} (give it a score with "
                f"--map {shlex.quote(label + '=SCORE')})"
            )
            self.rejected.append(Rejected(line, f"{why}; {day} not imported"))
            return
        texts = []
        activities = values.get("activities", "").strip()
        if activities:
            texts.append(f"activities: {activities}")
        title = values.get("note_title", "").strip()
        if title:
            texts.append(f"title: {title}")
        note = values.get("note", "").strip()
        if note:
            texts.append(note)
        time_text = values.get("time", "").strip()
        self.entries.append(
            DaylioEntry(line, day, _time(time_text), time_text, label, score, (*texts, *extras))
        )

    def read(self, text: str) -> None:
        reader = csv.reader(io.StringIO(text, newline=""))
        names: list[str] | None = None
        original: list[str] = []
        last_line = 0
        try:
            for row in reader:
                line, last_line = last_line + 1, reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if names is None:
                    names, original = self.header(row), row
                    continue
                self.rows += 1
                self.row(line, names, original, row)
        except csv.Error as error:
            raise _refuse(
                self.path, f"line {last_line + 1} cannot be read as CSV ({error})"
            ) from None

    def result(self) -> DaylioImport:
        by_day: dict[dt.date, list[DaylioEntry]] = {}
        for entry in self.entries:
            by_day.setdefault(entry.day, []).append(entry)
        days = []
        for day in sorted(by_day):
            if day in self.held:
                continue
            entries = sorted(
                by_day[day], key=lambda e: (e.time is None, e.time or dt.time(), e.line)
            )
            try:
                days.append(
                    check.check_mood(
                        MoodEntry(
                            day=day,
                            mood=mean_score([e.score for e in entries]),
                            note="\n".join(e.note_line for e in entries),
                        ),
                        self.today,
                    )
                )
            except ValidationError as error:
                self.held.add(day)
                self.rejected.append(Rejected(entries[0].line, f"{day}: {error}"))
        return DaylioImport(
            days=tuple(days),
            rejected=tuple(sorted(self.rejected, key=lambda r: r.line)),
            rows=self.rows,
            held_back=tuple(sorted(self.held)),
        )


def read_daylio(path: Path, scores: dict[str, int], today: dt.date) -> DaylioImport:
    """Read a Daylio CSV export; refuses a file that is not one, rejects bad rows."""
    text = _read_text(path)
    reader = _Reader(path, scores, today)
    reader.read(text)
    return reader.result()


def report_lines(
    plan: DaylioImport, imported: int, source: Path, *, dry_run: bool = False
) -> list[str]:
    """Each rejected row, then the summary: imported, skipped (already logged), rejected."""
    lines = [f"line {r.line}: {r.reason}" for r in plan.rejected[:SHOWN_REJECTIONS]]
    if len(plan.rejected) > SHOWN_REJECTIONS:
        lines.append(f"... and {len(plan.rejected) - SHOWN_REJECTIONS:,} more rejected rows")
    skipped = len(plan.days) - imported
    rejected = len(plan.rejected)
    rows = f"{rejected:,} row{'' if rejected == 1 else 's'}"
    held = len(plan.held_back)
    held_text = (
        f" ({held:,} day{'' if held == 1 else 's'} held back whole, so a corrected re-run "
        "brings them in complete)"
        if held
        else ""
    )
    days = f"{imported:,} day{'' if imported == 1 else 's'}"
    if dry_run:
        lines.append(
            f"Dry run of {source}: would import {days}, skip {skipped:,} (already logged), "
            f"reject {rows}{held_text}; nothing was written."
        )
    else:
        lines.append(
            f"Imported {days} from {source}, skipped {skipped:,} (already logged), "
            f"rejected {rows}{held_text}."
        )
    return lines


def score_line(scores: dict[str, int]) -> str:
    """'Scores: rad 9, good 7, meh 5, bad 3, awful 1' with any --map labels after."""
    return "Scores: " + ", ".join(f"{label} {score}" for label, score in scores.items())
