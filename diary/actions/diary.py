"""Which diary file a command is about, and opening it: for writing, or for reading only."""

from __future__ import annotations

from collections.abc import Callable

from diary.domain import BadPathError, DiaryError
from diary.store import (
    check_path,
    cipher,
    default_path,
    expand_user,
    open_store,
    paths,
    tighten_mode,
)
from diary.store.opening import data_folder

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from pathlib import Path
    from typing import TypeVar

    from diary.store.connection import Connected
    from diary.store.paths import StrPath

    Opened = TypeVar("Opened", bound=Connected)

# How a face says that a new diary file was made (the CLI: one line on stderr). A typo in
# --db or DIARY_DB would otherwise start a second diary without a word.
on_new_diary: Callable[[Path], None] | None = None
# How a face says that a diary others could read was made its owner's alone (mode it had).
on_tightened: Callable[[StrPath, int], None] | None = None


class NoSuchFolderError(DiaryError):
    """The diary's folder does not exist and is not the default one (exit 2: a bad path)."""

    exit_code = 2


def diary_file(given: StrPath | None) -> str:
    """The diary file: the one given (--db), else $DIARY_DB, else the default; as text, for
    a quick log, which does not load pathlib (diary_path gives it as a Path)."""
    if given is None:
        return default_path()
    if not str(given).strip():
        raise BadPathError("the diary file name is empty; give a file path", key="db")
    return expand_user(given)


def diary_path(given: StrPath | None) -> Path:
    """The diary file: the one given (--db), else $DIARY_DB, else the default."""
    from pathlib import Path

    return Path(diary_file(given))


def given_path(given: StrPath) -> Path:
    """A file path as typed, `~` expanded; an unknown `~user` is refused in one line."""
    from pathlib import Path

    return Path(expand_user(given))


def locked(path: StrPath) -> bool:
    """Whether opening the diary at path would need a passphrase (diary.actions.lock's
    is_locked); a plain diary is told from its first bytes, without loading the lock."""
    if not cipher.is_encrypted_file(path):
        return False
    from pathlib import Path

    from diary.actions.lock import is_locked

    return is_locked(Path(path))


def exists(path: StrPath) -> bool:
    return paths.exists(path)


def default_folder() -> str:
    """The user data folder the diary lives in when no path is given."""
    return data_folder()


def check_new_diary_folder(given: StrPath) -> None:
    """Refuse a new diary in a folder that does not exist, but for the default folder."""
    from pathlib import Path  # only for a new diary

    path = Path(given)
    folder = path.parent
    if path.exists() or folder.exists():
        return
    if folder.absolute() != Path(default_folder()).absolute():
        raise NoSuchFolderError(
            f"there is no folder {folder} for {path.name}; check the path (--db or "
            "DIARY_DB), or make the folder first; nothing was written"
        )


def _key_source(path: StrPath) -> Callable[[bytes], bytes]:
    """The key of an encrypted diary at path, from the unlock in force or the face's asker;
    the lock's code loads only when a file turns out to be encrypted."""

    def key_for(salt: bytes) -> bytes:
        from pathlib import Path  # the lock's code reads paths with pathlib

        from diary.actions.lock import key_source

        return key_source(Path(path))(salt)

    return key_for


class writing:  # used as a function: `with writing(path) as store:`
    """The diary at path, created when there is none yet (in a folder that exists, or the
    default folder), saying so through on_new_diary. kind: what to open it as (the whole
    Store unless a command needs less). (A class, not a contextlib generator: `diary mood 7`
    does not import contextlib.)"""

    def __init__(self, path: StrPath, kind: type[Opened] | None = None) -> None:
        self.path, self.kind = path, kind
        self.store: Opened | None = None

    def __enter__(self) -> Opened:
        path = self.path
        new = not check_path(path)  # a name that cannot be a diary is refused first
        if new:
            check_new_diary_folder(path)
        # the file is 0600: one that others could read or write is made so before a write
        loose = None if new else tighten_mode(path)
        store = self._open()
        if loose is not None and on_tightened is not None:
            on_tightened(path, loose)
        if new and on_new_diary is not None:
            try:
                on_new_diary(store.path)
            except BaseException:
                self.__exit__()
                raise
        return store

    def _open(self) -> Opened:
        self.store = open_store(self.path, key=_key_source(self.path), kind=self.kind)
        return self.store

    def __exit__(self, *exc: object) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None


class reading(writing):  # used as a function
    """The diary at path, or None when there is no file: reading never creates a diary.
    kind: what to open it as (the whole Store unless a command needs less)."""

    def __enter__(self) -> Opened | None:  # type: ignore[override]
        return self._open() if check_path(self.path) else None


def require(path: StrPath, what: str) -> None:
    """Refuse to read a diary that does not exist (rather than create an empty one)."""
    if not paths.exists(path):
        raise DiaryError(f"no diary at {path}: {what}")
