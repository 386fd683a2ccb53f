"""What every importer shares: reading the file, collecting rows into days and sessions with
each rejected row named, and the summary line (imported / skipped / rejected).

An importer parses its file into numbered rows (lines of a CSV, entries of a JSON file) and
hands each to a `Collector`; the collector turns them into checked domain records, one mood
entry per day, and keeps every rejection with its line or entry number. Nothing is written
here: the action opens the diary once and writes the plan in one transaction.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import shlex
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from diary.domain import DiaryError, MoodEntry, Session, ValidationError
from diary.domain import validation as check

MAX_BYTES = 64 * 1024 * 1024  # decades of entries take a few MB in any of these apps
# Five steps onto 0-10: the middle of each fifth of the scale (Daylio's labels, Pixels' 1-5,
# Bearable's 1-5 mood, a Daylio backup's mood groups): 1, 3, 5, 7, 9.
FIVE_STEPS = {1: 1, 2: 3, 3: 5, 4: 7, 5: 9}


class ImportRefused(DiaryError):
    """A file that is not the kind it was said to be, or a bad option (exit 2)."""

    exit_code = 2


@dataclass(frozen=True, slots=True)
class Rejected:
    """A row left out, with its line (or entry) number in the file and why."""

    line: int
    reason: str
    unit: str = "line"

    @property
    def text(self) -> str:
        return f"{self.unit} {self.line}: {self.reason}"


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What a file holds: the days and sessions it would bring in, and every row rejected."""

    days: tuple[MoodEntry, ...]
    rejected: tuple[Rejected, ...]
    rows: int
    held_back: tuple[dt.date, ...]
    sessions: tuple[Session, ...] = ()
    scale: str = ""  # how the source's scores became 0-10, in one line
    has_sessions: bool = False  # the kind brings sessions: name them in the summary


def refuse(path: Path, reason: str) -> ImportRefused:
    return ImportRefused(f"{path}: {reason}; nothing was imported")


def read_bytes(path: Path, what: str) -> bytes:
    """The whole file, refused in one line when missing, a folder, not a regular file (a
    FIFO would wait for a writer forever, /dev/zero never ends), or too big."""
    try:
        if path.is_dir():
            raise refuse(path, f"is a folder, not {what}")
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise refuse(path, f"is a pipe, device or socket, not {what}; not opened")
        size = info.st_size
        if size > MAX_BYTES:
            raise refuse(path, f"is {size:,} bytes; {what} is at most {MAX_BYTES:,}")
        return path.read_bytes()
    except FileNotFoundError:
        raise refuse(path, "does not exist") from None
    except OSError as error:
        raise refuse(path, f"cannot be read ({error.strerror or error})") from None


def decode_text(path: Path, data: bytes, what: str) -> str:
    """UTF-8 text (a BOM dropped), refused when binary, not UTF-8 or empty."""
    if b"\x00" in data:
        raise refuse(path, f"is binary data, not {what}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise refuse(
            path, f"is not {what} (not UTF-8 text: bad byte at offset {error.start})"
        ) from None
    if not text.strip():
        raise refuse(path, f"is empty, not {what}")
    return text


def read_text(path: Path, what: str) -> str:
    return decode_text(path, read_bytes(path, what), what)


def csv_rows(path: Path, text: str) -> Iterator[tuple[int, list[str]]]:
    """Each non-blank row with the line it starts on; a row CSV cannot read refuses the file."""
    reader = csv.reader(io.StringIO(text, newline=""))
    last_line = 0
    try:
        for row in reader:
            line, last_line = last_line + 1, reader.line_num
            if any(cell.strip() for cell in row):
                yield line, [cell.replace("\r\n", "\n").replace("\r", "\n") for cell in row]
    except csv.Error as error:
        raise refuse(path, f"line {last_line + 1} cannot be read as CSV ({error})") from None


def header_names(row: Sequence[str]) -> list[str]:
    """Column names as compared: BOM and spaces dropped, case folded."""
    return [cell.replace("\ufeff", "").strip().casefold() for cell in row]


def mean_score(scores: Sequence[int]) -> int:
    """The mean of whole scores, rounded half up (5.5 -> 6), in exact integer arithmetic."""
    return (2 * sum(scores) + len(scores)) // (2 * len(scores))


