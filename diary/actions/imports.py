"""Bringing history in from another app: read the whole file first, then one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from diary.actions.diary import reading, writing
from diary.files.imports.daylio import DaylioError, DaylioImport, read_daylio


@dataclass(frozen=True, slots=True)
class Imported:
    """What an import read, and how many of its days were (or would be) written."""

    plan: DaylioImport
    imported: int
    dry_run: bool


def import_daylio(
    path: Path, source: Path, scores: dict[str, int], today: dt.date, *, dry_run: bool
) -> Imported:
    """Import a Daylio CSV export: days already logged are skipped, never overwritten; a dry
    run counts what would be written and writes nothing (not even a new diary)."""
    plan = read_daylio(source, scores, today)  # read in full before the diary opens
    if not plan.days:  # nothing to write: do not even create the diary
        imported = 0
    elif dry_run:
        with reading(path) as store:
            logged = set() if store is None else {m.day for m in store.moods_between()}
        imported = sum(1 for d in plan.days if d.day not in logged)
    else:
        with writing(path) as store:
            imported = len(store.add_moods_if_missing(plan.days))
    return Imported(plan, imported, dry_run)


def nothing_imported(result: Imported, source: Path) -> DaylioError | None:
    """The error to end with when every row was rejected and no day could be imported."""
    plan = result.plan
    if not (plan.rejected and not plan.days):
        return None
    first = plan.rejected[0]
    return DaylioError(
        f"{source}: no day could be imported ({len(plan.rejected):,} of {plan.rows:,} "
        f"rows rejected; first: line {first.line}: {first.reason})"
    )
