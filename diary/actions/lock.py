"""Locked and unlocked: the raw key kept for a while in the per-user runtime folder, the key
held by this process, and asking for the passphrase when neither is at hand.

The runtime folder ($XDG_RUNTIME_DIR) is memory-backed and cleared at logout and reboot,
so an unlock never reaches persistent disk. Where there is none, the diary asks each time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from diary.domain import DiaryError, LockedError, ValidationError
from diary.store.cipher import key_fits, key_for_secret, read_salt
from diary.store.encrypted import is_encrypted

Ask = Callable[[str], str]  # shows the prompt, returns what was typed (no echo)

DEFAULT_FOR = "8h"
MAX_FOR_S = 7 * 24 * 3600
_held: dict[str, bytes] = {}  # keys unlocked in this process (the app): never written
_asker: list[Ask] = []


def set_asker(ask: Ask | None) -> None:
    """The face's way to ask for a passphrase when the diary is locked (None: never ask)."""
    _asker.clear()
    if ask is not None:
        _asker.append(ask)


def _id(path: Path) -> str:
    return str(path.expanduser().resolve())


def runtime_folder() -> Path | None:
    """$XDG_RUNTIME_DIR/diary, when the runtime folder exists (Linux); None elsewhere."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    if not base or not Path(base).is_dir():
        return None
    return Path(base) / "diary"


def _key_file(path: Path) -> Path | None:
    folder = runtime_folder()
    if folder is None:
        return None
    return folder / f"{hashlib.sha256(_id(path).encode()).hexdigest()[:24]}.key"


@dataclass(frozen=True, slots=True)
class Unlocked:
    key: bytes
    until: float | None  # epoch seconds, None: for as long as this process runs


def session(path: Path) -> Unlocked | None:
    """The unlock in force for path (this process's, else the runtime folder's); an expired
    or unreadable one is removed."""
    held = _held.get(_id(path))
    if held is not None:
        return Unlocked(held, None)
    file = _key_file(path)
    if file is None or not file.is_file():
        return None
    try:
        data = json.loads(file.read_text())
        until, key = float(data["until"]), bytes.fromhex(data["key"])
    except (OSError, ValueError, KeyError, TypeError):
        file.unlink(missing_ok=True)
        return None
    if until <= time.time() or data.get("path") != _id(path):
        file.unlink(missing_ok=True)
        return None
    return Unlocked(key, until)


def parse_duration(text: str) -> int:
    """'8h', '30m', '2d', '90s' (or a sum: '1h30m') as seconds, from a minute to 7 days."""
    parts = re.fullmatch(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?", text.strip().lower())
    if not text.strip() or parts is None:
        raise ValidationError("unlock time", text, "a time like 30m, 8h or 2d", key="for")
    d, h, m, s = (int(x or 0) for x in parts.groups())
    seconds = ((d * 24 + h) * 60 + m) * 60 + s
    if not 60 <= seconds <= MAX_FOR_S:
        raise ValidationError("unlock time", text, "from 1m up to 7d", key="for")
    return seconds


def keep(path: Path, key: bytes, seconds: int) -> float:
    """Keep the key in the runtime folder for seconds (file 0600 in a 0700 folder); returns
    its expiry. Refused where there is no runtime folder."""
    file = _key_file(path)
    if file is None:
        raise DiaryError(
            "there is no per-user runtime folder ($XDG_RUNTIME_DIR) here, so the diary cannot "
            "stay unlocked; it asks for the passphrase each time"
        )
    file.parent.mkdir(mode=0o700, exist_ok=True)
    os.chmod(file.parent, 0o700)
    until = time.time() + seconds
    temp = file.with_name(file.name + f".{os.getpid()}.new")
    handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(handle, "w") as out:
        json.dump({"path": _id(path), "until": until, "key": key.hex()}, out)
    os.replace(temp, file)
    return until


def hold(path: Path, key: bytes) -> None:
    """Keep the key in this process's memory only (the app, while it runs)."""
    _held[_id(path)] = key


def lock(path: Path) -> bool:
    """End the unlock of path at once (this process's and the runtime folder's); whether
    there was one."""
    was = _held.pop(_id(path), None) is not None
    file = _key_file(path)
    if file is not None and file.exists():
        file.unlink()
        was = True
    return was


def unlock_with(path: Path, secret: str) -> bytes:
    """The key the passphrase or recovery code gives for the diary at path (refused if wrong)."""
    return key_for_secret(secret, read_salt(path))


def prompt_for(path: Path) -> str:
    return f"Passphrase for {path.name} (or recovery code): "


def key_source(path: Path) -> Callable[[bytes], bytes]:
    """What open_store calls for an encrypted diary's key: the unlock in force, else the
    face's asker, else a LockedError."""

    def key_for(salt: bytes) -> bytes:
        current = session(path)
        if current is not None and key_fits(current.key, salt):
            return current.key
        if not _asker:
            raise LockedError()
        return key_for_secret(_asker[0](prompt_for(path)), salt)

    return key_for


def is_locked(path: Path) -> bool:
    """Whether opening the diary at path would need a passphrase."""
    if not path.is_file() or not is_encrypted(path):
        return False
    current = session(path)
    return current is None or not key_fits(current.key, read_salt(path))


def until_text(until: float | None) -> str:
    """'until 22:00' (or 'until 3 Dec 22:00' past today) for a header or a line."""
    if until is None:
        return "while the app is open"
    moment = dt.datetime.fromtimestamp(until)
    if moment.date() == dt.datetime.now().date():
        return f"until {moment:%H:%M}"
    return f"until {moment:%d %b %H:%M}"
