"""The two kinds of diary file every guarantee is tested on: plain SQLite and encrypted.

An encrypted diary here gets a random raw key (no passphrase, so no KDF per test) and is
unlocked in the test's runtime folder, so in-process calls and real processes open it as
an unlocked `diary` command would.
"""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from diary.actions import lock
from diary.store import Store, cipher, encrypted, open_store
from diary.store.schema import TABLES


class Kind:
    """One kind of diary file: how to make one, open it, and look inside it for checks."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.keys: dict[Path, bytes] = {}

    def __repr__(self) -> str:
        return self.name

    @property
    def is_encrypted(self) -> bool:
        return self.name == "encrypted"

    @property
    def backup_flags(self) -> tuple[str, ...]:
        """`diary backup` without a terminal: an encrypted diary's needs --plain (an age
        backup asks for its passphrase; tests/actions/test_backup_encrypted.py has those)."""
        return ("--plain",) if self.is_encrypted else ()

    def make(self, path: Path) -> None:
        """A new, empty diary at path of this kind (an existing plain one is converted)."""
        with open_store(path):
            pass
        if self.is_encrypted and not encrypted.is_encrypted(path):
            key = secrets.token_bytes(cipher.KEY_BYTES)
            salt = cipher.salt_for(secrets.token_bytes(cipher.KDF_SALT_BYTES), key)
            encrypted.convert(path, None, key, salt)
            self.keys[path] = key
            lock.keep(path, key, 3600)

    def open(self, path: Path) -> Store:
        """The diary at path as an unlocked command opens it (made first when missing)."""
        if not path.exists():
            self.make(path)
        return open_store(path, key=self.key(path))

    def key(self, path: Path) -> bytes | None:
        return self.keys.get(path)

    def connect(self, path: Path, *, read_only: bool = False) -> Any:
        """A raw connection for checks (counts, integrity), as sqlite3 or SQLCipher."""
        import sqlite3

        key = self.key(path)
        if key is None:
            if read_only:
                return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            return sqlite3.connect(path)
        if read_only:
            return cipher.open_encrypted(f"{path.resolve().as_uri()}?mode=ro", key, 30.0, uri=True)
        return cipher.open_encrypted(path, key, 30.0)

    def counts(self, path: Path) -> dict[str, int]:
        db = self.connect(path, read_only=True)
        try:
            return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
        finally:
            db.close()

    def integrity(self, path: Path) -> str:
        db = self.connect(path)
        try:
            return db.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            db.close()


KINDS = ("plain", "encrypted")
