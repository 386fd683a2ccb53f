"""Checking a diary file: every damaged row listed, and a backup of the rows that survive."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from diary.actions.diary import require, writing
from diary.files.backup import backup_text, count_phrase, table_counts, write_backup
from diary.files.writing import check_target


@dataclass(frozen=True, slots=True)
class Checked:
    """What `diary check` found, as lines to show, and whether the file is clean."""

    lines: tuple[str, ...]
    clean: bool


def check_diary(path: Path, export_good: Path | None = None, *, replace: bool = False) -> Checked:
    """Run SQLite's checks and read every row; with export_good, back up the clean rows."""
    require(path, "nothing to check")
    target = (
        None if export_good is None else check_target(export_good, protect=path, replace=replace)
    )
    with writing(path) as store:
        findings = store.check()
        version = store.schema_version
    lines = [f"integrity: {problem}" for problem in findings.integrity]
    lines += [f"damaged: {row}" for row in findings.damaged]
    if findings.clean:
        lines.append(f"{path}: every row reads cleanly; integrity and links are sound")
    else:
        lines.append(
            f"{path}: {len(findings.integrity)} integrity problem(s), "
            f"{len(findings.damaged)} damaged row(s)"
        )
    if target is not None and not any(findings.good[t][0] for t in findings.good):
        lines.append(f"No backup was written: no row could be read from {path}")
    elif target is not None:
        write_backup(target, backup_text(version, findings.good))
        lines.append(
            f"Backed up what reads cleanly ({count_phrase(table_counts(findings.good))}) "
            f"to {target}; restore it into a new diary with "
            f"`diary restore {target} --db NEW.db`"
        )
    return Checked(tuple(lines), findings.clean)
