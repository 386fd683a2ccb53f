"""Which diary file a command is about, and opening it: for writing, or for reading only."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from diary.actions.lock import key_source
from diary.domain import BadPathError, DiaryError
from diary.store import Store, check_path, default_path, expand_user, open_store


def diary_path(given: Path | str | None) -> Path:
    """The diary file: the one given (--db), else $DIARY_DB, else the default."""
    if given is None:
        return default_path()
    if not str(given).strip():
        raise BadPathError("the diary file name is empty; give a file path", key="db")
    return expand_user(given)


def given_path(given: Path | str) -> Path:
    """A file path as typed, `~` expanded; an unknown `~user` is refused in one line."""
    return expand_user(given)


def exists(path: Path) -> bool:
    return path.exists()


@contextmanager
def writing(path: Path) -> Iterator[Store]:
    """The diary at path, created when there is none yet."""
    with open_store(path, key=key_source(path)) as store:
        yield store


@contextmanager
def reading(path: Path) -> Iterator[Store | None]:
    """The diary at path, or None when there is no file: reading never creates a diary."""
    if not check_path(path):
        yield None
        return
    with open_store(path, key=key_source(path)) as store:
        yield store


def require(path: Path, what: str) -> None:
    """Refuse to read a diary that does not exist (rather than create an empty one)."""
    if not path.exists():
        raise DiaryError(f"no diary at {path}: {what}")
