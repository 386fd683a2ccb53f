"""Encrypted diaries for tests: made through the actions, opened by key for checks."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pexpect

from diary.actions import encryption, lock
from diary.store import TABLES, cipher

PASSPHRASE = "correct horse battery"
SECRETS = ("zebra-note-7Q", "riverside-clinic-9X", "tingling-toes-4K")


def spawn_diary(*args: str, cwd: Path | None = None) -> pexpect.spawn:
    """`python -m diary ARGS` on a real terminal (a pty), to be answered by pexpect."""
    return pexpect.spawn(
        sys.executable,
        ["-m", "diary", *args],
        env=dict(os.environ),
        encoding="utf-8",
        timeout=60,
        cwd=str(cwd) if cwd else None,
    )


def type_new_passphrase(child: pexpect.spawn, passphrase: str = PASSPHRASE) -> None:
    """Answer both questions for a new passphrase, as `diary encrypt` asks them."""
    for prompt in ("New passphrase: ", "The same again: "):
        child.expect(prompt)
        child.sendline(passphrase)


def encrypt_diary(path: Path, passphrase: str = PASSPHRASE) -> encryption.NewKey:
    """Encrypt the plain diary at path (it must exist) and return its new key."""
    new = encryption.new_key(passphrase)
    encryption.encrypt(path, new)
    return new


def unlock(path: Path, key: bytes, seconds: int = 3600) -> None:
    """Unlock as `diary unlock` does: the key in the (test's) runtime folder."""
    lock.keep(path, key, seconds)


def open_by_key(path: Path, key: bytes | None) -> Any:
    """A raw connection for checks: SQLCipher with the key, or plain when key is None."""
    if key is None:
        return cipher.open_plain_with_cipher(path)
    return cipher.open_encrypted(path, key, 30.0)


def counts(path: Path, key: bytes | None) -> dict[str, int]:
    db = open_by_key(path, key)
    try:
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        db.close()


def integrity(path: Path, key: bytes | None) -> str:
    db = open_by_key(path, key)
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()


def file_bytes(path: Path) -> bytes:
    """The file's bytes and those of its -wal, if any."""
    wal = path.with_name(path.name + "-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def no_terminal() -> None:
    """preexec_fn: a new session, so the child has no controlling terminal (like cron)."""
    os.setsid()


def expire(text: str, path: Path, by: float) -> str:
    """A kept unlock's text with its expiry moved back by seconds."""
    until, key, _owner = lock.read_kept(text)
    return lock.kept_text(path, until - by, key)