def scale_score(value: float, low: float, high: float) -> int:
    """value on LOW-HIGH as a whole 0-10 score, rounded half up: (value-low)*10/(high-low)."""
    exact = (value - low) * 10 / (high - low)
    return int(exact + 0.5)


def parse_map(values: Iterable[str] | None, defaults: Mapping[str, int]) -> dict[str, int]:
    """The label -> score table: the defaults, then each LABEL=SCORE (0-10)."""
    accepted = "LABEL=SCORE with SCORE a whole number 0-10, like super=8"
    scores = dict(defaults)
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


def unknown_label(label: str) -> str:
    """The reason for a mood the table has no score for, naming the --map that would fix it."""
    if not label.strip():
        return "empty mood"
    return (
        f"unknown mood label {label.strip()!r} (give it a score with "
        f"--map {shlex.quote(label.strip() + '=SCORE')})"
    )


@dataclass(slots=True)
class _Part:
    line: int
    when: dt.time | None
    score: int | None
    note: str
    anxiety: int | None = None
    sleep: float | None = None


@dataclass
class Collector:
    """Rows in, checked days and sessions out; a day with a rejected row is held back whole,
    so a corrected re-run brings it in complete."""

    today: dt.date
    unit: str = "line"
    rows: int = 0
    parts: dict[dt.date, list[_Part]] = field(default_factory=dict)
    rejected: list[Rejected] = field(default_factory=list)
    held: set[dt.date] = field(default_factory=set)
    sessions: dict[dt.datetime, tuple[int, Session]] = field(default_factory=dict)

    def reject(self, line: int, reason: str, day: dt.date | None = None) -> None:
        """Leave a row out; with a day, that whole day is held back."""
        if day is not None:
            self.held.add(day)
            reason = f"{reason}; {day} not imported"
        self.rejected.append(Rejected(line, reason, self.unit))

    def check_day(
        self, line: int, day: dt.date | None, raw: str, expected: str = ""
    ) -> dt.date | None:
        """The day if it may be imported, else None with the row rejected."""
        if day is None:
            why = f"bad date {raw.strip()!r}" + (f" (expected {expected})" if expected else "")
            self.reject(line, why if raw.strip() else "empty date")
        elif day > self.today:
            self.reject(line, f"future date {day} (today is {self.today})")
        elif day < check.EARLIEST_DAY:
            self.reject(line, f"bad date {raw.strip()!r} (before {check.EARLIEST_DAY})")
        else:
            return day
        return None

    def dated_rows(
        self,
        table: Table,
        parse: Callable[[str], dt.date | None],
        expected: str,
        column: str = "date",
    ) -> Iterator[tuple[int, list[str], dict[str, str], dt.date]]:
        """Each row of table (counted) whose column parses to an importable day: its line,
        cells, cells by column name and that day; a row without one is rejected."""
        for line, row in table.rows:
            self.rows += 1
            values = table.values(row)
            raw = values.get(column, "")
            day = self.check_day(line, parse(raw), raw, expected)
            if day is not None:
                yield line, row, values, day

    def mood(
        self,
        line: int,
        day: dt.date,
        score: int | None,
        note: str = "",
        *,
        when: dt.time | None = None,
        anxiety: int | None = None,
        sleep: float | None = None,
    ) -> None:
        """A row for day: a score (or None for a note only), with its note line."""
        self.parts.setdefault(day, []).append(_Part(line, when, score, note, anxiety, sleep))

    def session(self, line: int, session: Session, now: dt.datetime) -> None:
        """A session row, checked; two at the same moment keep the first."""
        try:
            checked = check.check_session(session, now, [])
        except ValidationError as error:
            self.reject(line, str(error))
            return
        if checked.started_at in self.sessions:
            first = self.sessions[checked.started_at][0]
            self.reject(line, f"same start as {self.unit} {first} ({checked.started_at})")
            return
        self.sessions[checked.started_at] = (line, checked)

    def _day(self, day: dt.date, parts: list[_Part]) -> MoodEntry | None:
        parts = sorted(parts, key=lambda p: (p.when is None, p.when or dt.time(), p.line))
        scores = [p.score for p in parts if p.score is not None]
        if not scores:
            self.reject(parts[0].line, "no mood score on this day", day)
            return None
        anxieties = [p.anxiety for p in parts if p.anxiety is not None]
        sleeps = [p.sleep for p in parts if p.sleep is not None]
        try:
            return check.check_mood(
                MoodEntry(
                    day=day,
                    mood=mean_score(scores),
                    anxiety=mean_score(anxieties) if anxieties else None,
                    sleep_hours=sleeps[0] if sleeps else None,
                    note="\n".join(p.note for p in parts if p.note),
                ),
                self.today,
            )
        except ValidationError as error:
            self.held.add(day)
            self.rejected.append(Rejected(parts[0].line, f"{day}: {error}", self.unit))
            return None

    def plan(self, scale: str = "", *, has_sessions: bool = False) -> ImportPlan:
        days = []
        for day in sorted(self.parts):
            if day in self.held:
                continue
            entry = self._day(day, self.parts[day])
            if entry is not None:
                days.append(entry)
        return ImportPlan(
            days=tuple(days),
            rejected=tuple(sorted(self.rejected, key=lambda r: r.line)),
            rows=self.rows,
            held_back=tuple(sorted(self.held)),
            sessions=tuple(s for _, s in sorted(self.sessions.values(), key=lambda v: v[0])),
            scale=scale,
            has_sessions=has_sessions,
        )


