"""Each export as one call: shared by the `diary` command and the app's Export screen.

Each resolves its range (the defaults are the same for both faces), gathers the records,
writes the file whole (never over the database itself) and says what it wrote.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diary import clock
from diary.actions import ranges
from diary.actions.stats import records_for
from diary.domain import ValidationError
from diary.domain.counts import counted
from diary.files.writing import TO_STDOUT, check_reachable, check_target
from diary.store import Store

REPORT_FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}


def report_format(target: str, given: str | None) -> str:
    """md, html or pdf: as given, else from the suffix of the file name (as typed); md for
    standard output (`-`)."""
    if given is None and Path(target) == TO_STDOUT:
        return "md"
    if given is not None:
        fmt = given.strip().lower()
        if fmt not in ("md", "html", "pdf"):
            raise ValidationError("report format", given, "md, html or pdf", key="format")
        named = REPORT_FORMATS.get(Path(target).suffix.lower(), fmt)
        if named != fmt:  # a Markdown file named visit.pdf opens nowhere
            raise ValidationError(
                "report format",
                given,
                f"{named}, as the file's name says, or no --format",
                key="format",
            )
        return fmt
    fmt = REPORT_FORMATS.get(Path(target).suffix.lower(), "")
    if not fmt:
        raise ValidationError(
            "output file",
            target,
            "a file ending in .md, .html or .pdf (or give the format)",
            key="output",
        )
    return fmt


def report_range(
    since: dt.date | None, until: dt.date | None, today: dt.date
) -> tuple[dt.date, dt.date]:
    """The report's range: by default the last 90 days up to until (or today)."""
    return ranges.resolve(
        since, until, today, lambda end: ranges.last_days(end, ranges.REPORT_DAYS)
    )


def export_daily_csv(
    store: Store,
    target: Path,
    since: dt.date | None,
    until: dt.date | None,
    *,
    per_session: bool = False,
    bom: bool = True,
    replace: bool = False,
) -> str:
    """One row per day (by default from the first day recorded to today), or one row per
    session with its figures; returns a one-line account of what was written. A file
    already there is replaced only when told; `-` is standard output."""
    from diary.files.csv import daily_table, session_table, write_daily_csv

    target = check_target(target, protect=store.path, replace=replace)  # `-` passes
    start, end = ranges.whole_diary(since, until, clock.today(), store)
    if per_session:
        records = records_for(store, start, end)
        mornings = {m.session_id: m for m in store.mornings_between(start, end)}
        header, rows = session_table(records.summary().sessions, records.symptoms, mornings)
        write_daily_csv(target, header, rows, bom=bom)
        return f"Wrote {counted(len(rows), 'session')} ({start} to {end}) to {target}"
    header, rows = daily_table(
        start,
        end,
        store.moods_between(start, end),
        store.sessions_between(start, end),
        store.symptoms(),
        store.checkins_between(start, end),
        store.medicine_events(),
    )
    write_daily_csv(target, header, rows, bom=bom)
    return f"Wrote {counted(len(rows), 'day')} ({start} to {end}) to {target}"


def check_tables_folder(folder: Path) -> Path:
    """A folder for the tables (made when missing), refused when a file stands there."""
    if str(folder) == "-":
        raise ValidationError(
            "output folder", "-", "a folder (the tables are several files)", key="output"
        )
    folder = folder.expanduser()
    check_reachable(folder, "output folder", "a folder")
    if folder.exists() and not folder.is_dir():
        raise ValidationError(
            "output folder", str(folder), "a folder for the tables, not a file", key="output"
        )
    return folder


def export_tables(store: Store, folder: Path, *, replace: bool = False) -> str:
    """One tidy CSV per table into folder (created 0700 when missing), all or none; tables
    written there before are replaced only when told."""
    from diary.files.csv import write_tables

    folder = check_tables_folder(folder)
    tables = store.table_rows()
    there = sorted(f"{name}.csv" for name in tables if (folder / f"{name}.csv").is_file())
    if there and not replace:
        raise ValidationError(
            "output folder",
            str(folder),
            f"a folder without tables in it yet ({', '.join(there)} there; --force replaces them)",
            key="output",
        )
    try:
        folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)  # the tables: below
    except OSError as error:
        raise ValidationError(
            "output folder",
            str(folder),
            f"a folder that can be made ({error.strerror})",
            key="output",
        ) from None
    written = write_tables(folder, tables)
    return f"Wrote {counted(len(written), 'table')} to {folder}: " + ", ".join(
        p.name for p in written
    )


def export_report(
    store: Store,
    target: Path,
    since: dt.date | None,
    until: dt.date | None,
    fmt: str,
    password: str | None = None,
    *,
    replace: bool = False,
) -> str:
    """The doctor's report as md, html or pdf (by default for the last 90 days), a PDF
    password-protected (AES-256) when a password is given; returns a one-line account of
    what was written. A file already there is replaced only when told; `-` is standard
    output, for md and html."""
    from diary.files.report import FORMATS, render
    from diary.files.report.build import build_report
    from diary.files.writing import write_atomically

    if fmt not in FORMATS:
        raise ValidationError("report format", fmt, "md, html or pdf", key="format")
    if password is not None and fmt != "pdf":
        raise ValidationError(
            "report format", fmt, "pdf: only a PDF can have a password", key="format"
        )
    if target == TO_STDOUT and fmt == "pdf":
        raise ValidationError(
            "output file", "-", "a file name for a PDF (it is not text)", key="output"
        )
    target = check_target(target, protect=store.path, replace=replace)
    start, end = report_range(since, until, clock.today())
    records = records_for(store, start, end)
    report = build_report(
        start=start,
        end=end,
        made=clock.today(),
        settings=store.settings(),
        moods=records.moods,
        sessions=records.sessions,
        checkins=records.checkins,
        symptoms=records.symptoms,
        numbers=records.numbers,
        standalone=records.standalone,
        first_day=records.first_day,
        medicine_events=records.medicine_events,
        next_morning=records.next_morning(),
    )
    write_atomically(target, render(report, fmt, password))
    protected = ", password-protected" if password is not None else ""
    return f"Wrote report ({fmt}{protected}, {start} to {end}) to {target}"
