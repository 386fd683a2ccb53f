"""Backing the whole diary up to one JSON file, and restoring or merging one back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from diary.actions.diary import writing
from diary.files.backup.format import (
    BackupError,
    backup_counts,
    backup_text,
    count_phrase,
    store_tables,
    table_counts,
    write_backup,
)
from diary.files.writing import TO_STDOUT, check_target


def backup(path: Path, target: Path, *, replace: bool = False) -> str:
    """Write every entry, setting and symptom of the diary at path to target; says what
    (for target `-`, returns the JSON itself)."""
    if not path.is_file():
        raise BackupError(f"there is no diary at {path}; nothing was backed up", key="db")
    if target != TO_STDOUT:
        target = check_target(target, protect=path, replace=replace)
    with writing(path) as store:
        version, tables = store.snapshot_rows()
    if target == TO_STDOUT:
        return backup_text(version, tables)
    write_backup(target, backup_text(version, tables))
    return f"Backed up {count_phrase(table_counts(tables))} to {target}"


class HoldsData(BackupError):
    """A restore refused because the diary already holds data (a merge would add to it)."""


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore or merge did, as lines to show."""

    lines: tuple[str, ...]


def restore(path: Path, source: Path, *, merge: bool) -> Restored:
    """Restore a backup into an empty diary exactly, or (merge) add what is missing to one
    that holds data, never overwriting. The file is checked in full before the diary opens."""
    from diary.files.backup.merge import merge_additions, merge_lines
    from diary.files.backup.reading import read_backup

    backup = read_backup(source)
    with writing(path) as store:
        if merge:
            reports: list = []

            def plan(current: dict) -> dict:  # runs inside the merge's write transaction
                additions, report = merge_additions(backup, current)
                reports.append(report)
                return additions

            store.merge_rows(plan)
            return Restored((f"Merged {source} into {store.path}.", *merge_lines(reports[0])))
        if not store.replace_all(store_tables(backup)):
            raise HoldsData(f"{store.path} already holds data; nothing was restored")
    return Restored(
        (f"Restored {count_phrase(backup_counts(backup))} from {source} into {store.path}",)
    )