_SCALE = re.compile(r"\s*(-?\d+(?:\.\d+)?)\s*-\s*(-?\d+(?:\.\d+)?)\s*", re.ASCII)
_NUMBER = re.compile(r"\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*", re.ASCII)


def parse_scale(text: str, field: str = "scale") -> tuple[float, float]:
    """LOW-HIGH, like 1-5 or 0-100: the source's scale, mapped onto 0-10."""
    match = _SCALE.fullmatch(text or "")
    # ASCII digits only, and ends a float holds (400 nines would be inf: every mood 0)
    if match is None or not float(match[1]) < float(match[2]) < math.inf:
        raise ValidationError(field, text, "LOW-HIGH with LOW below HIGH, like 1-5", key="scale")
    return float(match[1]), float(match[2])


def number(text: str) -> float | None:
    """A plain decimal number, or None."""
    if not _NUMBER.fullmatch(text or ""):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def scale_text(low: float, high: float) -> str:
    return f"{low:g}-{high:g}"


def scaled(value: float, low: float, high: float) -> tuple[int | None, str]:
    """value on LOW-HIGH as 0-10, or None with why."""
    if not low <= value <= high:
        return None, f"mood {value:g} outside the scale {scale_text(low, high)}"
    return scale_score(value, low, high), ""


def extras(
    names: Sequence[str], original: Sequence[str], row: Sequence[str], used: set[str]
) -> list[str]:
    """'Column: value' for every non-empty cell of a column not read into the entry."""
    out = []
    for index, cell in enumerate(row):
        name = names[index] if index < len(names) else ""
        if not cell.strip() or (name and name in used):
            continue
        title = original[index].strip() if index < len(original) and name else ""
        out.append(f"{title or f'column {index + 1}'}: {cell.strip()}")
    return out


@dataclass(frozen=True, slots=True)
class Table:
    """A CSV file's header (as compared and as written) and its numbered rows."""

    names: list[str]
    original: list[str]
    rows: list[tuple[int, list[str]]]

    def values(self, row: Sequence[str]) -> dict[str, str]:
        """Each named column's cell (the first of a repeated name), stripped."""
        out: dict[str, str] = {}
        for index, cell in enumerate(row):
            name = self.names[index] if index < len(self.names) else ""
            if name and name not in out:
                out[name] = cell.strip()
        return out


def read_table(path: Path, text: str, what: str, required: Sequence[str]) -> Table:
    """The header and rows of a CSV whose header must hold the required columns."""
    rows = list(csv_rows(path, text))
    if not rows:
        raise refuse(path, f"is empty, not {what}")
    (_, header), body = rows[0], rows[1:]
    names = header_names(header)
    missing = [name for name in required if name not in names]
    if missing:
        found = ", ".join(n for n in names if n)[:80] or "nothing"
        raise refuse(
            path,
            f"is not {what} (its header has no {', '.join(missing)} column"
            f"{'' if len(missing) == 1 else 's'}; found: {found})",
        )
    return Table(names, header, body)
