"""Bringing sessions in from Afterflow's session CSV (`Date,Treatment Type,Administration,
Intention,Mood Before,Mood After,Reflections,Music Link URL`; dates like "Dec 10, 2024 at
2:30 PM").

Each row becomes a session at that local time, its Administration read as the route (IV,
IM, nasal, oral, sublingual; anything else is "other", its words kept). Mood Before becomes
the mood of the day before and Mood After that day's mood, each only where the diary has no
mood for that day yet; Afterflow's moods are read on 1-10 unless --scale says otherwise
(--map VALUE=SCORE scores one value its own way).
Treatment type, intention, reflections and the music link go into the session's note, so a
session already in the diary (the same start) is skipped and nothing is lost.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from diary.domain import Route, Session
from diary.domain import validation as check
from diary.files.imports.plan import (
    Collector,
    ImportPlan,
    number,
    read_table,
    read_text,
    scale_text,
    scaled,
)

WHAT = "an Afterflow session CSV"
REQUIRED = ("date", "administration")
DEFAULT_SCALE = (1.0, 10.0)
DATE_FORMATS = ("%b %d, %Y at %I:%M %p", "%B %d, %Y at %I:%M %p", "%b %d, %Y")
# words of the Administration column, checked in this order
ROUTE_WORDS = (
    (Route.SUBLINGUAL, ("sublingual", "troche", "lozenge", "rdt", "buccal")),
    (Route.INTRANASAL, ("nasal", "spray", "spravato", "intranasal")),
    (Route.IM, ("intramuscular", "im", "injection", "shot")),
    (Route.IV, ("intravenous", "iv", "infusion", "drip")),
    (Route.ORAL, ("oral", "mouth", "capsule", "tablet", "pill")),
)
NOTE_COLUMNS = (
    ("treatment type", "treatment"),
    ("administration", "administration"),
    ("intention", "intention"),
    ("reflections", "reflections"),
    ("music link url", "music"),
)


def route_of(text: str) -> Route:
    """The route Afterflow's Administration words name, else other."""
    words = set(re.findall(r"[a-z]+", text.casefold()))
    for route, names in ROUTE_WORDS:
        if words & set(names):
            return route
    return Route.OTHER


def _moment(text: str) -> dt.datetime | None:
    cleaned = re.sub(r"\s+", " ", text.strip()).replace("\u202f", " ")
    for fmt in DATE_FORMATS:
        try:
            return dt.datetime.strptime(cleaned, fmt)
        except ValueError:
            continue
    return None


def _day(text: str) -> dt.date | None:
    moment = _moment(text)
    return None if moment is None else moment.date()


def read_afterflow(
    path: Path,
    scale: tuple[float, float] | None,
    today: dt.date,
    labels: dict[str, int] | None = None,
) -> ImportPlan:
    """Read an Afterflow session CSV; refuses a file that is not one, rejects bad rows."""
    low, high = scale or DEFAULT_SCALE
    table = read_table(path, read_text(path, WHAT), WHAT, REQUIRED)
    out = Collector(today)
    now = dt.datetime.combine(today, dt.time(23, 59)).astimezone()
    for line, _, values, _ in out.dated_rows(table, _day, "a date like Dec 10, 2024 at 2:30 PM"):
        moment = _moment(values["date"])
        assert moment is not None  # dated_rows let through only rows whose date parses
        moods: list[tuple[dt.date, int, str]] = []
        bad = ""
        for column, day, word in (
            ("mood before", moment.date() - dt.timedelta(days=1), "before"),
            ("mood after", moment.date(), "after"),
        ):
            text = values.get(column, "")
            if not text:
                continue
            value = number(text)
            if labels and text.casefold() in labels:  # --map wins over the scale
                score, why = labels[text.casefold()], ""
            elif value is None:
                score, why = None, f"{column} {text!r} is not a number"
            else:
                score, why = scaled(value, low, high)
            if score is None:
                bad = why.replace("mood ", f"{column} ", 1) if value is not None else why
                break
            moods.append(
                (
                    day,
                    score,
                    f"Afterflow: mood {word} the session of {moment:%Y-%m-%d %H:%M}: {text}",
                )
            )
        if bad:
            out.reject(line, bad)
            continue
        note = "; ".join(
            f"{label}: {values[column]}" for column, label in NOTE_COLUMNS if values.get(column)
        )
        mood_words = "; ".join(
            f"mood {word}: {values[column]}"
            for column, word in (("mood before", "before"), ("mood after", "after"))
            if values.get(column)
        )
        session = Session(
            started_at=check.local_offset(moment),
            route=route_of(values.get("administration", "")),
            note="Afterflow: " + "; ".join(p for p in (note, mood_words) if p),
        )
        before = len(out.rejected)
        out.session(line, session, now)
        if len(out.rejected) > before:
            continue
        for day, score, text in moods:
            if day <= today:
                out.mood(line, day, score, text)
    return out.plan(
        f"Moods: Afterflow's {scale_text(low, high)} as 0-10 (x - {low:g}) x 10 / {high - low:g}, "
        "rounded half up",
        has_sessions=True,
    )
