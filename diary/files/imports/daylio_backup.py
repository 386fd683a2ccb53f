"""Bringing mood history in from a Daylio backup (`.daylio`: a zip holding base64-encoded
JSON): `dayEntries` (datetime in ms, timeZoneOffset in ms, mood id, note, note_title,
tags), `customMoods` (id, custom_name, mood_group_id) and `tags` (id, name).

A mood's group runs from 1 (best) to 5 (worst), the reverse of the diary's scale, and takes
the score of Daylio's label for it: group 1 (rad) 9, 2 (good) 7, 3 (meh) 5, 4 (bad) 3,
5 (awful) 1. --map NAME=SCORE scores a mood by its name instead. Entries are numbered in the
order of `dayEntries`; several on one day become their mean, with every entry's time, mood
name, tags, title and note (its HTML as plain text) in the day's note.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from diary.files.imports.daylio import DEFAULT_SCORES, html_to_text
from diary.files.imports.plan import (
    MAX_BYTES,
    Collector,
    ImportPlan,
    parse_map,
    read_bytes,
    refuse,
)

WHAT = "a Daylio backup (.daylio)"
GROUP_NAMES = {1: "rad", 2: "good", 3: "meh", 4: "bad", 5: "awful"}
MAX_OFFSET_MS = 18 * 3600 * 1000


def scores_for(values: Iterable[str] | None) -> dict[str, int]:
    """Mood name -> score overrides given with --map (the groups score the rest)."""
    return parse_map(values, {})


def _member(path: Path, archive: zipfile.ZipFile) -> zipfile.ZipInfo:
    names = [
        i for i in archive.infolist() if not i.is_dir() and not i.filename.startswith("assets/")
    ]
    chosen = [i for i in names if i.filename.rsplit("/", 1)[-1] == "backup.daylio"] or names
    if len(chosen) != 1:
        raise refuse(path, f"is not {WHAT} (the zip holds no backup.daylio)")
    info = chosen[0]
    if info.file_size > MAX_BYTES:
        raise refuse(
            path, f"is not {WHAT} (its backup.daylio unpacks to {info.file_size:,} bytes)"
        )
    return info


def _document(path: Path) -> dict[str, Any]:
    data = read_bytes(path, WHAT)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            raw = archive.read(_member(path, archive))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        EOFError,
        ValueError,
        NotImplementedError,
        RuntimeError,
    ) as error:
        raise refuse(path, f"is not {WHAT} (not a readable zip file: {error})") from None
    except OSError as error:
        raise refuse(path, f"is not {WHAT} (not a readable zip file: {error})") from None
    try:
        text = base64.b64decode(b"".join(raw.split()), validate=True).decode("utf-8")
        document = json.loads(text)
    except (binascii.Error, ValueError, RecursionError):
        raise refuse(
            path, f"is not {WHAT} (its backup.daylio is not base64-encoded JSON)"
        ) from None
    if not isinstance(document, dict) or not isinstance(document.get("dayEntries"), list):
        raise refuse(path, f"is not {WHAT} (its JSON has no dayEntries list)")
    return document


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _whole(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _moods(document: dict[str, Any]) -> dict[int, tuple[str, int]]:
    """Mood id -> (name, group 1-5); the five predefined moods are ids 1-5 of groups 1-5."""
    moods = {group: (name, group) for group, name in GROUP_NAMES.items()}
    for mood in _list(document.get("customMoods")):
        if not isinstance(mood, dict):
            continue
        mood_id, group = _whole(mood.get("id")), _whole(mood.get("mood_group_id"))
        if mood_id is None or group not in GROUP_NAMES:
            continue
        name = mood.get("custom_name")
        name = name.strip() if isinstance(name, str) and name.strip() else GROUP_NAMES[group]
        moods[mood_id] = (name, group)
    return moods


def _tags(document: dict[str, Any]) -> dict[int, str]:
    tags = {}
    for tag in _list(document.get("tags")):
        if isinstance(tag, dict) and _whole(tag.get("id")) is not None:
            tags[tag["id"]] = str(tag.get("name", "")).strip()
    return tags


def read_daylio_backup(path: Path, names: dict[str, int], today: dt.date) -> ImportPlan:
    """Read a .daylio backup; refuses a file that is not one, rejects bad entries."""
    document = _document(path)
    moods = _moods(document)
    tags = _tags(document)
    out = Collector(today, unit="entry")
    for number, entry in enumerate(document["dayEntries"], 1):
        out.rows += 1
        if not isinstance(entry, dict):
            out.reject(number, "not an entry (expected an object)")
            continue
        millis, offset = _whole(entry.get("datetime")), _whole(entry.get("timeZoneOffset") or 0)
        if millis is None or offset is None or abs(offset) > MAX_OFFSET_MS:
            out.reject(number, f"bad datetime {entry.get('datetime')!r} or timeZoneOffset")
            continue
        try:
            zone = dt.timezone(dt.timedelta(milliseconds=offset))
            moment = dt.datetime.fromtimestamp(millis / 1000, zone)
        except (OverflowError, OSError, ValueError):
            out.reject(number, f"bad datetime {millis!r}")
            continue
        if out.check_day(number, moment.date(), moment.date().isoformat()) is None:
            continue
        mood_id = _whole(entry.get("mood"))
        found = moods.get(mood_id) if mood_id is not None else None
        if found is None:
            out.reject(number, f"unknown mood id {entry.get('mood')!r}", moment.date())
            continue
        name, group = found
        score = names.get(name.casefold(), DEFAULT_SCORES[GROUP_NAMES[group]])
        texts = []
        labels = [
            tags.get(t, f"tag {t}") for t in _list(entry.get("tags")) if _whole(t) is not None
        ]
        if labels:
            texts.append("activities: " + " | ".join(labels))
        title = entry.get("note_title")
        if isinstance(title, str) and title.strip():
            texts.append(f"title: {html_to_text(title.strip())}")
        note = entry.get("note")
        if isinstance(note, str) and html_to_text(note.strip()):
            texts.append(html_to_text(note.strip()))
        head = f"Daylio {moment:%H:%M} {name}"
        out.mood(
            number,
            moment.date(),
            score,
            f"{head}: {'; '.join(texts)}" if texts else head,
            when=moment.time(),
        )
    overrides = "".join(f", {n} {s}" for n, s in names.items())
    return out.plan(f"Scores: mood groups 1 (best) to 5 as 9, 7, 5, 3, 1{overrides}")
