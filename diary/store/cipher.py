"""Encryption at rest: the key from a passphrase, the file's salt, and SQLCipher connections.

The first 16 bytes of an SQLCipher file are its salt, written in the clear; the diary chooses
them itself so that the encrypted file alone is enough to open it:

    bytes 0-7    the Argon2id salt (random, new for each passphrase)
    bytes 8-11   a tag of bytes 0-7: marks the file as an encrypted diary
    bytes 12-15  a check of the raw key: tells a wrong passphrase from a damaged file

The key check costs an attacker nothing they lack: page 1's HMAC already tells a right key
from a wrong one, and every guess pays the KDF either way. SQLCipher is opened with the raw
256-bit key (`PRAGMA key = "x'...'"`), so an unlocked command never pays the KDF.
sqlcipher3 and argon2 are imported only here, and only for an encrypted file.
"""

from __future__ import annotations

import os

from diary.domain import DiaryError

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (`diary mood`)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from diary.store.paths import StrPath

SALT_BYTES = 16
KDF_SALT_BYTES = 8
KEY_BYTES = 32
# Argon2id: a median of 0.51-0.87 s per unlock on the (loaded) development machine
# (bench/bench_encryption.py; the issue asks at least 0.25 s). Changing them changes every
# key: they are part of the format.
KDF_TIME_COST = 4
KDF_MEMORY_KIB = 64 * 1024
KDF_LANES = 1
_FILE_TAG = b"diary-file-v1"
_KEY_CHECK = b"diary-key-v1"
PAGE_SIZE = 4096  # SQLCipher 4's default; an encrypted diary is a whole number of pages


class WrongPassphraseError(DiaryError):
    """The passphrase (or recovery code) does not open this diary (exit 1)."""


# secrets and base64 are imported where used: a plain diary's quick path never needs them
# (`diary mood 7` stays quick). BLAKE2 comes from its own module, which hashlib re-exports:
# `import hashlib` loads OpenSSL's bindings too, a few ms an unlocked command need not pay.


def blake2b(data: bytes, *, digest_size: int, person: bytes = b"") -> bytes:
    try:
        from _blake2 import blake2b as blake
    except ImportError:  # a Python built without it: hashlib has one either way
        from hashlib import blake2b as blake
    return blake(data, digest_size=digest_size, person=person).digest()


def _tag(kdf_salt: bytes) -> bytes:
    return blake2b(kdf_salt, digest_size=4, person=_FILE_TAG)


def _check(key: bytes) -> bytes:
    return blake2b(key, digest_size=4, person=_KEY_CHECK)


def is_encrypted_header(header: bytes) -> bool:
    """Whether the file's first bytes are an encrypted diary's salt (1 in 2**32 by chance)."""
    if len(header) < SALT_BYTES or header.startswith(b"SQLite format 3\x00"):
        return False
    return header[8:12] == _tag(header[:KDF_SALT_BYTES])


def is_encrypted_file(path: StrPath) -> bool:
    """Whether the file at path begins as an encrypted diary does (False when unreadable).
    Only a regular file is opened: opening a named pipe would wait for a writer forever."""
    if not os.path.isfile(path):
        return False
    try:
        return is_encrypted_header(read_salt(path))
    except OSError:
        return False


def read_salt(path: StrPath) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(SALT_BYTES)


def derive(passphrase: str, kdf_salt: bytes) -> bytes:
    """The raw key: Argon2id over the passphrase (memory-hard, run once per unlock)."""
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        passphrase.encode("utf-8"),
        kdf_salt[:KDF_SALT_BYTES],
        time_cost=KDF_TIME_COST,
        memory_cost=KDF_MEMORY_KIB,
        parallelism=KDF_LANES,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def new_key(passphrase: str) -> tuple[bytes, bytes]:
    """A fresh (key, file salt) pair for a new passphrase."""
    import secrets

    kdf_salt = secrets.token_bytes(KDF_SALT_BYTES)
    key = derive(passphrase, kdf_salt)
    return key, salt_for(kdf_salt, key)


def salt_for(kdf_salt: bytes, key: bytes) -> bytes:
    return kdf_salt + _tag(kdf_salt) + _check(key)


def key_fits(key: bytes, salt: bytes) -> bool:
    # a plain comparison: the check is in the clear in the file, so timing reveals nothing
    return len(key) == KEY_BYTES and _check(key) == salt[12:16]


def recovery_code(key: bytes) -> str:
    """The raw key as 13 groups of 4 letters and digits (base32): opens the diary alone."""
    import base64

    text = base64.b32encode(key).decode("ascii").rstrip("=")
    return "-".join(text[i : i + 4] for i in range(0, len(text), 4))


def key_from_recovery(text: str) -> bytes | None:
    """The key a recovery code stands for, or None when the text is not one."""
    import base64

    letters = "".join(text.split()).replace("-", "").upper()
    if len(letters) != 52:
        return None
    try:
        key = base64.b32decode(letters + "====")
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


def key_for_secret(secret: str, salt: bytes) -> bytes:
    """The key a passphrase or recovery code gives for this file; refused when it does not fit."""
    key = key_from_recovery(secret)
    if key is None or not key_fits(key, salt):
        key = derive(secret, salt)
    if not key_fits(key, salt):
        raise WrongPassphraseError("wrong passphrase (or recovery code); the diary stays locked")
    return key


def key_pragma(key: bytes, salt: bytes | None = None) -> str:
    """The value for PRAGMA key / ATTACH KEY: the raw key, with the salt for a new file."""
    return f"\"x'{key.hex()}{salt.hex() if salt else ''}'\""


def _settings(db: Any) -> None:
    db.execute("PRAGMA cipher_log_level = NONE")  # SQLCipher's stderr would tear the screen


def open_encrypted(path: Path | str, key: bytes, timeout: float, *, uri: bool = False) -> Any:
    """An sqlcipher3 connection to path opened with the raw key, temp files in memory."""
    import sqlcipher3

    db = sqlcipher3.connect(str(path), timeout=timeout, isolation_level=None, uri=uri)
    _settings(db)
    db.execute(f"PRAGMA key = {key_pragma(key)}")
    db.execute("PRAGMA temp_store = MEMORY")
    return db


def open_plain_with_cipher(path: Path | str) -> Any:
    """A plaintext file opened through sqlcipher3 (for sqlcipher_export to and from it)."""
    import sqlcipher3

    db = sqlcipher3.connect(str(path), isolation_level=None)
    _settings(db)
    db.execute("PRAGMA temp_store = MEMORY")
    return db


def cipher_errors() -> tuple[type[BaseException], ...]:
    import sqlcipher3

    return (sqlcipher3.Error,)


def fsync_path(path: Path) -> None:
    """Flush a file (or a folder's entries) to the disk."""
    handle = os.open(path, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
