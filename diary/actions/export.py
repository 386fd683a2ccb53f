"""Each export as one call on an open diary: shared by the `diary` command and the app.

The ranges are decided by the caller; these gather the records, write the file whole
(never over the database itself) and say what they wrote.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diary.domain import ValidationError
from diary.files.writing import check_target
from diary.store import Store

MAX_DAYS = 366 * 200


def export_daily_csv(store: Store, target: Path, start: dt.date, end: dt.date) -> str:
    """One row per day from start to end; returns a one-line account of what was written."""
    from diary.files.csv import daily_table, write_daily_csv

    target = check_target(target, protect=store.path)
    if (end - start).days > MAX_DAYS:
        raise ValidationError("--since", start.isoformat(), "a range of at most 200 years")
    header, rows = daily_table(
        start,
        end,
        store.moods_between(start, end),
        store.sessions_between(start, end),
        store.symptoms(),
    )
    write_daily_csv(target, header, rows)
    return f"Wrote {len(rows)} days ({start} to {end}) to {target}"


def export_tables(store: Store, folder: Path) -> str:
    """One tidy CSV per table into folder (created 0700 when missing)."""
    from diary.files.csv import write_tables

    folder = folder.expanduser()
    if folder.exists() and not folder.is_dir():
        raise ValidationError("-o", str(folder), "a folder for the tables, not a file")
    tables = store.table_rows()
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as error:
        raise ValidationError(
            "-o", str(folder), f"a folder that can be made ({error.strerror})"
        ) from None
    written = write_tables(folder, tables)
    return f"Wrote {len(written)} tables to {folder}: " + ", ".join(p.name for p in written)


def export_report(store: Store, target: Path, start: dt.date, end: dt.date, fmt: str) -> str:
    """The doctor's report for start..end as md, html or pdf; returns a one-line account."""
    from diary import analysis, clock
    from diary.files.report import FORMATS, render
    from diary.files.report.build import build_report
    from diary.files.writing import write_atomically

    if fmt not in FORMATS:
        raise ValidationError("--format", fmt, "md, html or pdf")
    target = check_target(target, protect=store.path)
    if start > end:
        raise ValidationError("--since", start.isoformat(), f"a day on or before {end}")
    if (end - start).days > MAX_DAYS:
        raise ValidationError("--since", start.isoformat(), "a range of at most 200 years")
    # context outside the range, as `diary stats` takes it: the 7-day mean and the first
    # session's baseline look back, days of benefit look forward
    context = max(analysis.CONTEXT_BEFORE, dt.timedelta(days=analysis.ROLLING_DAYS - 1))
    report = build_report(
        start=start,
        end=end,
        made=clock.today(),
        settings=store.settings(),
        moods=store.moods_between(max(start, dt.date.min + context) - context, None),
        sessions=store.sessions_between(start, None),
        checkins=store.checkins_between(start, end),
        symptoms=store.symptoms(),
        numbers=store.session_numbers(),
        standalone=store.standalone_vitals(),
    )
    write_atomically(target, render(report, fmt))
    return f"Wrote report ({fmt}, {start} to {end}) to {target}"
