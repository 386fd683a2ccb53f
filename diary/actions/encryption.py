"""Turning encryption on and off and changing the passphrase: each writes the diary anew
beside the old file, verifies it and swaps it in (store.encrypted.convert)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from diary.actions import lock
from diary.actions.diary import require, writing
from diary.domain import DiaryError, ValidationError
from diary.store import check_file, cipher, encrypted, open_store

MIN_PASSPHRASE = 8


@dataclass(frozen=True, slots=True)
class NewKey:
    """A passphrase turned into a key and the file salt it goes with, and its recovery code."""

    key: bytes
    salt: bytes

    @property
    def recovery_code(self) -> str:
        return cipher.recovery_code(self.key)


def check_new_passphrase(first: str, again: str) -> str:
    """The new passphrase, refused (exit 2) when the two differ or it is too short."""
    if first != again:
        raise ValidationError.missing(
            "passphrase", "the two passphrases differ; nothing was changed", key="passphrase"
        )
    if len(first) < MIN_PASSPHRASE:
        raise ValidationError.missing(
            "passphrase",
            f"use at least {MIN_PASSPHRASE} characters; nothing was changed",
            key="passphrase",
        )
    return first


def new_key(passphrase: str) -> NewKey:
    key, salt = cipher.new_key(passphrase)
    return NewKey(key, salt)


def is_encrypted(path: Path) -> bool:
    return encrypted.is_encrypted(path)  # a regular file only (cipher.is_encrypted_file)


def require_plain(path: Path) -> None:
    """Refuse to encrypt what is missing or encrypted already (before asking anything)."""
    require(path, "nothing to encrypt")
    if encrypted.is_encrypted(path):
        raise DiaryError(f"{path} is encrypted already; `diary passphrase` changes it")
    with writing(path):  # refuses a strange file; brings the schema up to date first
        pass
    _not_in_use(path)


def require_not_in_use(path: Path, key: bytes) -> None:
    """Refuse, before a new passphrase is asked for, while another program has it open."""
    with open_store(path, key=key):
        pass
    _not_in_use(path)


def _not_in_use(path: Path) -> None:
    # the last connection to close removes -wal and -shm; they stay while another has it open
    if any(path.with_name(path.name + end).exists() for end in ("-wal", "-shm")):
        raise DiaryError(
            f"{path} is open in another program (the app?); close it and try again; "
            "nothing was changed"
        )


def require_encrypted(path: Path, what: str) -> None:
    require(path, what)
    if not encrypted.is_encrypted(path):
        check_file(path)  # a FIFO, a folder, another program's file: said as what it is
        raise DiaryError(f"{path} is not encrypted; `diary encrypt` turns encryption on")


def plaintext_copies(path: Path) -> list[Path]:
    """The plain copies of the diary the diary itself wrote beside it (before migrations);
    an encrypted diary's own copies are encrypted, and not listed."""
    found = sorted(path.parent.glob(f"{path.name}.v*-before-migration-*.bak"))
    return [copy for copy in found if not encrypted.is_encrypted(copy)]


def encrypt(path: Path, new: NewKey) -> str:
    """Encrypt the plain diary at path with the new key."""
    encrypted.convert(path, None, new.key, new.salt)
    lock.lock(path)
    return f"{path} is encrypted."


def current_key(path: Path, secret: str) -> bytes:
    return lock.unlock_with(path, secret)


def decrypt(path: Path, key: bytes) -> str:
    """Write the encrypted diary at path back as a plain SQLite file."""
    encrypted.convert(path, key, None, None)
    lock.lock(path)
    return f"{path} is no longer encrypted: anyone who gets the file can read it."


def change_passphrase(path: Path, key: bytes, new: NewKey) -> str:
    """Re-encrypt the diary under a new passphrase (a new salt and key, a new recovery code);
    the old passphrase and the old recovery code stop working."""
    encrypted.convert(path, key, new.key, new.salt)
    lock.lock(path)
    return (
        f"The passphrase of {path} is changed; the old one and its recovery code no longer "
        "open it."
    )
