"""What `diary check` found, in a module of its own: the Store checks a file only for
`diary check`, so opening one (the app's first paint among them) does not make this class."""

from __future__ import annotations

from dataclasses import dataclass

from diary.store.rows import TableRows


@dataclass(frozen=True, slots=True)
class Findings:
    """What `diary check` found: SQLite's own problems, then each damaged row in words."""

    integrity: tuple[str, ...]
    damaged: tuple[str, ...]
    good: TableRows

    @property
    def clean(self) -> bool:
        return not self.integrity and not self.damaged
