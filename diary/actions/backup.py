"""Backing the whole diary up to one JSON file, and restoring or merging one back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from diary.actions.diary import writing
from diary.files import backup as backups
from diary.files.backup import BackupError, age
from diary.files.writing import check_target, write_atomically
from diary.store.encrypted import is_encrypted


def backup(
    path: Path,
    target: Path,
    *,
    plain: bool = False,
    ask: Callable[[], str] | None = None,
    replace: bool = False,
) -> str:
    """Write every entry, setting and symptom of the diary at path to target (`-`: standard
    output); says what. A file already there is replaced only when told.

    An encrypted diary's backup is an age file under the passphrase ask() gives, unless
    plain; a plain diary's is plain JSON."""
    if not path.exists():  # a folder or a device is there: opening it says what it is
        raise BackupError(f"there is no diary at {path}; nothing was backed up", key="db")
    target = check_target(target, protect=path, replace=replace)  # `-` passes as it is
    with writing(path) as store:
        version, tables = store.snapshot_rows()
    text = backups.backup_text(version, tables)
    done = f"Backed up {backups.count_phrase(backups.table_counts(tables))} to {target}"
    if plain or not is_encrypted(path):
        backups.write_backup(target, text)
        return done
    if ask is None:
        raise BackupError("an encrypted diary's backup needs a passphrase; nothing was written")
    write_atomically(target, age.encrypt(text, ask()))
    return f"{done}, age-encrypted (`age -d {target.name}` opens it with its passphrase)"


class HoldsData(BackupError):
    """A restore refused because the diary already holds data (a merge would add to it)."""


@dataclass(frozen=True, slots=True)
class Restored:
    """What a restore or merge did, as lines to show."""

    lines: tuple[str, ...]


def restore(
    path: Path, source: Path, *, merge: bool, ask: Callable[[], str] | None = None
) -> Restored:
    """Restore a backup into an empty diary exactly, or (merge) add what is missing to one
    that holds data, never overwriting. The file is checked in full before the diary opens;
    ask gives an age-encrypted backup's passphrase."""
    asked: list[bool] = []  # an age-encrypted backup asks for its passphrase

    def passphrase() -> str:
        asked.append(True)
        return ask() if ask is not None else ""

    backup = backups.read_backup(source, passphrase if ask is not None else None)
    with writing(path) as store:
        if merge:
            reports: list = []

            def plan(current: dict) -> dict:  # runs inside the merge's write transaction
                additions, report = backups.merge_additions(backup, current)
                reports.append(report)
                return additions

            store.merge_rows(plan)
            merged = (f"Merged {source} into {store.path}.", *backups.merge_lines(reports[0]))
            return Restored((*merged, *_left_plain(bool(asked), store.path)))
        if not store.replace_all(backups.store_tables(backup)):
            raise HoldsData(f"{store.path} already holds data; nothing was restored")
    counts = backups.count_phrase(backups.backup_counts(backup))
    restored = f"Restored {counts} from {source} into {store.path}"
    return Restored((restored, *_left_plain(bool(asked), store.path)))


def _left_plain(from_encrypted: bool, path: Path) -> tuple[str, ...]:
    """A line when an encrypted backup's data went into a diary that is not encrypted."""
    if from_encrypted and not is_encrypted(path):
        return ("The backup was encrypted; this diary is not (`diary encrypt` encrypts it).",)
    return ()
