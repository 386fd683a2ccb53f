"""The commands that write or read a file: export, report, backup, restore (import: imports.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from diary import clock
from diary.cli.output import show
from diary.cli.parsing import (
    command,
    command_group,
    force_option,
    named,
    output_option,
    range_of,
    range_options,
)
from diary.domain import DiaryError, ValidationError


def say(args: argparse.Namespace, line: str) -> None:
    """What was written; nothing when the file itself went to standard output (-o -), so a
    pipe gets the file alone and stderr stays quiet."""
    if args.output != "-":
        _print(line)


def _print(line: str) -> None:
    """A line that names a file (a file name can carry an escape sequence)."""
    show(line, one_line=False)


def add_export(commands: argparse._SubParsersAction) -> None:
    formats = command_group(
        commands, "export", "formats", help="write CSV files for a spreadsheet"
    )
    command(formats, "csv", run_export_csv, _csv_arguments)
    command(formats, "tables", run_export_tables, _tables_arguments)
    command(formats, "fhir", run_export_fhir, _fhir_arguments)


def _csv_arguments(daily: argparse.ArgumentParser) -> None:
    output_option(daily, "FILE", "the CSV file")
    daily.add_argument(
        "--sessions", action="store_true", help="one row per session instead of per day"
    )
    daily.add_argument(
        "--no-bom", action="store_true", help="no UTF-8 byte-order mark (for scripts)"
    )
    range_options(daily, since="the first day recorded")


def _tables_arguments(tables: argparse.ArgumentParser) -> None:
    tables.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        required=True,
        type=named("output folder", "a folder name (. for the current folder)"),
        help="the folder",
    )
    force_option(tables)


def _fhir_arguments(fhir: argparse.ArgumentParser) -> None:
    output_option(fhir, "FILE.json", "the bundle")
    range_options(fhir, since="the first day recorded")


def _existing(args: argparse.Namespace, what: str) -> Path:
    """The diary file, refused when there is none: an export never creates a diary."""
    from diary.actions.diary import diary_path

    path = diary_path(args.db)
    if not path.exists():  # a folder or a device is there: opening it says what it is
        raise DiaryError(f"no diary at {path}: {what}")
    return path


def run_export_csv(args: argparse.Namespace) -> int:
    """one row per day, for a doctor's spreadsheet

    One row per calendar day (days without entries included): mood, anxiety (0-10), sleep, the
    number of sessions, route, phase, dose_mg and dose_mg_per_kg, blood pressure as numbers
    (bp_pre_sys, bp_pre_dia, hr_pre, spo2_pre, and the same for 40 and discharge), PHQ-9 and GAD-7
    totals and PHQ-9 item 9 on the day taken, each side effect's severity as se_<symptom>, notes. A
    day with two sessions leaves the session columns empty: --sessions writes one row per session
    (with the figures of diary stats). UTF-8 with a byte-order mark, so a spreadsheet shows accents
    right; --no-bom for scripts."""
    from diary.actions import ranges
    from diary.actions.diary import diary_path, writing
    from diary.actions.export import export_daily_csv
    from diary.files.writing import check_target

    today = clock.today()
    # bad input is refused before anything is read (`-` passes)
    check_target(Path(args.output), protect=diary_path(args.db), replace=args.force)
    since, until = range_of(args, today)
    ranges.resolve(since, until, today, lambda end: None)
    path = _existing(args, "nothing to read (log something first)")
    with writing(path) as store:
        say(
            args,
            export_daily_csv(
                store,
                Path(args.output),
                since,
                until,
                per_session=args.sessions,
                bom=not args.no_bom,
                replace=args.force,
            ),
        )
    _not_encrypted(path, Path(args.output))
    return 0


def run_export_tables(args: argparse.Namespace) -> int:
    """one tidy CSV per table, with ids

    Write one CSV per table of the database, with ids, so nothing is lost."""
    from diary.actions.diary import writing
    from diary.actions.export import check_tables_folder, export_tables

    folder = check_tables_folder(Path(args.output))  # refused before anything is read
    path = _existing(args, "nothing to read (log something first)")
    with writing(path) as store:
        _print(export_tables(store, folder, replace=args.force))
    _not_encrypted(path, folder)
    return 0


def run_export_fhir(args: argparse.Namespace) -> int:
    """a FHIR R4 Bundle (JSON) for a clinic system or health record app

    Write the records as one FHIR R4 Bundle of type collection: PHQ-9 and GAD-7 (answers and
    scores, LOINC), blood pressure, heart rate and SpO2 (LOINC, UCUM), each session as a
    MedicationStatement (route in SNOMED CT), side effects and daily mood. Every resource is tagged
    patient-reported, not clinically verified. The mappings are listed in docs/fhir.md."""
    from diary.actions.diary import diary_path, writing
    from diary.actions.fhir import export_fhir
    from diary.files.writing import check_target

    today = clock.today()
    # bad input is refused before anything is read; the diary itself first, so the line
    # never offers --force for it
    check_target(Path(args.output), protect=diary_path(args.db), replace=args.force)
    since, until = range_of(args, today)
    path = _existing(args, "nothing to read (log something first)")
    with writing(path) as store:
        say(args, export_fhir(store, Path(args.output), since, until, replace=args.force))
    return 0


def add_report(commands: argparse._SubParsersAction) -> None:
    command(commands, "report", run_report, _report_arguments)


def _report_arguments(report: argparse.ArgumentParser) -> None:
    output_option(
        report, "FILE", "the report file; - writes md or html to standard output", text=False
    )
    range_options(report, since="89 days before --until")
    report.add_argument(
        "--format",
        metavar="FMT",
        help="md, html or pdf (default: from the file's suffix .md, .html or .pdf)",
    )
    report.add_argument(
        "--password",
        action="store_true",
        help="a password-protected PDF (AES-256), the password typed twice at the terminal",
    )


def run_report(args: argparse.Namespace) -> int:
    """write the one-page report for a doctor

    Write a report for a clinician: overview, mood chart, sessions with blood pressure and side
    effects, check-ins, notes and crisis resources. PDF and HTML fit one A4 or Letter page for a
    range of about 90 days; Markdown suits a portal message. Patient-recorded data, not clinically
    verified; it gives no advice."""
    from diary.files.cycles import held_off

    with held_off():  # imports, records and the file: many small objects, none kept
        return _report(args)


def _report(args: argparse.Namespace) -> int:
    from diary.actions.diary import diary_path, writing
    from diary.actions.export import export_report, report_format, report_range

    target = Path(args.output)
    fmt = report_format(args.output, args.format)
    today = clock.today()
    since, until = range_of(args, today)
    report_range(since, until, today)
    path = diary_path(args.db)
    if not path.exists():  # a folder or a device is there: opening it says what it is
        raise DiaryError(f"there is no diary at {path}; no report was written", key="db")
    password = None
    if args.password:
        if fmt != "pdf":
            raise ValidationError(
                "report format", fmt, "pdf: only a PDF can have a password", key="format"
            )
        from diary.cli import terminal

        password = terminal.ask_new_secret_twice("Password for the PDF: ")
    with writing(path) as store:
        say(args, export_report(store, target, since, until, fmt, password, replace=args.force))
    if password is None:
        _not_encrypted(path, target)
    return 0


def _not_encrypted(path: Path, target: Path) -> None:
    """One line after a plain file written from an encrypted diary."""
    from diary.actions.encryption import is_encrypted

    if str(target) != "-" and is_encrypted(path):
        _print(f"{target} is not encrypted: anyone who gets it can read it.")


def add_backup(commands: argparse._SubParsersAction) -> None:
    command(commands, "backup", run_backup, _backup_arguments)
    command(commands, "restore", run_restore, _restore_arguments)


def _backup_arguments(backup: argparse.ArgumentParser) -> None:
    output_option(backup, "FILE.json", "the backup")
    backup.add_argument(
        "--plain",
        action="store_true",
        help="an encrypted diary's backup as plain JSON (readable by anyone who gets it)",
    )


def _restore_arguments(restore: argparse.ArgumentParser) -> None:
    restore.add_argument("file", metavar="FILE.json", help="the backup to restore")
    restore.add_argument(
        "--merge",
        action="store_true",
        help="add what is missing to a diary that holds data; never overwrite",
    )


def run_backup(args: argparse.Namespace) -> int:
    """write everything to one JSON file

    Write the whole diary (every entry, setting and symptom) to one JSON file, readable only by
    you; the format is described in docs/backup-format.md. An encrypted diary's backup is an age
    file under a passphrase typed twice (`age -d` opens it anywhere), unless --plain."""
    from diary.actions.backup import backup
    from diary.actions.diary import diary_path
    from diary.actions.encryption import is_encrypted

    path = diary_path(args.db)
    done = backup(
        path, Path(args.output), plain=args.plain, ask=_backup_passphrase, replace=args.force
    )
    if args.plain and is_encrypted(path):
        print("Warning: this --plain backup is not encrypted; anyone who gets it can read it.")
    say(args, done)
    return 0


def _backup_passphrase() -> str:
    from diary.cli import terminal

    return terminal.ask_new_secret_twice("Passphrase for the backup: ")


def _restore_passphrase() -> str:
    from diary.cli import terminal

    return terminal.ask_new_secret("Passphrase of the backup: ")


def run_restore(args: argparse.Namespace) -> int:
    """bring a JSON backup back

    Restore a backup into an empty diary exactly, or with --merge add what is missing to one that
    holds data, never overwriting. The file is checked in full first; a bad one is refused and
    nothing is written. An age-encrypted backup asks for its passphrase."""
    from diary.actions.backup import HoldsData, restore
    from diary.actions.diary import diary_path, given_path

    try:
        done = restore(
            diary_path(args.db),
            given_path(args.file),
            merge=args.merge,
            ask=_restore_passphrase,
        )
    except HoldsData as error:
        raise HoldsData(
            f"{error} (add what is missing with --merge, or restore into a new file with "
            "--db NEW.db)"
        ) from None
    for line in done.lines:
        _print(line)
    return 0
