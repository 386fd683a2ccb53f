"""The JSON backup: format.py writes it, reading.py reads and checks it, merge.py merges it.

The format is documented in docs/backup-format.md. Callers import what they use from here:
the functions, and the types they return.
"""

from __future__ import annotations

from diary.files.backup.format import (
    FORMAT,
    Backup,
    BackupError,
    backup_counts,
    backup_text,
    count_phrase,
    store_tables,
    table_counts,
    write_backup,
)
from diary.files.backup.merge import MergeReport, merge_additions, merge_lines
from diary.files.backup.reading import read_backup

__all__ = [
    "FORMAT",
    "Backup",
    "BackupError",
    "MergeReport",
    "backup_counts",
    "backup_text",
    "count_phrase",
    "merge_additions",
    "merge_lines",
    "read_backup",
    "store_tables",
    "table_counts",
    "write_backup",
]
