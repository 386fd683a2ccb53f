"""Bringing history in from another app: read the whole file first, then one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from diary.actions.diary import reading, writing
from diary.files.imports.daylio import read_daylio
from diary.files.imports.plan import ImportPlan, ImportRefused

Reader = Callable[[Path, dt.date], ImportPlan]
"""Reads a source file into a plan, given today (refuses a file that is not its kind)."""


@dataclass(frozen=True, slots=True)
class Imported:
    """What an import read, and how many of its days and sessions were (or would be) written."""

    plan: ImportPlan
    imported: int
    dry_run: bool
    sessions: int = 0


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
        days = sum(1 for d in plan.days if d.day not in logged)
        sessions = sum(1 for s in plan.sessions if s.started_at not in starts)
        return Imported(plan, days, dry_run, sessions)
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
