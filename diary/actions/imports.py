"""Bringing history in from another app: read the whole file first, then one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from diary.actions.diary import reading, writing
from diary.domain import MoodEntry, Session
from diary.files.imports.daylio import read_daylio
from diary.files.imports.plan import ImportPlan, ImportRefused
from diary.files.imports.summary import planned_lines, report_lines

Checked = TypeVar("Checked")
Reader = Callable[[Path, dt.date], ImportPlan]
"""Reads a source file into a plan, given today (refuses a file that is not its kind)."""


@dataclass(frozen=True, slots=True)
class Imported:
    """What an import read, and how many of its days and sessions were (or would be) written."""

    plan: ImportPlan
    imported: int
    dry_run: bool
    sessions: int = 0
    # a dry run's account: what would be written, and what would be skipped
    new_days: tuple[MoodEntry, ...] = ()
    new_sessions: tuple[Session, ...] = ()
    skipped: tuple[str, ...] = ()

    @property
    def planned(self) -> list[str]:
        """One line per record a dry run would write or skip (empty after a real import)."""
        return (
            planned_lines(self.new_days, self.new_sessions, self.skipped) if self.dry_run else []
        )


def import_file(
    path: Path, source: Path, read: Reader, today: dt.date, *, dry_run: bool
) -> Imported:
    """Import a file: days and sessions already in the diary are skipped, never overwritten;
    a dry run counts what would be written and writes nothing (not even a new diary)."""
    plan = read(source, today)  # read in full before the diary opens
    if not plan.days and not plan.sessions:  # nothing to write: do not even create the diary
        return Imported(plan, 0, dry_run)
    if dry_run:
        with reading(path) as store:
            logged = set() if store is None else {m.day for m in store.moods_between()}
            starts = set() if store is None else store.session_starts()
        days = tuple(d for d in plan.days if d.day not in logged)
        sessions = tuple(s for s in plan.sessions if s.started_at not in starts)
        skipped = tuple(
            [str(d.day) for d in plan.days if d.day in logged]
            + [
                f"the session of {s.started_at.isoformat(sep=' ', timespec='minutes')}"
                for s in plan.sessions
                if s.started_at in starts
            ]
        )
        return Imported(plan, len(days), dry_run, len(sessions), days, sessions, skipped)
    with writing(path) as store:
        moods, added = store.add_if_missing(plan.days, plan.sessions)
    return Imported(plan, len(moods), dry_run, len(added))


def import_daylio(
    path: Path, source: Path, scores: dict[str, int], today: dt.date, *, dry_run: bool
) -> Imported:
    """Import a Daylio CSV export with this label -> score table."""
    return import_file(
        path, source, lambda file, day: read_daylio(file, scores, day), today, dry_run=dry_run
    )


def result_lines(result: Imported, source: Path, *, dry_run: bool) -> list[str]:
    """What an import (or its dry run) says, line by line: the scale used, each record it
    would write or skip, then the summary; the same for the command line and the app."""
    lines = [result.plan.scale] if result.plan.scale else []
    lines += result.planned
    lines += report_lines(
        result.plan,
        result.imported,
        source,
        imported_sessions=result.sessions,
        dry_run=dry_run,
    )
    return lines


def nothing_imported(result: Imported, source: Path) -> ImportRefused | None:
    """The error to end with when every row was rejected and nothing could be imported."""
    plan = result.plan
    if not (plan.rejected and not plan.days and not plan.sessions):
        return None
    first = plan.rejected[0]
    return ImportRefused(
        f"{source}: no day could be imported ({len(plan.rejected):,} of {plan.rows:,} "
        f"rows rejected; first: {first.text})"
    )


KINDS = ("daylio", "daylio-backup", "bearable", "emoods", "afterflow", "pixels", "csv")


@dataclass(frozen=True, slots=True)
class ImportOptions:
    """What a person may say about a source, as typed: each kind reads the ones it has."""

    maps: tuple[str, ...] = ()
    scale: str | None = None
    date_column: str | None = None
    mood_column: str | None = None
    note_column: str | None = None
    date_format: str | None = None


def _reading(read: Callable[[Path, Checked, dt.date], ImportPlan], checked: Checked) -> Reader:
    """The Reader that calls read with the options checked before it."""
    return lambda source, today: read(source, checked, today)


def reader_for(kind: str, options: ImportOptions) -> Reader:
    """The reader of a kind with its options checked (bad ones are refused before any file is
    read): the same for the command line and the app."""
    from diary.domain import ValidationError
    from diary.files.imports.plan import parse_map, parse_scale

    maps = options.maps or None
    if kind == "daylio":
        from diary.files.imports.daylio import parse_map as daylio_scores

        return _reading(read_daylio, daylio_scores(maps))
    if kind == "daylio-backup":
        from diary.files.imports import daylio_backup

        return _reading(daylio_backup.read_daylio_backup, daylio_backup.scores_for(maps))
    if kind == "bearable":
        from diary.files.imports.bearable import parse_scale_choice, read_bearable

        choice = parse_scale_choice(options.scale)
        labels = parse_map(maps, {})
        return lambda source, today: read_bearable(source, choice, today, labels)
    if kind == "emoods":
        from diary.files.imports import emoods

        return _reading(emoods.read_emoods, emoods.scores_for(maps))
    if kind == "afterflow":
        from diary.files.imports.afterflow import read_afterflow

        scale = parse_scale(options.scale, "mood scale") if options.scale else None
        labels = parse_map(maps, {})
        return lambda source, today: read_afterflow(source, scale, today, labels)
    if kind == "pixels":
        from diary.files.imports import pixels

        return _reading(pixels.read_pixels, pixels.scores_for(maps))
    if kind == "csv":
        from diary.files.imports.csv import columns, read_csv

        cols = columns(
            options.date_column or "",
            options.mood_column or "",
            parse_scale(options.scale or "", "mood scale"),
            options.note_column or None,
            options.date_format or None,
            maps,
        )
        return _reading(read_csv, cols)
    raise ValidationError("import kind", kind, ", ".join(KINDS), key="kind")
