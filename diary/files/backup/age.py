"""Backups of an encrypted diary as age files (passphrase recipient, through pyrage): the
standard `age -d FILE` opens one anywhere. Reading takes a few seconds: age's scrypt."""

from __future__ import annotations

from diary.files.backup.format import BackupError

MAGIC = b"age-encryption.org/v1\n"


def is_age(data: bytes) -> bool:
    return data.startswith(MAGIC)


def encrypt(text: str, passphrase: str) -> bytes:
    import pyrage

    return pyrage.passphrase.encrypt(text.encode("utf-8"), passphrase)


def decrypt(data: bytes, passphrase: str) -> bytes:
    """The backup's bytes; BackupError when the passphrase does not open it."""
    import pyrage

    try:
        return pyrage.passphrase.decrypt(data, passphrase)
    except pyrage.DecryptError:
        raise BackupError(
            "the passphrase does not open this age-encrypted backup (or it is damaged)"
        ) from None
